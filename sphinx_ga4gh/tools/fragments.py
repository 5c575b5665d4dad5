"""A tool's description, badges and popover body: rendered once per build, reused everywhere.

The same tool appears in many places (every mention's popover, each page's tool table, the
site-wide table), always with the same description and badges. Building them as node trees at
each place made pages several times the nodes of their text, and Sphinx's transforms, writer and
search indexer pay for every node. A :class:`tool_fragment` stands for one of them: HTML renders
its nodes once per tool and build and writes the same markup at every place; other builders get
the nodes themselves (:class:`ExpandToolFragments`), so LaTeX and text output are unchanged.

A searchable fragment holds the part's plain text as its only child, which is what Sphinx's
search index reads.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from html import escape
from typing import Any, NamedTuple

from docutils import nodes
from sphinx.environment import BuildEnvironment
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxTranslator

from ..assets.paths import site_root_uri
from ..data.markdown import inline_markdown, is_plain_markdown, plain_text
from ..data.tools import Instance, Relatives, Tool
from ..data.urls import is_safe_image_url
from ..html_markup import Stencil, builds_html, render_markup, slot, stencil_of, text_markup
from ..i18n import _


class tool_fragment(nodes.Inline, nodes.TextElement):
    """One part of a tool's data (``part``: description, badges, popover) for ``tool_id``."""


class badge_icon(nodes.Inline, nodes.Element):
    """A registry link type's icon in its badge (HTML only): an http(s) image or a site path."""


#: Stands for the path from the page being written to the site's root in cached markup.
SITE_ROOT = "\x00ga4gh-site-root\x00"


def _site_root(self: SphinxTranslator) -> str:
    if getattr(self, "_ga4gh_caching", False):
        return SITE_ROOT
    return site_root_uri(self.builder)


@contextmanager
def caching_markup(translator: SphinxTranslator) -> Iterator[None]:
    """While markup for a cache is rendered: the path to the site's root is left as
    :data:`SITE_ROOT` (:func:`fill_site_root`), as in an enclosing cached block."""
    caching = getattr(translator, "_ga4gh_caching", False)
    translator._ga4gh_caching = True  # type: ignore[attr-defined]
    try:
        yield
    finally:
        translator._ga4gh_caching = caching  # type: ignore[attr-defined]


def fill_site_root(translator: SphinxTranslator, markup: str) -> str:
    """Cached ``markup`` with the path to the site's root of the page being written (or the
    token again, inside markup being cached)."""
    if SITE_ROOT in markup:
        return markup.replace(SITE_ROOT, _site_root(translator))
    return markup


def visit_badge_icon_html(self: SphinxTranslator, node: badge_icon) -> None:
    url = node["uri"]
    src = url if "://" in url else _site_root(self) + url.lstrip("/")
    self.body.append(  # type: ignore[attr-defined]
        f'<img class="ga4gh-badge-icon" src="{escape(src)}" alt="" />'
    )
    raise nodes.SkipNode


def skip_badge_icon(self: SphinxTranslator, node: badge_icon) -> None:
    raise nodes.SkipNode


class badge_separator(nodes.Inline, nodes.TextElement):
    """Between two badges: a space in HTML (badges are boxes there), ``" · "`` on paper and in
    text, where the links' names would otherwise run together ("Website Training")."""


BADGE_SEPARATOR = " · "


def visit_badge_separator_html(self: SphinxTranslator, node: badge_separator) -> None:
    self.body.append(" ")  # type: ignore[attr-defined]
    raise nodes.SkipNode


class BadgeView(NamedTuple):
    """What a badge shows: ``icon`` empty when it has none (or one that is not safe)."""

    kind: str
    label: str
    url: str
    icon: str


class FragmentView(NamedTuple):
    """The tool data a part shows, nothing else (the other fields empty): the part's nodes are
    made from it alone, so that cached markup can be rendered once per shape of it
    (:func:`_stencilled_markup`)."""

    name: str = ""
    type: str = ""
    description: str = ""
    parent: Instance | None = None
    instances: tuple[Instance, ...] = ()
    badges: tuple[BadgeView, ...] = ()


def _badge_views(tool: Tool) -> tuple[BadgeView, ...]:
    return tuple(
        BadgeView(
            badge.kind,
            badge.label,
            badge.url,
            badge.icon if badge.icon and is_safe_image_url(badge.icon) else "",
        )
        for badge in tool.badges()
    )


def _parent_view(relatives: Relatives) -> Instance | None:
    parent = relatives.parent
    return None if parent is None else Instance(parent.name, parent.url or "")


