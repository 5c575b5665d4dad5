project = "Data links"
extensions = ["sphinx_ga4gh"]
html_theme = "basic"
