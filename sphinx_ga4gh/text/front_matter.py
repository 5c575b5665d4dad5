"""A page's front matter block: the YAML between the ``---`` lines that open the file."""

from __future__ import annotations

import re

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*(?:\r?\n|\Z)", re.S | re.M)


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """``(front matter text, body, body's first line)``, or None when there is none."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return None
    return match.group(1), text[match.end() :], match.group().count("\n") + 1
