project = "References"
extensions = ["sphinx_ga4gh"]
