"""Loading and validating the site's data files (tool registry, contributors, affiliations).

Nothing in this package knows about Sphinx: it turns YAML files into typed records plus a list
of :class:`~sphinx_ga4gh.data.diagnostics.Diagnostic` that the extension reports as warnings.
"""
