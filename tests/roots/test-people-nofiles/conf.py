project = "People without data files"
extensions = ["sphinx_ga4gh"]
