"""Pages wired into Sphinx: tolerant reading, front matter, titles, anchors, page-id links."""

from __future__ import annotations

from sphinx.application import Sphinx

from .encoding import read_pages_tolerantly, warn_undecodable
from .front_matter_checks import CheckFrontMatterTypes
from .front_matter_guard import guard_front_matter
from .links import MarkAnchorLinks, NoteAnchorLinks, ResolvePageIdLinks, register_page_id
from .safe_links import unlink_dangerous_urls
from .title import KramdownHeadingIds, TitleFromFrontMatter, escape_titles_in_context


def setup_pages(app: Sphinx) -> None:
    app.add_transform(CheckFrontMatterTypes)
    app.add_transform(TitleFromFrontMatter)
    app.add_transform(KramdownHeadingIds)
    app.add_transform(MarkAnchorLinks)
    app.add_transform(NoteAnchorLinks)
    app.add_post_transform(ResolvePageIdLinks)
    app.connect("builder-inited", read_pages_tolerantly)
    app.connect("source-read", warn_undecodable, priority=200)
    app.connect("source-read", guard_front_matter, priority=300)
    app.connect("doctree-read", register_page_id)
    # after the theme's own handlers (pydata-sphinx-theme's header links)
    app.connect("html-page-context", escape_titles_in_context, priority=900)
    app.connect("doctree-resolved", unlink_dangerous_urls)
