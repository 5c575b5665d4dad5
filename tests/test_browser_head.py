"""The theme's cookie notice in the browser (issue 17 point 5), under pydata-sphinx-theme and
furo at desktop and phone width: shown with Google Analytics configured, its privacy link
leads to the site's page, "Got it!" hides it for the next pages. The analytics script is
answered locally (it is the only request the page makes outside the site); any other request
off this machine, or a console error, fails the test."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browser import Site, data_image_urls, launch, serve, watched_page

ROOT = Path(__file__).parent / "roots" / "test-head"
GTAG = "https://www.googletagmanager.com/gtag/js"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from launch()


@pytest.fixture(scope="module", params=["pydata_sphinx_theme", "furo"])
def head_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Site:
    outdir = tmp_path_factory.mktemp(f"head-{request.param}")
    # the mode as the example sets it: pydata-sphinx-theme logs an error without one
    options = ["-D", f"html_theme={request.param}", "-A", "default_mode=auto"]
    options += ["-D", "ga4gh_google_analytics=G-TEST123"]
    command = [sys.executable, "-m", "sphinx", "-q", "-b", "html", *options]
    subprocess.run([*command, str(ROOT), str(outdir)], check=True, capture_output=True)
    return serve(outdir)


@pytest.mark.parametrize("width", [1280, 390])
def test_cookie_notice_links_the_privacy_page_and_goes_away(
    browser: Any, head_site: Site, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800})
    page, watch = watched_page(context, data_image_urls(ROOT))
    analytics: list[str] = []

    def answer(route: Any) -> None:
        analytics.append(route.request.url)
        route.fulfill(status=200, content_type="text/javascript", body="")

    page.route(GTAG + "*", answer)
    page.goto(head_site.page("moved"))
    notice = page.locator(".ga4gh-cookie-notice")
    notice.wait_for()
    assert "privacy policy" in notice.inner_text()
    box = notice.bounding_box()
    assert box is not None and box["width"] <= width
    link = notice.locator("a")
    assert link.get_attribute("href") == "privacy.html"
    notice.get_by_role("button", name="Got it!").click()
    assert notice.count() == 0
    page.goto(head_site.page("hidden"))
    page.wait_for_load_state("load")
    assert page.locator(".ga4gh-cookie-notice").count() == 0
    assert analytics and all(url.startswith(GTAG + "?id=G-TEST123") for url in analytics)
    context.close()
    watch.assert_clean()
