extensions = ["sphinx_ga4gh"]
project = "Legacy Guide"
ga4gh_liquid = True
exclude_patterns = ["_build"]
