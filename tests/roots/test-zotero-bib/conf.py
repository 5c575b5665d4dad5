project = "Zotero bibliography"
extensions = ["sphinx_ga4gh"]
