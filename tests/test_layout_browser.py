"""The site around the pages in a browser (issue 17, points 6-8): the migrated homepage of the
invented Jekyll site, the header and page width under pydata-sphinx-theme at 1024-1440 and
390 px, off-site links, and axe-core on every kind of page under pydata and furo: no violation
of serious or critical impact. Every test fails on a console error and on any request that
leaves this machine; axe-core is the local copy ``.ci/run`` installs with npm."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sphinx_ga4gh.migration.project import migrate

from browser import Site, build_html, data_image_urls, launch, serve, watched_page

TESTS = Path(__file__).parent
EXAMPLE = TESTS.parent / "conf_example"
JEKYLL_SITE = TESTS / "jekyll" / "site"
#: ``npm install --prefix tests axe-core`` (.ci/run); or a copy named by SPHINX_GA4GH_AXE.
AXE = Path(os.environ.get("SPHINX_GA4GH_AXE", TESTS / "node_modules" / "axe-core" / "axe.min.js"))
THEMES = ["pydata_sphinx_theme", "furo"]
#: Every kind of page: home with tiles, a content page with tools, citations and people, the
#: tool table, the contributors, the references, the migrated homepage.
EXAMPLE_PAGES = [
    "index",
    "technologies_standards/beacon",
    "about/tools_resources",
    "about/contributors",
    "about/references",
]
JEKYLL_PAGES = ["index", "beacon", "standards", "tools", "contributors"]


#: A site title as long as the real field guide's, which wrapped pydata's header.
LONG_TITLE = "The Rare Disease Genomic Data Sharing Field Guide for Clinicians"


_SITES: dict[tuple[str, str], Site] = {}


def served(kind: str, theme: str, factory: pytest.TempPathFactory) -> Site:
    """The example (``example``) or the migrated invented Jekyll site (``jekyll``, and
    ``jekyll-long`` with a long title), built under ``theme`` and served on localhost."""
    if (kind, theme) not in _SITES:
        source = EXAMPLE
        if kind.startswith("jekyll"):
            source = factory.mktemp("migrated") / "project"
            migrate(JEKYLL_SITE, source)
        outdir = factory.mktemp(f"{kind}-{theme}")
        settings = [f"html_title={LONG_TITLE}"] if kind == "jekyll-long" else []
        if kind.startswith("jekyll"):
            # The invented site configures analytics: off here, no request may leave the machine.
            settings.append("ga4gh_analytics=0")
        build_html(source, outdir, theme, *settings)
        _SITES[kind, theme] = serve(outdir)
    return _SITES[kind, theme]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from launch()


def _images() -> set[str]:
    return data_image_urls(EXAMPLE) | data_image_urls(JEKYLL_SITE)


def _page(browser: Any, width: int) -> tuple[Any, Any, Any]:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page, watch = watched_page(context, _images())
    return context, page, watch


def _axe_path() -> Path:
    if AXE.is_file():
        return AXE
    message = f"axe-core is not installed ({AXE}; npm install --prefix tests axe-core)"
    if os.environ.get("SPHINX_GA4GH_BROWSER") == "required":
        pytest.fail(message)
    pytest.skip(message)


def serious_violations(page: Any) -> list[str]:
    page.add_script_tag(path=str(_axe_path()))
    found: list[list[Any]] = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => [v.id, v.impact, v.nodes.map(n => n.target.join(' ')).slice(0, 3)])"""
    )
    return [f"{rule} ({impact}): {targets}" for rule, impact, targets in found]


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("width", [1280, 390])
def test_no_serious_accessibility_violation_on_any_kind_of_page(
    browser: Any, theme: str, width: int, tmp_path_factory: pytest.TempPathFactory
) -> None:
    _axe_path()
    context, page, watch = _page(browser, width)
    for kind, docnames in (("example", EXAMPLE_PAGES), ("jekyll", JEKYLL_PAGES)):
        site = served(kind, theme, tmp_path_factory)
        for docname in docnames:
            page.goto(site.page(docname))
            assert serious_violations(page) == [], f"{kind} {docname}"
    context.close()
    watch.assert_clean()


