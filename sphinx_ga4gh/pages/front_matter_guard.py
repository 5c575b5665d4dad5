"""Front matter made safe to parse before myst-parser reads it (SPEC §7).

myst-parser reads a page's front matter with PyYAML's own loader, which has no bound on
aliases (a "billion laughs" is expanded when the values are stored) and drops the whole front
matter at a date-like value that is no date (``date: 2021-02-30``). ``source-read`` checks the
front matter with the data files' bounded loader first: beyond the bounds, the front matter is
left out with a warning at its line; an impossible date is quoted, so it stays text as in
Jekyll. Lines stay where they are.

The front matter read here is kept for the page's reading (:data:`READ_FRONT_MATTER`): the type
checks (:mod:`.front_matter_checks`) use it instead of parsing the same YAML again.
"""

from __future__ import annotations

import re

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from ..data.yaml_source import impossible_dates
from ..reporting import warn
from ..text.front_matter import FrontMatterBlock, read_front_matter

#: ``env.current_document`` key of the page's front matter as :func:`guard_front_matter` read
#: it (a :class:`.FrontMatterBlock`), for the rest of the page's reading.
READ_FRONT_MATTER = "ga4gh_read_front_matter"
#: The start of every YAML timestamp (``2021-02-30``, ``2021-2-3 10:00``): front matter
#: without it has no impossible date to look for.
_DATE_LIKE = re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}")


def read_front_matter_of(env: BuildEnvironment, docname: str) -> FrontMatterBlock | None:
    """The front matter :func:`guard_front_matter` read for the page being read, if any."""
    kept = env.current_document.get(READ_FRONT_MATTER)
    if isinstance(kept, tuple) and len(kept) == 2 and kept[0] == docname:
        block = kept[1]
        return block if isinstance(block, FrontMatterBlock) else None
    return None


def guard_front_matter(app: Sphinx, docname: str, content: list[str]) -> None:
    """``source-read``: the page's front matter within the bounds, impossible dates quoted."""
    text = content[0]
    if not text.startswith("---"):
        return
    block = read_front_matter(text)
    if block is None:
        return
    app.env.current_document[READ_FRONT_MATTER] = (docname, block)
    if block.error is not None:
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
    dates = impossible_dates(head) if _DATE_LIKE.search(head) else []
    if not dates:
        return
    lines = head.split("\n")
    for line, begin, end in reversed(dates):
        value = lines[line][begin:end]
        lines[line] = f"{lines[line][:begin]}'{value}'{lines[line][end:]}"
    content[0] = text[:start] + "\n".join(lines) + text[start + len(head) :]
