"""The page's front matter in the HTML page: type subtitle, meta description, toc and search.

- ``type`` is shown as a subtitle above the page title (HTML only; the title itself, used in
  navigation and LaTeX, stays as written);
- ``description`` (else ``summary``) becomes ``<meta name="description">``;
- ``toc: false`` hides the on-page contents sidebar (pydata-sphinx-theme, furo) and
  ``search_exclude: true`` keeps the page out of the search index.
"""

from __future__ import annotations

from html import escape
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.writers.html5 import HTML5Translator

from .front_matter import front_matter, type_label

#: Metadata keys themes read to hide the on-page table of contents.
HIDE_TOC_KEYS = ("html_theme.sidebar_secondary.remove", "hide-toc")


def apply_page_options(app: Sphinx, doctree: nodes.document) -> None:
    """At ``doctree-read``: translate ``toc``, ``search_exclude`` and ``datatable`` into what
    themes and ga4gh.js read."""
    metadata = app.env.metadata[app.env.docname]
    page = front_matter(metadata)
    if not page.toc:
        for key in HIDE_TOC_KEYS:
            metadata.setdefault(key, True)
    if page.search_exclude:
        metadata["nosearch"] = True
    if page.datatable:
        # ga4gh.js makes these tables sortable and searchable.
        length = max(0, app.config.ga4gh_table_page_length)
        for table in doctree.findall(nodes.table):
            table["classes"] += ["ga4gh-datatable", "ga4gh-paged", f"ga4gh-page-length-{length}"]


class page_type_label(nodes.inline):
    """The page type shown in front of the title, which is not part of the title's text:
    Sphinx's search index takes a section's title from ``astext()``, which would run the two
    together ("AboutContributors")."""

    def astext(self) -> str:
        return ""


def visit_page_type_label_html(translator: HTML5Translator, node: page_type_label) -> None:
    translator.body.append(translator.starttag(node, "span", ""))


def depart_page_type_label_html(translator: HTML5Translator, node: page_type_label) -> None:
    translator.body.append("</span>")


class AddPageTypeSubtitle(SphinxPostTransform):
    """Put the page type, as a label, in front of the first title (HTML builders)."""

    default_priority = 20
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        if not self.config.ga4gh_page_type_subtitle:
            return
        docname = self.env.current_document.docname
        page_type = front_matter(self.env.metadata.get(docname, {})).type
        title = next(iter(self.document.findall(nodes.title)), None)
        if not page_type or title is None or not isinstance(title.parent, nodes.section):
            return
        label = type_label(page_type, self.config.ga4gh_page_type_labels)
        title.insert(0, page_type_label(label, label, classes=["ga4gh-page-type"]))


#: The theme's head cuts a summary used as description to this many words (``truncatewords``).
SUMMARY_WORDS = 30


def _first_words(text: str, count: int) -> str:
    words = text.split()
    return " ".join(words[:count]) + ("..." if len(words) > count else "")


def add_meta_description(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: the page's ``description`` (else its ``summary``, cut to 30
    words as the theme's head does, else the site's) as its meta description."""
    page = front_matter(app.env.metadata.get(pagename, {}))
    description = page.description or _first_words(page.summary, SUMMARY_WORDS)
    description = description or app.config.ga4gh_site_description
    if description:
        tag = f'<meta name="description" content="{escape(description, quote=True)}" />\n'
        context["metatags"] = context.get("metatags", "") + tag


def setup_page_type(app: Sphinx) -> None:
    app.add_node(page_type_label, html=(visit_page_type_label_html, depart_page_type_label_html))
    app.add_post_transform(AddPageTypeSubtitle)
    app.connect("doctree-read", apply_page_options)
    app.connect("html-page-context", add_meta_description)
