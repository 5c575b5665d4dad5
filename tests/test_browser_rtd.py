"""sphinx-rtd-theme (issue 17, point 7): it bullets every list item of the page's content
(``.rst-content ul li``); the extension's tiles and people lists, drawn as grids and rows,
show none there, as under the other themes. (The test extras install the theme.)"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browser import launch, serve, watched_page

ROOT = Path(__file__).parent / "roots" / "test-search"

LIST_STYLES = """selector => [...document.querySelectorAll(selector)].map(
    item => getComputedStyle(item).listStyleType)"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from launch()


def test_tiles_and_people_have_no_bullets_under_sphinx_rtd_theme(
    browser: Any, tmp_path: Path
) -> None:
    pytest.importorskip("sphinx_rtd_theme", reason="pip install -e '.[test]' installs it")
    command = [sys.executable, "-m", "sphinx", "-q", "-b", "html"]
    theme = ["-D", "html_theme=sphinx_rtd_theme"]
    subprocess.run([*command, *theme, str(ROOT), str(tmp_path)], check=True, capture_output=True)
    site = serve(tmp_path)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page, watch = watched_page(context, set())
    page.goto(site.page("index"))
    assert page.locator(".rst-content").count() == 1  # the theme's own layout
    # The theme bullets the page's other lists (the toctree's), which is what it would do to
    # these without the extension's rule.
    assert "disc" in page.evaluate(LIST_STYLES, ".rst-content .toctree-wrapper li")
    assert page.evaluate(LIST_STYLES, "ul.ga4gh-tiles > li") == ["none", "none"]
    assert page.evaluate(LIST_STYLES, "ul.ga4gh-people-list > li") == ["none", "none"]
    page.goto(site.page("passports"))  # the page's contributors, from its front matter
    assert page.evaluate(LIST_STYLES, "ul.ga4gh-people-list > li") == ["none", "none"]
    context.close()
    watch.assert_clean()
