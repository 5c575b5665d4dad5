"""The red-team matrix (issue 15, item 5): each hostile or broken input, written into a copy of
a small invented site, gives a warning or error naming file and line, never a traceback, from
the build, ``check``, ``migrate`` and the CLI; the rest of the site is still built."""

from __future__ import annotations

from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from sphinx_ga4gh.check import check_site
from sphinx_ga4gh.cli import main
from sphinx_ga4gh.migration.project import migrate

from conftest import build, warnings_of


def alias_bomb(indent: str = "") -> str:
    """Six levels of nine aliases: 531,441 values from a dozen lines (a "billion laughs")."""
    lines = [f"{indent}l0: &l0 [x, x, x, x, x, x, x, x, x]"]
    lines += [
        f"{indent}l{level}: &l{level} [{', '.join([f'*l{level - 1}'] * 9)}]"
        for level in range(1, 7)
    ]
    return "\n".join(lines) + "\n"


DEEP = "[" * 5000 + "]" * 5000
BIB_ARTICLE = "@article{doe_2020,\n  title = {Known work},\n  author = {Doe, Jane},\n"
BIB_ARTICLE += "  year = {2020},\n  journal = {Journal of Examples},\n}\n"

#: A small invented Jekyll site in the style of the ELIXIR toolkit sites.
JEKYLL_SITE: dict[str, str | bytes | None] = {
    "_config.yml": "title: Invented guide\nexclude: [drafts]\n",
    "_data/tool_and_resource_list.yml": (
        "- id: beacon\n  name: Beacon\n  url: https://beacon.example.org\n"
        "  description: Discovery of genomic variants\n"
    ),
    "_data/CONTRIBUTORS.yml": "Ada Okafor:\n  git: ada-okafor\n",
    "_data/sidebars/main.yml": "title: Main\nsubitems:\n  - title: Sharing\n    url: /sharing\n",
    "_bibliography/references.bib": BIB_ARTICLE,
    "index.md": "---\ntitle: Home\n---\n\nWelcome to the guide.\n",
    "pages/sharing.md": (
        "---\ntitle: Sharing\npage_id: sharing\ncontributors: [Ada Okafor]\n---\n\n"
        'Use {% tool "beacon" %} {% cite doe_2020 %}.\n'
    ),
    "pages/consent.md": "---\ntitle: Consent\npage_id: consent\n---\n\nSee [sharing](sharing).\n",
}

