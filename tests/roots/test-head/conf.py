project = "Head guide"
extensions = ["sphinx_ga4gh"]
html_theme = "basic"
html_baseurl = "https://head.example.org/guide/"
ga4gh_site_description = "A guide with a head."
ga4gh_theme_color = "c23669"
ga4gh_og_image = "assets/img/apple-touch-icon.png"
bibtex_bibfiles: list[str] = []
