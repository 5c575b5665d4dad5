"""kramdown syntax that MyST reads differently, rewritten after the Liquid is translated.

- ``{: .note }`` (``.tip``, ``.warning``, ``.important``, each with a ``-title`` variant whose
  first paragraph is the title) on the line before or after a blockquote: the theme's callout,
  an admonition here; callouts nest as blockquotes do.
- inline attribute lists after a link or image, ``[x](u){: class="btn btn-primary"}`` or
  ``{: width="50%"}``: MyST's inline attributes ``{.btn .btn-primary}`` (``attrs_inline``).
- a block attribute list alone on its line that is not a callout (``{:toc}``, ``{: .table}``):
  dropped with a note, so readers never see it.
- GitHub emoji shortcodes (``:+1:``): the emoji (:data:`EMOJI`); unknown names are kept.

Code (fenced, indented, inline) is left as it is. ``## Heading {#id}`` is
:func:`.jekyll.heading_ids`'s. Each function is pure: text in, text and findings out; running
it on its output changes nothing.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable
from dataclasses import dataclass

from ..text.scanner import Fences, split_lines

CALLOUTS = ("note", "tip", "warning", "important")
_CALLOUT_IAL = re.compile(
    r"^(?P<indent>[ \t]{0,3})\{:\s*\.(?P<kind>note|tip|warning|important)(?P<title>-title)?\s*\}"
    r"[ \t]*$"
)
_BLOCK_IAL = re.compile(r"^[ \t]{0,3}\{:[^}\n]*\}[ \t]*$")
_QUOTE = re.compile(r"^([ \t]{0,3})>[ \t]?")
#: ``{: ...}`` right after a link's or image's closing parenthesis or reference bracket.
_INLINE_IAL = re.compile(r"(?<=[)\]])\{:[ \t]*([^{}\n]*?)[ \t]*\}")
_KEEP_ATTRIBUTES = {"width", "height", "align", "title", "alt"}
_SHORTCODE = re.compile(r"(?<![\w:/\\]):([a-z0-9_+-]+):(?![\w:])")
_CODE_SPAN = re.compile(r"(`+)(?:.*?[^`])?\1(?!`)|`+", re.S)

#: GitHub's common emoji shortcodes (a small table; unknown names stay as written).
EMOJI = {
    "+1": "👍",
    "thumbsup": "👍",
    "-1": "👎",
    "thumbsdown": "👎",
    "smile": "😄",
    "smiley": "😃",
    "grinning": "😀",
    "wink": "😉",
    "joy": "😂",
    "heart": "❤️",
    "star": "⭐",
    "tada": "🎉",
    "rocket": "🚀",
    "fire": "🔥",
    "bulb": "💡",
    "warning": "⚠️",
    "memo": "📝",
    "pencil": "📝",
    "pencil2": "✏️",
    "book": "📖",
    "books": "📚",
    "bookmark": "🔖",
    "link": "🔗",
    "lock": "🔒",
    "unlock": "🔓",
    "key": "🔑",
    "mag": "🔍",
    "question": "❓",
    "exclamation": "❗",
    "heavy_check_mark": "✔️",
    "white_check_mark": "✅",
    "check": "✔️",
    "x": "❌",
    "heavy_multiplication_x": "✖️",
    "point_right": "👉",
    "point_left": "👈",
    "point_up": "☝️",
    "point_down": "👇",
    "clap": "👏",
    "raised_hands": "🙌",
    "wave": "👋",
    "eyes": "👀",
    "computer": "💻",
    "email": "📧",
    "envelope": "✉️",
    "calendar": "📅",
    "date": "📅",
    "clock": "🕐",
    "hourglass": "⌛",
    "globe_with_meridians": "🌐",
    "earth_africa": "🌍",
    "chart_with_upwards_trend": "📈",
    "bar_chart": "📊",
    "wrench": "🔧",
    "hammer": "🔨",
    "gear": "⚙️",
    "package": "📦",
    "sparkles": "✨",
    "construction": "🚧",
    "no_entry": "⛔",
    "information_source": "\u2139\ufe0f",
    "dna": "🧬",
    "microscope": "🔬",
    "test_tube": "🧪",
    "hospital": "🏥",
    "arrow_right": "➡️",
    "arrow_left": "⬅️",
    "arrow_up": "⬆️",
    "arrow_down": "⬇️",
    "100": "💯",
    "ok_hand": "👌",
    "thinking": "🤔",
    "muscle": "💪",
}


@dataclass(frozen=True)
class KramdownFinding:
    line: int
    kind: str
    source: str
    message: str = ""


def rewrite(text: str) -> tuple[str, list[KramdownFinding]]:
    """All of this module's rewrites, in order: callouts, attribute lists, emoji."""
    findings: list[KramdownFinding] = []
    # The line-for-line rewrites first, so their lines are the text's own.
    text = attribute_lists(text, findings)
    text = emoji(text, findings)
    text = callouts(text, findings)
    return text, findings


# --- callouts ------------------------------------------------------------------------------


