"""Finds the Liquid tags in a Markdown page, and which of them sit in code.

Liquid is lexical: ``{% ... %}`` and ``{{ ... }}`` end at the first closing delimiter, whatever
quotes they hold, and ``{% raw %}`` protects everything up to ``{% endraw %}``. Jekyll evaluates
Liquid before Markdown, so authors wrap examples of Liquid in ``raw``; in the MyST we write, code
is literal. So the scanner treats tags inside fenced code blocks and inline code spans as code
(left as they are), and a backslash before ``{`` as an escape: that is how translated raw text
stays literal, and why translating a translated page changes nothing.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Generator, Iterator
from dataclasses import dataclass

from markdown_it import MarkdownIt

#: Block structure only: inline rules are not needed to find code blocks.
_BLOCKS = MarkdownIt("commonmark").disable("inline")
#: What the scanner stops at: escapes, backtick runs, tag openers.
_TOKEN = re.compile(r"\\[{`\\]|`+|\{%|\{\{")
_BLOCK_TAG = re.compile(r"\{%(-?)(.*?)(-?)%\}", re.S)
_OUTPUT_TAG = re.compile(r"\{\{(-?)(.*?)(-?)\}\}", re.S)
_ENDRAW = re.compile(r"\{%-?\s*endraw\s*-?%\}")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True)
class LiquidTag:
    """One ``{% name markup %}`` or ``{{ markup }}`` at ``start:end`` of the page text."""

    start: int
    end: int
    source: str
    is_output: bool
    name: str
    markup: str
    in_code: bool
    #: For ``{% raw %}``: where the protected text ends (the ``{% endraw %}`` tag's start and end).
    raw_end: tuple[int, int] | None = None


#: MyST directives whose body is literal text, not Markdown.
LITERAL_DIRECTIVES = ("{code}", "{code-block}", "{sourcecode}", "{literalinclude}", "{raw}")


def split_lines(text: str) -> list[str]:
    """Lines with their ``\n``: Markdown breaks lines there only (``str.splitlines`` also
    breaks at form feeds and other separators)."""
    return re.findall(r"[^\n]*\n|[^\n]+$", text)


def fenced_code_ranges(text: str, myst: bool = False) -> list[tuple[int, int]]:
    """``(start, end)`` offsets of the fenced code blocks, whole lines, found as CommonMark
    (markdown-it, myst-parser's own parser) finds them: in lists and blockquotes too, closed by
    a fence indented as its container allows; an unclosed fence runs to the end of its
    container.

    With ``myst``, a fence that opens a directive (```` ```{note} ````) holds Markdown, not code
    (the fences in its body are code), unless the directive shows its body literally."""
    # markdown-it counts a lone carriage return as a line end; Markdown pages here break at \n
    # only, so the lines (and the offsets made from them) stay the page's own.
    line_starts = [0]
    for line in split_lines(text):
        line_starts.append(line_starts[-1] + len(line))
    ranges: list[tuple[int, int]] = []

    def visit(source: str, first_line: int) -> None:
        for token in _BLOCKS.parse(source.replace("\r", " ")):
            if token.type != "fence" or token.map is None:
                continue
            begin, end = (first_line + line for line in token.map)
            info = token.info.strip()
            if myst and info.startswith("{") and not info.startswith(LITERAL_DIRECTIVES):
                visit(token.content, begin + 1)
                continue
            last = min(end, len(line_starts) - 1)
            ranges.append((line_starts[min(begin, last)], line_starts[last]))

    visit(text, 0)
    return sorted(ranges)


class _Fences:
    """Answers "is this offset inside a fenced code block?" in O(log n)."""

    def __init__(self, text: str) -> None:
        self.ranges = fenced_code_ranges(text)
        self.starts = [start for start, _ in self.ranges]

    def contains(self, offset: int) -> bool:
        index = bisect.bisect_right(self.starts, offset) - 1
        return index >= 0 and offset < self.ranges[index][1]


def _code_span_end(text: str, start: int, run: str) -> int | None:
    """End of the inline code span opened by the backtick ``run`` at ``start``, if it closes
    within the paragraph (CommonMark: a closing run of exactly the same length)."""
    paragraph_end = _BLANK_LINE.search(text, start)
    limit = paragraph_end.start() if paragraph_end else len(text)
    pattern = re.compile(r"(?<!`)" + re.escape(run) + r"(?!`)")
    match = pattern.search(text, start + len(run), limit)
    return match.end() if match else None


def _tag_at(text: str, start: int, in_code: bool) -> LiquidTag | None:
    is_output = text.startswith("{{", start)
    match = (_OUTPUT_TAG if is_output else _BLOCK_TAG).match(text, start)
    if match is None:
        return None
    body = match.group(2).strip()
    if is_output:
        name, markup = "", body
    else:
        name, _, markup = body.partition(" ")
        name, markup = name.strip(), markup.strip()
        # ``{%tool "x"%}`` and tabs/newlines after the name are valid Liquid.
        head = re.match(r"[A-Za-z_][\w-]*", body)
        if head and head.end() != len(name):
            name, markup = head.group(), body[head.end() :].strip()
    raw_end = None
    if name == "raw":
        closing = _ENDRAW.search(text, match.end())
        if closing is not None:
            raw_end = (closing.start(), closing.end())
    return LiquidTag(
        start=start,
        end=match.end(),
        source=match.group(),
        is_output=is_output,
        name=name,
        markup=markup,
        in_code=in_code,
        raw_end=raw_end,
    )


def _openers(
    text: str, fences: _Fences, start: int, end: int
) -> Generator[tuple[int, bool], int | None, None]:
    """Offsets of ``{%``/``{{`` in ``text[start:end]`` that are not escaped, and whether each is
    in code. The caller may move on past a whole tag by sending its end offset."""
    code_until = -1
    position = start
    while (match := _TOKEN.search(text, position, end)) is not None:
        offset, token = match.start(), match.group()
        in_code = offset < code_until or fences.contains(offset)
        if token.startswith("\\"):
            # In code a backslash is literal; elsewhere it escapes the next character.
            position = offset + 1 if in_code else match.end()
            continue
        if token.startswith("`"):
            if not in_code:
                span_end = _code_span_end(text, offset, token)
                if span_end is not None:
                    code_until = span_end
            position = match.end()
            continue
        resume = yield offset, in_code
        position = resume if resume is not None else offset + 2


def scan(text: str) -> Iterator[LiquidTag]:
    """Every Liquid tag of ``text`` in order; the text of a raw block is skipped, not scanned."""
    fences = _Fences(text)
    openers = _openers(text, fences, 0, len(text))
    resume: int | None = None
    while True:
        try:
            offset, in_code = openers.send(resume)
        except StopIteration:
            return
        tag = _tag_at(text, offset, in_code)
        resume = None
        if tag is not None:
            yield tag
            resume = tag.raw_end[1] if tag.raw_end else tag.end


def literal_openers(text: str, start: int, end: int) -> list[int]:
    """Offsets of the ``{%``/``{{`` in ``text[start:end]`` (a raw block's text) that are not in
    code: these must be escaped to stay literal in MyST and to a second translation."""
    fences = _Fences(text)
    return [offset for offset, in_code in _openers(text, fences, start, end) if not in_code]


def line_of(text: str, offset: int) -> int:
    """1-based line number of ``offset``."""
    return text.count("\n", 0, offset) + 1
