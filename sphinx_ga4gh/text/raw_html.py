"""Where a page's Liquid sits in raw HTML, and how an untranslated tag is shown there.

Markdown is not read inside an HTML block, so a "not migrated" admonition or inline code span
there would reach readers as loose text. There the migration writes the tag as a ``<code>``
element instead; inside an attribute value, which cannot hold markup, the value becomes ``#``
and the original goes into a ``data-ga4gh-not-migrated-NAME`` attribute. Both are escaped to
character references, so they hold no ``{%``, ``{{`` or backtick: a second migration finds
nothing to translate in them. (Raw HTML only: text between inline HTML tags in a paragraph is
Markdown, where an untranslated tag is marked inline code as anywhere in a sentence.)
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from markdown_it import MarkdownIt

#: Block structure only, as the scanner reads it.
_BLOCKS = MarkdownIt("commonmark").disable("inline")
_TAG = re.compile(r"\{%.*?%\}|\{\{.*?\}\}", re.S)
_START_TAG = re.compile(r"<[A-Za-z][A-Za-z0-9-]*")
#: CommonMark's open tag (inline HTML), on text whose Liquid tags are masked.
_OPEN_TAG = re.compile(
    r"""<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*"""
    r"""(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*/?>"""
)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_SHOWN_ESCAPES = re.compile(r"[&<>\"'{}%`\\:|\x00-\x1f\x7f]")
#: How far back a start tag is looked for (an attribute value longer than this is not seen).
_LOOK_BACK = 4000

#: The class of an untranslated tag shown as code (as ``{.ga4gh-not-migrated}`` in MyST).
NOT_MIGRATED_CLASS = "ga4gh-not-migrated"


class HtmlBlocks:
    """Answers "is this offset inside a CommonMark HTML block?" (markdown-it, as myst-parser
    reads the page), in O(log n) after one parse."""

    def __init__(self, text: str) -> None:
        line_starts = [0, *(match.end() for match in re.finditer("\n", text))]
        line_starts.append(len(text))
        ranges: list[tuple[int, int]] = []
        for token in _BLOCKS.parse(text.replace("\r", " ")):
            if token.type == "html_block" and token.map is not None:
                begin, end = (min(line, len(line_starts) - 1) for line in token.map)
                ranges.append((line_starts[begin], line_starts[end]))
        self.ranges = sorted(ranges)
        self.starts = [start for start, _ in self.ranges]

    def contains(self, offset: int) -> bool:
        index = bisect.bisect_right(self.starts, offset) - 1
        return index >= 0 and offset < self.ranges[index][1]


def shown_as_text(source: str) -> str:
    """``source`` escaped for HTML text or an attribute value: HTML's ``&<>"'``, Liquid's
    braces and ``%``, the backticks, backslashes and colons the other migration passes read,
    ``|`` (a table cell's end) and control characters, newlines included (a blank line would
    end the HTML block), as character references."""
    return _SHOWN_ESCAPES.sub(lambda match: f"&#{ord(match[0])};", source)


def code_element(source: str) -> str:
    """An untranslated tag in raw HTML, as readers see it: marked code with its text."""
    return f'<code class="{NOT_MIGRATED_CLASS}">{shown_as_text(source)}</code>'


@dataclass(frozen=True)
class AttributeValue:
    """The value of an HTML attribute a tag sits in: ``text[start:end]``, its quote (``""``
    when unquoted) and the attribute's name."""

    name: str
    start: int
    end: int
    quote: str


def _masked(text: str) -> str:
    """``text`` with each Liquid tag replaced by ``x``s of its length: quotes and ``>``
    inside a tag are Liquid's, read before HTML is."""
    return _TAG.sub(lambda match: re.sub(r"[^\n]", "x", match[0]), text)


def attribute_value_at(
    text: str, offset: int, tag_end: int, strict: bool = False
) -> AttributeValue | None:
    """The attribute value the tag at ``offset:tag_end`` is part of, if it is inside an HTML
    start tag's attribute value (``<a href="{{ x }}">``); None otherwise.

    ``strict`` (outside an HTML block): only in a start tag CommonMark reads as inline HTML,
    closed by its ``>``; anything else is text of a paragraph, where Markdown is read."""
    window = max(0, offset - _LOOK_BACK)
    opener = text.rfind("<", window, offset)
    while opener >= 0:
        if _START_TAG.match(text, opener):
            break
        opener = text.rfind("<", window, opener)
    if opener < 0:
        return None
    before = _masked(text[opener:offset])
    if _BLANK_LINE.search(before):
        return None
    position = _START_TAG.match(before)
    assert position is not None  # matched on the same text above
    index, state, quote, name, name_start = position.end(), "between", "", "", 0
    while index < len(before):
        char = before[index]
        if state == "quoted":
            if char == quote:
                state = "between"
        elif state == "unquoted":
            if char.isspace():
                state = "between"
            elif char == ">":
                return None
        elif char == ">":
            return None
        elif state == "equals":
            if char in "\"'":
                state, quote = "quoted", char
            elif not char.isspace():
                state = "unquoted"
        elif char == "=" and state in ("name", "after-name"):
            state = "equals"
        elif char.isspace():
            state = "after-name" if state == "name" else state
        elif state == "name":
            pass
        else:
            state, name_start = "name", index
        if state == "name":
            name = before[name_start : index + 1]
        index += 1
    if state not in ("quoted", "unquoted", "equals"):
        return None
    value_start = opener + _value_start(before, state, quote)
    after = _masked(text[tag_end : tag_end + _LOOK_BACK])
    if state == "quoted":
        close = after.find(quote)
        if close < 0 or _BLANK_LINE.search(after[:close]):
            return None
        end = tag_end + close
    else:
        stop = re.search(r"[\s>]|$", after)
        end = tag_end + (stop.start() if stop else len(after))
    masked_tag = before + re.sub(r"[^\n]", "x", text[offset:tag_end]) + after
    if strict and not _OPEN_TAG.match(masked_tag):
        return None
    return AttributeValue(name, value_start, end, quote)


def _value_start(before: str, state: str, quote: str) -> int:
    """Offset in ``before`` where the value being read starts."""
    if state == "quoted":
        return before.rfind(quote) + 1
    if state == "equals":
        return len(before)
    match = re.search(r"=\s*([^\s=]*)$", before)
    return match.start(1) if match else len(before)


def attribute_replacement(value: AttributeValue, original: str) -> str:
    """The safe value ``#`` and the original kept, escaped, in a data attribute (written in
    place of the value and its closing quote)."""
    name = re.sub(r"[^a-z0-9-]", "-", value.name.lower()).strip("-") or "value"
    kept = f'data-{NOT_MIGRATED_CLASS}-{name}="{shown_as_text(original)}"'
    return f"#{value.quote} {kept}"
