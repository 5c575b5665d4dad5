"""Front matter of the wrong type and keys written twice (issue 15): each reported at its line,
the same by the build and by ``check``, handled without a Python repr on the page."""

from __future__ import annotations

import json
import re

import pytest
from sphinx.testing.util import SphinxTestApp

from sphinx_ga4gh.check import check_site
from sphinx_ga4gh.pages.front_matter import IGNORED, check_front_matter

from conftest import ROOTS, html_of, warnings_of

EXPECTED = [
    (
        "heading.md",
        2,
        "front matter 'title': a mapping, not a text; it is ignored (the page's "
        "own heading is the title)",
    ),
    (
        "index.md",
        3,
        "front matter key 'title' is written 2 times (also at line 2); the last "
        "value, at line 3, is used, as Jekyll does",
    ),
    (
        "index.md",
        3,
        "front matter 'title': a list, not a text; its items are joined: 'Data, sharing'",
    ),
    ("index.md", 4, "front matter 'page_id': a mapping, not a name; it is ignored"),
    (
        "index.md",
        5,
        "front matter 'contributors': the number 5, not a name or a list of names; it is ignored",
    ),
    ("index.md", 6, "front matter 'editors': a mapping in the list is not a name; left out"),
    ("index.md", 7, "front matter 'toc': 'maybe' is not true or false; the default (true) is used"),
    (
        "index.md",
        8,
        "front matter 'related_pages': 'your_tasks' lists a mapping, not a page id; it is left out",
    ),
    (
        "tasks.md",
        5,
        "front matter 'related_pages': a list; related pages are grouped by page "
        "type (`related_pages:` then `your_tasks: [page_id, …]`), so nothing is shown",
    ),
]


@pytest.mark.sphinx("html", testroot="front-matter-types", freshenv=True)
def test_wrong_types_are_reported_and_handled(app: SphinxTestApp) -> None:
    app.build()
    found = []
    for line in warnings_of(app):
        match = re.match(r"(?:.*/)?([\w.-]+):(\d+): WARNING: (.*) \[ga4gh\.page\]$", line)
        assert match, line  # nothing else is warned
        found.append((match[1], int(match[2]), match[3]))
    assert found == EXPECTED
    index = html_of(app, "index")
    assert index.title is not None and index.title.text.startswith("Data, sharing")
    assert "Ada Lovelace" in index.text  # the name of the list is kept, the mapping left out
    assert index.select_one('a[href="tasks.html"]') is not None  # the good related page stays
    heading = html_of(app, "heading")
    assert heading.title is not None
    assert heading.title.text.startswith("The page\u2019s own heading")
    for docname in ("index", "heading", "tasks"):
        text = (app.outdir / f"{docname}.html").read_text("utf-8")
        assert "['" not in text and "{'" not in text and '["' not in text  # no Python repr


def test_check_reports_what_the_build_reports() -> None:
    found = [
        (problem.path, problem.line, problem.message)
        for problem in check_site(ROOTS / "test-front-matter-types")
    ]
    assert sorted(found) == sorted(EXPECTED)


def test_right_values_are_not_reported() -> None:
    checked = check_front_matter(
        "title: 2021\npage_id: beacon\ncontributors: Ada\neditors: [Ada, Lukas, ]\ntoc: false\n"
        "related_pages:\n  your_tasks: [a, b]\n  Tool_assembly:\nnational_resources:\n"
        "  - name: A\n    url: https://a.example.org/\n"
    )
    assert (checked.problems, checked.corrections) == ([], {})


def test_a_key_written_three_times_names_every_line() -> None:
    checked = check_front_matter("toc: true\ntoc: false\ntitle: x\ntoc: false\n", first_line=2)
    assert [(p.line, p.message) for p in checked.problems] == [
        (
            5,
            "front matter key 'toc' is written 3 times (also at line 2, 3); the last value, at "
            "line 5, is used, as Jekyll does",
        ),
    ]


def test_broken_front_matter_is_left_to_its_reader() -> None:
    assert check_front_matter("title: [unclosed\n").problems == []
    assert check_front_matter("- a list\n").problems == []
    deep = "a: " + "[" * 5000 + "]" * 5000 + "\n"
    assert check_front_matter(deep).problems == []


