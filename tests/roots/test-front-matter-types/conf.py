project = "Front matter types"
extensions = ["sphinx_ga4gh"]
