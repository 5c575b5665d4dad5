project = "Instances"
extensions = ["sphinx_ga4gh"]
