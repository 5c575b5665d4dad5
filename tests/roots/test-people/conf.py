project = "People"
extensions = ["sphinx_ga4gh"]
