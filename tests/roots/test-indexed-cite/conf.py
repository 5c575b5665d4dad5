# sphinxcontrib-bibtex alone, with sphinx-ga4gh's indexed cite domain (the test also builds it
# without, to compare)
project = "Indexed cite"
extensions = ["myst_parser", "sphinxcontrib.bibtex", "sphinx_ga4gh.references.indexed_domain"]
bibtex_bibfiles = ["works.bib"]
suppress_warnings = ["bibtex.duplicate_citation"]
