project = "References"
extensions = ["sphinx_ga4gh"]
bibtex_reference_style = "author_year"
