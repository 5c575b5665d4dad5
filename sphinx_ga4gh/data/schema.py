"""The keys each data file entry may have, and the checks of their form (SPEC §3, issue 9).

A misspelt key (``orchid:``, ``Email:``) would otherwise be silently ignored and the value lost
from the site, so every key that is not known is reported with its line and the closest known
key. A key written twice in one mapping is reported too (YAML would keep the last silently).
"""

from __future__ import annotations

import re

from .diagnostics import Diagnostic, SourceLocation, Subtype, did_you_mean
from .yaml_source import LocatedDict

TOOL_KEYS = (
    "id",
    "name",
    "url",
    "description",
    "type",
    "registry",
    "instance_of",
    "how_to_access",
    "related_pages",
)
CONTRIBUTOR_KEYS = ("git", "email", "orcid", "role", "affiliation", "image_url")
AFFILIATION_KEYS = ("name", "url", "image_url", "type", "expose", "pid")

_ORCID = re.compile(r"^(?:https?://orcid\.org/)?(\d{4}-\d{4}-\d{4}-\d{3}[\dX])$")


def unknown_keys(
    fields: LocatedDict, known: tuple[str, ...], owner: str, path: str, subtype: Subtype
) -> list[Diagnostic]:
    """One diagnostic per key of ``fields`` that is not in ``known``, and per repeated key."""
    problems = [
        Diagnostic(
            f"{owner}: unknown key {key!r}{did_you_mean(key, known)}; it is ignored",
            SourceLocation(path, fields.line_of(key)),
            subtype,
        )
        for key in fields
        if key not in known
    ]
    problems += repeated_keys(fields, owner, path, subtype, "key")
    return problems


def unknown_keys_in_file(
    entries: list[LocatedDict], known: tuple[str, ...], path: str, subtype: Subtype, what: str
) -> list[Diagnostic]:
    """One diagnostic per unknown key for the whole file (a site's own key, such as
    ``catalog``, is in most entries), with how many entries have it, at its first line."""
    first_line: dict[str, int] = {}
    count: dict[str, int] = {}
    for fields in entries:
        for key in fields:
            if key not in known:
                first_line.setdefault(key, fields.line_of(key))
                count[key] = count.get(key, 0) + 1
    return [
        Diagnostic(
            f"key {key!r} in {count[key]} {'entry' if count[key] == 1 else 'entries'} is not "
            f"a {what} key{did_you_mean(key, known)}; it is ignored",
            SourceLocation(path, line),
            subtype,
        )
        for key, line in first_line.items()
    ]


def repeated_keys(
    fields: LocatedDict, owner: str, path: str, subtype: Subtype, what: str
) -> list[Diagnostic]:
    """A key written twice in one mapping: the first value is kept, as YAML readers differ."""
    return [
        Diagnostic(
            f"{owner}: {what} {key!r} given again (first at line {first}); the first is used",
            SourceLocation(path, line),
            subtype,
        )
        for key, line, first in fields.repeated
    ]


def orcid_id(value: str) -> str | None:
    """The bare ORCID iD of ``value`` (``0000-0002-1825-0097``, also as an orcid.org URL) when
    its form and ISO 7064 11,2 check digit are right; else None."""
    match = _ORCID.match(value.strip())
    if match is None:
        return None
    identifier = match.group(1)
    digits = identifier.replace("-", "")
    total = 0
    for digit in digits[:-1]:
        total = (total + int(digit)) * 2
    check = (12 - total % 11) % 11
    expected = "X" if check == 10 else str(check)
    return identifier if digits[-1] == expected else None
