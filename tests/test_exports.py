"""Exports (issue 9): the registry with computed mentions as JSON from the build; a
spreadsheet's CSV export imported as the YAML registry."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from sphinx_ga4gh.cli import main
from sphinx_ga4gh.data.csv_import import read_registry_csv
from sphinx_ga4gh.data.tools import parse_tool_registry
from sphinx_ga4gh.data.yaml_source import load_yaml

from conftest import ROOTS, build, copy_root, warnings_of


@pytest.mark.sphinx("html", testroot="instances", freshenv=True)
def test_the_build_writes_the_registry_with_what_it_computed(app: SphinxTestApp) -> None:
    app.build()
    data = json.loads((app.outdir / "ga4gh-tools.json").read_text("utf-8"))
    tools = {record["id"]: record for record in data["tools"]}
    assert data["project"] == "Instances"
    assert sorted(tools) == ["galaxy", "galaxy-au", "galaxy-eu", "lonely"]
    galaxy = tools["galaxy"]
    assert galaxy["mentioned_in"] == [{"url": "index.html", "title": "Instances"}]
    assert [i["name"] for i in galaxy["instances"]] == [
        "Galaxy Australia",
        "Galaxy Europe",
        "Galaxy Example Country",
    ]
    assert galaxy["links"] == [{"label": "Website", "url": "https://galaxy.example.org/"}]
    assert tools["galaxy-eu"]["instance_of"] == "galaxy"
    assert tools["galaxy-au"]["mentioned_in"] == []
    assert tools["galaxy-au"]["entry"] is None


def test_the_export_can_be_switched_off(make_app: type[SphinxTestApp], tmp_path: Path) -> None:
    root = copy_root(ROOTS / "test-instances", tmp_path)
    app, _ = build(make_app, root, freshenv=True, confoverrides={"ga4gh_tools_json": ""})
    assert not (app.outdir / "ga4gh-tools.json").exists()


CSV = (
    "\ufeffID,Name,url,Description,type,registry.biotools,FAIRsharing,TeSS,Colour\n"
    'beacon,Beacon v2,https://beacon.example.org/,"Asks *whether*, not what.",standard,'
    ",6fba91,beacon,blue\n"
    "htsget,,https://htsget.example.org/,Streams reads.,standard,,,,\n"
    ",,,,,,,,\n"
    "beacon,Beacon again,,,,,,,\n"
    "duo,Data Use Ontology,,Terms of use.,standard,duo,NA,,\n"
)


def test_a_spreadsheet_becomes_the_registry(tmp_path: Path) -> None:
    source = tmp_path / "tools.csv"
    source.write_text(CSV, "utf-8")
    entries, problems = read_registry_csv(source)
    assert [entry["id"] for entry in entries] == ["beacon", "duo"]
    assert [str(p.location) + ": " + p.message for p in problems] == [
        f"{source}:1: unknown column 'Colour'; it is left out",
        f"{source}:3: row without 'name'; it is left out",
        f"{source}:5: duplicate tool id 'beacon' (first at line 2); the first row is used",
    ]
    out = tmp_path / "_data" / "tool_and_resource_list.yml"
    assert main(["import-csv", str(source), str(out)]) == 1  # written, with problems
    tools, load_problems = parse_tool_registry(load_yaml(out), str(out))
    assert load_problems == []
    beacon, duo = tools
    assert (beacon.id, beacon.name, beacon.description) == (
        "beacon",
        "Beacon v2",
        "Asks *whether*, not what.",
    )
    assert beacon.registry == {"fairsharing": "6fba91", "tess": "beacon"}
    assert duo.registry == {"biotools": "duo"}  # NA means absent, as in YAML registries


def test_import_refuses_to_replace_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "tools.csv"
    source.write_text("id,name\nbeacon,Beacon v2\n", "utf-8")
    out = tmp_path / "registry.yml"
    out.write_text("keep me\n", "utf-8")
    assert main(["import-csv", str(source), str(out)]) == 2
    assert out.read_text("utf-8") == "keep me\n"
    assert main(["import-csv", "--force", str(source), str(out)]) == 0
    assert "Wrote 1 tools" in capsys.readouterr().err


def test_an_imported_registry_builds(make_app: type[SphinxTestApp], tmp_path: Path) -> None:
    root = copy_root(ROOTS / "test-instances", tmp_path)
    source = tmp_path / "tools.csv"
    source.write_text(
        "id,name,url,description,type,instance_of\n"
        "galaxy,Galaxy,https://galaxy.example.org/,A platform.,tool,\n"
        "galaxy-eu,Galaxy Europe,https://eu.galaxy.example.org/,A server.,tool,galaxy\n",
        "utf-8",
    )
    registry = root / "_data" / "tool_and_resource_list.yml"
    assert main(["import-csv", "--force", str(source), str(registry)]) == 0
    (root / "country.md").write_text("# Example Country\n\nNothing national.\n", "utf-8")
    app, _ = build(make_app, root, freshenv=True)
    assert warnings_of(app) == []
