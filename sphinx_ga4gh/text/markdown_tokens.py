"""A MyST page's roles, directives and links, read from myst-parser's own markdown-it tokens.

The build (per-page references) and ``sphinx-ga4gh check`` both read pages through this
module, with the parser myst-parser itself builds (:func:`myst_parser.parsers.mdit.
create_md_parser`), so they agree with the build's doctree on what is a role: nothing in a code
span, a code block, an HTML comment or a ``%`` comment is one, fences in blockquotes and nested
lists are code, and a directive's body is read as Markdown unless the directive shows it
literally. Only the token stream is used (no rendering), which takes milliseconds per page.

A reader that looks for some roles only (the per-page references: citations) names what they
start with: the text of a paragraph, heading or table cell is then read for inline Markdown
only when it holds one of them (or a footnote reference, which decides what footnotes the
token stream keeps), which reads the same roles in about half the time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from myst_parser.config.main import MdParserConfig
from myst_parser.parsers.mdit import create_md_parser

#: Directives whose body is not Markdown: nothing in it is a MyST role.
LITERAL_DIRECTIVES = frozenset(
    {"code", "code-block", "sourcecode", "literalinclude", "raw", "math", "csv-table", "mermaid"}
)
#: A line of a directive's option block (``:key: value``) before its body.
_OPTION = re.compile(r"^:(?P<key>[\w-]+):[ \t]*(?P<value>.*?)[ \t]*$")
#: An interpreted-text role in reStructuredText (an ``{eval-rst}`` body): ``:name:`content```.
_RST_ROLE = re.compile(
    r"(?<![\w\\`:]):(?P<name>[A-Za-z][\w.+-]*(?::[A-Za-z][\w.+-]*)*):`(?P<content>[^`]+)`(?!`)"
)
#: reStructuredText inline literals (````code````), which hold no role.
_RST_LITERAL = re.compile(r"``.+?``", re.S)


@dataclass(frozen=True)
class Role:
    """``{name}`content``` at a 1-based ``line`` of the text read."""

    name: str
    content: str
    line: int


@dataclass(frozen=True)
class Directive:
    """A fenced directive (```` ```{name} argument ```` or ``:::{name}``) with its options."""

    name: str
    argument: str
    options: dict[str, str]
    line: int


@dataclass(frozen=True)
class Link:
    """A Markdown link's target (``[text](target)``)."""

    target: str
    line: int


@dataclass
class MarkdownFacts:
    """What a MyST text holds, with 1-based lines of that text."""

    roles: list[Role] = field(default_factory=list)
    directives: list[Directive] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)

    def roles_named(self, *names: str) -> Iterator[Role]:
        """The roles called one of ``names`` (with or without a ``domain:`` prefix given)."""
        return (role for role in self.roles if role.name in names)


#: The markdown-it ``env`` key of the texts an inline token must hold to be read inline.
_INLINE_WITH = "ga4gh_inline_with"
#: Footnote references (``[^1]``, inline ``^[…]``): the footnotes they name are the ones
#: markdown-it keeps in the token stream, so every text holding one is read inline.
_FOOTNOTE_STARTS = ("[^", "^[")


def _inline_where_wanted(state: StateCore) -> None:
    """markdown-it's core ``inline`` rule, for the inline tokens holding a wanted text."""
    wanted: tuple[str, ...] = state.env[_INLINE_WITH]
    for token in state.tokens:
        if token.type == "inline":
            if token.children is None:
                token.children = []
            if any(text in token.content for text in wanted):
                state.md.inline.parse(token.content, state.md, state.env, token.children)


@lru_cache(maxsize=8)
def _parser(extensions: frozenset[str], selective: bool = False) -> MarkdownIt:
    config = MdParserConfig(enable_extensions=set(extensions))
    parser = create_md_parser(config, RendererHTML)
    if selective:
        parser.core.ruler.at("inline", _inline_where_wanted)
    return parser


def markdown_parser(extensions: Iterable[str] = ()) -> MarkdownIt:
    """myst-parser's Markdown parser with ``myst_enable_extensions`` set to ``extensions``."""
    return _parser(frozenset(extensions))


def read_markdown(
    text: str,
    extensions: Iterable[str] = (),
    first_line: int = 1,
    roles_starting: tuple[str, ...] | None = None,
) -> MarkdownFacts:
    """The roles, directives and links of the MyST ``text``; lines count from ``first_line``
    (the line of the file ``text`` starts on). ``roles_starting`` (``("{cite",)``): only the
    roles written so are wanted; texts without any are not read inline (their roles and links
    are not in the facts, every directive is)."""
    facts = MarkdownFacts()
    if roles_starting is None:
        _visit(markdown_parser(extensions), text, first_line, facts, None)
    else:
        wanted = (*roles_starting, *_FOOTNOTE_STARTS)
        _visit(_parser(frozenset(extensions), True), text, first_line, facts, wanted)
    return facts


def _visit(
    parser: MarkdownIt,
    text: str,
    first_line: int,
    facts: MarkdownFacts,
    wanted: tuple[str, ...] | None,
) -> None:
    env = {} if wanted is None else {_INLINE_WITH: wanted}
    # markdown-it counts a lone carriage return as a line end; pages here break at \n only.
    for token in parser.parse(text.replace("\r", " "), env):
        line = first_line + (token.map[0] if token.map else 0)
        if token.type == "inline" and token.children:
            _inline(token.children, line, facts)
        elif token.type in ("fence", "colon_fence") and token.info.strip().startswith("{"):
            _directive(parser, token, line, facts, wanted)


def _inline(children: list[Token], line: int, facts: MarkdownFacts) -> None:
    for child in children:
        if child.type == "myst_role":
            facts.roles.append(Role(str(child.meta.get("name", "")), child.content, line))
        elif child.type == "link_open":
            facts.links.append(Link(str(child.attrGet("href") or ""), line))
        # the next child's line: after the line breaks this one holds
        if child.type in ("softbreak", "hardbreak"):
            line += 1
        else:
            line += child.content.count("\n") if child.type == "html_inline" else 0


def _directive(
    parser: MarkdownIt,
    token: Token,
    line: int,
    facts: MarkdownFacts,
    wanted: tuple[str, ...] | None,
) -> None:
    info = token.info.strip()
    name, _, argument = info[1:].partition("}")
    body = token.content.split("\n")
    options: dict[str, str] = {}
    skipped = 0
    if body and body[0].strip() == "---":  # a YAML option block
        end = next((i for i, text in enumerate(body[1:], 1) if text.strip() == "---"), None)
        if end is not None:
            skipped = end + 1
    else:
        while skipped < len(body) and (option := _OPTION.match(body[skipped])):
            options[option["key"]] = option["value"]
            skipped += 1
    facts.directives.append(Directive(name.strip(), argument.strip(), options, line))
    content = "\n".join(body[skipped:])
    body_line = line + 1 + skipped
    if name.strip() == "eval-rst":
        _rst_roles(content, body_line, facts)
    elif name.strip() not in LITERAL_DIRECTIVES:
        _visit(parser, content, body_line, facts, wanted)


def _rst_roles(text: str, first_line: int, facts: MarkdownFacts) -> None:
    """The interpreted-text roles of an ``{eval-rst}`` body (outside inline literals)."""
    masked = _RST_LITERAL.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)
    for match in _RST_ROLE.finditer(masked):
        line = first_line + masked.count("\n", 0, match.start())
        facts.roles.append(Role(match["name"], match["content"], line))
