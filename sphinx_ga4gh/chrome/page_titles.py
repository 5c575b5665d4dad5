"""Page titles rendered once per build, not once for every page that shows them.

For each page it writes, Sphinx's HTML builder renders the page's title and the titles of
its previous, next and parent pages (``render_partial``: a docutils document with its
transforms and a new translator each time), so every title is rendered three or four times
in a build. A title of plain text renders the same on every page; its first rendering is
kept and given again. Any other title (an image, a link, a role in it: their markup can
depend on the page it is written into) and any other node go to Sphinx as before.

A plain-text title's first rendering is itself a stencil's: Sphinx renders one title whose
text is a slot, and each page's title text is written into it as the translator's
``visit_Text`` writes it (``html_markup.text_markup``). That is checked once against Sphinx's
own rendering of a title holding every printable ASCII character and some others; if the two
differ (a theme's translator writing text its own way) every title goes to Sphinx.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from docutils import nodes
from docutils.utils import new_document
from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.util.docutils import SphinxTranslator

from ..html_markup import Stencil, slot, stencil_of, text_markup

RenderPartial = Callable[[Any], dict[str, str]]

#: The check of the stencil: every printable ASCII character, spaces, and text the HTML
#: writer could treat apart (an address, an entity, non-ASCII, a slot of its own).
PROBE_TEXT = (
    "".join(chr(code) for code in range(32, 127))
    + "  a@b.org &amp; \u00e9\u2014\u00a0\U0001f9ec \x01ga4gh-slot-0\x01"
)


class TitleStencil(NamedTuple):
    """The parts of a title whose text is a slot, and the translator that writes a text into
    them."""

    parts: dict[str, Stencil]
    translator: SphinxTranslator

    def fill(self, text: str) -> dict[str, str]:
        value = text_markup(self.translator, text)
        return {key: part.fill([value]) for key, part in self.parts.items()}


class TitleCache:
    """``render_partial`` that keeps the parts of plain-text page titles."""

    def __init__(self, builder: StandaloneHTMLBuilder, render: RenderPartial) -> None:
        self.builder = builder
        self.render = render
        #: id → (the title, its parts); the title is held so that its id stays its own.
        self.parts: dict[int, tuple[nodes.Node, dict[str, str]]] = {}
        self.page_titles: set[int] | None = None
        #: None until the first title; False if the stencil does not render as Sphinx does
        self.stencil: TitleStencil | bool | None = None

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
        """The parts of a plain-text title holding ``text``, from the stencil."""
        if self.stencil is None:
            if getattr(self.builder, "docsettings", None) is None:
                return None  # before writing starts (the stencil needs its settings)
            self.stencil = self._checked_stencil() or False
        if isinstance(self.stencil, TitleStencil):
            return self.stencil.fill(text)
        return None

    def _checked_stencil(self) -> TitleStencil | None:
        parts: dict[str, Stencil] = {}
        for key, markup in self.render(nodes.title("", slot(0))).items():
            part = stencil_of(markup, [0] if slot(0) in markup else [])
            if part is None:
                return None
            parts[key] = part
        document = new_document("<page title>", self.builder.docsettings)
        translator = self.builder.create_translator(document, self.builder)
        stencil = TitleStencil(parts, translator)  # type: ignore[arg-type]
        if stencil.fill(PROBE_TEXT) != self.render(nodes.title("", PROBE_TEXT)):
            return None
        return stencil


def cache_page_titles(app: Sphinx) -> None:
    """``builder-inited``: page titles of the HTML builders rendered once."""
    builder = app.builder
    if isinstance(builder, StandaloneHTMLBuilder):
        # an attribute of this builder only: its class and other builders are left alone
        builder.render_partial = TitleCache(builder, builder.render_partial)  # type: ignore[method-assign]


def setup_page_titles(app: Sphinx) -> None:
    app.connect("builder-inited", cache_page_titles)
