"""Links that worked in Jekyll (issue 14): ``page_id#heading``, ``page_id.md#heading``,
kramdown's ``{#custom-id}`` headings, anchors that match no heading, template placeholders in
front matter, and template pages kept out of tiles."""

from __future__ import annotations

import pytest
from sphinx.testing.util import SphinxTestApp

from sphinx_ga4gh.pages.front_matter import front_matter, is_placeholder

from conftest import html_of, warnings_of


def _links(app: SphinxTestApp, docname: str) -> dict[str, str]:
    page = html_of(app, docname)
    return {a.get_text(): a["href"] for a in page.select("article a, div.body a") if a.get_text()}


def _warnings(app: SphinxTestApp) -> list[str]:
    return [line.replace(f"{app.srcdir}/", "") for line in warnings_of(app)]


@pytest.mark.sphinx("html", testroot="heading-links", freshenv=True)
def test_page_id_and_file_links_reach_the_heading(app: SphinxTestApp) -> None:
    app.build()
    links = _links(app, "index")
    assert links["features"] == "tasks/data_storage.html#what-features-do-you-need"
    assert links["with .md"] == "tasks/data_storage.html#what-features-do-you-need"
    assert links["to the page"] == "tasks/data_storage.html"
    assert links["deep"] == "tasks/data_storage.html#a-level-four-heading"
    assert links["file"] == "tasks/data_storage.html#what-features-do-you-need"
    assert links["here"] == "#local-heading"
    # A heading the page lacks: the link goes where it was written, and one clear warning.
    assert links["missing"] == "tasks/data_storage.html#no-such-heading"
    found = _warnings(app)
    assert (
        "index.md:9: WARNING: no heading or label 'no-such-heading' in page "
        "'tasks/data_storage' [ga4gh.page]" in found
    )
    assert not [line for line in found if "myst.xref" in line]


@pytest.mark.sphinx("html", testroot="heading-links", freshenv=True)
def test_an_anchor_that_matches_no_heading_says_so(app: SphinxTestApp) -> None:
    app.build()
    found = _warnings(app)
    assert (
        "index.md:16: WARNING: no heading or label 'Local-Heading' on this page "
        "(did you mean 'local-heading'?) [ga4gh.page]" in found
    )
    assert not [line for line in found if "unknown page_id" in line]
    # The text stays, unlinked; the marker class used on the way is gone.
    page = html_of(app, "index")
    assert "caps" in page.select_one("#local-heading").get_text()
    assert "ga4gh-anchor-link" not in str(page) and "ga4gh_anchor" not in str(page)
    assert len(found) == 2


@pytest.mark.sphinx("html", testroot="heading-links", freshenv=True)
def test_kramdown_heading_ids_keep_their_id_and_leave_the_title(app: SphinxTestApp) -> None:
    app.build()
    page = html_of(app, "tasks/data_storage")
    section = page.select_one("section#keep-it")
    assert section.h2.get_text().rstrip("¶#") == "Keep it safe"
    assert "{#" not in page.get_text()
    assert _links(app, "tasks/data_storage")["above"] == "#keep-it"
    assert _links(app, "index")["kept id"] == "tasks/data_storage.html#keep-it"
    # The page's contents, in the navigation, show the title without the id.
    toc = [a.get_text() for a in page.select("nav a, .toctree-wrapper a, .sphinxsidebar a")]
    assert not [text for text in toc if "{#" in text]


@pytest.mark.sphinx("latex", testroot="heading-links", freshenv=True)
def test_heading_links_in_latex(app: SphinxTestApp) -> None:
    app.build()
    tex = (app.outdir / "headinglinks.tex").read_text("utf-8")
    assert r"\section{Keep it safe}" in tex
    assert r"\label{\detokenize{tasks/data_storage:keep-it}}" in tex
    assert r"\hyperref[\detokenize{tasks/data_storage:keep-it}]" in tex
    assert r"\hyperref[\detokenize{tasks/data_storage:what-features-do-you-need}]" in tex
    assert "{\\#" not in tex and "REPLACE" not in tex


@pytest.mark.sphinx("html", testroot="heading-links", freshenv=True)
def test_templates_are_no_tiles_and_their_placeholders_are_empty(app: SphinxTestApp) -> None:
    app.build()
    tiles = html_of(app, "index").select("ul.ga4gh-tiles li.ga4gh-tile")
    assert [tile.select_one(".ga4gh-tile-title").get_text() for tile in tiles] == ["Data storage"]
    template = html_of(app, "template")
    assert "REPLACE" not in str(template.select_one("head"))
    assert not template.select(".ga4gh-related-pages, .ga4gh-people")
    assert not [line for line in warnings_of(app) if "REPLACE" in line or "toctree" in line]


def test_html_comment_values_are_empty() -> None:
    meta = {
        "title": "<!---REPLACE THIS with the page title--->",
        "page_id": "<!---REPLACE THIS with a page id, for example struct_bioinfo",
        "description": "Where data goes <!-- one sentence -->",
        # YAML splits a comment with commas into several items.
        "contributors": '["<!---REPLACE THIS with names", "in order--->", "Amara Okafor"]',
        "related_pages": '{"tasks": ["<!---REPLACE THIS with page ids--->"], "roles": ["pi"]}',
        "national_resources": '[{"name": "<!--- name --->", "url": "https://x.example.org"}]',
    }
    page = front_matter(meta)
    assert page.title == "" and page.page_id == ""
    assert page.description == "Where data goes"
    assert page.contributors == ["Amara Okafor"]
    assert page.related_pages == {"tasks": [], "roles": ["pi"]}
    assert page.national_resources == [{"name": None, "url": "https://x.example.org"}]
    assert is_placeholder("<!--- DELETE ME if not needed --->")
    assert not is_placeholder("Beacon <!-- v2 -->") and not is_placeholder(None)
