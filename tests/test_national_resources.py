"""National resources everywhere the theme shows them, and registry entries as real registries
write them (issue 14): topic pages list the country pages' resources that name them, a country
page's ref_to_main_resources, registry related_pages and a site's own registry keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from sphinx.testing.util import SphinxTestApp

from sphinx_ga4gh.check import check_site
from sphinx_ga4gh.data.diagnostics import SourceLocation
from sphinx_ga4gh.data.tools import parse_link_types
from sphinx_ga4gh.migration.project import migrate

from conftest import ROOTS, build, copy_root, html_of, table_rows, warnings_of

ROOT = ROOTS / "test-resources"


def _warnings(app: SphinxTestApp) -> list[str]:
    return [line.replace(f"{app.srcdir}/", "") for line in warnings_of(app)]


def _section(soup: BeautifulSoup, heading: str) -> Tag:
    for section in soup.select("section"):
        title = section.find(["h1", "h2", "h3"])
        if title is not None and title.get_text().rstrip("¶#") == heading:
            return section
    raise AssertionError(f"no section {heading!r}")


@pytest.mark.sphinx("html", testroot="resources", freshenv=True)
def test_topic_pages_list_the_national_resources_naming_them(app: SphinxTestApp) -> None:
    app.build()
    section = _section(html_of(app, "analysis"), "National resources")
    assert "Tools and resources tailored to users in different countries." in section.get_text()
    assert [a.get_text() for a in section.select("thead th")] == [
        "Resource",
        "Description",
        "Related pages",
        "Registry",
    ]
    (row,) = section.select("tbody tr")
    name, description, related, registry = row.select("td")
    assert name.a["href"] == "https://compute.example.tl/"
    country = name.select_one("a.reference.internal")
    assert country["href"] == "country.html"
    assert country.select_one(".ga4gh-country.ga4gh-country-tl").get_text() == "Testland"
    assert description.em.get_text() == "compute"
    assert "instance of Galaxy" in description.get_text()
    assert "How to access: Apply with your institution." in description.get_text()
    # the page itself is left out of the related pages, as the theme does
    assert [a.get_text() for a in related.select("a")] == ["Data storage"]
    assert [a.get_text() for a in registry.select("a")] == ["Website", "Training"]
    # `your_tasks` on the page and `Your_tasks` in the entries are one type; by name
    storage = _section(html_of(app, "storage"), "National resources")
    assert [row[0] for row in table_rows(storage)] == [
        "Testland Archive Testland",
        "Testland Compute Testland",
    ]
    # a page without a type gets no section
    assert "National resources" not in html_of(app, "country").get_text()


@pytest.mark.sphinx("html", testroot="resources", freshenv=True)
def test_warnings_point_at_the_entry_and_empty_groups_are_empty(app: SphinxTestApp) -> None:
    app.build()
    found = _warnings(app)
    assert not [line for line in found if "'None'" in line]
    assert "country.md:25: WARNING: unknown page_id 'unknown_task' [ga4gh.page]" in found
    assert (
        "country.md:6: WARNING: ref_to_main_resources: unknown tool id 'missing-tool' "
        "[ga4gh.tool]" in found
    )
    tools = "_data/tool_and_resource_list.yml"
    # a site's own key: once for the whole file, at its first entry; a declared one not at all
    assert (
        f"{tools}:6: WARNING: key 'category' in 2 entries is not a registry key; it is ignored "
        "[ga4gh.tool]" in found
    )
    assert not [line for line in found if "'catalog'" in line]
    assert (
        f"{tools}:16: WARNING: tool 'seqhub': related_pages: unknown page 'nowhere_page' "
        "[ga4gh.tool]" in found
    )
    assert len(found) == 4


@pytest.mark.sphinx("html", testroot="resources", freshenv=True)
def test_country_page_tables(app: SphinxTestApp) -> None:
    app.build()
    soup = html_of(app, "country")
    own = _section(soup, "Tools and resources tailored to this page")
    assert table_rows(own)[1][2] == "Data storage unknown_task"  # the empty group adds nothing
    main = _section(soup, "Testland contributes to")
    assert "Institutions and organisations in Testland are actively involved" in main.get_text()
    (galaxy,) = table_rows(main)
    assert galaxy[0] == "Galaxy"
    assert galaxy[2] == "Data analysis"  # the pages its related_pages name


@pytest.mark.sphinx("html", testroot="resources", freshenv=True)
def test_registry_related_pages_and_extra_columns(app: SphinxTestApp) -> None:
    app.build()
    # analysis mentions no tool: Galaxy is on its table because its entry names the page
    tools = _section(html_of(app, "analysis"), "Tools and resources on this page")
    assert [row[0] for row in table_rows(tools)] == ["Galaxy"]
    index = html_of(app, "index")
    table = index.select_one("table.ga4gh-site-tool-table")
    assert [th.get_text() for th in table.select("thead th")] == [
        "Name",
        "Catalog",
        "Related pages",
    ]
    assert table_rows(table) == [
        ["Galaxy", "Workbench", "Data analysis"],
        ["Lonely tool", "", ""],
        ["SeqHub", "Archive", "Data storage"],
    ]
    # :national-resources: appends every country page's resources
    national = index.select_one("table.ga4gh-topic-national-resources")
    assert [row[0] for row in table_rows(national)] == [
        "Testland Compute Testland",
        "Testland Archive Testland",
    ]


@pytest.mark.sphinx("latex", testroot="resources", freshenv=True)
def test_national_resources_in_the_pdf(app: SphinxTestApp) -> None:
    app.build()
    tex = (app.outdir / "resources.tex").read_text("utf-8")
    assert r"{National resources}" in tex
    assert "Testland Archive" in tex
    assert "Testland contributes to" in tex


def _national(path: Path) -> str:
    soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
    sections = soup.select("section.ga4gh-topic-national-resources")
    return "".join(str(section) for section in sections)


def test_editing_a_country_page_rewrites_the_topic_pages(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    src = copy_root(ROOT, tmp_path, "a")
    build(make_app, src)
    country = src / "country.md"
    text = country.read_text("utf-8").replace("[storage,\n        unknown_task]", "[analysis]")
    country.write_text(text.replace("Keeps data for ten years.", "Keeps data forever."), "utf-8")
    app, read = build(make_app, src)
    assert read == ["country"]
    fresh_src = copy_root(src, tmp_path, "fresh")
    fresh, _ = build(make_app, fresh_src, freshenv=True)
    for page in ("analysis", "storage", "index"):
        assert _national(app.outdir / f"{page}.html") == _national(fresh.outdir / f"{page}.html")
    assert "Keeps data forever." in _national(app.outdir / "analysis.html")
    assert "Testland Archive" not in _national(app.outdir / "storage.html")


def test_editing_registry_related_pages_reads_the_named_pages(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    src = copy_root(ROOT, tmp_path, "a")
    build(make_app, src)
    registry = src / "_data" / "tool_and_resource_list.yml"
    registry.write_text(
        registry.read_text("utf-8").replace("Your_tasks: [analysis]", "Your_tasks: [storage]"),
        "utf-8",
    )
    app, read = build(make_app, src)
    assert {"analysis", "storage"} <= set(read)
    assert "Tools and resources on this page" not in html_of(app, "analysis").get_text()
    tools = _section(html_of(app, "storage"), "Tools and resources on this page")
    assert [row[0] for row in table_rows(tools)] == ["Galaxy", "SeqHub"]


def test_two_processes_give_the_same_pages(make_app: type[SphinxTestApp], tmp_path: Path) -> None:
    serial, _ = build(make_app, copy_root(ROOT, tmp_path, "a"), freshenv=True)
    parallel, _ = build(make_app, copy_root(ROOT, tmp_path, "b"), freshenv=True, parallel=2)
    for page in ("analysis", "storage", "country", "index"):
        one = (serial.outdir / f"{page}.html").read_text("utf-8")
        two = (parallel.outdir / f"{page}.html").read_text("utf-8")
        assert one == two


def test_check_knows_the_declared_keys() -> None:
    found = [str(problem) for problem in check_site(ROOT)]
    assert any("key 'category' in 2 entries is not a registry key" in line for line in found)
    assert not any("'catalog'" in line for line in found)


def test_migration_writes_the_unknown_registry_link_kinds(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "_data").mkdir(parents=True)
    (site / "_config.yml").write_text("title: Links\n", "utf-8")
    (site / "index.md").write_text("---\ntitle: Home\n---\n\nHello.\n", "utf-8")
    (site / "_data" / "tool_and_resource_list.yml").write_text(
        "- id: flow\n  name: Flow\n  url: https://flow.example.org/\n  registry:\n"
        "    biotools: flow\n    wfh: 12\n- id: paper\n  name: Paper\n"
        "  url: https://paper.example.org/\n  registry:\n    doi: 10.1000/1\n    wfh: NA\n",
        "utf-8",
    )
    report = migrate(site, tmp_path / "out")
    conf = (tmp_path / "out" / "conf.py").read_text("utf-8")
    namespace: dict[str, object] = {}
    exec(compile(conf, "conf.py", "exec"), namespace)
    links, problems = parse_link_types(namespace["ga4gh_registry_links"], SourceLocation("c", 1))
    assert problems == []
    assert [link.key for link in links] == [
        "biotools",
        "fairsharing",
        "fairsharing-coll",
        "tess",
        "europmc",
        "doi",
        "wfh",
    ]
    assert links[-1].url_pattern == "https://example.org/wfh/{}"
    notes = [(path, found.line, found.source) for path, found in report.notes]
    assert ("_data/tool_and_resource_list.yml", 11, "doi") in notes
    assert ("_data/tool_and_resource_list.yml", 6, "wfh") in notes
    assert any("complete them" in found.message for _, found in report.notes)


def _contents(path: Path) -> list[tuple[str, str]]:
    """The page's contents (alabaster's localtoc) as (text, href) pairs."""
    soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
    return [(a.get_text(), a["href"]) for a in soup.select("div.sphinxsidebar a.reference")]


def test_the_page_contents_list_the_national_resources_when_there_are_some(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    """Known only once every country page is read, the section is in the page's contents
    then, and goes from them again when a country page stops naming the page."""
    src = copy_root(ROOT, tmp_path, "a")
    (src / "archive.md").write_text(
        "---\ntitle: Archiving\npage_id: archiving\ntype: your_tasks\norphan: true\n---\n"
        "# Archiving\n\n## Formats\n\nText.\n",
        encoding="utf-8",
    )
    sidebars = {"html_sidebars": {"**": ["localtoc.html"]}}
    app, _read = build(make_app, src, confoverrides=sidebars)
    analysis = _contents(app.outdir / "analysis.html")
    assert ("National resources", "#national-resources") in analysis
    soup = html_of(app, "analysis")
    assert soup.select_one("section#national-resources h2") is not None
    assert [text for text, _href in _contents(app.outdir / "archive.html")] == [
        "Archiving",
        "Formats",
    ]
    # the country page now names archiving, not analysis
    country = src / "country.md"
    country.write_text(
        country.read_text("utf-8").replace(
            "Your_tasks: [analysis, storage]", "Your_tasks: [archiving]"
        ),
        "utf-8",
    )
    app, read = build(make_app, src, confoverrides=sidebars)
    assert read == ["country"]
    fresh_src = copy_root(src, tmp_path, "fresh")
    fresh, _read = build(make_app, fresh_src, freshenv=True, confoverrides=sidebars)
    for page in ("analysis", "archive", "storage"):
        assert _contents(app.outdir / f"{page}.html") == _contents(fresh.outdir / f"{page}.html")
    assert ("National resources", "#national-resources") not in _contents(
        app.outdir / "analysis.html"
    )
    assert _contents(app.outdir / "archive.html")[-1] == (
        "National resources",
        "#national-resources",
    )
