"""A BibTeX file as Zotero exports it, read as jekyll-scholar reads it (issue 14): every entry
loaded whatever else the file holds, missing keys shown, works in APA order, no empty
"References", and a changed file seen by the next incremental build."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from sphinx_ga4gh.check import check_site

from conftest import ROOTS, build, copy_root, html_of, warnings_of

ROOT = ROOTS / "test-zotero-bib"
BIB = "_bibliography/references.bib"


def _text(app: SphinxTestApp, docname: str, selector: str = "div.body") -> str:
    return " ".join(html_of(app, docname).select_one(selector).get_text(" ", strip=True).split())


def _warnings(app: SphinxTestApp) -> list[str]:
    """Warnings with the project's folder left out."""
    return [line.replace(f"{app.srcdir}/", "") for line in warnings_of(app)]


@pytest.mark.sphinx("html", testroot="zotero-bib", freshenv=True)
def test_every_entry_is_loaded_and_each_problem_named_once(app: SphinxTestApp) -> None:
    app.build()
    assert _warnings(app) == [
        f"{BIB}:22: WARNING: BibTeX key 'rehm_ga4gh_2021' repeats the entry at line 1; the "
        "first entry is used and this one is left out [ga4gh.data]",
        f"{BIB}:28: WARNING: BibTeX entry 'brandt_unclosed_2020' cannot be read (a brace or "
        "quote opened in it is not closed before the next entry); it is left out [ga4gh.data]",
        f"{BIB}:40: WARNING: BibTeX entry 'lund_comma_2018' cannot be read (syntax error: '}}' "
        "expected at line 42); it is left out [ga4gh.data]",
        'index.md:8: WARNING: could not find bibtex key "nosuch_2020" [bibtex.key_not_found]',
        'missing.md:5: WARNING: could not find bibtex key "lund_comma_2018" [bibtex.key_not_found]',
    ]
    index = _text(app, "index")
    # the entry before the byte-order mark's line, after the repeat, after the broken entry
    # and at the end of the file are all cited and listed; the first of the repeated is used
    assert "after the repeated key ( Okafor et al. , 2021 )" in index
    assert "after the broken entry ( Adeyemi, 2022 )" in index
    assert "the last one Zhou ( 2017 )" in index
    listed = _text(app, "index", "section#references")
    assert "GA4GH: Invented policies for sharing. Invented Genomics" in listed
    assert "second export" not in listed


@pytest.mark.sphinx("html", testroot="zotero-bib", freshenv=True)
def test_works_of_one_citation_are_in_apa_order(app: SphinxTestApp) -> None:
    app.build()
    # written rehm, kelleher
    assert "( Kelleher et al. , 2019 ; Rehm et al. , 2021 )" in _text(app, "index")


@pytest.mark.sphinx("html", testroot="zotero-bib", freshenv=True)
def test_a_missing_key_is_shown_marked_inside_the_brackets(app: SphinxTestApp) -> None:
    app.build()
    index = html_of(app, "index")
    missing = index.select("span.bibtex-citation span.ga4gh-citation-missing")
    assert [span.get_text() for span in missing] == ["nosuch_2020"]
    assert missing[0]["title"] == "nosuch_2020: not in the bibliography"
    # written nosuch_2020 first: the found work formatted, the missing key after it
    assert "( Okafor et al. , 2021 ; nosuch_2020 )" in _text(app, "index")
    only = _text(app, "missing")
    assert "in no BibTeX file ( lund_comma_2018 )" in only and "( )" not in only


@pytest.mark.sphinx("html", testroot="zotero-bib", freshenv=True)
def test_a_page_whose_citations_all_fail_has_no_references_heading(app: SphinxTestApp) -> None:
    app.build()
    page = html_of(app, "missing")
    assert page.select_one("section#references") is None
    assert "References" not in page.get_text()  # nor in its contents or the site's toctree
    assert html_of(app, "index").select_one("section#references") is not None


@pytest.mark.sphinx("latex", testroot="zotero-bib", freshenv=True)
def test_a_missing_key_is_marked_in_latex(app: SphinxTestApp) -> None:
    app.build()
    tex = (app.outdir / "zoterobibliography.tex").read_text("utf-8")
    assert r"\sphinxstyleemphasis{lund\_comma\_2018}\textbf{?}" in tex
    assert r"2021}; \sphinxstyleemphasis{nosuch\_2020}\textbf{?})" in tex


