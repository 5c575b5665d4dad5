"""Tool tables: the automatic "Tools and resources on this page" table and ``{tool-table}``.

At read time only a :class:`tool_table` placeholder is written (for the site-wide table, with
an ``index`` node that :mod:`.index_entries` fills). Rows are built at write time by
:class:`FillToolTables`, when every page's mentions and this build's registry are known, as
plain docutils tables, so every builder renders them (LaTeX as a ``longtable``). The registry
is no dependency of the page: a registry edit rewrites the pages showing the edited tools.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective, SphinxTranslator
from sphinx.writers.html5 import HTML5Translator

from ..data.diagnostics import conf_line, did_you_mean
from ..data.tools import Relatives, Tool
from ..data.urls import is_dangerous_url
from ..domain import (
    ALL_RESOURCES_KEY,
    PAGE_TABLE_ANCHOR,
    SITE_TABLE_ANCHOR,
    Ga4ghDomain,
    get_domain,
    internal_link,
    type_label,
)
from ..html_markup import (
    PageLinks,
    Stencil,
    Target,
    builds_html_pages,
    paragraph_state,
    render_markup,
    slot,
    stencil_of,
    text_markup,
)
from ..i18n import _, translated
from ..pages.safe_links import unlink_dangerous_references
from ..pages.sections import append_section
from ..reporting import warn
from ..text.labels import label_from_name
from ..text.lists import split_names
from . import fragments
from .fragments import (
    caching_markup,
    fill_site_root,
    fragment_text,
    tool_fragment,
    tool_fragment_for,
)
from .nodes import tool_table as tool_table  # imported from here by the furniture

#: The columns a tool table may have: header and relative width (LaTeX); the order is the
#: configuration's (``ga4gh_site_table_columns``, ``ga4gh_page_table_columns``, ``:columns:``).
COLUMNS: dict[str, tuple[str, int]] = {
    "name": (_("Name"), 18),
    "type": (_("Type"), 10),
    "description": (_("Description"), 36),
    "pages": (_("Related pages"), 18),
    "registry": (_("Registry"), 18),
    "website": (_("Website"), 12),
}


#: Width (LaTeX) of a column showing a key of ``ga4gh_registry_extra_keys``.
EXTRA_COLUMN_WIDTH = 12


def known_columns(config: Config) -> list[str]:
    """The built-in columns and the site's own registry keys (``ga4gh_registry_extra_keys``)."""
    extra = [str(key) for key in config.ga4gh_registry_extra_keys if key not in COLUMNS]
    return [*COLUMNS, *extra]


def column_header(column: str) -> tuple[str, int]:
    """Header and width of a column; a registry key ``catalog_name`` is "Catalog name"."""
    if column in COLUMNS:
        return COLUMNS[column]
    return label_from_name(column), EXTRA_COLUMN_WIDTH


def unknown_column_message(where: str, column: str, known: list[str] | None = None) -> str:
    columns = known or list(COLUMNS)
    hint = did_you_mean(column, columns)
    return (
        f"{where}: unknown column {column!r}{hint} (columns: {', '.join(columns)}); it is left out"
    )


class ToolTableDirective(SphinxDirective):
    """``{tool-table}``: every tool of the site, with the pages that mention it.

    ``:type:`` keeps only tools of the given types (comma or space separated);
    ``:national-resources:`` appends every country page's national resources, as the theme's
    site-wide table does.
    """

    has_content = False
    option_spec: ClassVar[dict[str, Any]] = {
        "type": directives.unchanged,
        "columns": directives.unchanged,
        "class": directives.class_option,
        "national-resources": directives.flag,
    }

    def run(self) -> list[nodes.Node]:
        domain = get_domain(self.env)
        types = split_names(self.options.get("type"))
        # Anchors and index entries come from the first site-wide table of a page only.
        first_on_page = self.env.docname not in domain.site_tables
        domain.note_site_table(self.env.docname, types)
        columns = split_names(self.options.get("columns"))
        known = known_columns(self.config)
        for column in columns:
            if column not in known:
                message = unknown_column_message("tool-table", column, known)
                warn(message, "tool", self.get_location())
        table = tool_table(
            "",
            scope="site",
            types=types,
            columns=[column for column in columns if column in known],
            docname=self.env.docname,
            classes=self.options.get("class", []),
        )
        self.set_source_info(table)
        # the registry tools' entries, filled after reading (index_entries.py)
        index = addnodes.index(entries=[])
        if first_on_page:
            index["ga4gh_site_table"] = types
        if "national-resources" not in self.options:
            return [index, table]
        # imported here: the national resources module builds on this one
        from ..furniture.national_resources import national_resources_table

        domain.note_listing(self.env.docname, [ALL_RESOURCES_KEY])
        return [index, table, national_resources_table("", scope="all")]


