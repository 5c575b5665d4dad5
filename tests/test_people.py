"""Contributors, editors and "Supported by" from front matter (SPEC §4 page furniture)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from sphinx_ga4gh.check import check_site

from conftest import EMPTY_ITEMIZE, ROOTS, build, copy_root, html_of, warnings_of


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
    assert supported.select_one("h3").get_text() == "Supported by"
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
    # the theme's union: the file's people and those the pages name
    assert list(people) == ["Amara Okafor", "Mei Tanaka", "Nobody Known", "Sam Rivera"]
    pages = {
        name: [a.get_text() for a in li.select(".ga4gh-person-pages a")]
        for name, li in people.items()
    }
    assert pages == {
        "Amara Okafor": ["A page", "People"],
        "Mei Tanaka": ["A page"],
        "Nobody Known": ["A page"],
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


# --- data files found where Jekyll finds them (issue 14) -----------------------------------


@pytest.mark.sphinx("html", testroot="people-yaml", freshenv=True)
def test_yaml_files_and_the_themes_supported_by_file_are_read(app: SphinxTestApp) -> None:
    app.build()
    index = html_of(app, "index")
    people = index.select(".ga4gh-contributors .ga4gh-person")
    assert [p.strong.get_text() for p in people] == ["Ines Duarte", "Tomas Berg"]
    assert not index.select(".ga4gh-unknown-person")  # found in _data/CONTRIBUTORS.yaml
    assert "curator" in people[0].get_text()
    supported = index.select_one(".ga4gh-supported-by")
    assert supported.select_one("a")["href"] == "https://biobank.example.org/"
    # Country codes without a countries file: the packaged ISO 3166 names.
    countries = [li.get_text(strip=True) for li in supported.select("li .ga4gh-country-name")]
    # sorted as the theme's Liquid sort: case-sensitive, so "be" after "XQ"
    assert countries == ["European Union", "XQ", "Belgium"]
    # :type: funder: the funders with a logo and expose: true (yes is YAML for true).
    funders = index.select("ul.ga4gh-affiliations")
    assert [[li.get_text(strip=True) for li in ul.select("li")] for ul in funders] == [
        ["Delta Fund"]
    ]
    assert index.select_one("ul.ga4gh-affiliations img")["src"] == "images/delta.svg"
    assert not [ul for ul in index.select("ul") if not ul.select("li")]  # no empty list


@pytest.mark.sphinx("html", testroot="people-yaml", freshenv=True)
def test_empty_selections_and_unknown_countries_warn(app: SphinxTestApp) -> None:
    app.build()
    src = app.srcdir / "index.md"
    data = app.srcdir / "_data" / "supported_by.yml"
    assert sorted(warnings_of(app)) == sorted(
        [
            f"{data}:17: WARNING: affiliation 'Harbour Grants': expose 'maybe' is not true or "
            "false; it is taken as false [ga4gh.affiliation]",
            f"{src}:3: WARNING: unknown country code 'XQ' in front matter (not an ISO 3166 code "
            "nor in the site's countries file); it is shown as it is [ga4gh.affiliation]",
            f"{src}:15: WARNING: {{affiliations}} :type: project selects no organisation: no "
            "affiliation has type 'project' [ga4gh.affiliation]",
            f"{src}:21: WARNING: {{affiliations}} :type: institute selects no organisation: no "
            "affiliation has type 'institute' (did you mean 'institution'?) [ga4gh.affiliation]",
        ]
    )


@pytest.mark.sphinx("latex", testroot="people-yaml", freshenv=True)
def test_latex_of_an_empty_selection_has_no_empty_list(app: SphinxTestApp) -> None:
    app.build()
    tex = (app.outdir / "peopleinyamlfiles.tex").read_text("utf-8")
    assert "Delta Fund" in tex and "Belgium" in tex
    assert not EMPTY_ITEMIZE.search(tex)


@pytest.mark.sphinx("html", testroot="people-nofiles", freshenv=True)
def test_people_without_data_files_are_one_warning_each(app: SphinxTestApp) -> None:
    app.build()
    alpha = app.srcdir / "guides" / "alpha.md"
    index = app.srcdir / "index.md"
    assert sorted(warnings_of(app)) == sorted(
        [
            f"{alpha}:4: WARNING: 2 pages name people in contributors, editors or coordinators "
            "(this is the first), but no contributors file was found (_data/CONTRIBUTORS.yml or "
            "_data/CONTRIBUTORS.yaml; or set ga4gh_contributors in conf.py): their details are "
            "unknown [ga4gh.data]",
            f"{alpha}:6: WARNING: 1 page names supporters in affiliations or supported_by (this "
            "is the first), but no affiliations file was found (_data/affiliations.yml or "
            "_data/affiliations.yaml or _data/supported_by.yml or _data/supported_by.yaml; or set "
            "ga4gh_affiliations in conf.py): their details are unknown [ga4gh.data]",
            f"{index}:11: WARNING: {{contributors}} lists no one: no contributors file was found "
            "(_data/CONTRIBUTORS.yml or _data/CONTRIBUTORS.yaml) [ga4gh.contributor]",
            f"{index}:14: WARNING: {{affiliations}} selects no organisation: no affiliations "
            "file was found (_data/affiliations.yml or _data/affiliations.yaml or "
            "_data/supported_by.yml or _data/supported_by.yaml) [ga4gh.affiliation]",
        ]
    )
    page = html_of(app, "guides/alpha")
    names = [s.get_text() for s in page.select(".ga4gh-contributors strong")]
    assert names == ["Lena Park", "Omar Haddad"]  # still shown, as names
    assert [li.get_text(strip=True) for li in page.select(".ga4gh-supported-by li")] == [
        "Fjord Institute",
        "\U0001f1f8\U0001f1eaSweden",  # its flag (regional indicators S, E), then its name
    ]
    home = html_of(app, "index")
    assert not home.select("ul.ga4gh-people-list")


def test_an_empty_contributors_file_is_as_good_as_none(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    """The theme's own site ships a CONTRIBUTORS.yml that is all comments: the names on its
    pages are one warning for the site, not one per name (build and check alike)."""
    srcdir = copy_root(ROOTS / "test-people-nofiles", tmp_path)
    (srcdir / "_data").mkdir()
    (srcdir / "_data" / "CONTRIBUTORS.yml").write_text(
        "# List of contributors\n# Ada Example:\n#   git: ada-example\n", encoding="utf-8"
    )
    app, _read = build(make_app, srcdir)
    contributors = [line for line in warnings_of(app) if "contributor" in line]
    alpha = srcdir / "guides" / "alpha.md"
    assert contributors[0] == (
        f"{alpha}:4: WARNING: 2 pages name people in contributors, editors or coordinators "
        "(this is the first), but the contributors file (CONTRIBUTORS.yml) lists none: their "
        "details are unknown [ga4gh.data]"
    )
    assert not [line for line in contributors if "unknown contributor" in line]
    found = [str(problem) for problem in check_site(srcdir)]
    assert [line for line in found if "contributor" in line] == [
        "guides/alpha.md:4: ga4gh.data: 2 pages name people in contributors, editors or "
        "coordinators (this is the first), but the contributors file (CONTRIBUTORS.yml) lists "
        "none: their details are unknown"
    ]


@pytest.mark.sphinx("latex", testroot="people-nofiles", freshenv=True)
def test_latex_without_data_files_has_no_empty_list(app: SphinxTestApp) -> None:
    app.build()
    tex = (app.outdir / "peoplewithoutdatafiles.tex").read_text("utf-8")
    assert "Lena Park" in tex
    assert not EMPTY_ITEMIZE.search(tex)


def test_check_finds_the_same_files_and_problems() -> None:
    root = ROOTS / "test-people-nofiles"
    found = [str(problem) for problem in check_site(root)]
    assert [line.split(": ", 2)[:2] for line in found] == [
        ["guides/alpha.md:4", "ga4gh.data"],
        ["guides/alpha.md:6", "ga4gh.data"],
    ]
    assert "2 pages name people" in found[0]
    yaml_root = ROOTS / "test-people-yaml"
    found = [str(problem) for problem in check_site(yaml_root)]
    assert found == [
        "_data/supported_by.yml:17: ga4gh.affiliation: affiliation 'Harbour Grants': expose "
        "'maybe' is not true or false; it is taken as false",
        "index.md:3: ga4gh.affiliation: unknown country code 'XQ' in front matter (not an ISO "
        "3166 code nor in the site's countries file); it is shown as it is",
    ]
