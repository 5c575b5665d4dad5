"""The site around the pages ("chrome"): footer, top navigation, logo title, edit / report /
history links and the site's colours.

Each theme's own settings are used where they do the job; what no setting does is rendered
by us into ``ga4gh-*.html`` templates (this package's ``templates`` folder, added to
``templates_path``):

- pydata-sphinx-theme: ``footer_start`` (the footer; the credits in ``footer_end``),
  ``navbar_center`` and ``navbar_align`` (the top navigation, at the right, in place of the
  toctree links), ``article_header_end`` (edit / report / history), ``primary_sidebar_end``
  (a section's pages where its sidebar is empty, :mod:`.section_nav`), ``logo.text``
  (``ga4gh_topnav_title``) and ``icon_links`` (the repository);
- furo: ``source_repository`` / ``source_branch`` / ``source_directory`` (its edit and view
  buttons) and ``light_css_variables`` (the colours); footer and report / history links in
  its page footer block, through our ``page.html``;
- any other theme: the same ``page.html`` puts the top navigation and the links over the page
  body and the footer in the ``footer`` block that Sphinx's basic theme defines.

A value set in ``html_theme_options`` is never replaced. Everything read from the site is
escaped (:mod:`.render`, :mod:`.markup`) and links only go to safe URLs.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx.util.fileutil import copy_asset_file

from ..data.diagnostics import Diagnostic, SourceLocation, conf_line
from ..layout import PYDATA_THEME
from ..reporting import report, warn
from .branding import (
    FURO_VARIABLES,
    brand_colors,
    brand_css,
    dark_colors,
    head_tags,
    light_colors,
)
from .data import Footer, Link, TopNav, load_footer, load_topnav
from .page_titles import setup_page_titles
from .prerendered import Prerendered, prerender
from .render import footer_html, topnav_html
from .section_nav import Section, root_sections, section_nav_html
from .site_links import Target, page_for_url, resolve
from .source_links import repository_url, source_links, source_links_html

TEMPLATES_DIR = Path(__file__).parent / "templates"
STATIC_DIR = Path(__file__).parent / "static"
FURO = "furo"


class _Chrome:
    """What the build read once: the footer, the top navigation, the valid colours."""

    def __init__(self) -> None:
        self.footer = Footer()
        self.topnav = TopNav()
        self.colors: dict[str, str] = {}
        #: The root page's toctrees, read at the first page written.
        self.sections: list[Section] | None = None
        #: The icons of ``ga4gh_favicons`` that exist.
        self.favicons: list[str] = []
        #: Furo's sidebar brand text, when it is ``ga4gh_topnav_title``.
        self.furo_brand_title = ""
        #: The footer and top navigation rendered once (:mod:`.prerendered`), at the first
        #: page written; None where they are rendered for every page.
        self.prerendered = False
        self.footer_prerendered: Prerendered | None = None
        self.topnav_prerendered: Prerendered | None = None
        #: The pages that a top navigation link marks as current: rendered for themselves.
        self.topnav_current_pages: frozenset[str] = frozenset()


def _chrome(app: Sphinx) -> _Chrome:
    chrome = getattr(app, "_ga4gh_chrome", None)
    if chrome is None:
        chrome = _Chrome()
        app._ga4gh_chrome = chrome  # type: ignore[attr-defined]
    return chrome


def _has_file(app: Sphinx, relpath: str | None) -> bool:
    return bool(relpath) and (Path(app.confdir) / str(relpath)).is_file()


def configure_theme(app: Sphinx, config: Config) -> None:
    """``config-inited``: our templates, and the theme's own settings for what they do."""
    templates = [str(path) for path in config.templates_path]
    if str(TEMPLATES_DIR) not in templates:
        config.templates_path = [*templates, str(TEMPLATES_DIR)]
    options: dict[str, Any] = dict(config.html_theme_options or {})
    repository = repository_url(str(config.ga4gh_repository or ""))
    colors, _ = brand_colors(dict(config.ga4gh_brand_colors or {}))
    if config.html_theme == PYDATA_THEME:
        if _has_file(app, config.ga4gh_footer):
            # the site's footer first, over the whole width; the credits under it (its
            # copyright statement is the site's, so not Sphinx's "© Copyright" again)
            options.setdefault("footer_start", ["ga4gh-footer.html"])
            options.setdefault("footer_center", [])
            options.setdefault("footer_end", ["sphinx-version", "theme-version"])
        if _has_file(app, config.ga4gh_topnav):
            options.setdefault("navbar_center", ["ga4gh-topnav.html"])
            # the links at the right, as the ELIXIR toolkit theme has them: the site's
            # (often long) title keeps the room at the left
            options.setdefault("navbar_align", "right")
        if repository:
            options.setdefault("article_header_end", ["ga4gh-source-links.html"])
            icon = "fa-brands fa-gitlab" if "gitlab" in repository else "fa-brands fa-github"
            name = "GitLab" if "gitlab" in repository else "GitHub"
            options.setdefault(
                "icon_links",
                [{"name": name, "url": repository, "icon": icon, "type": "fontawesome"}],
            )
        options.setdefault("primary_sidebar_end", ["ga4gh-section-nav.html"])
        if config.ga4gh_topnav_title:
            options.setdefault("logo", {"text": str(config.ga4gh_topnav_title)})
    elif config.html_theme == FURO:
        if repository:
            options.setdefault("source_repository", repository + "/")
            options.setdefault("source_branch", str(config.ga4gh_repository_branch))
            options.setdefault("source_directory", _folder(config))
        for option, values in (
            ("light_css_variables", light_colors(colors)),
            ("dark_css_variables", dark_colors(colors)),
        ):
            variables = {
                variable: values[name]
                for name, names in FURO_VARIABLES.items()
                if name in values
                for variable in names
            }
            if variables:
                options.setdefault(option, variables)
        if config.ga4gh_topnav_title and "sidebar_hide_name" not in options:
            # the site's topnav title in place of the project's name, beside html_logo
            options["sidebar_hide_name"] = True
            _chrome(app).furo_brand_title = str(config.ga4gh_topnav_title)
    config.html_theme_options = options


