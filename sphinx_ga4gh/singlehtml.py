"""One page for the whole site (``singlehtml``) with ids that do not repeat.

Docutils numbers ids per document: every page that has a References list has a section
``references`` and citations ``id1``, ``id2``… Pasted into one page, a link to ``#id3`` jumps to
the first page's entry. Once the builder has assembled and resolved the whole tree, an id already
used by an earlier page is renamed ``<page>-<id>`` in its own page, together with the links that
point at it (within the page, or from another page by ``#document-<page>#<id>``).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

from .pages.sections import unique_id


def _elements_by_page(root: nodes.Element, docname: str) -> list[tuple[nodes.Element, str]]:
    """Every element in document order with the page it comes from (``start_of_file`` nodes
    mark where each inlined page begins, nested as its toctrees were)."""
    found: list[tuple[nodes.Element, str]] = []
    stack: list[tuple[nodes.Element, str]] = [(root, docname)]
    while stack:
        node, page = stack.pop()
        if isinstance(node, addnodes.start_of_file):
            page = node["docname"]
        found.append((node, page))
        children = [child for child in node.children if isinstance(child, nodes.Element)]
        stack.extend((child, page) for child in reversed(children))
    return found


class UniqueIdsInSinglePage(SphinxPostTransform):
    """``singlehtml``: rename ids a page shares with an earlier page, and the links to them."""

    builders = ("singlehtml",)
    #: After references, bibliographies and the extension's own fragments are resolved.
    default_priority = 900

    def run(self, **kwargs: Any) -> None:
        if not any(self.document.findall(addnodes.start_of_file)):
            return  # a page on its own, not the assembled site
        elements = _elements_by_page(self.document, self.env.config.root_doc)
        owner: dict[str, str] = {}
        renamed: defaultdict[str, dict[str, str]] = defaultdict(dict)
        for node, page in elements:
            new_ids = []
            for id_ in node["ids"]:
                if owner.setdefault(id_, page) != page:
                    new_id = unique_id(f"{nodes.make_id(page)}-{id_}", owner)
                    owner[new_id] = page
                    renamed[page][id_] = new_id
                    id_ = new_id
                new_ids.append(id_)
            node["ids"] = new_ids
        for node, page in elements:
            self._relink(node, page, renamed)

    @staticmethod
    def _relink(node: nodes.Element, page: str, renamed: dict[str, dict[str, str]]) -> None:
        own = renamed.get(page, {})
        if node.get("refid") in own:
            node["refid"] = own[node["refid"]]
        if "backrefs" in node and own:
            node["backrefs"] = [own.get(id_, id_) for id_ in node["backrefs"]]
        refuri = node.get("refuri")
        if not isinstance(refuri, str) or "#" not in refuri:
            return
        base, _, fragment = refuri.rpartition("#")
        if base.startswith("#document-"):
            target_page = base.removeprefix("#document-")
        elif base == "":
            target_page = page
        else:
            return  # another file: its ids are its own
        new_fragment = renamed.get(target_page, {}).get(fragment)
        if new_fragment is not None:
            node["refuri"] = f"{base}#{new_fragment}"


def setup_singlehtml(app: Sphinx) -> None:
    app.add_post_transform(UniqueIdsInSinglePage)
