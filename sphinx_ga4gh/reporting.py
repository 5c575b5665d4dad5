"""Warnings with a ``ga4gh.<subtype>`` type, so ``suppress_warnings`` and ``-W`` work (SPEC §7)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TypeAlias

from docutils import nodes
from docutils.utils import get_source_line
from sphinx.util import logging

from .data.diagnostics import Diagnostic, Subtype

logger = logging.getLogger("sphinx_ga4gh")

WARNING_TYPE = "ga4gh"

Location: TypeAlias = nodes.Node | tuple[str, int] | str | None


@lru_cache(maxsize=64)
def _source_lines(path: str, mtime: float) -> tuple[str, ...]:
    return tuple(Path(path).read_text(encoding="utf-8").splitlines())


def precise_location(node: nodes.Node) -> str | None:
    """``path:line`` of an inline node's own text.

    MyST gives inline nodes the line of their paragraph; the node's raw text is looked up from
    there, so a warning points at the line a role is really on.
    """
    source, line = get_source_line(node)
    raw = getattr(node, "rawsource", "")
    if not source or not line or not raw or not Path(source).is_file():
        return None
    # MyST writes roles' raw text in reST form (":tool:`x`"); the backticked part is verbatim.
    first_line = raw[raw.find("`") :].splitlines()[0] if "`" in raw else raw.splitlines()[0]
    lines = _source_lines(source, Path(source).stat().st_mtime)
    for number in range(line, min(len(lines), line + 200) + 1):
        if first_line in lines[number - 1]:
            return f"{source}:{number}"
    return f"{source}:{line}"


def line_in_front_matter(lines: Sequence[str], text: str, key: str | None = None) -> int:
    """The 1-based line of a page (``lines`` from its first ``---``) whose front matter holds
    ``text``, searching from the line of ``key:`` when given (a name may also be in the title)."""
    start = 1
    if key is not None:
        for number, line in enumerate(lines[1:], start=1):
            if line.strip() == "---":
                break
            if line.startswith(f"{key}:"):
                start = number
                break
    for number, line in enumerate(lines[start:], start=start + 1):
        if line.strip() == "---":
            break
        if text in line:
            return number
    return 1


def front_matter_line(source: str, text: str, key: str | None = None) -> int:
    """The line of the page's front matter (between the ``---`` lines) that holds ``text``."""
    path = Path(source)
    if not path.is_file():
        return 1
    return line_in_front_matter(_source_lines(str(path), path.stat().st_mtime), text, key)


def warn(message: str, subtype: Subtype, location: Location) -> None:
    """One warning of type ``ga4gh`` and the given subtype, at a node, (docname, line) or path."""
    if isinstance(location, nodes.Node):
        location = precise_location(location) or location
    logger.warning(message, type=WARNING_TYPE, subtype=subtype, location=location)


def report(diagnostic: Diagnostic) -> None:
    """Emit a data-file diagnostic as a warning, or an error for unreadable data."""
    emit = logger.error if diagnostic.is_error else logger.warning
    emit(
        diagnostic.message,
        type=WARNING_TYPE,
        subtype=diagnostic.subtype,
        location=str(diagnostic.location),
    )
