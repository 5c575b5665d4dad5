"""Tool tables: the automatic per-page table and the site-wide {tool-table} (SPEC §4)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import ROOTS, build, copy_root, html_of, table_rows, warnings_of


@pytest.mark.sphinx("html", testroot="basic", freshenv=True)
def test_page_table_lists_the_tools_the_page_mentions(app: SphinxTestApp) -> None:
    app.build()
    page = html_of(app, "guides/passports")
    section = page.select_one("section#tools-and-resources-on-this-page")
    assert section.h2.get_text().startswith("Tools and resources on this page")
    rows = table_rows(section.select_one("table.ga4gh-page-tool-table"))
    # by name, as the theme sorts them
    assert [row[0] for row in rows] == ["Beacon v2", "Data Use Ontology", "GA4GH Passports"]
    assert rows[2][1] == "Carries a researcher's data access permissions as visas."
    assert rows[2][2] == "Website Standards/Databases"
    # The name links to the tool's field-guide entry when it has one, else to its website.
    links = [row.select_one("td a")["href"] for row in section.select("tbody tr")]
    assert links == ["beacon.html", "https://duo.example.org/", "https://passports.example.org/"]


@pytest.mark.sphinx("html", testroot="basic", freshenv=True)
def test_page_without_tools_gets_no_table(app: SphinxTestApp) -> None:
    app.build()
    assert html_of(app, "guides/vrs").select_one("table.ga4gh-page-tool-table") is None


@pytest.mark.sphinx(
    "html", testroot="basic", freshenv=True, confoverrides={"ga4gh_page_tool_table": False}
)
def test_page_table_can_be_switched_off(app: SphinxTestApp) -> None:
    app.build()
    assert html_of(app, "guides/passports").select_one("table.ga4gh-page-tool-table") is None


@pytest.mark.sphinx("html", testroot="basic", freshenv=True)
def test_site_table_lists_every_tool_with_the_pages_that_mention_it(app: SphinxTestApp) -> None:
    app.build()
    page = html_of(app, "all_tools")
    site_table, standards = page.select("table.ga4gh-site-tool-table")
    rows = {row[0]: row for row in table_rows(site_table)}
    assert list(rows) == [
        "Beacon v2",
        "Data Repository Service",
        "Data Use Ontology",
        "European Genome-phenome Archive",
        "GA4GH Passports",
        "htsget",
        "Unmentioned Resource",
    ]
    assert rows["Beacon v2"][3] == "Beacon Passports and visas Basic guide"
    assert (
        rows["European Genome-phenome Archive"][3]
        == "Data use conditions Sharing data Law and ethics"
    )
    assert rows["Unmentioned Resource"][3] == ""
    assert rows["Data Repository Service"][1] == "Standard"
    row = site_table.select_one("tr#tool-row-ega")
    assert [a["href"] for a in row.select(".ga4gh-badge-page")[0].parents if a.name == "a"] == [
        "guides/duo.html"
    ]
    # The type filter keeps standards only; its rows do not repeat the anchors.
    assert [r[0] for r in table_rows(standards)] == [
        "Beacon v2",
        "Data Repository Service",
        "Data Use Ontology",
        "GA4GH Passports",
        "htsget",
    ]
    assert standards.select("tr[id]") == []


def test_editing_mentions_updates_the_site_table_incrementally(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    src = copy_root(ROOTS / "test-basic", tmp_path)
    build(make_app, src)
    page = src / "guides" / "vrs.md"
    page.write_text("# Variation representation\n\nNow it mentions {tool}`htsget`.\n", "utf-8")
    app, read = build(make_app, src)
    assert read == ["guides/vrs"]  # one page re-read, not the table page
    rows = {r[0]: r for r in table_rows(html_of(app, "all_tools").select_one("table"))}
    assert "Variation representation" in rows["htsget"][3]
    assert warnings_of(app) == []


def test_editing_the_registry_rewrites_the_pages_that_show_the_tool(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    src = copy_root(ROOTS / "test-basic", tmp_path)
    build(make_app, src)
    registry = src / "_data" / "tool_and_resource_list.yml"
    registry.write_text(
        registry.read_text("utf-8").replace("name: htsget", "name: htsget protocol"), "utf-8"
    )
    app, read = build(make_app, src)
    # No page is read again: tool content is filled in when pages are written
    # (tests/test_tool_dependencies.py counts the pages written).
    assert read == []
    assert (
        "htsget protocol" in html_of(app, "all_tools").select_one("tr#tool-row-htsget").get_text()
    )


@pytest.mark.sphinx("html", testroot="basic", freshenv=True)
def test_a_tools_description_is_the_same_markup_everywhere_and_searchable(
    app: SphinxTestApp,
) -> None:
    """Descriptions and badges are rendered once per tool and reused (tools/fragments.py)."""
    app.build()
    site_row = html_of(app, "all_tools").select_one("tr#tool-row-beacon")
    page = html_of(app, "guides/passports")
    page_row = page.select_one("table.ga4gh-page-tool-table tr#page-tool-beacon")
    popover = page.select_one("[data-ga4gh-tool=beacon] .ga4gh-popover-text")
    assert site_row is not None and page_row is not None and popover is not None
    description = site_row.select("td")[2].p
    assert description.select_one("em").get_text() == "genomic variants"
    assert "".join(map(str, description.contents)) == "".join(map(str, popover.contents))
    assert "".join(map(str, page_row.select("td")[1].p.contents)) == "".join(
        map(str, popover.contents)
    )
    assert site_row.select("td")[4].p.contents == page_row.select("td")[2].p.contents
    # The site-wide table's words are in the search index, the popovers' are not.
    index = (app.outdir / "searchindex.js").read_text("utf-8")
    assert "nobodi" in index  # "Nobody writes about this one.": a description only


@pytest.mark.sphinx("html", testroot="basic", freshenv=True)
def test_added_sections_are_in_the_pages_contents(app: SphinxTestApp) -> None:
    """Added before Sphinx's doctree-read, so the page's table of contents lists them."""
    app.build()
    toc = app.env.tocs["guides/passports"].astext()
    assert "Tools and resources on this page" in toc