class InsertPageToolTable(SphinxTransform):
    """Append "Tools and resources on this page" to every page that mentions a tool."""

    # After the domain has collected the page's mentions (SphinxDomains, 850) and before
    # Sphinx's doctree-read (880), where the page's table of contents is taken.
    default_priority = 860

    def apply(self, **kwargs: Any) -> None:
        if not self.config.ga4gh_page_tool_table:
            return
        if not get_domain(self.env).tools_of_page(self.env.docname):
            return
        section = append_section(
            self.document, translated(self.config.ga4gh_page_tool_table_title), ["ga4gh-page-tools"]
        )
        section += tool_table("", scope="page", types=[], docname=self.env.docname)


# --- filling at write time --------------------------------------------------------------------


def paged_table_classes(config: Config) -> list[str]:
    """What ga4gh.js reads to show a table's rows a page at a time (0: all rows)."""
    return ["ga4gh-paged", f"ga4gh-page-length-{max(0, config.ga4gh_table_page_length)}"]


def column_class(column: str) -> str:
    """A cell's column, for the stylesheet's widths (a readable Description column)."""
    return "ga4gh-col-" + "".join(c if c.isalnum() else "-" for c in column.lower())


#: The classes of every tool table, before its own (LaTeX: a longtable).
TABLE_CLASSES = ("ga4gh-tool-table", "longtable")


def make_table(
    headers: list[str],
    widths: list[int],
    rows: Sequence[nodes.Element],
    classes: list[str],
    columns: list[str] | None = None,
    head: nodes.Element | None = None,
) -> nodes.table:
    """The table; ``head`` in place of the head :func:`header_row` makes (HTML: cached)."""
    table = nodes.table("", classes=[*TABLE_CLASSES, *classes])
    group = nodes.tgroup("", cols=len(headers))
    table += group
    for width in widths:
        group += nodes.colspec(colwidth=width)
    group += head if head is not None else nodes.thead("", header_row(headers, columns))
    body = nodes.tbody()
    body.extend(rows)
    group += body
    return table


def header_row(headers: list[str], columns: list[str] | None = None) -> nodes.row:
    row = nodes.row()
    for index, header in enumerate(map(str, headers)):  # a header may be a lazy translation
        marks = [column_class(columns[index])] if columns else []
        row += nodes.entry("", nodes.paragraph(header, header), classes=marks)
    return row


def _remove_with_empty_section(placeholder: tool_table) -> None:
    parent = placeholder.parent
    parent.remove(placeholder)
    if isinstance(parent, nodes.section) and all(
        isinstance(c, nodes.title) for c in parent.children
    ):
        parent.parent.remove(parent)


def table_cell(*children: nodes.Node) -> nodes.entry:
    return nodes.entry("", nodes.paragraph("", "", *children))


#: Makes the link to ``docname#anchor`` (the page's top for an empty anchor) around
#: ``content``: a ``pending_xref`` (:func:`internal_link`) or, in cached HTML, a reference
#: whose address is a token (:class:`~sphinx_ga4gh.html_markup.PageLinks`).
LinkMaker = Callable[[str, str, nodes.Node], nodes.Element]


def _name_cell(domain: Ga4ghDomain, tool: Tool, link: LinkMaker) -> nodes.entry:
    name = nodes.strong(tool.name, tool.name)
    home = domain.home_of_tool(tool.id)
    if home is not None:
        return table_cell(link(home.docname, home.anchor, name))
    if tool.url:
        return table_cell(nodes.reference("", "", name, refuri=tool.url))
    return table_cell(name)


def _description_cell(tool: Tool, relatives: Relatives, searchable: bool) -> nodes.entry:
    """The description, and on a line of its own what the tool is an instance of and its
    instances."""
    cell = table_cell(tool_fragment_for(tool, "description", relatives, searchable))
    cell["classes"].append("ga4gh-col-description")  # a readable width (ga4gh.css)
    if relatives.parent is not None or relatives.instances:
        fragment = tool_fragment_for(tool, "relatives", relatives, searchable)
        cell += nodes.paragraph("", "", fragment)
    return cell


def _shown_pages(domain: Ga4ghDomain, tool: Tool) -> list[str]:
    # templates and hidden pages: the theme's tables leave them out
    return [
        docname
        for docname in domain.pages_showing(tool)
        if not domain.front_matter_of(docname).search_exclude
    ]


