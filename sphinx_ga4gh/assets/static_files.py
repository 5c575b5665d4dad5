"""Our CSS and JavaScript in every HTML output, and the site's own files copied as they are."""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util.fileutil import copy_asset_file

from .site_files import copy_site_files

STATIC_DIR = Path(__file__).parent / "static"
STATIC_FILES = ("ga4gh.css", "ga4gh.js")


def add_static_files(app: Sphinx) -> None:
    """``builder-inited``: our CSS and JavaScript, copied into the output's ``_static``.

    Not by appending to ``html_static_path``: the environment pickles the configuration, so
    a value changed here differs from conf.py's on every next build ("The configuration has
    changed") and every page is written again. Every HTML builder (dirhtml, singlehtml, epub)
    copies its static files after this, so a file of the user's with the same name wins.
    """
    if app.builder.format == "html":
        static_out = Path(app.outdir) / "_static"
        static_out.mkdir(parents=True, exist_ok=True)
        for name in STATIC_FILES:
            copy_asset_file(STATIC_DIR / name, static_out / name, force=True)
        app.add_css_file("ga4gh.css")
        app.add_js_file("ga4gh.js", defer="defer")


def setup_assets(app: Sphinx) -> None:
    app.connect("builder-inited", add_static_files)
    app.connect("build-finished", copy_site_files)
