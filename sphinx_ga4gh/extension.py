"""Wires every part of sphinx-ga4gh into Sphinx, one ``setup_<feature>`` per feature.

The order of the calls is the order in which handlers of the same event and priority run, and
transforms of the same priority apply: keep it when adding a feature.
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.util.typing import ExtensionMetadata

from . import __version__
from .assets.static_files import setup_assets
from .chrome import setup_chrome
from .config import setup_config
from .domain import setup_domain
from .furniture.citation import setup_page_citation
from .furniture.more_information import setup_more_information
from .furniture.news_events import setup_news_events
from .furniture.page_ids import setup_page_ids
from .furniture.people import setup_page_people_groups
from .furniture.setup import setup_furniture
from .furniture.summary import setup_summary
from .head import setup_head
from .i18n import setup_i18n
from .layout import setup_layout
from .myst import setup_myst
from .pages.page_type import setup_page_type
from .pages.setup import setup_pages
from .parallel_reading import setup_parallel_reading
from .pdf.setup import setup_pdf
from .references.setup import setup_references
from .search_index import setup_search_index
from .singlehtml import setup_singlehtml
from .text.legacy import setup_liquid
from .tools.setup import setup_tool_checks, setup_tools


def setup(app: Sphinx) -> ExtensionMetadata:
    setup_i18n(app)
    setup_pdf(app)
    setup_chrome(app)
    setup_summary(app)
    setup_news_events(app)
    setup_page_ids(app)
    setup_more_information(app)
    setup_page_citation(app)
    setup_page_people_groups(app)
    setup_head(app)
    setup_layout(app)
    setup_myst(app)
    setup_config(app)
    setup_references(app)
    setup_liquid(app)
    setup_pages(app)
    setup_domain(app)
    setup_tools(app)
    setup_page_type(app)
    setup_tool_checks(app)
    setup_furniture(app)
    setup_assets(app)
    setup_singlehtml(app)
    setup_parallel_reading(app)
    setup_search_index(app)

    return {
        "version": __version__,
        "env_version": 2,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
