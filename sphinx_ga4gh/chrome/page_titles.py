"""Page titles rendered once per build, not once for every page that shows them.

For each page it writes, Sphinx's HTML builder renders the page's title and the titles of
its previous, next and parent pages (``render_partial``: a docutils document with its
transforms and a new translator each time), so every title is rendered three or four times
in a build. A title of plain text renders the same on every page; its first rendering is
kept and given again. Any other title (an image, a link, a role in it: their markup can
depend on the page it is written into) and any other node go to Sphinx as before.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder

RenderPartial = Callable[[Any], dict[str, str]]


class TitleCache:
    """``render_partial`` that keeps the parts of plain-text page titles."""

    def __init__(self, builder: StandaloneHTMLBuilder, render: RenderPartial) -> None:
        self.builder = builder
        self.render = render
        #: id → (the title, its parts); the title is held so that its id stays its own.
        self.parts: dict[int, tuple[nodes.Node, dict[str, str]]] = {}
        self.page_titles: set[int] | None = None

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
        parts = self.render(node)
        if all(isinstance(child, nodes.Text) for child in node.children):
            self.parts[id(node)] = (node, dict(parts))
        return parts


def cache_page_titles(app: Sphinx) -> None:
    """``builder-inited``: page titles of the HTML builders rendered once."""
    builder = app.builder
    if isinstance(builder, StandaloneHTMLBuilder):
        # an attribute of this builder only: its class and other builders are left alone
        builder.render_partial = TitleCache(builder, builder.render_partial)  # type: ignore[method-assign]


def setup_page_titles(app: Sphinx) -> None:
    app.connect("builder-inited", cache_page_titles)
