"""Index entries of tools: each declaration's card, and each registry tool's row in the first
site-wide table of a page.

They name registry tools, so they are made from this build's registry after reading: the
directives leave empty ``index`` nodes, which :class:`FillToolIndexEntries` fills for builders
that read them from the page (LaTeX), and :func:`update_index_entries` gives the same entries
to Sphinx's index domain (``genindex``) for pages that are not read again.
"""

from __future__ import annotations

from typing import Any, cast

from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..domain import SITE_TABLE_ANCHOR, Ga4ghDomain, get_domain

#: An entry as ``addnodes.index`` and the index domain hold it.
IndexEntryTuple = tuple[str, str, str, str, str | None]


def site_table_entries(domain: Ga4ghDomain, types: list[str]) -> list[IndexEntryTuple]:
    """The registry tools of a site-wide table (of ``types``; all when empty), in order."""
    return [
        ("single", tool.name, SITE_TABLE_ANCHOR.format(tool.id), "", None)
        for tool in domain.site.tools.values()
        if not types or tool.type in types
    ]


def declaration_entries(domain: Ga4ghDomain, docname: str) -> list[IndexEntryTuple]:
    entries: list[IndexEntryTuple] = []
    for position in range(len(domain.declarations.get(docname, []))):
        declared = domain.declaration_at(docname, position)
        if declared is not None:
            entries.append(("single", declared.tool.name, declared.anchor, "", None))
    return entries


def tool_entries_of(domain: Ga4ghDomain, docname: str) -> list[IndexEntryTuple]:
    entries = declaration_entries(domain, docname)
    tables = domain.site_tables.get(docname)
    if tables:  # the first table of the page carries the anchors
        entries += site_table_entries(domain, tables[0])
    return entries


def update_index_entries(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-updated``: each page's tool entries in the index domain are this build's.

    The entries added for a page are recorded, to be replaced next time if the page is not
    read again (reading it again clears both).
    """
    domain = get_domain(env)
    index = env.domains["index"].entries
    added = cast("dict[str, list[IndexEntryTuple]]", domain.data["index_entries"])
    for docname in sorted({*added, *domain.declarations, *domain.site_tables}):
        previous = added.pop(docname, [])
        entries = index.get(docname)
        if previous and entries is not None and entries[-len(previous) :] == previous:
            del entries[-len(previous) :]
        if docname not in env.all_docs:
            continue
        wanted = tool_entries_of(domain, docname)
        if wanted:
            index.setdefault(docname, []).extend(wanted)
            added[docname] = wanted


class FillToolIndexEntries(SphinxPostTransform):
    """The entries of the ``index`` nodes the tool directives left empty."""

    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        domain = get_domain(self.env)
        for node in self.document.findall(addnodes.index):
            # the marks go once read: the page's doctree is what it was when filled at read time
            if "ga4gh_declaration" in node:
                position = node.attributes.pop("ga4gh_declaration")
                declared = domain.declaration_at(node.attributes.pop("docname"), position)
                if declared is not None:
                    node["entries"] = [("single", declared.tool.name, declared.anchor, "", None)]
            elif "ga4gh_site_table" in node:
                types = node.attributes.pop("ga4gh_site_table")
                node["entries"] = site_table_entries(domain, types)
