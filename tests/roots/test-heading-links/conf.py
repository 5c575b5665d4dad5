project = "Heading links"
extensions = ["sphinx_ga4gh"]
myst_heading_anchors = 6
