"""``ga4gh_liquid = True``: a Jekyll page not yet migrated builds as it is (SPEC §6, issue 4)."""

from __future__ import annotations

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import html_of, warnings_of


@pytest.mark.sphinx("html", testroot="liquid", freshenv=True)
def test_liquid_pages_build_with_one_warning_each(app: SphinxTestApp) -> None:
    app.build()
    warnings = warnings_of(app)
    liquid = [line for line in warnings if "[ga4gh.liquid]" in line]
    assert len(liquid) == 1  # beacon.md only; index.md has no Liquid
    assert "beacon.md:8: WARNING: Liquid tags translated while reading (6)" in liquid[0]
    assert "left as written: line 14 {% include footer.html %}" in liquid[0]
    page = html_of(app, "beacon")
    assert page.select_one(".ga4gh-tool")
    assert page.select_one(".admonition.warning")
    assert "Legacy Guide" in page.select_one("main, body").get_text()
    assert "Rambla" in page.select_one("#references").get_text()
    assert page.find("h1").get_text().startswith("Beacon")


@pytest.mark.sphinx("html", testroot="liquid", freshenv=True)
def test_later_warnings_name_the_line_in_the_file(app: SphinxTestApp) -> None:
    app.build()
    # The callout above became three lines; the warning still points at line 12 of the file.
    assert any(
        line.endswith(
            "beacon.md:12: WARNING: unknown tool id 'becon' (did you mean 'beacon'?) [ga4gh.tool]"
        )
        for line in warnings_of(app)
    )
    # No "Document headings start at H2" either: the title heading took the blank line.
    assert not [line for line in warnings_of(app) if "myst.header" in line]


@pytest.mark.sphinx(
    "html",
    testroot="liquid",
    freshenv=True,
    confoverrides={"suppress_warnings": ["ga4gh.liquid"]},
)
def test_the_liquid_warning_can_be_switched_off(app: SphinxTestApp) -> None:
    app.build()
    assert not [line for line in warnings_of(app) if "ga4gh.liquid" in line]


@pytest.mark.sphinx("html", testroot="liquid", freshenv=True, confoverrides={"ga4gh_liquid": False})
def test_without_the_option_liquid_is_left_alone(app: SphinxTestApp) -> None:
    app.build()
    text = html_of(app, "beacon").get_text()
    assert "{% tool “beacon” %}" in text  # as written (Sphinx's smart quotes aside)
    assert not [line for line in warnings_of(app) if "ga4gh.liquid" in line]
