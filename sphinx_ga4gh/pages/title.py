"""Front matter ``title`` as the page title when the page has no heading of its own.

Jekyll pages take their title from front matter and start with text or ``##`` headings. Such a
page is wrapped, at read time, in a section titled from the front matter; a page that has its
own ``#`` heading keeps it. Nothing is inserted into the source, so line numbers stay true.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable
from typing import Any

from docutils import nodes
from markupsafe import Markup
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.transforms import SphinxTransform

from .front_matter import front_matter


class TitleFromFrontMatter(SphinxTransform):
    # Before the extension's own appended sections (860+) and Sphinx's title collection.
    default_priority = 200

    def apply(self, **kwargs: Any) -> None:
        title = front_matter(self.env.metadata.get(self.env.docname, {})).title
        if not title:
            title = str(self.document.get("title", "") or "")
        sections = [c for c in self.document.children if isinstance(c, nodes.section)]
        # myst-parser's front matter field list stays where Sphinx looks for it.
        body = [
            c for c in self.document.children if not isinstance(c, nodes.docinfo | nodes.field_list)
        ]
        if not title or (len(sections) == 1 and body == sections):
            return
        page = nodes.section("")
        page += nodes.title(title, title)
        for child in body:
            self.document.remove(child)
            page += child
        page["names"].append(nodes.fully_normalize_name(title))
        self.document += page
        self.document.note_implicit_target(page, page)


#: kramdown's header ID at the end of a heading: ``## Heading {#custom-id}``.
_HEADING_ID = re.compile(r"[ \t]+\{#([A-Za-z][\w:.-]*)\}[ \t]*$")


class KramdownHeadingIds(SphinxTransform):
    """``## Heading {#custom-id}`` on a page ``migrate`` did not write: the ``{#…}`` leaves the
    title and becomes a label of the heading, as ``(custom-id)=`` over it would be.

    Before docutils moves labels onto the sections they precede (260).
    """

    default_priority = 210

    def apply(self, **kwargs: Any) -> None:
        for section in list(self.document.findall(nodes.section)):
            title = section[0] if section.children else None
            if not isinstance(title, nodes.title) or not title.children:
                continue
            last = title[-1]
            if not isinstance(last, nodes.Text) or "{#" not in last:
                continue  # most headings: no regular expression run
            match = _HEADING_ID.search(last.astext())
            if match is None or section.parent is None:
                continue
            text = last.astext()[: match.start()]
            if text:
                title.replace(last, nodes.Text(text))
            else:
                title.remove(last)
            label = match.group(1)
            target = nodes.target("", "", names=[nodes.fully_normalize_name(label)])
            target.source, target.line = section.source, section.line
            self.document.note_explicit_target(target, section)
            section.parent.insert(section.parent.index(section), target)


# --- titles in the HTML context ---------------------------------------------------------------


def _escaped_title(title: nodes.Element) -> nodes.title:
    """A copy of a page title whose text is HTML-escaped (math nodes kept as they are)."""
    copy = nodes.title()
    for child in title.children:
        copy += child if isinstance(child, nodes.math) else nodes.Text(html.escape(child.astext()))
    return copy


def _with_escaped_titles(env: BuildEnvironment, render: Callable[..., Any]) -> Callable[..., Any]:
    """``render`` (pydata-sphinx-theme's header links) run while the pages' titles are
    escaped: it pastes their text into HTML as it is (pydata-sphinx-theme 0.24), so a page
    titled ``<script>…`` would run in every page's header."""

    @functools.wraps(render)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        titles = env.titles
        env.titles = {name: _escaped_title(title) for name, title in titles.items()}
        try:
            return render(*args, **kwargs)
        finally:
            env.titles = titles

    return guarded


def escape_titles_in_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context`` (after the theme's handlers): the site's title as escaped
    markup, so that themes writing it raw (furo's and pydata-sphinx-theme's brand) and those
    escaping it (``|e``) alike show the text; pydata-sphinx-theme's header links made from
    escaped page titles. A migrated site's title comes from its ``_config.yml``."""
    for key in ("docstitle", "shorttitle", "project"):
        value = context.get(key)
        if isinstance(value, str) and not isinstance(value, Markup):
            context[key] = Markup(html.escape(value, quote=True))
    render = context.get("generate_header_nav_html")
    if callable(render) and not getattr(render, "ga4gh_guarded", False):
        guarded = _with_escaped_titles(app.env, render)
        guarded.ga4gh_guarded = True  # type: ignore[attr-defined]
        context["generate_header_nav_html"] = guarded
