"""Site-wide lists of people and organisations: ``{contributors}`` and ``{affiliations}``.

``{contributors}`` lists everyone in the contributors file, each with the pages naming them in
``contributors``, ``editors`` or ``coordinators``. ``{affiliations}`` shows the organisations of
the affiliations file that are exposed (``expose: true``), or, with ``:type:``, those that
support pages of that type. Both are built at write time from every page's front matter.
"""

from __future__ import annotations

from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective

from ..domain import get_domain, internal_link
from ..pages.front_matter import front_matter
from .people import PEOPLE_GROUPS, affiliation_item, person_item


class people_directory(nodes.General, nodes.Element):
    """Placeholder; ``kind`` is ``contributors`` or ``affiliations``."""


class ContributorsDirective(SphinxDirective):
    """Every contributor with the pages they worked on."""

    option_spec: ClassVar[dict[str, Any]] = {}

    def run(self) -> list[nodes.Node]:
        domain = get_domain(self.env)
        domain.note_listing(self.env.docname, ["*"])  # the pages of every person
        for path in domain.site.people_files:
            self.env.note_dependency(str(path))
        node = people_directory("", kind="contributors", page_type="")
        self.set_source_info(node)
        return [node]


class AffiliationsDirective(SphinxDirective):
    """Logos of the site's affiliations; ``:type:`` keeps those supporting pages of a type."""

    option_spec: ClassVar[dict[str, Any]] = {"type": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        domain = get_domain(self.env)
        domain.note_listing(self.env.docname, ["*"])  # the affiliations used by pages
        for path in domain.site.people_files:
            self.env.note_dependency(str(path))
        node = people_directory(
            "", kind="affiliations", page_type=self.options.get("type", "").strip()
        )
        self.set_source_info(node)
        return [node]


class FillPeopleDirectories(SphinxPostTransform):
    default_priority = 6  # before the references resolver

    def run(self, **kwargs: Any) -> None:
        for placeholder in list(self.document.findall(people_directory)):
            if placeholder["kind"] == "contributors":
                placeholder.replace_self(self._contributors())
            else:
                placeholder.replace_self(self._affiliations(placeholder["page_type"]))

    def _pages_by_person(self) -> dict[str, list[str]]:
        pages: dict[str, list[str]] = {}
        for docname in sorted(self.env.metadata):
            page = front_matter(self.env.metadata[docname])
            for key, _title in PEOPLE_GROUPS:
                for name in getattr(page, key):
                    if docname not in pages.setdefault(name, []):
                        pages[name].append(docname)
        return pages

    def _contributors(self) -> nodes.bullet_list:
        domain = get_domain(self.env)
        fromdoc = self.env.current_document.docname
        pages = self._pages_by_person()
        people = nodes.bullet_list("", classes=["ga4gh-people-list", "ga4gh-contributors-all"])
        for name in sorted(domain.site.contributors, key=str.lower):
            item = person_item(name, domain.site.contributors[name], fromdoc)
            if pages.get(name):
                links = nodes.paragraph("", "", classes=["ga4gh-person-pages"])
                for docname in pages[name]:
                    title = domain.page_title(docname)
                    badge = nodes.inline(title, title, classes=["ga4gh-badge", "ga4gh-badge-page"])
                    links += internal_link(docname, "", badge)
                    links += nodes.Text(" ")
                item += links
            people += item
        return people

    def _affiliations(self, page_type: str) -> nodes.bullet_list:
        domain = get_domain(self.env)
        fromdoc = self.env.current_document.docname
        if page_type:
            used: dict[str, None] = {}
            for docname in sorted(self.env.metadata):
                page = front_matter(self.env.metadata[docname])
                if page.type == page_type:
                    used.update(dict.fromkeys(page.affiliations))
            names = [name for name in used if name in domain.site.affiliations]
        else:
            names = [name for name, org in domain.site.affiliations.items() if org.expose]
        organisations = nodes.bullet_list("", classes=["ga4gh-people-list", "ga4gh-affiliations"])
        for name in names:
            organisations += affiliation_item(name, domain.site.affiliations[name], fromdoc)
        return organisations
