"""Section tiles in a browser (issue 18): icons, page pictures, supporter logos and flags, and
the simple variant stay inside their tiles at desktop (1280 px) and phone (390 px) width, under
pydata-sphinx-theme and furo; their links are reached with the keyboard."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browser import Site, build_html, data_image_urls, launch, serve, watched_page

ROOT = Path(__file__).parent / "roots" / "test-tiles-images"
WIDTHS = [1280, 390]
THEMES = ["pydata_sphinx_theme", "furo"]
_SITES: dict[str, Site] = {}

#: Every element of a tile whose box leaves the tile's box, and tiles that leave the window.
OVERFLOWS = """() => {
  const found = [];
  for (const tile of document.querySelectorAll('li.ga4gh-tile')) {
    const box = tile.getBoundingClientRect();
    if (box.left < -1 || box.right > window.innerWidth + 1) found.push('tile ' + tile.innerText);
    if (tile.scrollWidth > tile.clientWidth + 1) found.push('scrolls: ' + tile.innerText);
    for (const inner of tile.querySelectorAll('*')) {
      const r = inner.getBoundingClientRect();
      if (r.width && (r.left < box.left - 1 || r.right > box.right + 1)) {
        found.push(inner.tagName + ' ' + (inner.getAttribute('data-name') || inner.className));
      }
    }
  }
  return found;
}"""


def served(theme: str, tmp_path_factory: pytest.TempPathFactory) -> Site:
    if theme not in _SITES:
        outdir = tmp_path_factory.mktemp("tiles") / theme
        build_html(ROOT, outdir, theme)
        _SITES[theme] = serve(outdir)
    return _SITES[theme]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from launch()


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("width", WIDTHS)
def test_tiles_do_not_overflow(
    browser: Any, theme: str, width: int, tmp_path_factory: pytest.TempPathFactory
) -> None:
    site = served(theme, tmp_path_factory)
    context = browser.new_context(viewport={"width": width, "height": 900}, is_mobile=width < 500)
    page, watch = watched_page(context, data_image_urls(ROOT))
    for docname in ("domains", "index"):
        page.goto(site.page(docname))
        page.wait_for_load_state("load")
        assert page.locator("li.ga4gh-tile").count() >= 2
        assert page.evaluate(OVERFLOWS) == []
    page.goto(site.page("domains"))
    # the site's images are there and shown (no broken icon, picture or logo; they load
    # lazily; an SVG with only a viewBox is not 0 wide)
    images = page.locator("li.ga4gh-tile img")
    for index in range(images.count()):
        images.nth(index).scroll_into_view_if_needed()
    page.wait_for_function(
        "() => Array.from(document.querySelectorAll('li.ga4gh-tile img')).every(i => i.complete)"
    )
    broken = page.evaluate(
        "() => Array.from(document.querySelectorAll('li.ga4gh-tile img'))"
        ".filter(img => img.naturalWidth === 0 || img.getBoundingClientRect().width < 4)"
        ".map(img => img.src)"
    )
    assert broken == []
    assert page.get_by_role("img", name="Belgium").count() == 1
    assert page.get_by_role("link", name="logo of Variant Archive Network").count() == 1
    context.close()
    watch.assert_clean()


def test_tile_links_are_reached_with_the_keyboard(
    browser: Any, tmp_path_factory: pytest.TempPathFactory
) -> None:
    site = served("pydata_sphinx_theme", tmp_path_factory)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page, watch = watched_page(context, data_image_urls(ROOT))
    page.goto(site.page("domains"))
    tile_links = len(set(page.locator("li.ga4gh-tile a").evaluate_all("l => l.map(a => a.href)")))
    reached: list[str] = []
    for _ in range(200):
        page.keyboard.press("Tab")
        inside = page.evaluate(
            "() => { const a = document.activeElement;"
            " return a && a.closest('li.ga4gh-tile') ? a.getAttribute('href') : null; }"
        )
        if inside and inside not in reached:
            reached.append(inside)
        if len(reached) == tile_links:
            break
    assert "belgium.html" in reached and "https://variant-archive.example.org" in reached
    assert len(reached) == tile_links
    page.goto(site.page("index"))
    link = page.locator("ul.ga4gh-tiles-simple").get_by_role("link", name="Belgium")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/belgium.html")
    context.close()
    watch.assert_clean()


def test_a_logo_that_does_not_load_shows_the_name(
    browser: Any, tmp_path_factory: pytest.TempPathFactory
) -> None:
    site = served("pydata_sphinx_theme", tmp_path_factory)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page, watch = watched_page(context, data_image_urls(ROOT))
    page.route("**/long-name.svg", lambda route: route.fulfill(status=404, body=""))
    page.goto(site.page("domains"))
    supporter = page.locator(".ga4gh-tile-supporter", has_text="A Consortium With A Very Long")
    supporter.scroll_into_view_if_needed()
    supporter.wait_for()
    assert supporter.locator("img").count() == 0
    assert page.evaluate(OVERFLOWS) == []
    # the 404 itself is the only console error
    assert all("404" in error for error in watch.console_errors), watch.console_errors
    assert watch.foreign_requests == []
    context.close()
