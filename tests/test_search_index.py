"""Sphinx's search index (issue 17, point 7): a page's terms are the page's own words, not its
popovers', tiles' or tool tables' (marked ``no-search``), none run together; titles are stored
as plain text ("Passports & Visas", not "&amp;"); one entry per page."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sphinx.search import SearchLanguage, languages
from sphinx.search.en import SearchEnglish
from sphinx.testing.util import SphinxTestApp

import sphinx_ga4gh.search_index as search_index_module
from sphinx_ga4gh.search_index import remembers_stems

from conftest import build, copy_root, html_of


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


class OwnLanguage(SearchLanguage):
    """A site's own search language (an extension adds it to ``sphinx.search.languages``)."""

    lang = "xx"
    language_name = "Own"

    def stem(self, word: str) -> str:
        return word.lower()


def indexer_language(app: SphinxTestApp) -> SearchLanguage:
    indexer = app.builder.indexer  # type: ignore[attr-defined]
    assert indexer is not None
    language: SearchLanguage = indexer.lang
    return language


@pytest.mark.parametrize("root", ["search", "furniture", "listings"])
def test_stems_remembered_for_the_build_give_the_same_index(
    make_app: type[SphinxTestApp],
    rootdir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    root: str,
) -> None:
    """Each word is stemmed once per build (sphinx_ga4gh.search_index), and the index is the
    one Sphinx writes when it stems a word again on each page."""
    srcdir = copy_root(rootdir / f"test-{root}", tmp_path)
    remembered, _ = build(make_app, srcdir, freshenv=True)
    assert remembers_stems(indexer_language(remembered))
    index = (remembered.outdir / "searchindex.js").read_bytes()
    assert b'"terms":{"' in index and len(search_index(remembered)["docnames"]) > 1

    monkeypatch.setattr(search_index_module, "remember_stems", lambda *args: None)
    again = copy_root(rootdir / f"test-{root}", tmp_path, "again")
    stemmed_per_page, _ = build(make_app, again, freshenv=True)
    assert not remembers_stems(indexer_language(stemmed_per_page))
    assert (stemmed_per_page.outdir / "searchindex.js").read_bytes() == index


def test_a_sites_own_search_language_keeps_its_stem(
    make_app: type[SphinxTestApp],
    rootdir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(languages, "xx", OwnLanguage)
    srcdir = copy_root(rootdir / "test-search", tmp_path)
    app, _ = build(make_app, srcdir, freshenv=True, confoverrides={"html_search_language": "xx"})
    language = indexer_language(app)
    assert isinstance(language, OwnLanguage) and not remembers_stems(language)
    assert "okafor" in search_index(app)["terms"]