def _pages_cell(domain: Ga4ghDomain, tool: Tool, link: LinkMaker) -> nodes.entry:
    links: list[nodes.Node] = []
    for docname in _shown_pages(domain, tool):
        if links:
            links.append(nodes.Text(" "))
        title = domain.page_title(docname)
        badge = nodes.inline(title, title, classes=["ga4gh-badge", "ga4gh-badge-page"])
        links.append(link(docname, "", badge))
    return table_cell(*links)


def _cell(
    column: str,
    domain: Ga4ghDomain,
    tool: Tool,
    relatives: Relatives,
    searchable: bool,
    link: LinkMaker,
) -> nodes.entry:
    if column == "name":
        return _name_cell(domain, tool, link)
    if column == "type":
        return table_cell(nodes.Text(type_label(tool.type) if tool.type else ""))
    if column == "description":
        return _description_cell(tool, relatives, searchable)
    if column == "pages":
        return _pages_cell(domain, tool, link)
    if column == "website":
        website = nodes.reference("", _("Website"), refuri=tool.url) if tool.url else nodes.Text("")
        return table_cell(website)
    if column == "registry":
        return table_cell(tool_fragment_for(tool, "badges", relatives, searchable))
    # a key of ga4gh_registry_extra_keys
    return table_cell(nodes.Text(tool.extra.get(column, "")))


def row_cell(
    column: str, domain: Ga4ghDomain, tool: Tool, searchable: bool, link: LinkMaker
) -> nodes.entry:
    """The cell of ``tool``'s row in ``column``."""
    cell = _cell(column, domain, tool, domain.relatives_of(tool), searchable, link)
    cell["classes"].append(column_class(column))
    return cell


def row_text(domain: Ga4ghDomain, tool: Tool, columns: list[str]) -> list[str]:
    """The texts of the row's nodes (what the search index reads), from the tool's data."""
    relatives = domain.relatives_of(tool)
    texts: list[str] = []
    for column in columns:
        if column == "name":
            texts.append(tool.name)
        elif column == "type":
            texts.append(type_label(tool.type) if tool.type else "")
        elif column == "description":
            texts.append(fragment_text(tool, "description", relatives))
            if relatives.parent is not None or relatives.instances:
                texts.append(fragment_text(tool, "relatives", relatives))
        elif column == "pages":
            texts += (domain.page_title(docname) for docname in _shown_pages(domain, tool))
        elif column == "website":
            texts.append(str(_("Website")) if tool.url else "")
        elif column == "registry":
            texts.append(fragment_text(tool, "badges", relatives))
        else:
            texts.append(str(tool.extra.get(column, "")))
    return texts


class tool_table_markup(nodes.table):
    """HTML: a filled tool table whose rows are written as cached markup
    (:func:`visit_tool_table_markup_html`). A table to the post-transforms after the filling,
    so that what a theme does to every table (furo wraps each in a scrolling container) is
    done to it as to the docutils table.

    ``headers``, ``widths`` and ``columns`` as :func:`make_table` takes them, ``table_classes``
    the table's own (``ids`` and ``classes`` have the placeholder's too); a row per
    ``tool_ids`` item, with the id at the same position in ``anchors`` (empty: an earlier
    table of the page has it). A searchable table holds the plain text of its cells as its
    only child, which is what the search index reads.
    """


