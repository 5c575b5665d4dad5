"""Tool tables as cached markup in HTML (tools/table.py): the bytes the docutils tables gave.

In ``html`` and ``dirhtml`` a filled tool table is a light node whose rows are rendered once
per tool and columns and written again on every page, with the links, the site's root, the
rows' anchors and odd/even classes of the page being written. These tests build each site both
ways (the docutils tables forced by patching the switch) and compare every page's bytes and the
search index; other builders keep the docutils tables.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from docutils import nodes
from sphinx.testing.util import SphinxTestApp

import sphinx_ga4gh.tools.table as table_module
from sphinx_ga4gh.domain import get_domain
from sphinx_ga4gh.tools.fragments import PARTS, fragment_text

from conftest import ROOTS, build, copy_root, html_of, warnings_of


def outputs(outdir: Path) -> dict[str, bytes]:
    """Every page and the search index."""
    files = [*outdir.rglob("*.html"), outdir / "searchindex.js"]
    return {path.relative_to(outdir).as_posix(): path.read_bytes() for path in sorted(files)}


def site_warnings(app: SphinxTestApp) -> list[str]:
    return [line.replace(str(app.srcdir), "SRC") for line in warnings_of(app)]


def build_both_ways(
    make_app: type[SphinxTestApp],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    root: str,
    buildername: str,
    **kwargs: Any,
) -> tuple[SphinxTestApp, dict[str, bytes], dict[str, bytes]]:
    """The site built with cached rows, then with the docutils tables."""
    cached, _read = build(
        make_app, copy_root(ROOTS / root, tmp_path, "cached"), buildername, **kwargs
    )
    with monkeypatch.context() as patch:
        patch.setattr(table_module, "builds_html_pages", lambda env: False)
        plain, _read = build(
            make_app, copy_root(ROOTS / root, tmp_path, "nodes"), buildername, **kwargs
        )
    assert site_warnings(cached) == site_warnings(plain)
    return cached, outputs(cached.outdir), outputs(plain.outdir)


@pytest.mark.parametrize(
    "root",
    ["test-table-markup", "test-basic", "test-custom-links", "test-instances", "test-resources"],
)
def test_cached_rows_give_the_bytes_of_the_docutils_tables(
    make_app: type[SphinxTestApp], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, root: str
) -> None:
    _app, cached, plain = build_both_ways(make_app, monkeypatch, tmp_path, root, "html")
    assert cached.keys() == plain.keys()
    assert [name for name in cached if cached[name] != plain[name]] == []


def test_a_theme_wraps_the_cached_tables_as_the_docutils_ones(
    make_app: type[SphinxTestApp], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """furo wraps every table in a scrolling container with a post-transform of its own (a
    phone's screen scrolls the site-wide table in it): the light node is a table to it too."""
    pytest.importorskip("furo")
    _app, cached, plain = build_both_ways(
        make_app,
        monkeypatch,
        tmp_path,
        "test-table-markup",
        "html",
        confoverrides={"html_theme": "furo"},
    )
    assert [name for name in cached if cached[name] != plain[name]] == []
    page = cached["tools.html"].decode()
    assert '<div class="table-wrapper' in page.split("ga4gh-site-tool-table")[0]


def test_cached_rows_in_dirhtml(
    make_app: type[SphinxTestApp], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Pages are folders there: other relative links and another path to the site's root."""
    _app, cached, plain = build_both_ways(
        make_app, monkeypatch, tmp_path, "test-table-markup", "dirhtml"
    )
    assert [name for name in cached if cached[name] != plain[name]] == []


def test_rows_shared_by_pages_keep_each_pages_links_anchors_and_classes(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    app, _read = build(make_app, copy_root(ROOTS / "test-table-markup", tmp_path))
    home = html_of(app, "guides/home")
    first, second = home.select("table.ga4gh-site-tool-table")
    # The archive's home is this page: its name links to the card here, elsewhere to the page.
    assert first.select_one("tr#tool-row-archive td a")["href"] == "#tool-entry-archive"
    storage = html_of(app, "guides/deep/storage")
    row = storage.select_one("tr#tool-row-archive")
    assert row.select_one("td a")["href"] == "../home.html#tool-entry-archive"
    assert row.select_one("img.ga4gh-badge-icon")["src"] == "../../img/archive.svg"
    assert [a["href"] for a in row.select("a") if a.select_one(".ga4gh-badge-page")] == [
        "../analysis.html",
        "#",
        "../home.html",
    ]
    assert (
        home.select_one("tr#tool-row-archive img.ga4gh-badge-icon")["src"] == "../img/archive.svg"
    )
    # The second table of the page repeats no anchor, and counts its own rows.
    assert second.select("tbody tr[id]") == []
    assert [tr["class"] for tr in second.select("tbody tr")][:2] == [["row-even"], ["row-odd"]]
    # The same row on another page, with that page's anchors.
    tools = html_of(app, "tools")
    assert tools.select_one("tr#tool-row-workbench") is not None
    cells = tools.select_one("tr#tool-row-workbench").select("td")
    assert "Instances: Workbench North, Workbench South" in cells[2].get_text()
    assert cells[6].get_text() == "MIT"


def test_the_search_text_is_the_text_of_the_fragments_nodes(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    app, _read = build(make_app, copy_root(ROOTS / "test-table-markup", tmp_path))
    domain = get_domain(app.env)
    for tool in domain.all_tools():
        relatives = domain.relatives_of(tool)
        for part in ("description", "badges", "relatives"):
            expected = nodes.inline("", "", *PARTS[part](tool, relatives)).astext()
            assert fragment_text(tool, part, relatives) == expected, (tool.id, part)


def test_latex_keeps_the_docutils_tables(make_app: type[SphinxTestApp], tmp_path: Path) -> None:
    app, _read = build(make_app, copy_root(ROOTS / "test-table-markup", tmp_path), "latex")
    tex = next(app.outdir.glob("*.tex")).read_text("utf-8")
    assert tex.count(r"\begin{longtable}") >= 4
    assert r"Instances: \sphinxhref{https://north.workbench.example.org/}{Workbench North}" in tex


def test_parallel_build_writes_the_serial_bytes(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    serial, _read = build(make_app, copy_root(ROOTS / "test-table-markup", tmp_path, "serial"))
    parallel, _read = build(
        make_app, copy_root(ROOTS / "test-table-markup", tmp_path, "parallel"), parallel=2
    )
    assert outputs(serial.outdir) == outputs(parallel.outdir)
