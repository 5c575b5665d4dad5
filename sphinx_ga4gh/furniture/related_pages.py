"""``related_pages`` front matter as "Related pages" tiles at the end of the page.

``related_pages: {technologies_standards: [beacon, duo]}`` gives one tile list per type, built
at write time by the same code as ``{section-tiles}`` with a custom list.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms import SphinxTransform

from ..domain import get_domain
from ..i18n import translated
from ..pages.front_matter import front_matter, type_label
from ..pages.sections import append_section
from ..reporting import front_matter_line
from .section_tiles import note_people_files, section_tiles


class AppendRelatedPages(SphinxTransform):
    """Add a "Related pages" section holding one tile list per page type."""

    default_priority = 862  # after the tool table (860), before people and doctree-read (880)

    def apply(self, **kwargs: Any) -> None:
        if not self.config.ga4gh_related_pages:
            return
        docname = self.env.docname
        related = front_matter(self.env.metadata.get(docname, {})).related_pages
        groups = {page_type: ids for page_type, ids in related.items() if ids}
        if not groups:
            return
        section = append_section(
            self.document,
            translated(self.config.ga4gh_related_pages_title),
            ["ga4gh-related-pages"],
        )
        source = str(self.env.doc2path(docname))
        for page_type, page_ids in groups.items():
            label = type_label(page_type, self.config.ga4gh_page_type_labels)
            section += nodes.rubric(label, label)
            tiles = section_tiles(
                "",
                page_type="",
                custom=page_ids,
                exclude=[],
                columns=3,
                sort=False,
                search=False,
                filter=False,
                origin="related_pages",
            )
            tiles.source, tiles.line = source, front_matter_line(source, f"{page_type}:")
            section += tiles
        names = {name for page_ids in groups.values() for name in page_ids}
        domain = get_domain(self.env)
        domain.note_listing(docname, sorted(f"page:{name}" for name in names))
        domain.note_placeholder(docname, section_tiles)
        note_people_files(self.env)
