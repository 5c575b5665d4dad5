"""The data files' schema: unknown keys with the closest known one, repeated keys, ORCID iDs
checked for form and check digit, one person under two names (issue 9, SPEC §7)."""

from __future__ import annotations

import pytest
from sphinx.testing.util import SphinxTestApp

from sphinx_ga4gh.check import check_site
from sphinx_ga4gh.data.schema import orcid_id

from conftest import ROOTS, html_of, warnings_of


def _warnings(app: SphinxTestApp) -> list[str]:
    """Each warning as ``file:line: message [type]`` with the file relative to the root."""
    return [line.replace(f"{app.srcdir}/", "") for line in warnings_of(app)]


@pytest.mark.sphinx("html", testroot="schema", freshenv=True)
def test_registry_keys_are_checked(app: SphinxTestApp) -> None:
    app.build()
    found = _warnings(app)
    tools = "_data/tool_and_resource_list.yml"
    assert (
        f"{tools}:4: WARNING: key 'descripton' in 1 entry is not a registry key "
        "(did you mean 'description'?); it is ignored [ga4gh.tool]" in found
    )
    assert (
        f"{tools}:7: WARNING: key 'Name' in 1 entry is not a registry key (did you mean "
        "'name'?); it is ignored [ga4gh.tool]" in found
    )
    assert (
        f"{tools}:9: WARNING: tool 'htsget': key 'url' given again (first at line 8); "
        "the first is used [ga4gh.tool]" in found
    )
    assert (
        f"{tools}:11: WARNING: tool 'htsget': unknown registry 'biotool' "
        "(did you mean 'biotools'?) [ga4gh.tool]" in found
    )
    assert (
        f"{tools}:15: WARNING: tool 'duo': description link 'ftp://terms.example.org/duo' is not "
        "an http(s) or mailto URL; its text is shown without the link [ga4gh.tool]" in found
    )
    # Nothing else is lost: the first url is kept, the other registry link shown.
    badges = html_of(app, "index").select("[data-ga4gh-tool=htsget] .ga4gh-badges a")
    assert [(a.get_text(), a["href"]) for a in badges] == [
        ("Website", "https://htsget.example.org/"),
        ("Training", "https://tess.elixir-europe.org/search?q=htsget"),
    ]


@pytest.mark.sphinx("html", testroot="schema", freshenv=True)
def test_people_keys_orcids_and_duplicates_are_checked(app: SphinxTestApp) -> None:
    app.build()
    found = _warnings(app)
    people = "_data/CONTRIBUTORS.yml"
    expected = [
        f"{people}:3: WARNING: contributor 'Amara Okafor': unknown key 'orchid' "
        "(did you mean 'orcid'?); it is ignored [ga4gh.contributor]",
        f"{people}:6: WARNING: contributor 'Mei Tanaka': unknown key 'Email' "
        "(did you mean 'email'?); it is ignored [ga4gh.contributor]",
        f"{people}:7: WARNING: contributor 'Mei Tanaka': orcid '0000-0002-1825-0098' is not an "
        "ORCID iD (0000-0000-0000-000X, the last character a check digit); it is not linked "
        "[ga4gh.contributor]",
        f"{people}:11: WARNING: duplicate contributor 'Amara Okafor': also at line 1; "
        "the first is used [ga4gh.contributor]",
        f"{people}:13: WARNING: contributor 'S. Rivera' has the same git as 'Sam Rivera' "
        f"({app.srcdir}/{people}:8): the same person under two names? [ga4gh.contributor]",
        "_data/affiliations.yml:3: WARNING: affiliation 'Example Genomics Institute': unknown "
        "key 'image-url' (did you mean 'image_url'?); it is ignored [ga4gh.affiliation]",
        "_data/affiliations.yml:6: WARNING: affiliation 'Northern Data Commons': image_url "
        "'mailto:logo@example.org' is not an http(s) URL or a path of the site; it is not used "
        "[ga4gh.affiliation]",
    ]
    for line in expected:
        assert line.replace(f"{app.srcdir}/", "") in found
    # The first Amara Okafor is kept (an editor); an orcid.org URL is a valid iD.
    people_html = html_of(app, "index").select(".ga4gh-person")
    text = " ".join(person.get_text(" ", strip=True) for person in people_html)
    assert "editor" in text and "reviewer" not in text
    links = [a["href"] for a in html_of(app, "index").select(".ga4gh-person a")]
    assert "https://orcid.org/0000-0001-5109-3700" in links


def test_check_reports_the_same_problems() -> None:
    found = [str(problem) for problem in check_site(ROOTS / "test-schema")]
    assert any("unknown key 'orchid' (did you mean 'orcid'?)" in line for line in found)
    assert any("is not an ORCID iD" in line for line in found)
    assert any("duplicate contributor 'Amara Okafor'" in line for line in found)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0000-0002-1825-0097", "0000-0002-1825-0097"),
        ("0000-0002-1694-233X", "0000-0002-1694-233X"),
        ("https://orcid.org/0000-0001-5109-3700", "0000-0001-5109-3700"),
        ("0000-0002-1825-0098", None),  # wrong check digit
        ("0000-0002-1825-009", None),  # too short
        ("orcid:0000-0002-1825-0097", None),
    ],
)
def test_orcid_form_and_check_digit(value: str, expected: str | None) -> None:
    assert orcid_id(value) == expected
