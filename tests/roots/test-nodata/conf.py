project = "No data"
extensions = ["sphinx_ga4gh"]
