"""Contributors, editors and "Supported by" from front matter (SPEC §4 page furniture)."""

from __future__ import annotations

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import html_of, warnings_of


@pytest.mark.sphinx("html", testroot="people", freshenv=True)
def test_people_and_affiliations_render(app: SphinxTestApp) -> None:
    app.build()
    index = html_of(app, "index")
    people = index.select(".ga4gh-contributors .ga4gh-person")
    assert [p.strong.get_text() for p in people] == ["Amara Okafor", "Sam Rivera"]
    amara = people[0]
    assert (
        amara.select_one("img.ga4gh-avatar")["src"]
        == "https://github.com/amara-example.png?size=96"
    )
    links = {a.get_text(): a["href"] for a in amara.select("a")}
    assert links == {
        "ORCID": "https://orcid.org/0000-0002-1825-0097",
        "GitHub": "https://github.com/amara-example",
    }
    assert "editor · Example Genomics Institute" in amara.get_text()
    sam = people[1]
    assert sam.select_one(".ga4gh-initials").get_text() == "SR"  # no picture: initials
    supported = index.select_one(".ga4gh-supported-by")
    assert supported.select_one("p.rubric").get_text() == "Supported by"
    logo = supported.select_one("a img.ga4gh-logo")
    assert logo["src"] == "https://genomics.example.org/logo.svg"
    assert supported.select_one("a")["href"] == "https://genomics.example.org/"


@pytest.mark.sphinx("html", testroot="people", freshenv=True)
def test_relative_image_urls_and_editors_on_a_nested_page(app: SphinxTestApp) -> None:
    app.build()
    page = html_of(app, "guides/page")
    mei = page.select(".ga4gh-contributors .ga4gh-person")[0]
    assert mei.select_one("img")["src"] == "../images/mei.png"
    assert mei.select_one("a")["href"] == "mailto:mei%40example.org"
    editors = page.select(".ga4gh-editors .ga4gh-person strong")
    assert [e.get_text() for e in editors] == ["Amara Okafor"]


@pytest.mark.sphinx("html", testroot="people", freshenv=True)
def test_unknown_names_warn_and_still_show(app: SphinxTestApp) -> None:
    app.build()
    src = app.srcdir / "guides" / "page.md"
    warnings = warnings_of(app)
    assert (
        f"{src}:3: WARNING: unknown contributor 'Nobody Known' in front matter [ga4gh.contributor]"
        in warnings
    )
    assert (
        f"{src}:5: WARNING: unknown affiliation 'Unknown Org' in front matter [ga4gh.affiliation]"
        in warnings
    )
    assert len(warnings) == 2
    page = html_of(app, "guides/page")
    assert "Nobody Known" in page.select_one(".ga4gh-contributors").get_text()
    assert "Unknown Org" in page.select_one(".ga4gh-supported-by").get_text()


@pytest.mark.sphinx("latex", testroot="people", freshenv=True)
def test_latex_has_names_but_no_images(app: SphinxTestApp) -> None:
    app.build()
    tex = (app.outdir / "people.tex").read_text("utf-8")
    assert "Amara Okafor" in tex
    assert "Supported by" in tex
    assert "includegraphics" not in tex
    assert "github.com/amara-example.png" not in tex


@pytest.mark.sphinx("html", testroot="people", freshenv=True)
def test_contributors_and_affiliations_directives(app: SphinxTestApp) -> None:
    app.build()
    index = html_of(app, "index")
    everyone = index.select_one("ul.ga4gh-contributors-all")
    people = {li.strong.get_text(): li for li in everyone.select(":scope > li")}
    assert list(people) == ["Amara Okafor", "Mei Tanaka", "Sam Rivera"]
    pages = {
        name: [a.get_text() for a in li.select(".ga4gh-person-pages a")]
        for name, li in people.items()
    }
    assert pages == {
        "Amara Okafor": ["A page", "People"],
        "Mei Tanaka": ["A page"],
        "Sam Rivera": ["People"],
    }
    assert people["Mei Tanaka"].select_one("img")["src"] == "images/mei.png"
    listed = [
        [li.get_text(" ", strip=True) for li in ul.select("li")]
        for ul in index.select("ul.ga4gh-affiliations")
    ]
    # As the theme's supporter tiles: a logo and expose: true, sorted by name; :type: is the
    # organisation's own type; :file-order: keeps the file's order (sort=false).
    assert listed == [
        ["Alpha Trust", "Beta Funders", "Example Genomics Institute"],
        ["Alpha Trust", "Beta Funders"],
        ["Beta Funders", "Alpha Trust"],
        ["Northern Data Commons"],  # :page-type: guide, the organisations of guide pages
    ]
