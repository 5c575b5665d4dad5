"""Unknown names suggest the closest known ones ("did you mean 'beacon'?"), in the build and in
``sphinx-ga4gh check``; ids are still matched exactly."""

from __future__ import annotations

from pathlib import Path

from sphinx.testing.util import SphinxTestApp

from sphinx_ga4gh.check import check_site
from sphinx_ga4gh.data.diagnostics import closest, did_you_mean

from conftest import ROOTS, build, copy_root, warnings_of

TOOLS = ["beacon", "htsget", "duo", "passports", "passports_visas"]


def test_a_misspelling_finds_the_name() -> None:
    assert closest("becon", TOOLS) == ["beacon"]
    assert closest("beakon", TOOLS) == ["beacon"]
    assert closest("htsgte", TOOLS) == ["htsget"]


def test_another_case_is_suggested_not_accepted() -> None:
    assert closest("Beacon", TOOLS) == ["beacon"]
    assert did_you_mean("DUO", TOOLS) == " (did you mean 'duo'?)"


def test_several_close_names_are_all_offered() -> None:
    assert (
        did_you_mean("passports_visa", TOOLS) == " (did you mean 'passports_visas' or 'passports'?)"
    )


def test_nothing_alike_suggests_nothing() -> None:
    assert closest("nowhere", ["other", "beacon"]) == []
    assert did_you_mean("wes", TOOLS) == ""
    assert did_you_mean("beacon", TOOLS) == ""  # a known name is not its own suggestion


def _misspelt_page(root: Path) -> None:
    (root / "guides" / "misspelt.md").write_text(
        "---\npage_id: people_page\ncontributors: [Amara Okafer]\n"
        "supported_by: [Northern Data Comons]\n---\n"
        "# Misspelt\n\nSee [the page](peple_page).\n",
        "utf-8",
    )


def test_the_build_suggests_people_and_pages(make_app: type[SphinxTestApp], tmp_path: Path) -> None:
    root = copy_root(ROOTS / "test-people", tmp_path)
    _misspelt_page(root)
    app, _ = build(make_app, root, freshenv=True)
    warnings = "\n".join(warnings_of(app))
    assert (
        "misspelt.md:3: WARNING: unknown contributor 'Amara Okafer' in front matter "
        "(did you mean 'Amara Okafor'?) [ga4gh.contributor]" in warnings
    )
    assert (
        "misspelt.md:4: WARNING: unknown affiliation 'Northern Data Comons' in front matter "
        "(did you mean 'Northern Data Commons'?) [ga4gh.affiliation]" in warnings
    )
    assert "unknown page_id 'peple_page' (did you mean 'people_page'?)" in warnings


def test_check_suggests_the_same(tmp_path: Path) -> None:
    root = copy_root(ROOTS / "test-people", tmp_path)
    _misspelt_page(root)
    found = [str(problem) for problem in check_site(root)]
    assert any("'Amara Okafer' (did you mean 'Amara Okafor'?)" in line for line in found)
    assert any("'peple_page' (did you mean 'people_page'?)" in line for line in found)
