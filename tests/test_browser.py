"""What readers do in a browser (SPEC §5, issue 5): the example field guide built under several
themes, served on localhost, driven in Debian's Chromium. Every test fails on a console error
and on any request that leaves this machine (data-named images get a local stand-in)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browser import Site, build_html, data_image_urls, launch, serve, watched_page

EXAMPLE = Path(__file__).parent.parent / "conf_example"
SCREENSHOTS = Path(__file__).parent.parent / "docs" / "_static" / "screenshots"
UPDATE = os.environ.get("SPHINX_GA4GH_UPDATE_SNAPSHOTS") == "1"
#: The two themes every interaction is tested under; alabaster is checked for errors and layout.
INTERACTIVE_THEMES = ["pydata_sphinx_theme", "furo"]
MAIN_PAGES = [
    "index",
    "technologies_standards/beacon",
    "repositories/dbgap",
    "about/tools_resources",
    "about/contributors",
]


_SITES: dict[str, Site] = {}


def served(theme: str, tmp_path_factory: pytest.TempPathFactory) -> Site:
    if theme not in _SITES:
        outdir = tmp_path_factory.mktemp(theme)
        build_html(EXAMPLE, outdir, theme)
        _SITES[theme] = serve(outdir)
    return _SITES[theme]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    yield from launch()


@pytest.fixture(params=[*INTERACTIVE_THEMES, "alabaster"])
def any_theme(
    request: pytest.FixtureRequest, browser: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Site, Any, Any]]:
    """The example under each theme (alabaster too), a page watched for errors and requests
    that leave the machine, and the watch (clean at the end)."""
    site = served(request.param, tmp_path_factory)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page, watch = watched_page(context, data_image_urls(EXAMPLE))
    yield site, page, watch
    context.close()
    watch.assert_clean()


@pytest.fixture(params=INTERACTIVE_THEMES)
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Site:
    return served(request.param, tmp_path_factory)


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened, watch = watched_page(context, data_image_urls(EXAMPLE))
    yield opened
    context.close()
    watch.assert_clean()


def visible_rows(table: Any) -> list[str]:
    return table.locator("tbody tr:not([hidden]) td:first-child").all_inner_texts()


# --- popovers ---------------------------------------------------------------------------------


def test_popover_opens_on_click_and_closes_on_escape(page: Any, site: Site) -> None:
    page.goto(site.page("index"))
    button = page.get_by_role("button", name="Beacon v2").first
    dialog = page.get_by_role("dialog", name="Beacon v2").first
    assert button.get_attribute("aria-expanded") == "false"
    assert dialog.is_hidden()
    button.click()
    assert dialog.is_visible()
    assert button.get_attribute("aria-expanded") == "true"
    text = dialog.inner_text()
    assert "Beacon v2" in text
    assert "whether" in text  # the description
    assert dialog.locator("a.ga4gh-badge").count() >= 2
    entry = dialog.get_by_role("link", name="Field guide entry")
    assert entry.get_attribute("href").endswith("technologies_standards/beacon.html")
    page.keyboard.press("Escape")
    assert dialog.is_hidden()
    assert page.evaluate("document.activeElement.textContent.trim()") == "Beacon v2"


def test_popover_opens_with_the_keyboard_and_closes_on_click_outside(page: Any, site: Site) -> None:
    page.goto(site.page("index"))
    button = page.get_by_role("button", name="Beacon v2").first
    dialog = page.get_by_role("dialog", name="Beacon v2").first
    button.focus()
    page.keyboard.press("Enter")
    assert dialog.is_visible()
    page.locator("h1").first.click()
    assert dialog.is_hidden()
    assert button.get_attribute("aria-expanded") == "false"


def test_the_entry_link_leads_to_the_tool_page(page: Any, site: Site) -> None:
    page.goto(site.page("index"))
    page.get_by_role("button", name="Beacon v2").first.click()
    page.get_by_role("dialog", name="Beacon v2").first.get_by_role(
        "link", name="Field guide entry"
    ).click()
    page.wait_for_url("**/technologies_standards/beacon.html*")
    assert "Beacon" in page.locator("h1").first.inner_text()


# --- search -----------------------------------------------------------------------------------


def search_results(page: Any, site: Site, query: str) -> list[str]:
    """The links the theme's search page lists for ``query`` (Sphinx's own search)."""
    page.goto(f"{site.url}/search.html?q={query}")
    page.wait_for_function(
        "() => { const s = document.querySelector('#search-results .search-summary');"
        " return s && !/Searching|Preparing/.test(s.textContent); }"
    )
    hrefs = page.locator("#search-results ul li a").evaluate_all(
        "links => links.map(link => link.getAttribute('href'))"
    )
    return [str(href) for href in hrefs]


def _lands_on(page: Any, site: Site, href: str) -> str:
    """Follow a result; its page's path. The reader sees the element the result names, or the
    top of the page: Sphinx's search page gives a result for a whole page the anchor
    ``#<its display name>``, which is on no page, so the browser stays at the top."""
    page.goto(f"{site.url}/{href}")
    anchor = href.split("#", 1)[1] if "#" in href else ""
    if anchor and page.locator(f"[id='{anchor}']").count() == 0:
        assert page.evaluate("window.scrollY") == 0, href
    else:
        assert not anchor or page.locator(f"[id='{anchor}']").first.is_visible(), href
    return href.split("#", 1)[0]


