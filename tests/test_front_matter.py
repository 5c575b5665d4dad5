"""Front matter values come back from myst-parser's metadata with their YAML types."""

from __future__ import annotations

import pytest
from sphinx.testing.util import SphinxTestApp

from sphinx_ga4gh.pages.front_matter import front_matter, type_label

from conftest import html_of, warnings_of


def test_lists_mappings_and_booleans_are_parsed_back() -> None:
    meta = {
        "title": "Beacon",
        "page_id": "beacon",
        "type": "technologies_standards",
        "contributors": '["Amara Okafor", "Lukas Brenner"]',
        "editors": "Mei Tanaka",
        "supported_by": '["GA4GH"]',
        "related_pages": '{"technologies_standards": ["duo", "htsget"]}',
        "toc": "False",
        "datatable": "True",
    }
    page = front_matter(meta)
    assert page.contributors == ["Amara Okafor", "Lukas Brenner"]
    assert page.editors == ["Mei Tanaka"]
    assert page.affiliations == ["GA4GH"]
    assert page.related_pages == {"technologies_standards": ["duo", "htsget"]}
    assert page.toc is False
    assert page.datatable is True
    assert page.search_exclude is False


def test_type_labels() -> None:
    assert type_label("technologies_standards") == "Technologies and standards"
    assert type_label("data_life_cycle") == "Data life cycle"
    assert type_label("repositories", {"repositories": "Archives"}) == "Archives"


@pytest.mark.sphinx("html", testroot="front-matter", freshenv=True)
def test_type_subtitle_meta_description_toc_and_search(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []
    standard = html_of(app, "standard")
    h1 = standard.select_one("h1")
    assert h1.select_one(".ga4gh-page-type").get_text() == "Technologies and standards"
    assert standard.title.get_text().startswith("A standard")  # the <title> is untouched
    assert standard.select_one('meta[name="description"]')["content"] == "A standard page."
    assert html_of(app, "archive").select_one("h1 .ga4gh-page-type").get_text() == "Data archives"
    index = html_of(app, "index")
    assert index.select_one("h1 .ga4gh-page-type") is None
    assert index.select_one('meta[name="description"]')["content"] == (
        'Everything about <sharing> "data" & more.'
    )
    raw = (app.outdir / "index.html").read_text("utf-8")
    assert 'content="Everything about &lt;sharing&gt; &quot;data&quot; &amp; more."' in raw
    # toc: false removes pydata-sphinx-theme's secondary sidebar; search_exclude the index entry.
    assert html_of(app, "quiet").select_one(".bd-sidebar-secondary") is None
    assert standard.select_one(".bd-sidebar-secondary") is not None
    assert "findablewordquiet" not in (app.outdir / "searchindex.js").read_text("utf-8").lower()


@pytest.mark.sphinx("html", testroot="front-matter", freshenv=True)
def test_front_matter_title_is_the_title_of_a_page_without_heading(app: SphinxTestApp) -> None:
    app.build()
    assert app.env.titles["jekyll"].astext() == "Taken from front matter"
    page = html_of(app, "jekyll")
    h1 = page.select_one("h1")
    assert h1.get_text().removesuffix("#").endswith("Taken from front matter")
    assert "without a heading of its own" in h1.find_parent("section").get_text()
    # A page with its own heading keeps it, and gets no second one.
    assert len(html_of(app, "standard").select("h1")) == 1
