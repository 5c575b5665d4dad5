"""Citation polish (issue 9): 2021a/2021b, a DOI shown once, works known only by a DOI."""

from __future__ import annotations

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import html_of, warnings_of


def _cited(app: SphinxTestApp) -> str:
    return " ".join(html_of(app, "index").select_one("section p").get_text(" ", strip=True).split())


def _listed(app: SphinxTestApp) -> dict[str, tuple[str, list[str]]]:
    """Each listed work by its label: its text and its links."""
    listed = {}
    for entry in html_of(app, "index").select("div.citation"):
        label = entry.select_one("span.label, .label").get_text(strip=True).strip("[]")
        text = " ".join(entry.get_text(" ", strip=True).split())
        listed[label] = (text, [str(a["href"]) for a in entry.select("a[href^=http]")])
    return listed


@pytest.mark.sphinx("html", testroot="citations", freshenv=True)
def test_same_authors_and_year_cite_and_list_with_letters(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []
    cited = _cited(app)
    # in title order: "Beacons…" is a, "Consent…" is b; the single author is another citation
    assert "Consent codes ( Okafor et al. , 2021b )" in cited
    assert "beacons ( Okafor et al. , 2021a )" in cited
    assert "a note Okafor ( 2021 )" in cited
    listed = _listed(app)
    assert "Beacons over invented archives. Invented Data Science , 2021a." in listed["ORL21a"][0]
    assert "Consent codes across invented cohorts." in listed["OBT21b"][0]
    assert "2021b." in listed["OBT21b"][0]


@pytest.mark.sphinx("html", testroot="citations", freshenv=True)
def test_a_doi_is_shown_once_and_alone_is_enough(app: SphinxTestApp) -> None:
    app.build()
    listed = _listed(app)
    # doi and a doi.org url: one link, no "URL:"
    text, links = listed["OBT21b"]
    assert links == ["https://doi.org/10.5555/consent.2021"] and "URL" not in text
    # only a doi.org url: shown as the DOI
    text, links = listed["ORL21a"]
    assert links == ["https://doi.org/10.5555/beacons.2021"] and "doi:10.5555/beacons.2021" in text
    # only a DOI and a year: cited by its DOI, listed with its link
    assert "( doi:10.5555/only.2020 , 2020 )" in _cited(app)
    text, links = listed["doi20"]
    assert links == ["https://doi.org/10.5555/only.2020"]
    assert text.count("10.5555/only.2020") == 1


@pytest.mark.sphinx(
    "html", testroot="citations", freshenv=True, confoverrides={"ga4gh_year_letters": False}
)
def test_letters_can_be_switched_off(app: SphinxTestApp) -> None:
    app.build()
    assert "2021a" not in _cited(app) and "2021b" not in _cited(app)


@pytest.mark.sphinx("latex", testroot="citations", freshenv=True)
def test_letters_are_in_the_pdf_too(app: SphinxTestApp) -> None:
    app.build()
    tex = (app.outdir / "citations.tex").read_text("utf-8")
    assert "2021a" in tex and "2021b" in tex