@pytest.mark.sphinx("text", testroot="zotero-bib", freshenv=True)
def test_a_missing_key_is_marked_in_text(app: SphinxTestApp) -> None:
    app.build()
    text = " ".join((app.outdir / "index.txt").read_text("utf-8").split())
    assert "(Okafor *et al.*, 2021; nosuch_2020?)" in text
    assert "(Kelleher *et al.*, 2019; Rehm *et al.*, 2021)" in text


def test_check_reads_the_file_as_the_build_does() -> None:
    found = [str(problem) for problem in check_site(ROOT)]
    assert found == [
        f"{BIB}:22: ga4gh.data: BibTeX key 'rehm_ga4gh_2021' repeats the entry at line 1; the "
        "first entry is used and this one is left out",
        f"{BIB}:28: ga4gh.data: BibTeX entry 'brandt_unclosed_2020' cannot be read (a brace or "
        "quote opened in it is not closed before the next entry); it is left out",
        f"{BIB}:40: ga4gh.data: BibTeX entry 'lund_comma_2018' cannot be read (syntax error: "
        "'}' expected at line 42); it is left out",
        "index.md:8: bibtex.key_not_found: no BibTeX entry 'nosuch_2020'",
        "missing.md:5: bibtex.key_not_found: no BibTeX entry 'lund_comma_2018'",
    ]


# --- a changed BibTeX file and incremental builds ---------------------------------------------


def _bodies(app: SphinxTestApp) -> dict[str, str]:
    return {name: str(html_of(app, name).select_one("div.body")) for name in ("index", "missing")}


def _same_as_fresh(make_app: type[SphinxTestApp], srcdir: Path, tmp_path: Path) -> None:
    """The last (incremental) build of ``srcdir`` shows what a fresh build shows."""
    incremental, _ = build(make_app, srcdir)
    fresh, _ = build(make_app, srcdir, freshenv=True, builddir=tmp_path / "fresh")
    assert _bodies(incremental) == _bodies(fresh)


def _touch_later(path: Path) -> None:
    """A new modification time even on file systems with coarse times."""
    stat = path.stat()
    os.utime(path, (stat.st_atime + 5, stat.st_mtime + 5))


def test_a_bibtex_file_added_edited_and_removed_updates_every_citing_page(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    srcdir = copy_root(ROOT, tmp_path)
    bib = srcdir / BIB
    text = bib.read_bytes()
    bib.unlink()
    # built once before the .bib existed: bibtex_bibfiles defaults to []
    app, _ = build(make_app, srcdir, freshenv=True)
    assert "( Okafor et al. , 2021 )" not in _text(app, "index")
    assert html_of(app, "index").select_one("section#references") is None

    bib.write_bytes(text)
    _same_as_fresh(make_app, srcdir, tmp_path / "added")
    app, _ = build(make_app, srcdir)
    assert "( Okafor et al. , 2021 )" in _text(app, "index")

    # the entry that could not be read is mended: the page citing only it gets its list
    bib.write_text(
        bib.read_text("utf-8-sig").replace("comma}\n", "comma},\n"), encoding="utf-8-sig"
    )
    _touch_later(bib)
    _same_as_fresh(make_app, srcdir, tmp_path / "edited")
    app, _ = build(make_app, srcdir)
    assert "( Lund, 2018 )" in _text(app, "missing")
    assert html_of(app, "missing").select_one("section#references") is not None

    bib.unlink()
    _same_as_fresh(make_app, srcdir, tmp_path / "removed")
    app, _ = build(make_app, srcdir)
    assert "( Lund, 2018 )" not in _text(app, "missing")
    assert html_of(app, "missing").select_one("section#references") is None


def test_an_unchanged_bibtex_file_is_not_read_again_but_its_problems_are_shown(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    srcdir = copy_root(ROOT, tmp_path)
    build(make_app, srcdir, freshenv=True)
    again, read = build(make_app, srcdir)
    assert read == []
    repeated = [line for line in warnings_of(again) if "repeats the entry" in line]
    assert len(repeated) == 1