def _badge_nodes_of(badges: tuple[BadgeView, ...]) -> list[nodes.Node]:
    result: list[nodes.Node] = []
    for badge in badges:
        if result:
            result.append(badge_separator(BADGE_SEPARATOR, BADGE_SEPARATOR))
        reference = nodes.reference(
            "", "", refuri=badge.url, classes=["ga4gh-badge", f"ga4gh-badge-{badge.kind}"]
        )
        if badge.icon:
            reference += badge_icon(uri=badge.icon)
        reference += nodes.Text(badge.label)
        result.append(reference)
    return result


def badge_nodes(tool: Tool) -> list[nodes.Node]:
    """The tool's website and registry links as badge references, with separators."""
    return _badge_nodes_of(_badge_views(tool))


def description_nodes(tool: Tool) -> list[nodes.Node]:
    """The tool's description as inline nodes (its Markdown rendered, any HTML as text)."""
    return inline_markdown(tool.description)[0]


def _linked(name: str, url: str) -> nodes.Node:
    if url:
        return nodes.reference("", name, refuri=url, classes=["ga4gh-instance-link"])
    return nodes.Text(name)


def _relatives_nodes_of(
    parent: Instance | None, instances: tuple[Instance, ...]
) -> list[nodes.Node]:
    result: list[nodes.Node] = []
    if parent is not None:
        result.append(
            nodes.inline(
                "",
                _("Instance of "),
                _linked(parent.name, parent.url),
                classes=["ga4gh-instance-of"],
            )
        )
    if instances:
        listing = nodes.inline("", _("Instances: "), classes=["ga4gh-instances"])
        for position, instance in enumerate(instances):
            if position:
                listing += nodes.Text(", ")
            listing += _linked(instance.name, instance.url)
        result.append(listing)
    return result


def relatives_nodes(relatives: Relatives) -> list[nodes.Node]:
    """ "Instance of X" and "Instances: A, B" (empty when the tool has neither)."""
    return _relatives_nodes_of(_parent_view(relatives), relatives.instances)


def _popover_nodes_of(view: FragmentView) -> list[nodes.Node]:
    result: list[nodes.Node] = [nodes.inline(view.name, view.name, classes=["ga4gh-popover-title"])]
    if view.type:
        result.append(nodes.inline(view.type, view.type, classes=["ga4gh-popover-type"]))
    if view.description:
        result.append(
            nodes.inline(
                "", "", *inline_markdown(view.description)[0], classes=["ga4gh-popover-text"]
            )
        )
    result += _relatives_nodes_of(view.parent, view.instances)
    badges = _badge_nodes_of(view.badges)
    if badges:
        result.append(nodes.inline("", "", *badges, classes=["ga4gh-badges"]))
    return result


def popover_nodes(tool: Tool, relatives: Relatives) -> list[nodes.Node]:
    """What a mention's popover shows of the tool: name, type, description, relatives, badges."""
    return _popover_nodes_of(part_view("popover", tool, relatives))


def _separated(parts: list[nodes.Node]) -> list[nodes.Node]:
    result: list[nodes.Node] = []
    for part in parts:
        if result:
            result.append(nodes.Text(" · "))
        result.append(part)
    return result


def part_view(
    part: str, tool: Tool, relatives: Relatives, badges: tuple[BadgeView, ...] | None = None
) -> FragmentView:
    """The data ``part`` shows of the tool (``badges``: its badges, when already made)."""
    if part == "description":
        return FragmentView(description=tool.description)
    if badges is None:
        badges = _badge_views(tool)
    if part == "badges":
        return FragmentView(badges=badges)
    if part == "relatives":
        return FragmentView(parent=_parent_view(relatives), instances=relatives.instances)
    return FragmentView(
        tool.name,
        tool.type,
        tool.description,
        _parent_view(relatives),
        relatives.instances,
        badges,
    )


#: Each part's nodes, from its data alone.
VIEW_PARTS: dict[str, Callable[[FragmentView], list[nodes.Node]]] = {
    "description": lambda view: inline_markdown(view.description)[0],
    "badges": lambda view: _badge_nodes_of(view.badges),
    "relatives": lambda view: _separated(_relatives_nodes_of(view.parent, view.instances)),
    "popover": _popover_nodes_of,
}


def _part_builder(part: str) -> Callable[[Tool, Relatives], list[nodes.Node]]:
    def build(tool: Tool, relatives: Relatives) -> list[nodes.Node]:
        return VIEW_PARTS[part](part_view(part, tool, relatives))

    return build


PARTS: dict[str, Callable[[Tool, Relatives], list[nodes.Node]]] = {
    part: _part_builder(part) for part in VIEW_PARTS
}


def _relatives_text(relatives: Relatives) -> str:
    parts = []
    if relatives.parent is not None:
        parts.append(str(_("Instance of ")) + relatives.parent.name)
    if relatives.instances:
        parts.append(str(_("Instances: ")) + ", ".join(i.name for i in relatives.instances))
    return " · ".join(parts)