#: (files written over the Jekyll site, file of the problem, its line, text of the message);
#: file None: no problem is expected, only no traceback.
JEKYLL_CASES: dict[str, tuple[dict[str, str | bytes | None], str | None, int, str]] = {
    "alias bomb in _config.yml": (
        {"_config.yml": "title: Invented guide\n" + alias_bomb()},
        "_config.yml",
        7,
        "alias bomb",
    ),
    "alias bomb in the registry": (
        {
            "_data/tool_and_resource_list.yml": "- id: beacon\n  name: Beacon\n  extra:\n"
            + alias_bomb("    ")
        },
        "_data/tool_and_resource_list.yml",
        9,
        "alias bomb",
    ),
    "alias bomb in contributors": (
        {"_data/CONTRIBUTORS.yml": "Ada Okafor:\n  git: ada\n  extra:\n" + alias_bomb("    ")},
        "_data/CONTRIBUTORS.yml",
        9,
        "alias bomb",
    ),
    "alias bomb in front matter": (
        {"pages/consent.md": "---\ntitle: Consent\n" + alias_bomb() + "---\n\nText.\n"},
        "pages/consent.md",
        8,
        "alias bomb",
    ),
    "5,000-deep front matter": (
        {"pages/consent.md": f"---\ntitle: Consent\nx: {DEEP}\n---\n\nText.\n"},
        "pages/consent.md",
        3,
        "nesting depth",
    ),
    "5,000-deep registry": (
        {"_data/tool_and_resource_list.yml": f"- id: beacon\n  name: Beacon\n  x: {DEEP}\n"},
        "_data/tool_and_resource_list.yml",
        3,
        "nesting depth",
    ),
    "impossible date in the registry": (
        {
            "_data/tool_and_resource_list.yml": "- id: beacon\n  name: Beacon\n"
            "  url: https://beacon.example.org\n  description: 2021-02-30\n"
        },
        None,
        0,
        "",
    ),
    "impossible date in front matter": (
        {"pages/consent.md": "---\ntitle: Consent\ndate: 2021-02-30\n---\n\nText.\n"},
        None,
        0,
        "",
    ),
    "impossible date in _config.yml": (
        {"_config.yml": "title: Invented guide\nstarted: 2021-13-45\n"},
        None,
        0,
        "",
    ),
    "impossible date in the news": (
        {"_data/news.yml": "- name: Launch\n  date: 2021-13-45\n  description: We began.\n"},
        None,
        0,
        "",
    ),
    "exclude: 7": (
        {"_config.yml": "title: Invented guide\nexclude: 7\n"},
        "_config.yml",
        2,
        "list",
    ),
    "defaults: 5": (
        {"_config.yml": "title: Invented guide\ndefaults: 5\n"},
        "_config.yml",
        2,
        "list",
    ),
    "a defaults rule of numbers": (
        {"_config.yml": "title: Invented guide\ndefaults:\n  - 5\n  - scope: 3\n    values: 4\n"},
        "_config.yml",
        3,
        "defaults",
    ),
    "_config.yml that is a list": (
        {"_config.yml": "- a\n- b\n"},
        "_config.yml",
        1,
        "not a mapping",
    ),
    "sidebar subitems: 5": (
        {"_data/sidebars/main.yml": "title: Main\nsubitems: 5\n"},
        "_data/sidebars/main.yml",
        2,
        "subitems",
    ),
    "sidebar items of the wrong shape": (
        {
            "_data/sidebars/main.yml": "title: Main\nsubitems:\n  - 5\n"
            "  - title: [a, b]\n    url: /sharing\n"
        },
        "_data/sidebars/main.yml",
        3,
        "not a mapping",
    ),
    "news that is not a list": ({"_data/news.yml": "5\n"}, None, 0, ""),
    "@report and @thesis": (
        {
            "_bibliography/references.bib": "@report{doe_2020,\n  title = {Known work},\n"
            "  author = {Doe, Jane},\n  year = {2020},\n  institution = {GA4GH},\n}\n"
            "@thesis{roe_2019,\n  title = {A thesis},\n  author = {Roe, Rick},\n"
            "  year = {2019},\n  school = {Example University},\n}\n"
        },
        None,
        0,
        "",
    ),
    "a Jekyll site that cites nothing and has no bibliography": (
        {
            "_bibliography/references.bib": None,
            "pages/sharing.md": "---\ntitle: Sharing\npage_id: sharing\n---\n\nNo citation.\n",
        },
        None,
        0,
        "",
    ),
}


def write_site(root: Path, *layers: dict[str, str | bytes | None]) -> Path:
    for files in layers:
        for relpath, content in files.items():
            path = root / relpath
            if content is None:
                path.unlink(missing_ok=True)
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
    return root


