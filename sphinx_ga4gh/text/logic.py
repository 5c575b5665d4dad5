"""Evaluates a page's Liquid logic at migration time, where Jekyll would evaluate it.

``assign``, ``capture``, ``if``/``elsif``/``else``, ``unless``, ``case``/``when``, ``for`` (with
``forloop``, ``limit``, ``offset``, ``reversed``), ``comment`` and the common filters, over
``page.*`` (front matter with ``_config.yml`` defaults), ``site.*`` (config and ``site.data``)
and the variables the page assigns. The result still holds the page's other tags
(``{% tool %}``, includes, ``{{ site.title }}``) for the tag translator, which runs after this
pass: a tag inside an ``if`` becomes its MyST form like any other.

Like the translator, :func:`evaluate` never raises, keeps every byte outside the constructs it
evaluates, and its output has nothing left to evaluate (constructs it cannot evaluate are shown
as "not migrated" blocks, in code, so a second pass leaves them alone). Site text is untrusted:
loops, nesting, includes and output size are bounded.

python-liquid is not used: it renders a whole template (every byte, every tag), raises on
syntax it does not know (``{% tool %}``, ``{% cite %}``), and cannot leave a tag it cannot
evaluate as written; this pass needs to evaluate only the logic and keep the rest exactly.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from .scanner import LineIndex, LiquidTag, PageScan, Scanner, scan_page

#: Block tags and their end tags; ``assign`` has no end.
BLOCKS = {
    "if": "endif",
    "unless": "endunless",
    "case": "endcase",
    "for": "endfor",
    "capture": "endcapture",
    "comment": "endcomment",
}
LOGIC_TAGS = {"assign", *BLOCKS}
#: Loops over these ``site.data`` files are left for the directive that reads them at build
#: time: editors keep adding items.
LIVE_DATA = {"news": "news", "events": "events"}
MAX_ITERATIONS = 10_000
MAX_DEPTH = 40
MAX_OUTPUT = 2_000_000
MAX_INCLUDE_DEPTH = 5
#: ``site.*`` values only Jekyll knows, while it builds.
JEKYLL_COMPUTED = {"pages", "posts", "collections", "github", "static_files", "time", "html_pages"}


class NotEvaluable(Exception):
    """The construct stays as written (shown as not migrated), with this reason."""


class _Break(Exception):
    pass


class _Continue(Exception):
    pass


@dataclass(frozen=True)
class LogicFinding:
    line: int
    kind: str
    source: str
    translated: bool
    message: str = ""


@dataclass
class LogicContext:
    """The values a page's Liquid may read."""

    page: Mapping[str, Any] = field(default_factory=dict)
    site: Mapping[str, Any] = field(default_factory=dict)
    data: Mapping[str, Any] = field(default_factory=dict)
    url: str = ""
    #: Site-local ``_includes`` (name → text), expanded at their call.
    includes: Mapping[str, str] = field(default_factory=dict)
    #: Includes the tag translator knows (the theme's): never expanded here.
    theme_includes: frozenset[str] = frozenset()
    #: ``include.*`` while a site include is expanded, and how deep.
    include: Mapping[str, Any] | None = None
    depth: int = 0


@dataclass
class Evaluation:
    text: str
    findings: list[LogicFinding]
    #: For each line of ``text`` (0-based index), the source line (1-based) it came from.
    line_map: list[int]
    #: The ``site.data`` files read.
    data_read: set[str] = field(default_factory=set)


# --- expressions ---------------------------------------------------------------------------

_EXPRESSION_TOKEN = re.compile(
    r"""\s*(?:
        (?P<string>"[^"]*"|'[^']*')
      | (?P<range>\(\s*[^()]+?\s*\.\.\s*[^()]+?\s*\))
      | (?P<number>-?\d+(?:\.\d+)?(?![\w.]))
      | (?P<operator>==|!=|<>|<=|>=|<|>)
      | (?P<name>[A-Za-z_][\w-]*\??(?:\.[A-Za-z_][\w-]*\??|\[[^\[\]]*\])*)
      | (?P<punct>[|:,])
    )""",
    re.X,
)
_UNSET = object()


def _split_top(text: str, separator: str) -> list[str]:
    """``text`` split at ``separator`` outside quotes."""
    parts: list[str] = []
    quote = ""
    current: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        if quote:
            if char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif text.startswith(separator, index):
            parts.append("".join(current))
            current = []
            index += len(separator)
            continue
        current.append(char)
        index += 1
    parts.append("".join(current))
    return parts


class Scope:
    """Variables in force while a page is evaluated, and what they were read from."""

    def __init__(self, context: LogicContext) -> None:
        self.context = context
        self.variables: dict[str, Any] = {}
        self.unknown: dict[str, str] = {}
        self.data_read: set[str] = set()
        self.iterations = 0

    def lookup(self, path: str) -> Any:
        parts = _path_parts(path)
        root, rest = parts[0], parts[1:]
        if root in self.unknown:
            raise NotEvaluable(self.unknown[root])
        value: Any
        if root in self.variables:
            value = self.variables[root]
        elif root == "page":
            value = {**self.context.page, "url": self.context.url}
        elif root == "site":
            if rest and rest[0] in JEKYLL_COMPUTED:
                raise NotEvaluable(f"site.{rest[0]} is computed by Jekyll at build time")
            if rest and rest[0] == "data":
                if len(rest) > 1:
                    self.data_read.add(str(rest[1]))
                value = {**self.context.site, "data": self.context.data}
            else:
                value = self.context.site
        elif root == "include" and self.context.include is not None:
            value = self.context.include
        elif root in ("true", "false", "nil", "null", "empty", "blank"):
            return {"true": True, "false": False}.get(root)
        else:
            raise NotEvaluable(f"{root!r} is not known at migration time")
        for key in rest:
            if isinstance(key, _Index):
                key = _literal_or_variable(key.expression, self)
            value = _item(value, key)
        return value