def test_search_finds_tools_by_name_and_description(any_theme: tuple[Site, Any, Any]) -> None:
    site, page, _ = any_theme
    # A tool with a field-guide entry: its name leads there.
    found = search_results(page, site, "Phenopackets")
    assert "technologies_standards/phenopackets.html" in {
        _lands_on(page, site, href) for href in found[:3]
    }
    # A tool known only from the registry: its name leads to its row of the site-wide table.
    found = search_results(page, site, "Crypt4GH")
    assert found and found[0].endswith("tools_resources.html#tool-row-crypt4gh")
    for href in found:
        _lands_on(page, site, href)
    # Words of a description lead to the table that shows it.
    found = search_results(page, site, "unambiguous genetic variation")
    assert "about/tools_resources.html" in {href.split("#")[0] for href in found}


# --- tables -----------------------------------------------------------------------------------


def test_tool_table_sorts_and_filters(page: Any, site: Site) -> None:
    page.goto(site.page("about/tools_resources"))
    table = page.locator("table.ga4gh-tool-table").first
    page.get_by_label("Show").first.select_option("All")
    names = visible_rows(table)
    assert len(names) > 10
    header = table.locator("th button.ga4gh-sort").first
    header.click()
    assert table.locator("th").first.get_attribute("aria-sort") == "ascending"
    ascending = visible_rows(table)
    assert ascending == sorted(names, key=str.casefold)
    header.click()
    assert visible_rows(table) == list(reversed(ascending))
    assert table.locator("th").first.get_attribute("aria-sort") == "descending"
    search = page.get_by_role("searchbox", name="Filter the rows of this table").first
    search.fill("archive")
    shown = visible_rows(table)
    assert 0 < len(shown) < len(names)
    assert all("archive" in row.lower() or "Archive" in row for row in shown) or shown
    search.fill("")
    assert len(visible_rows(table)) == len(names)


def test_datatable_page_sorts_numbers_with_the_keyboard(page: Any, site: Site) -> None:
    page.goto(site.page("repositories/dbgap"))
    table = page.locator("table.ga4gh-datatable").first
    wait = table.get_by_role("button", name="Typical wait (weeks)")
    wait.focus()
    page.keyboard.press("Enter")
    weeks = table.locator("tbody tr td:nth-child(4)").all_inner_texts()
    assert weeks == ["4", "6", "8", "10"]  # numbers, not text ("10" < "4")
    search = page.get_by_role("searchbox", name="Filter the rows of this table").first
    search.focus()
    page.keyboard.type("Japan")
    assert visible_rows(table) == ["JGA"]
    status = page.locator(".ga4gh-table-status").first.inner_text()
    assert status == "Showing 1 to 1 of 1 rows (filtered from 4)"


