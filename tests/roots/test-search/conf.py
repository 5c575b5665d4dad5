project = "Search guide"
extensions = ["sphinx_ga4gh"]
bibtex_bibfiles: list[str] = []
