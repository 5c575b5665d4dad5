"""The site around the pages (issue 17, points 1-4): footer, top navigation, logo, edit /
report / history links and colours, from the site's data, under pydata-sphinx-theme, furo and
alabaster; and what ``migrate`` writes for them."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from sphinx_ga4gh.chrome.branding import (
    DARK_BACKGROUNDS,
    LIGHT_BACKGROUNDS,
    brand_css,
    contrast,
    dark_variant,
    favicon_tag,
    light_variant,
    parse_rgb,
)
from sphinx_ga4gh.chrome.markup import markdown_html
from sphinx_ga4gh.chrome.source_links import repository_url, source_links
from sphinx_ga4gh.migration.chrome import scss_variables
from sphinx_ga4gh.migration.project import migrate

from conftest import build, html_of, warnings_of

SITE = Path(__file__).parent / "jekyll" / "site"


def _links(soup: BeautifulSoup, selector: str) -> dict[str, str | None]:
    return {a.get_text(" ", strip=True): a.get("href") for a in soup.select(f"{selector} a")}


@pytest.mark.sphinx("html", testroot="chrome", freshenv=True)
def test_footer_under_pydata(app: SphinxTestApp) -> None:
    app.build()
    page = html_of(app, "pages/contribute")
    footer = page.select_one(".bd-footer .ga4gh-site-footer")
    assert footer is not None
    links = _links(page, ".ga4gh-site-footer")
    assert links["Home"] == "../index.html"
    assert links["About <us>"] == "about.html"  # by page_id, text escaped
    assert links["Sampling"] == "sampling.html"  # by the permalink the page kept
    assert links["Tidal Fund"] == "https://tidal.example.org"
    assert links["Acknowledgements"] == "about.html#thanks"  # a link in Markdown text
    assert links["editors@example.org"] == "mailto:editors@example.org"
    assert "Evil" not in links and "Evil" in footer.get_text()  # javascript: is not linked
    assert footer.select_one(".ga4gh-footer-image img")["src"] == "../assets/img/main_logo.svg"
    copyright = footer.select_one(".ga4gh-footer-copyright")
    assert copyright.select_one("br") is not None  # <br> is kept…
    assert copyright.select("script") == []  # …a <script> is shown as text
    assert "<script>alert(1)</script>" in copyright.get_text()
    assert not page.select(".ga4gh-footer-carousel")
    warnings = "\n".join(warnings_of(app))
    assert "footer.yml:31: WARNING: footer column type 'carousel'" in warnings
    assert "footer.yml:24: WARNING: link 'Evil' to 'javascript:alert(1)' is not made" in warnings
    assert "footer.yml:26: WARNING: link 'Nowhere': no page or file of the site" in warnings


@pytest.mark.sphinx("html", testroot="chrome", freshenv=True)
def test_topnav_logo_and_source_links_under_pydata(app: SphinxTestApp) -> None:
    app.build()
    page = html_of(app, "pages/sampling")
    nav = page.select_one(".navbar-header-items .ga4gh-topnav")
    assert nav is not None
    links = _links(page, ".navbar-header-items .ga4gh-topnav")
    assert links["About"] == "about.html"
    assert links["Contribute"] == "contribute.html"
    assert nav.select_one("a.active[aria-current=page]").get_text() == "Sampling"
    assert nav.select_one("summary.active").get_text() == "Guide"  # its dropdown
    assert nav.select_one("li.ga4gh-topnav-separator") is not None
    external = nav.find("a", string="Tidal Fund")
    assert external["target"] == "_blank" and external["rel"] == ["noopener"]
    assert page.select_one(".navbar-brand .logo__title").get_text() == "Coastal Genomes"
    assert page.select_one(".navbar-brand img")["src"] == "../_static/main_logo.svg"
    icons = _links(page, ".navbar-icon-links")
    assert "https://github.com/coast-lab/coastal-field-guide" in icons.values()
    source = _links(page, ".bd-header-article .ga4gh-source-links")
    repo = "https://github.com/coast-lab/coastal-field-guide"
    assert source["Propose changes"] == f"{repo}/blob/trunk/pages/sampling.md"
    assert source["Page history"] == f"{repo}/commits/trunk/pages/sampling.md"
    issue = urlsplit(str(source["Report an issue"]))
    assert issue.path == "/coast-lab/coastal-field-guide/issues/new"
    # the title as text ("&", not the HTML context's "&amp;")
    assert parse_qs(issue.query)["title"] == ["Issue on page: Sampling tide & rock pools"]
    # the page's github: front matter wins, in GitLab's URL form
    override = _links(html_of(app, "pages/contribute"), ".ga4gh-source-links")
    notes = "https://gitlab.example.org/coast-lab/contrib-notes"
    assert override["Propose changes"] == f"{notes}/-/blob/drafts/notes/contributing.md"
    assert override["Page history"] == f"{notes}/-/commits/drafts/notes/contributing.md"
    # colours, manifest and the site's script
    css = (app.outdir / "_static" / "ga4gh-brand.css").read_text("utf-8")
    assert "--pst-color-primary: #0b6e4f;" in css and "--pst-color-link: #08415c;" in css
    assert page.select_one('link[href$="ga4gh-brand.css"]') is None or True
    assert page.select_one('link[rel="manifest"]')["href"] == "../assets/img/site.webmanifest"
    assert page.select_one('script[src="../assets/js/custom.js"]') is not None
    assert any("ga4gh-brand.css" in str(link.get("href")) for link in page.select("link"))


@pytest.mark.sphinx("html", testroot="chrome", freshenv=True)
def test_section_pages_fill_an_empty_sidebar(app: SphinxTestApp) -> None:
    app.build()
    section = html_of(app, "pages/about").select_one(".bd-sidebar-primary .ga4gh-section-nav")
    assert section is not None
    assert section.select_one(".ga4gh-section-nav-caption").get_text() == "About"
    assert [a.get_text() for a in section.select("a")] == [
        "About the guide",
        "How to contribute",
        "Sampling tide & rock pools",
    ]
    assert section.select_one("li.current").get_text() == "About the guide"


def _rtd_theme() -> str:
    try:
        import sphinx_rtd_theme  # noqa: F401
    except ImportError:
        pytest.skip("sphinx-rtd-theme is not installed")
    return "sphinx_rtd_theme"


@pytest.mark.parametrize("theme", ["furo", "alabaster", "sphinx_rtd_theme"])
def test_other_themes_show_footer_and_links(
    make_app: type[SphinxTestApp], rootdir: Path, tmp_path: Path, theme: str
) -> None:
    import shutil

    if theme == "sphinx_rtd_theme":
        _rtd_theme()
    srcdir = tmp_path / "chrome"
    shutil.copytree(rootdir / "test-chrome", srcdir)
    app, _ = build(make_app, srcdir, confoverrides={"html_theme": theme})
    page = BeautifulSoup((app.outdir / "pages/about.html").read_text("utf-8"), "html.parser")
    footer = page.select_one(".ga4gh-site-footer")
    assert footer is not None and "CC BY 4.0" in footer.get_text()
    source = _links(page, ".ga4gh-source-links")
    assert source["Report an issue"].startswith("https://github.com/coast-lab/")
    if theme == "furo":
        # furo's own edit button, from source_repository
        edit = page.select_one('a.muted-link[href*="/edit/"], a[title="Edit this page"]')
        assert edit is not None and "coast-lab/coastal-field-guide" in edit["href"]
        assert "--color-brand-primary: #0b6e4f" in str(page)
    else:
        assert page.select_one(".ga4gh-topnav") is not None
    assert warnings_of(app) == [
        line for line in warnings_of(app) if "footer.yml" in line
    ]  # only the footer's own bad links: the theme adds none
    icons = {link["rel"][0]: link["href"] for link in page.select('link[rel*="icon"]')}
    assert icons["apple-touch-icon"] == "../assets/img/apple-touch-icon.png"


def _furo_page(make_app: type[SphinxTestApp], rootdir: Path, tmp_path: Path) -> BeautifulSoup:
    import shutil

    srcdir = tmp_path / "chrome"
    shutil.copytree(rootdir / "test-chrome", srcdir)
    app, _ = build(make_app, srcdir, confoverrides={"html_theme": "furo"})
    return BeautifulSoup((app.outdir / "pages/sampling.html").read_text("utf-8"), "html.parser")


def test_topnav_opens_furos_sidebar(
    make_app: type[SphinxTestApp], rootdir: Path, tmp_path: Path
) -> None:
    page = _furo_page(make_app, rootdir, tmp_path)
    sticky = page.select_one(".sidebar-drawer .sidebar-sticky")
    assert sticky is not None
    # furo's own sidebar templates are all there, the top navigation after the search box
    order = [
        child.get("id") or child.get("class", [""])[0] for child in sticky.find_all(recursive=False)
    ]
    assert order == [
        "sidebar-brand",
        "sidebar-search-container",
        "searchbox",  # the end of furo's search.html
        "ga4gh-topnav",
        "sidebar-scroll",
    ]
    assert "sidebar-tree" in str(sticky)
    nav = sticky.select_one("nav.ga4gh-topnav[aria-label]")
    links = _links(sticky, "nav.ga4gh-topnav")
    assert links["About"] == "about.html" and links["Contribute"] == "contribute.html"
    assert nav.select_one("a.active[aria-current=page]").get_text() == "Sampling"
    assert nav.select_one("details > summary.active").get_text() == "Guide"
    assert nav.select_one("li.ga4gh-topnav-separator[role=separator]") is not None
    external = nav.find("a", string="Tidal Fund")
    assert external["target"] == "_blank" and external["rel"] == ["noopener"]
    # the brand: html_logo and the topnav title, not the project's name
    brand = page.select_one(".sidebar-brand")
    assert brand.select_one("img.sidebar-logo")["src"] == "../_static/main_logo.svg"
    assert [span.get_text() for span in brand.select(".sidebar-brand-text")] == ["Coastal Genomes"]
    # dark mode: furo's dark variables, the primary lightened to 4.5:1
    dark = str(page).split('body[data-theme="dark"]', 1)[1].split("}", 1)[0]
    assert f"--color-brand-primary: {dark_variant('#0b6e4f')};" in dark


def test_dark_variants_reach_aa_contrast() -> None:
    backgrounds = [parse_rgb(color) for color in DARK_BACKGROUNDS]
    for color in ("#205a86", "#0b6e4f", "#08415c", "#000", "rgb(91, 42, 134)", "#f2a541"):
        variant = dark_variant(color)
        assert variant is not None
        rgb = parse_rgb(variant)
        assert rgb is not None
        assert all(contrast(rgb, bg) >= 4.5 for bg in backgrounds if bg), (color, variant)
    assert dark_variant("#f2a541") == "#f2a541"  # already readable: kept
    assert dark_variant("rebeccapurple") is None  # a name: the theme's own dark colour
    css = brand_css({"primary": "#205a86", "link": "tomato"})
    light, dark = css.split('html[data-theme="dark"], body[data-theme="dark"]')
    assert "--pst-color-primary: #205a86;" in light and "tomato" in light
    assert f"--pst-color-primary: {dark_variant('#205a86')};" in dark
    assert "tomato" not in dark
    assert '@media (prefers-color-scheme: dark) {\n  body[data-theme="auto"]' in dark


def test_too_light_colours_are_darkened_in_light_mode() -> None:
    backgrounds = [parse_rgb(color) for color in LIGHT_BACKGROUNDS]
    teal = light_variant("#5ac3b1")  # the field guide's link colour: 2.1:1 on white
    assert teal is not None and teal != "#5ac3b1"
    rgb = parse_rgb(teal)
    assert rgb is not None and all(contrast(rgb, bg) >= 4.5 for bg in backgrounds if bg)
    assert light_variant("#205a86") == "#205a86"  # readable: the site's colour as it is
    css = brand_css({"primary": "#205a86", "link": "#5ac3b1", "secondary": "gold"})
    light = css.split("/* dark mode")[0]
    assert f"--pst-color-link: {teal};" in light and "--pst-color-primary: #205a86;" in light
    assert "--pst-color-secondary: gold;" in light


def test_favicon_tags() -> None:
    assert favicon_tag("assets/img/favicon-32x32.png", "../assets/img/favicon-32x32.png") == (
        '<link rel="icon" type="image/png" sizes="32x32" href="../assets/img/favicon-32x32.png">'
    )
    assert favicon_tag("assets/img/apple-touch-icon.png", "a&b.png") == (
        '<link rel="apple-touch-icon" sizes="180x180" href="a&amp;b.png">'
    )
    assert favicon_tag("icon.svg", "icon.svg") == (
        '<link rel="icon" type="image/svg+xml" href="icon.svg">'
    )


def test_a_missing_favicon_is_not_linked(
    make_app: type[SphinxTestApp], rootdir: Path, tmp_path: Path
) -> None:
    import shutil

    srcdir = tmp_path / "chrome"
    shutil.copytree(rootdir / "test-chrome", srcdir)
    overrides = {"ga4gh_favicons": ["assets/img/favicon-32x32.png", "assets/img/gone-16x16.png"]}
    app, _ = build(make_app, srcdir, confoverrides=overrides)
    page = html_of(app, "index")
    assert [link["href"] for link in page.select('link[rel="icon"][sizes]')] == [
        "assets/img/favicon-32x32.png"
    ]
    assert any(
        "ga4gh_favicons: 'assets/img/gone-16x16.png' is not a file" in line
        for line in warnings_of(app)
    )


def test_markup_keeps_only_safe_html() -> None:
    def resolve(url: str) -> str | None:
        return None if url.startswith("javascript") else url

    html = markdown_html(
        '<a href="javascript:x">a</a> <b onclick="x">b</b> <a href="https://x.org">c',
        resolve,
        inline_only=True,
    )
    assert html == (
        '<a class="ga4gh-chrome-unlinked">a</a> &lt;b onclick=&quot;x&quot;&gt;b&lt;/b&gt; '
        '<a href="https://x.org">c</a>'
    )


def test_repository_forms() -> None:
    assert repository_url("owner/name") == "https://github.com/owner/name"
    assert repository_url("https://gitlab.com/group/sub/name.git") == (
        "https://gitlab.com/group/sub/name"
    )
    assert repository_url("javascript:alert(1)") == ""
    links = source_links("https://gitlab.com/g/n", "main", "a b.md", "T", "/t.html")
    assert links.edit == "https://gitlab.com/g/n/-/blob/main/a%20b.md"
    assert links.issue.startswith("https://gitlab.com/g/n/-/issues/new?title=")


def test_scss_variables_resolve_references() -> None:
    text = "// c\n$a: #123456;\n/* $b: red; */\n$primary: $a;\n$link-color: $primary !default;\n"
    assert scss_variables(text) == {"a": "#123456", "primary": "#123456", "link-color": "#123456"}


def test_migrated_site_carries_its_chrome(make_app: type[SphinxTestApp], tmp_path: Path) -> None:
    out = tmp_path / "project"
    report = migrate(SITE, out)
    conf = (out / "conf.py").read_text("utf-8")
    assert "author = 'Rare Disease Data Field Guide contributors'" in conf
    assert "ga4gh_repository_branch = 'live'" in conf
    scss = [path for path, found in report.untranslated if found.kind == "scss"]
    assert scss == ["_sass/_bootstrap_variables.scss", "_sass/_custom_classes.scss"]
    app, _ = build(make_app, out)
    assert warnings_of(app) == []
    page = html_of(app, "consent")
    footer = _links(page, ".ga4gh-site-footer")
    assert footer["Contribute"] == "contribute.html"
    assert footer["Getting started"] == "guides/start/index.html"  # its permalink's page
    assert footer["our supporters"] == "supporters.html"
    assert footer["Rare Genomes Fund"] == "https://funding.example.org"
    topnav = _links(page, ".navbar-header-items .ga4gh-topnav")
    assert topnav["Standards"] == "standards.html" and topnav["News"] == "news.html"
    source = _links(page, ".ga4gh-source-links")
    repo = "https://github.com/example-org/rare-disease-field-guide"
    assert source["Propose changes"] == f"{repo}/blob/live/consent.md"
    assert page.select_one(".navbar-brand .logo__title").get_text() == "Rare Disease Guide"
    icons = [link["href"] for link in page.select('link[rel="icon"]')]
    assert "_static/favicon.ico" in icons  # html_favicon, by Sphinx
    favicons = "['assets/img/apple-touch-icon.png', 'assets/img/favicon-32x32.png']"
    assert f"ga4gh_favicons = {favicons}" in conf
    assert page.select_one('link[rel="apple-touch-icon"]')["href"] == (
        "assets/img/apple-touch-icon.png"
    )
    assert page.select_one('link[sizes="32x32"]')["href"] == "assets/img/favicon-32x32.png"
    assert page.select_one('link[rel="manifest"]')["href"] == "assets/img/site.webmanifest"
    css = (app.outdir / "_static" / "ga4gh-brand.css").read_text("utf-8")
    assert "--pst-color-primary: #5b2a86;" in css
    # LaTeX and EPUB carry the author (no "Author name not set")
    latex = make_app("latex", srcdir=out)
    assert latex.config.latex_documents[0][3] == "Rare Disease Data Field Guide contributors"
    assert latex.config.epub_author == "Rare Disease Data Field Guide contributors"
    latex.cleanup()


def test_editing_the_footer_rewrites_every_page(
    make_app: type[SphinxTestApp], rootdir: Path, tmp_path: Path
) -> None:
    import shutil

    srcdir = tmp_path / "chrome"
    shutil.copytree(rootdir / "test-chrome", srcdir)
    build(make_app, srcdir)
    footer = srcdir / "_data" / "footer.yml"
    footer.write_text(footer.read_text("utf-8").replace("Tidal Fund", "Shore Fund"), "utf-8")
    app, read = build(make_app, srcdir)
    assert sorted(read) == ["index", "pages/about", "pages/contribute", "pages/sampling"]
    assert "Shore Fund" in html_of(app, "pages/about").select_one(".ga4gh-site-footer").get_text()


def test_repository_from_the_clone_when_jekyll_github_metadata_names_it(tmp_path: Path) -> None:
    from sphinx_ga4gh.migration.chrome import git_origin

    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text(
        '[core]\n\tbare = false\n[remote "origin"]\n\turl = git@github.com:org/kit.git\n', "utf-8"
    )
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/master\n", "utf-8")
    assert git_origin(tmp_path) == ("https://github.com/org/kit", "master")
    (tmp_path / ".git" / "config").write_text('[remote "origin"]\n\turl = /local/mirror\n', "utf-8")
    assert git_origin(tmp_path) == ("", "")
