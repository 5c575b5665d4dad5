"""The site around the pages in a browser (issue 17): the migrated invented Jekyll site's
footer, top navigation and icons at desktop (1280 px) and phone (390 px) width, under
pydata-sphinx-theme and furo, with no console error and no request off this machine."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sphinx_ga4gh.migration.project import migrate

from browser import Site, build_html, data_image_urls, launch, serve, watched_page

SITE = Path(__file__).parent / "jekyll" / "site"
WIDTHS = [1280, 390]
_SITES: dict[str, Site] = {}


def served(theme: str, tmp_path_factory: pytest.TempPathFactory) -> Site:
    if theme not in _SITES:
        project = tmp_path_factory.mktemp("chrome") / "project"
        migrate(SITE, project)
        outdir = project / "_build" / theme
        # The invented site configures analytics: off here, no request may leave the machine.
        build_html(project, outdir, theme, "ga4gh_analytics=0")
        _SITES[theme] = serve(outdir)
    return _SITES[theme]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from launch()


def _page(browser: Any, width: int) -> tuple[Any, Any, Any]:
    context = browser.new_context(viewport={"width": width, "height": 900}, is_mobile=width < 500)
    page, watch = watched_page(context, data_image_urls(SITE))
    return context, page, watch


def _fits(page: Any, selector: str, width: int) -> None:
    box = page.locator(selector).first.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width + 1, box


@pytest.mark.parametrize("width", WIDTHS)
def test_pydata_footer_and_topnav_show(
    browser: Any, width: int, tmp_path_factory: pytest.TempPathFactory
) -> None:
    site = served("pydata_sphinx_theme", tmp_path_factory)
    context, page, watch = _page(browser, width)
    page.goto(site.page("consent"))
    footer = page.locator(".bd-footer .ga4gh-site-footer")
    footer.scroll_into_view_if_needed()
    assert footer.is_visible()
    assert footer.get_by_role("link", name="Contribute").is_visible()
    _fits(page, ".bd-footer .ga4gh-site-footer", width)
    if width < 992:  # pydata moves the header's items into the sidebar drawer
        page.locator("button.primary-toggle").first.click()
        nav = page.locator(".bd-sidebar-primary .ga4gh-topnav")
    else:
        nav = page.locator(".bd-header .ga4gh-topnav")
    assert nav.get_by_role("link", name="Standards").is_visible()
    nav.locator("summary", has_text="About the guide").click()
    news = nav.get_by_role("link", name="News")
    assert news.is_visible()
    news.click()
    page.wait_for_url("**/news.html")
    assert page.locator(".ga4gh-source-links").first.is_visible()
    context.close()
    watch.assert_clean()


@pytest.mark.parametrize("width", WIDTHS)
def test_furo_footer_shows(
    browser: Any, width: int, tmp_path_factory: pytest.TempPathFactory
) -> None:
    site = served("furo", tmp_path_factory)
    context, page, watch = _page(browser, width)
    page.goto(site.page("consent"))
    footer = page.locator(".ga4gh-site-footer")
    footer.scroll_into_view_if_needed()
    assert footer.is_visible()
    _fits(page, ".ga4gh-site-footer", width)
    assert page.locator(".ga4gh-source-links").get_by_role("link", name="Report an issue").count()
    context.close()
    watch.assert_clean()


@pytest.mark.parametrize("width", WIDTHS)
def test_furo_topnav_opens_its_sidebar_with_the_keyboard(
    browser: Any, width: int, tmp_path_factory: pytest.TempPathFactory
) -> None:
    site = served("furo", tmp_path_factory)
    context, page, watch = _page(browser, width)
    page.goto(site.page("consent"))
    if width < 768:  # furo's sidebar is a drawer on phones, opened from the header
        page.locator("label.nav-overlay-icon").click()
        page.wait_for_function(  # the drawer slides in
            "() => document.querySelector('.sidebar-drawer').getBoundingClientRect().left >= 0"
        )
    nav = page.locator(".sidebar-drawer .ga4gh-topnav")
    assert nav.get_by_role("link", name="Standards").is_visible()
    _fits(page, ".sidebar-drawer .ga4gh-topnav", width)
    brand = page.locator(".sidebar-brand-text")
    assert brand.count() == 1 and brand.inner_text() == "Rare Disease Guide"
    # the dropdown: a <summary>, opened with Enter, its links reached with Tab
    summary = nav.locator("summary", has_text="About the guide")
    summary.focus()
    page.keyboard.press("Enter")
    news = nav.get_by_role("link", name="News")
    assert news.is_visible()
    news.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/news.html")
    current = page.locator('.ga4gh-topnav a[aria-current="page"]')
    assert current.text_content() == "News"
    assert page.locator(".ga4gh-topnav summary.active").inner_text() == "About the guide"
    context.close()
    watch.assert_clean()


def test_favicons_are_linked_and_served(
    browser: Any, tmp_path_factory: pytest.TempPathFactory
) -> None:
    site = served("furo", tmp_path_factory)
    context, page, watch = _page(browser, 1280)
    page.goto(site.page("consent"))
    hrefs = page.eval_on_selector_all(
        'link[rel~="icon"], link[rel="apple-touch-icon"]', "links => links.map(l => l.href)"
    )
    assert any(href.endswith("/assets/img/apple-touch-icon.png") for href in hrefs)
    assert any(href.endswith("/assets/img/favicon-32x32.png") for href in hrefs)
    assert any(href.endswith("/_static/favicon.ico") for href in hrefs)  # furo's own
    for href in hrefs:
        assert page.request.get(href).status == 200, href
    context.close()
    watch.assert_clean()
