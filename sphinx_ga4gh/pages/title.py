"""Front matter ``title`` as the page title when the page has no heading of its own.

Jekyll pages take their title from front matter and start with text or ``##`` headings. Such a
page is wrapped, at read time, in a section titled from the front matter; a page that has its
own ``#`` heading keeps it. Nothing is inserted into the source, so line numbers stay true.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
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