class FillToolTables(SphinxPostTransform):
    """Replace each :class:`tool_table` placeholder by a real table.

    In HTML (``html``, ``dirhtml``), by a :class:`tool_table_markup`: its rows are written by
    the HTML translator from cached markup, which costs a few nodes per table here and in the
    writer, instead of dozens per row. Other builders get the docutils table.
    """

    # Before the references resolver (10): the rows hold ordinary reference nodes.
    default_priority = 6

    def run(self, **kwargs: Any) -> None:
        domain = get_domain(self.env)
        self._anchors: set[str] = set(self.document.ids)
        self._markup = builds_html_pages(self.env)
        for placeholder in list(self.document.findall(tool_table)):
            if placeholder["scope"] == "site":
                tools = [
                    tool
                    for tool in domain.all_tools()
                    if not placeholder["types"] or tool.type in placeholder["types"]
                ]
                table = self._site_table(domain, tools, placeholder)
            elif placeholder["scope"] == "ids":
                # a country page's ref_to_main_resources
                tools = [tool for tool in map(domain.get_tool, placeholder["ids"]) if tool]
                table = self._ids_table(domain, tools)
            else:
                ids = domain.tools_of_page(placeholder["docname"])
                tools = [tool for tool in map(domain.get_tool, ids) if tool is not None]
                if not tools:
                    # Every mention was unknown (and warned about): no empty section.
                    _remove_with_empty_section(placeholder)
                    continue
                table = self._page_table(domain, tools, placeholder)
            placeholder.replace_self(table)

    def _anchor(self, anchor: str) -> str:
        """``anchor`` for a row, unless an earlier table of the page has it (empty then)."""
        if anchor in self._anchors:
            return ""
        self._anchors.add(anchor)
        return anchor

    def _table(
        self,
        domain: Ga4ghDomain,
        tools: list[Tool],
        columns: list[str],
        headers: list[str],
        anchor: str,
        classes: list[str],
        searchable: bool,
    ) -> nodes.Element:
        headers = [str(header) for header in headers]  # a header may be a lazy translation
        widths = [column_header(column)[1] for column in columns]
        anchors = [self._anchor(anchor.format(tool.id)) for tool in tools]
        if self._markup:
            table = tool_table_markup(
                "",
                headers=headers,
                widths=widths,
                columns=columns,
                tool_ids=[tool.id for tool in tools],
                anchors=anchors,
                table_classes=classes,
                # the docutils table's (a theme's transform copies them; no-search is what the
                # search indexer reads)
                classes=[*TABLE_CLASSES, *classes],
            )
            if searchable:
                texts = [*headers]
                for tool in tools:
                    texts += row_text(domain, tool, columns)
                table += nodes.Text(" ".join(text for text in texts if text))
            return table
        rows = []
        for tool, row_anchor in zip(tools, anchors, strict=True):
            row = nodes.row(ids=[row_anchor] if row_anchor else [])
            row.extend(row_cell(c, domain, tool, searchable, internal_link) for c in columns)
            rows.append(row)
        return make_table(headers, widths, rows, classes, columns)

    def _site_table(
        self, domain: Ga4ghDomain, tools: list[Tool], placeholder: tool_table
    ) -> nodes.Element:
        columns = placeholder.get("columns") or list(self.config.ga4gh_site_table_columns)
        known = known_columns(self.config)
        columns = [column for column in columns if column in known]
        ordered = sorted(tools, key=lambda t: t.name.lower())
        if not ordered:
            return nodes.paragraph(
                "", _("No tools or resources."), classes=["ga4gh-tool-table-empty"]
            )
        classes = [
            "ga4gh-site-tool-table",
            *paged_table_classes(self.config),
            *placeholder.get("classes", []),
        ]
        headers = [column_header(column)[0] for column in columns]
        return self._table(
            domain, ordered, columns, headers, SITE_TABLE_ANCHOR, classes, searchable=True
        )

    def _ids_table(self, domain: Ga4ghDomain, tools: list[Tool]) -> nodes.Element:
        """The registry tools a country page contributes to, by name, as the theme shows them."""
        columns = ["name", "description", "pages", "registry"]
        ordered = sorted(tools, key=lambda t: t.name.lower())
        headers = [_("Resource") if c == "name" else COLUMNS[c][0] for c in columns]
        classes = ["ga4gh-main-resources-table", "no-search"]
        # rows of the site-wide tables are the searchable copy
        return self._table(
            domain, ordered, columns, headers, PAGE_TABLE_ANCHOR, classes, searchable=False
        )

    def _page_table(
        self, domain: Ga4ghDomain, tools: list[Tool], placeholder: tool_table
    ) -> nodes.Element:
        known = known_columns(self.config)
        columns = [c for c in self.config.ga4gh_page_table_columns if c in known]
        # by name, as the theme's page table (``sort``), not in the order of mention
        ordered = sorted(tools, key=lambda t: t.name.lower())
        headers = [_("Tool or resource") if c == "name" else column_header(c)[0] for c in columns]
        classes = ["ga4gh-page-tool-table", "no-search"]
        # The site-wide table is searchable; a page's copy of its rows would be noise.
        return self._table(
            domain, ordered, columns, headers, PAGE_TABLE_ANCHOR, classes, searchable=False
        )


# --- HTML: rows as cached markup --------------------------------------------------------------


class tool_row_cells(nodes.General, nodes.Element):
    """In the table :func:`visit_tool_table_markup_html` walks, when the translator numbers
    its rows in a way of its own: the cells of a row, for ``tool_id`` and ``columns``."""


