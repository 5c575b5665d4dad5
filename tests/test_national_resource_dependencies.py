"""A registry edit costs what it changed on country pages too (issue 19): their national
resources tables and main resources show registry tools filled in when pages are written, so
editing the registry re-reads no page (unless the tools a page's ``ref_to_main_resources`` finds
in the registry change) and rewrites only the pages showing the edited tool: a country page
listing it, a topic page whose "National resources" table shows an instance of it."""

from __future__ import annotations

from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp
from test_tool_dependencies import assert_as_fresh, build, edit, with_parents

from conftest import ROOTS, copy_root


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return copy_root(ROOTS / "test-resource-edits", tmp_path, "resources")


def registry_of(site: Path) -> Path:
    return site / "_data" / "tool_and_resource_list.yml"


def html(built_outdir: Path, page: str) -> str:
    return (built_outdir / f"{page}.html").read_text("utf-8")


def test_editing_a_main_resource_rewrites_only_its_country_page(
    make_app: type[SphinxTestApp], site: Path, tmp_path: Path
) -> None:
    build(make_app, site, freshenv=True)
    edit(registry_of(site), "Keeps data for decades.", "Keeps data for ever.")
    built = build(make_app, site)
    assert built.read == []
    # the country page's main resources table, the site-wide table
    assert built.written == with_parents(built, {"alpha", "tools"})
    assert "Keeps data for ever." in html(built.app.outdir, "alpha")
    assert_as_fresh(make_app, site, tmp_path, built)


def test_renaming_a_parent_rewrites_the_pages_showing_its_instance(
    make_app: type[SphinxTestApp], site: Path, tmp_path: Path
) -> None:
    build(make_app, site, freshenv=True)
    edit(registry_of(site), "name: Cloud Compute", "name: Sky Compute")
    built = build(make_app, site)
    assert built.read == []
    # "instance of" on the country page and on the topic page listing the instance; the
    # other topic page and country page show no instance of it
    assert built.written == with_parents(built, {"alpha", "analysis", "tools"})
    for page in ("alpha", "analysis", "tools"):
        assert "instance of Sky Compute" in html(built.app.outdir, page)
    assert_as_fresh(make_app, site, tmp_path, built)


def test_removing_a_parent_takes_its_badge_away_without_reading(
    make_app: type[SphinxTestApp], site: Path, tmp_path: Path
) -> None:
    build(make_app, site, freshenv=True)
    text = registry_of(site).read_text("utf-8")
    start, end = text.index("- id: compute\n"), text.index("- id: archive\n")
    registry_of(site).write_text(text[:start] + text[end:], "utf-8")
    built = build(make_app, site)
    assert built.read == []
    assert {"alpha", "analysis"} <= built.written
    assert "storage" not in built.written and "beta" not in built.written
    for page in ("alpha", "analysis", "tools"):
        assert "instance of" not in html(built.app.outdir, page)
    # the unknown parent is reported on every build, at the entry's line
    assert any(line.startswith("SRC/alpha.md:") and "'compute'" in line for line in built.warnings)
    assert_as_fresh(make_app, site, tmp_path, built)


def test_a_main_resource_leaving_or_joining_the_registry_rereads_its_country_page(
    make_app: type[SphinxTestApp], site: Path, tmp_path: Path
) -> None:
    build(make_app, site, freshenv=True)
    registry = registry_of(site)
    text = registry.read_text("utf-8")
    start, end = text.index("- id: archive\n"), text.index("- id: portal\n")
    registry.write_text(text[:start] + text[end:], "utf-8")
    built = build(make_app, site)
    # whether the page has the section, and what it warns, is decided when it is read
    assert built.read == ["alpha"]
    assert "Long Archive" not in html(built.app.outdir, "alpha")
    assert any(
        line.startswith("SRC/alpha.md:") and "unknown tool id 'archive'" in line
        for line in built.warnings
    )
    assert_as_fresh(make_app, site, tmp_path, built)

    registry.write_text(text + "- id: later-tool\n  name: Later Tool\n", "utf-8")
    built = build(make_app, site)
    assert built.read == ["alpha"]
    alpha = html(built.app.outdir, "alpha")
    assert "Long Archive" in alpha and "Later Tool" in alpha
    assert not any("unknown tool id" in line for line in built.warnings)
    assert_as_fresh(make_app, site, tmp_path, built)


@pytest.mark.parametrize("parallel", [0, 2])
def test_a_country_page_edit_then_a_registry_edit_give_the_fresh_output(
    make_app: type[SphinxTestApp], site: Path, tmp_path: Path, parallel: int
) -> None:
    build(make_app, site, freshenv=True, parallel=parallel)
    # Betaland's store becomes an instance of the compute service: read in another process
    # under -j, its instances are merged, and the next registry edit reaches it
    edit(
        site / "beta.md",
        "    description: Stores data in Betaland.\n",
        "    description: Stores data in Betaland.\n    instance_of: compute\n",
    )
    built = build(make_app, site, parallel=parallel)
    assert built.read == ["beta"]
    assert_as_fresh(make_app, site, tmp_path, built)
    outdir = built.app.outdir
    before = {path: path.stat().st_mtime_ns for path in outdir.rglob("*.html")}
    edit(registry_of(site), "name: Cloud Compute", "name: Sky Compute")
    built = build(make_app, site, parallel=parallel)
    assert built.read == []
    written = {
        path.relative_to(outdir).with_suffix("").as_posix()
        for path, mtime in before.items()
        if path.stat().st_mtime_ns != mtime
    }
    # pages are written in other processes under -j: which were is seen in the files
    assert {"alpha", "beta", "analysis", "storage", "tools"} <= written
    for page in ("beta", "storage"):
        assert "instance of Sky Compute" in html(outdir, page)
    assert_as_fresh(make_app, site, tmp_path, built)
