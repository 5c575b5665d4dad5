"""Each page's reference list stays under that page in LaTeX/PDF.

Sphinx's LaTeX builder gathers every citation of the book into one bibliography at its end
(a post-transform at priority 750). Field guides list each page's references under the page,
so before that, the citations of each list become our own nodes: a ``list`` whose items
carry the citation's label and the ``cite.<docname>:<id>`` target that citations link to.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.writers.latex import LaTeXTranslator


class reference_list(nodes.General, nodes.Element):
    """The entries of one reference list, in place."""


class reference_entry(nodes.Part, nodes.Element):
    """One entry: ``label`` ("RPS21") and ``key`` (the target its citations link to)."""


class KeepReferencesInPlace(SphinxPostTransform):
    """Citations become list items where they stand, so Sphinx does not move them."""

    default_priority = 700  # before sphinx.builders.latex.transforms.BibliographyTransform
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        parents: list[nodes.Element] = []
        for citation in self.document.findall(nodes.citation):
            if citation.parent not in parents:
                parents.append(citation.parent)
        for parent in parents:
            self._replace_citations(parent)

    def _replace_citations(self, parent: nodes.Element) -> None:
        entries = reference_list("", classes=["ga4gh-references"])
        index = None
        for child in list(parent.children):
            if not isinstance(child, nodes.citation):
                continue
            if index is None:
                index = parent.index(child)
            parent.remove(child)
            label = child[0].astext() if isinstance(child[0], nodes.label) else ""
            entry = reference_entry("", label=label, key=f"{child['docname']}:{child['ids'][0]}")
            entry.extend(c for c in child.children if not isinstance(c, nodes.label))
            entries += entry
        if index is not None:
            parent.insert(index, entries)


def visit_reference_list_latex(self: LaTeXTranslator, node: reference_list) -> None:
    # As LaTeX's thebibliography: the labels' column is as wide as the widest label, so a long
    # alpha label ("GRS+21a") does not run into the margin.
    entries = [entry for entry in node.children if isinstance(entry, reference_entry)]
    labels = [f"[{entry['label']}]" for entry in entries]
    widest = self.encode(max(labels, key=len, default="[]"))
    self.body.append(
        f"\n\\begin{{list}}{{}}{{\\settowidth{{\\labelwidth}}{{{widest}}}"
        "\\setlength{\\leftmargin}{\\labelwidth}\\addtolength{\\leftmargin}{\\labelsep}}\n"
    )


def depart_reference_list_latex(self: LaTeXTranslator, node: reference_list) -> None:
    self.body.append("\\end{list}\n")


def visit_reference_entry_latex(self: LaTeXTranslator, node: reference_entry) -> None:
    label = self.encode(f"[{node['label']}]")
    self.body.append(f"\\item[{{{label}}}] \\hypertarget{{cite.{node['key']}}}{{}}")


def depart_reference_entry_latex(self: LaTeXTranslator, node: reference_entry) -> None:
    self.body.append("\n")


REFERENCE_VISITORS: dict[type[nodes.Element], dict[str, tuple[Any, Any]]] = {
    reference_list: {"latex": (visit_reference_list_latex, depart_reference_list_latex)},
    reference_entry: {"latex": (visit_reference_entry_latex, depart_reference_entry_latex)},
}
