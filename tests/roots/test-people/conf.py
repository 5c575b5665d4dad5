project = "People"
extensions = ["sphinx_ga4gh"]
ga4gh_site_files = ["images"]
