"""Shared fixtures: Sphinx test roots live in tests/roots/test-<name>."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_escape_sequences

ROOTS = Path(__file__).parent / "roots"
#: An empty list in LaTeX output: a fatal pdflatex error ("Something's wrong--perhaps a missing
#: \\item").
EMPTY_ITEMIZE = re.compile(r"\\begin\{itemize\}\s*\\end\{itemize\}")


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOTS


def warnings_of(app: SphinxTestApp) -> list[str]:
    """The build's warnings and errors, one per line, without colours."""
    text = strip_escape_sequences(app.warning.getvalue())
    return [line for line in text.splitlines() if line.strip()]


def html_of(app: SphinxTestApp, docname: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / f"{docname}.html").read_text("utf-8"), "html.parser")


def table_rows(table: Tag) -> list[list[str]]:
    """The text of each body row's cells."""
    return [
        [cell.get_text(" ", strip=True) for cell in row.select("td")]
        for row in table.select("tbody tr")
    ]


def copy_root(source: Path, tmp_path: Path, name: str | None = None) -> Path:
    """A private copy of a test root (or of conf_example), for tests that edit or rebuild it."""
    target = tmp_path / (name or source.name)
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("_build"))
    return target


def build(
    make_app: type[SphinxTestApp], srcdir: Path, buildername: str = "html", **kwargs: Any
) -> tuple[SphinxTestApp, list[str]]:
    """Build ``srcdir`` once; returns the app and the documents that were read."""
    app = make_app(buildername, srcdir=srcdir, **kwargs)
    read: list[str] = []
    app.connect("env-before-read-docs", lambda _app, _env, docnames: read.extend(docnames))
    app.build()
    # Unregister the extension's nodes so that the next app in this test starts clean.
    app.cleanup()
    return app, read
