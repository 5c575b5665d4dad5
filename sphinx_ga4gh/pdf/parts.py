"""The root page's toctree captions as the parts of the book (LaTeX).

Sphinx's LaTeX builder pastes each toctree's pages in its place and drops the caption; it only
titles the table of contents after the first caption. A field guide's root page groups its
pages under captions ("Standards", "About"), which are the book's parts: once the book is
assembled, a :class:`toctree_part` is put before the first page of each captioned toctree of
the root page, written ``\\part{caption}``, and the contents page keeps its own title.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.writers.latex import LaTeXTranslator


class toctree_part(nodes.Element):
    """A part of the book: the caption of one of the root page's toctrees (LaTeX only)."""


def _top_level_pages(tree: nodes.Element) -> dict[str, addnodes.start_of_file]:
    """The pages pasted into the root page itself (not into one of its pages), by name."""
    pages: dict[str, addnodes.start_of_file] = {}
    for page in tree.findall(addnodes.start_of_file):
        parent = page.parent
        while parent is not None and not isinstance(parent, addnodes.start_of_file):
            parent = parent.parent
        if parent is None:
            pages.setdefault(page["docname"], page)
    return pages


class TocTreeCaptionsAsParts(SphinxPostTransform):
    """``latex``: a part before the first page of each captioned toctree of the root page."""

    builders = ("latex",)
    default_priority = 900

    def run(self, **kwargs: Any) -> None:
        root = self.document.get("docname", "")
        pages = _top_level_pages(self.document)
        if not root or not pages:
            return  # not a book assembled from its root page
        for toctree in self.env.get_doctree(root).findall(addnodes.toctree):
            caption = toctree.get("caption")
            first = next((pages.get(name) for name in toctree["includefiles"]), None)
            if caption and first is not None and first.parent is not None:
                first.parent.insert(first.parent.index(first), toctree_part("", caption=caption))


def visit_toctree_part_latex(self: LaTeXTranslator, node: toctree_part) -> None:
    # Sphinx named the contents page after the first caption; as a part, it is not that name.
    self.elements["contentsname"] = self.builder.context.get("contentsname", "")
    self.body.append(f"\n\\part{{{self.encode(node['caption'])}}}\n")
    raise nodes.SkipNode


def setup_toctree_parts(app: Sphinx) -> None:
    # Only the LaTeX builder's post-transform makes the node, so no other builder meets it and
    # none is given a visitor (Sphinx sets every registered visitor on each new translator:
    # an HTML build makes one per page and per sidebar toctree).
    app.add_node(toctree_part, latex=(visit_toctree_part_latex, None))
    app.add_post_transform(TocTreeCaptionsAsParts)
