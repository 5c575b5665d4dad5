project = "Consumer"
extensions = ["sphinx_ga4gh", "sphinx.ext.intersphinx"]
# The test sets intersphinx_mapping to the guide built just before.
intersphinx_mapping: dict[str, tuple[str, str]] = {}
