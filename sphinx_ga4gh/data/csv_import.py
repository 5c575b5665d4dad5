"""``sphinx-ga4gh import-csv``: a spreadsheet's CSV export as the YAML tool registry.

Field guides often keep their registry in a spreadsheet. Its CSV export has a header row naming
the registry keys (``id``, ``name``, ``url``, ``description``, ``type``, ``instance_of``,
``how_to_access``) and the registry links, as ``biotools`` or ``registry.biotools``. Columns are
matched without regard to case, spaces or ``-``/``_``; an unknown column is reported with the
closest known one and left out, a repeated column is reported and the first kept, a row without
``id`` or ``name`` or with more cells than the header is reported with its line, and the YAML
written reads back to the same values. Line numbers are the file's physical lines: a cell with
line breaks does not shift the rows after it.

What cannot be read as a table is refused (:class:`CsvError`, with the line) rather than read
in part: an unclosed quote (which would swallow the rows after it into one cell), a quote
followed by more text, bytes that are not in the file's encoding. The encoding is UTF-8 unless a
byte order mark says UTF-16 or UTF-32, or the caller names one (``--encoding cp1252`` for an old
Excel export): guessing would silently turn a ``é`` into two other letters.
"""

from __future__ import annotations

import codecs
import csv
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import yaml

from .diagnostics import Diagnostic, SourceLocation, did_you_mean
from .schema import TOOL_KEYS
from .tools import ELIXIR_REGISTRY_LINKS, RegistryLinkType

_FIELD_KEYS = tuple(key for key in TOOL_KEYS if key != "registry")

#: Byte order marks, longest first (UTF-32 LE begins like UTF-16 LE).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: A physical line with its end: CSV ends lines with CRLF, LF or (old Mac exports) CR only.
_PHYSICAL_LINE = re.compile(r"[^\r\n]*(?:\r\n|\n|\r|$)")


class CsvError(Exception):
    """A CSV file that cannot be read as a table (nothing of it is imported)."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


def _refuse(message: str, path: str, line: int) -> CsvError:
    return CsvError(Diagnostic(message, SourceLocation(path, line), "data", is_error=True))


def decode_csv(data: bytes, path: str, encoding: str | None = None) -> str:
    """The text of a CSV file: ``encoding`` when given, else by its byte order mark, else
    UTF-8; undecodable bytes are refused with their line and column."""
    if encoding is None:
        encoding = "utf-8"
        for bom, name in _BOMS:
            if data.startswith(bom):
                data, encoding = data[len(bom) :], name
                break
        else:
            first_line = data.split(b"\n", 1)[0]
            if b"\x00" in first_line:
                raise _refuse(
                    "the file has NUL bytes: UTF-16 or UTF-32 without a byte order mark? "
                    "Export it as CSV UTF-8",
                    path,
                    1,
                )
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        before = exc.object[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        bad = exc.object[exc.start : exc.end].hex(" ")
        raise _refuse(
            f"byte(s) {bad} at line {line}, byte {column} of the line are not {encoding}; "
            "export the file as CSV UTF-8, or name its encoding (--encoding cp1252 for an old "
            "Excel export)",
            path,
            line,
        ) from exc
    return text.removeprefix("\ufeff")  # a BOM the named encoding kept


def _quote_line(text: str, start_line: int) -> int:
    """The physical line where a record's quoted cell that never closes opens: ``text`` is
    the file from the record's first line on; a quote opens a cell only at its start."""
    line, quoted, at_cell_start, index = start_line, False, True, 0
    opened = start_line
    while index < len(text):
        char = text[index]
        if quoted:
            if char == '"':
                if text[index + 1 : index + 2] == '"':
                    index += 1
                else:
                    quoted = False
        elif char == '"' and at_cell_start:
            quoted, opened = True, line
        at_cell_start = not quoted and char in ",\r\n"
        if char == "\n" or (char == "\r" and text[index + 1 : index + 2] != "\n"):
            line += 1
        index += 1
    return opened


