"""Per-page reference lists: one key on many pages and on an :all: page, zero warnings."""

from __future__ import annotations

from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import ROOTS, build, copy_root, html_of, warnings_of


@pytest.mark.sphinx("html", testroot="references", freshenv=True)
def test_same_key_on_three_pages_and_all_page_without_warnings(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []
    for docname, authors in {
        "index": ["Rehm"],
        "one": ["Kelleher", "Rehm"],
        "two": ["Example", "Rehm"],
        "three": ["Rehm"],
    }.items():
        page = html_of(app, docname)
        section = page.select_one("section#references")
        assert section is not None, docname
        assert section.h2.get_text().startswith("References")
        entries = section.select("div.citation")
        assert len(entries) == len(authors), docname
        assert all(any(a in e.get_text() for e in entries) for a in authors), docname
        # Every citation in the text links to an entry of this page's own list.
        ids = {entry["id"] for entry in entries}
        links = page.select("span.bibtex-citation a.reference.internal")
        assert links, docname
        assert {link["href"] for link in links} <= {f"#{i}" for i in ids}, docname


def all_page_authors(app: SphinxTestApp) -> list[str]:
    """The first author's surname of each entry of the :all: list, in order."""
    entries = html_of(app, "all").select("div.citation p")
    surnames = ("Example", "Rehm", "Kelleher")
    return [next(name for name in surnames if name in entry.get_text()) for entry in entries]


@pytest.mark.sphinx("html", testroot="references", freshenv=True)
def test_citations_are_author_year_and_lists_newest_first(app: SphinxTestApp) -> None:
    app.build()
    one = html_of(app, "one").select_one("p").get_text()
    assert "(Rehm et al., 2021)" in one
    assert "Kelleher and Lin (2019)" in one
    two = html_of(app, "two").select_one("p").get_text()
    assert "(Example, 2023; Rehm et al., 2021)" in two
    assert all_page_authors(app) == ["Example", "Rehm", "Kelleher"]  # 2023, 2021, 2019
    assert html_of(app, "all").select_one("section#references") is None
    # Braced capitals survive pybtex's sentence case; the DOI is a link.
    rehm = next(e for e in html_of(app, "all").select("div.citation p") if "Rehm" in e.get_text())
    assert "GA4GH: international policies" in rehm.get_text()
    assert rehm.select_one("a")["href"] == "https://doi.org/10.1016/j.xgen.2021.100029"


@pytest.mark.sphinx(
    "html", testroot="references", freshenv=True, confoverrides={"bibtex_default_style": "plain"}
)
def test_a_chosen_bibtex_style_is_respected(app: SphinxTestApp) -> None:
    app.build()
    # pybtex's plain style sorts by author.
    assert all_page_authors(app) == ["Example", "Kelleher", "Rehm"]


@pytest.mark.sphinx(
    "html", testroot="references", freshenv=True, confoverrides={"ga4gh_page_references": False}
)
def test_per_page_references_can_be_switched_off(app: SphinxTestApp) -> None:
    app.build()
    assert html_of(app, "one").select_one("section#references") is None


def test_citations_shown_as_code_are_not_citations(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    root = copy_root(ROOTS / "test-references", tmp_path)
    (root / "example.md").write_text(
        "# Writing citations\n\nWrite `` {cite:p}`rehm_ga4gh_2021` `` in a page.\n\n"
        "```markdown\nSee {cite:t}`kelleher_htsget_2019`.\n```\n",
        "utf-8",
    )
    (root / "both.md").write_text(
        "# Both\n\nA real one {cite:p}`kelleher_htsget_2019`, and an example of a list:\n\n"
        "````markdown\n```{bibliography}\n```\n````\n\n"
        "::::{note}\nIn a note {cite:t}`example_note_2023`.\n::::\n",
        "utf-8",
    )
    app, _ = build(make_app, root, freshenv=True)
    assert html_of(app, "example").select_one("section#references") is None
    listed = html_of(app, "both").select("section#references div.citation")
    assert len(listed) == 2  # the real citation and the one inside a note


TITLE = '<img src=x onerror="alert(1)"> *Works* [cited](https://evil.example/) & {cite}`x` &amp;'


@pytest.mark.sphinx(
    "html",
    testroot="references",
    freshenv=True,
    # Sphinx's smart quotes would curl the quotes, as in every heading.
    confoverrides={"ga4gh_page_references_title": TITLE, "smartquotes": False},
)
def test_the_references_title_is_plain_text(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []
    heading = html_of(app, "one").select("section h2")[-1]
    assert heading.get_text().rstrip("\N{PILCROW SIGN}").strip() == TITLE  # as written
    assert heading.select("img, em, a:not(.headerlink), span.bibtex-citation") == []


def test_a_work_in_two_hand_written_lists_still_warns(
    tmp_path: Path, make_app: type[SphinxTestApp]
) -> None:
    """Only the per-page lists are left out of ``bibtex.duplicate_citation``: two lists of
    one's own (pages that get no per-page list, having their own) still warn at the second."""
    srcdir = copy_root(ROOTS / "test-references", tmp_path)
    # without the :all: page, itself a hand-written list of the work
    (srcdir / "all.md").unlink()
    index = srcdir / "index.md"
    index.write_text(index.read_text("utf-8").replace("all\n", ""), "utf-8")
    (srcdir / "one.md").write_text(
        "# One\n\nCited {cite:p}`rehm_ga4gh_2021`.\n\n```{bibliography}\n```\n", "utf-8"
    )
    (srcdir / "two.md").write_text(
        "# Two\n\nCited {cite:p}`rehm_ga4gh_2021`.\n\n```{bibliography}\n```\n", "utf-8"
    )
    app, _ = build(make_app, srcdir, freshenv=True)
    duplicates = [w for w in warnings_of(app) if "duplicate citation" in w]
    assert len(duplicates) == 1, warnings_of(app)
    assert 'duplicate citation for key "rehm_ga4gh_2021"' in duplicates[0]
    assert "two.md:5" in duplicates[0] and "[bibtex.duplicate_citation]" in duplicates[0]
    # the per-page lists of the other pages add no warning
    assert len([w for w in warnings_of(app) if "WARNING" in w]) == 1, warnings_of(app)


def test_only_pages_naming_a_citation_role_are_read_for_citations(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    root = copy_root(ROOTS / "test-references", tmp_path)
    (root / "words.md").write_text(
        "# Words\n\nWe cite works and recite poems; `cite` is a word here.\n", "utf-8"
    )
    (root / "rst.md").write_text(
        "# In reStructuredText\n\n```{eval-rst}\nSee :cite:p:`rehm_ga4gh_2021`.\n```\n", "utf-8"
    )
    app, _ = build(make_app, root, freshenv=True)
    assert html_of(app, "words").select_one("section#references") is None
    listed = html_of(app, "rst").select("section#references div.citation")
    assert len(listed) == 1  # found by the Markdown pass, as before