#: The plain text of each part, from the tool's data: the text of its nodes (``astext``).
PART_TEXTS: dict[str, Callable[[Tool, Relatives], str]] = {
    "description": lambda tool, _relatives: plain_text(tool.description),
    "badges": lambda tool, _relatives: BADGE_SEPARATOR.join(b.label for b in tool.badges()),
    "relatives": lambda _tool, relatives: _relatives_text(relatives),
}


def fragment_text(tool: Tool, part: str, relatives: Relatives) -> str:
    """The plain text of a part, what the search index reads of it."""
    if part in PART_TEXTS:
        return PART_TEXTS[part](tool, relatives)
    return nodes.inline("", "", *PARTS[part](tool, relatives)).astext()


def tool_fragment_for(
    tool: Tool, part: str, relatives: Relatives, searchable: bool = True
) -> tool_fragment:
    """The fragment; with ``searchable``, its plain text for the search index. Popovers and
    pages' tool tables are left out of the index, so their fragments need none."""
    if not searchable:
        return tool_fragment("", tool_id=tool.id, part=part)
    text = fragment_text(tool, part, relatives)
    return tool_fragment(text, text, tool_id=tool.id, part=part)


def _nodes_of(env: BuildEnvironment, node: tool_fragment) -> list[nodes.Node]:
    domain = env.get_domain("ga4gh")
    tool = domain.get_tool(node["tool_id"])  # type: ignore[attr-defined]
    if tool is None:
        return [nodes.Text(node.astext())]
    return PARTS[node["part"]](tool, domain.relatives_of(tool))  # type: ignore[attr-defined]


class ExpandToolFragments(SphinxPostTransform):
    """For builders other than HTML: each fragment becomes its nodes."""

    # After the tool tables are filled (6) and mentions resolved (10), which make fragments.
    default_priority = 20

    def is_supported(self) -> bool:
        return not builds_html(self.env)

    def run(self, **kwargs: Any) -> None:
        for fragment in list(self.document.findall(tool_fragment)):
            fragment.replace_self(_nodes_of(self.env, fragment))


# --- HTML: one rendering per shape ------------------------------------------------------
#
# Most tools' parts differ only in their texts and addresses: the same nodes around other
# strings. Each shape (which fields are empty, how many badges and relatives, which icons are
# site paths) is rendered once per build by the translator itself, from a view whose strings
# are numbered sentinels; a tool's markup is that with each sentinel replaced by the tool's
# string escaped as the translator escapes it where it stands: ``encode`` of a text node's
# text, ``attval`` of an attribute, and :func:`visit_badge_icon_html`'s own escaping of an
# icon. A view with a branch on a value the shape does not record (a Markdown description, a
# ``mailto:`` address that the writer may cloak), or a translator in a state that changes
# escaping, keeps the node path.

_TEXT, _ATTRIBUTE, _ICON = "text", "attribute", "icon"
_SHAPES = "_ga4gh_fragment_shapes"

#: A string of a view: how it is written (text, attribute value, icon address) and the string.
Leaf = tuple[str, str]


def _leaves(view: FragmentView) -> list[Leaf]:
    """The view's strings, in the order :func:`_with_strings` puts them back."""
    leaves = [(_TEXT, view.name), (_TEXT, view.type), (_TEXT, view.description)]
    if view.parent is not None:
        leaves += ((_TEXT, view.parent.name), (_ATTRIBUTE, view.parent.url))
    for instance in view.instances:
        leaves += ((_TEXT, instance.name), (_ATTRIBUTE, instance.url))
    for badge in view.badges:
        leaves += ((_ATTRIBUTE, badge.kind), (_TEXT, badge.label))
        leaves += ((_ATTRIBUTE, badge.url), (_ICON, badge.icon))
    return leaves


def _with_strings(view: FragmentView, strings: list[str]) -> FragmentView:
    """``view`` with its strings (:func:`_leaves`' order) replaced by ``strings``."""
    values = iter(strings)
    name, type_, description = next(values), next(values), next(values)
    parent = None if view.parent is None else Instance(next(values), next(values))
    instances = tuple(Instance(next(values), next(values)) for _instance in view.instances)
    badges = tuple(
        BadgeView(next(values), next(values), next(values), next(values)) for _b in view.badges
    )
    return FragmentView(name, type_, description, parent, instances, badges)


def _absolute_icon(leaf: Leaf) -> bool:
    # the icon's visitor tells addresses from site paths by "://"
    return leaf[0] == _ICON and "://" in leaf[1]


