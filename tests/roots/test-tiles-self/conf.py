project = "Tiles that show their own page"
extensions = ["sphinx_ga4gh"]
ga4gh_site_files = ["images"]
exclude_patterns = ["_build", "_data", "images"]