def callouts(text: str, findings: list[KramdownFinding], first_line: int = 1) -> str:
    """``{: .note }`` + blockquote → a ``note`` admonition (nested ones too); other block
    attribute lists alone on their line are dropped."""
    lines = split_lines(text)
    fences = Fences(text)
    starts: list[int] = []
    offset = 0
    for line in lines:
        starts.append(offset)
        offset += len(line)
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if fences.contains(starts[index]):
            out.append(line)
            index += 1
            continue
        marker = _CALLOUT_IAL.match(line.rstrip("\n"))
        if marker and index + 1 < len(lines) and _QUOTE.match(lines[index + 1]):
            end = _quote_end(lines, index + 1)
            out.append(
                _admonition(marker, lines[index + 1 : end], findings, first_line + index + 1)
            )
            findings.append(KramdownFinding(first_line + index, "kramdown callout", line.strip()))
            index = end
            continue
        if _QUOTE.match(line) and not fences.contains(starts[index]):
            end = _quote_end(lines, index)
            after = _CALLOUT_IAL.match(lines[end].rstrip("\n")) if end < len(lines) else None
            if after:
                out.append(_admonition(after, lines[index:end], findings, first_line + index))
                found = KramdownFinding(first_line + end, "kramdown callout", lines[end].strip())
                findings.append(found)
                index = end + 1
                continue
            out.extend(lines[index:end])
            index = end
            continue
        if _BLOCK_IAL.match(line.rstrip("\n")):
            message = "a kramdown block attribute list: MyST has no place for it; dropped"
            findings.append(KramdownFinding(first_line + index, "kramdown", line.strip(), message))
            index += 1
            continue
        out.append(line)
        index += 1
    return "".join(out)


def _quote_end(lines: list[str], start: int) -> int:
    end = start
    while end < len(lines) and _QUOTE.match(lines[end]):
        end += 1
    return end


def _admonition(
    marker: re.Match[str], quoted: list[str], findings: list[KramdownFinding], line: int
) -> str:
    indent = marker.group("indent")
    body_lines = [_QUOTE.sub("", item, count=1) for item in quoted]
    body = callouts("".join(body_lines), findings, line)
    kind = marker.group("kind")
    title = ""
    if marker.group("title"):
        paragraph, _, rest = body.lstrip("\n").partition("\n\n")
        title, body = " ".join(paragraph.split()), rest
    colons = ":::"
    while colons in body:
        colons += ":"
    head = f"{colons}{{admonition}} {title}\n:class: {kind}\n" if title else f"{colons}{{{kind}}}\n"
    head += "\n"  # the body never reads as the directive's options
    block = head + body.rstrip("\n") + f"\n{colons}\n"
    return "".join(indent + item if item.strip() else item for item in split_lines(block))


# --- inline attribute lists ----------------------------------------------------------------


def _outside_code(text: str, rewrite_line: Callable[[str, int], str]) -> str:
    """``rewrite_line`` applied to the text of ``text`` that is not code."""
    fences = Fences(text)
    pieces: list[str] = []
    offset = 0
    for line_number, line in enumerate(split_lines(text), start=1):
        if fences.contains(offset) or ("{" not in line and ":" not in line):
            pieces.append(line)
        else:
            position = 0
            parts: list[str] = []
            for span in _CODE_SPAN.finditer(line):
                parts.append(rewrite_line(line[position : span.start()], line_number))
                parts.append(span.group())
                position = span.end()
            parts.append(rewrite_line(line[position:], line_number))
            pieces.append("".join(parts))
        offset += len(line)
    return "".join(pieces)


def myst_attributes(kramdown: str) -> tuple[str, list[str]]:
    """``class="a b" width="50%"`` / ``.a #id`` → ``.a .b width="50%"``, and what was
    dropped."""
    try:
        words = shlex.split(kramdown.replace("=", " = "))
    except ValueError:
        return "", [kramdown]
    kept: list[str] = []
    dropped: list[str] = []
    index = 0
    while index < len(words):
        word = words[index]
        if index + 2 < len(words) and words[index + 1] == "=":
            key, value = word, words[index + 2]
            index += 3
            if key == "class":
                kept += [f".{name}" for name in value.split() if re.fullmatch(r"[\w-]+", name)]
            elif key == "id" and re.fullmatch(r"[\w-]+", value):
                kept.append(f"#{value}")
            elif key in _KEEP_ATTRIBUTES and '"' not in value:
                kept.append(f'{key}="{value}"')
            else:
                dropped.append(f"{key}={value!r}")
            continue
        if re.fullmatch(r"[.#][\w-]+", word):
            kept.append(word)
        else:
            dropped.append(word)
        index += 1
    return " ".join(kept), dropped


def attribute_lists(text: str, findings: list[KramdownFinding]) -> str:
    """``[x](u){: class="btn"}`` → ``[x](u){.btn}``."""
    if "{:" not in text:
        return text

    def rewrite_segment(segment: str, line: int) -> str:
        def replace(match: re.Match[str]) -> str:
            attributes, dropped = myst_attributes(match.group(1))
            message = f"dropped {', '.join(dropped)}: no MyST attribute" if dropped else ""
            findings.append(KramdownFinding(line, "kramdown attributes", match.group(), message))
            return "{" + attributes + "}" if attributes else ""

        return _INLINE_IAL.sub(replace, segment)

    return _outside_code(text, rewrite_segment)


# --- emoji ---------------------------------------------------------------------------------


def emoji(text: str, findings: list[KramdownFinding]) -> str:
    """``:+1:`` → 👍 for the shortcodes of :data:`EMOJI`."""
    if ":" not in text:
        return text

    def rewrite_segment(segment: str, line: int) -> str:
        if re.match(r"\s*:[\w-]+:\s", segment) or re.match(r"\s*:{3,}", segment):
            return segment  # a directive's option (``:class: tip``) or fence, not an emoji

        def replace(match: re.Match[str]) -> str:
            character = EMOJI.get(match.group(1))
            if character is None:
                return match.group()
            findings.append(KramdownFinding(line, "emoji", match.group()))
            return character

        return _SHORTCODE.sub(replace, segment)

    return _outside_code(text, rewrite_segment)