def _shape(view: FragmentView, leaves: list[Leaf]) -> tuple[Any, ...]:
    """What the making of the view's nodes branches on: which strings are empty, how many
    relatives and badges, which icons are addresses."""
    marks = "".join("-" if not leaf[1] else "a" if _absolute_icon(leaf) else "s" for leaf in leaves)
    return (view.parent is None, len(view.instances), len(view.badges), marks)


def _sentinel(index: int, leaf: Leaf) -> str:
    if not leaf[1]:
        return ""  # an empty string stays empty: the nodes branch on it
    return slot(index, address=_absolute_icon(leaf))


def _escaped(translator: SphinxTranslator, leaf: Leaf) -> str:
    """A string as the translator writes it where its sentinel stands."""
    kind, value = leaf
    if kind == _TEXT:
        return text_markup(translator, value)
    if kind == _ATTRIBUTE:
        return translator.attval(value)  # type: ignore[attr-defined,no-any-return]
    return escape(value if "://" in value else value.lstrip("/"))


def _stencil_applies(translator: SphinxTranslator, view: FragmentView) -> bool:
    if getattr(translator, "in_mailto", False) or getattr(translator, "protect_literal_text", 0):
        return False
    if view.description and not is_plain_markdown(view.description):
        return False
    urls = [badge.url for badge in view.badges] + [link.url for link in view.instances]
    if view.parent is not None:
        urls.append(view.parent.url)
    return not any(url.startswith("mailto:") for url in urls)


def _render_shape(
    translator: SphinxTranslator, part: str, view: FragmentView, leaves: list[Leaf]
) -> Stencil | None:
    """The markup of the view with sentinels for its strings; None when each non-empty
    string's sentinel is not written once as it stands (then the node path is taken)."""
    sentinels = [_sentinel(index, leaf) for index, leaf in enumerate(leaves)]
    holder = nodes.inline("", "", *VIEW_PARTS[part](_with_strings(view, sentinels)))
    with caching_markup(translator):
        markup = render_markup(translator, holder.children)
    return stencil_of(markup, [index for index, leaf in enumerate(leaves) if leaf[1]])


def _stencilled_markup(translator: SphinxTranslator, part: str, view: FragmentView) -> str | None:
    """The part's markup from its shape's rendering, or None for the node path."""
    if not _stencil_applies(translator, view):
        return None
    leaves = _leaves(view)
    shapes: dict[tuple[Any, ...], Stencil | None] = translator.builder.__dict__.setdefault(
        _SHAPES, {}
    )
    key = (part, _shape(view, leaves))
    if key not in shapes:
        shapes[key] = _render_shape(translator, part, view, leaves)
    stencil = shapes[key]
    if stencil is None:
        return None
    return stencil.fill([_escaped(translator, leaf) for leaf in leaves])


def fragment_markup(translator: SphinxTranslator, node: tool_fragment) -> str:
    """The part's markup, not cached (``visit_tool_fragment_html`` caches it; the tool tables
    cache the cells that hold one)."""
    env = translator.builder.env
    domain = env.get_domain("ga4gh")
    tool = domain.get_tool(node["tool_id"])  # type: ignore[attr-defined]
    if tool is not None:
        relatives = domain.relatives_of(tool)  # type: ignore[attr-defined]
        # a tool's popover and its badges in tables show the same badges: made once
        made: dict[str, tuple[BadgeView, ...]] = translator.builder.__dict__.setdefault(
            "_ga4gh_badge_views", {}
        )
        badges = made.get(tool.id)
        if badges is None and node["part"] in ("badges", "popover"):
            badges = made[tool.id] = _badge_views(tool)
        view = part_view(node["part"], tool, relatives, badges)
        markup = _stencilled_markup(translator, node["part"], view)
        if markup is not None:
            return markup
    return node_path_markup(translator, node)


def node_path_markup(translator: SphinxTranslator, node: tool_fragment) -> str:
    """The part's markup from its nodes (what the shapes' renderings must equal)."""
    # Rendered inside a detached inline, as the nodes would be at their place.
    holder = nodes.inline("", "", *_nodes_of(translator.builder.env, node))
    with caching_markup(translator):
        return render_markup(translator, holder.children)


def visit_tool_fragment_html(self: SphinxTranslator, node: tool_fragment) -> None:
    """Write the part's markup, rendered by this translator the first time it is met."""
    cache: dict[tuple[str, str], str] = self.builder.__dict__.setdefault("_ga4gh_fragments", {})
    key = (node["part"], node["tool_id"])
    markup = cache.get(key)
    if markup is None:
        markup = cache[key] = fragment_markup(self, node)
    self.body.append(fill_site_root(self, markup))  # type: ignore[attr-defined]
    raise nodes.SkipNode
