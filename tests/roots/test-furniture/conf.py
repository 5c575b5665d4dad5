project = "Furniture"
extensions = ["sphinx_ga4gh"]
html_baseurl = "https://www.guide.example.org/"
ga4gh_dsw_deep_link_prefix = "https://dsw.example.org/preview?questionUuid="
