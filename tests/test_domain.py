"""The ga4gh domain: pages by page_id, objects.inv, tool index, intersphinx, parallel builds."""

from __future__ import annotations

from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp
from sphinx.util.inventory import InventoryFile

from conftest import ROOTS, build, copy_root, html_of, warnings_of


def load_inventory(path: Path) -> dict[str, dict[str, tuple[str, ...]]]:
    with path.open("rb") as stream:
        inventory = InventoryFile.load(stream, "https://guide.example.org", lambda a, b: f"{a}/{b}")
    # Sphinx 9 returns an _Inventory object; older ones a plain mapping.
    data = getattr(inventory, "data", inventory)
    return {
        objtype: {name: (item.uri, item.display_name) for name, item in items.items()}
        if hasattr(next(iter(items.values()), None), "uri")
        else {name: (item[2], item[3]) for name, item in items.items()}
        for objtype, items in data.items()
    }


@pytest.mark.sphinx("html", testroot="basic", freshenv=True)
def test_page_links_by_page_id(app: SphinxTestApp) -> None:
    app.build()
    sharing = html_of(app, "guides/sharing")
    links = [(a.get_text(), a["href"]) for a in sharing.select("p a.reference.internal")]
    # [](beacon) from guides/sharing: "beacon" is both the page_id and the document name
    # guides/beacon: resolved once, with the page title, and no ambiguity warning.
    assert ("Beacon", "beacon.html") in links
    assert ("Beacon again", "beacon.html") in links
    beacon = html_of(app, "guides/beacon")
    links = [(a.get_text(), a["href"]) for a in beacon.select("p a.reference.internal")]
    assert ("sharing data", "sharing.html") in links  # by page_id
    assert ("the sharing page", "sharing.html") in links  # by document name
    assert not [w for w in warnings_of(app) if "more than one target" in w]


@pytest.mark.sphinx("html", testroot="basic", freshenv=True)
def test_objects_inventory_holds_tools_and_pages(app: SphinxTestApp) -> None:
    app.build()
    inventory = load_inventory(app.outdir / "objects.inv")
    tools = inventory["ga4gh:tool"]
    base = "https://guide.example.org"
    assert tools["beacon"][0] == f"{base}/guides/beacon.html"
    assert tools["drs"][0] == f"{base}/guides/sharing.html#tool-entry-drs"
    # No home page: the row of the site-wide table.
    assert tools["htsget"][0] == f"{base}/all_tools.html#tool-row-htsget"
    assert tools["unmentioned"][0] == f"{base}/all_tools.html#tool-row-unmentioned"
    assert tools["ega"][1] == "European Genome-phenome Archive"
    pages = inventory["ga4gh:page"]
    assert pages["sharing_data"][0] == f"{base}/guides/sharing.html"
    assert pages["home"][0] == f"{base}/index.html"
    # Pages are found in the search by their own titles: no second result as a ga4gh:page.
    search_index = (app.outdir / "searchindex.js").read_text("utf-8")
    assert '"ga4gh:page"' not in search_index and '"ga4gh:tool"' in search_index


@pytest.mark.sphinx("html", testroot="basic", freshenv=True)
def test_tool_index_groups_by_type(app: SphinxTestApp) -> None:
    app.build()
    index = html_of(app, "ga4gh-tools")
    groups: dict[str, list[str]] = {}
    current = ""
    for row in index.select("table.indextable tr"):
        heading = row.select_one("strong")
        if heading is not None and "cap" in row.get("class", []):
            current = heading.get_text()
        elif row.select_one("a") is not None:
            groups.setdefault(current, []).append(row.select_one("a").get_text())
    assert groups == {
        "Repository": ["European Genome-phenome Archive"],
        "Standard": [
            "Beacon v2",
            "Data Repository Service",
            "Data Use Ontology",
            "GA4GH Passports",
            "htsget",
        ],
        "Tool": ["Unmentioned Resource"],
    }


@pytest.mark.sphinx("html", testroot="basic", freshenv=True)
def test_tools_are_in_the_general_index(app: SphinxTestApp) -> None:
    app.build()
    genindex = html_of(app, "genindex")
    entries = {a.get_text(): a["href"] for a in genindex.select("table.indextable a")}
    assert entries["Data Repository Service"] == "guides/sharing.html#tool-entry-drs"
    assert entries["htsget"] == "all_tools.html#tool-row-htsget"
    assert entries["Unmentioned Resource"] == "all_tools.html#tool-row-unmentioned"


def test_another_project_links_to_a_tool_through_intersphinx(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    guide, _ = build(make_app, copy_root(ROOTS / "test-basic", tmp_path))
    inventory = guide.outdir / "objects.inv"
    assert inventory.is_file()

    consumer, _ = build(
        make_app,
        copy_root(ROOTS / "test-consumer", tmp_path),
        confoverrides={
            "intersphinx_mapping": {"guide": ("https://guide.example.org/", str(inventory))}
        },
    )
    assert warnings_of(consumer) == []
    page = html_of(consumer, "index")
    links = {a.get_text(): a["href"] for a in page.select("a.reference.external")}
    assert links["Beacon v2"] == "https://guide.example.org/guides/beacon.html"
    assert links["the DRS API"] == "https://guide.example.org/guides/sharing.html#tool-entry-drs"
    assert links["Sharing data"] == "https://guide.example.org/guides/sharing.html"


def test_parallel_build_gives_the_same_html(make_app: type[SphinxTestApp], tmp_path: Path) -> None:
    outputs = {}
    for jobs in (1, 2):
        app, _ = build(
            make_app, copy_root(ROOTS / "test-basic", tmp_path, f"j{jobs}"), parallel=jobs
        )
        assert warnings_of(app) == []
        outputs[jobs] = {
            path.relative_to(app.outdir).as_posix(): path.read_text("utf-8")
            for path in sorted(app.outdir.rglob("*.html"))
        }
    assert outputs[1].keys() == outputs[2].keys()
    for name, html in outputs[1].items():
        assert outputs[2][name] == html, name