def _folder(config: Config) -> str:
    folder = str(config.ga4gh_repository_folder or "").strip("/")
    return f"{folder}/" if folder else ""


def load_chrome(app: Sphinx) -> None:
    """``builder-inited``: read the footer and top navigation, write the colours' CSS."""
    chrome = _chrome(app)
    chrome.prerendered = False
    root = Path(app.confdir)
    problems: list[Diagnostic] = []
    if app.config.ga4gh_footer:
        chrome.footer, found = load_footer(root, str(app.config.ga4gh_footer))
        problems += found
    if app.config.ga4gh_topnav:
        chrome.topnav, found = load_topnav(root, str(app.config.ga4gh_topnav))
        problems += found
    conf_py = root / "conf.py"
    colors, color_problems = brand_colors(dict(app.config.ga4gh_brand_colors or {}))
    line = conf_line(conf_py, "ga4gh_brand_colors")
    problems += [
        Diagnostic(message, SourceLocation(str(conf_py), line), "config")
        for message in color_problems
    ]
    chrome.colors = colors
    chrome.favicons = []
    for path in app.config.ga4gh_favicons:
        if _has_file(app, str(path)):
            chrome.favicons.append(str(path))
        else:
            message = f"ga4gh_favicons: {path!r} is not a file of the project; not linked"
            line = conf_line(conf_py, "ga4gh_favicons")
            problems.append(Diagnostic(message, SourceLocation(str(conf_py), line), "config"))
    for problem in problems:
        report(problem)
    if app.builder.format != "html":
        return
    static_out = Path(app.outdir) / "_static"
    static_out.mkdir(parents=True, exist_ok=True)
    copy_asset_file(STATIC_DIR / "ga4gh-chrome.css", static_out / "ga4gh-chrome.css", force=True)
    app.add_css_file("ga4gh-chrome.css")
    if colors:
        (static_out / "ga4gh-brand.css").write_text(brand_css(colors), encoding="utf-8")
        app.add_css_file("ga4gh-brand.css")


def _all_links(chrome: _Chrome) -> list[tuple[str, Link]]:
    links = [
        (chrome.footer.path, link) for column in chrome.footer.columns for link in column.links
    ]
    for item in chrome.topnav.items:
        links += [(chrome.topnav.path, link) for link in (item, *item.children)]
    return links


