"""What SPEC §8 asks of incremental and parallel builds, on a synthetic field guide made by the
benchmark's generator (benchmarks/generate.py): times are the benchmark's business, the number
of documents re-read and the -j identity are tested here."""

from __future__ import annotations

import hashlib
import re
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import build, html_of, warnings_of

sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))
from generate import generate


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return generate(tmp_path, "test")["ga4gh"]


def digest(outdir: Path) -> dict[str, str]:
    return {
        path.relative_to(outdir).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(outdir.rglob("*"))
        if path.is_file() and path.suffix in {".html", ".js", ".inv"}
    }


def pages_whose_text(site: Path, matches: Callable[[str], bool]) -> list[str]:
    return sorted(
        path.relative_to(site).with_suffix("").as_posix()
        for path in site.rglob("*.md")
        if matches(path.read_text("utf-8"))
    )


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first ``old`` of the file by ``new``, as an editor would."""
    path.write_text(path.read_text("utf-8").replace(old, new, 1), "utf-8")


def test_editing_one_page_rereads_that_page(make_app: type[SphinxTestApp], site: Path) -> None:
    app, read = build(make_app, site, freshenv=True)
    assert warnings_of(app) == []
    assert len(read) == 18  # 16 pages, index, tools
    page = site / "repositories" / "page_00001.md"
    page.write_text(page.read_text("utf-8") + "\nOne more sentence.\n", "utf-8")
    _, read = build(make_app, site)
    assert read == ["repositories/page_00001"]


def listing(site: Path, page_id: str) -> list[str]:
    """Pages whose related_pages name ``page_id`` (the generator writes them on one line)."""
    related = re.compile(rf"^  \w+: \[.*\b{page_id}\b.*\]$", re.M)
    return pages_whose_text(site, lambda text: related.search(text) is not None)


def test_editing_one_page_rewrites_only_the_pages_that_show_it(
    make_app: type[SphinxTestApp], site: Path
) -> None:
    build(make_app, site, freshenv=True)
    edit(site / "repositories" / "page_00001.md", "description: ", "description: Newly edited, ")
    app = make_app("html", srcdir=site)
    written: list[str] = []
    app.connect("html-page-context", lambda _a, name, *_: written.append(name))
    app.build()
    app.cleanup()
    pages = {name for name in written if name not in {"genindex", "search", "ga4gh-tools"}}
    # The page, the pages whose related-page tiles show it, the home page's tiles of its type
    # and the site-wide tool table (which lists pages by title): not the other pages.
    assert pages == {"repositories/page_00001", "index", "tools", *listing(site, "page_00001")}
    assert len(pages) < 8
    # and the home page's tile shows the new description
    assert html_of(app, "index").find(string=re.compile("Newly edited")) is not None


def test_editing_the_registry_rereads_no_page(make_app: type[SphinxTestApp], site: Path) -> None:
    build(make_app, site, freshenv=True)
    registry = site / "_data" / "tool_and_resource_list.yml"
    edit(registry, "  description: ", "  description: Edited. ")
    _, read = build(make_app, site)
    # what pages show of tools is filled in when they are written (tests/test_tool_dependencies)
    assert read == []


def test_two_processes_write_the_same_site(
    make_app: type[SphinxTestApp], site: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(site, copy)
    serial, _ = build(make_app, site, freshenv=True)
    parallel, _ = build(make_app, copy, freshenv=True, parallel=2)
    assert digest(parallel.outdir) == digest(serial.outdir)
