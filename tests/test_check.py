"""``sphinx-ga4gh check``: a Jekyll site or a Sphinx project validated without a build, one line
per problem with file:line (SPEC §6, §7)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from sphinx_ga4gh.check import check_site
from sphinx_ga4gh.cli import main

from conftest import build, copy_root, warnings_of

HERE = Path(__file__).parent
BROKEN_SITE = HERE / "jekyll" / "broken-site"
CHECK_ROOT = HERE / "roots" / "test-check"


def lines(root: Path) -> list[str]:
    return [str(problem) for problem in check_site(root)]


def test_a_jekyll_site_with_every_kind_of_problem() -> None:
    found = lines(BROKEN_SITE)
    expected_starts = [
        "_bibliography/references.bib:7: ga4gh.data: BibTeX key 'known_2020' repeats the entry",
        "_data/sidebars/main.yml:5: ga4gh.data: malformed YAML (line 5, column 4)",
        "_data/tool_and_resource_list.yml:4: ga4gh.tool: duplicate tool id 'beacon': also "
        "defined at _data/tool_and_resource_list.yml:1;",
        "_data/tool_and_resource_list.yml:9: ga4gh.tool: tool 'shady': url 'javascript:alert(1)'",
        "pages/one.md:4: ga4gh.contributor: unknown contributor 'Nobody Known'",
        "pages/one.md:5: ga4gh.affiliation: unknown affiliation 'Unknown Org'",
        "pages/one.md:8: bibtex.key_not_found: no BibTeX entry 'missing_2021'",
        "pages/one.md:8: ga4gh.tool: unknown tool id 'becon'",
        "pages/one.md:10: ga4gh.page: unknown page_id 'nowhere'",
        "pages/two.md:3: ga4gh.page: duplicate page_id 'one' (also pages/one.md)",
        "pages/two.md:5: ga4gh.page: related_pages: unknown page 'ghost'",
    ]
    assert len(found) == len(expected_starts)
    for line, start in zip(found, expected_starts, strict=True):
        assert line.startswith(start), line


def test_the_example_jekyll_site_is_clean() -> None:
    assert lines(HERE / "jekyll" / "site") == []


def test_a_sphinx_project_gets_the_problems_its_build_reports(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    found = lines(CHECK_ROOT)
    assert found == [
        "_data/tool_and_resource_list.yml:6: ga4gh.tool: tool 'duo': url 'ftp://example.org/duo' "
        "is not an http(s) or mailto URL; it is not linked",
        "index.md:3: ga4gh.contributor: unknown contributor 'Nobody Known'",
        "index.md:4: ga4gh.affiliation: unknown affiliation 'Unknown Org'",
        "index.md:9: ga4gh.tool: unknown tool id 'becon' (did you mean 'beacon'?)",
        "index.md:11: bibtex.key_not_found: no BibTeX entry 'missing_2021'",
        "index.md:11: ga4gh.page: unknown page_id 'nowhere'",
        "other.md:12: ga4gh.page: unknown page_id 'ghost'",
    ]
    app, _ = build(make_app, CHECK_ROOT, freshenv=True)
    built = {
        (line.split(": WARNING")[0].rsplit("/", 1)[-1], line.rsplit("[", 1)[-1].rstrip("]"))
        for line in warnings_of(app)
    }
    checked = {
        (line.split(":")[0].rsplit("/", 1)[-1] + ":" + line.split(":")[1], line.split(": ")[1])
        for line in found
    }
    assert checked == built


def test_the_migrated_example_is_clean(tmp_path: Path) -> None:
    assert lines(HERE / "jekyll" / "migrated") == []


def test_cli_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(BROKEN_SITE)]) == 1
    out = capsys.readouterr()
    assert out.out.count("\n") == 11
    assert "11 problem(s)" in out.err
    assert main(["check", "--quiet", str(HERE / "jekyll" / "site")]) == 0
    assert capsys.readouterr().out == ""


def test_related_pages_may_name_documents_as_the_build_accepts(tmp_path: Path) -> None:
    root = copy_root(HERE / "roots" / "test-tiles", tmp_path)
    ega = root / "ega.md"
    ega.write_text(ega.read_text("utf-8").replace("[missing_repo]", "[htsget]"), "utf-8")
    found = lines(root)
    assert not any("related_pages" in line for line in found)
    ega.write_text(ega.read_text("utf-8").replace("[htsget]", "[htsgte]"), "utf-8")
    assert any(
        line.startswith("ega.md:7: ga4gh.page: related_pages: unknown page 'htsgte'")
        and "did you mean 'htsget'" in line
        for line in lines(root)
    )
