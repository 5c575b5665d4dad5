"""``summary`` front matter: the page's lead paragraph, as the theme shows it under the title.

The theme's page layout puts ``<div class="summary">`` right after the ``<h1>``; here it is a
paragraph after the first title (so HTML, LaTeX and text all show it), and the meta description
of a page without ``description`` (see :func:`..pages.page_type.add_meta_description`).
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform

from ..pages.front_matter import front_matter


class InsertSummary(SphinxTransform):
    """Put the page's ``summary`` as a paragraph after its title."""

    default_priority = 850  # before the appended sections (tool table 860 and later)

    def apply(self, **kwargs: Any) -> None:
        summary = front_matter(self.env.metadata.get(self.env.docname, {})).summary
        if not summary:
            return
        section = next(iter(self.document.findall(nodes.section)), None)
        lead = nodes.paragraph(summary, summary, classes=["ga4gh-summary", "lead"])
        if section is None or not section.children or not isinstance(section[0], nodes.title):
            self.document.insert(0, lead)
            return
        section.insert(1, lead)


def setup_summary(app: Sphinx) -> None:
    app.add_transform(InsertSummary)
