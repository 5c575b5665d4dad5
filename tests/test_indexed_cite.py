"""sphinx_ga4gh.references.indexed_domain: sphinxcontrib-bibtex's answers, at a fraction of the
work. Built twice from one root, with and without the module, and compared."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from conftest import ROOTS, build, copy_root, html_of, warnings_of

PAGES = ("consent", "beacons", "all")
UPSTREAM = ["myst_parser", "sphinxcontrib.bibtex"]


def reference_list(page: BeautifulSoup) -> list[str]:
    """The entries of a page's list as text (labels included), without the anchors' numbers."""
    return [
        " ".join(item.get_text(" ", strip=True).split())
        for item in page.select("div.citation, ul.simple > li, ul.bibliography > li")
    ]


def broken_links(page: BeautifulSoup) -> list[str]:
    """Same-page links whose anchor is not on the page."""
    ids = {tag["id"] for tag in page.select("[id]")}
    return [
        str(link["href"])
        for link in page.select("a[href^='#']")
        if str(link["href"])[1:] not in ids and link["href"] != "#"
    ]


@pytest.fixture
def builds(make_app: type[SphinxTestApp], tmp_path: Path) -> tuple[SphinxTestApp, SphinxTestApp]:
    root = ROOTS / "test-indexed-cite"
    indexed, _ = build(make_app, copy_root(root, tmp_path, "indexed"), freshenv=True)
    upstream, _ = build(
        make_app,
        copy_root(root, tmp_path, "upstream"),
        freshenv=True,
        confoverrides={"extensions": UPSTREAM},
    )
    return indexed, upstream


def test_lists_are_those_of_sphinxcontrib_bibtex(
    builds: tuple[SphinxTestApp, SphinxTestApp],
) -> None:
    indexed, upstream = builds
    assert warnings_of(indexed) == warnings_of(upstream) == []
    for page in PAGES:
        assert reference_list(html_of(indexed, page)) == reference_list(html_of(upstream, page))
        assert broken_links(html_of(indexed, page)) == []
    consent = reference_list(html_of(indexed, "consent"))
    # cited above and below the list, and nothing else
    assert len(consent) == 2
    assert any("Ortega" in entry for entry in consent)
    assert any("Okafor" in entry for entry in consent)
    assert len(reference_list(html_of(indexed, "all"))) == 4


def test_a_per_page_list_keeps_only_its_pages_works(
    builds: tuple[SphinxTestApp, SphinxTestApp],
) -> None:
    """What made the environment grow with pages x entries: a node per BibTeX entry per list."""
    indexed, upstream = builds

    def stored(app: SphinxTestApp) -> dict[str, set[str]]:
        bibliographies = app.env.get_domain("cite").bibliographies  # type: ignore[attr-defined]
        return {key.docname: set(value.citation_nodes) for key, value in bibliographies.items()}

    assert stored(indexed) == {
        "consent": {"ortega_consent_2020", "field_guide_2024"},
        "beacons": {"nakamura_beacons_2022", "ortega_consent_2020"},
        "all": {
            "ortega_consent_2020",
            "nakamura_beacons_2022",
            "field_guide_2024",
            "never_cited_2019",
        },
    }
    assert all(len(keys) == 4 for keys in stored(upstream).values())


def test_the_domain_keeps_its_citation_nodes_out_of_the_written_pages(
    builds: tuple[SphinxTestApp, SphinxTestApp],
) -> None:
    """sphinxcontrib-bibtex fills and places in the page the nodes its domain keeps, so a -j 1
    build held every written doctree in memory through them; the indexed domain lends copies
    (the lists are the same, test above), and keeps its nodes as they were read."""
    indexed, upstream = builds

    def stored(app: SphinxTestApp) -> list[Any]:
        domain: Any = app.env.get_domain("cite")
        return [
            node
            for bibliography in domain.bibliographies.values()
            for node in bibliography.citation_nodes.values()
        ]

    assert stored(indexed)
    assert all(node.parent is None and not node.children for node in stored(indexed))
    assert any(node.parent is not None for node in stored(upstream))