def _path_parts(path: str) -> list[Any]:
    parts: list[Any] = []
    for match in re.finditer(r"([^.\[\]]+)|\[([^\[\]]*)\]", path):
        if match.group(1) is not None:
            parts.append(match.group(1))
        else:
            inner = match.group(2).strip()
            string = re.fullmatch(r"""["']([^"']*)["']""", inner)
            if string:
                parts.append(string.group(1))
            elif re.fullmatch(r"-?\d+", inner):
                parts.append(int(inner))
            else:
                parts.append(_Index(inner))
    return parts


@dataclass(frozen=True)
class _Index:
    """``[expression]`` in a path: its value is the key."""

    expression: str


def _item(value: Any, key: Any) -> Any:
    if isinstance(value, Mapping):
        if key in value:
            return value[key]
        if key == "size":
            return len(value)
        return None
    if isinstance(value, list | str):
        if isinstance(key, int):
            return value[key] if -len(value) <= key < len(value) else None
        if key == "size":
            return len(value)
        if key == "first" and isinstance(value, list):
            return value[0] if value else None
        if key == "last" and isinstance(value, list):
            return value[-1] if value else None
    return None


def _literal_or_variable(token: str, scope: Scope) -> Any:
    token = token.strip()
    if not token:
        raise NotEvaluable("an empty value")
    match = _EXPRESSION_TOKEN.fullmatch(token)
    if match is None:
        raise NotEvaluable(f"{token!r} is not a Liquid value")
    if match.group("string") is not None:
        return match.group("string")[1:-1]
    if match.group("number") is not None:
        number = match.group("number")
        return float(number) if "." in number else int(number)
    if match.group("range") is not None:
        low, _, high = match.group("range")[1:-1].partition("..")
        start, stop = (_integer(_literal_or_variable(part, scope)) for part in (low, high))
        if stop - start > MAX_ITERATIONS:
            raise NotEvaluable("a range longer than sphinx-ga4gh evaluates")
        return list(range(start, stop + 1))
    if match.group("name") is not None:
        if token in ("empty", "blank"):
            return _EMPTY
        return scope.lookup(token)
    raise NotEvaluable(f"{token!r} is not a Liquid value")


class _Empty:
    """Liquid's ``empty``/``blank``: equal to every empty string, list and mapping."""

    def __eq__(self, other: object) -> bool:
        return other is None or other == "" or other == [] or other == {} or other is self

    def __hash__(self) -> int:
        return 0


_EMPTY = _Empty()


def _integer(value: Any) -> int:
    try:
        return int(float(value))
    except (TypeError, ValueError):
        raise NotEvaluable(f"{value!r} is not a number") from None


def _text(value: Any) -> str:
    if value is None or value is _EMPTY:
        return ""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, list):
        return "".join(_text(item) for item in value)
    if isinstance(value, float) and value.is_integer():
        return f"{value:.1f}"
    return str(value)


def _date(value: Any, pattern: str) -> str:
    if isinstance(value, str):
        if value in ("now", "today"):
            raise NotEvaluable("the date of the build is not known at migration time")
        try:
            value = datetime.fromisoformat(value.strip())
        except ValueError:
            return str(value)
    if isinstance(value, date | datetime):
        try:
            return value.strftime(pattern)
        except ValueError:
            return str(value)
    return _text(value)


def _sort_key(item: Any) -> tuple[int, str]:
    return (0, item) if isinstance(item, str) else (1, str(item))


def _where(value: Any, key: Any, target: Any = _UNSET) -> list[Any]:
    items = value if isinstance(value, list) else []
    if target is _UNSET:
        return [item for item in items if isinstance(item, Mapping) and item.get(key)]
    return [item for item in items if isinstance(item, Mapping) and item.get(key) == target]


def _slice(value: Any, start: Any, length: Any = 1) -> Any:
    begin, size = _integer(start), _integer(length)
    if not isinstance(value, list | str):
        value = _text(value)
    if begin < 0:
        begin += len(value)
    return value[max(begin, 0) : max(begin, 0) + max(size, 0)]


def _number(value: Any) -> float | int:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    try:
        return int(str(value))
    except ValueError:
        try:
            return float(str(value))
        except ValueError:
            return 0


def _divide(value: Any, by: Any) -> float | int:
    left, right = _number(value), _number(by)
    if right == 0:
        raise NotEvaluable("divided_by: 0")
    return left // right if isinstance(right, int) and isinstance(left, int) else left / right


def _as_list(value: Any) -> list[Any]:
    if isinstance(value, list):
        return value
    if value is None:
        return []
    if isinstance(value, Mapping):
        return [[key, item] for key, item in value.items()]
    return [value]


