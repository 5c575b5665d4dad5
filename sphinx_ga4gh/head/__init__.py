"""The page head and the files around the pages: OpenGraph and ``theme-color`` meta, robots,
schema.org JSON-LD, analytics with the theme's cookie notice, ``sitemap.xml`` and the
redirecting pages of ``redirect_from`` (what the ELIXIR toolkit theme's ``head.html``,
``schemasorg.html`` and ``cookie-popup.html``, jekyll-sitemap and jekyll-redirect-from did)."""

from __future__ import annotations

from sphinx.application import Sphinx

from .analytics import add_analytics
from .meta import add_head_meta
from .not_found import rooted_not_found_links
from .redirects import write_redirects
from .sitemap import write_sitemap


def setup_head(app: Sphinx) -> None:
    # after the theme's and our description handler: the tags only add to ``metatags``
    app.connect("html-page-context", add_head_meta, priority=600)
    app.connect("html-page-context", add_analytics, priority=600)
    app.connect("doctree-resolved", rooted_not_found_links)
    app.connect("build-finished", write_sitemap)
    app.connect("build-finished", write_redirects)