class tool_rows(nodes.General, nodes.Element):
    """In the table :func:`visit_tool_table_markup_html` walks: the body's rows, for
    ``tool_ids``, ``anchors`` and ``columns`` as the :class:`tool_table_markup` has them,
    written without a node per row (:func:`visit_tool_rows_html`)."""


_CELL_CACHE = "_ga4gh_tool_cells"
_CELL_TEMPLATES = "_ga4gh_tool_cell_templates"
_TABLE_HEADS = "_ga4gh_tool_table_heads"
_FRAGMENT = "_ga4gh_tool_cell_fragment"
_DETACHED_ROW = "_ga4gh_tool_cell_row"


def _writes_rows(translator: SphinxTranslator) -> bool:
    """Whether the translator's rows are Sphinx's HTML5 ones (row-odd and row-even counted in
    ``_table_row_indices``, the header row included), which :func:`visit_tool_rows_html`
    writes as ``visit_row`` would; a theme's own rows get nodes."""
    kind = type(translator)
    return (
        getattr(kind, "visit_row", None) is HTML5Translator.visit_row
        and getattr(kind, "depart_row", None) is HTML5Translator.depart_row
        and bool(getattr(translator, "_table_row_indices", None))
    )


#: What the table's head is made of in the translator, for its markup to be cached.
_HEAD_VISITORS = ("thead", "row", "entry", "paragraph")


def _caches_heads(translator: SphinxTranslator) -> bool:
    """Whether the translator's table head is Sphinx's HTML5 one (no state kept but the row
    count, which :func:`visit_tool_table_head_html` keeps)."""
    kind = type(translator)
    return _writes_rows(translator) and all(
        getattr(kind, f"{way}_{name}", None) is getattr(HTML5Translator, f"{way}_{name}")
        for name in _HEAD_VISITORS
        for way in ("visit", "depart")
    )


def visit_tool_table_markup_html(self: SphinxTranslator, node: tool_table_markup) -> None:
    """Write the table as the translator writes its docutils table: the same table, head and
    row elements (so the same row-odd/row-even classes and ids), each row's cells as cached
    markup (:func:`write_row_cells`). The table is walked by the translator, so a theme's
    table markup stays the theme's; its head is rendered by it once per build and headers."""
    body: list[nodes.Element]
    head: nodes.Element | None = None
    headers, columns = node["headers"], node["columns"]
    if _writes_rows(self):
        body = [tool_rows(tool_ids=node["tool_ids"], anchors=node["anchors"], columns=columns)]
        if _caches_heads(self):
            indices: list[int] = self._table_row_indices  # type: ignore[attr-defined]
            # the row count a table starts with (visit_table's) is in the header row's class
            key = (tuple(headers), tuple(columns), paragraph_state(self), len(indices), indices[-1])
            heads: dict[tuple[Any, ...], str] = self.builder.__dict__.setdefault(_TABLE_HEADS, {})
            if key in heads:
                head = tool_table_head(markup=heads[key])
            else:
                head = tool_table_head("", header_row(headers, columns), key=key)
    else:
        body = []
        for tool_id, anchor in zip(node["tool_ids"], node["anchors"], strict=True):
            row = nodes.row(ids=[anchor] if anchor else [])
            row += tool_row_cells(tool_id=tool_id, columns=columns)
            body.append(row)
    table = make_table(headers, node["widths"], body, node["table_classes"], columns, head)
    # the placeholder's ids and classes, as replace_self gives them to the docutils table
    table.update_basic_atts(node)
    table.walkabout(self)
    raise nodes.SkipNode


class tool_table_head(nodes.thead):
    """A tool table's head (a ``thead``, for ``visit_entry``): its header row, whose markup is
    kept under ``key`` the first time it is written, or that ``markup``."""


def visit_tool_table_head_html(self: SphinxTranslator, node: tool_table_head) -> None:
    if "markup" in node:
        self.body.append(node["markup"])  # type: ignore[attr-defined]
        self._table_row_indices[-1] += 1  # type: ignore[attr-defined]  # the header row
        raise nodes.SkipNode
    node["start"] = len(self.body)  # type: ignore[attr-defined]
    self.visit_thead(node)


def depart_tool_table_head_html(self: SphinxTranslator, node: tool_table_head) -> None:
    self.depart_thead(node)
    heads: dict[tuple[Any, ...], str] = self.builder.__dict__.setdefault(_TABLE_HEADS, {})
    heads[node["key"]] = "".join(self.body[node["start"] :])  # type: ignore[attr-defined]


