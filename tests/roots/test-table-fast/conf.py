# Tool tables written from cell templates in HTML (tests/test_tool_table_fast.py): hostile
# registry data, pages and columns, compared with the cells' nodes.
project = "Fast tables"
extensions = ["sphinx_ga4gh"]
ga4gh_registry_links = [
    {"key": "biotools", "label": "bio.tools & co", "url": "https://bio.tools.example.org/{}"},
    {
        "key": "zenodo",
        "label": "Archived <copy>",
        "url": "https://zenodo.example.org/records/{}",
        "icon": "/img/archive.svg",
    },
]
ga4gh_registry_extra_keys = ["licence", "catalog_name"]
ga4gh_site_table_columns = ["name", "type", "description", "pages", "registry", "website"]
ga4gh_page_table_columns = ["name", "description", "registry", "website", "licence"]
ga4gh_site_files = ["img"]