def check_links(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-check-consistency``: a footer or topnav link to a page no migrated page is."""
    for path, link in _all_links(_chrome(app)):
        if link.separator or (not link.url and not link.external_url):
            continue
        target = resolve(env, link.url, link.external_url)
        location = f"{Path(app.confdir) / path}:{link.line}"
        if target is None:
            warn(
                f"link {link.text!r} to {link.url or link.external_url!r} is not made",
                "data",
                location,
            )
        elif target.file and not (Path(app.confdir) / target.file).exists():
            message = f"link {link.text!r}: no page or file of the site is {link.url!r}"
            warn(message, "data", location)


def note_chrome_files(app: Sphinx, doctree: Any) -> None:
    """``doctree-read``: every page shows the footer and top navigation, so a change to their
    files writes every page again (incremental builds give what ``-E`` gives)."""
    for relpath in (app.config.ga4gh_footer, app.config.ga4gh_topnav):
        if _has_file(app, relpath):
            app.env.note_dependency(str(Path(app.confdir) / str(relpath)))


def _page_source_path(app: Sphinx, pagename: str) -> str:
    source = Path(app.env.doc2path(pagename))
    relative = source.relative_to(Path(app.srcdir)).as_posix()
    return _folder(app.config) + relative


def _github_override(metadata: dict[str, Any]) -> dict[str, str]:
    value = metadata.get("github")
    if isinstance(value, str):  # myst-parser keeps a mapping of front matter as JSON text
        try:
            value = json.loads(value)
        except ValueError:
            return {}
    if not isinstance(value, dict):
        return {}
    return {str(key): str(item) for key, item in value.items() if isinstance(item, (str, int))}


def _source_links(app: Sphinx, pagename: str, context: dict[str, Any]) -> str:
    config = app.config
    if pagename not in app.env.all_docs:
        return ""
    override = _github_override(app.env.metadata.get(pagename, {}))
    repository = repository_url(
        override.get("repository_url") or str(config.ga4gh_repository or "")
    )
    if not repository:
        return ""
    branch = override.get("branch") or str(config.ga4gh_repository_branch or "main")
    path = override.get("file_path") or _page_source_path(app, pagename)
    # The page's title as text: the context's "title" is HTML ("Passports &amp; Visas"), which
    # the issue form's URL would carry escaped a second time.
    title_node = app.env.titles.get(pagename)
    title = (title_node.astext() if title_node is not None else "") or pagename
    url = "/" + app.builder.get_target_uri(pagename)
    links = source_links(repository, branch, path, title, url)
    return source_links_html(links, [str(name) for name in config.ga4gh_source_buttons])


def _page_of_link(env: BuildEnvironment, link: Link) -> str | None:
    """The page a top navigation link leads to (where it is marked as the current one)."""
    page = page_for_url(env, link.url) if link.url and not link.external_url else None
    return None if page is None else page[0]


def _links_current_on(env: BuildEnvironment, topnav: TopNav) -> frozenset[str]:
    """The pages some top navigation link leads to (there it is marked as the current one)."""
    pages = (_page_of_link(env, link) for item in topnav.items for link in (item, *item.children))
    return frozenset(page for page in pages if page is not None)


def _prerender(app: Sphinx, chrome: _Chrome) -> None:
    """The footer and top navigation with placeholders for the hrefs, once per build (at the
    first page written, when every page is known)."""
    env = app.env

    def resolve_link(url: str, external_url: str) -> Target | None:
        return resolve(env, url, external_url)

    chrome.footer_prerendered = prerender(
        lambda href: footer_html(chrome.footer, href), resolve_link
    )
    chrome.topnav_prerendered = prerender(
        lambda href: topnav_html(chrome.topnav, href, lambda link: False), resolve_link
    )
    chrome.topnav_current_pages = _links_current_on(env, chrome.topnav)
    chrome.prerendered = True


def add_chrome_to_page(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: the chrome's HTML for this page, for our templates."""
    chrome = _chrome(app)
    env = app.env
    pathto = context["pathto"]

    def target_href(target: Target) -> str:
        if target.external:
            return target.external
        if target.file:
            return str(pathto(target.file, 1))
        docname = target.docname or pagename
        if docname == pagename:  # the page itself: its own file name ("" would be the folder)
            uri = app.builder.get_target_uri(pagename).rsplit("/", 1)[-1]
        else:
            uri = app.builder.get_relative_uri(pagename, docname)
        fragment = f"#{target.fragment}" if target.fragment else ""
        return (uri + fragment) or "#"

    def href(url: str, external_url: str) -> str | None:
        target = resolve(env, url, external_url)
        return None if target is None else target_href(target)

    def is_current(link: Link) -> bool:
        return _page_of_link(env, link) == pagename

    if not chrome.prerendered:
        _prerender(app, chrome)
    theme = app.config.html_theme
    context["ga4gh_chrome_mode"] = (
        "pydata" if theme == PYDATA_THEME else "furo" if theme == FURO else "basic"
    )
    context["ga4gh_brand_title"] = chrome.furo_brand_title if theme == FURO else ""
    if chrome.footer_prerendered is not None:
        context["ga4gh_footer_html"] = chrome.footer_prerendered.fill(target_href)
    else:
        context["ga4gh_footer_html"] = footer_html(chrome.footer, href)
    if chrome.topnav_prerendered is not None and pagename not in chrome.topnav_current_pages:
        context["ga4gh_topnav_html"] = chrome.topnav_prerendered.fill(target_href)
    else:
        context["ga4gh_topnav_html"] = topnav_html(chrome.topnav, href, is_current)
    context["ga4gh_source_links_html"] = _source_links(app, pagename, context)
    if theme == PYDATA_THEME:
        if chrome.sections is None:
            chrome.sections = root_sections(env)
        context["ga4gh_section_nav_html"] = section_nav_html(app, pagename, chrome.sections)
    tags = head_tags(
        str(app.config.ga4gh_web_manifest or ""),
        [str(path) for path in app.config.ga4gh_site_js],
        pathto,
        chrome.favicons,
    )
    if tags:
        context["metatags"] = context.get("metatags", "") + "\n" + tags


def setup_chrome(app: Sphinx) -> None:
    # after validate_config (100), before the theme reads its options
    app.connect("config-inited", configure_theme, priority=600)
    app.connect("builder-inited", load_chrome)
    app.connect("doctree-read", note_chrome_files)
    app.connect("env-check-consistency", check_links)
    app.connect("html-page-context", add_chrome_to_page)
    setup_page_titles(app)
