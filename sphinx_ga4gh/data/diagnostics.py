"""Problems found in data files, reported later through Sphinx's logger (SPEC §7)."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Subtype = Literal[
    "tool", "contributor", "affiliation", "page", "data", "liquid", "registry", "config", "pdf"
]


@dataclass(frozen=True)
class SourceLocation:
    """A place in a data file or page: ``path`` and 1-based ``line``."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True)
class Diagnostic:
    """One problem: a message, where it is, its warning subtype, and whether it is an error."""

    message: str
    location: SourceLocation
    subtype: Subtype
    is_error: bool = False


#: How alike (difflib's ratio) a known name must be to be suggested: "becon" and "beakon" find
#: "beacon" (0.91, 0.83); "nowhere" does not find "other" (0.67).
CUTOFF = 0.75


def conf_line(path: Path, name: str) -> int:
    """The line of conf.py that sets ``name`` (1 when it cannot be found)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return 1
    for number, line in enumerate(lines, start=1):
        if line.lstrip().startswith(name):
            return number
    return 1


def closest(name: str, known: Iterable[str], limit: int = 3) -> list[str]:
    """The known names nearest to ``name``: a different case first, then similar spellings."""
    candidates = sorted(set(known))
    same_case = [item for item in candidates if item.lower() == name.lower() and item != name]
    similar = difflib.get_close_matches(name, candidates, n=limit, cutoff=CUTOFF)
    folded = {item.lower(): item for item in candidates}
    similar += [
        folded[item]
        for item in difflib.get_close_matches(name.lower(), list(folded), n=limit, cutoff=CUTOFF)
    ]
    result: list[str] = []
    for item in [*same_case, *similar]:
        if item != name and item not in result:
            result.append(item)
    return result[:limit]


def did_you_mean(name: str, known: Iterable[str]) -> str:
    """`` (did you mean 'beacon'?)`` for the message of an unknown name, or nothing."""
    found = closest(name, known)
    if not found:
        return ""
    return " (did you mean " + " or ".join(repr(item) for item in found) + "?)"