def test_corrections() -> None:
    checked = check_front_matter(
        "description: [a, 2]\ntype: [x]\nnational_resources: [x, {name: y}]\n"
        "affiliations: [GA4GH, [nested]]\n"
    )
    assert checked.corrections == {
        "description": "a, 2",
        "type": IGNORED,
        "national_resources": [{"name": "y"}],
        "affiliations": ["GA4GH"],
    }


@pytest.mark.sphinx("html", testroot="front-matter", freshenv=True)
def test_search_titles_do_not_run_the_page_type_into_the_title(app: SphinxTestApp) -> None:
    app.build()
    text = (app.outdir / "searchindex.js").read_text("utf-8")
    index = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    assert "A standard" in index["alltitles"]
    assert not [title for title in index["alltitles"] if title.startswith("Technologies")]
    assert "technologiesandstandardsa" not in text.lower().replace(" ", "")
    h1 = html_of(app, "standard").select_one("h1")
    assert h1 is not None  # the label is still shown in front of the title
    assert h1.select_one("span.ga4gh-page-type").get_text() == "Technologies and standards"


# --- the front matter parsed once (issue 19) ---------------------------------------------------

#: Front matter texts, among them every way YAML has of writing a key twice that a quick look
#: at the lines could miss: the checks must find each as locating every key does.
WRITTEN_TEXTS = [
    "title: A\npage_id: a\n",
    "title: A\ntitle: B\n",
    "title: A\n'title': B\n",
    'title: A\n"title": B\n',
    "{title: A, title: B}\n",
    "? title\n: A\ntitle: B\n",
    'title: "A\ntitle: B"\npage_id: a\n',
    "title: A\ntype: x\ntitle: [B, C]\n",
    "contributors:\n- Ada\n- Lukas\ncontributors: Ada\n",
    "title: A\r\ntitle: B\r\n",
    "base: &b {x: 1}\n<<: *b\nx: 2\n",
    "2021: a\n2021: b\n",
    "title: A # a comment: here\n# title: B\npage_id: a\n",
    "-title: A\n-title: B\n",
    "toc: 1\ntoc: maybe\n",
    "",
]


@pytest.mark.parametrize("text", WRITTEN_TEXTS)
def test_checks_find_what_locating_every_key_finds(text: str) -> None:
    from sphinx_ga4gh.data.yaml_source import parse_front_matter
    from sphinx_ga4gh.pages.front_matter import _key_lines, _keys_written_once

    try:
        data = parse_front_matter(text)[0]
    except Exception:  # invalid YAML: nothing checked, parsed or not
        data = None
    if isinstance(data, dict) and _keys_written_once(text, data):
        assert all(len(lines) == 1 for lines in _key_lines(text, 2).values()), text
    given = check_front_matter(text, first_line=2, parsed=data)
    if data is not None or not text.strip():
        assert given == check_front_matter(text, first_line=2)  # parsed by the caller or here


def test_a_repeated_quoted_key_is_still_reported() -> None:
    checked = check_front_matter("title: A\n'title': B\n", first_line=2)
    assert [(p.line, p.key) for p in checked.problems] == [(3, "title")]


def test_front_matter_values_are_parsed_once_per_value() -> None:
    from sphinx_ga4gh.pages.front_matter import _parsed_front_matter, front_matter

    metadata = {"title": "A", "contributors": '["Ada", "Lukas"]', "toc": "False"}
    first = front_matter(metadata)
    assert first == _parsed_front_matter(metadata)
    assert front_matter(dict(metadata)) is first  # the same values: parsed once
    metadata["contributors"] = '["Ada"]'  # a corrected value is a new front matter
    assert front_matter(metadata).contributors == ["Ada"]
    # values that are not text are not cached: True and 1 are equal as keys, not as values
    assert front_matter({"search_exclude": True}).search_exclude is True
    assert front_matter({"search_exclude": 1}).search_exclude is False
    assert front_matter({"datatable": ["x"]}) == _parsed_front_matter({"datatable": ["x"]})


def test_an_absent_key_and_an_empty_one_read_the_same() -> None:
    from sphinx_ga4gh.pages.front_matter import _READ_KEYS, _parsed_front_matter

    assert _parsed_front_matter({}) == _parsed_front_matter(dict.fromkeys(_READ_KEYS))
