"""Page furniture (tiles, people blocks) as cached markup in HTML.

A tile list or a page's people block is dozens of nodes per tile or person, and every one of
them is pickled with the page, kept in memory, walked by each post-transform, the writer and
the search indexer. A :class:`furniture_markup` node stands for the whole block instead: a
``kind`` and a compact JSON ``payload`` (the pages or names it shows). Its nodes are built from
the payload only when it is written:

- in HTML, once per (payload, builder): the HTML translator renders them, the markup is cached
  and written again wherever the same block appears. What depends on the page being written (a
  link to a page, the path of an image) is left as a numbered token in the cached markup and
  filled in for each page, so the bytes are those the nodes would give there;
- other builders (LaTeX, text, man, Texinfo) get the nodes themselves before the references are
  resolved (:class:`ExpandFurnitureMarkup`), so their output is unchanged.

A part that recurs in many blocks (a person's line in every people block naming them) is a
:class:`furniture_fragment`: a ``kind`` and a ``key`` whose nodes are built only when needed, and
whose markup is rendered once per builder and written again in every block that shows it.

A searchable block holds its plain text as its only child, which is what Sphinx's search index
reads; a block left out of the search (tiles: other pages' titles) is marked ``no-search``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxTranslator
from sphinx.util.nodes import process_only_nodes

from ..assets.paths import site_file_uri
from ..domain import internal_link
from ..html_markup import (
    PageLinks,
    Target,
    builds_html,
    is_not_found_page,
    paragraph_state,
    render_markup,
    writing_apart,
)
from ..pages.safe_links import unlink_dangerous_references

#: Makes the link to a page around ``content``: a ``pending_xref`` that the references
#: resolver turns into a link, or (cached HTML) a reference whose address is a token.
LinkMaker = Callable[[str, nodes.Node], nodes.Element]
#: Builds a block's nodes from its payload.
Renderer = Callable[[BuildEnvironment, Any, LinkMaker], list[nodes.Node]]

RENDERERS: dict[str, Renderer] = {}
#: Builds a fragment's nodes from its key.
FragmentBuilder = Callable[[BuildEnvironment, str], list[nodes.Node]]

FRAGMENT_BUILDERS: dict[str, FragmentBuilder] = {}
#: Writes a block's markup from its payload in HTML (links and file paths as tokens of the
#: block), where the block's nodes would be rendered whole (:func:`render_cached_items`).
HtmlRenderer = Callable[[SphinxTranslator, Any], str]

HTML_RENDERERS: dict[str, HtmlRenderer] = {}


def register_html_renderer(kind: str, renderer: HtmlRenderer) -> None:
    HTML_RENDERERS[kind] = renderer


def register_renderer(kind: str, renderer: Renderer) -> None:
    RENDERERS[kind] = renderer


def register_fragment(kind: str, builder: FragmentBuilder) -> None:
    FRAGMENT_BUILDERS[kind] = builder


class furniture_fragment(nodes.Inline, nodes.TextElement):
    """A recurring part of a block, in place of its nodes: ``kind`` (a key of
    :data:`FRAGMENT_BUILDERS`) and ``key``. Only the HTML renderer of cached markup meets one;
    everywhere else it is replaced by its nodes (:func:`block_nodes`)."""


def furniture_fragment_for(kind: str, key: str) -> furniture_fragment:
    return furniture_fragment("", "", kind=kind, key=key)


def _fragment_nodes(env: BuildEnvironment, fragment: furniture_fragment) -> list[nodes.Node]:
    return FRAGMENT_BUILDERS[fragment["kind"]](env, fragment["key"])


class furniture_markup(nodes.General, nodes.Element):
    """A block of furniture: ``kind`` (a key of :data:`RENDERERS`) and its JSON ``payload``."""


def furniture_markup_for(
    kind: str, payload: Any, text: str = "", classes: list[str] | None = None
) -> furniture_markup:
    """The node; ``text`` (the block's plain text) is what the search index reads."""
    node = furniture_markup(
        "",
        kind=kind,
        payload=json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
        classes=classes or [],
    )
    if text:
        node += nodes.Text(text)
    return node


def writes_cached_markup(env: BuildEnvironment) -> bool:
    """Whether the page being resolved gets furniture as cached markup: in HTML, but not on
    sphinx-notfound-page's 404 page, whose links that extension rewrites in the nodes."""
    if not builds_html(env):
        return False
    return not is_not_found_page(env)


def _nodes_of(env: BuildEnvironment, node: furniture_markup, link: LinkMaker) -> list[nodes.Node]:
    """The block's nodes, its fragments not built yet."""
    return RENDERERS[node["kind"]](env, json.loads(node["payload"]), link)


def block_nodes(env: BuildEnvironment, node: furniture_markup, link: LinkMaker) -> list[nodes.Node]:
    """The block's nodes, all of them: what a builder other than HTML writes."""
    built = _nodes_of(env, node, link)
    for root in built:
        for fragment in list(root.findall(furniture_fragment)):
            fragment.replace_self(_fragment_nodes(env, fragment))
    return built


class ExpandFurnitureMarkup(SphinxPostTransform):
    """For builders other than HTML: each block becomes its nodes, before the references
    resolver (10) makes their links."""

    default_priority = 5

    def is_supported(self) -> bool:
        return not writes_cached_markup(self.env)

    def run(self, **kwargs: Any) -> None:
        for block in list(self.document.findall(furniture_markup)):
            block.replace_self(block_nodes(self.env, block, pending_link))


def pending_link(docname: str, content: nodes.Node) -> nodes.Element:
    """A link to the top of ``docname`` that the references resolver makes."""
    return internal_link(docname, "", content)


# --- HTML ---------------------------------------------------------------------------------

_CACHE = "_ga4gh_furniture_markup"
_FRAGMENTS = "_ga4gh_furniture_fragments"
#: The :class:`PageLinks` of the block being cached, on the translator.
_TARGETS = "_ga4gh_furniture_targets"


def page_file_uri(translator: SphinxTranslator, site_path: str) -> str:
    """:func:`site_file_uri` for a visitor: a token while a block's markup is being cached."""
    links: PageLinks | None = getattr(translator, _TARGETS, None)
    if links is None:
        return site_file_uri(translator.builder, site_path)
    return links.file(site_path)


def _render_with(
    translator: SphinxTranslator, holder: nodes.Element, links: PageLinks
) -> tuple[str, list[Target]]:
    """The markup of ``holder``'s children; their links and file paths become tokens of
    ``links`` (numbered from 0)."""
    _as_on_the_page(translator, holder)
    with _targets(translator, links):
        markup = render_markup(translator, holder.children)
    return markup, links.targets


def _as_on_the_page(translator: SphinxTranslator, holder: nodes.Element) -> int:
    """Do to ``holder``'s nodes what is done to a page's: ``only`` nodes processed (the
    ``OnlyNodeTransform``), dangerous links unlinked with a warning (``doctree-resolved``);
    the number of links unlinked."""
    process_only_nodes(holder, translator.builder.tags)
    return unlink_dangerous_references(holder)


@contextmanager
def _targets(translator: SphinxTranslator, links: PageLinks) -> Iterator[None]:
    """While markup is rendered for a cache: its links and file paths become ``links``'
    tokens."""
    outer = getattr(translator, _TARGETS, None)
    setattr(translator, _TARGETS, links)
    try:
        yield
    finally:
        if outer is None:
            delattr(translator, _TARGETS)
        else:
            setattr(translator, _TARGETS, outer)


_ITEMS = "_ga4gh_furniture_items"

#: Builds an item of a list from a link maker.
ItemBuilder = Callable[[LinkMaker], nodes.Element]


class _CachedItem:
    """An item of a list, made once per build: whether the translator finds it simple (what
    the list's compactness is judged from), and its markup and links for each state of the
    translator. Its nodes are kept only while no stand-in is judged as they are (a translator
    without ``check_simple_list``, or one that judges otherwise): a site's people and tiles
    are in every list that shows them, and their nodes were most of what these caches held."""

    def __init__(self, node: nodes.Element, links: PageLinks, simple: bool | None) -> None:
        self.node: nodes.Element | None = node
        self.links = links
        #: None while the nodes themselves are what the list is judged from
        self.simple = simple
        self.markup: dict[tuple[Any, ...], tuple[str, list[Target]]] = {}

    def judged(self) -> nodes.Element:
        """What stands in the list while the list itself is written."""
        if self.simple is None:
            assert self.node is not None
            return self.node
        return _stand_in(self.simple)


def _stand_in(simple: bool) -> nodes.list_item:
    """An item that docutils' simple-list check judges ``simple`` (an item of one paragraph
    is, an item of two is not)."""
    if simple:
        return nodes.list_item()
    return nodes.list_item("", nodes.paragraph(), nodes.paragraph())


def _simple(translator: SphinxTranslator, item: nodes.Element) -> bool | None:
    """Whether the translator's simple-list check finds ``item`` simple, if a stand-in is
    judged the same; None otherwise."""
    check: Callable[[nodes.Element], bool] | None = getattr(translator, "check_simple_list", None)
    if check is None:
        return None
    simple = check(nodes.bullet_list("", item))
    if check(nodes.bullet_list("", _stand_in(simple))) != simple:
        return None
    return simple


def _made_item(
    translator: SphinxTranslator, build: ItemBuilder
) -> tuple[nodes.Element, PageLinks, bool]:
    """An item's nodes as they are at their place on a page, the links they hold, and whether
    one of them was dangerous (and unlinked)."""
    links = PageLinks()
    holder = nodes.container("", build(lambda docname, content: links.link(docname, "", content)))
    dangerous = _as_on_the_page(translator, holder) > 0
    made: nodes.Element = holder[0]  # type: ignore[assignment]
    holder.clear()
    return made, links, dangerous


def _cached_item(translator: SphinxTranslator, key: Any, build: ItemBuilder) -> _CachedItem:
    cache: dict[Any, _CachedItem] = translator.builder.__dict__.setdefault(_ITEMS, {})
    item = cache.get(key)
    if item is not None:
        return item
    node, links, dangerous = _made_item(translator, build)
    item = _CachedItem(node, links, _simple(translator, node))
    if not dangerous:  # warned about in each list, as the list's own nodes would be
        cache[key] = item
    return item


def render_cached_items(
    translator: SphinxTranslator, listing: nodes.Element, items: list[tuple[Any, ItemBuilder]]
) -> str:
    """The markup of ``listing`` (an empty list) with ``items`` (a key and what makes its item
    from a link maker), as its nodes would be rendered in a detached container, each item made
    once per build and rendered once per build and state of the list; their links and file
    paths become tokens of the block being cached."""
    holder = nodes.container("", listing)
    try:
        with writing_apart(translator):
            write_cached_items(translator, listing, items)
            return "".join(translator.body)  # type: ignore[attr-defined]
    finally:
        holder.clear()


def write_cached_items(
    translator: SphinxTranslator, listing: nodes.Element, items: list[tuple[Any, ItemBuilder]]
) -> None:
    """Write ``listing`` (an empty list, where it stands in its block) with ``items``, as
    :func:`render_cached_items` does."""
    made = [_cached_item(translator, key, build) for key, build in items]
    listing[:] = [item.judged() for item in made]  # the list's compactness is judged from them
    outer: PageLinks = getattr(translator, _TARGETS)
    try:
        translator.dispatch_visit(listing)
        state = paragraph_state(translator)  # what an item's paragraphs are written by
        for position, (item, (_key, build)) in enumerate(zip(made, items, strict=True)):
            rendered = item.markup.get(state)
            if rendered is None:
                node, links = item.node, item.links
                if node is None:  # made again from its builder, with links of its own
                    node, links, _dangerous = _made_item(translator, build)
                listing[position] = node  # rendered at its place in the list
                with _targets(translator, links):
                    markup = render_markup(translator, [node])
                rendered = item.markup[state] = (markup, links.targets)
            translator.body.append(outer.adopt(*rendered))  # type: ignore[attr-defined]
        translator.dispatch_departure(listing)
    finally:
        listing.clear()
    for item in made:
        if item.simple is not None:
            item.node = None  # a stand-in judges the list as the nodes would


def _render(translator: SphinxTranslator, node: furniture_markup) -> tuple[str, list[Target]]:
    links = PageLinks()
    html = HTML_RENDERERS.get(node["kind"])
    if html is not None:
        with _targets(translator, links):
            markup = html(translator, json.loads(node["payload"]))
        return markup, links.targets

    def link(docname: str, content: nodes.Node) -> nodes.Element:
        # what the references resolver makes of internal_link (make_refnode, no anchor)
        return links.link(docname, "", content)

    # Rendered inside a detached container, as the nodes would be at their place.
    holder = nodes.container("", *_nodes_of(translator.builder.env, node, link))
    return _render_with(translator, holder, links)


_MET = "_ga4gh_furniture_met"


def visit_furniture_markup_html(self: SphinxTranslator, node: furniture_markup) -> None:
    """Write the block's markup, kept by this builder from the second time it is met: most
    tile lists are on one page only (their items are cached on their own), while a people
    block is on every page its people wrote."""
    cache: dict[tuple[Any, ...], tuple[str, list[Any]]] = self.builder.__dict__.setdefault(
        _CACHE, {}
    )
    # A list's compactness depends on the list it is in (the translator's state).
    key = (
        node["kind"],
        node["payload"],
        getattr(self, "compact_simple", None),
        getattr(self, "compact_p", None),
    )
    rendered = cache.get(key)
    if rendered is None:
        rendered = _render(self, node)
        met: set[tuple[Any, ...]] = self.builder.__dict__.setdefault(_MET, set())
        if key in met:
            cache[key] = rendered
        else:
            met.add(key)
    markup, targets = rendered
    self.body.append(PageLinks.fill(self, markup, targets))  # type: ignore[attr-defined]
    raise nodes.SkipNode


def _render_fragment(
    translator: SphinxTranslator, node: furniture_fragment
) -> tuple[str, list[Target]]:
    """A fragment's markup, with tokens of its own (numbered from 0)."""
    node[:] = _fragment_nodes(translator.builder.env, node)
    try:
        return _render_with(translator, node, PageLinks())
    finally:
        node.clear()


def visit_furniture_fragment_html(self: SphinxTranslator, node: furniture_fragment) -> None:
    """Write the fragment's markup, rendered by this builder the first time it is met; its
    tokens become tokens of the block being cached (or, outside one, what they are here)."""
    cache: dict[tuple[str, str], tuple[str, list[Any]]] = self.builder.__dict__.setdefault(
        _FRAGMENTS, {}
    )
    key = (node["kind"], node["key"])
    if key not in cache:
        cache[key] = _render_fragment(self, node)
    markup, targets = cache[key]
    outer: PageLinks | None = getattr(self, _TARGETS, None)
    if outer is None:
        markup = PageLinks.fill(self, markup, targets)
    else:
        markup = outer.adopt(markup, targets)
    self.body.append(markup)  # type: ignore[attr-defined]
    raise nodes.SkipNode


def depart_nothing(self: SphinxTranslator, node: nodes.Element) -> None:
    pass


def setup_furniture_markup(app: Sphinx) -> None:
    """Blocks of furniture as cached markup in HTML, as nodes elsewhere."""
    app.add_node(furniture_markup, html=(visit_furniture_markup_html, depart_nothing))
    app.add_node(furniture_fragment, html=(visit_furniture_fragment_html, depart_nothing))
    app.add_post_transform(ExpandFurnitureMarkup)
