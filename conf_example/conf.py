"""The example field guide: a small guide to sharing human genomic data with GA4GH standards."""

project = "Genomic Data Sharing Field Guide (example)"
author = "The example guide's editors"
copyright = "2026, the example guide's editors"
version = release = "1.0"

extensions = ["sphinx_ga4gh"]

# The data files are at the ELIXIR toolkit theme's usual places; naming them makes a missing
# file an error instead of a silently empty registry.
ga4gh_tools = "_data/tool_and_resource_list.yml"
ga4gh_contributors = "_data/CONTRIBUTORS.yml"
ga4gh_affiliations = "_data/affiliations.yml"

bibtex_bibfiles = ["_bibliography/references.bib"]

# The pages' Data Stewardship Wizard questions (front matter `dsw`) link here + their uuid.
ga4gh_dsw_deep_link_prefix = (
    "https://dsw.example.org/knowledge-models/example/preview?questionUuid="
)

# The organisations' logos (image_url in the affiliations file), published at the same paths.
ga4gh_site_files = ["images"]

exclude_patterns = ["_build"]
html_theme = "pydata_sphinx_theme"
html_title = "Genomic Data Sharing Field Guide"
html_theme_options = {"navigation_with_keys": True}
# Light or dark as the reader's system prefers (pydata-sphinx-theme logs an error in the
# browser console when no mode is set).
html_context = {"default_mode": "auto"}
latex_documents = [
    ("index", "fieldguide.tex", project, author, "manual"),
]
