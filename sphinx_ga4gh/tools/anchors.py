"""LaTeX labels for the anchors that tool links and the tool index point at.

A tool's anchor sits on a table row (``tool-ega`` in the site-wide table) or on a declaration's
card (a container). LaTeX gives neither a label, so in LaTeX builds the anchor moves to a target
at the start of the row's first cell or of the card, where the writer emits ``\\label``.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform


def _move_ids_to_target(holder: nodes.Element, into: nodes.Element) -> None:
    into.insert(0, nodes.target("", "", ids=list(holder["ids"])))
    holder["ids"] = []


class AnchorsForLatex(SphinxPostTransform):
    default_priority = 800
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        for row in list(self.document.findall(nodes.row)):
            cell = row.next_node(nodes.entry)
            if row["ids"] and cell is not None:
                paragraph = cell.next_node(nodes.TextElement)
                _move_ids_to_target(row, paragraph if paragraph is not None else cell)
        for card in list(self.document.findall(nodes.container)):
            if card["ids"] and "ga4gh-tool-card" in card["classes"]:
                _move_ids_to_target(card, card)
