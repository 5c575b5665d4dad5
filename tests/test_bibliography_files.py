"""BibTeX files as field guides have them: repeated keys named with their line, incomplete
entries listed, and the jekyll-scholar orders the migration carries over."""

from __future__ import annotations

import shutil
from pathlib import Path

import pybtex.plugin
import pytest
from sphinx.testing.util import SphinxTestApp

from sphinx_ga4gh.migration.project import bibliography_style

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
