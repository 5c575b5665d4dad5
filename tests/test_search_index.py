"""Sphinx's search index (issue 17, point 7): a page's terms are the page's own words, not its
popovers', tiles' or tool tables' (marked ``no-search``), none run together; titles are stored
as plain text ("Passports & Visas", not "&amp;"); one entry per page."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sphinx.search.en import SearchEnglish
from sphinx.testing.util import SphinxTestApp

from conftest import html_of


def search_index(app: SphinxTestApp) -> dict[str, Any]:
    """``searchindex.js`` is ``Search.setIndex({...})``: the JSON inside."""
    text = (app.outdir / "searchindex.js").read_text("utf-8")
    assert text.startswith("Search.setIndex(") and text.rstrip().endswith(")")
    index: dict[str, Any] = json.loads(text.strip()[len("Search.setIndex(") : -1])
    return index


def page_words(app: SphinxTestApp, docname: str) -> set[str]:
    """What the index may hold for a page: each word the reader sees in its body, with a
    space between adjacent elements, stemmed as Sphinx stems it (and unstemmed)."""
    body = html_of(app, docname).select_one("[role=main]")
    assert body is not None
    for hidden in body.select(".no-search, [aria-hidden=true], .headerlink"):
        hidden.decompose()
    english = SearchEnglish({})
    words = english.split(body.get_text(" "))
    return {english.stem(word).lower() for word in words} | {word.lower() for word in words}


def terms_of(index: dict[str, Any], number: int) -> set[str]:
    def holds(documents: int | list[int]) -> bool:
        return number in documents if isinstance(documents, list) else number == documents

    return {term for term, documents in index["terms"].items() if holds(documents)}


@pytest.mark.sphinx("html", testroot="search", freshenv=True)
def test_index_holds_each_page_once_under_its_plain_title(app: SphinxTestApp) -> None:
    app.build()
    index = search_index(app)
    assert index["docnames"] == ["beacon", "index", "passports"]
    assert index["titles"] == ["Beacon", "Search guide", "Passports & Visas"]
    assert "&amp;" not in json.dumps(index)
    assert index["alltitles"]["Passports & Visas"] == [[2, None]]
    # A title's words lead to the page once; pages are no objects of their own (a second,
    # escaped result per page otherwise), tools are.
    assert index["titleterms"]["visa"] == 2
    assert [entry[4] for entry in index["objects"][""]] == ["Beacon v2", "GA4GH Passports"]
    assert list(index["objtypes"].values()) == ["ga4gh:tool"]


@pytest.mark.sphinx("html", testroot="search", freshenv=True)
def test_index_holds_the_pages_words_and_no_popover_or_tile_text(app: SphinxTestApp) -> None:
    app.build()
    index = search_index(app)
    for number, docname in enumerate(index["docnames"]):
        terms = terms_of(index, number)
        assert terms, docname
        # Every term is a word of the page as read: none runs two elements together
        # ("v2answer", "okaforeditor") and none comes from a popover, a tile or a tool table.
        assert terms <= page_words(app, docname), (docname, terms - page_words(app, docname))
    passports = terms_of(index, 2)
    assert {"carri", "research", "door", "okafor"} <= passports
    # the popovers' descriptions and badges, the tiles' descriptions
    everything = set(index["terms"]) | set(index["titleterms"])
    for word in ("allel", "cohort", "servic", "biotool", "fairshar", "token", "discoveri"):
        assert not any(term.startswith(word) for term in everything), word
