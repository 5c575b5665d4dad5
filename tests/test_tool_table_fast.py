"""Tool tables in HTML written from cell templates (tools/table.py): the bytes of the nodes.

A cell's markup is its shape's template, rendered once per build and translator state by the
translator itself, with each tool's values written in escaped as the translator escapes them;
rows are written as ``HTML5Translator.visit_row`` writes them. These tests build a site of
hostile registry data three ways (templates; the cells' and rows' nodes, forced by patching
the switches; the docutils tables) in several themes and compare every page, the search
index and the warnings.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sphinx.testing.util import SphinxTestApp

import sphinx_ga4gh.tools.table as table_module

from conftest import ROOTS, build, copy_root, html_of, warnings_of

ROOT = ROOTS / "test-table-fast"


def outputs(outdir: Path) -> dict[str, bytes]:
    """Every page and the search index."""
    files = [*outdir.rglob("*.html"), outdir / "searchindex.js"]
    return {path.relative_to(outdir).as_posix(): path.read_bytes() for path in sorted(files)}


def site_warnings(app: SphinxTestApp) -> list[str]:
    return [line.replace(str(app.srcdir), "SRC") for line in warnings_of(app)]


def build_three_ways(
    make_app: type[SphinxTestApp],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    buildername: str = "html",
    **kwargs: Any,
) -> dict[str, tuple[SphinxTestApp, dict[str, bytes], list[str]]]:
    """The site with templated cells and written rows, with cells' and rows' nodes, and with
    the docutils tables; and the cells the templated build rendered from nodes."""
    results = {}
    node_cells: list[tuple[str, str]] = []
    render_nodes = table_module._render_cell_nodes

    def counted(self: Any, tool: Any, column: str) -> tuple[str, list[Any]]:
        node_cells.append((tool.id, column))
        return render_nodes(self, tool, column)

    written_rows: list[int] = []
    write_rows = table_module.visit_tool_rows_html

    def counted_rows(self: Any, node: Any) -> None:
        written_rows.append(len(node["tool_ids"]))
        write_rows(self, node)

    with monkeypatch.context() as patch:
        patch.setattr(table_module, "_render_cell_nodes", counted)
        patch.setattr(table_module, "visit_tool_rows_html", counted_rows)
        app, _read = build(make_app, copy_root(ROOT, tmp_path, "fast"), buildername, **kwargs)
        results["fast"] = (app, outputs(app.outdir), site_warnings(app))
    with monkeypatch.context() as patch:
        patch.setattr(table_module, "_fills_templates", lambda translator: False)
        patch.setattr(table_module, "_writes_rows", lambda translator: False)
        app, _read = build(make_app, copy_root(ROOT, tmp_path, "nodes"), buildername, **kwargs)
        results["nodes"] = (app, outputs(app.outdir), site_warnings(app))
    with monkeypatch.context() as patch:
        patch.setattr(table_module, "builds_html_pages", lambda env: False)
        app, _read = build(make_app, copy_root(ROOT, tmp_path, "docutils"), buildername, **kwargs)
        results["docutils"] = (app, outputs(app.outdir), site_warnings(app))
    # Only the cells linking to a URL the templates leave to the nodes (a mailto, which the
    # translator may cloak) were rendered from nodes; the registry drops javascript: URLs.
    assert sorted(set(node_cells)) == [("mailer", "name"), ("mailer", "website")]
    # every table's rows written without row nodes: 4 site-wide tables (9 tools), 3 pages' tables
    assert sorted(written_rows)[-1] == 9
    assert len(written_rows) == 7
    return results


def assert_same(results: dict[str, tuple[SphinxTestApp, dict[str, bytes], list[str]]]) -> None:
    _app, fast, fast_warnings = results["fast"]
    for way in ("nodes", "docutils"):
        _other, pages, warnings = results[way]
        assert fast.keys() == pages.keys()
        assert [name for name in fast if fast[name] != pages[name]] == [], way
        assert fast_warnings == warnings, way


@pytest.mark.parametrize("theme", ["basic", "alabaster", "pydata_sphinx_theme", "furo"])
def test_templated_cells_give_the_bytes_of_the_nodes(
    make_app: type[SphinxTestApp], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, theme: str
) -> None:
    if theme != "basic":
        pytest.importorskip(theme)
    results = build_three_ways(make_app, monkeypatch, tmp_path, confoverrides={"html_theme": theme})
    assert_same(results)
    app, _pages, warnings = results["fast"]
    # the hostile data is in the tables, escaped, and the dangerous link not made
    assert any("javascript:alert" in line for line in warnings)
    tools = html_of(app, "tools")
    site_table = tools.select_one("table.ga4gh-site-tool-table")
    assert site_table is not None
    row = site_table.select_one("tr#tool-row-quoted")
    assert row is not None
    name = row.select_one("td.ga4gh-col-name a")
    assert name is not None
    assert name.get_text() == 'Q&A <Tool> "quoted" @home — ünïcode ✓'
    assert name["href"] == 'https://quoted.example.org/search?q=a&b="c"&d=<e>@f'
    pages = [a.get_text() for a in row.select("td.ga4gh-col-pages a")]
    assert pages == ["Q&A <pages> “here” @ ünïcode", "Fast tables"]  # smart quotes
    sneaky = site_table.select_one("tr#tool-row-sneaky")
    assert sneaky is not None
    assert "javascript:" not in str(sneaky)
    hub = site_table.select_one("tr#tool-row-hub td.ga4gh-col-description")
    assert hub is not None
    assert "Instances: Hub North <N>, Hub South & Co" in hub.get_text()
    # the second table of the page repeats no anchor and numbers its own rows
    second = tools.select("table.ga4gh-site-tool-table")[1]
    assert second.select("tbody tr[id]") == []
    assert [tr["class"] for tr in second.select("tbody tr")][:2] == [["row-even"], ["row-odd"]]
    page = html_of(app, "guides/quoted")
    cells = page.select_one("table.ga4gh-site-tool-table tr#tool-row-quoted")
    assert cells is not None
    assert [td.get_text() for td in cells.select("td")][-2:] == [
        'GPL-3.0 & "friends" <or> @others',
        "Catálogo ünïcode",
    ]
    # a tool declared on a page links there, from that page itself and from the others
    homed = html_of(app, "guides/homed").select_one("tr#tool-row-homed td.ga4gh-col-name a")
    assert homed is not None
    assert homed["href"] == "#tool-entry-homed"


def test_templated_cells_in_dirhtml(
    make_app: type[SphinxTestApp], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Pages are folders there: other relative links and another path to the site's root."""
    assert_same(build_three_ways(make_app, monkeypatch, tmp_path, "dirhtml"))
