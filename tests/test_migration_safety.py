"""``sphinx-ga4gh migrate`` on hostile and broken sites (SPEC §7): nothing outside OUT is
written, the site is never modified (every case hashes its tree before and after), the
generated conf.py runs no site text, symbolic links do not leave the site, and nothing is
dropped without a word. Every site here is invented in a temporary folder by the test."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

import pytest
import yaml
from sphinx.config import Config
from sphinx.util.tags import Tags

from sphinx_ga4gh.cli import main
from sphinx_ga4gh.migration.project import MigrationError, MigrationReport, migrate

PAGE = "---\ntitle: {title}\n---\n\n## Section\n\nSome text.\n"


def snapshot(root: Path) -> dict[str, tuple[str, ...]]:
    """Every entry below ``root`` without following links: files by content and mode, links by
    where they point, folders by mode."""
    entries: dict[str, tuple[str, ...]] = {}
    for folder, folders, files in os.walk(root):
        for name in folders + files:
            path = Path(folder) / name
            info = path.lstat()
            relpath = path.relative_to(root).as_posix()
            if stat.S_ISLNK(info.st_mode):
                entries[relpath] = ("link", os.readlink(path))
            elif stat.S_ISDIR(info.st_mode):
                entries[relpath] = ("folder", oct(info.st_mode))
            else:
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
                entries[relpath] = ("file", digest, oct(info.st_mode))
    return entries


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A small invented site, and a folder beside it standing for the rest of the disk."""
    root = tmp_path / "site"
    (root / "pages").mkdir(parents=True)
    (root / "_data" / "sidebars").mkdir(parents=True)
    (root / "images").mkdir()
    (root / "_config.yml").write_text("title: Small guide\n", "utf-8")
    (root / "index.md").write_text(PAGE.format(title="Home"), "utf-8")
    (root / "pages" / "victim.md").write_text(PAGE.format(title="Victim"), "utf-8")
    (root / "images" / "real.png").write_bytes(b"PNG of the site")
    outside = tmp_path / "outside"
    (outside / "folder").mkdir(parents=True)
    (outside / "secret.txt").write_text("SECRET-OUTSIDE-THE-SITE\n", "utf-8")
    (outside / "folder" / "page.md").write_text(PAGE.format(title="SECRET-PAGE"), "utf-8")
    return root


def run(site: Path, out: Path, *, force: bool = False, cli: bool = False) -> MigrationReport:
    """``migrate`` (or the command), with the site and the folder beside it hashed before and
    after: both must be byte-identical, whatever the run did or refused."""
    outside = site.parent / "outside"
    before = snapshot(site), snapshot(outside)
    try:
        if cli:
            arguments = ["migrate", "--quiet", *(["--force"] if force else []), str(site), str(out)]
            assert main(arguments) == 2
            return MigrationReport(site, out)
        return migrate(site, out, force=force)
    finally:
        assert (snapshot(site), snapshot(outside)) == before


def findings(report: MigrationReport, kind: str) -> list[tuple[str, int, str]]:
    return [
        (path, found.line, found.message) for path, found in report.findings if found.kind == kind
    ]


def written(out: Path) -> dict[str, bytes]:
    return {
        path.relative_to(out).as_posix(): path.read_bytes()
        for path in sorted(out.rglob("*"))
        if path.is_file()
    }


# --- item 2: every write inside OUT, the site untouched ----------------------------------------


def test_a_permalink_that_climbs_out_is_reported_and_kept_inside_out(
    site: Path, tmp_path: Path
) -> None:
    (site / "pages" / "a.md").write_text(
        "---\ntitle: A\npermalink: /../site/pages/victim\n---\n\nText.\n", "utf-8"
    )
    (site / "pages" / "b.md").write_text(
        "---\ntitle: B\npermalink: ../../outside\n---\n\nText.\n", "utf-8"
    )
    out = tmp_path / "deep" / "out"
    report = run(site, out)
    # Jekyll's own rule (URL#sanitize_url): ``..`` cannot climb above the site's root.
    assert (out / "site" / "pages" / "victim.md").is_file()
    assert (out / "outside.md").is_file()
    assert (out / "pages" / "victim.md").read_text("utf-8").count("Victim") == 2
    assert (
        not (tmp_path / "outside.md").exists() and not (tmp_path / "deep" / "outside.md").exists()
    )
    reported = findings(report, "permalink")
    assert [(path, line) for path, line, _ in reported] == [("pages/a.md", 3), ("pages/b.md", 3)]
    assert "climbs out of the site's root" in reported[0][2]


