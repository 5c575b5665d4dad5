# A non-ELIXIR site: its own registry link types and table columns.
project = "Custom links"
extensions = ["sphinx_ga4gh"]
ga4gh_registry_links = [
    {"key": "ga4gh", "label": "GA4GH product", "url": "https://www.ga4gh.example.org/product/{}/"},
    {
        "key": "zenodo",
        "label": "Archived",
        "url": "https://zenodo.example.org/records/{}",
        "icon": "/img/archive.svg",
    },
    {"key": "broken", "label": "Broken"},
    {"key": "ftp", "label": "FTP", "url": "ftp://files.example.org/{}"},
]
ga4gh_site_table_columns = ["name", "website", "registry", "colour"]
ga4gh_page_table_columns = ["name", "type"]
ga4gh_site_files = ["img"]
