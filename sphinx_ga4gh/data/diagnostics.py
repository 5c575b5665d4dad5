"""Problems found in data files, reported later through Sphinx's logger (SPEC §7)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Subtype = Literal["tool", "contributor", "affiliation", "page", "data", "liquid"]


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
