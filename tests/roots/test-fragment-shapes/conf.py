# Tool fragments and tiles rendered once per shape (tests/test_fragment_shapes.py): hostile
# registry strings, icons of every kind, relatives, Markdown descriptions.
project = "Fragment shapes"
extensions = ["sphinx_ga4gh"]
ga4gh_registry_links = [
    {"key": "biotools", "label": "bio.tools", "url": "https://bio.tools.example.org/{}"},
    {
        "key": "zenodo",
        "label": "Archived <&> \"here\"",
        "url": "https://zenodo.example.org/records/{}",
        "icon": "/img/archive.svg",
    },
    {
        "key": "fairsharing",
        "label": "FAIRsharing @ home",
        "url": "https://fairsharing.example.org/{}?a=1&b=2",
        "icon": "https://cdn.example.org/icons/fair.svg?size=16&v=\"2\"",
    },
    {
        "key": "tess",
        "label": "Training",
        "url": "https://tess.example.org/search?q={}",
        "icon": "img/tess icon.svg",
    },
]
ga4gh_site_files = ["img"]
