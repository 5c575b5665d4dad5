"""A registry or declaration edit costs what it changed (issue 19): what pages show of a tool is
filled in when they are written, so editing the registry re-reads no page and rewrites only the
pages that show the edited tools, and every incremental build writes what a fresh ``-E`` build
writes (bytes of every HTML page) and reports the same warnings for the pages it writes."""

from __future__ import annotations

import hashlib
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_escape_sequences

from conftest import ROOTS, copy_root

sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))
from generate import generate

#: Pages every HTML build writes whatever changed.
GENERATED = {"genindex", "search", "ga4gh-tools"}


@dataclass
class Built:
    app: SphinxTestApp
    read: list[str]
    #: The documents written, without the generated pages.
    written: set[str]
    #: Warnings with the source folder as ``SRC``, so that two copies compare.
    warnings: set[str]


def build(make_app: type[SphinxTestApp], srcdir: Path, **kwargs: Any) -> Built:
    app = make_app("html", srcdir=srcdir, **kwargs)
    read: list[str] = []
    written: set[str] = set()
    app.connect("env-before-read-docs", lambda _app, _env, docnames: read.extend(docnames))
    app.connect("html-page-context", lambda _app, name, *_: written.add(name))
    app.build()
    app.cleanup()
    text = strip_escape_sequences(app.warning.getvalue()).replace(str(srcdir), "SRC")
    warnings = {line for line in text.splitlines() if line.strip()}
    return Built(app, read, written - GENERATED, warnings)


def html_digest(outdir: Path) -> dict[str, str]:
    return {
        path.relative_to(outdir).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(outdir.rglob("*.html"))
    }


def fresh_build(make_app: type[SphinxTestApp], site: Path, tmp_path: Path) -> Built:
    """A ``-E`` build of a copy of ``site`` as it is now."""
    copy = tmp_path / "fresh"
    if copy.exists():
        shutil.rmtree(copy)
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("_build"))
    return build(make_app, copy, freshenv=True)


def with_parents(built: Built, pages: set[str]) -> set[str]:
    """``pages`` and the pages whose toctree holds one of them: Sphinx writes those again
    itself (their navigation may show the page)."""
    parents = {
        parent
        for page in pages
        for parent in built.app.env.files_to_rebuild.get(page, set())
        if parent in built.app.env.found_docs
    }
    return pages | parents


def warnings_about(warnings: set[str], pages: set[str]) -> set[str]:
    """The warnings located in ``pages`` (``SRC/<page>.md:<line>: ...``)."""
    prefixes = tuple(f"SRC/{page}.md:" for page in pages)
    return {line for line in warnings if line.startswith(prefixes)}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def assert_as_fresh(
    make_app: type[SphinxTestApp], site: Path, tmp_path: Path, built: Built
) -> Built:
    """The incremental build's HTML is a fresh build's, and its warnings about the pages it
    wrote are the fresh build's about them."""
    fresh = fresh_build(make_app, site, tmp_path)
    assert html_digest(built.app.outdir) == html_digest(fresh.app.outdir)
    assert warnings_about(built.warnings, built.written) == warnings_about(
        fresh.warnings, built.written
    )
    return fresh


# --- the benchmark's generated site ------------------------------------------------------------


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return generate(tmp_path / "generated", "test")["ga4gh"]


def registry_of(site: Path) -> Path:
    return site / "_data" / "tool_and_resource_list.yml"


def mentioning(site: Path, tool_id: str) -> set[str]:
    return {
        path.relative_to(site).with_suffix("").as_posix()
        for path in site.rglob("*.md")
        if f"{{tool}}`{tool_id}`" in path.read_text("utf-8")
    }


def entry_text(registry: Path, tool_id: str) -> str:
    """The registry entry of ``tool_id`` as written, up to the next entry."""
    match = re.search(rf"^- id: {tool_id}\n(?:  .*\n)*", registry.read_text("utf-8"), re.M)
    assert match is not None
    return match.group(0)


