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
    """``(start, end)`` offsets of the code blocks, whole lines, found as CommonMark
    (markdown-it, myst-parser's own parser) finds them: fenced ones, in lists and blockquotes
    too, closed by a fence indented as its container allows (an unclosed fence runs to the end
    of its container), and indented ones (four spaces past their container's indentation, as
    kramdown also reads them).

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
            if token.type not in ("fence", "code_block") or token.map is None:
                continue
            begin, end = (first_line + line for line in token.map)
            info = token.info.strip()
            if (
                token.type == "fence"
                and myst
                and info.startswith("{")
                and not info.startswith(LITERAL_DIRECTIVES)
            ):
                visit(token.content, begin + 1)
                continue
            last = min(end, len(line_starts) - 1)
            ranges.append((line_starts[min(begin, last)], line_starts[last]))

    visit(text, 0)
    return sorted(ranges)


class Fences:
    """Answers "is this offset inside a fenced code block?" in O(log n)."""

    def __init__(self, text: str, myst: bool = False) -> None:
        self.ranges = fenced_code_ranges(text, myst=myst)
        self.starts = [start for start, _ in self.ranges]

    def contains(self, offset: int) -> bool:
        index = bisect.bisect_right(self.starts, offset) - 1
        return index >= 0 and offset < self.ranges[index][1]


class LineIndex:
    """Line numbers of offsets in O(log n), after one pass over the text: counting newlines
    from the start for every tag made a page's cost grow with the square of its size."""

    def __init__(self, text: str) -> None:
        self.text = text
        #: Offset where each line starts; line n (1-based) starts at ``starts[n - 1]``.
        self.starts = [0, *(match.end() for match in re.finditer("\n", text))]
        self._text_bounds: dict[int, tuple[int, int]] = {}

    def line(self, offset: int) -> int:
        """1-based line number of ``offset``."""
        return bisect.bisect_right(self.starts, offset)

    def bounds(self, line: int) -> tuple[int, int]:
        """``(start, end)`` of a line, its newline included."""
        end = self.starts[line] if line < len(self.starts) else len(self.text)
        return self.starts[line - 1], end

    def text_bounds(self, line: int) -> tuple[int, int]:
        """Where the line's text (without surrounding whitespace) starts and ends; each line is
        looked at once."""
        found = self._text_bounds.get(line)
        if found is None:
            start, end = self.bounds(line)
            content = self.text[start:end]
            lead = len(content) - len(content.lstrip())
            found = (start + lead, start + len(content.rstrip()))
            self._text_bounds[line] = found
        return found


class _NextMatch:
    """The first match of ``pattern`` at or after an offset. A search is reused while its
    match is still ahead of the offset asked, so asking at offsets that only grow costs one
    pass over the text (an unclosed ``{%`` or code span searched to the end once, not once per
    opener)."""

    def __init__(self, pattern: re.Pattern[str], text: str) -> None:
        self.pattern = pattern
        self.text = text
        self.asked = -1
        self.found: re.Match[str] | None = None

    def at_or_after(self, offset: int) -> re.Match[str] | None:
        reusable = 0 <= self.asked <= offset
        if not (reusable and (self.found is None or self.found.start() >= offset)):
            self.asked = offset
            self.found = self.pattern.search(self.text, offset)
        return self.found


_BLOCK_CLOSE = re.compile(r"%\}")
_OUTPUT_CLOSE = re.compile(r"\}\}")


