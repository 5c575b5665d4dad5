extensions = ["sphinx_ga4gh"]
exclude_patterns = ["_build"]
