"""``{page-ids}``: for editors, every page's title, ``page_id``, description and URL, one table
per section (page ``type``), as the theme's ``pageids-overview.html``.

The directive leaves a placeholder; the tables are built at write time, when every page has
been read (and, with ``-j``, the readers' environments merged), and the page is rewritten
whenever any page changes. Pages without ``page_id`` or with ``search_exclude: true`` are left
out, as in the theme.
"""

from __future__ import annotations

from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective

from ..domain import get_domain, internal_link
from ..pages.front_matter import type_label
from ..reporting import warn

HEADERS = ("title", "page_id", "description", "url")


class page_ids_overview(nodes.General, nodes.Element):
    """Placeholder for the tables, filled by :class:`FillPageIdTables`."""


class page_url(nodes.Inline, nodes.TextElement):
    """A page's URL as the builder writes it, filled in by :func:`fill_page_urls`."""


#: How many :class:`page_url` nodes :class:`FillPageIdTables` made that are not filled yet:
#: while none is, the doctree that is resolved has none and is not walked for them (one made
#: and then dropped only costs walks).
_UNFILLED_URLS = [0]


def fill_page_urls(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: the builder knows the page's URL (``a/b.html``, ``a/b/``)."""
    if not _UNFILLED_URLS[0]:
        return
    for node in list(doctree.findall(page_url)):
        url = app.builder.get_target_uri(node["docname"])
        node.replace_self(nodes.Text(url))
        _UNFILLED_URLS[0] = max(0, _UNFILLED_URLS[0] - 1)


class PageIdsDirective(SphinxDirective):
    """``:types:`` the sections, in order (a sidebar's); unset: every type, sorted."""

    option_spec: ClassVar[dict[str, Any]] = {"types": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        types = [name.strip() for name in self.options.get("types", "").split(",")]
        get_domain(self.env).note_listing(self.env.docname, ["*"])
        node = page_ids_overview("", types=[name for name in types if name])
        self.set_source_info(node)
        return [node]


class FillPageIdTables(SphinxPostTransform):
    default_priority = 6  # before the references resolver turns the links into real ones

    def run(self, **kwargs: Any) -> None:
        domain = get_domain(self.env)
        for placeholder in list(self.document.findall(page_ids_overview)):
            by_type: dict[str, list[str]] = {}
            for docname in sorted(self.env.all_docs):
                page = domain.front_matter_of(docname)
                if page.page_id and page.type and not page.search_exclude:
                    by_type.setdefault(page.type, []).append(docname)
            # a sidebar's section titles name the types ("Your_tasks"); case aside
            by_name = {page_type.casefold(): page_type for page_type in by_type}
            wanted = [by_name.get(name.casefold(), "") for name in placeholder["types"]]
            types = list(dict.fromkeys(name for name in wanted if name)) or sorted(by_type)
            if placeholder["types"] and not any(wanted):
                types = []
            result: list[nodes.Node] = []
            for page_type in types:
                label = type_label(page_type, self.config.ga4gh_page_type_labels)
                result.append(nodes.rubric(label, label, classes=["ga4gh-page-ids-section"]))
                result.append(self._table(by_type[page_type]))
            if not result:
                warn("page-ids: no page with a page_id to show", "page", placeholder)
            placeholder.replace_self(result)

    def _table(self, docnames: list[str]) -> nodes.table:
        domain = get_domain(self.env)
        table = nodes.table("", classes=["ga4gh-page-ids", "no-search"])
        group = nodes.tgroup("", cols=len(HEADERS))
        table += group
        for width in (3, 2, 5, 3):
            group += nodes.colspec(colwidth=width)
        head = nodes.thead()
        row = nodes.row()
        for header in HEADERS:
            row += nodes.entry("", nodes.paragraph(header, header))
        head += row
        group += head
        body = nodes.tbody()
        for docname in docnames:
            page = domain.front_matter_of(docname)
            title = domain.page_title(docname)
            link = nodes.paragraph("", "", internal_link(docname, "", nodes.inline(title, title)))
            description = page.description or "no description"
            cells = [
                link,
                nodes.paragraph("", "", nodes.literal(page.page_id, page.page_id)),
                nodes.paragraph(description, description),
                nodes.paragraph("", "", page_url("", docname=docname)),
            ]
            _UNFILLED_URLS[0] += 1
            row = nodes.row()
            for cell in cells:
                row += nodes.entry("", cell)
            body += row
        group += body
        return table


def setup_page_ids(app: Sphinx) -> None:
    app.add_directive("page-ids", PageIdsDirective)
    app.add_node(page_ids_overview)
    app.add_node(page_url)
    app.add_post_transform(FillPageIdTables)
    app.connect("doctree-resolved", fill_page_urls)
