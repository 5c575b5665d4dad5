"""instance_of (issue 9): the parent lists its instances from the registry and from pages'
national_resources, the child says what it is an instance of; the same under -j 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from conftest import ROOTS, build, copy_root, html_of, warnings_of

INSTANCES = "Instances: Galaxy Australia, Galaxy Europe, Galaxy Example Country"


def _links(node: BeautifulSoup) -> list[tuple[str, str]]:
    return [(a.get_text(), a["href"]) for a in node.select("a.ga4gh-instance-link")]


@pytest.mark.sphinx("html", testroot="instances", freshenv=True)
def test_the_parent_lists_its_instances(app: SphinxTestApp) -> None:
    app.build()
    popover = html_of(app, "index").select_one("[data-ga4gh-tool=galaxy] .ga4gh-popover")
    instances = popover.select_one(".ga4gh-instances")
    assert instances.get_text() == INSTANCES
    assert _links(instances) == [
        ("Galaxy Australia", "https://au.galaxy.example.org/"),
        ("Galaxy Europe", "https://eu.galaxy.example.org/"),
        ("Galaxy Example Country", "https://galaxy.example-country.org/"),
    ]
    row = html_of(app, "tools").select_one("tr#tool-row-galaxy")
    assert row.select_one(".ga4gh-instances").get_text() == INSTANCES
    page_row = html_of(app, "index").select_one("tr#page-tool-galaxy")
    assert page_row.select_one(".ga4gh-instances").get_text() == INSTANCES


@pytest.mark.sphinx("html", testroot="instances", freshenv=True)
def test_the_child_says_what_it_is_an_instance_of(app: SphinxTestApp) -> None:
    app.build()
    popover = html_of(app, "index").select_one("[data-ga4gh-tool=galaxy-eu] .ga4gh-popover")
    assert popover.select_one(".ga4gh-instance-of").get_text() == "Instance of Galaxy"
    assert _links(popover) == [("Galaxy", "https://galaxy.example.org/")]
    row = html_of(app, "tools").select_one("tr#tool-row-galaxy-au")
    assert row.select_one(".ga4gh-instance-of").get_text() == "Instance of Galaxy"
    # the child has no instances line, the parent no "instance of"
    assert popover.select_one(".ga4gh-instances") is None


@pytest.mark.sphinx("html", testroot="instances", freshenv=True)
def test_an_unknown_parent_is_reported_with_a_suggestion(app: SphinxTestApp) -> None:
    app.build()
    found = [line.replace(f"{app.srcdir}/", "") for line in warnings_of(app)]
    assert found == [
        "_data/tool_and_resource_list.yml:17: WARNING: 'Lonely server': instance_of 'galaxie' "
        "is not a known tool (did you mean 'galaxy' or 'galaxy-eu'?) [ga4gh.tool]",
        "country.md:8: WARNING: 'Lost server': instance_of 'glaxy' is not a known tool "
        "(did you mean 'galaxy'?) [ga4gh.tool]",
    ]


@pytest.mark.sphinx("latex", testroot="instances", freshenv=True)
def test_instances_are_in_the_pdf_tables(app: SphinxTestApp) -> None:
    app.build()
    tex = (app.outdir / "instances.tex").read_text("utf-8")
    assert "Instances: " in tex and "Galaxy Example Country" in tex
    assert "Instance of " in tex


def test_two_processes_list_the_same_instances(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    serial, _ = build(make_app, copy_root(ROOTS / "test-instances", tmp_path, "a"), freshenv=True)
    parallel, _ = build(
        make_app, copy_root(ROOTS / "test-instances", tmp_path, "b"), freshenv=True, parallel=2
    )
    for page in ("index", "tools", "country"):
        assert (serial.outdir / f"{page}.html").read_bytes() == (
            parallel.outdir / f"{page}.html"
        ).read_bytes()


CYCLES = """\
- id: alpha
  name: Alpha
  instance_of: beta
- id: beta
  name: Beta
  instance_of: alpha
- id: self
  name: Self
  instance_of: self
- id: tail
  name: Tail
  instance_of: alpha
- id: x3
  name: X3
  instance_of: x1
- id: x1
  name: X1
  instance_of: x2
- id: x2
  name: X2
  instance_of: x3
"""


def test_instance_of_cycles_are_warned_once_each(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    root = copy_root(ROOTS / "test-instances", tmp_path)
    (root / "_data" / "tool_and_resource_list.yml").write_text(CYCLES, "utf-8")
    (root / "index.md").write_text(
        "# Cycles\n\n{tool}`alpha`, {tool}`beta`, {tool}`self`, {tool}`tail` and {tool}`x1`.\n"
        "\n```{tool-table}\n```\n",
        "utf-8",
    )
    (root / "country.md").write_text("# Example Country\n\nNothing national.\n", "utf-8")
    app, _ = build(make_app, root, freshenv=True)  # terminates: nothing follows a chain
    found = [line.replace(f"{app.srcdir}/", "") for line in warnings_of(app)]
    registry = "_data/tool_and_resource_list.yml"
    assert [line for line in found if "circle" in line] == [
        f"{registry}:1: WARNING: instance_of goes in a circle: 'alpha' → 'beta' → 'alpha'; no "
        "tool can be an instance of itself: take one instance_of out [ga4gh.tool]",
        f"{registry}:7: WARNING: instance_of goes in a circle: 'self' → 'self'; no tool can be "
        "an instance of itself: take one instance_of out [ga4gh.tool]",
        f"{registry}:16: WARNING: instance_of goes in a circle: 'x1' → 'x2' → 'x3' → 'x1'; no "
        "tool can be an instance of itself: take one instance_of out [ga4gh.tool]",
    ]
