"""Rendering nodes once into HTML markup that is written again wherever they recur.

Tool fragments (:mod:`.tools.fragments`), tool tables (:mod:`.tools.table`) and page furniture
(:mod:`.furniture.markup`) keep a compact node in the doctree and, in HTML, render its nodes
with the page's own translator the first time they are met, caching the markup. They share
these pieces: whether the build writes HTML, the translator's output for a detached list of
nodes, and links to pages left as tokens in cached markup, filled in for each page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import NamedTuple

from docutils import nodes
from sphinx.environment import BuildEnvironment
from sphinx.util.docutils import SphinxTranslator

from .assets.paths import site_file_uri


def builds_html(env: BuildEnvironment) -> bool:
    """Whether the builder writes HTML: what ``SphinxPostTransform.is_supported`` itself reads
    (its ``formats`` can only say "one of", not "all but")."""
    return env._builder_cls.format == "html"


def builds_html_pages(env: BuildEnvironment) -> bool:
    """Whether the builder writes one HTML file per page (``html``, ``dirhtml``) and the page
    being resolved is an ordinary one. ``singlehtml`` and EPUB rewrite the resolved tree's
    links and ids (one page; URLs shown inline), and sphinx-notfound-page the 404 page's links:
    they get nodes."""
    return env._builder_cls.name in ("html", "dirhtml") and not is_not_found_page(env)


def is_not_found_page(env: BuildEnvironment) -> bool:
    """Whether the page being resolved is sphinx-notfound-page's 404 page, whose links that
    extension rewrites in the nodes (so it gets nodes, not cached markup)."""
    return env.docname == getattr(env.config, "notfound_pagename", None)


@contextmanager
def writing_apart(translator: SphinxTranslator) -> Iterator[None]:
    """While inside, ``translator`` writes into a ``body`` of its own (what the caller reads
    of it before leaving); its own output is left untouched."""
    body = translator.body  # type: ignore[attr-defined]
    translator.body = []  # type: ignore[attr-defined]
    try:
        yield
    finally:
        translator.body = body  # type: ignore[attr-defined]


def render_markup(translator: SphinxTranslator, children: Iterable[nodes.Node]) -> str:
    """The markup ``translator`` writes for ``children``, leaving its own output untouched."""
    with writing_apart(translator):
        for child in children:
            child.walkabout(translator)
        return "".join(translator.body)  # type: ignore[attr-defined]


def paragraph_state(translator: SphinxTranslator) -> tuple[object, ...]:
    """What the markup of a paragraph depends on in the translator: whether it is written
    compact, without ``<p>`` (``should_be_compact_paragraph``); part of a cache's key."""
    return tuple(
        getattr(translator, name, None)
        for name in ("compact_simple", "compact_p", "compact_field_list")
    )


def text_markup(translator: SphinxTranslator, text: str) -> str:
    """``text`` as the translator writes a text node holding it: ``visit_Text`` writes
    ``encode(node.astext())``, and ``astext`` drops NUL characters, which would otherwise reach
    cached markup (and could pass for its tokens)."""
    return translator.encode(nodes.unescape(text))  # type: ignore[attr-defined,no-any-return]


# --- what depends on the page, in cached markup -------------------------------------------

_TOKEN = re.compile("\x00ga4gh-target-([0-9]+)\x00")

#: A target of cached markup: ("doc", docname, anchor) is a link to a page (its top for an
#: empty anchor), ("file", site path, "") the path of one of the site's files.
Target = tuple[str, str, str]


class PageLinks:
    """What markup being cached holds that depends on the page it is written into: links to
    pages and paths of the site's files, each a numbered token in the markup, which
    :meth:`fill` makes what the page being written would have there (the references
    resolver's ``make_refnode``; :func:`~sphinx_ga4gh.assets.paths.site_file_uri`)."""

    def __init__(self) -> None:
        self.targets: list[Target] = []

    def _token(self, target: Target) -> str:
        self.targets.append(target)
        return f"\x00ga4gh-target-{len(self.targets) - 1}\x00"

    def link(self, docname: str, anchor: str, content: nodes.Node) -> nodes.Element:
        """A link to ``docname#anchor`` (the top of the page for an empty ``anchor``)."""
        token = self._token(("doc", docname, anchor))
        return nodes.reference("", "", content, internal=True, refuri=token)

    def file(self, site_path: str) -> str:
        """The address of a site file, as a token."""
        return self._token(("file", site_path, ""))

    def adopt(self, markup: str, targets: list[Target]) -> str:
        """Cached ``markup`` with tokens of its own (``targets``) written into this markup:
        its tokens renumbered as this one's."""
        if not targets:
            return markup
        return _TOKEN.sub(lambda match: self._token(targets[int(match.group(1))]), markup)

    @staticmethod
    def fill(translator: SphinxTranslator, markup: str, targets: list[Target]) -> str:
        """``markup`` with each token replaced by its address from the page being written."""
        if not targets:
            return markup
        builder = translator.builder
        current = builder.current_docname  # type: ignore[attr-defined]

        def address(match: re.Match[str]) -> str:
            index = int(match.group(1))
            if index >= len(targets):
                # not one of ours: text written into cached markup has no NUL characters
                # (the writer drops them), so this is not reached; dropped, never a traceback
                return ""
            kind, value, anchor = targets[index]
            if kind == "file":
                uri = site_file_uri(builder, value)
            elif value == current and anchor:
                uri = "#" + anchor  # make_refnode's refid
            else:
                uri = builder.get_relative_uri(current, value)
                if anchor:
                    uri += "#" + anchor
            # a reference's href, as visit_reference writes it ("#" for the page itself)
            return translator.attval(uri or "#")  # type: ignore[attr-defined,no-any-return]

        return _TOKEN.sub(address, markup)


# --- markup rendered once per shape, with slots for its values -------------------------------

_SLOT = re.compile("\x01ga4gh-slot-([0-9]+)(?:://)?\x01")


def slot(index: int, address: bool = False) -> str:
    """Where value ``index`` stands in nodes rendered into a :class:`Stencil`; an ``address``
    slot holds ``://``, for a visitor that tells addresses from site paths by it."""
    return f"\x01ga4gh-slot-{index}{'://' if address else ''}\x01"


class Stencil(NamedTuple):
    """Markup of nodes that held slots: the literal pieces and, between each two, the index
    of the value written there. The values are filled in escaped as the translator would
    have written them at their place (``encode`` of a text, ``attval`` of an attribute)."""

    literals: list[str]
    indices: list[int]

    def fill(self, values: Sequence[str]) -> str:
        pieces = [self.literals[0]]
        for index, literal in zip(self.indices, self.literals[1:], strict=True):
            pieces += (values[index], literal)
        return "".join(pieces)


def stencil_of(markup: str, expected: Iterable[int]) -> Stencil | None:
    """``markup`` split at its slots; None unless the slots ``expected`` are each written
    exactly once and nothing else in it looks like one (the caller then renders nodes)."""
    pieces = _SLOT.split(markup)
    literals, indices = pieces[0::2], [int(index) for index in pieces[1::2]]
    if sorted(indices) != sorted(expected) or any("\x01" in text for text in literals):
        return None
    return Stencil(literals, indices)
