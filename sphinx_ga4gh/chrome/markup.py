"""Site text of the chrome (footer ``copyright``, ``extra_line``, text columns) as safe HTML.

Jekyll ran these through ``markdownify``, raw HTML included. Here they are parsed with
markdown-it (a myst-parser dependency) and written back token by token: text is escaped, links
and images keep only safe targets, and of raw HTML only ``<br>`` and ``<a href>`` (what the real
sites write) survive; any other tag is shown as text. An ``<a>`` left open is closed, so site
text never swallows the rest of the page.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..data.urls import is_dangerous_url

_PARSER = MarkdownIt("commonmark", {"html": True})

#: Resolves a link as written to the href to emit, or None when it must not be linked.
Resolver = Callable[[str], str | None]

_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_ANCHOR_OPEN = re.compile(r"""<a\s+href\s*=\s*(?:"([^"]*)"|'([^']*)')\s*>""", re.IGNORECASE)
_ANCHOR_CLOSE = re.compile(r"</a\s*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")

_SIMPLE_TAGS = {
    "paragraph_open": "<p>",
    "paragraph_close": "</p>",
    "em_open": "<em>",
    "em_close": "</em>",
    "strong_open": "<strong>",
    "strong_close": "</strong>",
    "bullet_list_open": "<ul>",
    "bullet_list_close": "</ul>",
    "ordered_list_open": "<ol>",
    "ordered_list_close": "</ol>",
    "list_item_open": "<li>",
    "list_item_close": "</li>",
}


class _Writer:
    def __init__(self, resolve: Resolver) -> None:
        self.resolve = resolve
        self.parts: list[str] = []
        self.open_links = 0

    def link_open(self, url: str) -> None:
        href = self.resolve(url)
        if href is None:
            self.parts.append('<a class="ga4gh-chrome-unlinked">')
        else:
            self.parts.append(f'<a href="{escape(href)}">')
        self.open_links += 1

    def link_close(self) -> None:
        if self.open_links:
            self.parts.append("</a>")
            self.open_links -= 1

    def raw_html(self, text: str) -> None:
        """Keep ``<br>`` and ``<a href>``; show anything else as text."""
        position = 0
        for tag in _TAG.finditer(text):
            self.parts.append(escape(text[position : tag.start()]))
            position = tag.end()
            source = tag.group(0)
            anchor = _ANCHOR_OPEN.fullmatch(source)
            if _BREAK.fullmatch(source):
                self.parts.append("<br>")
            elif anchor:
                self.link_open(anchor.group(1) or anchor.group(2) or "")
            elif _ANCHOR_CLOSE.fullmatch(source):
                self.link_close()
            else:
                self.parts.append(escape(source))
        self.parts.append(escape(text[position:]))

    def image(self, token: Token) -> None:
        src = str(token.attrGet("src") or "")
        alt = "".join(child.content for child in token.children or [])
        href = self.resolve(src)
        if href is None:
            self.parts.append(escape(alt))
        else:
            self.parts.append(f'<img src="{escape(href)}" alt="{escape(alt)}">')

    def inline(self, tokens: list[Token]) -> None:
        for token in tokens:
            kind = token.type
            if kind == "text":
                self.parts.append(escape(token.content))
            elif kind == "softbreak":
                self.parts.append("\n")
            elif kind == "hardbreak":
                self.parts.append("<br>")
            elif kind == "code_inline":
                self.parts.append(f"<code>{escape(token.content)}</code>")
            elif kind == "html_inline":
                self.raw_html(token.content)
            elif kind == "link_open":
                self.link_open(str(token.attrGet("href") or ""))
            elif kind == "link_close":
                self.link_close()
            elif kind == "image":
                self.image(token)
            elif kind in _SIMPLE_TAGS:
                self.parts.append(_SIMPLE_TAGS[kind])

    def render(self, text: str, inline_only: bool) -> str:
        for token in _PARSER.parse(text):
            if token.type == "inline":
                self.inline(token.children or [])
            elif token.type == "html_block":
                self.raw_html(token.content)
            elif token.type in ("code_block", "fence"):
                self.parts.append(f"<pre>{escape(token.content)}</pre>")
            elif token.type in _SIMPLE_TAGS and not (
                inline_only and token.type.startswith("paragraph")
            ):
                self.parts.append(_SIMPLE_TAGS[token.type])
        self.parts.append("</a>" * self.open_links)
        return "".join(self.parts).strip()


def markdown_html(text: str, resolve: Resolver, inline_only: bool = False) -> str:
    """``text`` (Markdown with some HTML) as HTML in which only safe markup is left.

    ``inline_only``: no ``<p>`` around paragraphs (for one line of text).
    """
    return _Writer(resolve).render(text, inline_only)


def safe_external(url: str) -> bool:
    """An absolute URL a link may point at: not ``javascript:``, ``data:`` and the like."""
    return bool(url.strip()) and not is_dangerous_url(url)
