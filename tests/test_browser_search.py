"""Sphinx's search page in a browser (issue 17, point 7), under pydata-sphinx-theme and furo: a
title with "&" is one result showing "&" once, and each result's excerpt is the page's words,
without its popovers', tiles' or avatars' text and with a space between blocks (Sphinx's
excerpt is the page's ``textContent``: "standardsBeacon v2Beacon v2standardAnswers..." before
ga4gh.js replaced it)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browser import Site, build_html, launch, serve, watched_page

ROOT = Path(__file__).parent / "roots" / "test-search"
THEMES = ["pydata_sphinx_theme", "furo"]
_SITES: dict[str, Site] = {}


def served(theme: str, tmp_path_factory: pytest.TempPathFactory) -> Site:
    if theme not in _SITES:
        outdir = tmp_path_factory.mktemp("search") / theme
        build_html(ROOT, outdir, theme)
        _SITES[theme] = serve(outdir)
    return _SITES[theme]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from launch()


def search(page: Any, site: Site, query: str) -> list[tuple[str, str, str]]:
    """Each result of Sphinx's search page: its link, the link's text, its excerpt."""
    page.goto(f"{site.url}/search.html?q={query}")
    page.wait_for_function(
        "() => { const s = document.querySelector('#search-results .search-summary');"
        " return s && !/Searching|Preparing/.test(s.textContent); }"
    )
    results = page.locator("#search-results ul.search > li")
    # the excerpts come from each page, fetched after the list shows
    page.wait_for_function(
        "n => document.querySelectorAll('#search-results ul.search > li p.context').length >= n",
        arg=results.count(),
    )
    found: list[list[str]] = results.evaluate_all(
        """items => items.map(item => {
            const link = item.querySelector('a');
            const excerpt = item.querySelector('p.context');
            return [link.getAttribute('href'), link.textContent,
                    excerpt ? excerpt.textContent : ''];
        })"""
    )
    return [(href, title, excerpt) for href, title, excerpt in found]


@pytest.mark.parametrize("theme", THEMES)
def test_search_results_show_plain_titles_once_and_the_pages_words(
    browser: Any, theme: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    site = served(theme, tmp_path_factory)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page, watch = watched_page(context, set())
    found = search(page, site, "Visas")
    passports = [result for result in found if result[0].split("#")[0] == "passports.html"]
    assert len(passports) == 1, found  # one result for the page
    _href, title, excerpt = passports[0]
    assert title == "Passports & Visas"
    assert title.count("&") == 1 and "&amp;" not in excerpt
    # The mention reads as the page has it; its popover (description, badges) is not there.
    assert "GA4GH Passports carry visas; a Beacon v2\u2019s answer may require one." in excerpt
    for popover_text in ("allele", "Carries researcher", "Website", "Tool info"):
        assert popover_text not in excerpt, excerpt
    assert "Technologies and standards Passports & Visas" in excerpt  # the page type, apart
    # People: no avatar initials run into the name; tiles' descriptions are not the home's.
    (home,) = [result for result in search(page, site, "Okafor") if result[0] == "index.html"]
    assert "Everyone Amara Okafor — editor · Example Genomics Institute" in home[2]
    assert "Tokens that carry permissions" not in home[2] and "AOAmara" not in home[2]
    # The page's article only: not pydata's previous/next links and "On this page" sidebar.
    (beacon,) = [result for result in search(page, site, "answers") if result[0] == "beacon.html"]
    words = "Technologies and standards Beacon Beacon v2 answers yes or no."
    assert beacon[2] == f"{words} Tools and resources on this page"
    context.close()
    watch.assert_clean()
