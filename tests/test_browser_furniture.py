"""The page furniture in a browser (issue 18): "More information" panels open and close with
the keyboard, an avatar that does not load becomes initials, and the citation's access date and
address are written by ga4gh.js (no inline script)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browser import data_image_urls, launch, serve, watched_page
from conftest import ROOTS


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from launch()


def test_panels_avatars_and_citation_in_the_browser(browser: Any, tmp_path: Path) -> None:
    srcdir = ROOTS / "test-furniture"
    outdir = tmp_path / "html"
    command = [sys.executable, "-m", "sphinx", "-q", "-E", "-b", "html", str(srcdir), str(outdir)]
    subprocess.run(command, check=True, capture_output=True)
    site = serve(outdir)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page, watch = watched_page(context, data_image_urls(srcdir))
    try:
        page.goto(site.page("guides/analysis"))
        panel = page.locator("details.ga4gh-faircookbook")
        assert panel.get_attribute("open") is None
        link = panel.locator("ul a")
        assert not link.is_visible()
        panel.locator("summary").focus()
        page.keyboard.press("Enter")
        assert panel.get_attribute("open") == ""
        assert link.is_visible()
        page.keyboard.press("Space")
        assert panel.get_attribute("open") is None
        accessed = page.locator(".ga4gh-accessed")
        assert accessed.is_visible()
        assert accessed.inner_text().strip().startswith("(accessed ")

        page.goto(site.page("guides/storage"))
        # Lin Hale's picture (/images/missing.png) does not load: the initials take its place
        person = page.locator(".ga4gh-contributors li", has_text="Lin Hale")
        initials = person.locator(".ga4gh-initials")
        initials.wait_for()
        assert initials.inner_text() == "LH"
        assert person.locator("img").count() == 0
    finally:
        context.close()
        site.server.shutdown()
    # the missing picture is the one error the page may log
    assert [e for e in watch.console_errors if "404" not in e] == []
    assert watch.foreign_requests == []