def visit_tool_rows_html(self: SphinxTranslator, node: tool_rows) -> None:
    """Each row as ``HTML5Translator.visit_row`` and ``depart_row`` write it, with its cells.
    The start tags are ``starttag``'s for a row with the row's class and id: one per class,
    with a slot for the id, filled with the id as ``starttag`` writes it (``attval``)."""
    indices: list[int] = self._table_row_indices  # type: ignore[attr-defined]
    columns = node["columns"]
    body: list[str] = self.body  # type: ignore[attr-defined]
    tags: dict[tuple[str, bool], list[str] | None] = {}
    for tool_id, anchor in zip(node["tool_ids"], node["anchors"], strict=True):
        indices[-1] += 1
        parity = "row-even" if indices[-1] % 2 == 0 else "row-odd"
        key = (parity, bool(anchor))
        if key not in tags:
            tags[key] = _row_start_tag(self, parity, bool(anchor))
        parts = tags[key]
        if parts is None:
            row = nodes.row(ids=[anchor] if anchor else [], classes=[parity])
            body.append(self.starttag(row, "tr", ""))  # type: ignore[attr-defined]
        elif anchor:
            body += (parts[0], self.attval(anchor), parts[1])  # type: ignore[attr-defined]
        else:
            body.append(parts[0])
        write_row_cells(self, tool_id, columns)
        body.append("</tr>\n")
    raise nodes.SkipNode


def _row_start_tag(self: SphinxTranslator, parity: str, with_id: bool) -> list[str] | None:
    """``starttag``'s ``<tr>`` for a row of class ``parity``, around a slot for its id (None:
    the translator does not write the slot as it is, so each row's tag is made by it)."""
    row = nodes.row(ids=[slot(0)] if with_id else [], classes=[parity])
    markup: str = self.starttag(row, "tr", "")  # type: ignore[attr-defined]
    tag = stencil_of(markup, [0] if with_id else [])
    own_attval = getattr(type(self), "attval", None) is not HTML5Translator.attval
    if tag is None or (with_id and own_attval):
        return None
    return tag.literals


#: The columns whose cells link outside the site (the tool's URL).
_EXTERNAL_LINK_COLUMNS = frozenset({"name", "website"})


def _detached_row() -> nodes.row:
    """A row of a table body, for a cell rendered on its own: what ``visit_entry`` reads."""
    row = nodes.row()
    group = nodes.tgroup("", nodes.tbody("", row), cols=1)
    group.stubs = [None]  # type: ignore[attr-defined]  # as visit_colspec makes them
    return row


def _render_cell_markup(
    self: SphinxTranslator, cell: nodes.entry, links: PageLinks
) -> tuple[str, list[Any]]:
    """The markup of ``cell``, rendered as the cell of a detached row, as it would be at its
    place, with the targets of its links."""
    row: nodes.row | None = self.builder.__dict__.get(_DETACHED_ROW)
    if row is None:
        row = self.builder.__dict__[_DETACHED_ROW] = _detached_row()
    row.children = [cell]
    cell.parent = row
    row.column = 0  # type: ignore[attr-defined]
    with caching_markup(self):
        markup = render_markup(self, [cell])
    row.children = []
    return markup, links.targets


def _render_cell_nodes(self: SphinxTranslator, tool: Tool, column: str) -> tuple[str, list[Any]]:
    """The cell rendered from its nodes (what the docutils table holds)."""
    links = PageLinks()
    cell = row_cell(column, get_domain(self.builder.env), tool, False, links.link)
    if column in _EXTERNAL_LINK_COLUMNS:
        unlink_dangerous_references(cell)  # what doctree-resolved does to the page
    return _render_cell_markup(self, cell, links)


# A cell of one shape differs from another only by its values: each shape's markup is rendered
# once per build and translator state by the translator from nodes holding slots, and each
# tool's values are written into the slots escaped as the translator escapes them.

#: A cell's shape: its column and what varies its nodes' structure (a name linked to its
#: home, its URL or nothing; the number of related pages...).
Shape = tuple[str, str, int]

#: A shape's markup around its slots (None: the translator did not write each slot once, so
#: the shape's cells get nodes).
Template = Stencil | None


#: Per translator class: whether it writes text and URLs as Sphinx's HTML5 translator does.
_ESCAPES_AS_HTML5: dict[type, bool] = {}


