# Tool tables written as cached markup in HTML (tests/test_tool_table_markup.py).
project = "Table markup"
extensions = ["sphinx_ga4gh"]
ga4gh_registry_links = [
    {"key": "biotools", "label": "bio.tools", "url": "https://bio.tools.example.org/{}"},
    {
        "key": "zenodo",
        "label": "Archived",
        "url": "https://zenodo.example.org/records/{}",
        "icon": "/img/archive.svg",
    },
]
ga4gh_registry_extra_keys = ["licence"]
ga4gh_site_files = ["img"]
