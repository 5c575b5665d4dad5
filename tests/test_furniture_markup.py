"""Tiles and people blocks are cached markup in HTML (``furniture/markup.py``): the pages must
be byte for byte what the node trees gave, and other builders must still get the content.

The HTML snapshots were written by the node-tree implementation before the change; set
``SPHINX_GA4GH_UPDATE_SNAPSHOTS=1`` to rewrite them after a deliberate change.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Sequence
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from docutils import nodes
from sphinx.testing.util import SphinxTestApp

from sphinx_ga4gh.data.diagnostics import SourceLocation
from sphinx_ga4gh.data.people import Affiliation, Contributor
from sphinx_ga4gh.furniture.markup import block_nodes, furniture_markup, pending_link
from sphinx_ga4gh.furniture.people import (
    affiliation_item,
    country_item,
    person_item,
    person_words,
    searchable_text,
    supporter_words,
)

from conftest import build, copy_root


def plain_text(block: Sequence[nodes.Node]) -> str:
    """What Sphinx's search index reads of ``block``: its text nodes, space-separated (it
    splits each text node into words)."""
    return " ".join(
        text.astext() for node in block for text in node.findall(nodes.Text) if text.astext()
    )


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


# --- the searchable text of a people block, put together without its nodes ----------------


def _contributors() -> list[Contributor | None]:
    """Every combination of what a person's line shows, and an unknown person."""
    where = SourceLocation("CONTRIBUTORS.yaml", 1)
    people: list[Contributor | None] = [None]
    for role, affiliation, orcid, git, email, image in itertools.product(
        ("", "editor"),
        ("", "Example Genomics Institute"),
        ("", "0000-0002-1825-0097"),
        ("", "amara-example"),
        ("", "amara@example.org", "bad address\n"),
        ("", "/images/amara.png"),
    ):
        people.append(
            Contributor(
                "Amara Okafor", where, git, email, orcid, role, affiliation, image_url=image
            )
        )
    return people


@pytest.mark.parametrize("name", ["Amara Okafor", "", "Null\x00 escaped", "Ünïcode Näme"])
def test_a_persons_words_are_the_text_of_their_nodes(name: str) -> None:
    """``person_words`` mirrors ``person_item``: the search index reads the same words."""
    for person in _contributors():
        assert searchable_text(person_words(name, person)) == plain_text(
            [person_item(name, person)]
        ), person


def test_a_supporters_words_are_the_text_of_their_nodes() -> None:
    where = SourceLocation("affiliations.yaml", 1)
    countries = {"BE": "Belgium"}
    for org in (
        None,
        Affiliation("Northern Data Commons", where),
        Affiliation("Example Genomics Institute", where, "https://genomics.example.org/"),
        Affiliation("Beta Funders", where, image_url="/images/beta.svg"),
        Affiliation("Alpha Trust", where, "https://alpha.example.org/", "/images/alpha.svg"),
    ):
        name = org.name if org else "Unknown Org"
        assert searchable_text(supporter_words(name, countries)) == plain_text(
            [affiliation_item(name, org)]
        )
    for code in ("BE", "be", "ZZ"):
        assert searchable_text(supporter_words(code, countries)) == plain_text(
            [country_item(code, countries)]
        )


@pytest.mark.parametrize("root", ["people", "people-yaml", "people-nofiles", "furniture"])
def test_a_people_blocks_searchable_text_is_that_of_its_nodes(
    root: str, make_app: type[SphinxTestApp], rootdir: Path, tmp_path: Path
) -> None:
    """What the read phase stores for the search index equals the text of the nodes the
    block is built from when it is written (groups, countries linked to their pages)."""
    app = make_app("html", srcdir=copy_root(rootdir / f"test-{root}", tmp_path), freshenv=True)
    app.build()
    blocks = 0
    for docname in sorted(app.env.all_docs):
        for node in app.env.get_doctree(docname).findall(furniture_markup):
            if node["kind"] != "people":
                continue
            blocks += 1
            built = block_nodes(app.env, node, pending_link)
            assert node.astext() == plain_text(built), docname
            assert node.astext()  # a block shows at least one name
    assert blocks


def test_a_persons_line_rendered_once_is_right_on_every_page(
    make_app: type[SphinxTestApp], rootdir: Path, tmp_path: Path
) -> None:
    """A person's line is rendered once per build and written in every block naming them: its
    picture's path is still the one for the page it is on (one folder down, or not), and the
    rest is the same bytes on both pages."""
    root = copy_root(rootdir / "test-people", tmp_path)
    index = root / "index.md"
    index.write_text(
        index.read_text("utf-8").replace(
            "contributors: [Amara Okafor, Sam Rivera]",
            "contributors: [Amara Okafor, Mei Tanaka, Nobody Known]",
        ),
        "utf-8",
    )
    app = make_app("html", srcdir=root, freshenv=True)
    app.build()
    lines = {}
    for docname, src in (("index", "images/mei.png"), ("guides/page", "../images/mei.png")):
        page = BeautifulSoup((app.outdir / f"{docname}.html").read_text("utf-8"), "html.parser")
        people = {
            item.select_one("strong").get_text(): item
            for item in page.select(".ga4gh-page-people .ga4gh-person")
        }
        assert people["Mei Tanaka"].select_one("img")["src"] == src
        assert "ga4gh-unknown-person" in people["Nobody Known"].select_one("strong")["class"]
        lines[docname] = str(people["Mei Tanaka"]).replace(f'src="{src}"', "")
    assert lines["index"] == lines["guides/page"]


def _pages(outdir: Path) -> dict[str, bytes]:
    """Every page and the search index (the people blocks' text is in it)."""
    pages = {
        str(path.relative_to(outdir)): path.read_bytes()
        for path in sorted(outdir.rglob("*.html"))
        if path.name not in ("genindex.html", "search.html")
    }
    pages["searchindex.js"] = (outdir / "searchindex.js").read_bytes()
    return pages


@pytest.mark.parametrize("root", ["furniture", "listings"])
def test_incremental_and_parallel_builds_give_a_fresh_builds_furniture(
    root: str, make_app: type[SphinxTestApp], rootdir: Path, tmp_path: Path
) -> None:
    """People blocks (lines rendered once per build), citations, page-id tables and heading
    links: ``-j 2`` and a rebuild after an edit write what a fresh ``-E`` build writes."""
    serial_root = copy_root(rootdir / f"test-{root}", tmp_path, "serial")
    serial, _ = build(make_app, serial_root, freshenv=True)
    parallel, _ = build(
        make_app,
        copy_root(rootdir / f"test-{root}", tmp_path, "parallel"),
        freshenv=True,
        parallel=2,
    )
    assert _pages(serial.outdir) == _pages(parallel.outdir)
    # a page gains a contributor, a citation and a link to a heading of another page
    edited = sorted(serial_root.rglob("*.md"))[-1]
    text = edited.read_text("utf-8")
    assert text.startswith("---\n")
    edited.write_text(
        "---\ncontributors: [Lin Hale, Nobody Known]\npage_citation: true\n"
        + text.removeprefix("---\n")
        + "\n\n[there](index.md#nowhere)\n",
        "utf-8",
    )
    again, read = build(make_app, serial_root)
    assert read
    fresh, _ = build(make_app, copy_root(serial_root, tmp_path, "fresh"), freshenv=True)
    assert _pages(again.outdir) == _pages(fresh.outdir)
