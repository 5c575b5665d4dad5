"""Site-wide lists of people and organisations: ``{contributors}`` and ``{affiliations}``.

``{contributors}`` lists everyone in the contributors file, each with the pages naming them in
``contributors``, ``editors`` or ``coordinators``. ``{affiliations}`` is the theme's supporter
tiles: the organisations of the affiliations file with a logo and ``expose: true`` (with
``:type:``, those of that ``type``), sorted by name; with ``:page-type:``, the organisations
supporting pages of that page type. Both are built at write time from every page's front
matter. A list that would be empty is a warning and no list (LaTeX fails on an empty itemize).
"""

from __future__ import annotations

from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective

from ..data.diagnostics import did_you_mean
from ..data.site import AFFILIATIONS_FILES, CONTRIBUTORS_FILES, SiteData
from ..domain import get_domain, internal_link
from ..reporting import warn
from ..text.lists import split_people
from .people import PEOPLE_GROUPS, affiliation_item, person_item


class people_directory(nodes.General, nodes.Element):
    """Placeholder; ``kind`` is ``contributors`` or ``affiliations``."""


def _sort_choice(argument: str | None) -> str:
    return directives.choice((argument or "true").strip().lower(), ("true", "false"))


def _columns(argument: str | None) -> int:
    """``:col:``: 1 to 6 tiles a row, as the theme's Bootstrap grid allows."""
    value = directives.positive_int(argument or "")
    if value > MAX_COLUMNS:
        raise ValueError(f"at most {MAX_COLUMNS} columns")
    return value


#: The widest row the theme's contributor cards have (``row-cols-xl-6``).
MAX_COLUMNS = 6


class ContributorsDirective(SphinxDirective):
    """The theme's contributor tiles: everyone (the contributors file and every page's
    ``contributors``), the ``:custom:`` names, or the people of a ``:role:``; sorted by name
    unless ``:sort: false``; ``:col:`` tiles a row in HTML."""

    option_spec: ClassVar[dict[str, Any]] = {
        "custom": directives.unchanged,
        "role": directives.unchanged,
        "sort": _sort_choice,
        "col": _columns,
    }

    def run(self) -> list[nodes.Node]:
        domain = get_domain(self.env)
        domain.note_listing(self.env.docname, ["*"])  # the pages of every person
        domain.note_placeholder(self.env.docname, people_directory)
        for path in domain.site.people_files:
            self.env.note_dependency(str(path))
        custom = split_people(self.options.get("custom", ""))
        node = people_directory(
            "",
            kind="contributors",
            custom=[name for name in custom if name],
            role=self.options.get("role", "").strip(),
            sort=self.options.get("sort", "true") == "true",
            columns=self.options.get("col", 0),
        )
        self.set_source_info(node)
        return [node]


class AffiliationsDirective(SphinxDirective):
    """The supporter tiles of the theme: logos of the exposed affiliations (``:type:`` of
    their own type), or with ``:page-type:`` the organisations supporting pages of a type."""

    option_spec: ClassVar[dict[str, Any]] = {
        "type": directives.unchanged,
        "page-type": directives.unchanged,
        "file-order": directives.flag,
    }

    def run(self) -> list[nodes.Node]:
        domain = get_domain(self.env)
        domain.note_listing(self.env.docname, ["*"])  # the affiliations used by pages
        domain.note_placeholder(self.env.docname, people_directory)
        for path in domain.site.people_files:
            self.env.note_dependency(str(path))
        node = people_directory(
            "",
            kind="affiliations",
            org_type=self.options.get("type", "").strip(),
            page_type=self.options.get("page-type", "").strip(),
            file_order="file-order" in self.options,
        )
        self.set_source_info(node)
        return [node]


