""" "How to cite this page": the theme's ``citation-page.html`` for ``page_citation: true``.

The block is the page's contributors (sorted by name unless ``ga4gh_page_people_sort`` or the
page's ``people_sort`` says not), its *title* in quotes, the site (``html_baseurl`` without its
scheme and ``www.``) and the page's address; in HTML the browser adds "(accessed <today>)" as
the theme's script does (our static script, no inline code). Paper has no access date.
The address is the builder's target URI of the page, so it is filled at ``doctree-resolved``,
where the builder is known through the public ``app.builder``.
"""

from __future__ import annotations

import posixpath
from typing import Any
from urllib.parse import urlsplit

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxTranslator

from ..data.urls import is_safe_url
from ..domain import get_domain
from ..pages.front_matter import front_matter
from ..pages.sections import content_root
from .people import sorts_people


class page_citation(nodes.General, nodes.Element):
    """Placeholder of a page's citation, filled at write time (the title and address)."""


class page_address(nodes.Inline, nodes.Element):
    """Placeholder of the site and the page's address, which only the builder knows (its
    target URI), filled by :func:`fill_page_addresses` when the doctree is resolved."""


class access_date(nodes.Inline, nodes.Element):
    """Where the browser writes "(accessed <today>)"; nothing outside HTML."""


def site_label(baseurl: str) -> str:
    """``https://www.example.org/guide/`` → ``example.org/guide``, as the theme strips it."""
    parts = urlsplit(baseurl.strip())
    host = parts.netloc.removeprefix("www.")
    return (host + parts.path).rstrip("/")


class AppendPageCitation(SphinxTransform):
    default_priority = 864  # after the page's people (863), as the theme's last tab

    def apply(self, **kwargs: Any) -> None:
        metadata = self.env.metadata.get(self.env.docname, {})
        if not front_matter(metadata).page_citation:
            return
        title = self.config.ga4gh_page_citation_title
        block = nodes.container("", classes=["ga4gh-page-furniture", "ga4gh-page-citation"])
        block += nodes.rubric(title, title)
        # LaTeX merges every page into one doctree: the placeholder says which page it cites
        block += page_citation(docname=self.env.docname)
        content_root(self.document).append(block)


class FillPageCitations(SphinxPostTransform):
    default_priority = 6

    def run(self, **kwargs: Any) -> None:
        for placeholder in list(self.document.findall(page_citation)):
            placeholder.replace_self(self._citation(placeholder["docname"]))

    def _citation(self, docname: str) -> nodes.paragraph:
        metadata = self.env.metadata.get(docname, {})
        names = front_matter(metadata).contributors
        if sorts_people(self.config, metadata):
            names = sorted(names)  # Liquid's sort: case-sensitive
        paragraph = nodes.paragraph("", "", classes=["ga4gh-citation"])
        if names:
            paragraph += nodes.Text(", ".join(names) + ", ")
        title = get_domain(self.env).page_title(docname)
        paragraph += nodes.Text('"')
        paragraph += nodes.emphasis(title, title)
        paragraph += nodes.Text('".')
        paragraph += page_address(docname=docname)
        _UNFILLED_ADDRESSES[0] += 1
        paragraph += access_date()
        paragraph += nodes.Text(".")
        return paragraph


#: How many :class:`page_address` nodes :class:`FillPageCitations` made that are not filled
#: yet: while none is, the doctree that is resolved has none and is not walked for them.
_UNFILLED_ADDRESSES = [0]


def fill_page_addresses(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: the page's address, as the builder writing this copy knows it."""
    if not _UNFILLED_ADDRESSES[0]:
        return
    for placeholder in list(doctree.findall(page_address)):
        placeholder.replace_self(_page_address(app, placeholder["docname"]))
        _UNFILLED_ADDRESSES[0] = max(0, _UNFILLED_ADDRESSES[0] - 1)


def _page_address(app: Sphinx, docname: str) -> list[nodes.Node]:
    builder = app.builder
    baseurl = str(app.config.html_baseurl or "").strip()
    if baseurl and is_safe_url(baseurl):
        if builder.format == "html":
            path = builder.get_target_uri(docname)
        else:  # the page's address on the HTML site, whatever builder writes this copy
            path = docname + str(app.config.html_file_suffix or ".html")
        url = baseurl.rstrip("/") + "/" + path
        return [
            nodes.Text(f" {site_label(baseurl)}."),
            nodes.Text(" "),
            nodes.reference("", url, refuri=url),
        ]
    if builder.format == "html":
        # No address known: the page's own link; ga4gh.js shows it absolute, as the reader
        # sees it. Paper has none.
        target = builder.get_target_uri(docname)
        here = posixpath.basename(target) or "./"  # the page itself, from itself
        link = nodes.reference("", target or here, refuri=here, classes=["ga4gh-citation-here"])
        return [nodes.Text(" "), link]
    return []


def visit_access_date_html(self: Any, node: access_date) -> None:
    # filled by ga4gh.js with the reader's date, as the theme's script does
    self.body.append('<span class="ga4gh-accessed" hidden></span>')
    raise nodes.SkipNode


def skip_access_date(self: SphinxTranslator, node: access_date) -> None:
    raise nodes.SkipNode


def setup_page_citation(app: Sphinx) -> None:
    skip = (skip_access_date, None)
    app.add_node(page_citation)
    app.add_node(page_address)
    app.add_node(
        access_date,
        html=(visit_access_date_html, None),
        latex=skip,
        text=skip,
        man=skip,
        texinfo=skip,
    )
    app.add_transform(AppendPageCitation)
    app.add_post_transform(FillPageCitations)
    app.connect("doctree-resolved", fill_page_addresses)
