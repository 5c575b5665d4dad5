"""Pages as targets: ``page_id`` from front matter, ``{ga4gh:page}`` and Markdown links to ids."""
