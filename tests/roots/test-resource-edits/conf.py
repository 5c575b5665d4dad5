project = "Resource edits"
extensions = ["sphinx_ga4gh"]
# sphinx.testing replaces the default theme after reading conf.py: say it here, or every
# build would see a changed configuration
html_theme = "basic"
exclude_patterns = ["_build", "_data"]
bibtex_bibfiles: list[str] = []
