"""{news}, {events}, {page-ids} and ``summary`` (issue 18, points 5, 6 and 9): what they show in
HTML and LaTeX, their warnings, and incremental and ``-j`` builds giving a fresh build's pages."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import ROOTS, build, copy_root, html_of, warnings_of


def _texts(elements: list) -> list[str]:  # type: ignore[type-arg]
    return [element.get_text(" ", strip=True) for element in elements]


@pytest.mark.sphinx("html", testroot="listings", freshenv=True)
def test_news_is_read_from_the_data_file_newest_first(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []
    page = html_of(app, "news")
    limited, everything = page.select("ul.ga4gh-news")
    assert _texts(limited.select(".ga4gh-news-name")) == [
        "<Archive> tiles",
        "Consent codes page added",
    ]
    assert _texts(everything.select(".ga4gh-news-name"))[-1] == "Site opened"
    assert "20 May 2026" in limited.get_text()
    pr = limited.select_one(".ga4gh-news-date a")
    assert pr["href"] == "https://github.com/example/guide/pull/41" and pr.get_text() == "PR #41"
    assert everything.select_one(".ga4gh-news-date a") is None  # no :repository:, no PR link
    # the theme's long-item collapse: more than 40 words, only with :truncate:
    [folded] = limited.select("details.ga4gh-collapsed")
    assert folded.select_one("summary").get_text() == "View description"
    assert "controlled-access archive" in folded.get_text()
    assert everything.select("details") == []
    caption = page.select_one("p.ga4gh-list-caption")
    assert caption.get_text() == "For more news please visit our news page."
    assert caption.select_one("a")["href"] == "events.html"
    assert "&lt;Archive&gt;" in (app.outdir / "news.html").read_text("utf-8")  # escaped


@pytest.mark.sphinx("html", testroot="listings", freshenv=True)
def test_events_carry_their_dates_for_the_browser(app: SphinxTestApp) -> None:
    app.build()
    page = html_of(app, "events")
    upcoming, past, related = page.select("ul.ga4gh-events")
    assert "ga4gh-events-upcoming" in upcoming["class"]
    assert "ga4gh-events-limit-3" in upcoming["class"]
    assert "ga4gh-events-cols-2" in past["class"]
    # every event is in the page as built, newest first, its start date in a class
    events = upcoming.select("li.ga4gh-event")
    assert _texts([event.select_one(".ga4gh-event-name") for event in events]) == [
        "Far future workshop",
        "Passport hackathon",
    ]
    assert "ga4gh-start-2999-01-10" in events[0]["class"]
    assert "ga4gh-event-upcoming" in events[0]["class"]  # as of the build date
    assert "ga4gh-event-past" in events[1]["class"]
    when = events[1].select_one(".ga4gh-event-date").get_text()
    assert when == "23 June 2020 9:00 \u2013 24 June 2020 13:30 CET · Online"
    assert events[0].select_one(".ga4gh-event-date a")["href"] == "https://example.org/zoom"
    assert _texts(related.select(".ga4gh-event-name")) == ["Passport hackathon"]
    notes = _texts(page.select("p.ga4gh-events-none"))
    assert notes == ["No upcoming events.", "No past events."]


@pytest.mark.sphinx("html", testroot="listings", freshenv=True)
def test_page_ids_lists_each_section_in_the_given_order(app: SphinxTestApp) -> None:
    app.build()
    page = html_of(app, "ids")
    assert _texts(page.select("p.rubric")) == ["Technologies and standards", "Repositories"]
    standards, archives = page.select("table.ga4gh-page-ids")
    assert _texts(standards.select("th")) == ["title", "page_id", "description", "url"]
    assert _texts(standards.select("tbody td")) == [
        "Passports",
        "passports",
        "GA4GH Passports.",
        "passports.html",
    ]
    # no description: the theme's text; search_exclude pages (templates) left out
    assert _texts(archives.select("tbody td")) == [
        "Archive",
        "archive",
        "no description",
        "archive.html",
    ]
    assert standards.select_one("a")["href"] == "passports.html"


@pytest.mark.sphinx("html", testroot="listings", freshenv=True)
def test_summary_is_the_lead_paragraph_and_the_missing_description(app: SphinxTestApp) -> None:
    app.build()
    passports = html_of(app, "passports")
    lead = passports.select_one("h1 + p.ga4gh-summary")
    assert lead is not None and lead.get_text() == "Passports carry visas; visas carry permissions."
    # a description wins; without one, the summary is the meta description
    assert passports.select_one('meta[name="description"]')["content"] == "GA4GH Passports."
    archive = html_of(app, "archive")
    assert archive.select_one('meta[name="description"]')["content"].startswith("An archive for")


@pytest.mark.sphinx("latex", testroot="listings", freshenv=True)
def test_listings_in_latex(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []
    tex = (app.outdir / "listings.tex").read_text("utf-8")
    assert "Passports carry visas; visas carry permissions." in tex
    # in print every event is listed with its dates, and long news in full
    assert "Far future workshop" in tex and "Passport hackathon" in tex
    assert "controlled\\sphinxhyphen{}access archive" in tex
    assert "View description" not in tex
    assert "No upcoming events." not in tex
    assert "no description" in tex  # the page-ids tables


def test_bad_data_and_options_warn_and_the_build_goes_on(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    root = copy_root(ROOTS / "test-listings", tmp_path)
    (root / "_data" / "news.yml").write_text("name: not a list\n", "utf-8")
    (root / "_data" / "events.yml").unlink()
    (root / "ids.md").write_text("# Ids\n\n```{page-ids}\n:types: nothing_here\n```\n", "utf-8")
    with (root / "events.md").open("a", encoding="utf-8") as page:
        page.write("\n```{events}\n:when: someday\n```\n")
    app, _ = build(make_app, root, freshenv=True)
    warnings = "\n".join(warnings_of(app))
    assert (
        "news.md:5: WARNING: news: _data/news.yml is not a list of items [ga4gh.data]" in warnings
    )
    assert "events.md:5: WARNING: events: no data file _data/events.yml [ga4gh.data]" in warnings
    assert "ids.md:3: WARNING: page-ids: no page with a page_id to show [ga4gh.page]" in warnings
    assert "someday" in warnings  # the directive's own option error, with its line
    assert "Traceback" not in warnings
    assert "No upcoming events." in html_of(app, "events").get_text()


def _digests(outdir: Path) -> dict[str, str]:
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(outdir.glob("*.html"))
        if path.name not in ("genindex.html", "search.html")
    }


def test_incremental_and_parallel_builds_give_a_fresh_builds_pages(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    root = copy_root(ROOTS / "test-listings", tmp_path)
    build(make_app, root, freshenv=True)
    # a news item added later reaches the page (it is read at build time)
    with (root / "_data" / "news.yml").open("a", encoding="utf-8") as news:
        news.write("- name: Later news\n  date: 2026-09-01\n")
    # a page's new page_id and description reach {page-ids}, which is written again
    passports = root / "passports.md"
    text = passports.read_text("utf-8").replace("page_id: passports", "page_id: passport")
    passports.write_text(text.replace("GA4GH Passports.", "Passports, renamed."), "utf-8")
    app, read = build(make_app, root)
    assert sorted(read) == ["news", "passports"]
    assert "Later news" in html_of(app, "news").get_text()
    ids = html_of(app, "ids").get_text()
    assert "Passports, renamed." in ids and "passport" in ids
    incremental = _digests(app.outdir)

    fresh_root = copy_root(root, tmp_path, "fresh")
    fresh, _ = build(make_app, fresh_root, freshenv=True)
    parallel_root = copy_root(root, tmp_path, "parallel")
    parallel, _ = build(make_app, parallel_root, freshenv=True, parallel=2)
    assert incremental == _digests(fresh.outdir) == _digests(parallel.outdir)


@pytest.mark.sphinx("html", testroot="data-links", freshenv=True)
def test_site_links_in_news_and_events_go_to_the_migrated_pages(app: SphinxTestApp) -> None:
    app.build()
    news = html_of(app, "about/news")
    links = {a.get_text(): a["href"] for a in news.select("ul.ga4gh-news a")}
    assert links == {
        "Discover the page here": "../page.html",
        "who we are": "index.html",
        "codes": "../page.html#codes",
    }
    # the link that is no page: its text, without a link
    assert "old archive" in news.get_text()
    events = html_of(app, "about/events")
    event = events.select_one("li.ga4gh-event")
    assert {a.get_text(): a["href"] for a in event.select("a")} == {"consent": "../page.html"}
    assert "Room 2" in event.select_one(".ga4gh-event-date").get_text()
    warnings = warnings_of(app)
    assert not any("xref_missing" in warning for warning in warnings)
    data = Path(app.srcdir) / "_data"
    assert warnings == [
        f"{data / 'events.yml'}:4: WARNING: events: link '/missing' is no page of the site; "
        "its text is shown without a link [ga4gh.data]",
        f"{data / 'news.yml'}:8: WARNING: news: link '/missing' is no page of the site; "
        "its text is shown without a link [ga4gh.data]",
    ]


def test_data_links_in_parallel_and_incremental_builds(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    """``-j`` merges the noted links; a build with nothing changed is silent, as Sphinx's own
    warnings are; a page added later that has the link's URL takes the link."""
    root = copy_root(ROOTS / "test-data-links", tmp_path)
    parallel, _ = build(make_app, root, freshenv=True, parallel=2)
    missing = [line for line in warnings_of(parallel) if "'/missing'" in line]
    assert len(missing) == 2
    again, read = build(make_app, root)
    assert read == []
    assert warnings_of(again) == []
    (root / "missing.md").write_text("# Missing no more\n", "utf-8")
    (root / "_data" / "news.yml").touch()
    (root / "_data" / "events.yml").touch()
    later, _ = build(make_app, root)
    assert not any("'/missing'" in line for line in warnings_of(later))
    assert html_of(later, "about/news").select_one('a[href="../missing.html"]') is not None
