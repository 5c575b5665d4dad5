"""The ``{ga4gh:page}`` role."""

from __future__ import annotations

from docutils import nodes
from sphinx.roles import XRefRole


class PageRole(XRefRole):
    """``{ga4gh:page}`passports_visas``` links to the page with that ``page_id``."""

    def __init__(self) -> None:
        super().__init__(innernodeclass=nodes.inline, warn_dangling=True)
