"""Rendering nodes once into HTML markup that is written again wherever they recur.

Tool fragments (:mod:`.tools.fragments`) and page furniture (:mod:`.furniture.markup`) keep a
compact node in the doctree and, in HTML, render its nodes with the page's own translator the
first time they are met, caching the markup. Both need the same two pieces: whether the build
writes HTML, and the translator's output for a detached list of nodes.
"""

from __future__ import annotations

from collections.abc import Iterable

from docutils import nodes
from sphinx.environment import BuildEnvironment
from sphinx.util.docutils import SphinxTranslator


def builds_html(env: BuildEnvironment) -> bool:
    """Whether the builder writes HTML: what ``SphinxPostTransform.is_supported`` itself reads
    (its ``formats`` can only say "one of", not "all but")."""
    return env._builder_cls.format == "html"


def render_markup(translator: SphinxTranslator, children: Iterable[nodes.Node]) -> str:
    """The markup ``translator`` writes for ``children``, leaving its own output untouched."""
    body = translator.body  # type: ignore[attr-defined]
    translator.body = []  # type: ignore[attr-defined]
    try:
        for child in children:
            child.walkabout(translator)
        return "".join(translator.body)  # type: ignore[attr-defined]
    finally:
        translator.body = body  # type: ignore[attr-defined]
