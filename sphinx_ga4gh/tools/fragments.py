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
from typing import Any

from docutils import nodes
from sphinx.environment import BuildEnvironment
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxTranslator

from ..assets.paths import site_root_uri
from ..data.markdown import inline_markdown, plain_text
from ..data.tools import Relatives, Tool
from ..data.urls import is_safe_image_url
from ..html_markup import builds_html, render_markup
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


def badge_nodes(tool: Tool) -> list[nodes.Node]:
    """The tool's website and registry links as badge references, with separators."""
    result: list[nodes.Node] = []
    for badge in tool.badges():
        if result:
            result.append(badge_separator(BADGE_SEPARATOR, BADGE_SEPARATOR))
        reference = nodes.reference(
            "", "", refuri=badge.url, classes=["ga4gh-badge", f"ga4gh-badge-{badge.kind}"]
        )
        if badge.icon and is_safe_image_url(badge.icon):
            reference += badge_icon(uri=badge.icon)
        reference += nodes.Text(badge.label)
        result.append(reference)
    return result


def description_nodes(tool: Tool) -> list[nodes.Node]:
    """The tool's description as inline nodes (its Markdown rendered, any HTML as text)."""
    return inline_markdown(tool.description)[0]


def _linked(name: str, url: str) -> nodes.Node:
    if url:
        return nodes.reference("", name, refuri=url, classes=["ga4gh-instance-link"])
    return nodes.Text(name)


def relatives_nodes(relatives: Relatives) -> list[nodes.Node]:
    """ "Instance of X" and "Instances: A, B" (empty when the tool has neither)."""
    result: list[nodes.Node] = []
    if relatives.parent is not None:
        parent = relatives.parent
        result.append(
            nodes.inline(
                "",
                _("Instance of "),
                _linked(parent.name, parent.url or ""),
                classes=["ga4gh-instance-of"],
            )
        )
    if relatives.instances:
        listing = nodes.inline("", _("Instances: "), classes=["ga4gh-instances"])
        for position, instance in enumerate(relatives.instances):
            if position:
                listing += nodes.Text(", ")
            listing += _linked(instance.name, instance.url)
        result.append(listing)
    return result


def popover_nodes(tool: Tool, relatives: Relatives) -> list[nodes.Node]:
    """What a mention's popover shows of the tool: name, type, description, relatives, badges."""
    result: list[nodes.Node] = [nodes.inline(tool.name, tool.name, classes=["ga4gh-popover-title"])]
    if tool.type:
        result.append(nodes.inline(tool.type, tool.type, classes=["ga4gh-popover-type"]))
    if tool.description:
        result.append(
            nodes.inline("", "", *description_nodes(tool), classes=["ga4gh-popover-text"])
        )
    result += relatives_nodes(relatives)
    badges = badge_nodes(tool)
    if badges:
        result.append(nodes.inline("", "", *badges, classes=["ga4gh-badges"]))
    return result


def _separated(parts: list[nodes.Node]) -> list[nodes.Node]:
    result: list[nodes.Node] = []
    for part in parts:
        if result:
            result.append(nodes.Text(" · "))
        result.append(part)
    return result


PARTS: dict[str, Callable[[Tool, Relatives], list[nodes.Node]]] = {
    "description": lambda tool, _relatives: description_nodes(tool),
    "badges": lambda tool, _relatives: badge_nodes(tool),
    "relatives": lambda _tool, relatives: _separated(relatives_nodes(relatives)),
    "popover": popover_nodes,
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


def visit_tool_fragment_html(self: SphinxTranslator, node: tool_fragment) -> None:
    """Write the part's markup, rendered by this translator the first time it is met."""
    cache: dict[tuple[str, str], str] = self.builder.__dict__.setdefault("_ga4gh_fragments", {})
    key = (node["part"], node["tool_id"])
    markup = cache.get(key)
    if markup is None:
        # Rendered inside a detached inline, as the nodes would be at their place.
        holder = nodes.inline("", "", *_nodes_of(self.builder.env, node))
        with caching_markup(self):
            markup = cache[key] = render_markup(self, holder.children)
    self.body.append(fill_site_root(self, markup))  # type: ignore[attr-defined]
    raise nodes.SkipNode
