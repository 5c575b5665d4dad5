project = "People in .yaml files"
extensions = ["sphinx_ga4gh"]
