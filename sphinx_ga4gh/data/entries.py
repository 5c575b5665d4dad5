"""Walking the entries of a YAML list data file, reporting those that are not mappings."""

from __future__ import annotations

from typing import Any

from .diagnostics import Diagnostic, SourceLocation, Subtype
from .yaml_source import LocatedDict


def line_of_item(items: list[Any], position: int) -> int:
    """The line of the item at ``position`` (0-based) of a loaded YAML list."""
    lines = getattr(items, "item_lines", None)
    return lines[position] if lines else 1


def mapping_entries(
    data: Any, path: str, what: str, subtype: Subtype
) -> tuple[list[LocatedDict], list[Diagnostic]]:
    """The mapping entries of a list file; each other item, or a non-list file, is reported.

    ``what`` names the file's content in messages ("tool", "affiliation").
    """
    if data is None:
        return [], []
    if not isinstance(data, list):
        return [], [
            Diagnostic(f"the {what} file must be a YAML list", SourceLocation(path, 1), "data")
        ]
    entries: list[LocatedDict] = []
    problems: list[Diagnostic] = []
    for position, entry in enumerate(data):
        if isinstance(entry, LocatedDict):
            entries.append(entry)
            continue
        problems.append(
            Diagnostic(
                f"{what} entry {position + 1} is not a mapping; it is skipped",
                SourceLocation(path, line_of_item(data, position)),
                subtype,
            )
        )
    return entries, problems
