"""National resources: a country page's own table, and the topic pages that show them.

A country page's ``national_resources`` entries have the registry's fields (``name``, ``url``,
``description``, ``registry``, ``instance_of``, ``how_to_access``) plus ``related_pages`` (page
type → page ids); no ``id`` is needed. As in the ELIXIR toolkit theme:

- the country page shows them in a table (built at read time; its related pages are
  ``ga4gh:page`` references, reported at the line of the id when unknown), and the registry
  tools of its ``ref_to_main_resources`` in a second one ("<title> contributes to");
- a topic page with ``page_id`` P and ``type`` T lists every country page's resource whose
  ``related_pages[T]`` holds P ("National resources"). Each country page's resources are
  collected when it is read (domain data, merged after ``-j``); the topic page only holds a
  placeholder, filled at write time, and is rewritten when a country page naming it changes;
- ``{tool-table}`` with ``:national-resources:`` appends every country page's resources.

The registry is no read dependency of these pages (issue 19): what they show of registry tools
(the "instance of" badges, the main resources table) is filled in when they are written, and a
registry edit writes again the pages whose badges name a parent differently
(:func:`pages_showing_changed_parents`) or whose main resources show a changed tool (the
domain's ``resource_tables``); a country page is read again only when its
``ref_to_main_resources`` ids that the registry has change (:func:`main_resources_to_read`).
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Set
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..data.diagnostics import SourceLocation
from ..data.tools import Tool, tool_from_fields
from ..data.yaml_source import LocatedDict, LocatedList, located_yaml
from ..domain import (
    ALL_RESOURCES_KEY,
    DOMAIN_NAME,
    Ga4ghDomain,
    NationalResource,
    get_domain,
    internal_link,
    resource_key,
)
from ..i18n import _, translated
from ..pages.front_matter import FrontMatter, front_matter, related_page_ids
from ..pages.sections import append_section, content_root, unique_id
from ..reporting import front_matter_line, warn
from ..tools.fragments import badge_nodes, description_nodes
from ..tools.table import make_table, table_cell, tool_table

HEADERS = [_("Resource"), _("Description"), _("Related pages"), _("Registry")]
WIDTHS = [20, 44, 18, 18]
TOPIC_INTRO = _("Tools and resources tailored to users in different countries.")


class national_resources_placeholder(nodes.General, nodes.Element):
    """What :class:`FillNationalResourceTables` fills: found in one walk of the page."""


class national_resources_table(national_resources_placeholder):
    """Placeholder for national resources of country pages: ``scope`` is ``topic`` (those
    naming the page) or ``all``; filled at write time."""


class instance_of_badge(national_resources_placeholder):
    """Placeholder for "instance of <parent>" in a country page's own table: ``parent_id``,
    named as the registry names it at write time."""


# --- where each entry is written ----------------------------------------------------------


class _EntryLines:
    """Lines of a page's ``national_resources`` entries, from its front matter parsed again
    with lines kept (myst-parser's metadata has none); 0 when unknown."""

    def __init__(self, source: str) -> None:
        self.entries: list[Any] = []
        path = Path(source)
        try:
            lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
        except (OSError, UnicodeDecodeError):
            lines = []
        if not lines or lines[0].strip() != "---":
            return
        end = next((n for n, line in enumerate(lines[1:], 1) if line.strip() == "---"), 0)
        data = located_yaml("\n".join(lines[1:end])) if end else None
        if isinstance(data, LocatedDict) and isinstance(data.get("national_resources"), list):
            self.entries = data["national_resources"]

    def entry(self, position: int) -> LocatedDict | None:
        found = self.entries[position] if position < len(self.entries) else None
        return found if isinstance(found, LocatedDict) else None

    def fields(self, position: int, entry: dict[str, Any]) -> LocatedDict:
        """The entry's fields, with the file lines of the entry and of its keys."""
        fields = LocatedDict(entry)
        located = self.entry(position)
        if located is not None:
            # +1: the front matter starts on the file's second line
            fields.line = located.line + 1
            fields.key_lines = {key: line + 1 for key, line in located.key_lines.items()}
        return fields

    def page_id_line(self, position: int, page_type: str, index: int) -> int:
        """The line of the ``index``-th page id of the entry's ``related_pages[page_type]``."""
        located = self.entry(position)
        related = located.get("related_pages") if located is not None else None
        if not isinstance(related, LocatedDict):
            return 0
        ids = related.get(page_type)
        if isinstance(ids, LocatedList) and index < len(ids.item_lines):
            return ids.item_lines[index] + 1
        return related.line_of(page_type) + 1


# --- rows -----------------------------------------------------------------------------------


def _has_value(value: Any) -> bool:
    """Whether a front matter value holds anything (placeholders are already empty)."""
    if isinstance(value, dict):
        return any(_has_value(item) for item in value.values())
    if isinstance(value, list):
        return any(_has_value(item) for item in value)
    return value is not None and str(value).strip() != ""


def _page_badge(title: str) -> nodes.inline:
    return nodes.inline(title, title, classes=["ga4gh-badge", "ga4gh-badge-page"])


def _instance_of_paragraph(domain: Ga4ghDomain, parent_id: str) -> nodes.paragraph | None:
    """The "instance of <parent>" badge, the parent named as the registry names it; none when
    the registry has no such tool."""
    parent = domain.site.tools.get(parent_id)
    if parent is None:
        return None
    text = f"instance of {parent.name}"
    return nodes.paragraph(
        "", "", nodes.inline(text, text, classes=["ga4gh-badge", "ga4gh-instance-of"])
    )


def _description_cell(
    tool: Tool, domain: Ga4ghDomain, *, defer_parent: bool = False
) -> nodes.entry:
    """The resource's description, what it is an instance of and how to access it.

    With ``defer_parent`` (while the page is read), what it is an instance of is a placeholder
    filled at write time (:class:`FillNationalResourceTables`): the registry is no read dependency.
    """
    description = table_cell(*description_nodes(tool))
    if tool.instance_of and defer_parent:
        description += instance_of_badge("", parent_id=tool.instance_of)
    elif tool.instance_of:
        paragraph = _instance_of_paragraph(domain, tool.instance_of)
        if paragraph is not None:
            description += paragraph
    if tool.how_to_access:
        text = f"How to access: {tool.how_to_access}"
        description += nodes.paragraph(text, text, classes=["ga4gh-how-to-access"])
    return description


def _name_cell(tool: Tool, country: nodes.Node | None = None) -> nodes.entry:
    name = nodes.strong(tool.name, tool.name)
    linked = nodes.reference("", "", name, refuri=tool.url) if tool.url else name
    return table_cell(linked, nodes.Text(" "), country) if country else table_cell(linked)


def _country_badge(domain: Ga4ghDomain, docname: str) -> nodes.Node:
    """A link to the country page, named by its title; ``ga4gh-country-<code>`` for flags."""
    title = domain.page_title(docname)
    code = domain.front_matter_of(docname).country_code.lower()
    classes = ["ga4gh-badge", "ga4gh-country"] + ([f"ga4gh-country-{code}"] if code else [])
    return internal_link(docname, "", nodes.inline(title, title, classes=classes))


def _known_page_links(domain: Ga4ghDomain, resource: NationalResource, own: str) -> nodes.entry:
    """Related pages of a resource shown away from its country page: known pages only (an
    unknown one was reported on the country page), this page left out, as the theme does."""
    links: list[nodes.Node] = []
    for page_ids in resource.related_pages.values():
        for page_id in page_ids:
            page = domain.pages.get(page_id)
            if page is None or page_id == own or page.docname == own:
                continue
            links += [internal_link(page.docname, "", _page_badge(domain.page_title(page.docname)))]
            links.append(nodes.Text(" "))
    return table_cell(*links[:-1])


def resource_rows(
    domain: Ga4ghDomain, resources: list[NationalResource], own: str
) -> list[nodes.row]:
    """Rows of other pages' national resources, each named with its country page."""
    rows = []
    for resource in resources:
        row = nodes.row()
        row += _name_cell(resource.tool, _country_badge(domain, resource.docname))
        row += _description_cell(resource.tool, domain)
        row += _known_page_links(domain, resource, own)
        row += table_cell(*badge_nodes(resource.tool))
        rows.append(row)
    return rows


def unknown_main_resources(
    tool_ids: Iterable[str], registry: Container[str]
) -> list[tuple[str, str]]:
    """``(tool id, message)`` for each ``ref_to_main_resources`` id not in the registry (the
    build warns, ``check`` reports, with these words)."""
    return [
        (tool_id, f"ref_to_main_resources: unknown tool id {tool_id!r}")
        for tool_id in tool_ids
        if tool_id not in registry
    ]


def _entry_page_links(
    related: dict[str, list[str]], own_page_id: str, lines: _EntryLines, position: int
) -> list[tuple[str, int]]:
    """``(page id, line)`` of the pages an entry's ``related_pages`` links (0: line unknown)."""
    return [
        (target, lines.page_id_line(position, page_type, index))
        for page_type, page_ids in related.items()
        for index, target in enumerate(page_ids)
        if target != own_page_id
    ]


def national_page_links(source: str, page: FrontMatter) -> list[tuple[str, int]]:
    """``(page id, line)`` of every page a country page's national resources link, as its
    table links them (an entry without a name has no row); for ``check``, which reports the
    unknown ones as the build's references do."""
    lines = _EntryLines(source)
    return [
        (target, line or front_matter_line(source, target))
        for position, entry in enumerate(page.national_resources)
        if _has_value(entry) and str(entry.get("name") or "").strip()
        for target, line in _entry_page_links(
            related_page_ids(entry.get("related_pages")), page.page_id, lines, position
        )
    ]


# --- the country page ---------------------------------------------------------------------


class AppendNationalResources(SphinxTransform):
    """The country page's tables; a placeholder for other pages' resources on topic pages."""

    default_priority = 861  # after the page's tool table (860), before doctree-read (880)

    def apply(self, **kwargs: Any) -> None:
        docname = self.env.docname
        page = front_matter(self.env.metadata.get(docname, {}))
        domain = get_domain(self.env)
        if page.national_resources:
            self._country_table(domain, docname, page)
        if page.ref_to_main_resources:
            self._main_resources(domain, docname, page.ref_to_main_resources, page.title)
        if page.page_id and page.type and self.config.ga4gh_topic_national_resources:
            root = content_root(self.document)
            # The section's id and place are fixed now, so that the page's contents can list
            # it once every page is read (contents_entries_for_topic_sections).
            title = translated(self.config.ga4gh_topic_national_resources_title)
            anchor = unique_id(nodes.make_id(title) or "national-resources", self.document.ids)
            position = sum(isinstance(child, nodes.section) for child in root.children)
            placeholder = national_resources_table(
                "", scope="topic", page_type=page.type, page_id=page.page_id, anchor=anchor
            )
            self.document.ids[anchor] = placeholder
            root.append(placeholder)
            nested = root is not self.document  # under the page title's entry
            domain.topic_sections[docname] = (anchor, position if nested else -1 - position)
            domain.note_listing(docname, [resource_key(page.type, page.page_id)])

    def _country_table(self, domain: Ga4ghDomain, docname: str, page: FrontMatter) -> None:
        entries, own_page_id = page.national_resources, page.page_id
        source = str(self.env.doc2path(docname))
        lines = _EntryLines(source)
        rows = []
        collected: list[NationalResource] = []
        for position, entry in enumerate(entries):
            if not _has_value(entry):
                continue  # a page template's entry, all placeholders: nothing to show or mend
            fields = lines.fields(position, entry)
            if not fields.line:
                fields.line = front_matter_line(source, str(entry.get("name") or ""))
            tool = self._tool(fields, docname, source)
            if tool is None:
                continue
            if tool.instance_of:
                # the parent lists it among its instances (popover, tool tables)
                line = fields.line_of("instance_of")
                domain.note_instance(docname, tool.instance_of, tool.name, tool.url or "", line)
            related = related_page_ids(entry.get("related_pages"))
            collected.append(NationalResource(docname, fields.line, tool, related))
            row = nodes.row()
            row += _name_cell(tool)
            row += _description_cell(tool, domain, defer_parent=True)
            row += table_cell(*self._page_links(related, own_page_id, source, lines, position))
            row += table_cell(*badge_nodes(tool))
            rows.append(row)
        if not page.search_exclude:
            # the theme lists no resource of a hidden page (a template) on topic pages
            domain.note_national_resources(docname, collected)
        if not rows:
            return
        section = append_section(
            self.document,
            translated(self.config.ga4gh_national_resources_title),
            ["ga4gh-national-resources"],
        )
        section += make_table(HEADERS, WIDTHS, rows, ["ga4gh-national-resources-table"])

    def _tool(self, fields: LocatedDict, docname: str, source: str) -> Tool | None:
        name = str(fields.get("name") or "").strip()
        if not name:
            message = "national_resources: an entry has no 'name'; it is skipped"
            warn(message, "tool", (docname, fields.line))
            return None
        fields.setdefault("id", name)
        link_types = get_domain(self.env).site.link_types
        tool, problems = tool_from_fields(fields, SourceLocation(source, fields.line), link_types)
        for problem in problems:
            location = (docname, problem.location.line)
            warn(f"national_resources: {problem.message}", problem.subtype, location)
        return tool

    def _page_links(
        self,
        related: dict[str, list[str]],
        own_page_id: str,
        source: str,
        lines: _EntryLines,
        position: int,
    ) -> list[nodes.Node]:
        links: list[nodes.Node] = []
        for target, line in _entry_page_links(related, own_page_id, lines, position):
            ref = pending_xref(
                "",
                _page_badge(target),
                refdomain=DOMAIN_NAME,
                reftype="page",
                reftarget=target,
                refexplicit=False,
                refwarn=True,
            )
            ref.source, ref.line = source, line or front_matter_line(source, target)
            links += [ref, nodes.Text(" ")]
        return links[:-1]

    def _main_resources(
        self, domain: Ga4ghDomain, docname: str, tool_ids: list[str], title: str
    ) -> None:
        """``ref_to_main_resources``: the registry tools the country contributes to.

        The registry is no read dependency: the page is read again only when which of these
        tools the registry has changes (main_resources_to_read), the table's rows are filled
        at write time and the unknown ids are reported on every build
        (warn_unknown_main_resources).
        """
        known = [tool_id for tool_id in tool_ids if tool_id in domain.site.tools]
        if not known:
            return
        country = title or self.env.docname
        heading = translated(self.config.ga4gh_main_resources_title).replace("{title}", country)
        section = append_section(self.document, heading, ["ga4gh-main-resources"])
        text = _(
            "Institutions and organisations in {country} are actively involved in the "
            "development of the following tools and resources."
        ).replace("{country}", country)
        section += nodes.paragraph(text, text)
        section += tool_table("", scope="ids", types=[], ids=sorted(known), docname=docname)
        # its "Related pages" column shows the pages mentioning each tool
        domain.note_listing(docname, ["*"])


# --- topic pages and {tool-table} -----------------------------------------------------------


class FillNationalResourceTables(SphinxPostTransform):
    """Replace each :class:`national_resources_table` by the resources it shows, or nothing."""

    # After the tool tables (6), before the references resolver (10): rows hold links.
    default_priority = 7

    def run(self, **kwargs: Any) -> None:
        domain = get_domain(self.env)
        docname = self.env.current_document.docname
        for placeholder in list(self.document.findall(national_resources_placeholder)):
            if isinstance(placeholder, instance_of_badge):
                _fill_instance_of_badge(domain, placeholder)
                continue
            if placeholder["scope"] == "topic":
                resources = domain.national_resources_for(
                    placeholder["page_type"], placeholder["page_id"]
                )
                own = placeholder["page_id"]
            else:
                resources = [r for rs in sorted(domain.national_resources.items()) for r in rs[1]]
                own = docname
            if not resources:
                placeholder.parent.remove(placeholder)
                continue
            table = make_table(
                HEADERS,
                WIDTHS,
                resource_rows(domain, resources, own),
                ["ga4gh-national-resources-table", "ga4gh-topic-national-resources"],
            )
            intro_text = str(TOPIC_INTRO)
            intro = nodes.paragraph(intro_text, intro_text)
            if placeholder["scope"] == "all":
                placeholder.replace_self([intro, table])
                continue
            title = translated(self.config.ga4gh_topic_national_resources_title)
            section = nodes.section("", classes=["ga4gh-topic-national-resources"])
            anchor = placeholder["anchor"]
            section["ids"].append(anchor)
            self.document.ids[anchor] = section
            section += [nodes.title(title, title), intro, table]
            placeholder.replace_self(section)


def _fill_instance_of_badge(domain: Ga4ghDomain, badge: instance_of_badge) -> None:
    """Replace an :class:`instance_of_badge` by "instance of <parent>", or nothing."""
    paragraph = _instance_of_paragraph(domain, badge["parent_id"])
    if paragraph is None:
        badge.parent.remove(badge)
    else:
        badge.replace_self(paragraph)


# --- what a registry edit changes -----------------------------------------------------------

#: Domain data key (global, not per document): document name → ``(parent id, its registry
#: name or None)`` of each "instance of" badge its national resources tables show, as of the
#: last build (:func:`pages_showing_changed_parents`).
SHOWN_PARENTS_KEY = "national_resource_parents"


def shown_parents(domain: Ga4ghDomain) -> dict[str, list[tuple[str, str | None]]]:
    """What each page's national resources tables show of the registry: the parents of its
    resources (a country page's own ones, those a topic page lists, every country page's
    under ``{tool-table}`` with ``:national-resources:``), named as the registry names them."""
    parent_ids: dict[str, set[str]] = {}
    for docname, instances in domain.page_instances.items():
        parent_ids.setdefault(docname, set()).update(parent for parent, *_rest in instances)
    for docname in domain.topic_sections:
        page = domain.front_matter_of(docname)
        listed = domain.national_resources_for(page.type, page.page_id)
        parent_ids.setdefault(docname, set()).update(r.tool.instance_of or "" for r in listed)
    every = {r.tool.instance_of or "" for rs in domain.national_resources.values() for r in rs}
    for docname, keys in domain.listings.items():
        if ALL_RESOURCES_KEY in keys:
            parent_ids.setdefault(docname, set()).update(every)
    registry = domain.site.tools
    return {
        docname: [
            (parent, registry[parent].name if parent in registry else None)
            for parent in sorted(ids - {""})
        ]
        for docname, ids in sorted(parent_ids.items())
        if ids - {""}
    }


def pages_showing_changed_parents(app: Sphinx, env: BuildEnvironment) -> set[str]:
    """``env-get-updated``: pages whose "instance of" badges name a parent differently than
    when they were last written (the registry renamed, added or removed it); records them."""
    domain = get_domain(env)
    new = shown_parents(domain)
    old: dict[str, list[tuple[str, str | None]]] = domain.data.get(SHOWN_PARENTS_KEY, {})
    domain.data[SHOWN_PARENTS_KEY] = new
    changed = {
        docname for docname in old.keys() | new.keys() if old.get(docname) != new.get(docname)
    }
    return {docname for docname in changed if docname in env.all_docs}


def warn_unknown_main_resources(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-check-consistency``: each ``ref_to_main_resources`` id that is not in the
    registry, at its line (every build: the page is not read again for a registry edit that
    leaves it unknown)."""
    domain = get_domain(env)
    for docname in sorted(env.all_docs):
        tool_ids = domain.front_matter_of(docname).ref_to_main_resources
        if not tool_ids:
            continue
        source = str(env.doc2path(docname))
        for tool_id, message in unknown_main_resources(tool_ids, domain.site.tools):
            line = front_matter_line(source, tool_id, "ref_to_main_resources")
            warn(message, "tool", (docname, line))


def main_resources_to_read(
    app: Sphinx, env: BuildEnvironment, added: Set[str], changed: Set[str], removed: Set[str]
) -> list[str]:
    """``env-get-outdated``: country pages whose ``ref_to_main_resources`` name a different set
    of registry tools than when they were read (a tool added to or removed from the registry):
    whether they have the section, and what they warn, is decided when they are read."""
    domain = get_domain(env)
    outdated = []
    for docname in sorted(env.all_docs):
        if docname in changed or docname in removed or docname not in env.found_docs:
            continue
        tool_ids = domain.front_matter_of(docname).ref_to_main_resources
        if not tool_ids:
            continue
        known = sorted({tool_id for tool_id in tool_ids if tool_id in domain.site.tools})
        if known != domain.resource_tables.get(docname, []):
            outdated.append(docname)
    return outdated


#: Class of the contents entries this module adds, so that the next build can take them out.
CONTENTS_ENTRY_CLASS = "ga4gh-contents-national-resources"


def contents_entries_for_topic_sections(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-updated`` (every page read and merged): the "National resources" section of a
    topic page is in the page's contents when, and only when, country pages give it rows.

    Whether a topic page has any is known only once every country page is read, after the
    page's contents were made; the entry is added to (or taken from) them here. Pages whose
    resources change are rewritten by the listings (``resource_key``).
    """
    domain = get_domain(env)
    title = translated(app.config.ga4gh_topic_national_resources_title)
    for docname, (anchor, position) in sorted(domain.topic_sections.items()):
        toc = env.tocs.get(docname)
        if toc is None:
            continue
        for entry in list(toc.findall(nodes.list_item)):
            if CONTENTS_ENTRY_CLASS in entry["classes"]:
                entry.parent.remove(entry)
        page = domain.front_matter_of(docname)
        if not domain.national_resources_for(page.type, page.page_id):
            continue
        reference = nodes.reference(
            "", "", nodes.Text(title), internal=True, refuri=docname, anchorname=f"#{anchor}"
        )
        entry = nodes.list_item(
            "", addnodes.compact_paragraph("", "", reference), classes=[CONTENTS_ENTRY_CLASS]
        )
        if position >= 0:
            _page_sections(toc).insert(position, entry)
        else:  # a page without a title of its own: its sections are the contents' top level
            toc.insert(-1 - position, entry)
    return []


def _page_sections(toc: nodes.Element) -> nodes.bullet_list:
    """The list of a page's sections in its contents: under the page title's entry."""
    top = toc[0] if toc.children and isinstance(toc[0], nodes.list_item) else None
    if top is None:
        top = nodes.list_item()
        toc += top
    for child in top.children:
        if isinstance(child, nodes.bullet_list):
            return child
    sections = nodes.bullet_list()
    top += sections
    return sections
