"""Links from the page being written to files at the site's root (``/images/x.png``).

Where a page lands depends on the builder: ``a/b.html`` (html), ``a/b/index.html`` (dirhtml),
one ``index.html`` for all pages (singlehtml). The builder's own ``get_target_uri`` knows, and
:func:`sphinx.util.osutil.relative_uri` turns it into a path, as Sphinx does for its images.
"""

from __future__ import annotations

from typing import Any

from sphinx.util.osutil import relative_uri

from ..data.urls import url_scheme


def site_root_uri(builder: Any) -> str:
    """The path from the page the HTML builder is writing to the output's root (``../``, or
    ``""`` at the root)."""
    page = builder.get_target_uri(builder.current_docname)
    return relative_uri(page, "")


def site_file_uri(builder: Any, site_path: str) -> str:
    """``site_path`` (``/images/x.png``) as seen from the page being written; a URL with a
    scheme unchanged."""
    if url_scheme(site_path):
        return site_path
    page = builder.get_target_uri(builder.current_docname)
    return relative_uri(page, site_path.strip().lstrip("/"))
