"""An automatic "References" section on every MyST page that cites something.

The section is a sphinxcontrib-bibtex ``{bibliography}`` filtered to the works cited on that
page, appended to the page's source at ``source-read`` (after the last line, so no line number
of the page changes). sphinxcontrib-bibtex resolves a citation to a bibliography of the same page
first, so each citation links to the entry on its own page. The same work listed on many pages
(and on an ``:all:`` page) is what a field guide wants, so ``bibtex.duplicate_citation`` is
suppressed while this feature is on.
"""

from __future__ import annotations

import re

from sphinx.application import Sphinx
from sphinx.config import Config

_CITATION = re.compile(r"\{(?:cite|cite:[a-z]+)\}`")
_BIBLIOGRAPHY = re.compile(r"[`:]\{bibliography\}")
_H1 = re.compile(r"^# ", re.MULTILINE)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})\s*(.*)$")
#: A role with its content (kept) or a code span (left out), matched left to right.
_ROLE_OR_CODE = re.compile(r"(?P<role>\{[^{}`\s]+\})?(?P<ticks>`+)(?P<body>.*?)(?P=ticks)")
#: Directives whose content is code, not Markdown.
_CODE_DIRECTIVES = ("{code-block}", "{code}", "{sourcecode}", "{literalinclude}")


def _without_code_spans(line: str) -> str:
    return _ROLE_OR_CODE.sub(lambda m: m.group(0) if m.group("role") else "", line)


def prose_of(text: str) -> str:
    """``text`` without its code: fenced code blocks and inline code are left out, so a
    citation or ``{bibliography}`` shown as an example is not taken for a real one."""
    kept: list[str] = []
    code_fence: str | None = None
    directive_fences: list[str] = []  # open MyST directives, whose content is Markdown
    for line in text.splitlines():
        fence = _FENCE.match(line)
        if code_fence is not None:
            if fence is not None and not fence.group(2) and fence.group(1).startswith(code_fence):
                code_fence = None
            continue
        if fence is not None:
            marks, info = fence.group(1), fence.group(2).strip()
            if not info and directive_fences and marks.startswith(directive_fences[-1]):
                directive_fences.pop()
            elif info.startswith("{") and not info.startswith(_CODE_DIRECTIVES):
                directive_fences.append(marks)
            else:
                code_fence = marks
            continue
        kept.append(_without_code_spans(line))
    return "\n".join(kept)


#: Suppressed while per-page lists are on: a key on several pages is the normal case.
DUPLICATE_CITATION = "bibtex.duplicate_citation"


def suppress_duplicate_citations(app: Sphinx, config: Config) -> None:
    if config.ga4gh_page_references and DUPLICATE_CITATION not in config.suppress_warnings:
        config.suppress_warnings = [*config.suppress_warnings, DUPLICATE_CITATION]


def references_section(text: str, title: str) -> str:
    """The Markdown appended to a page: a heading one level below the page's own title."""
    level = "##" if _H1.search(text) else "#"
    return f"\n\n{level} {title}\n\n```{{bibliography}}\n:filter: docname in docnames\n```\n"


def append_references(app: Sphinx, docname: str, source: list[str]) -> None:
    """``source-read``: add the section to MyST pages that cite and have no bibliography."""
    if not app.config.ga4gh_page_references:
        return
    if app.env.doc2path(docname).suffix != ".md":
        return
    text = source[0]
    prose = prose_of(text)
    if _CITATION.search(prose) and not _BIBLIOGRAPHY.search(prose):
        source[0] = text.rstrip("\n") + references_section(
            text, app.config.ga4gh_page_references_title
        )
