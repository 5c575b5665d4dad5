"""``national_resources`` front matter: the page's own table of tools and resources.

Entries have the registry's fields (``name``, ``url``, ``description``, ``registry``,
``instance_of``, ``how_to_access``) plus ``related_pages`` (type → page ids); no ``id`` is needed.
The table is built at read time; related pages are ``ga4gh:page`` references, resolved (and
reported when unknown) at write time.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.transforms import SphinxTransform

from ..data.diagnostics import SourceLocation
from ..data.tools import RegistryLinkType, Tool, tool_from_fields
from ..data.yaml_source import LocatedDict
from ..domain import DOMAIN_NAME, get_domain
from ..pages.front_matter import front_matter
from ..pages.sections import append_section
from ..reporting import front_matter_line, warn
from ..tools.fragments import badge_nodes, description_nodes
from ..tools.table import make_table, table_cell


def _resource(
    entry: dict[str, Any], source: str, docname: str, link_types: tuple[RegistryLinkType, ...]
) -> Tool | None:
    name = str(entry.get("name") or "").strip()
    if not name:
        line = front_matter_line(source, "national_resources")
        warn("national_resources: an entry has no 'name'; it is skipped", "tool", (docname, line))
        return None
    fields = LocatedDict({"id": entry.get("id") or name, **entry})
    fields.line = front_matter_line(source, name)
    tool, problems = tool_from_fields(fields, SourceLocation(source, fields.line), link_types)
    for problem in problems:
        warn(f"national_resources: {problem.message}", problem.subtype, (docname, fields.line))
    return tool


def _page_links(entry: dict[str, Any], own_page_id: str, source: str) -> list[nodes.Node]:
    related = entry.get("related_pages")
    links: list[nodes.Node] = []
    if not isinstance(related, dict):
        return links
    for page_ids in related.values():
        for page_id in page_ids if isinstance(page_ids, list) else [page_ids]:
            target = str(page_id).strip()
            if not target or target == own_page_id:
                continue
            ref = pending_xref(
                "",
                nodes.inline(target, target, classes=["ga4gh-badge", "ga4gh-badge-page"]),
                refdomain=DOMAIN_NAME,
                reftype="page",
                reftarget=target,
                refexplicit=False,
                refwarn=True,
            )
            ref.source, ref.line = source, front_matter_line(source, target)
            links += [ref, nodes.Text(" ")]
    return links


class AppendNationalResources(SphinxTransform):
    default_priority = 861  # after the page's tool table (860), before doctree-read (880)

    def apply(self, **kwargs: Any) -> None:
        docname = self.env.docname
        page = front_matter(self.env.metadata.get(docname, {}))
        if not page.national_resources:
            return
        source = str(self.env.doc2path(docname))
        domain = get_domain(self.env)
        for path in domain.site.tool_files:
            self.env.note_dependency(str(path))
        rows = []
        for entry in page.national_resources:
            tool = _resource(entry, source, docname, domain.site.link_types)
            if tool is None:
                continue
            if tool.instance_of:
                # the parent lists it among its instances (popover, tool tables)
                line = front_matter_line(source, tool.name)
                domain.note_instance(docname, tool.instance_of, tool.name, tool.url or "", line)
            row = nodes.row()
            name = nodes.strong(tool.name, tool.name)
            row += table_cell(nodes.reference("", "", name, refuri=tool.url) if tool.url else name)
            description = table_cell(*description_nodes(tool))
            parent = domain.site.tools.get(tool.instance_of or "")
            if parent is not None:
                text = f"instance of {parent.name}"
                description += nodes.paragraph(
                    "", "", nodes.inline(text, text, classes=["ga4gh-badge", "ga4gh-instance-of"])
                )
            if tool.how_to_access:
                text = f"How to access: {tool.how_to_access}"
                description += nodes.paragraph(text, text, classes=["ga4gh-how-to-access"])
            row += description
            row += table_cell(*_page_links(entry, page.page_id, source))
            row += table_cell(*badge_nodes(tool))
            rows.append(row)
        if not rows:
            return
        section = append_section(
            self.document, self.config.ga4gh_national_resources_title, ["ga4gh-national-resources"]
        )
        section += make_table(
            ["Resource", "Description", "Related pages", "Registry"],
            [20, 44, 18, 18],
            rows,
            ["ga4gh-national-resources-table"],
        )
