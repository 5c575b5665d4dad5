"""Inline Markdown from data files (tool descriptions) as docutils nodes.

Descriptions may use emphasis, code and links. They are parsed with markdown-it (already a
dependency of myst-parser) with raw HTML disabled, and turned into ordinary docutils nodes so
that every builder renders them and every writer escapes them: a ``<script>`` in a description is
text, never markup.
"""

from __future__ import annotations

import re
from functools import lru_cache

from docutils import nodes
from markdown_it import MarkdownIt
from markdown_it.token import Token

from .urls import is_safe_url

_PARSER = MarkdownIt("commonmark", {"html": False})

#: What could make markdown-it read a one-line text as more than that text: inline syntax
#: (escapes, code, emphasis, links, autolinks, raw HTML, entities), line breaks, characters
#: that start a block (heading, quote, list, rule, table, indented code), edge whitespace.
_MARKDOWN_SYNTAX = re.compile(r"[\\`*_\[\]<>&~|\n\r\x00]|^[\s#>+=\-\d]|\s$")

_CONTAINERS: dict[str, type[nodes.TextElement]] = {
    "em_open": nodes.emphasis,
    "strong_open": nodes.strong,
}


def _children_of(tokens: list[Token]) -> list[Token]:
    children: list[Token] = []
    for token in tokens:
        if token.type == "inline" and token.children:
            children.extend(token.children)
    return children


def _is_plain(text: str) -> bool:
    """Whether ``text`` is one paragraph of plain text for markdown-it, so parsing it would give
    the text itself (most registry descriptions): then it is not parsed at all."""
    return not _MARKDOWN_SYNTAX.search(text)


def is_plain_markdown(text: str) -> bool:
    """Whether ``text`` is its own inline Markdown: :func:`inline_markdown` gives one text
    node of it."""
    return _is_plain(text)


def _parse(text: str) -> tuple[tuple[nodes.Node, ...], tuple[str, ...]]:
    if not text:
        return (), ()
    if _is_plain(text):
        return (nodes.Text(text),), ()
    return _parse_markdown(text)


@lru_cache(maxsize=8192)
def _parse_markdown(text: str) -> tuple[tuple[nodes.Node, ...], tuple[str, ...]]:
    root = nodes.inline()
    stack: list[nodes.Element] = [root]
    unsafe: list[str] = []
    for token in _children_of(_PARSER.parse(text)):
        parent = stack[-1]
        if token.type in ("text", "html_inline"):
            parent += nodes.Text(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            parent += nodes.Text(" ")
        elif token.type == "code_inline":
            parent += nodes.literal(token.content, token.content)
        elif token.type in _CONTAINERS:
            child = _CONTAINERS[token.type]()
            parent += child
            stack.append(child)
        elif token.type == "link_open":
            href = str(token.attrGet("href") or "")
            link: nodes.Element
            if is_safe_url(href):
                link = nodes.reference("", "", refuri=href)
            else:
                unsafe.append(href)
                link = nodes.inline()
            parent += link
            stack.append(link)
        elif token.type.endswith("_close") and len(stack) > 1:
            stack.pop()
        elif token.type == "image":
            alt = token.content or ""
            parent += nodes.Text(alt)
    return tuple(root.children), tuple(unsafe)


def inline_markdown(text: str) -> tuple[list[nodes.Node], list[str]]:
    """Nodes for ``text`` and the link targets that were not safe to link.

    Parsing is cached per text; callers get fresh copies they may insert anywhere.
    """
    parsed, unsafe = _parse(text)
    return [node.deepcopy() for node in parsed], list(unsafe)


def unsafe_links(text: str) -> list[str]:
    """The link targets in ``text`` that are not safe to link (a registry's check at load).

    A link needs a ``]`` (inline, reference) or a ``<`` (autolink): text without either is not
    parsed here, and nothing parsed at load is kept but for the texts that have links.
    """
    if "]" not in text and "<" not in text:
        return []
    return list(_parse(text)[1])


def plain_text(text: str) -> str:
    """The text of ``text`` with its Markdown removed (for meta tags and index descriptions)."""
    if _is_plain(text):
        return text
    return "".join(node.astext() for node in _parse(text)[0])
