"""The HTML search index: each distinct word is stemmed once per build, not once per page.

Sphinx's ``IndexBuilder.feed`` remembers stems only within one page, so a word is stemmed again
on every page it is on. A field guide's pages share most of their words (tool names, the
registry's descriptions, the site-wide tool table, the contributors' names), and stemming was
the largest single cost of the writing phase: about 2 s of the migrated RDMkit's 14 s build.

Before the first page is indexed, the indexer's search language remembers the stems it gave
for the rest of the build. A stem is a function of the word alone (the Python stemmer must
give what the JavaScript one does in the reader's browser), so the index is the same. Only
Sphinx's own languages are touched; a site's own ``SearchLanguage`` is left as it is.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.search import SearchLanguage

#: where Sphinx's own search languages live (``sphinx.search.en.SearchEnglish`` …)
SPHINX_LANGUAGES = "sphinx.search."


class RememberedStems:
    """A search language's ``stem``, with the stem of each word kept for the build."""

    def __init__(self, stem: Callable[[str], str]) -> None:
        self.stem = cache(stem)

    def __call__(self, word: str) -> str:
        return self.stem(word)


def remembers_stems(language: SearchLanguage) -> bool:
    return isinstance(language.stem, RememberedStems)


def remember_stems(app: Sphinx, _doctree: nodes.document, _docname: str) -> None:
    """``doctree-resolved``: the first page resolved comes before the first page indexed (the
    indexer is made when writing starts)."""
    indexer = getattr(app.builder, "indexer", None)
    if indexer is None:
        return
    language: SearchLanguage = indexer.lang
    if remembers_stems(language) or not type(language).__module__.startswith(SPHINX_LANGUAGES):
        return
    # an attribute of this instance only, which the builder drops when the build ends
    language.stem = RememberedStems(language.stem)  # type: ignore[method-assign]


def setup_search_index(app: Sphinx) -> None:
    app.connect("doctree-resolved", remember_stems)
