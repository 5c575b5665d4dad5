"""A real PDF (SPEC §5, issue 6): LaTeX from a test root and from the example, through latexmk
(TeX Live from Debian), read back with pdftotext."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import ROOTS, build, copy_root, warnings_of

EXAMPLE = Path(__file__).parent.parent / "conf_example"


def require_latex() -> None:
    if os.environ.get("SPHINX_GA4GH_PDF") == "skip":
        pytest.skip("PDF tests skipped (SPHINX_GA4GH_PDF=skip)")
    missing = [tool for tool in ("latexmk", "pdftotext", "make") if shutil.which(tool) is None]
    if not missing:
        return
    message = f"{', '.join(missing)} not installed (see the README: PDF output)"
    if os.environ.get("SPHINX_GA4GH_PDF") == "required":
        pytest.fail(message)
    pytest.skip(message)


def make_pdf(outdir: Path) -> tuple[str, str]:
    """Run Sphinx's LaTeX Makefile (latexmk) in ``outdir``; the PDF's text and the LaTeX log."""
    done = subprocess.run(
        ["make", "-C", str(outdir), "all-pdf", "LATEXMKOPTS=-interaction=nonstopmode"],
        capture_output=True,
        text=True,
        errors="replace",  # TeX's console shows its fonts' 8-bit codes, not UTF-8
        timeout=600,
    )
    assert done.returncode == 0, done.stdout[-3000:]
    # the book is named after its .tex (converted SVG images are PDFs there too)
    [tex] = outdir.glob("*.tex")
    pdf = tex.with_suffix(".pdf")
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-layout", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    log = pdf.with_suffix(".log").read_text("utf-8", errors="replace")
    return text, log


def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def guide(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str, str]:
    require_latex()
    srcdir = copy_root(ROOTS / "test-pdf", tmp_path_factory.mktemp("pdf"))
    app = SphinxTestApp("latex", srcdir=srcdir)
    try:
        app.build()
        warnings = warnings_of(app)
        assert warnings == []
        tex = (app.outdir / "guide.tex").read_text("utf-8")
        text, log = make_pdf(app.outdir)
    finally:
        app.cleanup()
    return text, tex, log


def test_pdf_has_no_latex_errors_or_undefined_references(guide: tuple[str, str, str]) -> None:
    _, _, log = guide
    assert "undefined" not in log.lower()
    assert "! " not in log  # a TeX error line


def test_pdf_text_has_titles_tools_tables_and_references(guide: tuple[str, str, str]) -> None:
    text, _, _ = guide
    flat = squeeze(text)
    assert "QUERYING WITH BEACON" in text  # a page title, as a chapter
    assert "Data use terms" in text
    assert "Beacon v2" in text
    # A row of the site-wide tool table.
    assert re.search(r"Data Use Ontology\s+Standard\s+Terms that say how a", text)
    # The page's references are under the page, before the next chapter.
    chapter_two = text.index("DATA USE TERMS")
    assert text.index("[RBA22] Jordi Rambla") < chapter_two < text.index("[LCK21] Jonathan Lawson")
    assert "BIBLIOGRAPHY" not in text
    # People as a compact list; tiles as a list with descriptions.
    assert "Ada Okafor — editor · Rare Genomes Consortium — ORCID · GitHub" in flat
    assert "• Data use terms — standards Terms for how a dataset may be used." in flat
    # The tool index of the PDF names each tool.
    index = flat[flat.index("TOOLS AND RESOURCES INDEX") :]
    assert "Beacon v2 (beacon)" in index
    assert "European Genome-phenome Archive (ega)" in index


def test_a_tool_url_is_a_footnote_once_per_page(guide: tuple[str, str, str]) -> None:
    _, tex, _ = guide
    start = tex.index(r"\chapter{Querying with Beacon}")
    beacon_page = tex[start : tex.index(r"\chapter{Data use")]
    footnote = r"\footnote{\sphinxnolinkurl{https://docs.genomebeacons.org}}"
    assert beacon_page.count(r"\sphinxhref{https://docs.genomebeacons.org}{Beacon v2}") == 2
    assert beacon_page.count(footnote) == 1
    assert r"\footnote{\sphinxnolinkurl{https://ega-archive.org}}" in beacon_page
    # The root page mentions Beacon too: its own first mention, its own footnote.
    assert tex[: tex.index(r"\chapter{Querying with Beacon}")].count(footnote) == 1


def test_the_root_pages_toctree_captions_are_the_parts_of_the_book(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    srcdir = copy_root(ROOTS / "test-pdf", tmp_path)
    index = srcdir / "index.md"
    index.write_text(index.read_text("utf-8").replace(":caption: About", ":caption: About & more"))
    app, _ = build(make_app, srcdir, "latex")
    tex = (app.outdir / "guide.tex").read_text("utf-8")
    standards = tex.index(r"\part{Standards}")
    about = tex.index(r"\part{About \& more}")
    assert standards < tex.index(r"\chapter{Querying with Beacon}") < about
    assert about < tex.index(r"\chapter{Every tool}")
    assert tex.count(r"\part{") == 2
    # The contents page is not named after the first part.
    assert r"\renewcommand{\contentsname}" not in tex


@pytest.mark.parametrize("buildername", ["html", "singlehtml", "text", "man", "texinfo"])
def test_the_parts_are_made_for_latex_only(
    make_app: type[SphinxTestApp], tmp_path: Path, buildername: str
) -> None:
    """The part node has a LaTeX visitor only (each visitor registered for a format is set on
    every translator Sphinx makes): the other builders never meet it, so they have no
    unknown-node warning and write no part."""
    srcdir = copy_root(ROOTS / "test-pdf", tmp_path)
    app = make_app(buildername, srcdir=srcdir)
    handlers = app.registry.translation_handlers
    assert [name for name, table in handlers.items() if "toctree_part" in table] == ["latex"]
    app.build()
    app.cleanup()
    assert not [line for line in warnings_of(app) if "unknown node" in line]
    written = "".join(
        path.read_text("utf-8", errors="replace")
        for path in app.outdir.rglob("*")
        if path.is_file()
    )
    assert "toctree_part" not in written
    assert r"\part{" not in written


def test_the_pdf_has_parts(guide: tuple[str, str, str]) -> None:
    text, _, _ = guide
    assert re.search(r"Part I\s+Standards", text)
    assert re.search(r"Part II\s+About", text)


LONG_LABEL_ENTRY = """
@article{okafor_cohorts_2023,
  title = {Pooling rare-disease cohorts},
  author = {Okafor, Ada and Tanaka, Mei and Rivera, Sam and Haddad, Lina and Berg, Ola},
  journal = {Invented Genomics},
  year = {2023},
}
"""


def test_reference_labels_have_a_column_as_wide_as_the_widest_and_badges_are_apart(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    srcdir = copy_root(ROOTS / "test-pdf", tmp_path)
    bib = srcdir / "_bibliography" / "references.bib"
    bib.write_text(bib.read_text("utf-8") + LONG_LABEL_ENTRY, "utf-8")
    page = srcdir / "standards" / "beacon.md"
    page.write_text(page.read_text("utf-8") + "\nPooled {cite:p}`okafor_cohorts_2023`.\n")
    app, _ = build(make_app, srcdir, "latex")
    assert warnings_of(app) == []
    tex = (app.outdir / "guide.tex").read_text("utf-8")
    start = tex.index(r"\chapter{Querying with Beacon}")
    beacon_page = tex[start : tex.index(r"\chapter{Data use")]
    assert r"\item[{{[}OTR+23{]}}]" in beacon_page
    # the label column takes the widest label (not the default width of a bullet list)
    assert r"\settowidth{\labelwidth}{{[}OTR+23{]}}" in beacon_page
    # A tool's badges: separated on paper.
    assert (
        r"\sphinxhref{https://docs.genomebeacons.org}{Website} · "
        r"\sphinxhref{https://fairsharing.org/FAIRsharing.6d8e5b}{Standards/Databases} · "
    ) in beacon_page


def test_the_example_builds_to_a_pdf(make_app: type[SphinxTestApp], tmp_path: Path) -> None:
    require_latex()
    app, _ = build(make_app, copy_root(EXAMPLE, tmp_path), "latex")
    assert warnings_of(app) == []
    text, log = make_pdf(app.outdir)
    assert "undefined" not in log.lower()
    assert "Genomic Data Sharing Field Guide" in text
    assert "EUROPEAN GENOME-PHENOME ARCHIVE" in text


def test_svg_images_and_the_unicode_of_real_pages_make_a_pdf(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    """pdflatex cannot include SVG nor print a thin space: the SVG is converted (CairoSVG, in
    safe mode: nothing it names is fetched), an SVG that cannot be read is left out with its
    alt text and a warning, and the characters are declared; the PDF is made."""
    require_latex()
    srcdir = tmp_path / "svg"
    (srcdir / "images").mkdir(parents=True)
    (srcdir / "conf.py").write_text('extensions = ["sphinx_ga4gh"]\nproject = "Shapes"\n', "utf-8")
    (srcdir / "images" / "flow.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        'width="120" height="40"><rect width="120" height="40" fill="#3d7a4f"/>'
        '<image xlink:href="http://127.0.0.1:9/tracker.png" width="10" height="10"/></svg>',
        "utf-8",
    )
    (srcdir / "images" / "broken.svg").write_text("<svg broken", "utf-8")
    (srcdir / "index.md").write_text(
        "# Shapes\n\n:::{figure} /images/flow.svg\n:alt: A flow\nThe data flow.\n:::\n\n"
        "![A broken diagram](/images/broken.svg)\n\n"
        "Thin\u2009space, narrow\u202fno-break, zero\u200bwidth, soft\u00adhyphen.\n\n"
        "An \u0399D and \u03b1 \u25b6 \u2713\n\n"
        "Agreed \U0001f44d, notes \U0001f4dd\ufe0f, waves \U0001f44b\U0001f3fd, "
        "from \U0001f1e7\U0001f1ea.\n\n"
        "```\nguide/\n\u251c\u2500\u2500 pages\n\u2514\u2500\u2500 conf.py\n```\n",
        "utf-8",
    )
    app, _read = build(make_app, srcdir, "latex")
    assert sorted(warnings_of(app)) == [
        f"{srcdir / 'images' / 'broken.svg'}:1: WARNING: SVG image could not be converted for "
        "the PDF: unclosed token: line 1, column 0 [ga4gh.pdf]",
        f"{srcdir / 'index.md'}:8: WARNING: SVG image 'images/broken.svg' left out of the PDF: "
        "pdflatex cannot include SVG; it could not be converted (see the warning at the file) "
        "[ga4gh.pdf]",
    ]
    assert (app.outdir / "flow.pdf").is_file()
    text, _log = make_pdf(app.outdir)
    assert "The data flow." in text
    assert "A broken diagram" in text  # the alt text stands in for the image
    assert "Thin space, narrow no-break" in squeeze(text)
    assert "An ID and" in text
    # emoji, which pdflatex has no font for, by name; a flag by its country code
    assert "Agreed [thumbs up sign], notes [memo], waves [waving hand sign], from [BE]." in (
        squeeze(text)
    )
    assert "|-- pages" in text and "`-- conf.py" in text  # a folder tree in ASCII