def _truncate(value: Any, length: Any = 50, ellipsis: Any = "...") -> str:
    text, size, tail = _text(value), _integer(length), _text(ellipsis)
    return text if len(text) <= size else text[: max(size - len(tail), 0)] + tail


FILTERS: dict[str, Callable[..., Any]] = {
    "join": lambda value, glue=" ": _text(glue).join(_text(item) for item in _as_list(value)),
    "split": lambda value, by: _text(value).split(_text(by)) if _text(by) else list(_text(value)),
    "size": lambda value: len(value) if isinstance(value, list | str | Mapping) else 0,
    "first": lambda value: (value[0] if value else None) if isinstance(value, list | str) else None,
    "last": lambda value: (value[-1] if value else None) if isinstance(value, list | str) else None,
    "where": _where,
    "sort": lambda value, key=None: sorted(
        _as_list(value),
        key=lambda item: _sort_key(item.get(key) if key and isinstance(item, Mapping) else item),
    ),
    "sort_natural": lambda value, key=None: sorted(
        _as_list(value),
        key=lambda item: _text(
            item.get(key) if key and isinstance(item, Mapping) else item
        ).lower(),
    ),
    "map": lambda value, key: [
        item.get(key) if isinstance(item, Mapping) else None for item in _as_list(value)
    ],
    "uniq": lambda value: list(dict.fromkeys(_text(item) for item in _as_list(value))),
    "reverse": lambda value: list(reversed(_as_list(value))),
    "compact": lambda value: [item for item in _as_list(value) if item is not None],
    "concat": lambda value, other: _as_list(value) + _as_list(other),
    "downcase": lambda value: _text(value).lower(),
    "upcase": lambda value: _text(value).upper(),
    "capitalize": lambda value: _text(value)[:1].upper() + _text(value)[1:],
    "default": lambda value, fallback="": (
        value if value not in (None, False, "", [], {}) else fallback
    ),
    "strip": lambda value: _text(value).strip(),
    "lstrip": lambda value: _text(value).lstrip(),
    "rstrip": lambda value: _text(value).rstrip(),
    "strip_newlines": lambda value: _text(value).replace("\n", "").replace("\r", ""),
    "replace": lambda value, old, new="": _text(value).replace(_text(old), _text(new)),
    "replace_first": lambda value, old, new="": _text(value).replace(_text(old), _text(new), 1),
    "remove": lambda value, old: _text(value).replace(_text(old), ""),
    "remove_first": lambda value, old: _text(value).replace(_text(old), "", 1),
    "append": lambda value, tail: _text(value) + _text(tail),
    "prepend": lambda value, head: _text(head) + _text(value),
    "slice": _slice,
    "truncate": _truncate,
    "date": lambda value, pattern="%Y-%m-%d": _date(value, _text(pattern)),
    "date_to_long_string": lambda value: _date(value, "%d %B %Y"),
    "date_to_string": lambda value: _date(value, "%d %b %Y"),
    "plus": lambda value, other: _number(value) + _number(other),
    "minus": lambda value, other: _number(value) - _number(other),
    "times": lambda value, other: _number(value) * _number(other),
    "divided_by": _divide,
    "modulo": lambda value, other: _number(value) % (_number(other) or 1),
    "escape": lambda value: (
        _text(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    ),
    "strip_html": lambda value: re.sub(r"<[^>]*>", "", _text(value)),
    "markdownify": _text,
    "slugify": lambda value, mode="default": re.sub(r"[^a-z0-9]+", "-", _text(value).lower()).strip(
        "-"
    ),
    "number_of_words": lambda value: len(_text(value).split()),
}
#: Filters only the tag translator can apply (it knows where the value is written).
TRANSLATOR_FILTERS = {"relative_url", "absolute_url"}


def _filter_call(text: str, scope: Scope) -> tuple[str, list[Any]]:
    name, _, arguments = text.strip().partition(":")
    name = name.strip()
    values = [
        _literal_or_variable(argument, scope)
        for argument in _split_top(arguments, ",")
        if arguments.strip()
    ]
    return name, values


def filtered(expression: str, scope: Scope) -> Any:
    """The value of ``value | filter: arg, ...``."""
    head, *calls = _split_top(expression, "|")
    value = _literal_or_variable(head, scope)
    for call in calls:
        name, arguments = _filter_call(call, scope)
        function = FILTERS.get(name)
        if function is None:
            raise NotEvaluable(f"filter {name!r} is not one sphinx-ga4gh evaluates")
        try:
            value = function(value, *arguments)
        except NotEvaluable:
            raise
        except Exception as error:  # a filter given the wrong values: as Liquid, no value
            raise NotEvaluable(f"filter {name}: {error}") from None
    return value


def _compare(left: Any, operator: str, right: Any) -> bool:
    if operator == "contains":
        if isinstance(left, str):
            return _text(right) in left
        if isinstance(left, list):
            return right in left
        return False
    if operator in ("==", "!="):
        equal = bool(right == left if right is _EMPTY else left == right)
        return equal if operator == "==" else not equal
    if operator == "<>":
        return bool(left != right)
    try:
        return bool(
            {
                "<": lambda: left < right,
                ">": lambda: left > right,
                "<=": lambda: left <= right,
                ">=": lambda: left >= right,
            }[operator]()
        )
    except TypeError:
        return False


def _truthy(value: Any) -> bool:
    return value is not None and value is not False and value is not _EMPTY


def condition(expression: str, scope: Scope) -> bool:
    """``a == b and c contains 'x' or d``, evaluated right to left as Liquid does."""
    pieces = re.split(r"\s+(and|or)\s+", _mask_quotes(expression))
    originals = _cut_like(expression, pieces)
    result: bool | None = None
    for index in range(len(originals) - 1, -1, -2):
        value = _comparison(originals[index], scope)
        if result is None:
            result = value
        else:
            joiner = originals[index + 1].strip()
            result = (value and result) if joiner == "and" else (value or result)
    return bool(result)


def _mask_quotes(text: str) -> str:
    return re.sub(r"\"[^\"]*\"|'[^']*'", lambda match: "x" * len(match.group()), text)


def _cut_like(original: str, masked_pieces: list[str]) -> list[str]:
    """The pieces of ``original`` at the offsets the masked text was split at."""
    pieces: list[str] = []
    position = 0
    masked = _mask_quotes(original)
    for piece in masked_pieces:
        start = masked.index(piece, position) if piece else position
        pieces.append(original[start : start + len(piece)])
        position = start + len(piece)
    return pieces


def _comparison(text: str, scope: Scope) -> bool:
    masked = _mask_quotes(text)
    match = re.search(r"\s*(==|!=|<>|<=|>=|<|>|\scontains\s)\s*", masked)
    if match is None:
        return _truthy(_literal_or_variable(text, scope))
    left = _literal_or_variable(text[: match.start()], scope)
    right = _literal_or_variable(text[match.end() :], scope)
    return _compare(left, match.group(1).strip(), right)


# --- the tree ------------------------------------------------------------------------------


@dataclass
class _Text:
    start: int
    end: int


@dataclass
class _Tag:
    tag: LiquidTag
    #: The text this tag takes: its whole line when nothing else is on it.
    start: int
    end: int


@dataclass
class _Block:
    opener: _Tag
    #: ``(branch tag or None for the opener, its body)``: elsif/else/when branches.
    branches: list[tuple[_Tag, list[Any]]]
    closer: _Tag

    @property
    def start(self) -> int:
        return self.opener.start

    @property
    def end(self) -> int:
        return self.closer.end


_BRANCHES = {"if": {"elsif", "else"}, "unless": {"elsif", "else"}, "case": {"when", "else"}}
_BRANCHES["for"] = {"else"}


def _extent(lines: LineIndex, tag: LiquidTag) -> tuple[int, int]:
    first, last = lines.line(tag.start), lines.line(tag.end)
    if lines.text_bounds(first)[0] < tag.start or lines.text_bounds(last)[1] > tag.end:
        return tag.start, tag.end
    return lines.bounds(first)[0], lines.bounds(last)[1]


def _nodes(scan: PageScan, context: LogicContext) -> list[Any]:
    """The text as a tree of logic blocks; every other tag, and a block that is not closed,
    is text."""
    lines = scan.lines
    items: list[_Tag] = []
    for tag in scan.tags:
        if tag.name == "octicon" and not tag.in_code:
            items.append(_Tag(tag, tag.start, tag.end))
            continue
        if tag.name == "include" and not tag.in_code and _include_needs_logic(tag, context):
            items.append(_Tag(tag, *_extent(lines, tag)))
            continue
        if tag.in_code or tag.is_output or tag.name not in LOGIC_TAGS | _BLOCK_INNER:
            if tag.is_output and not tag.in_code:
                items.append(_Tag(tag, tag.start, tag.end))
            continue
        start, end = _extent(lines, tag)
        items.append(_Tag(tag, start, end))
    nodes, _ = _parse(items, 0, None, 0)
    return nodes


_BLOCK_INNER = {"elsif", "else", "when", "break", "continue"} | set(BLOCKS.values())


def _parse(items: list[_Tag], index: int, closer: str | None, depth: int) -> tuple[list[Any], int]:
    """Nodes from ``items[index:]`` up to the tag named ``closer`` (index of it returned)."""
    nodes: list[Any] = []
    while index < len(items):
        item = items[index]
        name = item.tag.name
        if closer is not None and (name == closer or name in _BRANCH_NAMES):
            return nodes, index
        if name == "comment":
            end = next(
                (i for i in range(index + 1, len(items)) if items[i].tag.name == "endcomment"),
                None,
            )
            if end is None:
                index += 1
                continue
            nodes.append(_Block(item, [(item, [])], items[end]))
            index = end + 1
            continue
        if name in BLOCKS and depth < MAX_DEPTH:
            block = _parse_block(items, index, depth)
            if block is not None:
                nodes.append(block[0])
                index = block[1]
                continue
        if name in ("assign", "break", "continue", "include", "octicon") or item.tag.is_output:
            nodes.append(item)
        index += 1
    return nodes, index


_BRANCH_NAMES = {"elsif", "else", "when"}


def _parse_block(items: list[_Tag], index: int, depth: int) -> tuple[_Block, int] | None:
    opener = items[index]
    closer = BLOCKS[opener.tag.name]
    allowed = _BRANCHES.get(opener.tag.name, set())
    branches: list[tuple[_Tag, list[Any]]] = []
    head = opener
    position = index + 1
    while True:
        body, position = _parse(items, position, closer, depth + 1)
        branches.append((head, body))
        if position >= len(items):
            return None
        found = items[position]
        if found.tag.name == closer:
            return _Block(opener, branches, found), position + 1
        if found.tag.name not in allowed:
            return None
        head = found
        position += 1


# --- rendering -----------------------------------------------------------------------------


@dataclass
class _Piece:
    text: str
    #: Source offset of its text; ``kept`` when it is the source's own text (lines map 1:1).
    source: int
    kept: bool


class _Renderer:
    def __init__(self, scan: PageScan, scope: Scope, findings: list[LogicFinding]) -> None:
        self.text = scan.text
        self.scope = scope
        self.findings = findings
        self.size = 0
        self.lines = scan.lines
        #: What the last construct rendered should say in the report, when not the default.
        self.note: str | None = None

    def emit(self, pieces: list[_Piece], piece: _Piece) -> None:
        self.size += len(piece.text)
        if self.size > MAX_OUTPUT:
            raise NotEvaluable("the result would be larger than sphinx-ga4gh writes")
        if piece.text:
            pieces.append(piece)

    def body(self, nodes: Sequence[Any], start: int, end: int, pieces: list[_Piece]) -> None:
        """The text ``start:end`` with the nodes in it rendered."""
        position = start
        for node in nodes:
            if node.start > position:
                self.emit(pieces, _Piece(self.text[position : node.start], position, True))
            self.node(node, pieces)
            position = max(position, node.end)
        if end > position:
            self.emit(pieces, _Piece(self.text[position:end], position, True))

    def node(self, node: Any, pieces: list[_Piece]) -> None:
        if isinstance(node, _Tag):
            self.tag(node, pieces)
        else:
            self.block(node, pieces)

    def tag(self, node: _Tag, pieces: list[_Piece]) -> None:
        tag = node.tag
        if tag.is_output:
            self.output(node, pieces)
        elif tag.name == "assign":
            name, equals, expression = tag.markup.partition("=")
            name = name.strip()
            if not equals or not re.fullmatch(r"[A-Za-z_][\w-]*", name):
                raise NotEvaluable(f"cannot read {tag.source!r}")
            self.scope.variables[name] = filtered(expression, self.scope)
        elif tag.name == "include":
            self.include(node, pieces)
        elif tag.name == "octicon":
            # GitHub's icon font is not in the Sphinx theme: its name says what it showed.
            icon = re.match(r"[\w-]+", tag.markup)
            if icon is None:
                raise NotEvaluable("octicon without a name")
            self.note = f"octicon {icon.group()}: written as its name"
            self.emit(pieces, _Piece(icon.group(), node.start, False))
        elif tag.name == "break":
            raise _Break
        elif tag.name == "continue":
            raise _Continue

    def include(self, node: _Tag, pieces: list[_Piece]) -> None:
        """A site include expanded with its parameters; a theme include's variable parameters
        (``custom=child_pages``) replaced by their values, for the tag translator."""
        tag = node.tag
        name, _, rest = tag.markup.strip().partition(" ")
        values: dict[str, Any] = {}
        written: list[str] = []
        for match in _INCLUDE_VALUE.finditer(rest):
            key, word = match.group(1), match.group(4)
            if word is None:
                quoted = match.group(2) if match.group(2) is not None else match.group(3)
                values[key] = quoted.replace('\\"', '"').replace("\\'", "'")
                written.append(match.group())
                continue
            value = _literal_or_variable(word, self.scope)
            if isinstance(value, list):
                value = ", ".join(_text(item) for item in value)
            values[key] = value
            text = _text(value)
            if "{" in text or "}" in text:
                raise NotEvaluable(f"{key}={word}: its value holds braces")
            written.append(f'{key}="' + text.replace('"', '\\"') + '"')
        if name in self.scope.context.includes and name not in self.scope.context.theme_includes:
            self.emit(pieces, _Piece(self.expand(name, values, node), node.start, False))
            return
        rewritten = tag.source.replace(tag.markup, " ".join([name, *written]), 1)
        # the tag's whole line when it stands alone: its indentation and newline kept
        line = self.text[node.start : node.end].replace(tag.source, rewritten, 1)
        self.emit(pieces, _Piece(line, node.start, False))

    def expand(self, name: str, values: dict[str, Any], node: _Tag) -> str:
        context = self.scope.context
        if context.depth >= MAX_INCLUDE_DEPTH:
            raise NotEvaluable(f"{name} includes itself, or more than {MAX_INCLUDE_DEPTH} deep")
        inner = replace(context, include=values, depth=context.depth + 1)
        source = context.includes[name]
        # an include is a text of its own: scanned on its own
        result = _evaluate(scan_page(source), inner, {**self.scope.variables})
        left = [found for found in result.findings if not found.translated]
        if left:
            raise NotEvaluable(f"site include {name}: {left[0].message}")
        self.note = f"_includes/{name} expanded at its call"
        if result.data_read:
            self.scope.data_read.update(result.data_read)
        return _as_markdown_block(result.text, node.start != node.tag.start)

    def output(self, node: _Tag, pieces: list[_Piece]) -> None:
        """An output the translator cannot compute (a variable the page assigned, a filter it
        does not know) is computed here; others are left to it (it knows where they stand)."""
        tag = node.tag
        head, *calls = _split_top(tag.markup, "|")
        root = _path_parts(head.strip())[0] if _is_name(head) else ""
        names = [call.partition(":")[0].strip() for call in calls]
        local = (
            root in self.scope.variables
            or root in self.scope.unknown
            or head.strip().startswith("site.data.")
        )
        if not local and (root in ("page", "site", "") and set(names) <= TRANSLATOR_FILTERS):
            self.emit(pieces, _Piece(tag.source, node.start, True))
            return
        cut = next((i for i, name in enumerate(names) if name in TRANSLATOR_FILTERS), len(names))
        value = filtered("|".join([head, *calls[:cut]]), self.scope)
        text = _text(value)
        if "{" in text or "}" in text:
            raise NotEvaluable("its value holds braces, which would read as Liquid")
        if cut < len(names):
            if "'" in text:
                raise NotEvaluable("a URL with a quote in it")
            text = "{{ '" + text + "' | " + " | ".join(call.strip() for call in calls[cut:]) + " }}"
        self.emit(pieces, _Piece(text, node.start, False))

    def block(self, node: _Block, pieces: list[_Piece]) -> None:
        name = node.opener.tag.name
        if name == "comment":
            return
        if name == "capture":
            variable = node.opener.tag.markup.strip()
            if not re.fullmatch(r"[A-Za-z_][\w-]*", variable):
                raise NotEvaluable(f"cannot read {node.opener.tag.source!r}")
            captured: list[_Piece] = []
            self.branch(node, 0, captured)
            self.scope.variables[variable] = "".join(piece.text for piece in captured)
            return
        if name == "for":
            self.loop(node, pieces)
            return
        chosen = self.choose(node)
        if chosen is not None:
            self.branch(node, chosen, pieces)

    def branch(self, node: _Block, index: int, pieces: list[_Piece]) -> None:
        head, body = node.branches[index]
        end = node.branches[index + 1][0].start if index + 1 < len(node.branches) else None
        self.body(body, head.end, end if end is not None else node.closer.start, pieces)

    def choose(self, node: _Block) -> int | None:
        name = node.opener.tag.name
        if name == "case":
            subject = filtered(node.opener.tag.markup, self.scope)
            for index, (head, _) in enumerate(node.branches):
                if head.tag.name == "when":
                    values = _split_top(head.tag.markup.replace(" or ", ","), ",")
                    if any(_literal_or_variable(value, self.scope) == subject for value in values):
                        return index
                elif head.tag.name == "else":
                    return index
            return None
        for index, (head, _) in enumerate(node.branches):
            if head.tag.name == "else":
                return index
            truth = condition(head.tag.markup, self.scope)
            if (not truth) if (head.tag.name == "unless") else truth:
                return index
        return None

    def loop(self, node: _Block, pieces: list[_Piece]) -> None:
        markup = node.opener.tag.markup
        match = re.fullmatch(r"\s*([A-Za-z_][\w-]*)\s+in\s+(.+?)\s*", markup, re.S)
        if match is None:
            raise NotEvaluable(f"cannot read {node.opener.tag.source!r}")
        variable, rest = match.groups()
        options = dict(
            (key, value) for key, value in re.findall(r"\b(limit|offset):\s*(\S+)", rest)
        )
        reverse = bool(re.search(r"\breversed\b", rest))
        collection_text = re.split(r"\s+(?:limit|offset):|\s+reversed\b", rest)[0]
        items = _as_list(filtered(collection_text, self.scope))
        if reverse:
            items = list(reversed(items))
        offset = (
            _integer(_literal_or_variable(options["offset"], self.scope))
            if "offset" in options
            else 0
        )
        items = items[max(offset, 0) :]
        if "limit" in options:
            items = items[: max(_integer(_literal_or_variable(options["limit"], self.scope)), 0)]
        if not items:
            if len(node.branches) > 1:
                self.branch(node, 1, pieces)
            return
        saved = {key: self.scope.variables.get(key, _UNSET) for key in (variable, "forloop")}
        for index, item in enumerate(items):
            self.scope.iterations += 1
            if self.scope.iterations > MAX_ITERATIONS:
                raise NotEvaluable("more loop iterations than sphinx-ga4gh evaluates")
            self.scope.variables[variable] = item
            self.scope.variables["forloop"] = {
                "index": index + 1,
                "index0": index,
                "rindex": len(items) - index,
                "rindex0": len(items) - index - 1,
                "first": index == 0,
                "last": index == len(items) - 1,
                "length": len(items),
            }
            try:
                self.branch(node, 0, pieces)
            except _Continue:
                continue
            except _Break:
                break
        for key, value in saved.items():
            if value is _UNSET:
                self.scope.variables.pop(key, None)
            else:
                self.scope.variables[key] = value


_INCLUDE_VALUE = re.compile(
    r"""([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^\s"']+))""", re.S
)


def _include_needs_logic(tag: LiquidTag, context: LogicContext) -> bool:
    name, _, rest = tag.markup.strip().partition(" ")
    if name in context.includes and name not in context.theme_includes:
        return True
    return any(
        match.group(4) is not None and not re.fullmatch(r"true|false|-?\d+(\.\d+)?", match.group(4))
        for match in _INCLUDE_VALUE.finditer(rest)
    )


_UNSAFE_HTML = re.compile(
    r"<\s*(script|style|iframe|object|embed|form)\b.*?(?:<\s*/\s*\1\s*>|\Z)", re.I | re.S
)
_UNSAFE_ATTRIBUTE = re.compile(r"""\s(?:on[a-z]+\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))""", re.I)
_UNSAFE_URL = re.compile(r"""((?:href|src)\s*=\s*["']?)\s*(?:javascript|vbscript|data):""", re.I)


def sanitise_html(text: str) -> str:
    """A site include's HTML without scripts, event handlers or script URLs."""
    text = _UNSAFE_HTML.sub("", text)
    text = _UNSAFE_ATTRIBUTE.sub("", text)
    return _UNSAFE_URL.sub(r"\1#", text)


def _as_markdown_block(text: str, inline: bool) -> str:
    """An expanded include: HTML as one raw HTML block (no blank line in it, which would end
    it), Markdown as it is."""
    stripped = text.strip("\n")
    if stripped.lstrip().startswith("<"):
        stripped = sanitise_html(stripped)
        lines = [line.rstrip() for line in stripped.split("\n") if line.strip()]
        stripped = "\n".join(lines)
    if inline:
        return " ".join(stripped.split())
    return stripped + "\n" if stripped else ""


def _is_name(text: str) -> bool:
    return (
        re.fullmatch(r"\s*[A-Za-z_][\w-]*\??(?:\.[A-Za-z_][\w-]*\??|\[[^\[\]]*\])*\s*", text)
        is not None
    )


# --- the pass ------------------------------------------------------------------------------


def _live_data_loop(node: _Block) -> str | None:
    """``news`` for ``{% for item in site.data.news %}``: data editors keep editing."""
    if node.opener.tag.name != "for":
        return None
    match = re.search(r"\bin\s+site\.data\.([\w-]+)", node.opener.tag.markup)
    return LIVE_DATA.get(match.group(1)) if match else None


def not_migrated(source: str, reason: str, indent: str = "") -> str:
    """A "not migrated" admonition holding ``source`` as code, for the editor to rewrite."""
    ticks = "```"
    while ticks in source:
        ticks += "`"
    colons = ":::"
    while colons in source:
        colons += ":"
    lines = [
        f"{colons}{{admonition}} Not migrated",
        ":class: warning",
        "",
        # the reason names tags without their braces: readers never see Liquid outside code
        " ".join(
            f"sphinx-ga4gh could not translate this Jekyll text: {_without_braces(reason)}".split()
        ),
        "",
        f"{ticks}liquid",
        *source.rstrip("\n").split("\n"),
        ticks,
        colons,
    ]
    return "\n".join(indent + line if line else line for line in lines)


def _without_braces(text: str) -> str:
    """``Liquid tag {% cycle %}`` → ``Liquid tag cycle``."""
    text = re.sub(r"\{%-?\s*(.*?)\s*-?%\}", r"\1", text, flags=re.S)
    return re.sub(r"\{\{-?\s*(.*?)\s*-?\}\}", r"\1", text, flags=re.S).replace("{", "(")


def evaluate(scan: PageScan, context: LogicContext) -> Evaluation:
    """The scanned text with its Liquid logic evaluated (see the module's description): the
    second pass of a page's migration, over the tags the first pass found."""
    try:
        return _evaluate(scan, context)
    except RecursionError:  # pragma: no cover - bounded nesting makes this unreachable
        return Evaluation(scan.text, [], list(range(1, scan.text.count("\n") + 2)))


def _evaluate(
    scan: PageScan, context: LogicContext, variables: Mapping[str, Any] | None = None
) -> Evaluation:
    text = scan.text
    if not scan.has_tags:
        return Evaluation(text, [], list(range(1, text.count("\n") + 2)))
    nodes = _nodes(scan, context)
    inside_include = context.include is not None
    if not inside_include and not any(
        isinstance(node, _Block)
        or node.tag.name in ("assign", "include", "octicon")
        or (node.tag.is_output and _uses_locals(node, Scope(context)))
        for node in nodes
    ):
        return Evaluation(text, [], list(range(1, text.count("\n") + 2)))
    scope = Scope(context)
    scope.variables.update(variables or {})
    findings: list[LogicFinding] = []
    all_data_read: set[str] = set()
    renderer = _Renderer(scan, scope, findings)
    lines = renderer.lines
    pieces: list[_Piece] = []
    position = 0
    for node in nodes:
        if (
            isinstance(node, _Tag)
            and node.tag.is_output
            and not inside_include
            and not _uses_locals(node, scope)
        ):
            continue  # the translator's
        if node.start > position:
            pieces.append(_Piece(text[position : node.start], position, True))
        position = node.end
        line = lines.line(node.start if isinstance(node, _Tag) else node.opener.tag.start)
        source = text[node.start : node.end]
        kind = node.tag.name if isinstance(node, _Tag) else node.opener.tag.name
        kind = kind or "output"
        live = _live_data_loop(node) if isinstance(node, _Block) else None
        if live is not None:
            reason = (
                f"a loop over site.data.{live}, which editors keep editing: use the "
                f"{{{live}}} directive, which reads it at every build"
            )
            pieces.append(_left_piece(lines, node, reason))
            findings.append(LogicFinding(line, f"liquid {kind}", _short(source), False, reason))
            continue
        rendered: list[_Piece] = []
        scope.data_read.clear()
        renderer.note = None
        try:
            renderer.node(node, rendered)
        except (_Break, _Continue):
            rendered = []
        except NotEvaluable as error:
            if kind == "assign" or (isinstance(node, _Block) and kind == "capture"):
                target = re.split(r"[\s=]", node_markup(node).strip(), maxsplit=1)[0]
                scope.unknown[target] = str(error)
            pieces.append(_left_piece(lines, node, str(error)))
            findings.append(LogicFinding(line, f"liquid {kind}", _short(source), False, str(error)))
            continue
        except Exception as error:  # untrusted text must never stop a migration
            reason = f"evaluation failed: {type(error).__name__}"
            pieces.append(_left_piece(lines, node, reason))
            findings.append(LogicFinding(line, f"liquid {kind}", _short(source), False, reason))
            continue
        pieces.extend(rendered)
        all_data_read.update(scope.data_read)
        message = renderer.note or (
            "parameters given as Liquid variables replaced by their values"
            if kind == "include"
            else ""
        )
        kind = ("site include" if kind == "include" else kind) if renderer.note else kind
        if scope.data_read:
            read = ", ".join(f"site.data.{name}" for name in sorted(scope.data_read))
            message += (
                f"; evaluated with {read} as it is now (frozen): migrate again after editing it"
            )
            message = message.lstrip("; ")
        label = kind if kind == "site include" else f"liquid {kind}"
        findings.append(LogicFinding(line, label, _short(source), True, message))
    if position < len(text):
        pieces.append(_Piece(text[position:], position, True))
    joined = _join(pieces)
    return Evaluation(
        "".join(piece.text for piece in joined), findings, _line_map(lines, joined), all_data_read
    )


def node_markup(node: Any) -> str:
    return str(node.tag.markup if isinstance(node, _Tag) else node.opener.tag.markup)


def _uses_locals(node: _Tag, scope: Scope) -> bool:
    head = _split_top(node.tag.markup, "|")[0]
    if not _is_name(head):
        return False
    root = _path_parts(head.strip())[0]
    # site.data is known at migration time, not to the tag translator
    parts = _path_parts(head.strip())
    data = parts[:2] == ["site", "data"] and len(parts) > 2 and parts[2] in scope.context.data
    return root in scope.variables or root in scope.unknown or root == "forloop" or data


def _short(source: str) -> str:
    return source if len(source) <= 200 else source[:197] + "..."


def _left_piece(lines: LineIndex, node: Any, reason: str) -> _Piece:
    """A construct not evaluated: a "not migrated" block, or, inside a sentence, the source
    as it is (kept text: no escape is added where it meets its neighbours)."""
    shown = _shown_as_not_migrated(lines, node, reason)
    return _Piece(shown, node.start, shown == lines.text[node.start : node.end])


def _shown_as_not_migrated(lines: LineIndex, node: Any, reason: str) -> str:
    text = lines.text
    source = text[node.start : node.end]
    first = lines.bounds(lines.line(node.start))[0]
    whole_lines = first == node.start and (node.end == len(text) or text[node.end - 1] == "\n")
    if whole_lines:
        indent = re.match(r"[ \t]*", source)
        prefix = indent.group() if indent else ""
        body = "\n".join(
            line[len(prefix) :] if line.startswith(prefix) else line
            for line in source.rstrip("\n").split("\n")
        )
        block = not_migrated(body, reason, prefix)
        return block + "\n" if source.endswith("\n") else block
    # as written: the tag translator shows it as inline "not migrated" code (it knows the
    # backtick runs around it once everything is placed)
    return source


def _join(pieces: list[_Piece]) -> list[_Piece]:
    """Pieces with a backslash where two that were not neighbours in the source meet as
    ``{`` + ``%``/``{``: that would open a tag that was not there."""
    joined: list[_Piece] = []
    for piece in pieces:
        if joined:
            before = joined[-1]
            neighbours = (
                before.kept and piece.kept and before.source + len(before.text) == piece.source
            )
            if not neighbours and before.text.endswith("{") and piece.text[:1] in ("%", "{"):
                joined.append(_Piece("\\", piece.source, False))
        joined.append(piece)
    return joined


def _line_map(lines: LineIndex, pieces: list[_Piece]) -> list[int]:
    line_map: list[int] = []
    at_line_start = True
    for piece in pieces:
        first = lines.line(piece.source)
        for number, line_text in enumerate(re.findall(r"[^\n]*\n|[^\n]+$", piece.text)):
            if at_line_start:
                line_map.append(first + number if piece.kept else first)
            at_line_start = line_text.endswith("\n")
    if at_line_start or not line_map:
        line_map.append(lines.line(len(lines.text)))
    return line_map


def iter_logic_tags(text: str) -> Iterator[LiquidTag]:
    """The logic tags of ``text`` outside code (for reports)."""
    return (tag for tag in Scanner(text).tags() if not tag.in_code and tag.name in LOGIC_TAGS)


_ = date
