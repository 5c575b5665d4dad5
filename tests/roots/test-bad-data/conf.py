project = "Bad data"
extensions = ["sphinx_ga4gh"]
ga4gh_tools = ["_data/tools.yml", "_data/more_tools.yml"]
