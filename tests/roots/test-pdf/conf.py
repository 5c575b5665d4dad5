project = "Rare Disease Field Guide"
author = "Test editors"
extensions = ["sphinx_ga4gh"]
exclude_patterns = ["_build"]
latex_documents = [("index", "guide.tex", project, author, "manual")]