@pytest.mark.parametrize("theme", THEMES)
def test_no_serious_accessibility_violation_in_dark_mode(
    browser: Any, theme: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Dark mode from the system (both themes' "auto"): the site's colours, lightened for it,
    keep their contrast on a content page with the footer and top navigation."""
    _axe_path()
    site = served("jekyll", theme, tmp_path_factory)
    context, page, watch = _page(browser, 1280)
    page.emulate_media(color_scheme="dark")
    page.goto(site.page("consent"))
    dark = "document.documentElement.dataset.theme" if theme != "furo" else "'dark'"
    assert page.evaluate(dark) == "dark"
    assert serious_violations(page) == []
    context.close()
    watch.assert_clean()


HEADER_ROWS = """() => {
  const header = document.querySelector('.bd-header');
  // checkVisibility: a closed <details> (the top navigation's dropdowns) still lays its items
  // out when asked for their boxes, but does not show them.
  const shown = [...header.querySelectorAll('a, button')].filter(e => {
    const box = e.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && e.checkVisibility({visibilityProperty: true});
  });
  const middles = [];
  for (const e of shown) {
    const box = e.getBoundingClientRect(), middle = box.top + box.height / 2;
    if (!middles.some(m => Math.abs(m - middle) < 12)) middles.push(middle);
  }
  const title = header.querySelector('.navbar-brand').getBoundingClientRect();
  const over = [...header.querySelectorAll('.bd-navbar-elements a, .bd-navbar-elements button')]
    .filter(e => {
      const b = e.getBoundingClientRect();
      return b.width && b.left < title.right && b.right > title.left
        && b.top < title.bottom && b.bottom > title.top;
    }).length;
  return [middles.length, over];
}"""


@pytest.mark.parametrize("width", [1024, 1280, 1440])
def test_a_long_title_keeps_the_pydata_header_one_row(
    browser: Any, width: int, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """A title as long as the field guide's, beside the invented site's section titles."""
    site = served("jekyll-long", "pydata_sphinx_theme", tmp_path_factory)
    context, page, watch = _page(browser, width)
    page.goto(site.page("beacon"))
    rows, overlapping = page.evaluate(HEADER_ROWS)
    assert (rows, overlapping) == (1, 0)
    context.close()
    watch.assert_clean()


@pytest.mark.parametrize("theme", THEMES)
def test_phone_width_pages_do_not_scroll_sideways(
    browser: Any, theme: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 800}, is_mobile=True)
    page, watch = watched_page(context, _images())
    kinds = (("example", EXAMPLE_PAGES), ("jekyll-long", JEKYLL_PAGES))
    for kind, docnames in kinds:
        site = served(kind, theme, tmp_path_factory)
        for docname in docnames:
            page.goto(site.page(docname))
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 390, f"{kind} {docname}: {width} px"
    # A popover stays on the screen.
    page.goto(served("example", theme, tmp_path_factory).page("index"))
    button = page.get_by_role("button", name="Beacon v2").first
    button.scroll_into_view_if_needed()
    button.click()
    box = page.get_by_role("dialog", name="Beacon v2").first.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert box["y"] >= 0 and box["y"] + box["height"] <= 800
    context.close()
    watch.assert_clean()


@pytest.mark.parametrize("theme", THEMES)
def test_the_migrated_homepage(
    browser: Any, theme: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    site = served("jekyll", theme, tmp_path_factory)
    context, page, watch = _page(browser, 1280)
    page.goto(site.page("index"))
    tiles = page.locator(".ga4gh-home-tiles li")
    assert tiles.count() == 4
    assert tiles.first.locator("img").evaluate("img => img.naturalWidth") > 0
    assert tiles.first.evaluate("li => getComputedStyle(li).listStyleType") == "none"
    # Off-site links open in a new tab, without access to this one.
    ga4gh = page.get_by_role("link", name="the GA4GH site")
    assert ga4gh.get_attribute("target") == "_blank"
    assert "noopener" in (ga4gh.get_attribute("rel") or "")
    assert page.get_by_role("link", name="its contributors").get_attribute("target") is None
    # The search box leads to Sphinx's search page, which finds the page.
    search = page.get_by_role("searchbox", name="Search Rare Disease Data Field Guide")
    search.fill("Beacon")
    search.press("Enter")
    page.wait_for_url("**/search.html?q=Beacon*")
    page.wait_for_function(
        "() => { const s = document.querySelector('#search-results .search-summary');"
        " return s && !/Searching|Preparing/.test(s.textContent); }"
    )
    assert page.locator("#search-results a[href*='beacon.html']").count() > 0
    context.close()
    watch.assert_clean()


@pytest.mark.parametrize("theme", THEMES)
def test_code_blocks_have_a_copy_button(
    browser: Any, theme: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """sphinx-copybutton, set up by the extension: a named button on every code block."""
    site = served("example", theme, tmp_path_factory)
    context, page, watch = _page(browser, 1280)
    page.goto(site.page("technologies_standards/htsget"))
    blocks = page.locator("div.highlight")
    assert blocks.count() > 0
    assert page.locator("div.highlight button.copybtn").count() == blocks.count()
    context.close()
    watch.assert_clean()


#: Cells of the tool tables whose content is cut (wider than the cell, or a badge that leaves
#: it): descriptions must be readable and badges whole, at any width.
CLIPPED_CELLS = """() => {
  const found = [];
  for (const cell of document.querySelectorAll('table.ga4gh-tool-table td')) {
    if (!cell.checkVisibility()) continue;
    const box = cell.getBoundingClientRect();
    if (cell.scrollWidth > cell.clientWidth + 1) found.push('scrolls: ' + cell.innerText);
    for (const badge of cell.querySelectorAll('.ga4gh-badge')) {
      const b = badge.getBoundingClientRect();
      if (b.left < box.left - 1 || b.right > box.right + 1 || b.top < box.top - 1
          || b.bottom > box.bottom + 1) found.push('badge: ' + badge.innerText);
      if (badge.scrollWidth > badge.clientWidth + 1) found.push('cut: ' + badge.innerText);
    }
  }
  return found;
}"""


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("width", [1280, 390])
def test_tool_tables_fit_their_cells(
    browser: Any, theme: str, width: int, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """The site-wide table (all rows) and a page's own table: no cell's text or badge is cut."""
    site = served("example", theme, tmp_path_factory)
    context, page, watch = _page(browser, width)
    page.goto(site.page("about/tools_resources"))
    page.get_by_label("Show").first.select_option("All")
    assert page.locator("table.ga4gh-tool-table td .ga4gh-badge").count() > 10
    assert page.evaluate(CLIPPED_CELLS) == []
    page.goto(site.page("technologies_standards/beacon"))
    assert page.locator("table.ga4gh-page-tool-table").count() == 1
    assert page.evaluate(CLIPPED_CELLS) == []
    context.close()
    watch.assert_clean()


@pytest.mark.parametrize("theme", THEMES)
def test_off_site_links_of_content_pages_open_in_a_new_tab(
    browser: Any, theme: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Every link off the site (the text's, badges', the footer's) as the theme's main.js did;
    the site's own links stay in the tab."""
    site = served("example", theme, tmp_path_factory)
    context, page, watch = _page(browser, 1280)
    page.goto(site.page("technologies_standards/beacon"))
    links: list[list[Any]] = page.evaluate(
        """() => [...document.querySelectorAll('a[href]')].map(a => [
            a.href, a.hostname === location.hostname, a.target, a.rel])"""
    )
    off_site = [link for link in links if link[0].startswith("http") and not link[1]]
    on_site = [link for link in links if link[1]]
    assert len(off_site) > 3 and on_site
    assert [link for link in off_site if link[2] != "_blank" or "noopener" not in link[3]] == []
    assert {link[2] for link in on_site} == {""}
    context.close()
    watch.assert_clean()
