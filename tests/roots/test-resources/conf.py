project = "Resources"
extensions = ["sphinx_ga4gh"]
ga4gh_registry_extra_keys = ["catalog"]
ga4gh_site_table_columns = ["name", "catalog", "pages"]
