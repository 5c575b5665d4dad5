"""No ``javascript:``, ``vbscript:`` or ``data:`` link in any page, whatever made it.

Values of the site's data are checked where they are read (:mod:`sphinx_ga4gh.data.urls`), and
myst-parser links no such URL in Markdown; this is the last guard, for what other extensions,
styles chosen in conf.py (pybtex's ``plain`` links any BibTeX ``url``) or reST pages make.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from ..data.urls import is_dangerous_url
from ..reporting import warn


def unlink_dangerous_urls(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: a reference to such a URL becomes its text, with a warning."""
    unlink_dangerous_references(doctree)


def unlink_dangerous_references(tree: nodes.Node) -> int:
    """Each reference under ``tree`` to such a URL becomes its text, with a warning (also for
    the furniture rendered as cached markup, which ``doctree-resolved`` does not see); the
    number of them."""
    unlinked = 0
    for reference in list(tree.findall(nodes.reference)):
        url = reference.get("refuri", "")
        if not url or not is_dangerous_url(url):
            continue
        warn(
            f"link to {url!r} is not made: it could run code in the reader's browser",
            "data",
            reference,
        )
        text = nodes.inline(reference.astext(), "", *reference.children)
        reference.replace_self(text)
        unlinked += 1
    return unlinked
