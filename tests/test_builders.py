"""Every node renders in LaTeX and does not crash the other builders (SPEC §5)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from sphinx.testing.util import SphinxTestApp

from conftest import ROOTS, build, copy_root, warnings_of


@pytest.mark.sphinx("latex", testroot="basic", freshenv=True)
def test_latex_renders_tools_as_linked_names_and_tables(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []
    tex = (app.outdir / "basicguide.tex").read_text("utf-8")
    assert r"\sphinxhref{https://beacon.example.org/}{Beacon v2}" in tex
    assert r"\sphinxhref{https://htsget.example.org/}{the htsget protocol}" in tex
    assert "Finds variants" not in tex  # popovers are HTML only
    assert r"\begin{longtable}" in tex
    assert "Tools and resources on this page" in tex
    assert r"European Genome\sphinxhyphen{}phenome Archive" in tex
    assert r"\index{Data Repository Service@\spxentry{Data Repository Service}}" in tex


@pytest.mark.parametrize("builder", ["text", "man", "texinfo", "singlehtml", "epub", "xml"])
def test_other_builders_do_not_crash(
    make_app: type[SphinxTestApp], builder: str, tmp_path: Path
) -> None:
    app, _ = build(make_app, copy_root(ROOTS / "test-basic", tmp_path), builder)
    # The test root has no `version`, which only the EPUB builder asks for.
    problems = [w for w in warnings_of(app) if "for EPUB3" not in w]
    assert problems == []
    if builder == "text":
        text = (app.outdir / "index.txt").read_text("utf-8")
        assert "The guide covers Beacon v2 and the htsget protocol." in text


@pytest.mark.parametrize("builder", ["latex", "text", "man", "texinfo", "epub"])
@pytest.mark.parametrize("root", ["people", "tiles", "references", "front-matter"])
def test_page_furniture_in_every_builder(
    make_app: type[SphinxTestApp], builder: str, root: str, tmp_path: Path
) -> None:
    app, _ = build(make_app, copy_root(ROOTS / f"test-{root}", tmp_path), builder)
    expected_warnings = [w for w in warnings_of(app) if "for EPUB3" not in w]
    # The people and tiles roots have deliberate bad names; nothing else may warn or crash.
    assert all("[ga4gh." in w for w in expected_warnings)
    if builder == "latex":
        tex = next(app.outdir.glob("*.tex")).read_text("utf-8")
        assert "includegraphics" not in tex  # no avatars or logos on paper
        content = {
            "people": "Amara Okafor",
            "tiles": "Discover variants.",
            "references": "Kelleher",
            "front-matter": "Taken from front matter",
        }[root]
        assert content in tex


@pytest.mark.parametrize("builder", ["html", "dirhtml", "singlehtml"])
def test_avatars_and_logos_resolve_in_every_html_layout(
    make_app: type[SphinxTestApp], builder: str, tmp_path: Path
) -> None:
    """Site files (``/images/x.png``) are linked from where each builder puts the page:
    ``guides/page.html``, ``guides/page/index.html`` or the one ``index.html``."""
    app, _ = build(make_app, copy_root(ROOTS / "test-people", tmp_path), builder)
    outdir = Path(app.outdir)
    checked = 0
    for page in outdir.rglob("*.html"):
        if "_static" in page.parts:
            continue
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        for img in soup.select("img.ga4gh-avatar, img.ga4gh-logo"):
            src = str(img["src"])
            if "://" in src:
                continue
            assert (page.parent / src).resolve().is_file(), f"{page}: {src}"
            checked += 1
    assert checked >= 2  # Mei Tanaka's picture on the guide page, a logo on the index


def _page_of(element: Tag) -> str:
    """The page an element of the single HTML page comes from: the last page marker before it."""
    marker = element.find_previous("span", id=lambda id_: bool(id_) and id_.startswith("document-"))
    return str(marker["id"]) if marker is not None else ""


def test_singlehtml_citations_link_to_their_own_pages_list(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    """Four pages cite the same work, each with its own References list: in one HTML page,
    every citation jumps to its page's entry for that work, and no id repeats."""
    app, _ = build(make_app, copy_root(ROOTS / "test-references", tmp_path), "singlehtml")
    soup = BeautifulSoup((app.outdir / "index.html").read_text("utf-8"), "html.parser")
    ids = [str(element["id"]) for element in soup.select("[id]")]
    assert sorted(id_ for id_ in set(ids) if ids.count(id_) > 1) == []
    links = soup.select(".bibtex-citation a[href^='#']")
    assert len(links) >= 5
    for link in links:
        entry = soup.find(id=str(link["href"])[1:])
        assert isinstance(entry, Tag), link
        assert _page_of(entry) == _page_of(link), link
        # The link's tooltip is the entry it names.
        assert " ".join(str(link["title"]).split())[:40] in " ".join(entry.get_text().split())
    # Headings' links follow their renamed ids.
    for anchor in soup.select("a.headerlink"):
        assert soup.find(id=str(anchor["href"])[1:]) is not None, anchor


def test_epub_tool_names_are_links_to_the_tool(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    """An e-reader runs no script: a tool's name links to its website, or to its field guide
    entry when it has none, and no popover is hidden in the page."""
    srcdir = copy_root(ROOTS / "test-basic", tmp_path)
    sharing = srcdir / "guides" / "sharing.md"
    sharing.write_text(
        sharing.read_text("utf-8")
        + "\n```{ga4gh:tool} local-notes\n:name: Local notes\n:type: tool\n\nKept here.\n```\n",
        "utf-8",
    )
    passports = srcdir / "guides" / "passports.md"
    passports.write_text(passports.read_text("utf-8") + "\nSee {tool}`local-notes`.\n", "utf-8")
    app, _ = build(make_app, srcdir, "epub")
    assert [w for w in warnings_of(app) if "for EPUB3" not in w] == []
    index = BeautifulSoup((app.outdir / "index.xhtml").read_text("utf-8"), "html.parser")
    assert index.select("button") == []
    assert index.select(".ga4gh-popover") == []
    beacon = index.select_one("a.ga4gh-tool[data-ga4gh-tool='beacon']")
    assert beacon is not None
    assert (beacon["href"], beacon.get_text()) == ("https://beacon.example.org/", "Beacon v2")
    page = BeautifulSoup(
        (app.outdir / "guides" / "passports.xhtml").read_text("utf-8"), "html.parser"
    )
    notes = page.select_one("a.ga4gh-tool[data-ga4gh-tool='local-notes']")
    assert notes is not None
    href = str(notes["href"])
    assert href.startswith("sharing.xhtml#")
    entry = BeautifulSoup(
        (app.outdir / "guides" / "sharing.xhtml").read_text("utf-8"), "html.parser"
    )
    assert entry.find(id=href.partition("#")[2]) is not None
