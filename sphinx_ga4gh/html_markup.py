"""Rendering nodes once into HTML markup that is written again wherever they recur.

Tool fragments (:mod:`.tools.fragments`), tool tables (:mod:`.tools.table`) and page furniture
(:mod:`.furniture.markup`) keep a compact node in the doctree and, in HTML, render its nodes
with the page's own translator the first time they are met, caching the markup. They share
these pieces: whether the build writes HTML, the translator's output for a detached list of
nodes, and links to pages left as tokens in cached markup, filled in for each page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from docutils import nodes
from sphinx.environment import BuildEnvironment
from sphinx.util.docutils import SphinxTranslator


def builds_html(env: BuildEnvironment) -> bool:
    """Whether the builder writes HTML: what ``SphinxPostTransform.is_supported`` itself reads
    (its ``formats`` can only say "one of", not "all but")."""
    return env._builder_cls.format == "html"


def builds_html_pages(env: BuildEnvironment) -> bool:
    """Whether the builder writes one HTML file per page (``html``, ``dirhtml``) and the page
    being resolved is an ordinary one. ``singlehtml`` and EPUB rewrite the resolved tree's
    links and ids (one page; URLs shown inline), and sphinx-notfound-page the 404 page's links:
    they get nodes."""
    if env._builder_cls.name not in ("html", "dirhtml"):
        return False
    return env.docname != getattr(env.config, "notfound_pagename", None)


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


# --- links to pages in cached markup ------------------------------------------------------

_PAGE_LINK = re.compile("\x00ga4gh-page-link-([0-9]+)\x00")


class PageLinks:
    """The links to pages of markup being cached: each is a reference whose address is a
    numbered token (:meth:`link`), which :meth:`fill` makes the address the references
    resolver would give (``make_refnode``) on the page being written."""

    def __init__(self) -> None:
        self.targets: list[tuple[str, str]] = []

    def link(self, docname: str, anchor: str, content: nodes.Node) -> nodes.Element:
        """A link to ``docname#anchor`` (the top of the page for an empty ``anchor``)."""
        self.targets.append((docname, anchor))
        token = f"\x00ga4gh-page-link-{len(self.targets) - 1}\x00"
        return nodes.reference("", "", content, internal=True, refuri=token)

    @staticmethod
    def fill(translator: SphinxTranslator, markup: str, targets: list[tuple[str, str]]) -> str:
        """``markup`` with each token replaced by its address from the page being written."""
        if not targets:
            return markup
        builder = translator.builder
        current = builder.current_docname  # type: ignore[attr-defined]

        def address(match: re.Match[str]) -> str:
            docname, anchor = targets[int(match.group(1))]
            if docname == current and anchor:
                uri = "#" + anchor  # make_refnode's refid
            else:
                uri = builder.get_relative_uri(current, docname)
                if anchor:
                    uri += "#" + anchor
            # a reference's href, as visit_reference writes it ("#" for the page itself)
            return translator.attval(uri or "#")  # type: ignore[attr-defined,no-any-return]

        return _PAGE_LINK.sub(address, markup)
