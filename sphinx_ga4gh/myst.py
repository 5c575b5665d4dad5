"""myst-parser, with the syntax extensions field guides are written in."""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.config import Config

#: MyST syntax extensions the extension turns on (colon fences; ``{attrs}`` on links/images).
MYST_EXTENSIONS = ("colon_fence", "attrs_inline")


def enable_myst_extensions(app: Sphinx, config: Config) -> None:
    """``:::{directive}`` fences are how field guides write directives with Markdown bodies."""
    enabled = list(config.myst_enable_extensions)
    for name in MYST_EXTENSIONS:
        if name not in enabled:
            enabled.append(name)
    config.myst_enable_extensions = enabled


def setup_myst(app: Sphinx) -> None:
    app.setup_extension("myst_parser")
    app.connect("config-inited", enable_myst_extensions)
