"""sphinx-ga4gh's own documentation, built with sphinx-ga4gh (the tests build it with -W)."""

from __future__ import annotations

from sphinx.application import Sphinx

project = "sphinx-ga4gh"
author = "sphinx-ga4gh developers"
copyright = "2026, sphinx-ga4gh developers"
version = release = "0.1.0"

extensions = ["sphinx_ga4gh"]

ga4gh_tools = "_data/tool_and_resource_list.yml"
ga4gh_contributors = "_data/CONTRIBUTORS.yml"

bibtex_bibfiles = ["_bibliography/references.bib"]
ga4gh_page_type_labels = {"guide": "Guide", "reference": "Reference"}
ga4gh_site_description = (
    "sphinx-ga4gh: a Sphinx extension for genomics and health-data field guides."
)

exclude_patterns = ["_build"]
html_theme = "pydata_sphinx_theme"
html_title = "sphinx-ga4gh"
html_static_path = ["_static"]
html_theme_options = {"navigation_with_keys": True}
html_context = {"default_mode": "auto"}
latex_documents = [("index", "sphinx-ga4gh.tex", project, author, "manual")]


def setup(app: Sphinx) -> None:
    # Object types of the reference, so that every warning type and front matter key is a
    # target (and the test of the reference can list what is documented).
    app.add_object_type("warning-type", "warning-type", indextemplate="pair: %s; warning type")
    app.add_object_type("front-matter", "front-matter", indextemplate="pair: %s; front matter key")
    app.add_object_type("data-key", "data-key", indextemplate="pair: %s; data file key")
