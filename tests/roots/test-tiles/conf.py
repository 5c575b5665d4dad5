project = "Tiles"
extensions = ["sphinx_ga4gh"]
