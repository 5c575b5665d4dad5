"""Tiles and people blocks are cached markup in HTML (``furniture/markup.py``): the pages must
be byte for byte what the node trees gave, and other builders must still get the content.

The HTML snapshots were written by the node-tree implementation before the change; set
``SPHINX_GA4GH_UPDATE_SNAPSHOTS=1`` to rewrite them after a deliberate change.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import copy_root

SNAPSHOTS = Path(__file__).parent / "snapshots" / "furniture-html"

PAGES = {
    "tiles": ["index", "ega", "country"],
    "tiles-images": ["index", "domains"],
    "people": ["index", "guides/page"],
    "furniture": ["index", "guides/storage", "guides/people", "guides/analysis"],
    # tiles linking their own page ("#") and pages one folder down (relative links, images)
    "tiles-self": ["index", "guides/archive", "guides/lake"],
}


def _check_snapshot(name: str, actual: str) -> None:
    snapshot = SNAPSHOTS / name
    if os.environ.get("SPHINX_GA4GH_UPDATE_SNAPSHOTS") or not snapshot.exists():
        snapshot.parent.mkdir(parents=True, exist_ok=True)
        snapshot.write_text(actual, "utf-8")
        if not os.environ.get("SPHINX_GA4GH_UPDATE_SNAPSHOTS"):
            pytest.fail(f"snapshot {snapshot.name} was missing and has been written; rerun")
    assert actual == snapshot.read_text("utf-8")


def _page_body(html: str) -> str:
    """The page's own content (alabaster's main block): the head and sidebars carry asset
    hashes and site chrome that other changes move."""
    start = html.index('<div class="body" role="main">')
    return html[start : html.index('<div class="sphinxsidebar"', start)]


@pytest.mark.parametrize("root", sorted(PAGES))
def test_furniture_html_is_unchanged(
    root: str, make_app: type[SphinxTestApp], rootdir: Path, tmp_path: Path
) -> None:
    app = make_app("html", srcdir=copy_root(rootdir / f"test-{root}", tmp_path), freshenv=True)
    app.build()
    for docname in PAGES[root]:
        html = (app.outdir / f"{docname}.html").read_text("utf-8")
        _check_snapshot(f"{root}-{docname.replace('/', '-')}.html", _page_body(html))


@pytest.mark.parametrize("root", sorted(PAGES))
def test_furniture_latex_is_unchanged(
    root: str, make_app: type[SphinxTestApp], rootdir: Path, tmp_path: Path
) -> None:
    """LaTeX gets the node trees, as before: the same document body."""
    app = make_app("latex", srcdir=copy_root(rootdir / f"test-{root}", tmp_path), freshenv=True)
    app.build()
    (tex,) = app.outdir.glob("*.tex")
    body = tex.read_text("utf-8").partition(r"\begin{document}")[2]
    _check_snapshot(f"{root}.tex", body)


def test_latex_has_the_tiles_and_people(
    make_app: type[SphinxTestApp], rootdir: Path, tmp_path: Path
) -> None:
    """The tiles' titles (linked) and descriptions, and people's names and details."""
    tiles = make_app("latex", srcdir=copy_root(rootdir / "test-tiles", tmp_path), freshenv=True)
    tiles.build()
    (tex,) = tiles.outdir.glob("*.tex")
    text = tex.read_text("utf-8")
    assert r"\sphinxstylestrong{Beacon}}}} — technologies standards" in text
    assert "Discover variants." in text
    people = make_app(
        "latex", srcdir=copy_root(rootdir / "test-furniture", tmp_path), freshenv=True
    )
    people.build()
    (tex,) = people.outdir.glob("*.tex")
    text = tex.read_text("utf-8")
    assert r"\subsubsection*{Contributors}" in text
    assert r"\sphinxstylestrong{Lin Hale}\DUrole{ga4gh-separator}{ — }" in text
