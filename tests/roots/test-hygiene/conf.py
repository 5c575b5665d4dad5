project = "Registry hygiene"
extensions = ["sphinx_ga4gh"]
ga4gh_registry_hygiene = True