def _fills_templates(translator: SphinxTranslator) -> bool:
    """Whether text and URLs are written as Sphinx's HTML5 translator writes them, which the
    values written into templates follow (``encode``; ``attval``, as ``starttag`` does)."""
    kind = type(translator)
    same = _ESCAPES_AS_HTML5.get(kind)
    if same is None:
        same = _ESCAPES_AS_HTML5[kind] = all(
            getattr(kind, name, None) is getattr(HTML5Translator, name)
            for name in ("visit_Text", "visit_reference", "encode", "attval")
        )
    return (
        same
        and not getattr(translator, "protect_literal_text", True)
        and not getattr(translator, "in_mailto", True)
    )


def _template_cell(shape: Shape, links: PageLinks) -> nodes.entry:
    """The nodes of ``shape``'s cell with slots for its values (as :func:`row_cell` makes
    them)."""
    column, kind, count = shape
    if column == "name":
        name = nodes.strong("", slot(1 if kind == "url" else 0))
        if kind == "home":
            cell = table_cell(links.link("", "", name))
        elif kind == "url":
            cell = table_cell(nodes.reference("", "", name, refuri=slot(0)))
        else:
            cell = table_cell(name)
    elif column == "description":
        cell = table_cell(nodes.Text(slot(0)))
        cell["classes"].append("ga4gh-col-description")
        if kind == "relatives":
            cell += nodes.paragraph("", "", nodes.Text(slot(1)))
    elif column == "pages":
        badges: list[nodes.Node] = []
        for index in range(count):
            if badges:
                badges.append(nodes.Text(" "))
            badge = nodes.inline("", slot(index), classes=["ga4gh-badge", "ga4gh-badge-page"])
            badges.append(links.link("", "", badge))
        cell = table_cell(*badges)
    elif column == "website" and kind == "url":
        cell = table_cell(nodes.reference("", _("Website"), refuri=slot(0)))
    elif column == "website":
        cell = table_cell(nodes.Text(""))
    else:  # type, registry and the registry's extra keys: one text or fragment
        cell = table_cell(nodes.Text(slot(0)))
    cell["classes"].append(column_class(column))
    return cell


def _template(
    self: SphinxTranslator, shape: Shape, state: tuple[Any, ...], values: int
) -> Template:
    templates: dict[tuple[Any, ...], Template] = self.builder.__dict__.setdefault(
        _CELL_TEMPLATES, {}
    )
    key = (shape, state)
    if key not in templates:
        links = PageLinks()
        markup, _targets = _render_cell_markup(self, _template_cell(shape, links), links)
        # each of the shape's slots once, or its cells get nodes
        templates[key] = stencil_of(markup, range(values))
    return templates[key]


def _is_plain_url(url: str) -> bool:
    """A URL the translator writes as it is, escaped (no unlinking; no mailto cloaking)."""
    return not is_dangerous_url(url) and "mailto:" not in url.lower()


def _fragment_markup(self: SphinxTranslator, tool: Tool, part: str) -> str:
    """A tool fragment's markup as the cell's nodes write it. Not kept by the fragments: the
    cell that holds it is (a tool's description and badges are in its cells only)."""
    fragment: tool_fragment | None = self.builder.__dict__.get(_FRAGMENT)
    if fragment is None:  # one node, given each fragment's tool and part
        fragment = self.builder.__dict__[_FRAGMENT] = tool_fragment("")
    fragment["tool_id"], fragment["part"] = tool.id, part
    with caching_markup(self):  # the site root left as a token, as in the cell's markup
        return fragments.fragment_markup(self, fragment)


def _cell_values(
    self: SphinxTranslator, domain: Ga4ghDomain, tool: Tool, column: str
) -> tuple[Shape, list[str], list[Target]] | None:
    """The shape of ``tool``'s cell in ``column``, the values of its slots as the translator
    writes them and the targets of its links; None for data the templates do not handle."""

    def encode(text: str) -> str:  # as visit_Text writes it
        return text_markup(self, text)

    if column == "name":
        home = domain.home_of_tool(tool.id)
        if home is not None:
            return (column, "home", 0), [encode(tool.name)], [("doc", home.docname, home.anchor)]
        if tool.url:
            if not _is_plain_url(tool.url):
                return None
            url = self.attval(tool.url)  # type: ignore[attr-defined]
            return (column, "url", 0), [url, encode(tool.name)], []
        return (column, "plain", 0), [encode(tool.name)], []
    if column == "type":
        return (column, "", 0), [encode(type_label(tool.type) if tool.type else "")], []
    if column == "description":
        relatives = domain.relatives_of(tool)
        values = [_fragment_markup(self, tool, "description")]
        if relatives.parent is None and not relatives.instances:
            return (column, "", 0), values, []
        values.append(_fragment_markup(self, tool, "relatives"))
        return (column, "relatives", 0), values, []
    if column == "pages":
        docnames = _shown_pages(domain, tool)
        titles = [encode(domain.page_title(docname)) for docname in docnames]
        return (column, "", len(docnames)), titles, [("doc", d, "") for d in docnames]
    if column == "website":
        if not tool.url:
            return (column, "", 0), [], []
        if not _is_plain_url(tool.url):
            return None
        return (column, "url", 0), [self.attval(tool.url)], []  # type: ignore[attr-defined]
    if column == "registry":
        return (column, "", 0), [_fragment_markup(self, tool, "badges")], []
    value = tool.extra.get(column, "")
    if not isinstance(value, str):
        return None
    return (column, "", 0), [encode(value)], []


