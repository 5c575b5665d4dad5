"""Tools wired into Sphinx: ``{tool}``, ``{ga4gh:tool}``, tool tables, ``tools.json``."""

from __future__ import annotations

from sphinx.application import Sphinx

from ..domain import Ga4ghDomain
from .anchors import AnchorsForLatex
from .declaration import FillToolCards, ToolDirective
from .export import write_tools_json
from .fragments import (
    ExpandToolFragments,
    badge_icon,
    skip_badge_icon,
    tool_fragment,
    visit_badge_icon_html,
    visit_tool_fragment_html,
)
from .hygiene import warn_plain_names, warn_unmentioned_tools
from .index_entries import FillToolIndexEntries, update_index_entries
from .instances import warn_instance_cycles, warn_unknown_parents
from .nodes import tool_card_fields
from .reference import NODE_VISITORS, ToolRole
from .table import (
    FillToolTables,
    InsertPageToolTable,
    ToolTableDirective,
    setup_tool_table_markup,
    tool_table,
    warn_unknown_related_pages,
)


def setup_tools(app: Sphinx) -> None:
    app.add_directive_to_domain(Ga4ghDomain.name, "tool", ToolDirective)
    app.add_role("tool", ToolRole())
    app.add_directive("tool-table", ToolTableDirective)
    for node_class, visitors in NODE_VISITORS.items():
        app.add_node(node_class, **visitors)  # type: ignore[arg-type]
    app.add_node(tool_table)
    app.add_node(tool_card_fields)
    app.add_node(tool_fragment, html=(visit_tool_fragment_html, None))
    skip = (skip_badge_icon, None)
    app.add_node(
        badge_icon,
        html=(visit_badge_icon_html, None),
        latex=skip,
        text=skip,
        man=skip,
        texinfo=skip,
    )
    app.add_transform(InsertPageToolTable)
    app.add_post_transform(FillToolTables)
    setup_tool_table_markup(app)
    app.add_post_transform(FillToolCards)
    app.add_post_transform(FillToolIndexEntries)
    app.connect("env-updated", update_index_entries)
    app.add_post_transform(ExpandToolFragments)
    app.add_post_transform(AnchorsForLatex)
    app.connect("build-finished", write_tools_json)


def setup_tool_checks(app: Sphinx) -> None:
    """Warnings about the registry as a whole and how pages mention its tools."""
    app.connect("doctree-read", warn_plain_names)
    app.connect("env-check-consistency", warn_unmentioned_tools)
    app.connect("env-check-consistency", warn_unknown_parents)
    app.connect("env-check-consistency", warn_instance_cycles)
    app.connect("env-check-consistency", warn_unknown_related_pages)
