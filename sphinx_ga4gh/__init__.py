"""sphinx-ga4gh: genomics field-guide sites on Sphinx."""

from __future__ import annotations

__version__ = "0.1.0"

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata


def setup(app: Sphinx) -> ExtensionMetadata:
    """Sphinx entry point: ``extensions = ["sphinx_ga4gh"]``."""
    from .extension import setup as setup_extension

    return setup_extension(app)
