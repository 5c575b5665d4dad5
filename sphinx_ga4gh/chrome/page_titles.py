"""Page titles rendered once per build, not once for every page that shows them.

For each page it writes, Sphinx's HTML builder renders the page's title and the titles of
its previous, next and parent pages (``render_partial``: a docutils document with its
transforms and a new translator each time), so every title is rendered three or four times
in a build. A title of plain text renders the same on every page; its first rendering is
kept and given again. Any other title (an image, a link, a role in it: their markup can
depend on the page it is written into) and any other node go to Sphinx as before.

A plain-text title's first rendering is itself a stencil's: Sphinx renders one title whose
text is a slot, and each page's title text is written into it escaped by the translator's
``encode``, as ``visit_Text`` writes it. That is checked once against Sphinx's own rendering
of a title holding every printable ASCII character and some others; if the two differ (a
theme's translator writing text its own way) every title goes to Sphinx.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from docutils import nodes
from docutils.utils import new_document
from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder

from ..html_markup import Stencil, slot, stencil_of

RenderPartial = Callable[[Any], dict[str, str]]
#: Each part of a title's rendering: its stencil, or the part itself if the text is not in it.
TitleStencils = dict[str, Stencil | str]

#: The check of the stencils: every printable ASCII character, spaces, and text the HTML
#: writer could treat apart (an address, an entity, non-ASCII, a slot of its own).
PROBE_TEXT = (
    "".join(chr(code) for code in range(32, 127))
    + "  a@b.org &amp; \u00e9\u2014\u00a0\U0001f9ec \x01ga4gh-slot-0\x01"
)


class TitleCache:
    """``render_partial`` that keeps the parts of plain-text page titles."""

    def __init__(self, builder: StandaloneHTMLBuilder, render: RenderPartial) -> None:
        self.builder = builder
        self.render = render
        #: id → (the title, its parts); the title is held so that its id stays its own.
        self.parts: dict[int, tuple[nodes.Node, dict[str, str]]] = {}
        self.page_titles: set[int] | None = None
        #: None until the first title; False if the stencils do not render as Sphinx does
        self.stencils: TitleStencils | bool | None = None
        self.encode: Callable[[str], str] | None = None

    def _is_page_title(self, node: Any) -> bool:
        if self.page_titles is None:  # at the first page written, when every page is read
            env = self.builder.env
            titles = [*env.titles.values(), *env.longtitles.values()]
            self.page_titles = {id(title) for title in titles}
        return id(node) in self.page_titles

    def __call__(self, node: Any) -> dict[str, str]:
        if not isinstance(node, nodes.title) or not self._is_page_title(node):
            return self.render(node)
        cached = self.parts.get(id(node))
        if cached is not None and cached[0] is node:
            return dict(cached[1])
        if not all(isinstance(child, nodes.Text) for child in node.children):
            return self.render(node)
        parts = self._filled(node.astext())
        if parts is None:
            parts = self.render(node)
        self.parts[id(node)] = (node, dict(parts))
        return parts

    def _filled(self, text: str) -> dict[str, str] | None:
        """The parts of a plain-text title holding ``text``, from the stencils."""
        if self.stencils is None:
            if getattr(self.builder, "docsettings", None) is None:
                return None  # before writing starts (the stencils need its settings)
            self.stencils = self._stencils() or False
        if self.stencils is False or self.encode is None:
            return None
        assert isinstance(self.stencils, dict)
        value = self.encode(text)
        return {
            key: part if isinstance(part, str) else part.fill([value])
            for key, part in self.stencils.items()
        }

    def _stencils(self) -> TitleStencils | None:
        stencils: TitleStencils = {}
        for key, markup in self.render(nodes.title("", slot(0))).items():
            if "\x01" not in markup:
                stencils[key] = markup
                continue
            stencil = stencil_of(markup, [0])
            if stencil is None:
                return None
            stencils[key] = stencil
        document = new_document("<page title>", self.builder.docsettings)
        self.encode = self.builder.create_translator(document, self.builder).encode  # type: ignore[attr-defined]
        probe = self.render(nodes.title("", PROBE_TEXT))
        self.stencils = stencils
        if self._filled(nodes.Text(PROBE_TEXT).astext()) != probe:
            return None
        return stencils


def cache_page_titles(app: Sphinx) -> None:
    """``builder-inited``: page titles of the HTML builders rendered once."""
    builder = app.builder
    if isinstance(builder, StandaloneHTMLBuilder):
        # an attribute of this builder only: its class and other builders are left alone
        builder.render_partial = TitleCache(builder, builder.render_partial)  # type: ignore[method-assign]


def setup_page_titles(app: Sphinx) -> None:
    app.connect("builder-inited", cache_page_titles)
