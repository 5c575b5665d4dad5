"""Written pages are not kept in memory through the citations of their reference lists.

sphinxcontrib-bibtex makes each list's citation nodes when the page is read and keeps them in
its domain's data; when the page is written, its ``BibliographyTransform`` fills those very
nodes and puts them into the page's doctree. In a build that writes in the process that read
(``-j 1``, and every LaTeX build), the environment then holds each written doctree whole
through its citations' parents, until the build ends: the memory of the writing phase grew
with every page (a fifth of a 150-page build's peak). So the transform is given copies of the
list's citation nodes to fill and place (just before it runs), and the domain's data gets its
own, unfilled nodes back just after: the written doctree is freed once written, the output is
the same nodes, and the domain's data is left as it was read.
"""

from __future__ import annotations

from typing import Any, cast
from weakref import WeakKeyDictionary

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinxcontrib.bibtex.directives import BibliographyKey
from sphinxcontrib.bibtex.domain import BibtexDomain
from sphinxcontrib.bibtex.nodes import bibliography as bibliography_node

#: sphinxcontrib.bibtex.transforms.BibliographyTransform's priority
BIBLIOGRAPHY_TRANSFORM_PRIORITY = 5

#: One citation node as the domain holds it: its list's nodes by key, its key, the node.
StoredCitation = tuple[dict[str, nodes.Element], str, nodes.Element]
#: A document being written → the citation nodes of its lists, lent out meanwhile.
_STORED: WeakKeyDictionary[nodes.document, list[StoredCitation]] = WeakKeyDictionary()


def _citation_nodes(transform: SphinxPostTransform) -> list[dict[str, nodes.Element]]:
    domain = cast("BibtexDomain", transform.env.get_domain("cite"))
    found = []
    for node in transform.document.findall(bibliography_node):
        key = BibliographyKey(docname=node["docname"], id_=node["ids"][0])
        bibliography = domain.bibliographies.get(key)
        if bibliography is not None:
            found.append(bibliography.citation_nodes)
    return found


class LendCitationCopies(SphinxPostTransform):
    """Before sphinxcontrib-bibtex fills the page's lists: copies in place of the nodes."""

    default_priority = BIBLIOGRAPHY_TRANSFORM_PRIORITY - 1

    def run(self, **kwargs: Any) -> None:
        stored = _STORED.setdefault(self.document, [])
        for citation_nodes in _citation_nodes(self):
            for key, citation in citation_nodes.items():
                stored.append((citation_nodes, key, citation))
                citation_nodes[key] = citation.deepcopy()


class RestoreCitationNodes(SphinxPostTransform):
    """After: the domain's data holds its own nodes again, not the ones now in the page."""

    default_priority = BIBLIOGRAPHY_TRANSFORM_PRIORITY + 1

    def run(self, **kwargs: Any) -> None:
        for citation_nodes, key, citation in _STORED.pop(self.document, []):
            citation_nodes[key] = citation
