"""``sphinx-ga4gh import-csv``: a spreadsheet's CSV export as the YAML tool registry.

Field guides often keep their registry in a spreadsheet. Its CSV export has a header row naming
the registry keys (``id``, ``name``, ``url``, ``description``, ``type``, ``instance_of``,
``how_to_access``) and the registry links, as ``biotools`` or ``registry.biotools``. Columns are
matched without regard to case, spaces or ``-``/``_``; an unknown column is reported with the
closest known one and left out, a row without ``id`` or ``name`` is reported with its line and
left out, and the YAML written reads back to the same values.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from .diagnostics import Diagnostic, SourceLocation, did_you_mean
from .schema import TOOL_KEYS
from .tools import ELIXIR_REGISTRY_LINKS, RegistryLinkType

_FIELD_KEYS = tuple(key for key in TOOL_KEYS if key != "registry")


def _normal(name: str) -> str:
    return re.sub(r"[\s_-]+", "_", name.strip().lower())


def _columns(
    header: list[str], link_types: Iterable[RegistryLinkType], path: str
) -> tuple[dict[int, tuple[str, str]], list[Diagnostic]]:
    """Column index → ("field", key) or ("registry", key); unknown columns reported."""
    fields = {_normal(key): key for key in _FIELD_KEYS}
    links = {_normal(link.key): link.key for link in link_types}
    known = [*_FIELD_KEYS, *(f"registry.{key}" for key in links.values())]
    columns: dict[int, tuple[str, str]] = {}
    problems: list[Diagnostic] = []
    for index, raw in enumerate(header):
        name = _normal(raw)
        bare = name.removeprefix("registry.").removeprefix("registry_")
        if name in fields:
            columns[index] = ("field", fields[name])
        elif bare in links:
            columns[index] = ("registry", links[bare])
        elif raw.strip():
            problems.append(
                Diagnostic(
                    f"unknown column {raw.strip()!r}{did_you_mean(raw.strip(), known)}; "
                    "it is left out",
                    SourceLocation(path, 1),
                    "data",
                )
            )
    return columns, problems


def _entry(row: list[str], columns: dict[int, tuple[str, str]]) -> dict[str, Any]:
    entry: dict[str, Any] = {}
    registry: dict[str, str] = {}
    for index, (kind, key) in columns.items():
        value = row[index].strip() if index < len(row) else ""
        if not value:
            continue
        if kind == "registry":
            registry[key] = value
        else:
            entry[key] = value
    ordered = {key: entry[key] for key in _FIELD_KEYS if key in entry}
    if registry:
        ordered["registry"] = registry
    return ordered


def read_registry_csv(
    path: Path, link_types: Iterable[RegistryLinkType] = ELIXIR_REGISTRY_LINKS
) -> tuple[list[dict[str, Any]], list[Diagnostic]]:
    """The registry entries of a CSV file, in row order, and what was wrong in it."""
    shown = str(path)
    text = path.read_text(encoding="utf-8-sig")  # spreadsheets often write a BOM
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        return [], [Diagnostic("the CSV file is empty", SourceLocation(shown, 1), "data")]
    columns, problems = _columns(rows[0], link_types, shown)
    entries: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        entry = _entry(row, columns)
        missing = [key for key in ("id", "name") if not entry.get(key)]
        if missing:
            problems.append(
                Diagnostic(
                    f"row without {' or '.join(repr(key) for key in missing)}; it is left out",
                    SourceLocation(shown, line),
                    "tool",
                )
            )
            continue
        if entry["id"] in seen:
            problems.append(
                Diagnostic(
                    f"duplicate tool id {entry['id']!r} (first at line {seen[entry['id']]}); "
                    "the first row is used",
                    SourceLocation(shown, line),
                    "tool",
                )
            )
            continue
        seen[entry["id"]] = line
        entries.append(entry)
    return entries, problems


def registry_yaml(entries: list[dict[str, Any]], source: str) -> str:
    """The registry file: a YAML list, keys in the registry's usual order, text as written."""
    header = f"# The tool and resource registry, imported from {source} by sphinx-ga4gh.\n"
    if not entries:
        return header + "[]\n"
    body = yaml.safe_dump(
        entries, sort_keys=False, allow_unicode=True, default_flow_style=False, width=1000
    )
    return header + body
