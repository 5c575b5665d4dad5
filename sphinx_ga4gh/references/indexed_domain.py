"""sphinxcontrib-bibtex's ``cite`` domain with indexes, so per-page reference lists scale.

For every bibliography, sphinxcontrib-bibtex 2.7 looks at every entry of the BibTeX files and,
for each, scans every citation of the site to find where it is cited; it then sorts every
citation of the site once more. With a reference list on each page that is
bibliographies x entries x citations: minutes at 1,500 pages. The same answers come from two
indexes built once after reading (key → documents citing it; the site's citation order), and a
page's own list (``:filter: docname in docnames``, what sphinx-ga4gh appends) needs no filter
evaluation at all. Results are identical; only the work changes. Registered over the original
with ``app.add_domain(..., override=True)``; a project without sphinx-ga4gh can use it alone:
``extensions = ["sphinxcontrib.bibtex", "sphinx_ga4gh.references.indexed_domain"]``.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from typing import Any

from sphinx.application import Sphinx
from sphinx.util.typing import ExtensionMetadata
from sphinxcontrib.bibtex.domain import BibtexDomain, _FilterVisitor
from sphinxcontrib.bibtex.domain import logger as bibtex_logger

#: The filter of the reference list sphinx-ga4gh appends to each page.
PER_PAGE_FILTER = ast.dump(ast.parse("docname in docnames"))


class IndexedBibtexDomain(BibtexDomain):
    def _cited_in(self) -> dict[str, set[str]]:
        """Citation key → the documents that cite it, rebuilt when the citations change."""
        refs = self.citation_refs
        stamp = (id(refs), len(refs))
        cache: dict[str, Any] = self.__dict__.setdefault("_ga4gh_index", {})
        if cache.get("stamp") != stamp:
            index: dict[str, set[str]] = {}
            for ref in refs:
                for target in ref.targets:
                    index.setdefault(target.key, set()).add(ref.docname)
            cache.clear()
            cache.update(stamp=stamp, cited_in=index, order={})
        cited: dict[str, set[str]] = cache["cited_in"]
        return cited

    def get_filtered_entries(self, bibliography_key: Any) -> Iterable[tuple[str, Any]]:
        bibliography = self.bibliographies[bibliography_key]
        cited_in = self._cited_in()
        per_page = ast.dump(bibliography.filter_) == PER_PAGE_FILTER
        docname = bibliography_key.docname
        for entry in self.get_entries(bibliography.bibfiles):
            key = bibliography.keyprefix + entry.key
            cited_docnames = cited_in.get(key, set())
            if per_page:
                success = docname in cited_docnames
            else:
                visitor = _FilterVisitor(  # type: ignore[no-untyped-call]
                    entry=entry, docname=docname, cited_docnames=cited_docnames
                )
                try:
                    success = visitor.visit(bibliography.filter_)
                except ValueError as error:  # as sphinxcontrib-bibtex reports and recovers
                    bibtex_logger.warning(
                        f"syntax error in :filter: expression; {error}",
                        location=(docname, bibliography.line),
                        type="bibtex",
                        subtype="filter_syntax_error",
                    )
                    success = bool(cited_docnames)
            if success or entry.key in bibliography.keys:
                yield key, entry

    def get_all_cited_keys(self, docnames: list[str]) -> Iterable[str]:
        """Citation keys in document order, then citation order (computed once per order)."""
        self._cited_in()  # refreshes the cache when the citations changed
        order: dict[tuple[str, ...], list[str]] = self.__dict__["_ga4gh_index"]["order"]
        wanted = tuple(docnames)
        if wanted not in order:
            position = {name: index for index, name in enumerate(docnames)}
            refs = sorted(self.citation_refs, key=lambda ref: position[ref.docname])
            order[wanted] = [target.key for ref in refs for target in ref.targets]
        return iter(order[wanted])


def setup(app: Sphinx) -> ExtensionMetadata:
    """This module on its own, for any sphinxcontrib-bibtex project."""
    app.setup_extension("sphinxcontrib.bibtex")
    app.add_domain(IndexedBibtexDomain, override=True)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
