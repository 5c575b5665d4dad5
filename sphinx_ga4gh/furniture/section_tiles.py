"""``{section-tiles}``: navigation tiles for the pages of one ``type`` (or a custom list).

Each tile is the page's title (a link), its ``description`` and its affiliations as badges. The
directive leaves a placeholder; tiles are built at write time from every page's front matter,
as a bullet list (a grid in HTML, a plain list in LaTeX and text). Pages with
``search_exclude: true`` (templates, the 404 page) get no tile, as in the theme. ``:search:`` and
``:affiliations:`` mark the list so ga4gh.js adds a search box and an affiliation filter.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective

from ..data.diagnostics import did_you_mean
from ..domain import Ga4ghDomain, get_domain, internal_link
from ..pages.front_matter import FrontMatter
from ..reporting import warn
from ..text.lists import split_names


class section_tiles(nodes.General, nodes.Element):
    """Placeholder for a tile list, filled by :class:`FillSectionTiles`."""


class SectionTilesDirective(SphinxDirective):
    """Tiles for the pages whose front matter ``type`` is the argument."""

    optional_arguments = 1
    option_spec: ClassVar[dict[str, Any]] = {
        "search": directives.flag,
        "affiliations": directives.flag,
        "except": directives.unchanged,
        "custom": directives.unchanged,
        "columns": directives.positive_int,
        "sort": directives.flag,
    }

    def run(self) -> list[nodes.Node]:
        page_type = self.arguments[0].strip() if self.arguments else ""
        custom = split_names(self.options.get("custom"))
        if not page_type and not custom:
            warn("section-tiles needs a page type or a :custom: list", "page", self.get_location())
            return []
        keys = [f"page:{name}" for name in custom] if custom else [f"type:{page_type}"]
        get_domain(self.env).note_listing(self.env.docname, keys)
        node = section_tiles(
            "",
            page_type=page_type,
            custom=custom,
            exclude=split_names(self.options.get("except")),
            columns=self.options.get("columns", 3),
            sort="sort" in self.options,
            search="search" in self.options,
            filter="affiliations" in self.options,
        )
        self.set_source_info(node)
        return [node]


def unknown_page_message(origin: str, name: str, known: Iterable[str]) -> str:
    """The warning for a tile (of ``section-tiles`` or a page's ``related_pages``) naming no
    page_id nor document; ``check`` reports it with the same words."""
    return f"{origin}: unknown page {name!r}{did_you_mean(name, known)}"


def _matches(page: FrontMatter, docname: str, names: list[str]) -> bool:
    return docname in names or (bool(page.page_id) and page.page_id in names)


class FillSectionTiles(SphinxPostTransform):
    """Build each tile list from the pages' front matter and titles."""

    default_priority = 6  # before the references resolver turns the links into real ones

    def run(self, **kwargs: Any) -> None:
        domain = get_domain(self.env)
        for placeholder in list(self.document.findall(section_tiles)):
            docnames = self._pages(domain, placeholder)
            if docnames:
                placeholder.replace_self(self._tiles(domain, placeholder, docnames))
            else:
                _remove_empty(placeholder)

    def _pages(self, domain: Ga4ghDomain, placeholder: section_tiles) -> list[str]:
        pages = {name: domain.front_matter_of(name) for name in self.env.metadata}
        if placeholder["custom"]:
            chosen = []
            for name in placeholder["custom"]:
                found = domain.pages.get(name)
                docname = found.docname if found else name if name in pages else None
                if docname is None:
                    origin = placeholder.get("origin", "section-tiles")
                    message = unknown_page_message(origin, name, [*domain.pages, *pages])
                    warn(message, "page", placeholder)
                else:
                    chosen.append(docname)
        else:
            chosen = sorted(
                name for name, page in pages.items() if page.type == placeholder["page_type"]
            )
        # The theme's tiles leave out pages hidden from search (templates, 404); its related
        # pages do not.
        hidden = placeholder.get("origin") != "related_pages"
        chosen = [
            name
            for name in chosen
            if not _matches(pages[name], name, placeholder["exclude"])
            and not (hidden and pages[name].search_exclude)
        ]
        if placeholder["sort"]:
            chosen.sort(key=lambda name: domain.page_title(name).lower())
        return chosen

    def _tiles(
        self, domain: Ga4ghDomain, placeholder: section_tiles, docnames: list[str]
    ) -> nodes.bullet_list:
        # Other pages' titles and descriptions: left out of this page's search entry.
        classes = ["ga4gh-tiles", f"ga4gh-tiles-cols-{placeholder['columns']}", "no-search"]
        if placeholder["search"]:
            classes.append("ga4gh-tiles-search")
        if placeholder["filter"]:
            classes.append("ga4gh-tiles-filter")
        tiles = nodes.bullet_list("", classes=classes)
        for docname in docnames:
            page = domain.front_matter_of(docname)
            title = domain.page_title(docname)
            tile = nodes.list_item("", classes=["ga4gh-tile"])
            heading = nodes.paragraph("", "", classes=["ga4gh-tile-title"])
            heading += internal_link(docname, "", nodes.strong(title, title))
            tile += heading
            if page.description:
                tile += nodes.paragraph(page.description, page.description)
            if page.affiliations:
                badges = nodes.paragraph("", "", classes=["ga4gh-tile-affiliations"])
                for name in page.affiliations:
                    badges += nodes.inline(
                        name, name, classes=["ga4gh-badge", "ga4gh-badge-affiliation"]
                    )
                    badges += nodes.Text(" ")
                tile += badges
            tiles += tile
        return tiles


def _remove_empty(placeholder: section_tiles) -> None:
    """A tile list that shows no page is left out (an empty list is a LaTeX error), with its
    type's heading among related pages, and the "Related pages" section when nothing is left.
    Unknown names were reported; a page type with no page to show is reported here."""
    if placeholder.get("origin") == "related_pages":
        parent = placeholder.parent
        index = parent.index(placeholder)
        if index and isinstance(parent[index - 1], nodes.rubric):
            parent.remove(parent[index - 1])
        parent.remove(placeholder)
        if isinstance(parent, nodes.section) and all(
            isinstance(child, nodes.title) for child in parent.children
        ):
            parent.parent.remove(parent)
        return
    if placeholder["page_type"] and not placeholder["custom"]:
        # (a :custom: list's unknown names have their own warnings)
        message = f"section-tiles: no page of type {placeholder['page_type']!r} to show"
        warn(f"{message}; the list is left out", "page", placeholder)
    placeholder.parent.remove(placeholder)
