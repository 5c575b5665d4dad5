"""The ``ga4gh`` domain: tools and pages as cross-reference targets.

Per-document data (tools declared in pages, page ids, which tools each page mentions, which
pages hold a site-wide tool table) lives in the domain data, so it is pickled with the
environment, cleared per document and merged after parallel reads. The registry loaded from
YAML is site data: it is attached to the domain at ``builder-inited`` and never pickled.

The registry is no read dependency of pages: what a page shows of a tool is filled in when it is
written. The environment keeps a digest of what pages show of each tool (:meth:`tool_digest`);
each build writes again the pages showing a tool whose digest changed (:func:`pages_to_rewrite`).

Every declaration of a tool id and every page's ``page_id`` is kept per document; which page
wins a duplicate is decided from all of them, by document name (the order of a serial read),
never while merging: ``-j`` builds give the same pages and warnings whatever process finishes
first, and the other page takes the id over when the first one drops it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Set
from pathlib import Path
from typing import Any, ClassVar, NamedTuple, cast
from urllib.parse import quote

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.domains import Domain, Index, IndexEntry, ObjType
from sphinx.environment import BuildEnvironment
from sphinx.errors import NoUri
from sphinx.roles import XRefRole
from sphinx.util.nodes import make_refnode
from sphinx.util.typing import RoleFunction

from .data.diagnostics import SourceLocation, conf_line, did_you_mean
from .data.markdown import plain_text
from .data.site import SiteData, load_site_data
from .data.tools import Instance, Relatives, Tool, parse_link_types, safe_type
from .html_markup import builds_html_pages
from .i18n import _
from .pages.front_matter import FrontMatter, front_matter, related_page_ids
from .pages.role import PageRole
from .reporting import report, warn
from .text.labels import label_from_name
from .tools.declared import Declaration, lacks_name, merged_tool
from .tools.nodes import tool_table
from .tools.reference import UNKNOWN_TOOL_CLASSES, ToolRole, build_tool_reference

DOMAIN_NAME = "ga4gh"

#: Anchor prefixes: the tool's row in a site-wide table, in a page's own table, its declaration.
#: None is "tool-<id>": Sphinx's search index stores such an anchor of a "tool" object as "-" and
#: the search page rebuilds it from the display name ("#tool-Beacon v2"), a link to nowhere.
SITE_TABLE_ANCHOR = "tool-row-{}"
PAGE_TABLE_ANCHOR = "page-tool-{}"
DECLARATION_ANCHOR = "tool-entry-{}"


#: Reference type of links the extension writes itself at write time (``docname#anchor``).
LINK_REFTYPE = "link"


def internal_link(docname: str, anchor: str, content: nodes.Node) -> pending_xref:
    """A link to ``docname#anchor`` that the references resolver turns into a real one.

    Post-transforms have no public access to the builder; the resolver hands it to
    :meth:`Ga4ghDomain.resolve_xref`, which makes a link for whatever builder runs.
    """
    return pending_xref(
        "",
        content,
        refdomain=DOMAIN_NAME,
        reftype=LINK_REFTYPE,
        reftarget=f"{docname}#{anchor}",
        refexplicit=True,
        refwarn=False,
    )


class Target(NamedTuple):
    """Where a tool or page lives: a document and an anchor in it (empty for the top)."""

    docname: str
    anchor: str


class DeclaredTool(NamedTuple):
    """A tool declared with ``{ga4gh:tool}`` on a page (that page is its home), as of this
    build's registry."""

    docname: str
    anchor: str
    tool: Tool


class PageEntry(NamedTuple):
    docname: str
    line: int


class PageIdEntry(NamedTuple):
    """A page's ``page_id`` front matter, at ``line`` of it."""

    page_id: str
    line: int


class NationalResource(NamedTuple):
    """One ``national_resources`` entry of a country page (``docname``), at ``line`` of it,
    with its ``related_pages`` (page type → page ids): topic pages list it."""

    docname: str
    line: int
    tool: Tool
    related_pages: dict[str, list[str]]


#: Listing key of every country page: ``{tool-table}`` with ``:national-resources:`` listens.
ALL_RESOURCES_KEY = "national-resources"


def resource_key(page_type: str, page_id: str) -> str:
    """The listing key of the topic page ``page_id`` of type ``page_type``: country pages
    whose national resources name it have this key, the page listens to it."""
    # types are matched without case: RDMkit's country pages write `your_role` and `Your_role`
    return f"resources:{page_type.lower()}:{page_id}"


def type_label(tool_type: str) -> str:
    """How a tool type is shown (index heading, tool card, table cell), by the rule of page
    types: ``standard`` → "Standard", ``GA4GH_API`` → "GA4GH API"."""
    return label_from_name(tool_type) or _("Other")


