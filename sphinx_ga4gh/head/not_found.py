"""Links in the body of the 404 page that work at any depth.

sphinx-notfound-page (``notfound.extension``) renders the page with links that start at
``notfound_urls_prefix``, so that the server can show it for any missing path; it does so for
the theme's links and the page's images, not for links in its text (``[standards](standards)``
stays ``standards.html``, which from ``/a/b/missing`` leads to ``/a/b/standards.html``).
"""

from __future__ import annotations

import posixpath

from docutils import nodes
from sphinx.application import Sphinx

NOTFOUND_EXTENSION = "notfound.extension"


def rooted_not_found_links(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: the 404 page's internal links, under the prefix."""
    if NOTFOUND_EXTENSION not in app.extensions or app.builder.format != "html":
        return
    if docname != app.config.notfound_pagename:
        return
    prefix = "/" + str(app.config.notfound_urls_prefix or "/").strip("/")
    page_folder = posixpath.dirname(app.builder.get_target_uri(docname))
    for reference in doctree.findall(nodes.reference):
        uri = str(reference.get("refuri") or "")
        if not uri or "://" in uri or uri.startswith(("/", "#", "mailto:", "//")):
            continue
        path = posixpath.normpath(posixpath.join(page_folder, uri))
        if path.startswith(".."):
            continue
        trailing = "/" if uri.endswith("/") and not path.endswith("/") else ""
        reference["refuri"] = posixpath.join(prefix, path) + trailing
