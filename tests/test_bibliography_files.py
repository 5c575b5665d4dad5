"""BibTeX files as field guides have them: repeated keys named with their line, incomplete
entries listed, and the jekyll-scholar orders the migration carries over."""

from __future__ import annotations

import shutil
from pathlib import Path

import pybtex.plugin
import pytest
from sphinx.testing.util import SphinxTestApp

from sphinx_ga4gh.migration.project import bibliography_style
from sphinx_ga4gh.references.bibfiles import _as_latex
from sphinx_ga4gh.references.indexed_domain import register_pybtex_plugins

from conftest import build, warnings_of

CHECK_ROOT = Path(__file__).parent / "roots" / "test-check"


def test_a_repeated_key_is_named_with_its_line(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    srcdir = tmp_path / "project"
    shutil.copytree(CHECK_ROOT, srcdir)
    bib = srcdir / "_bibliography" / "references.bib"
    bib.write_text(bib.read_text("utf-8") + "\n@misc{Known_2020,\n  title = {Again},\n}\n")
    app, _ = build(make_app, srcdir)
    assert any(
        "references.bib:7: WARNING: BibTeX key 'Known_2020' repeats the entry at line 1" in line
        and line.endswith("[ga4gh.data]")
        for line in warnings_of(app)
    )


@pytest.mark.parametrize(
    ("sort_by", "order", "style"),
    [
        ("year, month", "descending", "ga4gh"),
        ("year", "ascending", "ga4gh_year_ascending"),
        ("author", "ascending", "ga4gh_author"),
        ("none", "ascending", "ga4gh_unsorted"),
    ],
)
def test_jekyll_scholar_orders_map_to_registered_styles(
    sort_by: str, order: str, style: str
) -> None:
    import sphinx_ga4gh.references.styles as styles

    styles.register_styles()
    assert bibliography_style(sort_by, order) == style
    assert pybtex.plugin.find_plugin("pybtex.style.formatting", style)


def test_year_ascending_lists_oldest_first() -> None:
    from pybtex.database import parse_string

    import sphinx_ga4gh.references.styles as styles

    styles.register_styles()
    data = parse_string(
        "@misc{new, title={New}, year={2024}}\n@misc{old, title={Old}, year={2019}}\n", "bibtex"
    )
    ascending = pybtex.plugin.find_plugin("pybtex.style.formatting", "ga4gh_year_ascending")()
    descending = pybtex.plugin.find_plugin("pybtex.style.formatting", "ga4gh")()
    entries = list(data.entries.values())
    assert [e.key for e in ascending.sort(entries)] == ["old", "new"]
    assert [e.key for e in descending.sort(entries)] == ["new", "old"]


def test_each_entry_is_read_on_its_own(tmp_path: Path) -> None:
    from sphinx_ga4gh.references.bibfiles import read_bibliography

    first = tmp_path / "first.bib"
    first.write_text(
        "@string{ig = {Invented Genomics}}\n"
        "@misc{good_1,\n  title = {One},\n  journal = ig,\n}\n"
        "@oops this is stray\n"
        "@misc{junk_2, title = {T}, year = 2020 garbage}\n"
        "@misc{good_3, title = {Three}, title = {Again}, journal = nosuch}\n",
        "utf-8",
    )
    second = tmp_path / "second.bib"
    second.write_bytes(b"@misc{GOOD_1, title={Again}}\n@misc{latin_4, title={Caf\xe9}}\n")
    read = read_bibliography([first, second])
    assert read.keys == {first: {"good_1": None, "good_3": None}, second: {"latin_4": None}}
    assert read.data.entries["good_1"].fields["journal"] == "Invented Genomics"  # @string shared
    assert read.data.entries["good_3"].fields["title"] == "Three"
    assert read.data.entries["latin_4"].fields["title"] == "Caf\ufffd"
    assert [(problem.path.name, problem.line, problem.message) for problem in read.problems] == [
        (
            "first.bib",
            6,
            "unreadable BibTeX text: syntax error: '(' or '{' expected; it is skipped",
        ),
        (
            "first.bib",
            7,
            "BibTeX entry 'junk_2' cannot be read (syntax error: '}' expected at line 7); "
            "it is left out",
        ),
        # read left to right: the undefined @string, then the fields of the entry
        ("first.bib", 8, "BibTeX entry 'good_3': undefined @string 'nosuch', left empty"),
        (
            "first.bib",
            8,
            "BibTeX entry with key good_3 has a duplicate title field; the first is used",
        ),
        (
            "second.bib",
            1,
            f"BibTeX key 'GOOD_1' repeats the entry at {first}:2; the first entry is "
            "used and this one is left out",
        ),
        ("second.bib", 2, "not valid utf-8-sig (bibtex_encoding); unreadable bytes replaced"),
    ]


def test_a_percent_in_a_field_is_shown_not_read_as_a_latex_comment(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    """pybtex reads fields as LaTeX when it lists them, and a ``%`` would hide the closing
    brace of a group ("unbalanced braces" stopped the build); BibTeX shows it."""
    srcdir = tmp_path / "project"
    shutil.copytree(CHECK_ROOT, srcdir)
    bib = srcdir / "_bibliography" / "references.bib"
    bib.write_text(
        bib.read_text("utf-8")
        + "\n@misc{Percent_2021,\n  author = {Okafor, Amara},\n"
        + "  title = {Consent for 95{% of} cohorts},\n  year = {2021},\n}\n",
        "utf-8",
    )
    index = srcdir / "index.md"
    index.write_text(index.read_text("utf-8") + "\nSee {cite:p}`Percent_2021`.\n", "utf-8")
    app, _ = build(make_app, srcdir)
    assert (
        f"{bib}:7: WARNING: BibTeX entry 'Percent_2021': field 'title' has a '%' that LaTeX "
        "would read as a comment; shown as % [ga4gh.data]" in warnings_of(app)
    )
    assert "Consent for 95% of cohorts" in (app.outdir / "index.html").read_text("utf-8")


def test_a_plugin_registered_at_runtime_is_kept_over_the_installed_one() -> None:
    """The installed plugins are registered from one reading of the entry points; one a
    project registered itself is what pybtex finds, as before."""
    group = "pybtex.style.formatting"
    installed = pybtex.plugin.find_plugin(group, "unsrt")

    class ProjectStyle(installed):  # type: ignore[misc,valid-type]
        pass

    pybtex.plugin.register_plugin(group, "unsrt", ProjectStyle, force=True)
    try:
        register_pybtex_plugins()
        assert pybtex.plugin.find_plugin(group, "unsrt") is ProjectStyle
        # the others are found by name, aliases too
        assert pybtex.plugin.find_plugin(group, "alpha").__module__.startswith("pybtex.")
        assert pybtex.plugin.find_plugin("pybtex.backends", "text").__name__ == "Backend"
    finally:
        pybtex.plugin.register_plugin(group, "unsrt", installed, force=True)


@pytest.mark.parametrize(
    ("value", "readable"),
    [
        ("Genomic {Data} {{GA4GH}} -- sharing", "Genomic {Data} {{GA4GH}} -- sharing"),
        ("a } b {", None),  # not decoded at all, still left out
        ("{50% of} data", "{50\\% of} data"),  # the comment would hide the brace
        ("{\\em Beacon}", "{\\em Beacon}"),
        ("\\{ half", None),
    ],
)
def test_a_field_is_read_as_latex_only_where_it_could_change(
    value: str, readable: str | None
) -> None:
    """Fields without a comment or a command are not decoded as LaTeX (most of the BibTeX
    loading): what pybtex would read of them is their braces alone."""
    assert _as_latex(value) == readable
