project = "Schema"
extensions = ["sphinx_ga4gh"]