def test_editing_a_registry_description_rewrites_only_the_pages_showing_the_tool(
    make_app: type[SphinxTestApp], site: Path, tmp_path: Path
) -> None:
    build(make_app, site, freshenv=True)
    edit(registry_of(site), "  description: ", "  description: Edited. ")  # tool-00000
    built = build(make_app, site)
    assert built.read == []
    showing = mentioning(site, "tool-00000") | {"tools"}  # and the site-wide table
    assert len(showing) < 6
    assert built.written == with_parents(built, showing)
    for page in showing:
        assert "Edited. " in (built.app.outdir / f"{page}.html").read_text("utf-8")
    assert_as_fresh(make_app, site, tmp_path, built)


def test_adding_a_tool_rewrites_the_site_wide_table(
    make_app: type[SphinxTestApp], site: Path, tmp_path: Path
) -> None:
    build(make_app, site, freshenv=True)
    registry = registry_of(site)
    new_entry = "- id: tool-new\n  name: Brand New Tool\n  description: Just added.\n"
    registry.write_text(registry.read_text("utf-8") + new_entry, "utf-8")
    built = build(make_app, site)
    assert built.read == []
    assert built.written == with_parents(built, {"tools"})
    assert "Brand New Tool" in (built.app.outdir / "tools.html").read_text("utf-8")
    # its index entry (the table's row) is in the index without the table's page being read
    assert "Brand New Tool" in (built.app.outdir / "genindex.html").read_text("utf-8")
    assert_as_fresh(make_app, site, tmp_path, built)


def test_removing_a_mentioned_tool_warns_on_the_pages_that_mention_it(
    make_app: type[SphinxTestApp], site: Path, tmp_path: Path
) -> None:
    build(make_app, site, freshenv=True)
    registry = registry_of(site)
    removed = entry_text(registry, "tool-00000")
    registry.write_text(registry.read_text("utf-8").replace(removed, ""), "utf-8")
    built = build(make_app, site)
    assert built.read == []
    pages = mentioning(site, "tool-00000")
    assert built.written == with_parents(built, pages | {"tools"})
    unknown = {line for line in built.warnings if "unknown tool id 'tool-00000'" in line}
    # one per mention, at its file and line
    assert {line.partition(".md:")[0].removeprefix("SRC/") for line in unknown} == pages
    assert all(re.match(r"SRC/\S+\.md:\d+: WARNING: ", line) for line in unknown)
    fresh = assert_as_fresh(make_app, site, tmp_path, built)
    assert unknown <= fresh.warnings


# --- declarations, instances and related pages (tests/roots/test-tool-edits) -------------------


@pytest.fixture
def edits(tmp_path: Path) -> Path:
    return copy_root(ROOTS / "test-tool-edits", tmp_path, "edits")


def test_a_registry_edit_reaches_the_card_of_the_page_declaring_the_tool(
    make_app: type[SphinxTestApp], edits: Path, tmp_path: Path
) -> None:
    build(make_app, edits, freshenv=True)
    registry = edits / "_data" / "tool_and_resource_list.yml"
    edit(registry, "name: Sequence Archive", "name: Read Archive")
    edit(registry, "for the long term.", "for ever.")
    built = build(make_app, edits)
    assert built.read == []
    # the declaring page (its card), the page mentioning the tool and its instance (whose
    # popover says "Instance of"), the site-wide table
    assert built.written == with_parents(built, {"archive", "sharing", "tools"})
    card = (built.app.outdir / "archive.html").read_text("utf-8")
    assert "<strong>Read Archive</strong>" in card and "Stores raw reads for ever." in card
    # the page's own url still overrides the registry's
    assert "https://archive.example.org/about/" in card
    sharing = (built.app.outdir / "sharing.html").read_text("utf-8")
    assert re.search("(?<!Dutch )Sequence Archive", sharing) is None
    assert "Read Archive" in (built.app.outdir / "genindex.html").read_text("utf-8")
    assert_as_fresh(make_app, edits, tmp_path, built)


