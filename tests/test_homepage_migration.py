"""An HTML homepage (``index.html``, ``layout: none``) migrated to a MyST root page: its texts,
links, search box, tiles of the sidebar its ``_config.yml`` defaults name, news and events, the
report listing line by line what is lost; hostile HTML never reaches the built page."""

from __future__ import annotations

from pathlib import Path

from sphinx.testing.util import SphinxTestApp

from sphinx_ga4gh.migration.homepage import escape_markdown
from sphinx_ga4gh.migration.project import migrate

from conftest import build, html_of, warnings_of

SITE = Path(__file__).parent / "jekyll" / "site"


def test_the_invented_sites_homepage_keeps_what_readers_see(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    out = tmp_path / "project"
    migrate(SITE, out)
    app, _ = build(make_app, out)
    assert warnings_of(app) == []
    home = html_of(app, "index")
    article = home.select_one("[role='main'], .body, article") or home
    text = article.get_text(" ")
    assert home.select_one("h1").get_text().rstrip("¶#") == "Rare Disease Data Field Guide"
    assert "A guide for clinicians & researchers who share rare-disease genomes [beta]." in (
        " ".join(text.split())
    )
    # The search box sends q to Sphinx's search page.
    form = home.select_one("form.ga4gh-home-search")
    assert form["action"] == "search.html" and form["method"] == "get"
    assert form.select_one("input[type=search]")["name"] == "q"
    assert form.select_one("input")["aria-label"] == "Search Rare Disease Data Field Guide"
    # Tiles: the main sidebar's items, their images, titles (links) and descriptions.
    tiles = home.select(".ga4gh-home-tiles li")
    titles = [tile.select_one("strong").get_text() for tile in tiles]
    assert titles == ["Standards", "Getting started", "Policies", "GA4GH website"]
    assert tiles[0].select_one("img")["alt"] == "Standards icon"
    assert (app.outdir / tiles[0].select_one("img")["src"]).is_file()
    assert tiles[0].select_one("a")["href"] == "standards.html"
    assert "one page each" in tiles[0].get_text()
    # Links, the call to contribute, the frame as a link, news and events.
    links = {a.get_text(): a["href"] for a in home.select("a[href]")}
    assert links["its contributors"] == "contributors.html"
    assert links["Start contributing"] == "contribute.html"
    assert links["Write to us"] == "mailto:editors%40guide.example.org"  # markdown-it's form
    assert links["Introduction video"] == "https://video.example.org/embed/intro"
    assert "Consent page rewritten" in text and "Writing sprint & review" in text
    assert "2 April 2026 \N{EN DASH} 3 April 2026 · Leiden" in " ".join(text.split())
    # Nothing of the page's scripts, handlers or script links.
    page = (app.outdir / "index.html").read_text("utf-8")
    assert "alert(" not in page and "javascript:" not in page and "onerror" not in page
    assert "kit.example.org" not in page


def test_the_report_lists_what_could_not_be_carried(tmp_path: Path) -> None:
    report = migrate(SITE, tmp_path / "out")
    lost = [
        (found.line, found.source) for path, found in report.untranslated if path == "index.html"
    ]
    assert lost == [
        (8, "<script>"),
        (44, "<a href='javascript:alert(1)'>"),
        (56, "{{ pages.size }}"),
        (62, "<script>"),
    ]
    notes = {(found.line, found.kind) for path, found in report.notes if path == "index.html"}
    assert (47, "homepage") in notes  # the frame became a link
    # events.html became the directive that reads _data/events.yml at build time: no note
    assert (51, "events") not in notes
    assert "```{events}" in (tmp_path / "out" / "index.md").read_text("utf-8")


def _site(root: Path, index: str, config: str = "title: Guide\n") -> Path:
    (root / "_data" / "sidebars").mkdir(parents=True)
    (root / "_config.yml").write_text(config, "utf-8")
    (root / "index.html").write_text(index, "utf-8")
    return root


def test_tiles_come_from_the_sidebar_the_homepages_defaults_name(tmp_path: Path) -> None:
    config = (
        "title: Kit\ndefaults:\n  - scope: {path: ''}\n    values: {sidebar: data}\n"
        "  - scope: {path: 'about'}\n    values: {sidebar: about}\n"
    )
    site = _site(
        tmp_path / "site",
        "---\nlayout: none\n---\n<div>{% for folder in sidebar.subitems %}x{% endfor %}</div>\n",
        config,
    )
    sidebars = site / "_data" / "sidebars"
    (sidebars / "about.yml").write_text("subitems:\n  - title: About us\n    url: /about\n")
    (sidebars / "data.yml").write_text(
        "subitems:\n  - title: Data life cycle\n    url: /cycle\n    description: Stages.\n"
    )
    migrate(site, tmp_path / "out")
    home = (tmp_path / "out" / "index.md").read_text("utf-8")
    assert "**Data life cycle**" in home and "Stages." in home
    assert "About us" not in home.split("```{toctree}")[0]


def test_hostile_html_and_site_values_stay_text(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    index = (
        "---\nlayout: none\n---\n"
        "<h1>{{ site.title }}</h1>\n"
        '<p onclick="alert(1)">*not emphasis* [not](a-link) {tool}`x` <u>kept text</u></p>\n'
        '<img src="x" onerror="alert(2)"><img src="data:text/html,<script>alert(3)</script>">\n'
        '<a href="javascript:alert(4)">run</a> <a href="/x" style="x">styled</a>\n'
        "<script>alert(5)</script><style>body{}</style><svg><script>alert(6)</script></svg>\n"
        '<form role="search"><input name="q"></form>\n'
        "<p>```{raw} html\n&lt;script&gt;alert(7)&lt;/script&gt;\n```</p>\n"
    )
    config = "title: '<script>alert(8)</script> & ```{raw} html'\n"
    site = _site(tmp_path / "site", index, config)
    report = migrate(site, tmp_path / "out")
    app, _ = build(make_app, tmp_path / "out")
    page = (app.outdir / "index.html").read_text("utf-8")
    for payload in ("alert(1)", "alert(2)", "alert(3)", "alert(4)", "alert(5)", "alert(6)"):
        assert payload not in page, payload
    assert "<script>alert" not in page and "onerror" not in page and "javascript:" not in page
    home = html_of(app, "index")
    assert "*not emphasis* [not](a-link) {tool}`x` kept text" in home.get_text()
    assert "<script>alert(8)</script> & ```{raw} html" in home.select_one("h1").get_text()
    search = home.select_one("form.ga4gh-home-search input")
    assert search["aria-label"] == "Search <script>alert(8)</script> & ```{raw} html"
    lost = [found.source for path, found in report.untranslated if path == "index.html"]
    assert "<script>" in lost and "<a href='javascript:alert(4)'>" in lost and "<img>" in lost


def test_escape_markdown_leaves_no_syntax() -> None:
    assert escape_markdown("- a *b* [c](d) <e> `f` 1. g") == (
        r"\- a \*b\* \[c\](d) \<e\> \`f\` 1. g"
    )
    assert escape_markdown("2. item") == r"2\. item"
