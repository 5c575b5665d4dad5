"""Front matter made safe to parse before myst-parser reads it (SPEC §7).

myst-parser reads a page's front matter with PyYAML's own loader, which has no bound on
aliases (a "billion laughs" is expanded when the values are stored) and drops the whole front
matter at a date-like value that is no date (``date: 2021-02-30``). ``source-read`` checks the
front matter with the data files' bounded loader first: beyond the bounds, the front matter is
left out with a warning at its line; an impossible date is quoted, so it stays text as in
Jekyll. Lines stay where they are.
"""

from __future__ import annotations

from sphinx.application import Sphinx

from ..data.yaml_source import impossible_dates
from ..reporting import warn
from ..text.front_matter import read_front_matter


def guard_front_matter(app: Sphinx, docname: str, content: list[str]) -> None:
    """``source-read``: the page's front matter within the bounds, impossible dates quoted."""
    text = content[0]
    if not text.startswith("---"):
        return
    block = read_front_matter(text)
    if block is None or block.error is not None:
        return  # myst-parser reports invalid YAML itself
    head, beyond = block.text, block.beyond
    start = text.index("\n") + 1  # the front matter starts on the line after ``---``
    if beyond is not None:
        path = str(app.env.doc2path(docname))
        warn(
            f"front matter not read: {beyond.message}; the page is built without it",
            "page",
            f"{path}:{beyond.line + 1}",
        )
        # an empty mapping, and every line kept, so the page's lines keep their numbers
        blank = "{}" + "\n" * max(head.count("\n"), 1)
        content[0] = text[:start] + blank + text[start + len(head) :]
        return
    dates = impossible_dates(head)
    if not dates:
        return
    lines = head.split("\n")
    for line, begin, end in reversed(dates):
        value = lines[line][begin:end]
        lines[line] = f"{lines[line][:begin]}'{value}'{lines[line][end:]}"
    content[0] = text[:start] + "\n".join(lines) + text[start + len(head) :]