def test_editing_an_instance_rewrites_the_pages_showing_its_parent(
    make_app: type[SphinxTestApp], edits: Path, tmp_path: Path
) -> None:
    build(make_app, edits, freshenv=True)
    registry = edits / "_data" / "tool_and_resource_list.yml"
    edit(registry, "name: Dutch Sequence Archive", "name: Netherlands Archive")
    built = build(make_app, edits)
    assert built.read == []
    # the popovers and table rows of the archive show its instances; its page (the card)
    # counts as showing the archive too
    assert built.written == with_parents(built, {"archive", "sharing", "tools"})
    assert "Netherlands Archive" in (built.app.outdir / "tools.html").read_text("utf-8")
    assert_as_fresh(make_app, edits, tmp_path, built)


def test_editing_a_declaration_rewrites_the_pages_showing_the_tool(
    make_app: type[SphinxTestApp], edits: Path, tmp_path: Path
) -> None:
    build(make_app, edits, freshenv=True)
    edit(
        edits / "archive.md",
        ":url: https://archive.example.org/about/\n",
        ":url: https://archive.example.org/about/\nKeeps reads safe, as declared.\n",
    )
    built = build(make_app, edits)
    assert built.read == ["archive"]
    assert built.written == with_parents(built, {"archive", "sharing", "tools"})
    # no page keeps the old text of a popover or a table
    for page in ("sharing", "tools"):
        html = (built.app.outdir / f"{page}.html").read_text("utf-8")
        assert "Keeps reads safe, as declared." in html
        assert "Stores raw reads" not in html
    assert_as_fresh(make_app, edits, tmp_path, built)


def test_a_declaration_losing_its_registry_name_is_reported_on_every_build(
    make_app: type[SphinxTestApp], edits: Path, tmp_path: Path
) -> None:
    build(make_app, edits, freshenv=True)
    registry = edits / "_data" / "tool_and_resource_list.yml"
    text = registry.read_text("utf-8")
    start, end = text.index("- id: archive\n"), text.index("- id: archive-nl\n")
    registry.write_text(text[:start] + text[end:], "utf-8")
    built = build(make_app, edits)
    assert built.read == []
    assert "archive" in built.written
    assert "SRC/archive.md:6: WARNING: tool 'archive' has no 'name'; its id is shown instead " in (
        "\n".join(built.warnings)
    )
    assert_as_fresh(make_app, edits, tmp_path, built)


def test_changing_related_pages_rereads_only_the_pages_named(
    make_app: type[SphinxTestApp], edits: Path, tmp_path: Path
) -> None:
    build(make_app, edits, freshenv=True)
    registry = edits / "_data" / "tool_and_resource_list.yml"
    edit(registry, "related_pages: [policies]", "related_pages: [policies, plain]")
    built = build(make_app, edits)
    # whether a page has a tool table is decided when it is read
    assert built.read == ["plain"]
    assert "Data Portal" in (built.app.outdir / "plain.html").read_text("utf-8")
    assert_as_fresh(make_app, edits, tmp_path, built)


def test_a_registry_edit_in_parallel_builds_gives_the_fresh_serial_output(
    make_app: type[SphinxTestApp], site: Path, tmp_path: Path
) -> None:
    first = build(make_app, site, freshenv=True, parallel=2)
    outdir = first.app.outdir
    # pages are written in other processes: which were is seen in the files
    before = {path: path.stat().st_mtime_ns for path in outdir.rglob("*.html")}
    edit(registry_of(site), "  name: Tool 00001 ", "  name: Renamed 00001 ")
    built = build(make_app, site, parallel=2)
    assert built.read == []
    written = {
        path.relative_to(outdir).with_suffix("").as_posix()
        for path, mtime in before.items()
        if path.stat().st_mtime_ns != mtime
    }
    expected = mentioning(site, "tool-00001") | {"tools"}
    assert written - GENERATED == with_parents(built, expected)
    assert_as_fresh(make_app, site, tmp_path, built)
