project = "Citations"
extensions = ["sphinx_ga4gh"]