def test_a_permalink_from_config_defaults_is_reported_at_the_config(
    site: Path, tmp_path: Path
) -> None:
    (site / "_config.yml").write_text(
        "title: Small guide\ndefaults:\n  - scope:\n      path: pages\n"
        "    values:\n      permalink: /../../:basename\n",
        "utf-8",
    )
    report = run(site, tmp_path / "out")
    assert ("_config.yml", 6) in [(path, line) for path, line, _ in findings(report, "permalink")]
    assert (tmp_path / "out" / "victim.md").is_file()


@pytest.mark.parametrize(
    "out_name",
    ["site", "site/pages", "site/migrated", "site/pages/../migrated", "."],
)
@pytest.mark.parametrize("absolute", [False, True])
def test_out_may_not_be_the_site_inside_it_or_hold_it(
    site: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    out_name: str,
    absolute: bool,
) -> None:
    monkeypatch.chdir(tmp_path)
    site_arg = site if absolute else Path("site")
    out = tmp_path / out_name if absolute else Path(out_name)
    for force in (False, True):
        with pytest.raises(MigrationError, match="must not"):
            run(site_arg, out, force=force)
        run(site_arg, out, force=force, cli=True)
    assert not (site / "migrated").exists()


def test_out_reached_through_a_symlink_into_the_site_is_refused(site: Path, tmp_path: Path) -> None:
    (tmp_path / "link").symlink_to(site / "pages", target_is_directory=True)
    with pytest.raises(MigrationError, match="inside the site"):
        run(site, tmp_path / "link", force=True)


def test_force_never_writes_through_links_in_out(site: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "pages").symlink_to(site / "pages", target_is_directory=True)
    (out / "conf.py").symlink_to(site / "_config.yml")
    report = run(site, out, force=True)
    # The link in OUT's way is reported; a link where a file goes is replaced, not followed.
    refused = findings(report, "output")
    assert [path for path, _, _ in refused] == ["pages/victim.md"]
    assert "symbolic link" in refused[0][2]
    assert not (out / "conf.py").is_symlink()
    assert (out / "pages").is_symlink()


def test_two_site_files_for_one_output_path_keep_the_first(site: Path, tmp_path: Path) -> None:
    # A static conf.py of the site must not replace the generated one (it would run).
    (site / "conf.py").write_text("import os\nos.system('echo pwned')\n", "utf-8")
    report = run(site, tmp_path / "out")
    assert "os.system" not in (tmp_path / "out" / "conf.py").read_text("utf-8")
    assert ("conf.py", 1) in [(path, line) for path, line, _ in findings(report, "output")]


# --- item 3: conf.py runs no site text -----------------------------------------------------------

HOSTILE_TITLE = 'Guide"""; import pathlib; pathlib.Path("PWNED").write_text("x"); """'


@pytest.mark.parametrize(
    "config",
    [
        f"title: '{HOSTILE_TITLE}'\n",
        'title: "Guide \\\\N{BULLET} \\\\x and \\\\\\n"\n',
        "title: \"Line one\\nimport os; os.system('touch PWNED')\"\n"
        'description: "Two\\n# lines\\nimport os\\u2028x = 1"\n',
        "title: 'Comment\\n'\nscholar:\n"
        "  sort_by: \"year\\nimport os; os.system('touch PWNED')\"\n"
        '  order: "descending\\r\\nraise SystemExit"\n',
    ],
)
def test_conf_py_holds_site_values_as_literals(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, config: str
) -> None:
    (site / "_config.yml").write_text(config, "utf-8")
    (site / "_data" / "tool_and_resource_list.yml").write_text(
        "- id: t\n  name: T\n  registry:\n    \"evil\\nimport os; os.system('touch PWNED')\": x\n",
        "utf-8",
    )
    (site / "images" / 'x"""\n\\N{BULLET}.png').write_bytes(b"png")
    (site / 'top"""\nimport os').mkdir()
    (site / 'top"""\nimport os' / "f.txt").write_text("x", "utf-8")
    out = tmp_path / "out"
    run(site, out)
    source = (out / "conf.py").read_text("utf-8")
    compile(source, "conf.py", "exec")
    monkeypatch.chdir(tmp_path)
    config_read = Config.read(out, overrides={}, tags=Tags())
    assert not list(tmp_path.rglob("PWNED"))
    title = yaml.safe_load(config)["title"]
    assert config_read.project == title
    for line in source.splitlines():  # nothing of the site became a statement of its own
        assert not line.lstrip().startswith(("import os", "raise", "x = 1"))


