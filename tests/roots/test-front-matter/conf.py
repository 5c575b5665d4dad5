project = "Front matter"
extensions = ["sphinx_ga4gh"]
html_theme = "pydata_sphinx_theme"
ga4gh_page_type_labels = {"repositories": "Data archives"}
