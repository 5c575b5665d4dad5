"""The keys of BibTeX files, with their lines, read without a full BibTeX parser.

sphinxcontrib-bibtex stops reading a file at a repeated key (pybtex raises), so every entry
after it is "not found" with no line to go on. Finding repeated keys first names the real cause
with file and line; ``sphinx-ga4gh check`` also uses the keys to find citations of missing works.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from sphinx.application import Sphinx

from ..reporting import warn

_ENTRY = re.compile(r"^[ \t]*@[ \t]*(\w+)[ \t]*[{(][ \t]*([^,\s]+)[ \t]*,", re.M)
#: Entry types that hold no work.
_NOT_ENTRIES = frozenset({"comment", "preamble", "string"})


@dataclass
class BibKeys:
    """Keys (lower case, as BibTeX compares them) → line of their first entry, and repeats."""

    lines: dict[str, int] = field(default_factory=dict)
    #: ``(key, line, line of the first entry)``
    repeated: list[tuple[str, int, int]] = field(default_factory=list)


def read_bib_keys(path: Path) -> BibKeys:
    keys = BibKeys()
    text = path.read_text(encoding="utf-8", errors="replace")
    for match in _ENTRY.finditer(text):
        if match.group(1).lower() in _NOT_ENTRIES:
            continue
        key = match.group(2).lower()
        line = text.count("\n", 0, match.start()) + 1
        if key in keys.lines:
            keys.repeated.append((match.group(2), line, keys.lines[key]))
        else:
            keys.lines[key] = line
    return keys


def repeated_key_message(key: str, first_line: int) -> str:
    return (
        f"BibTeX key {key!r} repeats the entry at line {first_line}; sphinxcontrib-bibtex stops "
        "reading the file here, so the entries after it are missing"
    )


def warn_repeated_keys(app: Sphinx) -> None:
    """``builder-inited``: name each repeated key of the project's BibTeX files with its line."""
    for name in app.config.bibtex_bibfiles or []:
        path = Path(app.srcdir) / name
        if not path.is_file():
            continue
        for key, line, first_line in read_bib_keys(path).repeated:
            warn(repeated_key_message(key, first_line), "data", f"{path}:{line}")
