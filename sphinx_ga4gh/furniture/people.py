"""Contributors, editors and coordinators of a page, and its "Supported by" organisations.

A read-time transform appends a block at the end of every page whose front matter names people
or affiliations. Names are looked up in the contributors and affiliations files; an unknown name
is a ``ga4gh.contributor`` / ``ga4gh.affiliation`` warning and is still shown. Avatars and logos
are an HTML-only :class:`avatar` node: other builders (LaTeX above all) show no images.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Literal, TypeVar

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxTranslator

from ..data.diagnostics import did_you_mean
from ..data.people import Affiliation, Contributor
from ..data.site import is_country_code, missing_people_file_message
from ..data.urls import is_safe_image_url, is_safe_url, url_scheme
from ..domain import get_domain
from ..html_markup import writing_apart
from ..i18n import _, translated
from ..pages.front_matter import FrontMatter, front_matter
from ..pages.sections import content_root
from ..reporting import front_matter_line, warn
from .markup import (
    LinkMaker,
    furniture_fragment_for,
    furniture_markup_for,
    page_file_uri,
    register_fragment,
    register_html_renderer,
    register_renderer,
    write_cached_items,
)

RecordT = TypeVar("RecordT", Contributor, Affiliation)

GITHUB_AVATAR = "https://github.com/{}.png?size=96"
GITHUB_PROFILE = "https://github.com/{}"
ORCID_PROFILE = "https://orcid.org/{}"

#: Front matter key → heading of its group, in the theme's order of its tabs.
PEOPLE_GROUPS = (
    ("contributors", _("Contributors")),
    ("coordinators", _("Coordinators")),
    ("editors", _("Editors")),
)


def sorts_people(config: Any, metadata: Mapping[str, Any]) -> bool:
    """Whether a page's people and supporters are shown sorted by name: the page's
    ``people_sort``, else ``ga4gh_page_people_sort`` (the theme's ``*_sort`` variables)."""
    return sorts_people_of(config, front_matter(dict(metadata)))


def sorts_people_of(config: Any, page: FrontMatter) -> bool:
    """:func:`sorts_people` of a page whose front matter is already parsed."""
    own = page.people_sort
    return bool(config.ga4gh_page_people_sort) if own is None else own


#: The formats without ``<details>``/``<section>``: there panels and groups become rubrics.
NON_HTML_FORMATS = ("latex", "text", "man", "texinfo")


class people_group(nodes.General, nodes.Element):
    """A headed group of a page's people: ``<section>`` with an ``<h3>`` in HTML (found by
    heading navigation, no script), a rubric elsewhere."""


class country_flag(nodes.Inline, nodes.Element):
    """A country's flag (its regional-indicator emoji), HTML only: fonts on paper lack it."""


def flag_emoji(code: str) -> str:
    """``BE`` → the two regional indicator symbols browsers draw as Belgium's flag."""
    if len(code) != 2 or not code.isascii() or not code.isalpha():
        return ""
    return "".join(chr(0x1F1E6 + ord(letter) - ord("A")) for letter in code.upper())


class avatar(nodes.Inline, nodes.Element):
    """A person's picture or an organisation's logo; ``uri`` empty means initials."""


def initials(name: str) -> str:
    return "".join(part[0] for part in name.split()[:2]).upper()


def image_uri(url: str) -> str:
    """A site path (``/images/x.png``, made relative to the page when it is written: where a
    page lands depends on the builder) or an http(s) URL, as it is. Anything else (the data
    loader has already reported it) gives no image."""
    if not is_safe_image_url(url):
        return ""
    if url_scheme(url):
        return url.strip()
    return "/" + url.strip().lstrip("/")


def _link(text: str, url: str, kind: str) -> nodes.reference:
    return nodes.reference("", text, refuri=url, classes=["ga4gh-person-link", f"ga4gh-{kind}"])


def person_item(name: str, person: Contributor | None) -> nodes.list_item:
    """One person: avatar (HTML), name, role, affiliation, ORCID and GitHub links."""
    return _person_list_item(*person_line(name, person))


def _person_list_item(*line: nodes.Node) -> nodes.list_item:
    return nodes.list_item("", nodes.paragraph("", "", *line), classes=["ga4gh-person"])


def person_line(name: str, person: Contributor | None) -> list[nodes.Node]:
    """What :func:`person_item` shows of a person, in its paragraph."""
    if person is None:
        return [
            avatar("", uri="", alt=name, initials=initials(name)),
            nodes.strong(name, name, classes=["ga4gh-unknown-person"]),
        ]
    if person.image_url:
        uri = image_uri(person.image_url)
    elif person.git:
        uri = GITHUB_AVATAR.format(person.git)
    else:
        uri = ""
    line: list[nodes.Node] = [
        avatar("", uri=uri, alt=name, initials=initials(name)),
        nodes.strong(name, name),
    ]
    details = person_details(person)
    if details:
        line.append(_separator(" — "))
        line.append(nodes.inline(details, details, classes=["ga4gh-person-details"]))
    for index, (label, url, kind) in enumerate(person_links(person)):
        line.append(_separator(" — " if index == 0 else " · "))
        line.append(_link(label, url, kind))
    return line


def person_details(person: Contributor) -> str:
    """A person's role and affiliation, as their line shows them."""
    return " · ".join(text for text in (person.role, person.affiliation) if text)


def person_links(person: Contributor) -> list[tuple[str, str, str]]:
    """A person's profile links as their line shows them: (label, URL, kind)."""
    links = []
    if person.orcid:
        links.append(("ORCID", ORCID_PROFILE.format(person.orcid), "orcid"))
    if person.git:
        links.append(("GitHub", GITHUB_PROFILE.format(person.git), "github"))
    if person.email and is_safe_url(f"mailto:{person.email}"):
        links.append(("Email", f"mailto:{person.email}", "email"))
    return links


def _page_person_line(env: BuildEnvironment, name: str) -> list[nodes.Node]:
    """The line of a person of the contributors file (or unknown), by name: the fragment a
    people block shows for them, the same in every block (rendered once in HTML)."""
    return person_line(name, get_domain(env).site.contributors.get(name))


register_fragment("person", _page_person_line)


def _separator(text: str) -> nodes.inline:
    """Punctuation between a person's name, details and links: HTML lays them out with gaps
    (and hides it); on paper and in text it keeps them apart."""
    return nodes.inline(text, text, classes=["ga4gh-separator"])


def affiliation_item(name: str, org: Affiliation | None) -> nodes.list_item:
    item = nodes.list_item("", classes=["ga4gh-affiliation"])
    line = nodes.paragraph()
    item += line
    label: nodes.Node = nodes.inline(name, name)
    if org is not None and org.image_url:
        label = avatar("", uri=image_uri(org.image_url), alt=name, initials="", logo=True)
        label += nodes.inline(name, name, classes=["ga4gh-affiliation-name"])
    if org is not None and org.url:
        line += nodes.reference("", "", label, refuri=org.url)
    else:
        line += label
    return item


def country_item(code: str, countries: Mapping[str, str]) -> nodes.list_item:
    """A country (the theme shows two-letter affiliations as countries): its flag and name;
    :func:`link_country_pages` links it to the page with that ``country_code``."""
    name = countries.get(code.upper(), code.upper())
    item = nodes.list_item(
        "", classes=["ga4gh-affiliation", "ga4gh-country"], country_code=code.upper()
    )
    label = nodes.inline("", "", classes=["ga4gh-country-label"])
    if flag_emoji(code):
        label += country_flag("", flag=flag_emoji(code))
    label += nodes.inline(name, name, classes=["ga4gh-country-name"])
    item += nodes.paragraph("", "", label)
    return item


def _group(title: str, items: list[nodes.list_item], kind: str, names: list[str]) -> people_group:
    title = str(title)  # a lazy translation
    group = people_group("", title=title, classes=["ga4gh-page-people", f"ga4gh-{kind}"])
    group += nodes.bullet_list("", *items, classes=["ga4gh-people-list"])
    # what the block is built again from (AppendPagePeople): the group's key and names
    group["key"] = "" if kind == "supported-by" else kind
    group["names"] = names
    return group


def _people_block(env: BuildEnvironment, shown: Any, link: LinkMaker) -> list[nodes.Node]:
    """A page's people block from the names :class:`AppendPagePeople` kept (in their order;
    unknown names were reported when the page was read)."""
    site = get_domain(env).site
    titles = dict(PEOPLE_GROUPS)
    groups = [
        _group(
            titles[key],
            [_person_list_item(furniture_fragment_for("person", name)) for name in names],
            key,
            names,
        )
        for key, names in shown["people"]
    ]
    if shown["supported"]:
        names = shown["supported"]
        items = [
            country_item(name, site.countries)
            if is_country_code(name)
            else affiliation_item(name, site.affiliations.get(name))
            for name in names
        ]
        title = translated(env.config.ga4gh_supported_by_title)
        groups.append(_group(title, items, "supported-by", names))
    block = nodes.container("", *groups, classes=["ga4gh-page-furniture"])
    link_country_pages(env, block, link)
    return [block]


register_renderer("people", _people_block)


def _people_block_html(translator: SphinxTranslator, shown: Any) -> str:
    """The markup of :func:`_people_block`'s nodes, each person's and supporter's item made
    and rendered once per build (the same item is in every block that names them)."""
    env = translator.builder.env
    site = get_domain(env).site
    titles = dict(PEOPLE_GROUPS)
    groups = [(str(titles[key]), key, names) for key, names in shown["people"]]
    if shown["supported"]:
        title = str(translated(env.config.ga4gh_supported_by_title))
        groups.append((title, "supported-by", shown["supported"]))
    block = nodes.container("", classes=["ga4gh-page-furniture"])
    holder = nodes.container("", block)  # detached, as the block's nodes are rendered
    try:
        with writing_apart(translator):
            translator.dispatch_visit(block)
            for title, kind, names in groups:
                group = _group(title, [], kind, names)
                block += group
                translator.dispatch_visit(group)
                items = [_cached_people_item(env, site, kind, name) for name in names]
                write_cached_items(translator, group[0], items)  # type: ignore[arg-type]
                translator.dispatch_departure(group)
            translator.dispatch_departure(block)
            return "".join(translator.body)  # type: ignore[attr-defined]
    finally:
        holder.clear()


def _cached_people_item(
    env: BuildEnvironment, site: Any, kind: str, name: str
) -> tuple[Any, Callable[[LinkMaker], nodes.Element]]:
    """An item of a people block: its key and what makes it (:func:`_people_block`'s)."""
    if kind != "supported-by":
        return ("person", name), lambda _link: _person_list_item(
            furniture_fragment_for("person", name)
        )
    if not is_country_code(name):
        return ("affiliation", name), lambda _link: affiliation_item(
            name, site.affiliations.get(name)
        )

    def country(link: LinkMaker) -> nodes.Element:
        item = country_item(name, site.countries)
        link_country_pages(env, nodes.container("", item), link)
        return item

    return ("country", name), country


register_html_renderer("people", _people_block_html)


def person_words(name: str, person: Contributor | None) -> list[str]:
    """The texts of :func:`person_item`'s nodes, in their order, without building them: what
    the search index reads of the person in a people block (kept equal by the tests)."""
    if person is None:
        return [name]
    words = [name]
    details = person_details(person)
    if details:
        words += [" — ", details]
    for index, (label, _url, _kind) in enumerate(person_links(person)):
        words += [" — " if index == 0 else " · ", label]
    return words


def supporter_words(name: str, countries: Mapping[str, str]) -> list[str]:
    """The text of :func:`country_item` or :func:`affiliation_item`: the country's or the
    organisation's name."""
    if is_country_code(name):
        return [countries.get(name.upper(), name.upper())]
    return [name]


def searchable_text(words: list[str]) -> str:
    """What the search index reads of nodes whose texts are ``words``: their texts,
    space-separated."""
    return " ".join(text for word in words if (text := nodes.unescape(word)))


#: kind → (the table, name → its hint): ``did_you_mean`` over every name of a data file is
#: the slow part of reporting an unknown name, and pages name the same people again and again.
_HINTS: dict[str, tuple[Mapping[str, Any], dict[str, str]]] = {}


def _hint(kind: str, name: str, table: Mapping[str, Any]) -> str:
    cached = _HINTS.get(kind)
    if cached is None or cached[0] is not table:  # another build, or data read again
        cached = _HINTS[kind] = (table, {})
    hints = cached[1]
    if name not in hints:
        hints[name] = did_you_mean(name, table)
    return hints[name]


class AppendPagePeople(SphinxTransform):
    """People and "Supported by" at the end of a page, from its front matter."""

    default_priority = 863  # after the other sections (860-862), before doctree-read (880)

    def apply(self, **kwargs: Any) -> None:
        if not self.config.ga4gh_page_people:
            return
        docname = self.env.docname
        page = front_matter(self.env.metadata.get(docname, {}))
        words: list[str] = []
        people = self._people_groups(page, docname, words)
        supported = self._affiliations(page, docname, words)
        if not people and not supported:
            return
        domain = get_domain(self.env)
        for path in domain.site.people_files:
            self.env.note_dependency(str(path))
        # The doctree keeps the names only; the block is built when it is written, and its
        # searchable text is that of its nodes, put together from the same data.
        shown = {"people": people, "supported": supported}
        block = furniture_markup_for("people", shown, searchable_text(words))
        content_root(self.document).append(block)

    def _lookup(
        self,
        table: Mapping[str, RecordT],
        name: str,
        kind: Literal["contributor", "affiliation"],
        docname: str,
        key: str,
    ) -> RecordT | None:
        """The record of ``name``, or None, reporting the name when the data file exists."""
        record = table.get(name)
        site = get_domain(self.env).site
        if record is None and site.names_people(kind):
            # Without the data file, one warning for the site (warn_people_without_data).
            line = front_matter_line(str(self.env.doc2path(docname)), name, key)
            hint = _hint(kind, name, table)
            warn(f"unknown {kind} {name!r} in front matter{hint}", kind, (docname, line))
        return record

    def _people_groups(self, page: FrontMatter, docname: str, words: list[str]) -> list[list[Any]]:
        """``[key, names]`` of each group of people the page names, in the theme's order;
        their texts are added to ``words``."""
        domain = get_domain(self.env)
        ordered = sorts_people_of(self.config, page)
        groups: list[list[Any]] = []
        for key, _title in PEOPLE_GROUPS:
            names: list[str] = getattr(page, key)
            if not names:
                continue
            if ordered:
                names = sorted(names)  # Liquid's sort, as the theme's: case-sensitive
            for name in names:
                person = self._lookup(domain.site.contributors, name, "contributor", docname, key)
                words += person_words(name, person)
            groups.append([key, names])
        return groups

    def _affiliations(self, page: FrontMatter, docname: str, words: list[str]) -> list[str]:
        """The supporters' names, in the order shown; their texts are added to ``words``."""
        if not page.affiliations:
            return []
        site = get_domain(self.env).site
        names = page.affiliations
        if sorts_people_of(self.config, page):
            names = sorted(names)
        if any(is_country_code(name) for name in names):
            get_domain(self.env).note_listing(docname, ["*"])  # the country pages may change
        key = page.affiliations_key
        for name in names:
            if is_country_code(name):
                self._check_country(name, site.countries, docname, key)
            else:
                self._lookup(site.affiliations, name, "affiliation", docname, key)
            words += supporter_words(name, site.countries)
        return list(names)

    def _check_country(
        self, code: str, countries: Mapping[str, str], docname: str, key: str
    ) -> None:
        if code.upper() not in countries:
            line = front_matter_line(str(self.env.doc2path(docname)), code, key)
            warn(
                f"unknown country code {code!r} in front matter (not an ISO 3166 code nor in "
                "the site's countries file); it is shown as it is",
                "affiliation",
                (docname, line),
            )


def warn_people_without_data(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-check-consistency``: pages naming people or supporters on a site without the data
    file are one warning for the site, at the first such page, not one per name."""
    if not app.config.ga4gh_page_people:
        return
    site = get_domain(env).site
    kinds: tuple[Literal["contributor", "affiliation"], ...] = ("contributor", "affiliation")
    for kind in kinds:
        if site.names_people(kind):
            continue
        pages: list[tuple[str, str, str]] = []
        for docname in sorted(env.metadata):
            page = get_domain(env).front_matter_of(docname)
            if kind == "contributor":
                named = [
                    (key, names[0])
                    for key, _title in PEOPLE_GROUPS
                    if (names := getattr(page, key))
                ]
            else:
                organisations = [name for name in page.affiliations if not is_country_code(name)]
                named = [(page.affiliations_key, organisations[0])] if organisations else []
            if named:
                pages.append((docname, *named[0]))
        if pages:
            docname, key, name = pages[0]
            line = front_matter_line(str(env.doc2path(docname)), name, key)
            empty = [path.name for path in site.people_file_names(kind)]
            message = missing_people_file_message(kind, len(pages), empty)
            warn(message, "data", (docname, line))


def link_country_pages(env: BuildEnvironment, block: nodes.Element, link: LinkMaker) -> None:
    """A supporting country links to the page whose ``country_code`` is its code."""
    items = [item for item in block.findall(nodes.list_item) if item.get("country_code")]
    if not items:
        return
    domain = get_domain(env)  # its front matters are parsed once per build
    pages: dict[str, str] = {}
    for docname in sorted(env.metadata):
        code = domain.front_matter_of(docname).country_code.upper()
        if code and code not in pages:
            pages[code] = docname
    for item in items:
        target = pages.get(item["country_code"])
        labels = list(item.findall(nodes.inline))
        if target is None or not labels:
            continue
        label = labels[0]
        label.replace_self(link(target, label.deepcopy()))


class PeopleGroupsOutsideHtml(SphinxPostTransform):
    """Outside HTML a group of people is its title as a rubric, then its list."""

    default_priority = 200
    formats = NON_HTML_FORMATS

    def run(self, **kwargs: Any) -> None:
        for group in list(self.document.findall(people_group)):
            title = group["title"]
            group.replace_self(
                nodes.container(
                    "", nodes.rubric(title, title), *group.children, classes=group["classes"]
                )
            )


def visit_people_group_html(self: Any, node: people_group) -> None:
    self.body.append(self.starttag(node, "section"))
    self.body.append(f'<h3 class="ga4gh-people-title">{self.encode(node["title"])}</h3>\n')


def depart_people_group_html(self: Any, node: people_group) -> None:
    self.body.append("</section>\n")


def visit_country_flag_html(self: Any, node: country_flag) -> None:
    self.body.append(f'<span class="ga4gh-flag" aria-hidden="true">{node["flag"]}</span>')
    raise nodes.SkipNode


def skip_country_flag(self: SphinxTranslator, node: country_flag) -> None:
    raise nodes.SkipNode


def setup_page_people_groups(app: Sphinx) -> None:
    """The headed groups and country flags of a page's people."""
    skip = (skip_country_flag, None)
    app.add_node(people_group, html=(visit_people_group_html, depart_people_group_html))
    app.add_node(
        country_flag,
        html=(visit_country_flag_html, None),
        latex=skip,
        text=skip,
        man=skip,
        texinfo=skip,
    )
    app.add_post_transform(PeopleGroupsOutsideHtml)


# --- visitors ---------------------------------------------------------------------------------


def visit_avatar_html(self: Any, node: avatar) -> None:
    classes = "ga4gh-logo" if node.get("logo") else "ga4gh-avatar"
    if node["uri"]:
        self.body.append(
            self.starttag(
                node,
                "img",
                "",
                empty=True,
                src=page_file_uri(self, node["uri"]),
                alt=node["alt"],
                CLASS=classes,
                loading="lazy",
                # ga4gh.js puts these in place of a picture that does not load
                **{"data-initials": node["initials"]},
            )
        )
    else:
        self.body.append(
            f'<span class="{classes} ga4gh-initials" aria-hidden="true">'
            f"{self.encode(node['initials'])}</span>"
        )
    if not node.children:
        raise nodes.SkipNode


def depart_avatar_html(self: Any, node: avatar) -> None:
    pass


def visit_avatar_other(self: SphinxTranslator, node: avatar) -> None:
    # No pictures outside HTML; a logo's name (its child) is still shown.
    if not node.children:
        raise nodes.SkipNode


def depart_avatar_other(self: SphinxTranslator, node: avatar) -> None:
    pass


AVATAR_VISITORS = {
    builder: (visit_avatar_other, depart_avatar_other)
    for builder in ("latex", "text", "man", "texinfo")
}
AVATAR_VISITORS["html"] = (visit_avatar_html, depart_avatar_html)