class ToolIndex(Index):
    """``ga4gh-tools``: every tool and resource, grouped by type."""

    name = "tools"
    localname = _("Tools and resources index")
    shortname = "tools"

    def generate(
        self, docnames: Iterable[str] | None = None
    ) -> tuple[list[tuple[str, list[IndexEntry]]], bool]:
        domain = cast("Ga4ghDomain", self.domain)
        wanted = set(docnames) if docnames is not None else None
        groups: dict[str, list[IndexEntry]] = {}
        for tool in domain.all_tools():
            target = domain.target_of_tool(tool.id)
            if target is None or (wanted is not None and target.docname not in wanted):
                continue
            # Sphinx's index template writes the anchor and the group raw into the HTML: both
            # are safe by construction (ids and types are checked when read), and made so here
            # again in case a tool came from elsewhere.
            entry = IndexEntry(
                tool.name,
                0,
                target.docname,
                quote(target.anchor, safe=":+"),
                tool.id,
                "",
                plain_text(tool.description),
            )
            groups.setdefault(type_label(safe_type(tool.type)), []).append(entry)
        content = [
            (label, sorted(entries, key=lambda e: e.name.lower()))
            for label, entries in sorted(groups.items())
        ]
        return content, False


class Ga4ghDomain(Domain):
    """Tools and resources of a field guide, and its pages by ``page_id``."""

    name = DOMAIN_NAME
    label = "GA4GH field guide"
    object_types: ClassVar[dict[str, ObjType]] = {
        "tool": ObjType("tool", "tool"),
        "page": ObjType("page", "page"),
    }
    roles: ClassVar[dict[str, RoleFunction | XRefRole]] = {"tool": ToolRole(), "page": PageRole()}
    indices: ClassVar[list[type[Index]]] = [ToolIndex]
    initial_data: ClassVar[dict[str, Any]] = {
        "declarations": {},  # docname -> Declaration of each {ga4gh:tool} on it, in order
        "page_ids": {},  # docname -> PageIdEntry
        # tool id -> digest of what pages show of it (tool_digest) when they were last written
        "tool_digests": {},
        # docname -> ids of the tools its country page's main resources table lists
        "resource_tables": {},
        # docname -> the tool entries added to the index domain for it (update_index_entries)
        "index_entries": {},
        # docname -> names its links may take for page ids ({ga4gh:page}, [text](page_id))
        "page_links": {},
        # page id -> the docname that had it when pages were last written
        "written_pages": {},
        "mentions": {},  # docname -> tool ids in order of first mention
        "site_tables": {},  # docname -> type filter of each table on it (empty: all)
        # docname -> what its tiles or lists show of other pages (see listing_keys)
        "listings": {},
        # docname -> the keys it answered to when last read: its name, page_id and type
        "page_keys": {},
        # docname -> (parent tool id, name, url, line) of each national resource with
        # instance_of
        "instances": {},
        # country page docname -> its national resources (NationalResource)
        "national_resources": {},
        # topic page docname -> (anchor, position among the page's sections; negative,
        # -1 - position, on a page whose sections are the contents' top level) of its
        # "National resources" section when it has any: its entry in the page's contents
        "topic_sections": {},
        # site data as of the last build: page id or docname -> registry tools naming it in
        # related_pages (see pages_with_changed_relations)
        "registry_related": {},
        # docname -> kinds of the placeholders on it that post-transforms fill in when it is
        # written (note_placeholder), so that pages without one are not walked for them
        "placeholders": {},
    }
    data_version = 9

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        # Site data and derived state: per process, never pickled with the domain data.
        self.site = SiteData()
        self.changed_docs: set[str] = set()
        #: Keys of the pages read or removed in this build, before they changed.
        self.changed_keys: set[str] = set()
        self._mentioned_in: dict[str, list[str]] | None = None
        self._instances: dict[str, tuple[Instance, ...]] | None = None
        self._front_matters: dict[str, FrontMatter] = {}
        self._every_front_matter: dict[str, FrontMatter] | None = None
        self._registry_related: dict[str, list[str]] | None = None
        self._declared_tools: dict[str, DeclaredTool] | None = None
        self._merged: dict[tuple[str, int], DeclaredTool] = {}
        self._pages: dict[str, PageEntry] | None = None
        self.other_object_names: frozenset[str] | None = None

    # --- per-document data ----------------------------------------------------------------

    @property
    def declarations(self) -> dict[str, list[Declaration]]:
        return cast("dict[str, list[Declaration]]", self.data["declarations"])

    def declaration_at(self, docname: str, position: int) -> DeclaredTool | None:
        """The ``position``-th declaration of the page, its tool as of this build's registry."""
        key = (docname, position)
        found = self._merged.get(key)
        if found is None:
            declarations = self.declarations.get(docname, [])
            if position >= len(declarations):
                return None
            declaration = declarations[position]
            base = self.site.tools.get(declaration.tool_id)
            tool = merged_tool(declaration, base, self.site.link_types)
            found = self._merged[key] = DeclaredTool(docname, declaration.anchor, tool)
        return found

    @property
    def page_ids(self) -> dict[str, PageIdEntry]:
        return cast("dict[str, PageIdEntry]", self.data["page_ids"])

    def _forget_winners(self) -> None:
        self._declared_tools = None
        self._merged.clear()
        self._pages = None
        self._instances = None

    @property
    def declared_tools(self) -> dict[str, DeclaredTool]:
        """Tool id → the declaration that wins: the first by document name, then line."""
        if self._declared_tools is None:
            winners: dict[str, DeclaredTool] = {}
            for docname in sorted(self.declarations):
                for position, declaration in enumerate(self.declarations[docname]):
                    if declaration.tool_id not in winners:
                        declared = self.declaration_at(docname, position)
                        if declared is not None:
                            winners[declaration.tool_id] = declared
            self._declared_tools = winners
        return self._declared_tools

    @property
    def pages(self) -> dict[str, PageEntry]:
        """Page id → the page that has it: the first by document name."""
        if self._pages is None:
            winners: dict[str, PageEntry] = {}
            for docname in sorted(self.page_ids):
                entry = self.page_ids[docname]
                winners.setdefault(entry.page_id, PageEntry(docname, entry.line))
            self._pages = winners
        return self._pages

    def tools_declared_on(self, docname: str) -> list[str]:
        """The ids of the tools the page declares, each once, in page order."""
        return list(dict.fromkeys(d.tool_id for d in self.declarations.get(docname, [])))

    @property
    def mentions(self) -> dict[str, list[str]]:
        return cast("dict[str, list[str]]", self.data["mentions"])

    @property
    def site_tables(self) -> dict[str, list[list[str]]]:
        return cast("dict[str, list[list[str]]]", self.data["site_tables"])

    @property
    def listings(self) -> dict[str, list[str]]:
        return cast("dict[str, list[str]]", self.data["listings"])

    @property
    def page_keys(self) -> dict[str, list[str]]:
        return cast("dict[str, list[str]]", self.data["page_keys"])

    def note_listing(self, docname: str, keys: Iterable[str]) -> None:
        """``docname`` shows other pages: ``page:<page_id or docname>``, ``type:<type>``, or
        ``*`` for every page. It is rewritten when a page with one of these keys changes."""
        self.listings.setdefault(docname, []).extend(keys)

    def keys_of_page(self, docname: str) -> list[str]:
        """What listings may name this page by: its document name, page_id and type."""
        matter = self.front_matter_of(docname)
        keys = [f"page:{docname}"]
        if matter.page_id:
            keys.append(f"page:{matter.page_id}")
        if matter.type:
            keys.append(f"type:{matter.type}")
        if matter.national_resources:
            keys.append(ALL_RESOURCES_KEY)
        for entry in matter.national_resources:
            for page_type, page_ids in related_page_ids(entry.get("related_pages")).items():
                keys += [resource_key(page_type, page_id) for page_id in page_ids]
        return list(dict.fromkeys(keys))

    def listings_to_rewrite(self) -> set[str]:
        """Listing pages that show a page read or removed in this build (old or new keys)."""
        if not self.changed_docs:
            return set()
        changed = set(self.changed_keys) | {"*"}
        for docname in self.changed_docs:
            if docname in self.env.all_docs:
                self.page_keys[docname] = self.keys_of_page(docname)
                changed.update(self.page_keys[docname])
            else:
                self.page_keys.pop(docname, None)
        self.changed_docs.clear()
        self.changed_keys.clear()
        return {docname for docname, keys in self.listings.items() if changed.intersection(keys)}

    def note_declared_tool(self, declared: Declaration) -> None:
        """Record a page's tool declaration (a duplicate id, or no name, is reported once all
        pages are read)."""
        self.declarations.setdefault(declared.docname, []).append(declared)
        self._forget_winners()

    def note_page(self, page_id: str, docname: str, line: int) -> None:
        self.page_ids[docname] = PageIdEntry(page_id, line)
        self._forget_winners()

    def check_consistency(self) -> None:
        """After all pages are read and merged: each declaration or page_id that loses its
        id to an earlier page (by document name) is reported once, at its own line, and each
        declaration naming a tool that neither it nor the registry gives a name (every build
        that writes pages: the registry may have lost the name without the page being read)."""
        winners = self.declared_tools
        for docname in sorted(self.declarations):
            for declaration in self.declarations[docname]:
                tool_id = declaration.tool_id
                if lacks_name(declaration, self.site.tools.get(tool_id)):
                    warn(
                        f"tool {tool_id!r} has no 'name'; its id is shown instead",
                        "tool",
                        (docname, declaration.line),
                    )
                first = winners[tool_id]
                if (first.docname, first.anchor, first.tool.location) != (
                    docname,
                    declaration.anchor,
                    declaration.location,
                ):
                    warn(
                        f"duplicate tool id {tool_id!r}: also declared at {first.tool.location}",
                        "tool",
                        (docname, declaration.line),
                    )
        pages = self.pages
        for docname in sorted(self.page_ids):
            entry = self.page_ids[docname]
            first_page = pages[entry.page_id]
            if first_page.docname != docname:
                where = self.env.doc2path(first_page.docname)
                warn(
                    f"duplicate page_id {entry.page_id!r}: also used by {where}; the first "
                    "page keeps it",
                    "page",
                    (docname, entry.line),
                )

    @property
    def page_links(self) -> dict[str, list[str]]:
        return cast("dict[str, list[str]]", self.data["page_links"])

    def _moved_page_ids(self) -> set[str]:
        """Page ids that another page has than when pages were last written, or none."""
        old = cast("dict[str, str]", self.data.get("written_pages", {}))
        new = {page_id: entry.docname for page_id, entry in self.pages.items()}
        return {
            page_id for page_id in old.keys() | new.keys() if old.get(page_id) != new.get(page_id)
        }

    def pages_linking_moved_page_ids(self) -> set[str]:
        """Pages linking to a page id that another page has now (the first one dropped it),
        that no page has any more, or that a page has newly; records the page ids as
        written."""
        moved = self._moved_page_ids()
        self.data["written_pages"] = {
            page_id: entry.docname for page_id, entry in self.pages.items()
        }
        if not moved:
            return set()
        return {
            docname
            for docname, names in self.page_links.items()
            if moved.intersection(names) and docname in self.env.all_docs
        }

    def tool_digest(self, tool: Tool) -> str:
        """A digest of everything a page shows of the tool: its fields, its home, what it is
        an instance of and its instances (popovers, table rows, its card) and, when pages'
        tables have a "pages" column, the pages showing it."""
        relatives = self.relatives_of(tool)
        parent = relatives.parent
        shown: tuple[object, ...] = (
            tool.id,
            tool.name,
            tool.url,
            tool.description,
            tool.type,
            sorted(tool.registry.items()),
            tool.instance_of,
            tool.how_to_access,
            tool.related_pages,
            sorted(tool.extra.items()),
            self.home_of_tool(tool.id),
            (parent.id, parent.name, parent.url) if parent is not None else None,
            relatives.instances,
        )
        if "pages" in self.env.config.ga4gh_page_table_columns:
            shown += tuple(
                (docname, self.page_title(docname), self.front_matter_of(docname).search_exclude)
                for docname in self.pages_showing(tool)
            )
        return hashlib.blake2b(repr(shown).encode(), digest_size=12).hexdigest()

    def changed_tools(self) -> set[str]:
        """Ids of the tools whose digest differs from the last build's (added and removed
        tools too); records this build's digests."""
        old = cast("dict[str, str]", self.data["tool_digests"])
        new = {tool.id: self.tool_digest(tool) for tool in self.all_tools()}
        self.data["tool_digests"] = new
        ids = old.keys() | new.keys()
        return {tool_id for tool_id in ids if old.get(tool_id) != new.get(tool_id)}

    @property
    def resource_tables(self) -> dict[str, list[str]]:
        return cast("dict[str, list[str]]", self.data["resource_tables"])

    def pages_showing_tools(self, tool_ids: Set[str]) -> set[str]:
        """Pages that show any of the tools: in a mention's popover, in the page's tool
        table (mentioned or named by ``related_pages``), in a country page's main resources,
        as its declaration's card; the site-wide tables show every tool."""
        if not tool_ids:
            return set()
        found = set(self.site_tables)
        for docname, declarations in self.declarations.items():
            if any(declaration.tool_id in tool_ids for declaration in declarations):
                found.add(docname)
        for docname, listed in self.resource_tables.items():
            if not tool_ids.isdisjoint(listed):
                found.add(docname)
        page_tables = bool(self.env.config.ga4gh_page_tool_table)
        for tool_id in tool_ids:
            found.update(self.pages_mentioning(tool_id))
            tool = self.get_tool(tool_id)
            if tool is not None and page_tables:
                found.update(self.pages_showing(tool))
        return {docname for docname in found if docname in self.env.all_docs}

    def pages_showing_changed_tools(self) -> set[str]:
        """Pages showing a tool whose content changed since pages were last written (in the
        registry, in a declaration, its home, its relatives): their doctrees hold only the
        tool's id, so they are written again, not read again."""
        return self.pages_showing_tools(self.changed_tools())

    def note_mentions(self, docname: str, tool_ids: list[str]) -> None:
        if tool_ids:
            self.mentions[docname] = tool_ids
        self._mentioned_in = None

    @property
    def page_instances(self) -> dict[str, list[tuple[str, str, str, int]]]:
        return cast("dict[str, list[tuple[str, str, str, int]]]", self.data["instances"])

    def note_instance(self, docname: str, parent_id: str, name: str, url: str, line: int) -> None:
        """A page's national resource that is an instance of a tool."""
        self.page_instances.setdefault(docname, []).append((parent_id, name, url, line))
        self._instances = None

    @property
    def national_resources(self) -> dict[str, list[NationalResource]]:
        return cast("dict[str, list[NationalResource]]", self.data["national_resources"])

    def note_national_resources(self, docname: str, resources: list[NationalResource]) -> None:
        if resources:
            self.national_resources[docname] = resources

    @property
    def topic_sections(self) -> dict[str, tuple[str, int]]:
        return cast("dict[str, tuple[str, int]]", self.data["topic_sections"])

    def national_resources_for(self, page_type: str, page_id: str) -> list[NationalResource]:
        """The national resources whose ``related_pages[page_type]`` holds ``page_id``, as the
        theme lists them: country pages in document order, each one's by name. The type is
        matched without case."""
        found: list[NationalResource] = []
        wanted = page_type.lower()
        for docname in sorted(self.national_resources):
            matches = [
                resource
                for resource in self.national_resources[docname]
                if any(
                    key.lower() == wanted and page_id in ids
                    for key, ids in resource.related_pages.items()
                )
            ]
            found += sorted(matches, key=lambda r: (r.tool.name.lower(), r.line))
        return found

    def registry_related_index(self) -> dict[str, list[str]]:
        """Page id or document name → registry tools whose ``related_pages`` name it."""
        if self._registry_related is None:
            index: dict[str, list[str]] = {}
            for tool in sorted(self.site.tools.values(), key=lambda t: (t.name.lower(), t.id)):
                for name in tool.related_pages:
                    index.setdefault(name, []).append(tool.id)
            self._registry_related = index
        return self._registry_related

    def pages_with_changed_relations(self) -> set[str]:
        """Pages that registry ``related_pages`` name differently than in the last build (they
        are read again: whether they have a tool table is decided when they are read)."""
        new = self.registry_related_index()
        old = cast("dict[str, list[str]]", self.data.get("registry_related", {}))
        self.data["registry_related"] = new
        names = {name for name in old.keys() | new.keys() if old.get(name) != new.get(name)}
        return {self.pages[name].docname if name in self.pages else name for name in names}

    def registry_tools_related_to(self, docname: str) -> list[str]:
        """Registry tools whose ``related_pages`` name the page (by page_id or document
        name), by name: its tool table lists them as well as the tools it mentions."""
        index = self.registry_related_index()
        matter = self.front_matter_of(docname)
        names = [matter.page_id, docname] if matter.page_id else [docname]
        ids = [tool_id for name in names for tool_id in index.get(name, [])]
        return list(dict.fromkeys(ids))

    def tools_of_page(self, docname: str) -> list[str]:
        """The tools a page's table lists: those it mentions, then registry tools naming it
        in their ``related_pages``."""
        mentioned = self.mentions.get(docname, [])
        return list(dict.fromkeys([*mentioned, *self.registry_tools_related_to(docname)]))

    def note_site_table(self, docname: str, types: list[str]) -> None:
        self.site_tables.setdefault(docname, []).append(types)

    def note_placeholder(self, docname: str, kind: type[nodes.Node]) -> None:
        """The page being read holds a node of ``kind`` that a post-transform fills in."""
        kinds = self.placeholders.setdefault(docname, [])
        if kind.__name__ not in kinds:
            kinds.append(kind.__name__)

    def may_hold_placeholder(self, kind: type[nodes.Node]) -> bool:
        """Whether the doctree being resolved may hold a node of ``kind``: False for an HTML
        page of its own on which none was noted when it was read, which its post-transform
        need not walk. Other doctrees (LaTeX's and singlehtml's hold every page) may."""
        if not builds_html_pages(self.env):
            return True
        return kind.__name__ in self.placeholders.get(self.env.docname, ())

    @property
    def placeholders(self) -> dict[str, list[str]]:
        return cast("dict[str, list[str]]", self.data["placeholders"])

    def clear_doc(self, docname: str) -> None:
        self.declarations.pop(docname, None)
        self.placeholders.pop(docname, None)
        self.page_ids.pop(docname, None)
        self.page_links.pop(docname, None)
        self._forget_winners()
        self.mentions.pop(docname, None)
        self.site_tables.pop(docname, None)
        self.listings.pop(docname, None)
        self.page_instances.pop(docname, None)
        self.national_resources.pop(docname, None)
        self.topic_sections.pop(docname, None)
        self.resource_tables.pop(docname, None)
        # the index domain forgets the page's entries too
        cast("dict[str, list[Any]]", self.data["index_entries"]).pop(docname, None)
        self._front_matters.pop(docname, None)
        self._every_front_matter = None
        self._mentioned_in = None
        self._instances = None

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        self._every_front_matter = None
        # only collected here: the winners are decided from all pages once they are merged
        for docname in docnames:
            if docname in otherdata["declarations"]:
                self.declarations[docname] = list(otherdata["declarations"][docname])
            if docname in otherdata["page_ids"]:
                self.page_ids[docname] = otherdata["page_ids"][docname]
            if docname in otherdata["page_links"]:
                self.page_links[docname] = otherdata["page_links"][docname]
        self._forget_winners()
        for docname in docnames:
            if docname in otherdata["mentions"]:
                self.note_mentions(docname, otherdata["mentions"][docname])
            if docname in otherdata["site_tables"]:
                self.site_tables[docname] = otherdata["site_tables"][docname]
            if docname in otherdata["listings"]:
                self.note_listing(docname, otherdata["listings"][docname])
            for parent_id, name, url, line in otherdata["instances"].get(docname, []):
                self.note_instance(docname, parent_id, name, url, line)
            self.note_national_resources(docname, otherdata["national_resources"].get(docname, []))
            if docname in otherdata["topic_sections"]:
                self.topic_sections[docname] = otherdata["topic_sections"][docname]
            if docname in otherdata["resource_tables"]:
                self.resource_tables[docname] = otherdata["resource_tables"][docname]
            if docname in otherdata["placeholders"]:
                self.placeholders[docname] = list(otherdata["placeholders"][docname])

    def process_doc(self, env: BuildEnvironment, docname: str, document: nodes.document) -> None:
        seen: dict[str, None] = {}
        linked: set[str] = set()
        for ref in document.findall(pending_xref):
            if ref.get("intersphinx"):
                continue
            if ref.get("refdomain") == DOMAIN_NAME and ref.get("reftype") == "tool":
                seen.setdefault(ref["reftarget"], None)
            elif ref.get("reftype") in {"page", "myst"}:
                # a Markdown link may name a page id, with .md or .html (pages/links.py)
                path = str(ref.get("reftarget", "")).partition("#")[0]
                linked.update({path, path.removesuffix(".md").removesuffix(".html")})
        self.note_mentions(docname, list(seen))
        if linked:
            self.page_links[docname] = sorted(linked)

    # --- queries ------------------------------------------------------------------------------

    def get_tool(self, tool_id: str) -> Tool | None:
        declared = self.declared_tools.get(tool_id)
        if declared is not None:
            return declared.tool
        return self.site.tools.get(tool_id)

    def all_tools(self) -> list[Tool]:
        """Registry tools then page-declared ones, each id once."""
        tools = {tool.id: tool for tool in self.site.tools.values()}
        for tool_id, declared in sorted(self.declared_tools.items()):
            tools[tool_id] = declared.tool
        return list(tools.values())

    def relatives_of(self, tool: Tool) -> Relatives:
        """What ``tool`` is an instance of, and its instances: registry and page-declared
        entries by name, then pages' national resources in document order."""
        if self._instances is None:
            index: dict[str, list[Instance]] = {}
            for other in sorted(self.all_tools(), key=lambda t: (t.name.lower(), t.id)):
                if other.instance_of:
                    index.setdefault(other.instance_of, []).append(
                        Instance(other.name, other.url or "")
                    )
            for docname in sorted(self.page_instances):
                for parent_id, name, url, _line in self.page_instances[docname]:
                    index.setdefault(parent_id, []).append(Instance(name, url))
            self._instances = {key: tuple(dict.fromkeys(value)) for key, value in index.items()}
        parent = self.get_tool(tool.instance_of) if tool.instance_of else None
        return Relatives(parent, self._instances.get(tool.id, ()))

    def unknown_parents(self) -> Iterator[tuple[str, str, str | tuple[str, int]]]:
        """``(child name, unknown parent id, location)`` of each instance_of naming no tool."""
        known = {tool.id for tool in self.all_tools()}
        for tool in self.all_tools():
            if tool.instance_of and tool.instance_of not in known:
                yield tool.name, tool.instance_of, str(tool.location)
        for docname in sorted(self.page_instances):
            for parent_id, name, _url, line in self.page_instances[docname]:
                if parent_id not in known:
                    yield name, parent_id, (docname, line)

    def home_of_tool(self, tool_id: str) -> Target | None:
        """The tool's field-guide entry: the page declaring it, or whose page_id is its id."""
        declared = self.declared_tools.get(tool_id)
        if declared is not None:
            return Target(declared.docname, declared.anchor)
        page = self.pages.get(tool_id)
        return Target(page.docname, "") if page is not None else None

    def site_table_docs(self, tool: Tool) -> list[str]:
        return [
            docname
            for docname, filters in sorted(self.site_tables.items())
            if any(not types or tool.type in types for types in filters)
        ]

    def target_of_tool(self, tool_id: str) -> Target | None:
        """Where links to a tool go: its home, else a site-wide table row, else a page's table."""
        home = self.home_of_tool(tool_id)
        if home is not None:
            return home
        tool = self.get_tool(tool_id)
        if tool is None:
            return None
        tables = self.site_table_docs(tool)
        if tables:
            return Target(tables[0], SITE_TABLE_ANCHOR.format(tool_id))
        pages = self.pages_showing(tool)
        if pages and self.env.config.ga4gh_page_tool_table:
            return Target(pages[0], PAGE_TABLE_ANCHOR.format(tool_id))
        return None

    def pages_mentioning(self, tool_id: str) -> list[str]:
        """Documents that mention the tool, sorted; the inverse index is built once."""
        if self._mentioned_in is None:
            inverse: dict[str, list[str]] = {}
            for docname in sorted(self.mentions):
                for mentioned in self.mentions[docname]:
                    inverse.setdefault(mentioned, []).append(docname)
            self._mentioned_in = inverse
        return self._mentioned_in.get(tool_id, [])

    def pages_showing(self, tool: Tool) -> list[str]:
        """Documents whose tool table lists the tool: those mentioning it and those its
        ``related_pages`` name (a page_id, or a document name), sorted."""
        related = [
            self.pages[name].docname if name in self.pages else name
            for name in tool.related_pages
            if name in self.pages or name in self.env.all_docs
        ]
        return sorted({*self.pages_mentioning(tool.id), *related})

    def front_matter_of(self, docname: str) -> FrontMatter:
        """A page's parsed front matter, parsed once per build (tiles read every page's)."""
        found = self._front_matters.get(docname)
        if found is None:
            found = front_matter(self.env.metadata.get(docname, {}))
            self._front_matters[docname] = found
        return found

    def every_front_matter(self) -> dict[str, FrontMatter]:
        """Each page's front matter, by docname, made once after reading (every tile list
        chooses from all pages: per list, that was pages x pages at write time)."""
        found = self._every_front_matter
        if found is None or len(found) != len(self.env.metadata):
            found = {name: self.front_matter_of(name) for name in self.env.metadata}
            self._every_front_matter = found
        return found

    def page_title(self, docname: str) -> str:
        title = self.env.titles.get(docname)
        return title.astext() if title is not None else docname

    # --- resolution ---------------------------------------------------------------------------

    def _entry_link(self, builder: Builder, fromdocname: str, tool_id: str) -> nodes.Element | None:
        home = self.home_of_tool(tool_id)
        if home is None:
            return None
        label = _("Field guide entry")
        try:
            return make_refnode(
                builder, fromdocname, home.docname, home.anchor, nodes.inline(label, label)
            )
        except NoUri:
            return None

    def _resolve_tool(
        self,
        builder: Builder,
        fromdocname: str,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> nodes.Element | None:
        tool = self.get_tool(target)
        if tool is None:
            return None
        display = contnode.astext() if node.get("refexplicit") else tool.name
        entry_link = self._entry_link(builder, fromdocname, tool.id)
        return build_tool_reference(tool, display, entry_link, self.relatives_of(tool))

    def _resolve_page(
        self,
        builder: Builder,
        fromdocname: str,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> nodes.Element | None:
        page = self.pages.get(target)
        if page is None:
            return None
        if not node.get("refexplicit"):
            title = self.page_title(page.docname)
            contnode = nodes.inline(title, title, classes=contnode.get("classes", []))
        return make_refnode(builder, fromdocname, page.docname, "", contnode, target)

    # A tool resolves to a tool_reference (name and popover), not to a link, hence the ignores.
    def resolve_xref(  # type: ignore[override]
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> nodes.Element | None:
        if typ == "tool":
            return self._resolve_tool(builder, fromdocname, target, node, contnode)
        if typ == "page":
            return self._resolve_page(builder, fromdocname, target, node, contnode)
        if typ == LINK_REFTYPE:
            docname, _hash, anchor = target.partition("#")
            return make_refnode(builder, fromdocname, docname, anchor, contnode)
        return None

    def resolve_any_xref(  # type: ignore[override]
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> list[tuple[str, nodes.Element]]:
        resolved = self._resolve_page(builder, fromdocname, target, node, contnode)
        return [("ga4gh:page", resolved)] if resolved is not None else []

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        for tool in self.all_tools():
            target = self.target_of_tool(tool.id)
            if target is not None:
                priority = 1 if self.home_of_tool(tool.id) else 2
                yield tool.id, tool.name, "tool", target.docname, target.anchor, priority
        # Priority -1: in objects.inv (intersphinx links to pages by page_id) but not in the
        # search index, which has the page under its own title already (a second, escaped
        # "Passports &amp; Visas" result for every page otherwise).
        for page_id, page in self.pages.items():
            yield page_id, self.page_title(page.docname), "page", page.docname, "", -1

    def get_full_qualified_name(self, node: nodes.Element) -> str | None:
        return cast("str | None", node.get("reftarget"))


def get_domain(env: BuildEnvironment) -> Ga4ghDomain:
    return cast("Ga4ghDomain", env.domains[DOMAIN_NAME])


def load_data(app: Sphinx) -> None:
    """``builder-inited``: read the data files once for the whole build and report problems."""
    config = app.config
    conf_py = Path(app.confdir) / "conf.py"
    line = conf_line(conf_py, "ga4gh_registry_links")
    # its problems were reported with the configuration's (validate_config)
    link_types, _problems = parse_link_types(
        config.ga4gh_registry_links, SourceLocation(str(conf_py), line)
    )
    site = load_site_data(
        Path(app.confdir),
        config.ga4gh_tools,
        config.ga4gh_contributors,
        config.ga4gh_affiliations,
        link_types,
        [str(key) for key in config.ga4gh_registry_extra_keys],
    )
    get_domain(app.env).site = site
    for diagnostic in site.diagnostics:
        report(diagnostic)


def note_resource_tables(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``: the tools of a country page's main resources table (placed after the
    domain has seen the page), so that the page is written again when one of them changes.

    The registry is no dependency of the pages: what they show of tools is filled in when
    they are written, and :func:`pages_to_rewrite` names the pages showing a changed tool.
    """
    listed: list[str] = []
    for table in doctree.findall(tool_table):
        if table.get("scope") == "ids":
            ids: list[str] = table.get("ids", [])
            listed += ids
    if listed:
        get_domain(app.env).resource_tables[app.env.docname] = list(dict.fromkeys(listed))


def unresolved_reference(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.TextElement
) -> nodes.Node | None:
    """After intersphinx has tried: an unknown tool or page id is a ``ga4gh`` warning.

    The text stays visible; an unknown tool is marked so the reader sees it is not a link.
    """
    if node.get("refdomain") != "ga4gh":
        return None
    target = node["reftarget"]
    domain = get_domain(env)
    if node["reftype"] == "tool":
        known = [tool.id for tool in domain.all_tools()]
        warn(f"unknown tool id {target!r}{did_you_mean(target, known)}", "tool", node)
        return nodes.inline(contnode.astext(), contnode.astext(), classes=UNKNOWN_TOOL_CLASSES)
    if node["reftype"] == "page":
        warn(f"unknown page_id {target!r}{did_you_mean(target, domain.pages)}", "page", node)
        return nodes.inline(contnode.astext(), contnode.astext(), classes=["ga4gh-page-unknown"])
    return None


def remember_changed_doc(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    """``env-purge-doc`` (before the page is read again or removed): note what it was."""
    domain = get_domain(env)
    domain.changed_docs.add(docname)
    domain.changed_keys.update(domain.page_keys.get(docname, []))


def pages_named_by_registry(
    app: Sphinx, env: BuildEnvironment, added: Set[str], changed: Set[str], removed: Set[str]
) -> list[str]:
    """``env-get-outdated``: pages that registry entries' ``related_pages`` now name
    differently are read again (their tool table is placed when they are read)."""
    found = get_domain(env).pages_with_changed_relations()
    return sorted(docname for docname in found if docname in env.found_docs)


def pages_to_rewrite(app: Sphinx, env: BuildEnvironment) -> Set[str]:
    """Pages whose generated content shows pages read or removed in this build, or tools
    that changed.

    The site-wide tool tables (pages mentioning each tool) whenever any page changed; tiles
    and lists only when a page they show, or one of the type they show, changed; the pages
    showing a tool (popovers, tool tables, its card) whose registry entry, declaration, home
    or relatives changed, and those linking to a page id that moved to another page.
    """
    domain = get_domain(env)
    tables = set(domain.site_tables) if domain.changed_docs else set()
    # the tools first: a page id that moved moves the home of the tool with that id
    return (
        tables
        | domain.listings_to_rewrite()
        | domain.pages_showing_changed_tools()
        | domain.pages_linking_moved_page_ids()
    )


def setup_domain(app: Sphinx) -> None:
    """The ``ga4gh`` domain: the tool registry and page ids, and what a change invalidates."""
    app.add_domain(Ga4ghDomain)
    app.connect("builder-inited", load_data)
    app.connect("doctree-read", note_resource_tables)
    app.connect("missing-reference", unresolved_reference, priority=900)
    app.connect("env-purge-doc", remember_changed_doc)
    app.connect("env-get-outdated", pages_named_by_registry)
    app.connect("env-get-updated", pages_to_rewrite)
