"""Migrate and build real Jekyll field guides, one table row per site.

    python scripts/real_sites.py SITE [SITE ...] [--out DIR] [--pdf] [--details]

For each Jekyll site folder (only read): ``sphinx-ga4gh migrate`` into ``DIR/<name>``, then a
fresh ``sphinx-build -E -b html`` in its own process, timed. A row gives the pages migrated, the
Liquid constructs translated and left untranslated, the build's warnings by type, its seconds,
and how many built HTML pages still show Liquid text to a reader (``{% … %}`` or ``{{ … }}``
outside code) or kramdown syntax (``{: .note }``, ``{: class="…"}``, ``{#id}``, ``:+1:``), the
kramdown constructs the migration's report counts as rewritten, and how many front matter keys
and ``_config.yml`` options the report lists as unused. ``--pdf`` also builds ``-M latexpdf``
and says whether a PDF came out.
``--details`` prints every warning after the table, for classifying each as a defect of the
source or of sphinx-ga4gh (the "Real sites" page of the documentation does that).

No site's files belong in this repository: clone the sites elsewhere and name their folders.
"""

from __future__ import annotations

import argparse
import io
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from sphinx_ga4gh.cli import print_unused_keys
from sphinx_ga4gh.migration.project import migrate

#: Liquid a reader would see: a tag or an output, with straight or typographic quotes inside.
LIQUID_TEXT = re.compile(r"\{%.*?%\}|\{\{.*?\}\}", re.S)
#: kramdown a reader would see: an attribute list (``{: .note }``, ``{:class="btn"}``), a header
#: id (``{#id}``) or an emoji shortcode (``:+1:``, ``:smile:``; a name with a letter, so that
#: ``1:2:3`` is not one).
KRAMDOWN_TEXT = re.compile(
    r"\{:[^{}\n]*\}|\{#[A-Za-z][\w:.-]*\}"
    r"|(?<![\w:/\\]):(?:[+-]1|[a-z0-9_+-]*[a-z][a-z0-9_+-]*):(?![\w:])"
)
#: The report's kinds of kramdown rewritten (callouts, attribute lists, header ids, emoji).
KRAMDOWN_KINDS = frozenset(
    {"kramdown", "kramdown callout", "kramdown attributes", "heading id", "emoji"}
)
#: Sphinx prints a warning's type and subtype at the end of its line.
WARNING_TYPE = re.compile(r"\[([a-z0-9_.-]+)\]\s*$")
#: Elements whose text is code or not shown: Liquid there is an example, not a leftover.
HIDDEN_OR_CODE = frozenset({"code", "pre", "script", "style", "kbd", "samp", "textarea"})


