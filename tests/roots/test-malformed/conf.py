project = "Malformed"
extensions = ["sphinx_ga4gh"]