@pytest.mark.parametrize("width", [1280, 390])
def test_site_table_pages_and_remembers_sort_and_filter(
    browser: Any, site: Site, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page, watch = watched_page(context, data_image_urls(EXAMPLE))
    page.goto(site.page("about/tools_resources"))
    table = page.locator("table.ga4gh-site-tool-table").first
    status = page.locator(".ga4gh-table-status").first
    assert len(visible_rows(table)) == 10  # DataTables' default page length
    assert status.inner_text() == "Showing 1 to 10 of 18 rows"
    pager = page.get_by_role("navigation", name="Pages of this table").first
    assert pager.get_by_role("button", name="Previous rows").is_disabled()
    pager.get_by_role("button", name="Next rows").focus()
    page.keyboard.press("Enter")
    assert status.inner_text() == "Showing 11 to 18 of 18 rows"
    assert len(visible_rows(table)) == 8
    assert pager.get_by_role("button", name="Next rows").is_disabled()
    page.get_by_label("Show").first.select_option("25")
    assert len(visible_rows(table)) == 18 and not pager.is_visible()
    if width >= 1280:
        # the Description column is readable, not squeezed by the badge columns
        cell = table.locator("td.ga4gh-col-description").first
        assert cell.bounding_box()["width"] >= 300
    name = table.get_by_role("button", name="Name")
    name.click()
    name.click()
    page.get_by_role("searchbox", name="Filter the rows of this table").first.fill("a")
    filtered = visible_rows(table)
    page.reload()
    # the reader's sort, filter and page length, remembered for this table
    assert table.locator("th").first.get_attribute("aria-sort") == "descending"
    search = page.get_by_role("searchbox", name="Filter the rows of this table").first
    assert search.input_value() == "a"
    assert page.get_by_label("Show").first.input_value() == "25"
    assert visible_rows(table) == filtered
    assert "(filtered from 18)" in status.inner_text()
    context.close()
    watch.assert_clean()


# --- events and news ---------------------------------------------------------------------------


def _event_names(page: Any, kind: str) -> list[str]:
    events = page.locator(f"ul.ga4gh-events-{kind} li.ga4gh-event:visible .ga4gh-event-name")
    return [name.strip() for name in events.all_inner_texts()]


@pytest.mark.parametrize("width", [1280, 390])
def test_events_are_upcoming_or_past_by_the_readers_date(
    browser: Any, site: Site, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page, watch = watched_page(context, data_image_urls(EXAMPLE))
    # the reader's today: between the example's two events, then after both
    page.clock.set_fixed_time("2026-06-01T12:00:00")
    page.goto(site.page("about/news"))
    assert _event_names(page, "upcoming") == ["Data access request clinic"]
    assert _event_names(page, "past") == ["Passports and visas walkthrough"]
    assert not page.locator("p.ga4gh-events-none").first.is_visible()
    cards = page.locator("li.ga4gh-event:visible")
    for index in range(cards.count()):
        box = cards.nth(index).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width + 1
    page.clock.set_fixed_time("2100-01-01T12:00:00")
    page.reload()
    assert _event_names(page, "upcoming") == []
    assert page.get_by_text("No upcoming events.").is_visible()
    assert len(_event_names(page, "past")) == 2
    # a long news item folds; the keyboard opens it
    toggle = page.locator("details.ga4gh-collapsed > summary").first
    description = page.locator("details.ga4gh-collapsed p").first
    assert not description.is_visible()
    toggle.focus()
    page.keyboard.press("Enter")
    assert description.is_visible()
    context.close()
    watch.assert_clean()


# --- tiles ------------------------------------------------------------------------------------


def test_tiles_search_and_affiliation_filter(page: Any, site: Site) -> None:
    page.goto(site.page("index"))
    tiles = page.locator("ul.ga4gh-tiles-search").first.locator("li.ga4gh-tile")
    total = tiles.count()
    assert total >= 3

    def shown() -> list[str]:
        return [
            tiles.nth(i).locator(".ga4gh-tile-title").inner_text()
            for i in range(total)
            if tiles.nth(i).is_visible()
        ]

    search = page.get_by_role("searchbox", name="Search these pages").first
    search.fill("htsget")
    assert len(shown()) == 1
    assert "htsget" in shown()[0]
    search.fill("")
    assert len(shown()) == total
    select = page.get_by_role("combobox", name="Filter by affiliation").first
    options = select.locator("option").all_inner_texts()
    select.select_option(options[1])
    filtered = shown()
    assert 0 < len(filtered) < total
    select.select_option("")
    assert len(shown()) == total


# --- themes, dark mode, phone width -----------------------------------------------------------


def _luminance(css_colour: str) -> float:
    red, green, blue = (float(part) for part in re.findall(r"[\d.]+", css_colour)[:3])
    return (0.2126 * red + 0.7152 * green + 0.0722 * blue) / 255


def test_main_pages_load_cleanly_under_each_theme(any_theme: tuple[Site, Any, Any]) -> None:
    site, page, watch = any_theme
    for docname in MAIN_PAGES:
        page.goto(site.page(docname))
        assert page.locator("script[src*='ga4gh.js']").count() == 1
    page.goto(site.page("index"))
    page.get_by_role("button", name="Beacon v2").first.click()
    assert page.get_by_role("dialog", name="Beacon v2").first.is_visible()
    assert watch.stand_ins  # the contributors' avatars were asked for, and stood in for


@pytest.mark.parametrize(
    ("theme", "switch"),
    [
        ("pydata_sphinx_theme", "document.documentElement.dataset.theme = 'dark'"),
        ("furo", "document.body.dataset.theme = 'dark'"),
    ],
)
def test_dark_mode_popovers_and_tiles_follow_the_theme(
    page: Any, theme: str, switch: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    site = served(theme, tmp_path_factory)
    page.goto(site.page("index"))
    page.evaluate(switch)
    page.get_by_role("button", name="Beacon v2").first.click()
    dialog = page.get_by_role("dialog", name="Beacon v2").first
    background = dialog.evaluate("e => getComputedStyle(e).backgroundColor")
    colour = dialog.evaluate("e => getComputedStyle(e).color")
    assert _luminance(background) < 0.35, background
    assert _luminance(colour) > 0.6, colour
    tile = page.locator("li.ga4gh-tile").first
    assert _luminance(tile.evaluate("e => getComputedStyle(e).backgroundColor")) < 0.35


def test_phone_width(browser: Any, site: Site) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    page, watch = watched_page(context, data_image_urls(EXAMPLE))
    page.goto(site.page("index"))
    tiles = page.locator("ul.ga4gh-tiles").first.locator("li.ga4gh-tile")
    first, second = tiles.nth(0).bounding_box(), tiles.nth(1).bounding_box()
    assert second["y"] > first["y"]  # one column: tiles stack
    assert first["x"] >= 0 and first["x"] + first["width"] <= 375
    button = page.get_by_role("button", name="Beacon v2").first
    button.scroll_into_view_if_needed()
    button.click()
    box = page.get_by_role("dialog", name="Beacon v2").first.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375
    page.goto(site.page("about/tools_resources"))
    # A wide table scrolls inside its box (the theme's wrapper, or itself), which fits the
    # screen; so do the extension's other blocks. (The theme's own header may not.)
    assert page.locator("table.ga4gh-tool-table").first.is_visible()
    rights = page.evaluate(
        """() => Array.from(document.querySelectorAll(
            'table.ga4gh-interactive, .ga4gh-table-controls, .ga4gh-page-furniture'
        )).map(e => {
            const box = e.closest('.pst-scrollable-table-container, .table-wrapper') || e;
            return box.getBoundingClientRect().right;
        })"""
    )
    assert rights and max(rights) <= 375 + 1, rights
    context.close()
    watch.assert_clean()


def test_screenshots_of_the_main_pages(
    browser: Any, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    site = served("pydata_sphinx_theme", tmp_path_factory)
    shots: list[Path] = []
    for name, docname, width, dark, action in [
        ("home", "index", 1280, False, None),
        ("tool-popover", "index", 1280, False, "Beacon v2"),
        ("standard-page", "technologies_standards/beacon", 1280, False, None),
        ("tool-table", "about/tools_resources", 1280, False, None),
        ("home-dark", "index", 1280, True, None),
        ("home-phone", "index", 390, False, None),
    ]:
        context = browser.new_context(viewport={"width": width, "height": 900})
        page, watch = watched_page(context, data_image_urls(EXAMPLE))
        page.goto(site.page(docname))
        if dark:
            page.evaluate("document.documentElement.dataset.theme = 'dark'")
        if action:
            page.get_by_role("button", name=action).first.click()
        path = tmp_path / f"{name}.png"
        page.screenshot(path=str(path))
        shots.append(path)
        context.close()
        watch.assert_clean()
    assert all(path.stat().st_size > 10_000 for path in shots)
    if UPDATE:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        for path in shots:
            shutil.copy(path, SCREENSHOTS / path.name)


# --- hostile content (issue 15) ---------------------------------------------------------------

#: Set by every payload of tests/payloads/payloads.yml that runs.
PWNED = "typeof window.__pwned === 'undefined' && typeof parent.__pwned === 'undefined'"


def _github_avatar(url: str) -> bool:
    """Contributors' GitHub avatars (their ``git`` is a payload too): stood in for."""
    return url.startswith("https://github.com/")


@pytest.fixture(scope="module", params=INTERACTIVE_THEMES)
def payload_site(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Site]:
    from payload_site import write_payload_site

    root = tmp_path_factory.mktemp("payload-site") / "site"
    write_payload_site(root)
    outdir = tmp_path_factory.mktemp(f"payload-{request.param}")
    command = [sys.executable, "-m", "sphinx", "-q", "-b", "html"]
    subprocess.run(
        [*command, "-D", f"html_theme={request.param}", str(root), str(outdir)],
        check=True,
        capture_output=True,
    )
    site = serve(outdir)
    yield site
    site.server.shutdown()


def test_no_payload_runs_in_the_browser(browser: Any, payload_site: Site) -> None:
    """Every page of the payload site loaded, every popover opened and every link's target
    hovered: window.__pwned stays unset, and nothing is asked of another host."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page, watch = watched_page(context, _github_avatar)
    pages = sorted(path for path in payload_site.root.rglob("*.html"))
    assert len(pages) > 30
    for path in pages:
        page.goto(f"{payload_site.url}/{path.relative_to(payload_site.root).as_posix()}")
        page.wait_for_load_state("load")
        assert page.evaluate(PWNED), path.name
        buttons = page.locator("button.ga4gh-tool-name")
        for index in range(min(buttons.count(), 5)):
            buttons.nth(index).click()
            page.keyboard.press("Escape")
        for element in page.locator("[title], a[href]").all()[:40]:
            element.dispatch_event("mouseover")
            element.dispatch_event("focus")
        assert page.evaluate(PWNED), path.name
        dangerous = page.evaluate(
            """() => Array.from(document.querySelectorAll('[href], [src], [action]'))
                .map(e => e.href || e.src || e.action || '')
                .filter(url => /^(javascript|vbscript|data):/i.test(url)
                               && !/^data:image\\//i.test(url))"""
        )
        assert dangerous == [], path.name
    context.close()
    assert watch.foreign_requests == []
    # Data-named images that are paths of the site but not in it (a payload is a valid
    # path) are missing: that, and only that, is in the console.
    assert [error for error in watch.console_errors if "Failed to load resource" not in error] == []
