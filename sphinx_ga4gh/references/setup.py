"""Citations wired into Sphinx: sphinxcontrib-bibtex, our styles, per-page reference lists."""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config

from .bibfiles import load_bibliography, pages_citing_changed_bibliography
from .latex import REFERENCE_VISITORS, KeepReferencesInPlace
from .per_page import append_references
from .styles import make_ga4gh_styles_default, prepare_bibliography, register_styles

#: Where ELIXIR toolkit sites keep their BibTeX; used when ``bibtex_bibfiles`` is unset.
DEFAULT_BIBLIOGRAPHY_PATH = "_bibliography/references.bib"


def default_bibliography(app: Sphinx, config: Config) -> None:
    """sphinxcontrib-bibtex insists on ``bibtex_bibfiles``; a field guide keeps its BibTeX in
    ``_bibliography/references.bib``, and a site without one still builds."""
    if config.bibtex_bibfiles is None:
        default = Path(app.confdir) / DEFAULT_BIBLIOGRAPHY_PATH
        config.bibtex_bibfiles = [DEFAULT_BIBLIOGRAPHY_PATH] if default.is_file() else []


def setup_references(app: Sphinx) -> None:
    # sphinxcontrib-bibtex with the indexed domain and per-page lists that scale
    app.setup_extension("sphinx_ga4gh.references.indexed_domain")
    register_styles()
    make_ga4gh_styles_default(app)
    for node_class, visitors in REFERENCE_VISITORS.items():
        app.add_node(node_class, **visitors)  # type: ignore[arg-type]
    app.add_post_transform(KeepReferencesInPlace)
    app.connect("config-inited", default_bibliography)
    # every entry of the BibTeX files, before sphinxcontrib-bibtex's handler (priority 500)
    app.connect("builder-inited", load_bibliography, priority=400)
    app.connect("env-get-outdated", pages_citing_changed_bibliography)
    # after sphinxcontrib-bibtex has taken the BibTeX files (its handler has priority 500)
    app.connect("builder-inited", prepare_bibliography, priority=600)
    # after the Liquid translation (priority 400): it looks for the citations Liquid becomes
    app.connect("source-read", append_references)