# --- item 4: symbolic links --------------------------------------------------------------------


def test_links_out_of_the_site_are_not_followed(site: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    (site / "pages" / "passwd.md").symlink_to("/etc/passwd")
    (site / "images" / "secret.png").symlink_to(outside / "secret.txt")
    (site / "_data" / "people.yml").symlink_to(outside / "secret.txt")
    (site / "more").symlink_to(outside / "folder", target_is_directory=True)
    (site / "images" / "gone.png").symlink_to(site / "images" / "missing.png")
    (site / "images" / "alias.png").symlink_to(site / "images" / "real.png")
    (site / "pages" / "loop").symlink_to(site / "pages", target_is_directory=True)
    out = tmp_path / "out"
    report = run(site, out)
    files = written(out)
    assert not [name for name, data in files.items() if b"SECRET" in data or b"root:" in data]
    reported = {path: message for path, _, message in findings(report, "symlink")}
    assert sorted(reported) == [
        "_data/people.yml",
        "images/gone.png",
        "images/secret.png",
        "more",
        "pages/passwd.md",
    ]
    assert "outside the site" in reported["pages/passwd.md"]
    assert "does not exist" in reported["images/gone.png"]
    assert all(line == 1 for _, line, _ in findings(report, "symlink"))
    # A link within the site is read as the file it names; a loop is walked once.
    assert files["images/alias.png"] == b"PNG of the site"
    assert not [name for name in files if name.count("loop") > 1]


def test_a_config_linked_out_of_the_site_is_not_read(site: Path, tmp_path: Path) -> None:
    (site / "_config.yml").unlink()
    (site / "_config.yml").symlink_to(tmp_path / "outside" / "secret.txt")
    report = run(site, tmp_path / "out")
    assert [path for path, _, _ in findings(report, "symlink")] == ["_config.yml"]
    assert b"SECRET" not in (tmp_path / "out" / "conf.py").read_bytes()


# --- item 6: nothing dropped silently ----------------------------------------------------------


def test_a_page_with_invalid_utf8_is_reported_and_migrated(site: Path, tmp_path: Path) -> None:
    (site / "pages" / "latin.md").write_bytes(
        b"---\ntitle: Caf\xc3\xa9\n---\n\nFine line.\nBad byte: caf\xe9 here.\n"
    )
    report = run(site, tmp_path / "out")
    assert [(path, line) for path, line, _ in findings(report, "encoding")] == [
        ("pages/latin.md", 6)
    ]
    text = (tmp_path / "out" / "pages" / "latin.md").read_text("utf-8")
    assert "Bad byte: caf\ufffd here." in text
    assert "pages/latin.md" not in (tmp_path / "out" / "conf.py").read_text("utf-8")


# --- item 9: permissions, stale temporary files, file names ------------------------------------


def test_files_get_the_umask_permissions(site: Path, tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        run(site, tmp_path / "out")
    finally:
        os.umask(previous)
    modes = {
        stat.S_IMODE((tmp_path / "out" / name).stat().st_mode) for name in written(tmp_path / "out")
    }
    assert modes == {0o644}


def test_a_forced_rerun_removes_the_temporary_files_of_an_interrupted_one(
    site: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    (out / "pages").mkdir(parents=True)
    (out / ".index.md.k3x_9qz1.tmp").write_text("half", "utf-8")
    (out / "pages" / ".victim.md.0123abcd.sphinx-ga4gh.tmp").write_text("half", "utf-8")
    (out / "notes.tmp").write_text("mine", "utf-8")
    run(site, out, force=True)
    assert sorted(name for name in written(out) if name.endswith(".tmp")) == ["notes.tmp"]


def test_a_file_name_a_toctree_cannot_hold_gets_a_safe_docname(site: Path, tmp_path: Path) -> None:
    (site / "pages" / "two\nlines.md").write_text(PAGE.format(title="Two"), "utf-8")
    (site / "pages" / "x <y>.md").write_text(PAGE.format(title="Angles"), "utf-8")
    report = run(site, tmp_path / "out")
    reported = findings(report, "file name")
    assert sorted(path for path, _, _ in reported) == ["pages/two\nlines.md", "pages/x <y>.md"]
    assert "pages/two-lines.md" in reported[0][2] + reported[1][2]
    home = (tmp_path / "out" / "index.md").read_text("utf-8")
    assert "/pages/two-lines\n" in home and "/pages/x -y-\n" in home
    assert (tmp_path / "out" / "pages" / "two-lines.md").is_file()
