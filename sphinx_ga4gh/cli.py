"""The ``sphinx-ga4gh`` command: ``migrate`` a Jekyll site, ``check`` a site without building,
``import-csv`` a spreadsheet of tools as the YAML registry."""

from __future__ import annotations

import argparse
import codecs
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from . import __version__
from .migration.project import MigrationError, MigrationReport, migrate
from .migration.unused_keys import UnusedKey


def _progress(stream: TextIO) -> Callable[[int, int], None]:
    def show(done: int, total: int) -> None:
        width = 30
        filled = width * done // max(total, 1)
        stream.write(f"\rMigrating pages [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        if done == total:
            stream.write("\n")
        stream.flush()

    return show


def _shown(path: str) -> str:
    """A site path on one line of the report: a newline in a file name is shown as ``\\n``."""
    return path if path.isprintable() else repr(path)[1:-1]


def print_untranslated(report: MigrationReport, stream: TextIO) -> None:
    """Each construct left in a page as it was written, with file:line."""
    untranslated = report.untranslated
    print(f"Not translated, left in the page as written: {len(untranslated)}", file=stream)
    for path, found in untranslated:
        source = f" {found.source}" if found.source else ""
        print(
            f"  {_shown(path)}:{found.line}: {found.kind}:{source} — {found.message}", file=stream
        )


#: How many pages a front matter key of the report names before "and N more".
FIRST_PAGES = 3


def _print_front_matter_keys(title: str, unused: list[UnusedKey], stream: TextIO) -> None:
    """One line per key: how many pages have it, and the first few with their line."""
    by_key: dict[str, list[UnusedKey]] = {}
    for item in unused:
        by_key.setdefault(item.key, []).append(item)
    if not by_key:
        return
    print(f"{title}: {len(by_key)}", file=stream)
    for key, items in sorted(by_key.items()):
        places = ", ".join(f"{_shown(item.path)}:{item.line}" for item in items[:FIRST_PAGES])
        more = f", and {len(items) - FIRST_PAGES} more" if len(items) > FIRST_PAGES else ""
        pages = "page" if len(items) == 1 else "pages"
        print(f"  {_shown(key)}: {len(items)} {pages}: {places}{more}", file=stream)


def _print_config_options(title: str, unused: list[UnusedKey], stream: TextIO) -> None:
    if not unused:
        return
    print(f"{title}: {len(unused)}", file=stream)
    for item in unused:
        note = f" ({item.note})" if item.note else ""
        print(f"  {_shown(item.path)}:{item.line}: {_shown(item.key)}{note}", file=stream)


def print_unused_keys(report: MigrationReport, stream: TextIO) -> None:
    """The front matter keys and ``_config.yml`` options the migrated site does not use:
    those nothing reads, then Jekyll's own, which Sphinx does not need."""
    front_matter, config = report.unused_front_matter, report.unused_config
    _print_front_matter_keys(
        "Front matter keys nothing reads (kept in the pages as written)",
        [item for item in front_matter if not item.jekyll_only],
        stream,
    )
    _print_config_options(
        "_config.yml options not carried into the Sphinx project",
        [item for item in config if not item.jekyll_only],
        stream,
    )
    _print_front_matter_keys(
        "Front matter keys of Jekyll's own, not needed in Sphinx",
        [item for item in front_matter if item.jekyll_only],
        stream,
    )
    _print_config_options(
        "_config.yml options of Jekyll's own, not needed in Sphinx",
        [item for item in config if item.jekyll_only],
        stream,
    )


def print_report(report: MigrationReport, stream: TextIO) -> None:
    """The summary: counts per construct, then each construct left as it was, with file:line."""
    print(
        f"Migrated {report.pages} pages from {report.site} to {report.out} "
        f"({report.files_copied} files copied, {report.links_rewritten} links rewritten).",
        file=stream,
    )
    counts = report.counts()
    if counts:
        print("Translated:", file=stream)
        for kind, count in sorted(counts.items()):
            print(f"  {kind}: {count}", file=stream)
    print_untranslated(report, stream)
    notes = report.notes
    if notes:
        print(f"Notes: {len(notes)}", file=stream)
        for path, found in notes:
            print(f"  {_shown(path)}:{found.line}: {found.kind}: {found.message}", file=stream)
    print_unused_keys(report, stream)


def _migrate(arguments: argparse.Namespace) -> int:
    show_progress = not arguments.quiet and sys.stderr.isatty()
    try:
        report = migrate(
            Path(arguments.site),
            Path(arguments.out),
            force=arguments.force,
            progress=_progress(sys.stderr) if show_progress else None,
        )
    except MigrationError as error:
        print(f"sphinx-ga4gh migrate: {error}", file=sys.stderr)
        return 2
    if not arguments.quiet:
        print_report(report, sys.stdout)
    elif report.untranslated:
        print_untranslated(report, sys.stdout)
    return 1 if arguments.strict and report.untranslated else 0


def _check(arguments: argparse.Namespace) -> int:
    from .check import check_site

    problems = check_site(Path(arguments.site), registry=arguments.registry)
    for problem in problems:
        print(problem)
    if not arguments.quiet:
        print(f"{len(problems)} problem(s) found in {arguments.site}", file=sys.stderr)
    return 1 if problems else 0


def _same_file(first: Path, second: Path) -> bool:
    """Whether two paths name one file: resolved (symbolic links followed), or hard-linked."""
    if first.resolve() == second.resolve():
        return True
    try:
        return first.samefile(second)
    except OSError:  # the second does not exist yet
        return False


def _import_csv(arguments: argparse.Namespace) -> int:
    from .data.csv_import import CsvError, read_registry_csv, registry_yaml

    source, out = Path(arguments.csv), Path(arguments.out)
    if not source.is_file():
        print(f"sphinx-ga4gh import-csv: {source} is not a file", file=sys.stderr)
        return 2
    if _same_file(source, out):
        print(
            f"sphinx-ga4gh import-csv: {out} is the CSV file itself; name another file",
            file=sys.stderr,
        )
        return 2
    if out.exists() and not arguments.force:
        print(f"sphinx-ga4gh import-csv: {out} exists (use --force to replace it)", file=sys.stderr)
        return 2
    if arguments.encoding is not None:
        try:
            codecs.lookup(arguments.encoding)
        except LookupError:
            print(
                f"sphinx-ga4gh import-csv: unknown encoding {arguments.encoding!r}",
                file=sys.stderr,
            )
            return 2
    try:
        entries, problems = read_registry_csv(source, encoding=arguments.encoding)
    except CsvError as error:
        problem = error.diagnostic
        print(f"{problem.location}: ga4gh.{problem.subtype}: {problem.message}")
        print(f"Nothing written to {out}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"sphinx-ga4gh import-csv: cannot read {source}: {error}", file=sys.stderr)
        return 2
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(registry_yaml(entries, source.name), encoding="utf-8")
    except OSError as error:
        print(f"sphinx-ga4gh import-csv: cannot write {out}: {error}", file=sys.stderr)
        return 2
    for problem in problems:
        print(f"{problem.location}: ga4gh.{problem.subtype}: {problem.message}")
    print(f"Wrote {len(entries)} tools to {out}", file=sys.stderr)
    return 1 if problems else 0


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="sphinx-ga4gh", description=(__doc__ or "").replace("``", "")
    )
    main.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = main.add_subparsers(dest="command", required=True)
    migrate_command = commands.add_parser(
        "migrate", help="write a Sphinx project from an ELIXIR-toolkit Jekyll site"
    )
    migrate_command.add_argument("site", help="the Jekyll site (it is only read)")
    migrate_command.add_argument("out", help="the folder to write the Sphinx project into")
    migrate_command.add_argument(
        "--force", action="store_true", help="write into OUT even if it is not empty"
    )
    migrate_command.add_argument(
        "--strict", action="store_true", help="exit 1 if anything was left untranslated"
    )
    migrate_command.add_argument(
        "--quiet", action="store_true", help="no progress bar; report only what was not translated"
    )
    migrate_command.set_defaults(run=_migrate)
    check_command = commands.add_parser(
        "check", help="validate a Jekyll site or a sphinx-ga4gh project without building it"
    )
    check_command.add_argument("site", help="the Jekyll site or the Sphinx project (conf.py)")
    check_command.add_argument("--quiet", action="store_true", help="no summary line")
    check_command.add_argument(
        "--registry",
        action="store_true",
        help="also list registry entries no page mentions, and tool names written as plain "
        "text on pages that mention no tool",
    )
    check_command.set_defaults(run=_check)
    import_command = commands.add_parser(
        "import-csv", help="write the YAML tool registry from a spreadsheet's CSV export"
    )
    import_command.add_argument("csv", help="the CSV file, with a header row of registry keys")
    import_command.add_argument("out", help="the YAML registry to write")
    import_command.add_argument("--force", action="store_true", help="replace OUT if it exists")
    import_command.add_argument(
        "--encoding",
        help="the CSV file's encoding (cp1252 for an old Excel export); default: UTF-8, or "
        "UTF-16/UTF-32 by a byte order mark",
    )
    import_command.set_defaults(run=_import_csv)
    return main


def main(argv: Sequence[str] | None = None) -> int:
    arguments = parser().parse_args(argv)
    return int(arguments.run(arguments))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