def _records(text: str, path: str) -> Iterator[tuple[int, list[str]]]:
    """``(first physical line, cells)`` of each record; an unreadable record is refused."""
    lines = [match.group(0) for match in _PHYSICAL_LINE.finditer(text) if match.group(0)]
    # The whole file is in memory already: a long cell is no risk, csv's 131,072 limit no help.
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, len(text) + 1))
    try:
        reader = csv.reader(lines, strict=True)
        start = 1
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                if reader.line_num >= len(lines) and "end of data" in str(exc):
                    opened = _quote_line("".join(lines[start - 1 :]), start)
                    raise _refuse(
                        f"the quote opened at line {opened} is never closed (it would take "
                        "every row after it into one cell); nothing is imported",
                        path,
                        opened,
                    ) from exc
                at = reader.line_num
                if at > start:  # the cell began on an earlier line: its quote is the culprit
                    opened = _quote_line("".join(lines[start - 1 : at]), start)
                    raise _refuse(
                        f"the quote opened at line {opened} closes only at line {at}, where "
                        f"{exc} (a quote is not closed, or one inside a quoted cell is not "
                        'written twice: ""); nothing is imported',
                        path,
                        opened,
                    ) from exc
                raise _refuse(
                    f"malformed CSV at line {at}: {exc} (a quote inside a quoted cell is "
                    'written twice: ""); nothing is imported',
                    path,
                    at,
                ) from exc
            yield start, row
            start = reader.line_num + 1
    finally:
        csv.field_size_limit(limit)


def _normal(name: str) -> str:
    return re.sub(r"[\s_-]+", "_", name.strip().lower())


def _columns(
    header: list[str], link_types: Iterable[RegistryLinkType], path: str, line: int
) -> tuple[dict[int, tuple[str, str]], list[Diagnostic]]:
    """Column index → ("field", key) or ("registry", key); unknown columns reported."""
    fields = {_normal(key): key for key in _FIELD_KEYS}
    links = {_normal(link.key): link.key for link in link_types}
    known = [*_FIELD_KEYS, *(f"registry.{key}" for key in links.values())]
    columns: dict[int, tuple[str, str]] = {}
    first_of: dict[tuple[str, str], int] = {}
    problems: list[Diagnostic] = []
    for index, raw in enumerate(header):
        name = _normal(raw)
        bare = name.removeprefix("registry.").removeprefix("registry_")
        column: tuple[str, str] | None = None
        if name in fields:
            column = ("field", fields[name])
        elif bare in links:
            column = ("registry", links[bare])
        if column is not None and column in first_of:
            problems.append(
                Diagnostic(
                    f"column {index + 1} ({raw.strip()!r}) repeats column {first_of[column] + 1} "
                    f"({header[first_of[column]].strip()!r}); the first is used, this one is "
                    "left out",
                    SourceLocation(path, line),
                    "data",
                )
            )
        elif column is not None:
            columns[index], first_of[column] = column, index
        elif raw.strip():
            problems.append(
                Diagnostic(
                    f"unknown column {raw.strip()!r}{did_you_mean(raw.strip(), known)}; "
                    "it is left out",
                    SourceLocation(path, line),
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
    path: Path,
    link_types: Iterable[RegistryLinkType] = ELIXIR_REGISTRY_LINKS,
    encoding: str | None = None,
) -> tuple[list[dict[str, Any]], list[Diagnostic]]:
    """The registry entries of a CSV file, in row order, and what was wrong in it; raises
    :class:`CsvError` when the file cannot be read as a table."""
    shown = str(path)
    records = _records(decode_csv(path.read_bytes(), shown, encoding), shown)
    first = next(records, None)
    if first is None:
        return [], [Diagnostic("the CSV file is empty", SourceLocation(shown, 1), "data")]
    header_line, header = first
    columns, problems = _columns(header, link_types, shown, header_line)
    entries: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for line, row in records:
        if not any(cell.strip() for cell in row):
            continue
        extra = [cell for cell in row[len(header) :] if cell.strip()]
        if extra:
            problems.append(
                Diagnostic(
                    f"row with {len(row)} cells, the header has {len(header)}; the cells "
                    f"after column {len(header)} are left out (first: {extra[0].strip()[:40]!r})",
                    SourceLocation(shown, line),
                    "tool",
                )
            )
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
