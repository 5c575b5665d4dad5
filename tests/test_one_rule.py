"""One helper for each rule the build and the migration share (issue 16, layout of the code):
labels from names, lists of names, front matter."""

from __future__ import annotations

from pathlib import Path

from sphinx.testing.util import SphinxTestApp

from sphinx_ga4gh.domain import type_label as tool_type_label
from sphinx_ga4gh.pages.front_matter import check_front_matter
from sphinx_ga4gh.pages.front_matter import type_label as page_type_label
from sphinx_ga4gh.text.front_matter import read_front_matter
from sphinx_ga4gh.text.lists import split_names

from conftest import html_of, warnings_of

PAGE = """\
---
type: GA4GH_API
---
# Beacon

```{ga4gh:tool} beacon
:name: Beacon
:url: https://beacon.example.org/
:type: GA4GH_API
```
"""


def test_a_type_reads_the_same_on_a_tool_card_and_as_a_page_type(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    assert tool_type_label("GA4GH_API") == page_type_label("GA4GH_API") == "GA4GH API"
    srcdir = tmp_path / "site"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text('extensions = ["sphinx_ga4gh"]\n', "utf-8")
    (srcdir / "index.md").write_text(PAGE, "utf-8")
    app = make_app("html", srcdir=srcdir)
    app.build()
    html = html_of(app, "index")
    card = html.select_one(".ga4gh-tool-card-type")
    subtitle = html.select_one(".ga4gh-page-type")
    assert card is not None and subtitle is not None, warnings_of(app)
    assert card.get_text(strip=True) == subtitle.get_text(strip=True) == "GA4GH API"


def test_a_type_label_keeps_acronyms_and_names_an_empty_type() -> None:
    assert tool_type_label("standard") == "Standard"
    assert tool_type_label("EDAM_ontology") == "EDAM ontology"
    assert tool_type_label("") == "Other"


def test_lists_of_names_split_at_commas_semicolons_and_spaces() -> None:
    assert split_names("gp3, gp2") == ["gp3", "gp2"]
    assert split_names("a;b c,,\td ;") == ["a", "b", "c", "d"]
    assert split_names("") == split_names(None) == []


def test_the_front_matter_reader_is_bounded_and_keeps_impossible_dates_as_text() -> None:
    block = read_front_matter("---\ntitle: T\ndate: 2021-02-30\n---\nBody\n")
    assert block is not None
    assert block.data == {"title": "T", "date": "2021-02-30"}
    assert (block.body, block.body_line, block.error, block.beyond) == ("Body\n", 5, None, None)
    assert read_front_matter("No front matter\n") is None
    broken = read_front_matter("---\ntitle: [\n---\n")
    assert broken is not None and broken.error is not None and broken.data is None
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + n)}: &{chr(98 + n)} [*{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, "
        f"*{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}]\n"
        for n in range(8)
    )
    beyond = read_front_matter(f"---\n{bomb}---\n")
    assert beyond is not None and beyond.beyond is not None and beyond.data is None


def test_the_type_checks_read_front_matter_with_the_same_reader() -> None:
    """A page with an impossible date (the build quotes it) still has its other keys checked."""
    checked = check_front_matter("date: 2021-02-30\ncontributors: {a: 1}\n")
    assert [problem.key for problem in checked.problems] == ["contributors"]
