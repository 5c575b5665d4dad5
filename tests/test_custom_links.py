"""Non-ELIXIR sites (issue 9): registry link types and tool table columns set in conf.py."""

from __future__ import annotations

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import html_of, warnings_of


def _warnings(app: SphinxTestApp) -> list[str]:
    return [line.replace(f"{app.srcdir}/", "") for line in warnings_of(app)]


@pytest.mark.sphinx("html", testroot="custom-links", freshenv=True)
def test_the_sites_own_link_types_make_the_badges(app: SphinxTestApp) -> None:
    app.build()
    page = html_of(app, "guides/beacon")
    badges = page.select("[data-ga4gh-tool=beacon] .ga4gh-badges a")
    assert [(a.get_text(), a["href"]) for a in badges] == [
        ("Website", "https://beacon.example.org/"),
        ("GA4GH product", "https://www.ga4gh.example.org/product/beacon/"),
        ("Archived", "https://zenodo.example.org/records/1234"),
    ]
    # A site-path icon, relative to each page (the popover's markup is made once per build).
    icon = page.select_one("[data-ga4gh-tool=beacon] .ga4gh-badge-zenodo img.ga4gh-badge-icon")
    assert icon["src"] == "../img/archive.svg" and icon["alt"] == ""
    home_icon = html_of(app, "index").select_one("a.ga4gh-badge-zenodo img.ga4gh-badge-icon")
    assert home_icon["src"] == "./img/archive.svg"
    assert (app.outdir / "img" / "archive.svg").is_file()


@pytest.mark.sphinx("html", testroot="custom-links", freshenv=True)
def test_bad_link_types_and_columns_are_reported(app: SphinxTestApp) -> None:
    app.build()
    found = _warnings(app)
    assert (
        "conf.py:4: WARNING: ga4gh_registry_links: entry 3 needs 'key', 'label' and 'url'; "
        "it is skipped [ga4gh.config]" in found
    )
    assert (
        "conf.py:4: WARNING: ga4gh_registry_links: 'ftp': url 'ftp://files.example.org/{}' must "
        "be an http(s) URL with '{}' where the value goes; it is skipped [ga4gh.config]" in found
    )
    assert (
        "_data/tool_and_resource_list.yml:8: WARNING: tool 'beacon': unknown registry 'biotools' "
        "(known: ga4gh, zenodo) [ga4gh.tool]" in found
    )
    assert (
        "conf.py:15: WARNING: ga4gh_site_table_columns: unknown column 'colour' (columns: name, "
        "type, description, pages, registry, website); it is left out [ga4gh.config]" in found
    )
    assert any(
        line.startswith("index.md:10: WARNING: tool-table: unknown column 'colour'")
        for line in found
    )


@pytest.mark.sphinx("html", testroot="custom-links", freshenv=True)
def test_tables_have_the_configured_columns(app: SphinxTestApp) -> None:
    app.build()
    home = html_of(app, "index")
    site_table, chosen = home.select("table.ga4gh-site-tool-table")
    assert [th.get_text(strip=True) for th in site_table.select("thead th")] == [
        "Name",
        "Website",
        "Registry",
    ]
    row = [td.get_text(" ", strip=True) for td in site_table.select("tbody td")]
    assert row == ["Beacon v2", "Website", "Website GA4GH product Archived"]
    assert [th.get_text(strip=True) for th in chosen.select("thead th")] == ["Name", "Description"]
    page_table = html_of(app, "guides/beacon").select_one("table.ga4gh-page-tool-table")
    assert [th.get_text(strip=True) for th in page_table.select("thead th")] == [
        "Tool or resource",
        "Type",
    ]


@pytest.mark.sphinx("latex", testroot="custom-links", freshenv=True)
def test_icons_are_left_out_of_latex(app: SphinxTestApp) -> None:
    app.build()
    tex = (app.outdir / "customlinks.tex").read_text("utf-8")
    assert "Archived" in tex and "archive.svg" not in tex
