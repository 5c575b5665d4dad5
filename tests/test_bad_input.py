"""Every bad input of the data files is one warning naming file and line (SPEC §7)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import ROOTS, build, copy_root, warnings_of


@pytest.mark.sphinx("html", testroot="bad-data", freshenv=True)
def test_each_bad_registry_entry_is_reported(app: SphinxTestApp) -> None:
    app.build()
    tools = app.srcdir / "_data" / "tools.yml"
    more = app.srcdir / "_data" / "more_tools.yml"
    warnings = warnings_of(app)
    expected = [
        f"{tools}:6: WARNING: tool entry has no 'id'; it is skipped [ga4gh.tool]",
        f"{tools}:8: WARNING: tool 'noname' has no 'name'; its id is shown instead [ga4gh.tool]",
        f"{tools}:12: WARNING: tool 'badurl': url 'javascript:alert(1)' is not an http(s) or "
        "mailto URL; it is not linked [ga4gh.tool]",
        f"{tools}:16: WARNING: tool 'oddregistry': unknown registry 'biotoolz' (did you mean "
        "'biotools'?) [ga4gh.tool]",
        f"{more}:3: WARNING: duplicate tool id 'beacon': also defined at {tools}:1; the first "
        "definition is used [ga4gh.tool]",
    ]
    for line in expected:
        assert line in warnings


@pytest.mark.sphinx("html", testroot="bad-data", freshenv=True)
def test_unknown_page_links_warn(app: SphinxTestApp) -> None:
    app.build()
    src = app.srcdir / "index.md"
    warnings = warnings_of(app)
    assert f"{src}:6: WARNING: unknown page_id 'no_such_page' [ga4gh.page]" in warnings
    assert f"{src}:6: WARNING: unknown page_id 'no_page_either' [ga4gh.page]" in warnings
    assert not [w for w in warnings if "myst.xref_missing" in w]


@pytest.mark.sphinx("html", testroot="malformed", freshenv=True)
def test_malformed_yaml_is_an_error_with_line_and_column(app: SphinxTestApp) -> None:
    app.build()
    path = app.srcdir / "_data" / "tool_and_resource_list.yml"
    [line] = [w for w in warnings_of(app) if "malformed" in w]
    assert line.startswith(f"{path}:5: ERROR: malformed YAML (line 5, column 6):")
    assert line.endswith("[ga4gh.data]")


@pytest.mark.sphinx("html", testroot="nodata", freshenv=True)
def test_site_without_data_files_builds_clean(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []
    assert (app.outdir / "index.html").exists()


@pytest.mark.sphinx(
    "html",
    testroot="nodata",
    freshenv=True,
    confoverrides={"ga4gh_contributors": "_data/people.yml"},
)
def test_configured_missing_file_is_an_error(app: SphinxTestApp) -> None:
    app.build()
    path = (app.srcdir / "_data" / "people.yml").resolve()
    assert (
        f"{path}:1: ERROR: configured data file not found: _data/people.yml [ga4gh.data]"
        in warnings_of(app)
    )


@pytest.mark.sphinx(
    "html",
    testroot="bad-data",
    freshenv=True,
    confoverrides={"suppress_warnings": ["ga4gh.tool", "ga4gh.page", "bibtex.key_not_found"]},
)
def test_warnings_can_be_suppressed_by_subtype(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []


@pytest.mark.sphinx("html", testroot="bad-data", freshenv=True)
def test_bad_tool_declarations_in_pages(app: SphinxTestApp) -> None:
    app.build()
    a = app.srcdir / "declare_a.md"
    b = app.srcdir / "declare_b.md"
    warnings = warnings_of(app)
    assert (
        f"{b}:5: WARNING: duplicate tool id 'shared-tool': also declared at {a}:3 [ga4gh.tool]"
        in warnings
    )
    assert (
        f"{a}:8: WARNING: tool 'nameless-new' has no 'name'; its id is shown instead [ga4gh.tool]"
        in (warnings)
    )
    assert (
        f"{a}:8: WARNING: tool 'nameless-new': url 'ftp://files.example.org/' is not an http(s) "
        "or mailto URL; it is not linked [ga4gh.tool]" in warnings
    )


@pytest.mark.sphinx("html", testroot="bad-data", freshenv=True)
def test_missing_bibtex_key_warns_with_page_and_line(app: SphinxTestApp) -> None:
    app.build()
    src = app.srcdir / "index.md"
    assert (
        f'{src}:10: WARNING: could not find bibtex key "nobody_2020" [bibtex.key_not_found]'
        in warnings_of(app)
    )


@pytest.mark.sphinx("html", testroot="bad-data", freshenv=True)
def test_duplicate_page_id_names_both_pages(app: SphinxTestApp) -> None:
    app.build()
    first = app.srcdir / "dup_a.md"
    second = app.srcdir / "dup_b.md"
    assert (
        f"{second}:3: WARNING: duplicate page_id 'shared_id': also used by {first}; "
        "the first page keeps it [ga4gh.page]" in warnings_of(app)
    )


def test_a_missing_site_file_is_named(make_app: type[SphinxTestApp], tmp_path: Path) -> None:
    srcdir = copy_root(ROOTS / "test-check", tmp_path)
    (srcdir / "images").mkdir()
    (srcdir / "images" / "logo.svg").write_text("<svg/>", "utf-8")
    app, _ = build(make_app, srcdir, confoverrides={"ga4gh_site_files": ["images", "nothing"]})
    assert any(
        "conf.py:1: WARNING: ga4gh_site_files: 'nothing' does not exist [ga4gh.data]" in line
        for line in warnings_of(app)
    )
    assert (app.outdir / "images" / "logo.svg").read_text("utf-8") == "<svg/>"
