"""``{section-tiles}``: navigation tiles for the pages of one ``type`` (or a custom list).

Each tile is drawn as the theme draws it: the section's icon (``type_img``) and type, the
page's title (a link), its ``description``, its picture (``page_img``), and its supporters as
logos (organisations with an ``image_url``; names otherwise) and flags (two-letter country
codes, linked to the country's page). ``:simple:`` gives the theme's ``-simple`` tiles: the
title and the page's flag (``country_code``). Images and flags are HTML only. The
directive leaves a placeholder; tiles are built at write time from every page's front matter,
as a bullet list (a grid in HTML, a plain list in LaTeX and text). Pages with
``search_exclude: true`` (templates, the 404 page) get no tile, as in the theme. ``:search:`` and
``:affiliations:`` mark the list so ga4gh.js adds a search box and an affiliation filter.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.addnodes import only
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective, SphinxTranslator

from ..data.diagnostics import did_you_mean
from ..data.site import is_country_code
from ..data.urls import is_safe_url, url_scheme
from ..domain import Ga4ghDomain, get_domain
from ..i18n import _
from ..pages.front_matter import FrontMatter, front_matter
from ..reporting import front_matter_line, warn
from ..text.lists import split_names
from .markup import (
    LinkMaker,
    furniture_markup_for,
    page_file_uri,
    pending_link,
    register_html_renderer,
    register_renderer,
    render_cached_items,
    writes_cached_markup,
)
from .people import image_uri


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
        "simple": directives.flag,
    }

    def run(self) -> list[nodes.Node]:
        page_type = self.arguments[0].strip() if self.arguments else ""
        custom = split_names(self.options.get("custom"))
        if not page_type and not custom:
            warn("section-tiles needs a page type or a :custom: list", "page", self.get_location())
            return []
        keys = [f"page:{name}" for name in custom] if custom else [f"type:{page_type}"]
        domain = get_domain(self.env)
        domain.note_listing(self.env.docname, keys)
        domain.note_placeholder(self.env.docname, section_tiles)
        note_people_files(self.env)
        node = section_tiles(
            "",
            page_type=page_type,
            custom=custom,
            exclude=split_names(self.options.get("except")),
            columns=self.options.get("columns", 3),
            sort="sort" in self.options,
            search="search" in self.options,
            filter="affiliations" in self.options,
            simple="simple" in self.options,
        )
        self.set_source_info(node)
        return [node]


def unknown_page_message(origin: str, name: str, known: Iterable[str]) -> str:
    """The warning for a tile (of ``section-tiles`` or a page's ``related_pages``) naming no
    page_id nor document; ``check`` reports it with the same words."""
    return f"{origin}: unknown page {name!r}{did_you_mean(name, known)}"


def note_people_files(env: BuildEnvironment) -> None:
    """Tiles show logos (the affiliations file) and country names (the countries file): the
    page is read again when they change."""
    for path in get_domain(env).site.people_files:
        env.note_dependency(str(path))


def tile_type_label(page_type: str, labels: dict[str, str]) -> str:
    """A tile's type: the label ``ga4gh_page_type_labels`` gives it (as the page's subtitle),
    else as the theme writes it (``your_domain`` → ``your domain``)."""
    return labels[page_type] if page_type in labels else page_type.replace("_", " ")


def page_img_path(page_img: str) -> str:
    """The site path of a ``page_img`` (the theme's ``/images/`` folder)."""
    return "/images/" + page_img.lstrip("/")


def image_exists(srcdir: str | Path, uri: str) -> bool:
    """Whether an image's URI is a URL (not ours to check) or a file of the project."""
    return bool(url_scheme(uri)) or (Path(srcdir) / uri.lstrip("/")).is_file()


def warn_missing_tile_images(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``: a ``type_img`` or ``page_img`` naming no file of the project, once,
    at its line of the page's front matter (its tiles then show no image)."""
    env = app.env
    page = front_matter(env.metadata.get(env.docname, {}))
    source = str(env.doc2path(env.docname))
    for key, value, site_path in (
        ("type_img", page.type_img, page.type_img),
        ("page_img", page.page_img, page_img_path(page.page_img)),
    ):
        uri = image_uri(site_path) if value else ""
        if uri and not image_exists(env.srcdir, uri):
            # the page is read again when the file appears
            env.note_dependency(str(Path(env.srcdir) / uri.lstrip("/")))
            warn(
                f"{key} {value!r}: no file {uri.lstrip('/')!r} in the project; "
                "the page's tiles show no image",
                "page",
                (env.docname, front_matter_line(source, f"{key}:")),
            )


def _matches(page: FrontMatter, docname: str, names: list[str]) -> bool:
    return docname in names or (bool(page.page_id) and page.page_id in names)


class FillSectionTiles(SphinxPostTransform):
    """Build each tile list from the pages' front matter and titles."""

    default_priority = 6  # before the references resolver turns the links into real ones

    def run(self, **kwargs: Any) -> None:
        domain = get_domain(self.env)
        if not domain.may_hold_placeholder(section_tiles):
            return
        cached = writes_cached_markup(self.env)
        for placeholder in list(self.document.findall(section_tiles)):
            docnames = self._pages(domain, placeholder)
            if not docnames:
                _remove_empty(placeholder)
                continue
            shown = {
                "docnames": docnames,
                "columns": placeholder["columns"],
                "simple": bool(placeholder.get("simple")),
                "search": bool(placeholder["search"]),
                "filter": bool(placeholder["filter"]),
            }
            if cached:
                # other pages' titles and descriptions: left out of this page's search entry
                block = furniture_markup_for("tiles", shown, classes=["no-search"])
                placeholder.replace_self(block)
            else:
                placeholder.replace_self(tile_list(self.env, shown, pending_link))

    def _pages(self, domain: Ga4ghDomain, placeholder: section_tiles) -> list[str]:
        pages = domain.every_front_matter()
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


def _tile_list_nodes(env: BuildEnvironment, shown: Any, link: LinkMaker) -> list[nodes.Node]:
    return [tile_list(env, shown, link)]


def _empty_tile_list(shown: Any) -> nodes.bullet_list:
    # Other pages' titles and descriptions: left out of this page's search entry.
    classes = ["ga4gh-tiles", f"ga4gh-tiles-cols-{shown['columns']}", "no-search"]
    if shown["simple"]:
        classes.append("ga4gh-tiles-simple")
    if shown["search"]:
        classes.append("ga4gh-tiles-search")
    if shown["filter"]:
        classes.append("ga4gh-tiles-filter")
    return nodes.bullet_list("", classes=classes)


class _TileData:
    """What the tiles are made from: every page's front matter and the country pages."""

    def __init__(self, env: BuildEnvironment) -> None:
        self.domain = get_domain(env)
        self.pages = self.domain.every_front_matter()
        self.country_pages = {
            page.country_code.upper(): name
            for name, page in sorted(self.pages.items())
            if page.country_code and not page.search_exclude
        }

    def tile(self, docname: str, simple: bool, link: LinkMaker) -> nodes.list_item:
        if simple:
            return _simple_tile(self.domain, docname, self.pages[docname], link)
        return _tile(self.domain, docname, self.pages[docname], self.country_pages, link)


def tile_list(env: BuildEnvironment, shown: Any, link: LinkMaker) -> nodes.bullet_list:
    """The tiles of ``shown["docnames"]`` (``columns``, ``simple``, ``search``, ``filter``:
    the list's options), each page's from its front matter and title."""
    tiles = _empty_tile_list(shown)
    data = _TileData(env)
    for docname in shown["docnames"]:
        tiles += data.tile(docname, shown["simple"], link)
    return tiles


def _tile_list_html(translator: SphinxTranslator, shown: Any) -> str:
    """The tile list's markup, each tile's nodes made and rendered once per build (the same
    tile is on every list that shows its page)."""
    cache = translator.builder.__dict__
    data: _TileData | None = cache.get("_ga4gh_tile_data")
    if data is None:
        # the pages' front matters do not change while pages are written
        data = cache["_ga4gh_tile_data"] = _TileData(translator.builder.env)
    simple = bool(shown["simple"])

    def builder(docname: str) -> Callable[[LinkMaker], nodes.Element]:
        return lambda link: data.tile(docname, simple, link)

    items = [(("tile", simple, docname), builder(docname)) for docname in shown["docnames"]]
    return render_cached_items(translator, _empty_tile_list(shown), items)


register_renderer("tiles", _tile_list_nodes)
register_html_renderer("tiles", _tile_list_html)


def _simple_tile(
    domain: Ga4ghDomain, docname: str, page: FrontMatter, link: LinkMaker
) -> nodes.list_item:
    """The theme's ``-simple`` tiles: a button with the title and the page's flag."""
    title = domain.page_title(docname)
    tile = nodes.list_item("", classes=["ga4gh-tile", "ga4gh-tile-simple"])
    # one node in the link: the resolver keeps only the first
    label = nodes.inline("", "", nodes.strong(title, title))
    code = page.country_code.upper()
    countries = domain.site.countries
    if code in countries and flag_emoji(code):
        label += tile_flag("", code=code, name=countries[code])
    tile += nodes.paragraph("", "", link(docname, label), classes=["ga4gh-tile-title"])
    return tile


def _tile(
    domain: Ga4ghDomain,
    docname: str,
    page: FrontMatter,
    country_pages: dict[str, str],
    link: LinkMaker,
) -> nodes.list_item:
    title = domain.page_title(docname)
    tile = nodes.list_item("", classes=["ga4gh-tile"])
    if page.page_img and (uri := _existing_image(domain.env, page_img_path(page.page_img))):
        tile["classes"].append("ga4gh-tile-with-image")
        alt = _("logo of {title}").format(title=title)
        tile += tile_image("", uri=uri, alt=alt, classes=["ga4gh-tile-page-img"])
    label = tile_type_label(page.type, domain.env.config.ga4gh_page_type_labels)
    if label:
        # HTML: the icon and type over the title, as the theme; on paper and in text the
        # type follows the title ("Beacon — standards"), so each item starts with its title.
        kind = nodes.paragraph("", "", classes=["ga4gh-tile-type"])
        if page.type_img and (uri := _existing_image(domain.env, page.type_img)):
            alt = _("{type} icon").format(type=label)
            kind += tile_image("", uri=uri, alt=alt, classes=["ga4gh-tile-type-icon"])
        kind += nodes.inline(label, label, classes=["ga4gh-tile-type-label"])
        tile += only("", kind, expr="html")
    heading = nodes.paragraph("", "", classes=["ga4gh-tile-title"])
    heading += link(docname, nodes.strong(title, title))
    if label:
        heading += only("", nodes.inline("", f" — {label}"), expr="not html")
    tile += heading
    if page.description:
        tile += nodes.paragraph(page.description, page.description)
    if page.affiliations:
        tile += _supporters(domain, page.affiliations, country_pages, link)
    return tile


def _existing_image(env: BuildEnvironment, site_path: str) -> str:
    """The image's URI, or nothing when the project has no such file (the page was warned
    about when it was read): a tile with no picture rather than a broken one."""
    uri = image_uri(site_path)
    return uri if uri and image_exists(env.srcdir, uri) else ""


def _supporters(
    domain: Ga4ghDomain, names: list[str], country_pages: dict[str, str], link: LinkMaker
) -> nodes.paragraph:
    """Logos (or names) of the page's organisations and flags of its countries, each a
    link to the organisation's site or the country's page, as the theme draws them."""
    site = domain.site
    line = nodes.paragraph("", "", classes=["ga4gh-tile-affiliations"])
    label = str(_("Supported by:"))
    line += nodes.strong(label, label, classes=["ga4gh-tile-supporters-label"])
    for index, name in enumerate(sorted(names)):  # the theme sorts them
        line += _separator(" " if index == 0 else ", ")
        if is_country_code(name):
            code = name.upper()
            country = site.countries.get(code, code)
            # an unknown code (reported with the page's people) is shown as written
            flag = flag_emoji(code) if code in site.countries else ""
            supporter = tile_supporter("", nodes.Text(country), name=country, flag=flag, uri="")
            supporter["classes"] += ["ga4gh-badge-affiliation", "ga4gh-tile-country"]
            target = country_pages.get(code)
            line += link(target, supporter) if target else supporter
            continue
        org = site.affiliations.get(name)
        uri = image_uri(org.image_url) if org is not None and org.image_url else ""
        supporter = tile_supporter("", nodes.Text(name), name=name, flag="", uri=uri)
        supporter["classes"].append("ga4gh-badge-affiliation")
        if org is not None and org.url and is_safe_url(org.url):
            line += nodes.reference("", "", supporter, refuri=org.url)
        else:
            line += supporter
    return line


class tile_image(nodes.Inline, nodes.Element):
    """A section icon, page picture or logo on a tile: HTML only (``uri`` a site path, made
    relative to the page when it is written, or an http(s) URL)."""


class tile_flag(nodes.Inline, nodes.Element):
    """A country's flag after a simple tile's title: HTML only (the title names the country)."""


class tile_supporter(nodes.Inline, nodes.TextElement):
    """An organisation or country supporting a page: its logo or flag in HTML (with its name
    as alternative text), its name elsewhere (the child text)."""


#: Country codes the theme accepts that are not ISO 3166 codes (flag emoji exist for ISO ones).
_FLAG_CODES = {"UK": "GB", "EL": "GR"}


def flag_emoji(code: str) -> str:
    """The flag of a two-letter country code as regional indicator symbols (no image, no
    web font); empty for anything else."""
    code = _FLAG_CODES.get(code.upper(), code.upper())
    if len(code) != 2 or not all("A" <= letter <= "Z" for letter in code):
        return ""
    return "".join(chr(0x1F1E6 + ord(letter) - ord("A")) for letter in code)


def _separator(text: str) -> nodes.inline:
    """Between supporters: HTML lays them out with gaps (and hides it); on paper it keeps
    the names apart."""
    return nodes.inline(text, text, classes=["ga4gh-separator"])


# --- visitors ---------------------------------------------------------------------------------


def visit_tile_image_html(self: Any, node: tile_image) -> None:
    self.body.append(
        self.starttag(
            node,
            "img",
            "",
            empty=True,
            src=page_file_uri(self, node["uri"]),
            alt=node["alt"],
            loading="lazy",
        )
    )
    raise nodes.SkipNode


def visit_tile_flag_html(self: Any, node: tile_flag) -> None:
    # Decorative: the tile's title names the page (the country), as the theme's flag does.
    self.body.append(
        self.starttag(node, "span", "", CLASS="ga4gh-flag", title=node["name"]).replace(
            "<span", '<span aria-hidden="true"', 1
        )
        + flag_emoji(node["code"])
        + "</span>"
    )
    raise nodes.SkipNode


def visit_tile_supporter_html(self: Any, node: tile_supporter) -> None:
    name = node["name"]
    self.body.append(
        self.starttag(
            node, "span", "", CLASS="ga4gh-tile-supporter", title=name, **{"data-name": name}
        )
    )
    if node["uri"]:
        # a plain tag: the supporter's classes (which ga4gh.js reads) stay on the supporter
        src = page_file_uri(self, node["uri"])
        alt = _("logo of {name}").format(name=name)
        self.body.append(
            f'<img src="{self.attval(src)}" alt="{self.attval(alt)}" class="ga4gh-tile-logo"'
            ' loading="lazy" />'
        )
    elif node["flag"]:
        self.body.append(
            f'<span class="ga4gh-flag" role="img" aria-label="{self.attval(name)}">'
            f"{node['flag']}</span>"
        )
    else:
        self.body.append(self.encode(name))
    self.body.append("</span>")
    raise nodes.SkipNode


def skip_node(self: SphinxTranslator, node: nodes.Element) -> None:
    raise nodes.SkipNode


def visit_children(self: SphinxTranslator, node: nodes.Element) -> None:
    pass


def depart_nothing(self: SphinxTranslator, node: nodes.Element) -> None:
    pass


_OTHER_BUILDERS = ("latex", "text", "man", "texinfo")
#: Images and flags are HTML only; a supporter is its name on paper and in text.
TILE_IMAGE_VISITORS: dict[str, tuple[Any, Any]] = {
    builder: (skip_node, depart_nothing) for builder in _OTHER_BUILDERS
}
TILE_IMAGE_VISITORS["html"] = (visit_tile_image_html, depart_nothing)
TILE_FLAG_VISITORS: dict[str, tuple[Any, Any]] = {
    builder: (skip_node, depart_nothing) for builder in _OTHER_BUILDERS
}
TILE_FLAG_VISITORS["html"] = (visit_tile_flag_html, depart_nothing)
TILE_SUPPORTER_VISITORS: dict[str, tuple[Any, Any]] = {
    builder: (visit_children, depart_nothing) for builder in _OTHER_BUILDERS
}
TILE_SUPPORTER_VISITORS["html"] = (visit_tile_supporter_html, depart_nothing)


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
