"""The page title as a heading, as Jekyll's layout shows it."""

from __future__ import annotations

import re

from ..pages.front_matter import is_placeholder
from .scanner import Fences

_H1 = re.compile(r"^ {0,3}#[ \t]+\S", re.M)


def _has_h1(text: str) -> bool:
    fences = Fences(text)
    return any(not fences.contains(match.start()) for match in _H1.finditer(text))


def add_title_heading(body: str, title: str, keep_lines: bool = False) -> tuple[str, int]:
    """The body with ``# title`` first, as Jekyll's layout shows it over a body that starts at
    ``##``; and how many lines that added. With ``keep_lines`` a body that starts with a blank
    line gets the heading on that line, so every line stays where it is in the file."""
    if not title or is_placeholder(title) or _has_h1(body):
        return body, 0
    if keep_lines and body.startswith("\n"):
        return f"# {title}" + body, 0
    if body.startswith("\n"):
        return f"\n# {title}\n" + body, 2
    return f"# {title}\n\n" + body, 2