class FillPeopleDirectories(SphinxPostTransform):
    default_priority = 6  # before the references resolver

    def run(self, **kwargs: Any) -> None:
        if not get_domain(self.env).may_hold_placeholder(people_directory):
            return
        for placeholder in list(self.document.findall(people_directory)):
            if placeholder["kind"] == "contributors":
                listing = self._contributors(placeholder)
            else:
                listing = self._affiliations(placeholder)
            # An empty list is no list: LaTeX cannot typeset an itemize without items.
            if listing is None:
                placeholder.parent.remove(placeholder)
            else:
                placeholder.replace_self(listing)

    def _pages_by_person(self) -> dict[str, list[str]]:
        pages: dict[str, list[str]] = {}
        for docname in sorted(self.env.metadata):
            page = get_domain(self.env).front_matter_of(docname)
            if page.search_exclude:
                continue  # templates and hidden pages, as the theme's contributor tiles
            for key, _title in PEOPLE_GROUPS:
                for name in getattr(page, key):
                    if docname not in pages.setdefault(name, []):
                        pages[name].append(docname)
        return pages

    def _chosen_people(
        self, placeholder: people_directory, pages: dict[str, list[str]]
    ) -> list[str]:
        """The names the theme's ``contributor-tiles-all.html`` shows, in its order."""
        contributors = get_domain(self.env).site.contributors
        if placeholder.get("custom"):
            names: list[str] = list(placeholder["custom"])
            for name in names:
                if name not in contributors:
                    hint = did_you_mean(name, contributors)
                    warn(
                        f"{{contributors}} :custom: names {name!r}, who is not in the "
                        f"contributors file{hint}; shown without details",
                        "contributor",
                        placeholder,
                    )
        elif placeholder.get("role"):
            role = placeholder["role"].lower()
            names = [name for name, person in contributors.items() if person.role.lower() == role]
        else:
            # the pages' contributors first, then the file, as the theme joins them
            names = [*pages, *contributors]
        names = list(dict.fromkeys(names))
        if placeholder.get("sort", True):
            names.sort()  # Liquid's sort: by name, case-sensitive
        return names

    def _contributors(self, placeholder: people_directory) -> nodes.bullet_list | None:
        domain = get_domain(self.env)
        if not domain.site.contributors and not placeholder.get("custom"):
            reason = (
                "the contributors file lists nobody"
                if domain.site.contributor_files
                else f"no contributors file was found ({' or '.join(CONTRIBUTORS_FILES)})"
            )
            warn(f"{{contributors}} lists no one: {reason}", "contributor", placeholder)
            return None
        pages = self._pages_by_person()
        names = self._chosen_people(placeholder, pages)
        if not names:
            warn(
                f"{{contributors}} :role: {placeholder['role']} selects no one: no person of "
                "the contributors file has that role",
                "contributor",
                placeholder,
            )
            return None
        classes = ["ga4gh-people-list", "ga4gh-contributors-all"]
        if placeholder.get("columns"):
            classes.append(f"ga4gh-cols-{placeholder['columns']}")
        people = nodes.bullet_list("", classes=classes)
        for name in names:
            item = person_item(name, domain.site.contributors.get(name))
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

    def _affiliations(self, placeholder: people_directory) -> nodes.bullet_list | None:
        site = get_domain(self.env).site
        org_type: str = placeholder["org_type"]
        page_type: str = placeholder["page_type"]
        if page_type:
            used: dict[str, None] = {}
            for docname in sorted(self.env.metadata):
                page = get_domain(self.env).front_matter_of(docname)
                if page.type == page_type:
                    used.update(dict.fromkeys(page.affiliations))
            chosen = [site.affiliations[name] for name in used if name in site.affiliations]
        else:
            # The theme's supported-by-tiles-selection: a logo and ``expose: true``.
            chosen = [org for org in site.affiliations.values() if org.image_url and org.expose]
        if org_type:
            chosen = [org for org in chosen if org.type == org_type]
        if not placeholder["file_order"]:
            chosen.sort(key=lambda org: org.name)  # Liquid's sort: by name, case-sensitive
        if not chosen:
            warn(_empty_selection_message(site, org_type, page_type), "affiliation", placeholder)
            return None
        organisations = nodes.bullet_list("", classes=["ga4gh-people-list", "ga4gh-affiliations"])
        for org in chosen:
            organisations += affiliation_item(org.name, org)
        return organisations


def _empty_selection_message(site: SiteData, org_type: str, page_type: str) -> str:
    """Why ``{affiliations}`` selects nothing, so that the author can mend the data."""
    options = [f":type: {org_type}"] if org_type else []
    options += [f":page-type: {page_type}"] if page_type else []
    head = " ".join(["{affiliations}", *options]) + " selects no organisation: "
    if not site.affiliation_files:
        return head + f"no affiliations file was found ({' or '.join(AFFILIATIONS_FILES)})"
    if not site.affiliations:
        return head + "the affiliations file lists none"
    if page_type:
        suffix = f" of type {org_type!r}" if org_type else ""
        return head + f"no page of type {page_type!r} names a known affiliation{suffix}"
    of_type = [org for org in site.affiliations.values() if not org_type or org.type == org_type]
    if not of_type:
        types = sorted({org.type for org in site.affiliations.values() if org.type})
        return head + f"no affiliation has type {org_type!r}{did_you_mean(org_type, types)}"
    what = f"the {len(of_type)} of type {org_type!r}" if org_type else "the affiliations"
    return head + f"none of {what} has both an image_url and expose: true"