def _render_cell(
    self: SphinxTranslator, tool: Tool, column: str, state: tuple[Any, ...]
) -> tuple[str, list[Any]]:
    """The cell's markup and the targets of its links: its shape's template filled with its
    values, or, for data the templates do not handle, rendered from its nodes."""
    if _fills_templates(self):
        found = _cell_values(self, get_domain(self.builder.env), tool, column)
        if found is not None:
            shape, values, targets = found
            template = _template(self, shape, state, len(values))
            if template is not None:
                return template.fill(values), targets
    return _render_cell_nodes(self, tool, column)


def write_row_cells(self: SphinxTranslator, tool_id: str, columns: list[str]) -> None:
    """Write a row's cells, each rendered by this builder the first time it is met (a tool's
    cell in a column is the same in every table: the site-wide table and the pages' share)."""
    cache: dict[tuple[Any, ...], tuple[str, list[Any]]] = self.builder.__dict__.setdefault(
        _CELL_CACHE, {}
    )
    # A cell's paragraph is compact or not by the translator's state.
    state = paragraph_state(self)
    body: list[str] = self.body  # type: ignore[attr-defined]
    tool = None
    for column in columns:
        key = (tool_id, column, state)
        cached = cache.get(key)
        if cached is None:
            tool = tool or get_domain(self.builder.env).get_tool(tool_id)
            if tool is None:  # not reached: the table was filled with this build's tools
                return
            cached = cache[key] = _render_cell(self, tool, column, state)
        markup, targets = cached
        body.append(fill_site_root(self, PageLinks.fill(self, markup, targets)))


def visit_tool_row_cells_html(self: SphinxTranslator, node: tool_row_cells) -> None:
    """Write a row's cells (:func:`write_row_cells`)."""
    write_row_cells(self, node["tool_id"], node["columns"])
    raise nodes.SkipNode


def setup_tool_table_markup(app: Sphinx) -> None:
    """Tool tables as cached markup in HTML (:class:`FillToolTables`)."""
    app.add_node(tool_table_markup, html=(visit_tool_table_markup_html, None))
    app.add_node(tool_row_cells, html=(visit_tool_row_cells_html, None))
    app.add_node(tool_rows, html=(visit_tool_rows_html, None))
    app.add_node(tool_table_head, html=(visit_tool_table_head_html, depart_tool_table_head_html))


def check_table_columns(app: Sphinx, config: Config) -> None:
    """Unknown column names are reported (with the closest) and left out; called by
    :func:`~sphinx_ga4gh.config.validate_config` at ``config-inited``."""
    conf_py = Path(app.confdir) / "conf.py"
    known = known_columns(config)
    for name in ("ga4gh_site_table_columns", "ga4gh_page_table_columns"):
        for column in getattr(config, name):
            if column not in known:
                location = f"{conf_py}:{conf_line(conf_py, name)}"
                warn(unknown_column_message(name, column, known), "config", location)


def unknown_related_page_message(tool_id: str, name: str, known: Iterable[str]) -> str:
    """A registry entry's ``related_pages`` naming no page (the build and ``check``)."""
    return f"tool {tool_id!r}: related_pages: unknown page {name!r}{did_you_mean(name, known)}"


def warn_unknown_related_pages(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-check-consistency``: a registry entry's ``related_pages`` naming no page."""
    domain = get_domain(env)
    names = sorted({*domain.pages, *env.all_docs})
    for tool in domain.site.tools.values():
        for name in tool.related_pages:
            if name not in domain.pages and name not in env.all_docs:
                location = f"{tool.location.path}:{tool.related_pages_line or tool.location.line}"
                warn(unknown_related_page_message(tool.id, name, names), "tool", location)
