project = "Basic guide"
extensions = ["sphinx_ga4gh"]
ga4gh_tools = "_data/tool_and_resource_list.yml"
bibtex_bibfiles: list[str] = []