class Scanner:
    """The Liquid tags of one text, found in one pass (see :func:`scan`)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._fences: Fences | None = None
        self._blank_line = _NextMatch(_BLANK_LINE, text)
        self._block_close = _NextMatch(_BLOCK_CLOSE, text)
        self._output_close = _NextMatch(_OUTPUT_CLOSE, text)
        self._endraw = _NextMatch(_ENDRAW, text)
        self._closing_runs: dict[str, _NextMatch] = {}

    @property
    def fences(self) -> Fences:
        """The text's fenced code blocks, found when first needed (a text without a tag or a
        backtick needs none)."""
        if self._fences is None:
            self._fences = Fences(self.text)
        return self._fences

    def _code_span_end(self, start: int, run: str) -> int | None:
        """End of the inline code span opened by the backtick ``run`` at ``start``, if it
        closes within the paragraph (CommonMark: a closing run of exactly the same length)."""
        paragraph_end = self._blank_line.at_or_after(start)
        limit = paragraph_end.start() if paragraph_end else len(self.text)
        closing = self._closing_runs.get(run)
        if closing is None:
            pattern = re.compile(r"(?<!`)" + re.escape(run) + r"(?!`)")
            closing = self._closing_runs[run] = _NextMatch(pattern, self.text)
        match = closing.at_or_after(start + len(run))
        # A backtick run holds no newline, so a run found after the blank line cannot cross it.
        return match.end() if match and match.end() <= limit else None

    def _tag_at(self, start: int, in_code: bool) -> LiquidTag | None:
        text = self.text
        is_output = text.startswith("{{", start)
        close = (self._output_close if is_output else self._block_close).at_or_after(start + 2)
        if close is None:
            return None
        # The tag ends at the first closing delimiter: the match is bounded there.
        match = (_OUTPUT_TAG if is_output else _BLOCK_TAG).match(text, start, close.end())
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
            closing = self._endraw.at_or_after(match.end())
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

    def _openers(self, start: int, end: int) -> Generator[tuple[int, bool], int | None, None]:
        """Offsets of ``{%``/``{{`` in ``text[start:end]`` that are not escaped, and whether
        each is in code. The caller may move on past a whole tag by sending its end offset."""
        text = self.text
        code_until = -1
        position = start
        while (match := _TOKEN.search(text, position, end)) is not None:
            offset, token = match.start(), match.group()
            in_code = offset < code_until or self.fences.contains(offset)
            if token.startswith("\\"):
                # In code a backslash is literal; elsewhere it escapes the next character.
                position = offset + 1 if in_code else match.end()
                continue
            if token.startswith("`"):
                if not in_code:
                    span_end = self._code_span_end(offset, token)
                    if span_end is not None:
                        code_until = span_end
                position = match.end()
                continue
            resume = yield offset, in_code
            position = resume if resume is not None else offset + 2

    def tags(self) -> Iterator[LiquidTag]:
        """Every Liquid tag in order; the text of a raw block is skipped, not scanned."""
        openers = self._openers(0, len(self.text))
        resume: int | None = None
        while True:
            try:
                offset, in_code = openers.send(resume)
            except StopIteration:
                return
            tag = self._tag_at(offset, in_code)
            resume = None
            if tag is not None:
                yield tag
                resume = tag.raw_end[1] if tag.raw_end else tag.end

    def literal_openers(self, start: int, end: int) -> list[int]:
        """Offsets of the ``{%``/``{{`` in ``text[start:end]`` (a raw block's text) that are
        not in code: these must be escaped to stay literal in MyST and to a second
        translation."""
        return [offset for offset, in_code in self._openers(start, end) if not in_code]


@dataclass(frozen=True)
class PageScan:
    """The first pass of a page's migration: its text scanned once, and the tags found.

    The passes after it (logic, tags, placement) read these instead of scanning again."""

    text: str
    #: Every tag in order, in code or not (a raw block's text skipped).
    tags: tuple[LiquidTag, ...]
    lines: LineIndex
    scanner: Scanner

    @property
    def has_tags(self) -> bool:
        return bool(self.tags)


def scan_page(text: str) -> PageScan:
    """``text`` scanned once for its Liquid tags (see :class:`PageScan`)."""
    scanner = Scanner(text)
    return PageScan(text, tuple(scanner.tags()), LineIndex(text), scanner)


def scan(text: str) -> Iterator[LiquidTag]:
    """Every Liquid tag of ``text`` in order; the text of a raw block is skipped, not scanned."""
    return Scanner(text).tags()


def literal_openers(text: str, start: int, end: int) -> list[int]:
    """Offsets of the ``{%``/``{{`` in ``text[start:end]`` (a raw block's text) that are not in
    code: these must be escaped to stay literal in MyST and to a second translation."""
    return Scanner(text).literal_openers(start, end)


def line_of(text: str, offset: int) -> int:
    """1-based line number of ``offset``; for many offsets of one text, use :class:`LineIndex`."""
    return text.count("\n", 0, offset) + 1
