"""Citations: each page's own reference list, on top of sphinxcontrib-bibtex."""
