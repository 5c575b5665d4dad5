"""Front matter values of the wrong type, and keys written twice, reported as the page is read.

myst-parser turns whatever YAML gave into text (``title: [a, b]`` becomes ``["a", "b"]``), so
the checks (:func:`.front_matter.check_front_matter`) read the page's own front matter again:
the YAML as :mod:`.front_matter_guard` parsed it at ``source-read`` when the file's front
matter is that text (it is parsed once), else parsed here.
A corrected value replaces myst-parser's in the page's front matter field list and in
``env.metadata`` alike, before any other transform reads it: Sphinx's metadata collector fills
``env.metadata`` from that field list once the page is read, so both agree.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.transforms import SphinxTransform

from ..reporting import warn
from ..text.front_matter import split_front_matter
from .front_matter import IGNORED, UNPARSED, check_front_matter
from .front_matter_guard import read_front_matter_of


def _myst_text(value: Any) -> str:
    """A value as myst-parser stores it: text as it is, lists and mappings as JSON."""
    return value if isinstance(value, str) else json.dumps(value, default=str)


class CheckFrontMatterTypes(SphinxTransform):
    # Before every transform that reads front matter (the page type at 20, the title at 200).
    default_priority = 5

    def apply(self, **kwargs: Any) -> None:
        source = Path(self.env.doc2path(self.env.docname))
        if source.suffix != ".md" or str(source) != self.document.get("source", str(source)):
            return
        try:
            parts = split_front_matter(source.read_text(encoding="utf-8"))
        except (OSError, UnicodeError):  # the page's reader reports it
            return
        if parts is None:
            return
        head = parts[0]
        block = read_front_matter_of(self.env, self.env.docname)
        # the guard's reading of the same text (it saw the page as Sphinx decoded it)
        parsed = block.data if block is not None and block.text == head else UNPARSED
        checked = check_front_matter(head, first_line=2, parsed=parsed)
        for problem in checked.problems:
            warn(problem.message, "page", (self.env.docname, problem.line))
        if not checked.corrections:
            return
        metadata = self.env.metadata[self.env.docname]
        # myst-parser puts the front matter's field list first in the document.
        first = self.document.children[0] if self.document.children else None
        fields = first if isinstance(first, nodes.field_list) else None
        for key, value in checked.corrections.items():
            if value is IGNORED:
                metadata.pop(key, None)
            else:
                metadata[key] = _myst_text(value)
            if fields is not None:
                _correct_field(fields, key, value)


def _correct_field(fields: nodes.field_list, key: str, value: Any) -> None:
    for item in list(fields.children):
        if not isinstance(item, nodes.field) or item[0].astext() != key:
            continue
        if value is IGNORED:
            fields.remove(item)
        else:
            text = _myst_text(value)
            body = nodes.field_body(text, nodes.paragraph("", "", nodes.literal(text, text)))
            item.replace(item[1], body)
