"""An automatic "References" section on every MyST page that cites something.

The section is a sphinxcontrib-bibtex ``{bibliography}`` filtered to the works cited on that
page, appended to the page's source at ``source-read`` (after the last line, so no line number
of the page changes), when at least one cited key is in the BibTeX files: a page whose
citations all fail gets no empty heading. sphinxcontrib-bibtex resolves a citation to a
bibliography of the same page first, so each citation links to the entry on its own page. The
same work listed on many pages (and on an ``:all:`` page) is what a field guide wants, so
the indexed domain leaves these lists out of ``bibtex.duplicate_citation``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from sphinx.application import Sphinx
from sphinxcontrib.bibtex.citation_target import parse_citation_targets

from ..i18n import translated
from ..text.markdown_tokens import MarkdownFacts, read_markdown
from ..text.scanner import fenced_code_ranges
from .bibfiles import bibliography_keys

_H1 = re.compile(r"^# ", re.MULTILINE)
#: A role with its content (kept) or a code span (left out), matched left to right.
_ROLE_OR_CODE = re.compile(r"(?P<role>\{[^{}`\s]+\})?(?P<ticks>`+)(?P<body>.*?)(?P=ticks)")


def without_code(text: str) -> str:
    """``text`` with fenced code blocks and code spans blanked (line numbers kept): roles and
    directives shown as examples are not taken for real ones. A MyST directive's body is
    Markdown, not code."""
    chars = list(text)
    for start, end in fenced_code_ranges(text, myst=True):
        chars[start:end] = [c if c == "\n" else " " for c in text[start:end]]
    masked = "".join(chars)
    return _ROLE_OR_CODE.sub(
        lambda m: m.group(0) if m.group("role") else " " * len(m.group(0)), masked
    )


def is_citation_role(name: str) -> bool:
    """Whether ``name`` is one of sphinxcontrib-bibtex's citation roles (``cite:p``,
    ``footcite``, ``cite:ts`` …)."""
    return name.split(":", 1)[0] in ("cite", "footcite")


def role_cited_keys(content: str) -> Iterator[str]:
    """The keys a citation role's content names (``{see}rehm_2021{p. 4},page_2019``), parsed
    as sphinxcontrib-bibtex parses them."""
    try:
        targets = list(parse_citation_targets(content))
    except ValueError:  # malformed: the role itself reports it
        return
    for target in targets:
        yield target.key


#: How a citation role starts in MyST: the texts the Markdown pass reads inline.
_MYST_CITATIONS = ("{cite", "{footcite")
#: What starts every citation role: ``{cite:p}`` in MyST, ``:cite:p:`` in an ``{eval-rst}``
#: body (:func:`is_citation_role`); a page without any of these cites nothing.
_CITATION_ROLE_STARTS = ("{cite", "{footcite", ":cite", ":footcite")


def _may_cite(text: str) -> bool:
    return "cite" in text and any(start in text for start in _CITATION_ROLE_STARTS)


def cited_keys(facts: MarkdownFacts) -> Iterator[str]:
    """The keys of a page's citation roles."""
    for role in facts.roles:
        if is_citation_role(role.name):
            yield from role_cited_keys(role.content)


#: ASCII punctuation, which CommonMark lets a backslash make literal.
_MARKDOWN_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def plain_markdown(text: str) -> str:
    """``text`` as Markdown that shows exactly it: every punctuation character escaped (no
    emphasis, link, role, raw HTML or entity), line breaks as spaces (a heading is one line)."""
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", " ".join(text.split()))


def references_section(text: str, title: str) -> str:
    """The Markdown appended to a page: a heading one level below the page's own title,
    showing ``title`` as plain text (it comes from conf.py, not from a page's author)."""
    level = "##" if _H1.search(text) else "#"
    heading = plain_markdown(title)
    return f"\n\n{level} {heading}\n\n```{{bibliography}}\n:filter: docname in docnames\n```\n"


def append_references(app: Sphinx, docname: str, source: list[str]) -> None:
    """``source-read``: add the section to MyST pages that cite and have no bibliography."""
    if not app.config.ga4gh_page_references:
        return
    if app.env.doc2path(docname).suffix != ".md":
        return
    text = source[0]
    if not _may_cite(text):  # no Markdown pass over a page that names no citation role
        return
    # read as myst-parser reads the page: no role in code, comments or literal directives
    facts = read_markdown(text, app.config.myst_enable_extensions, roles_starting=_MYST_CITATIONS)
    if any(directive.name == "bibliography" for directive in facts.directives):
        return
    known = bibliography_keys(app.env)
    if any(key in known for key in cited_keys(facts)):
        source[0] = text.rstrip("\n") + references_section(
            text, translated(app.config.ga4gh_page_references_title)
        )
