project = "Tile images"
extensions = ["sphinx_ga4gh"]
ga4gh_site_files = ["assets", "images"]
exclude_patterns = ["_build", "_data", "assets", "images"]