class VisibleText(HTMLParser):
    """The text of a page a reader sees as prose (code, scripts and styles left out)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in HIDDEN_OR_CODE:
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN_OR_CODE and self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if not self.depth:
            self.parts.append(data)


def liquid_in_html(html_dir: Path) -> dict[str, list[str]]:
    """Built pages (relative path) → the Liquid text they show."""
    return shown_in_html(html_dir, LIQUID_TEXT, "")


def kramdown_in_html(html_dir: Path) -> dict[str, list[str]]:
    """Built pages (relative path) → the kramdown syntax they show."""
    # each text apart: ``:smile:`` before a ``<h2>`` is not ``:smile:Terms``
    return shown_in_html(html_dir, KRAMDOWN_TEXT, "\n")


def shown_in_html(html_dir: Path, pattern: re.Pattern[str], joint: str) -> dict[str, list[str]]:
    """Built pages (relative path) → the text matching ``pattern`` a reader sees there (the
    page's texts joined with ``joint``)."""
    found: dict[str, list[str]] = {}
    for path in sorted(html_dir.rglob("*.html")):
        if "_static" in path.parts or "_sources" in path.parts:
            continue
        parser = VisibleText()
        parser.feed(path.read_text(encoding="utf-8", errors="replace"))
        matches = pattern.findall(joint.join(parser.parts))
        if matches:
            found[str(path.relative_to(html_dir))] = matches
    return found


@dataclass
class SiteRow:
    name: str
    pages: int = 0
    translated: int = 0
    left: int = 0
    #: Pages (built HTML name) with constructs the migration left as written.
    left_pages: set[str] = field(default_factory=set)
    warnings: Counter[str] = field(default_factory=Counter)
    warning_lines: list[str] = field(default_factory=list)
    seconds: float = 0.0
    build_ok: bool = False
    liquid_pages: dict[str, list[str]] = field(default_factory=dict)
    kramdown_pages: dict[str, list[str]] = field(default_factory=dict)
    #: kramdown constructs the migration rewrote, as its report counts them.
    kramdown_migrated: int = 0
    #: Front matter keys (distinct) and ``_config.yml`` options the report lists as unused:
    #: read by nothing, and Jekyll's own (not needed in Sphinx).
    unused_front_matter: tuple[int, int] = (0, 0)
    unused_config: tuple[int, int] = (0, 0)
    #: The report's sections of unused keys, as ``migrate`` prints them.
    unused_lines: list[str] = field(default_factory=list)
    pdf: str = ""


def build(project: Path, builder_args: list[str], log: Path) -> tuple[bool, float]:
    start = time.perf_counter()
    with log.open("w", encoding="utf-8") as stream:
        result = subprocess.run(
            [sys.executable, "-m", "sphinx", *builder_args],
            cwd=project,
            stdout=stream,
            stderr=subprocess.STDOUT,
            check=False,
        )
    return result.returncode == 0, time.perf_counter() - start


def measure(site: Path, out: Path, pdf: bool) -> SiteRow:
    row = SiteRow(site.name)
    project = out / site.name
    report = migrate(site, project, force=True)
    row.pages = report.pages
    row.translated = sum(report.counts().values())
    row.left = len(report.untranslated)
    row.kramdown_migrated = sum(
        count for kind, count in report.counts().items() if kind in KRAMDOWN_KINDS
    )
    row.unused_front_matter = (
        len({item.key for item in report.unused_front_matter if not item.jekyll_only}),
        len({item.key for item in report.unused_front_matter if item.jekyll_only}),
    )
    row.unused_config = (
        sum(not item.jekyll_only for item in report.unused_config),
        sum(item.jekyll_only for item in report.unused_config),
    )
    printed = io.StringIO()
    print_unused_keys(report, printed)
    row.unused_lines = printed.getvalue().splitlines()
    row.left_pages = {
        str(Path(path).with_suffix(".html")) for path, _finding in report.untranslated
    }
    html = project / "_build" / "html"
    warnings_file = project / "_build" / "warnings.txt"
    warnings_file.parent.mkdir(parents=True, exist_ok=True)
    row.build_ok, row.seconds = build(
        project,
        ["-E", "-q", "-b", "html", "-w", str(warnings_file), ".", str(html)],
        project / "_build" / "html.log",
    )
    if warnings_file.is_file():
        for line in warnings_file.read_text(encoding="utf-8", errors="replace").splitlines():
            if "WARNING" not in line and "ERROR" not in line:
                continue
            match = WARNING_TYPE.search(line)
            row.warnings[match.group(1) if match else "(no type)"] += 1
            row.warning_lines.append(line.replace(str(project) + "/", ""))
    if html.is_dir():
        row.liquid_pages = liquid_in_html(html)
        row.kramdown_pages = kramdown_in_html(html)
    if pdf:
        ok, _ = build(
            project, ["-M", "latexpdf", ".", "_build", "-q"], project / "_build" / "pdf.log"
        )
        pdfs = list((project / "_build" / "latex").glob("*.pdf"))
        row.pdf = "yes" if ok and pdfs else "no"
    return row


def table(rows: list[SiteRow], pdf: bool) -> str:
    head = [
        "site",
        "pages",
        "translated",
        "left",
        "warnings",
        "by type",
        "build s",
        "Liquid",
        "kramdown",
        "kramdown migrated",
        "unused front matter",
        "unused config",
    ]
    if pdf:
        head.append("PDF")
    lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    for row in rows:
        by_type = ", ".join(f"{kind} {n}" for kind, n in sorted(row.warnings.items())) or "none"
        cells = [
            row.name,
            str(row.pages),
            str(row.translated),
            str(row.left),
            str(sum(row.warnings.values())),
            by_type,
            f"{row.seconds:.1f}" + ("" if row.build_ok else " (failed)"),
            str(len(row.liquid_pages)),
            str(len(row.kramdown_pages)),
            str(row.kramdown_migrated),
            "{} + {} Jekyll's".format(*row.unused_front_matter),
            "{} + {} Jekyll's".format(*row.unused_config),
        ]
        if pdf:
            cells.append(row.pdf)
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sites", nargs="+", type=Path, help="Jekyll site folders (only read)")
    parser.add_argument("--out", type=Path, help="where the projects go (default: a temp dir)")
    parser.add_argument("--pdf", action="store_true", help="also build the PDF")
    parser.add_argument("--details", action="store_true", help="print every warning")
    arguments = parser.parse_args(argv)
    out = arguments.out or Path(tempfile.mkdtemp(prefix="real-sites-"))
    rows = []
    for site in arguments.sites:
        print(f"{site.name}: migrating and building into {out / site.name}", file=sys.stderr)
        rows.append(measure(site.resolve(), out.resolve(), arguments.pdf))
    print(table(rows, arguments.pdf))
    if arguments.details:
        for row in rows:
            print(f"\n## {row.name}\n")
            for line in row.warning_lines:
                print(f"- {line}")
            for page, matches in row.liquid_pages.items():
                print(f"- Liquid text on {page}: {' '.join(matches)[:200]}")
            for page, matches in row.kramdown_pages.items():
                print(f"- kramdown on {page}: {' '.join(matches)[:200]}")
            for line in row.unused_lines:
                print(f"    {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