@pytest.mark.parametrize("case", list(JEKYLL_CASES))
def test_jekyll_site_check_and_migrate_report_instead_of_crashing(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files, path, line, text = JEKYLL_CASES[case]
    site = write_site(tmp_path / "site", JEKYLL_SITE, files)

    problems = [str(problem) for problem in check_site(site)]
    assert main(["check", str(site), "--quiet"]) in (0, 1)
    report = migrate(site, tmp_path / "out")
    assert main(["migrate", str(site), str(tmp_path / "cli-out"), "--quiet"]) == 0
    capsys.readouterr()
    findings = [
        f"{found_path}:{found.line}: {found.message}" for found_path, found in report.findings
    ]
    if path is None:
        assert problems == []
        return
    located = [p for p in problems if p.startswith(f"{path}:{line}: ") and text in p]
    # a data file the build reads is reported by check (as the build reports it); a
    # migration finding by the migration (and by check when it is about the site's files)
    migrated = [f for f in findings if f.startswith(f"{path}:{line}: ") and text in f]
    assert located or migrated, (problems, findings)
    assert (tmp_path / "out" / "conf.py").is_file()
    assert (tmp_path / "out" / "sharing.md").is_file() or (tmp_path / "out" / "pages").is_dir()


@pytest.mark.parametrize(
    "case", ["alias bomb in the registry", "alias bomb in contributors", "@report and @thesis"]
)
def test_migrated_site_builds_with_the_problem_at_its_line(
    case: str, tmp_path: Path, make_app: type[SphinxTestApp]
) -> None:
    files, path, line, text = JEKYLL_CASES[case]
    site = write_site(tmp_path / "site", JEKYLL_SITE, files)
    out = tmp_path / "out"
    migrate(site, out)
    app, _ = build(make_app, out, freshenv=True)
    warnings = warnings_of(app)
    if path is not None:
        assert [w for w in warnings if w.startswith(f"{out / path}:{line}: ") and text in w]
    assert (app.outdir / "index.html").is_file()
    assert list(app.outdir.rglob("sharing.html"))


# --- a MyST project: what only the build reads ------------------------------------------------

MYST_PROJECT: dict[str, str | bytes | None] = {
    "conf.py": 'project = "Invented guide"\nextensions = ["sphinx_ga4gh"]\n',
    "_data/tool_and_resource_list.yml": JEKYLL_SITE["_data/tool_and_resource_list.yml"],
    "_bibliography/references.bib": BIB_ARTICLE,
    "index.md": "# Home\n\n```{toctree}\nsharing\nconsent\n```\n",
    "sharing.md": (
        "---\npage_id: sharing\n---\n\n# Sharing\n\nUse {tool}`beacon` {cite:p}`doe_2020`.\n"
    ),
    "consent.md": "# Consent\n\nText.\n",
}


def entries(count: int, author: str = "author = {Doe, Jane},") -> str:
    return "".join(
        f"@misc{{work_{number:02d},\n  title = {{Work {number:02d}}},\n  {author}\n"
        f"  year = {{2020}},\n}}\n"
        for number in range(count)
    )


def citing(count: int) -> str:
    keys = ",".join(f"work_{number:02d}" for number in range(count))
    return f"# Consent\n\nAs shown {{cite:p}}`{keys}`.\n"


#: (files over the project, page that must have the problem's warning or None, line, text).
MYST_CASES: dict[str, tuple[dict[str, str | bytes | None], str | None, int, str]] = {
    "alias bomb in front matter": (
        {"consent.md": "---\ntitle: Consent\n" + alias_bomb() + "---\n\n# Consent\n"},
        "consent.md",
        8,
        "front matter not read",
    ),
    "5,000-deep front matter": (
        {"consent.md": f"---\nx: {DEEP}\n---\n\n# Consent\n"},
        "consent.md",
        1,
        "Malformed YAML",  # libyaml's bound, reported by myst-parser
    ),
    "impossible date in front matter": (
        {"consent.md": "---\ndate: 2021-02-30\npage_id: consent\n---\n\n# Consent\n"},
        None,
        0,
        "",
    ),
    "a page that is not UTF-8": (
        {"consent.md": b"# Consent\n\nCaf\xe9 au lait.\n"},
        "consent.md",
        3,
        "not UTF-8",
    ),
    "@report, @thesis, @online, @dataset, @software and an unknown type": (
        {
            "_bibliography/references.bib": "".join(
                f"@{kind}{{work_{number:02d},\n  title = {{A {kind}}},\n"
                f"  author = {{Doe, Jane}},\n  year = {{{2010 + number}}},\n"
                f"  institution = {{GA4GH}},\n  url = {{https://example.org/{kind}}},\n}}\n"
                for number, kind in enumerate(
                    ["report", "thesis", "online", "dataset", "software", "whatever"]
                )
            ),
            "consent.md": citing(6),
        },
        None,
        0,
        "",
    ),
    "two author-less works of one year": (
        {"_bibliography/references.bib": entries(2, ""), "consent.md": citing(2)},
        None,
        0,
        "",
    ),
    "30 works of one author and year": (
        {"_bibliography/references.bib": entries(30), "consent.md": citing(30)},
        None,
        0,
        "",
    ),
    "conf values of the wrong type": (
        {
            "conf.py": MYST_PROJECT["conf.py"]  # type: ignore[operator]
            + "ga4gh_tools = 5\nga4gh_page_type_labels = ['x']\nga4gh_registry_links = 'x'\n"
            "ga4gh_site_files = 3\nga4gh_page_references_title = None\n"
            "bibtex_bibfiles = '_bibliography/references.bib'\n"
        },
        "conf.py",
        3,
        "ga4gh_tools = 5",
    ),
}


@pytest.mark.parametrize("case", list(MYST_CASES))
def test_project_builds_and_checks_with_the_problem_at_its_line(
    case: str, tmp_path: Path, make_app: type[SphinxTestApp], capsys: pytest.CaptureFixture[str]
) -> None:
    files, path, line, text = MYST_CASES[case]
    project = write_site(tmp_path / "project", MYST_PROJECT, files)
    app, _ = build(make_app, project, freshenv=True)
    warnings = warnings_of(app)
    assert not [w for w in warnings if "Traceback" in w or "Exception" in w]
    problems = [str(problem) for problem in check_site(project)]
    assert main(["check", str(project), "--quiet"]) in (0, 1)
    capsys.readouterr()
    if path is not None:
        assert [w for w in warnings if w.startswith(f"{project / path}:{line}: ") and text in w]
        assert [p for p in problems if p.startswith(f"{path}:{line}: ") and text in p]
    else:
        assert not [w for w in warnings if "consent.md" in w], warnings
    for page in ("index", "sharing", "consent"):
        assert (app.outdir / f"{page}.html").is_file()


def test_every_conf_value_of_the_wrong_type_is_one_warning_and_the_default(
    tmp_path: Path, make_app: type[SphinxTestApp]
) -> None:
    files = MYST_CASES["conf values of the wrong type"][0]
    project = write_site(tmp_path / "project", MYST_PROJECT, files)
    app, _ = build(make_app, project, freshenv=True)
    conf = project / "conf.py"
    config = [w for w in warnings_of(app) if w.endswith("[ga4gh.config]")]
    assert [w.split(": WARNING")[0] for w in config] == [f"{conf}:{n}" for n in (3, 4, 5, 6, 7, 8)]
    assert app.config.ga4gh_page_references_title == "References"
    assert app.config.bibtex_bibfiles == ["_bibliography/references.bib"]
    # the tools of the default registry path are read; the citation is listed
    html = (app.outdir / "sharing.html").read_text("utf-8")
    assert "Known work" in html and "Beacon" in html


def test_entry_types_without_a_template_are_listed_like_misc(
    tmp_path: Path, make_app: type[SphinxTestApp]
) -> None:
    files = MYST_CASES["@report, @thesis, @online, @dataset, @software and an unknown type"][0]
    project = write_site(tmp_path / "project", MYST_PROJECT, files)
    app, _ = build(make_app, project, freshenv=True)
    html = (app.outdir / "consent.html").read_text("utf-8")
    for kind in ("report", "thesis", "online", "dataset", "software", "whatever"):
        assert f"A {kind}" in html
    assert "GA4GH" in html and "https://example.org/report" in html


def test_year_letters_go_on_after_z(tmp_path: Path, make_app: type[SphinxTestApp]) -> None:
    files = MYST_CASES["30 works of one author and year"][0]
    project = write_site(tmp_path / "project", MYST_PROJECT, files)
    app, _ = build(make_app, project, freshenv=True)
    html = (app.outdir / "consent.html").read_text("utf-8")
    for year in ("2020a", "2020z", "2020aa", "2020ad"):
        assert year in html
    assert "2020{" not in html


def test_impossible_front_matter_date_is_kept_as_text(
    tmp_path: Path, make_app: type[SphinxTestApp]
) -> None:
    files = MYST_CASES["impossible date in front matter"][0]
    project = write_site(tmp_path / "project", MYST_PROJECT, files)
    app, _ = build(make_app, project, freshenv=True)
    assert app.env.metadata["consent"]["date"] == "2021-02-30"
    assert app.env.metadata["consent"]["page_id"] == "consent"
