"""The post-transforms that fill tile lists, people directories and the data files' links walk
only the HTML pages noted, when read, to hold them (``Ga4ghDomain.note_placeholder``): the
notes must name every page that holds one, and a page that gains one in an incremental build
gets it filled."""

from __future__ import annotations

from pathlib import Path

import pytest
from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.testing.util import SphinxTestApp

from sphinx_ga4gh.furniture.data_links import DATA_LINK_ATTRIBUTE
from sphinx_ga4gh.furniture.directory import people_directory
from sphinx_ga4gh.furniture.section_tiles import section_tiles

from conftest import build, copy_root, html_of


def _held(doctree: nodes.document) -> set[str]:
    """The kinds of placeholder a page's read doctree holds."""
    held = set()
    if any(True for _ in doctree.findall(section_tiles)):
        held.add(section_tiles.__name__)
    if any(True for _ in doctree.findall(people_directory)):
        held.add(people_directory.__name__)
    if any(ref.get(DATA_LINK_ATTRIBUTE) for ref in doctree.findall(pending_xref)):
        held.add(pending_xref.__name__)
    return held


@pytest.mark.parametrize(
    "root", ["test-people", "test-data-links", "test-tiles", "test-tiles-self"]
)
def test_notes_name_every_page_holding_a_placeholder(
    make_app: type[SphinxTestApp], rootdir: Path, tmp_path: Path, root: str
) -> None:
    app, _read = build(make_app, copy_root(rootdir / root, tmp_path))
    noted = app.env.domaindata["ga4gh"]["placeholders"]
    held = {name: _held(app.env.get_doctree(name)) for name in sorted(app.env.found_docs)}
    assert any(held.values()), f"{root} holds no placeholder: the test would prove nothing"
    assert {name: set(noted.get(name, ())) for name in held} == held


def test_a_page_gaining_a_directory_gets_it_filled(
    make_app: type[SphinxTestApp], rootdir: Path, tmp_path: Path
) -> None:
    srcdir = copy_root(rootdir / "test-people", tmp_path)
    build(make_app, srcdir)
    page = srcdir / "guides" / "added.md"
    page.write_text("# Added\n\n```{contributors}\n```\n", encoding="utf-8")
    app, read = build(make_app, srcdir)
    assert "guides/added" in read
    assert app.env.domaindata["ga4gh"]["placeholders"]["guides/added"] == ["people_directory"]
    incremental = html_of(app, "guides/added").select_one("main, div.body, article")
    assert incremental is not None
    assert incremental.select("li, .ga4gh-person, .ga4gh-tile"), "the directory is empty"
    fresh, _read = build(make_app, srcdir, freshenv=True)
    full = html_of(fresh, "guides/added").select_one("main, div.body, article")
    assert str(incremental) == str(full)
