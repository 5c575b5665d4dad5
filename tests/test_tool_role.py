"""The {tool} role: name, popover, badges, field-guide entry link (SPEC §4)."""

from __future__ import annotations

import pickle

import pytest
from sphinx.addnodes import pending_xref
from sphinx.testing.util import SphinxTestApp

from conftest import html_of, warnings_of


@pytest.mark.sphinx("html", testroot="basic", freshenv=True)
def test_basic_site_builds_without_warnings(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []


@pytest.mark.sphinx("html", testroot="basic", freshenv=True)
def test_role_writes_a_ga4gh_reference_in_the_doctree(app: SphinxTestApp) -> None:
    app.build()
    doctree = pickle.loads((app.doctreedir / "index.doctree").read_bytes())
    refs = [
        (ref["refdomain"], ref["reftype"], ref["reftarget"], ref["refexplicit"])
        for ref in doctree.findall(pending_xref)
        if ref["refdomain"] == "ga4gh"
    ]
    assert refs == [("ga4gh", "tool", "beacon", False), ("ga4gh", "tool", "htsget", True)]


@pytest.mark.sphinx("html", testroot="basic", freshenv=True)
def test_tool_shows_name_and_popover_with_badges(app: SphinxTestApp) -> None:
    app.build()
    page = html_of(app, "guides/beacon")
    tool = page.select_one("p .ga4gh-tool[data-ga4gh-tool='beacon']")
    assert tool is not None
    button = tool.select_one("button.ga4gh-tool-name")
    assert button.get_text() == "Beacon v2"  # the name, not the id
    popover = page.find(id=button["aria-controls"])
    assert popover.has_attr("hidden") and popover["role"] == "dialog"
    assert popover.select_one(".ga4gh-popover-title").get_text() == "Beacon v2"
    text = popover.select_one(".ga4gh-popover-text")
    assert text.em.get_text() == "genomic variants"
    assert text.a["href"] == "https://beacon.example.org/docs"
    badges = [(a.get_text(), a["href"]) for a in popover.select(".ga4gh-badges a")]
    assert badges == [
        ("Website", "https://beacon.example.org/"),
        ("Tool info", "https://bio.tools/beacon"),
        ("Standards/Databases", "https://fairsharing.org/FAIRsharing.6fba91"),
        ("Standards/Databases", "https://fairsharing.org/bsg-c000123"),
        ("Training", "https://tess.elixir-europe.org/search?q=Beacon%20v2"),
        ("Publication", "https://europepmc.org/article/MED/35297548"),
    ]
    # guides/beacon has page_id "beacon": it is the tool's field-guide entry.
    assert popover.select_one("a.ga4gh-entry-link")["href"] == "#"


@pytest.mark.sphinx("html", testroot="basic", freshenv=True)
def test_explicit_title_and_entry_link_from_another_page(app: SphinxTestApp) -> None:
    app.build()
    page = html_of(app, "index")
    names = [b.get_text() for b in page.select("p button.ga4gh-tool-name")]
    assert names == ["Beacon v2", "the htsget protocol"]
    beacon = page.select_one(".ga4gh-tool[data-ga4gh-tool='beacon'] a.ga4gh-entry-link")
    assert beacon["href"] == "guides/beacon.html"
    # htsget has no page of its own: no entry link, and NA registry values give no badge.
    htsget = page.select_one(".ga4gh-tool[data-ga4gh-tool='htsget']")
    assert htsget.select_one("a.ga4gh-entry-link") is None
    assert [a.get_text() for a in htsget.select(".ga4gh-badges a")] == ["Website"]


@pytest.mark.sphinx("html", testroot="basic", freshenv=True)
def test_page_declared_tool_is_known_everywhere(app: SphinxTestApp) -> None:
    app.build()
    page = html_of(app, "guides/sharing")
    card = page.select_one("#tool-entry-drs.ga4gh-tool-card")
    assert card.strong.get_text() == "Data Repository Service"
    assert "stable identifier" in card.get_text()
    drs = page.select_one("p .ga4gh-tool[data-ga4gh-tool='drs']")
    assert drs.button.get_text() == "Data Repository Service"
    assert drs.select_one(".ga4gh-popover-text strong").get_text() == "files"
    assert drs.select_one("a.ga4gh-entry-link")["href"] == "#tool-entry-drs"


@pytest.mark.sphinx("html", testroot="bad-data", freshenv=True)
def test_unknown_tool_warns_with_page_and_line_and_text_stays(app: SphinxTestApp) -> None:
    app.build()
    warnings = warnings_of(app)
    src = app.srcdir / "index.md"
    assert (
        f"{src}:3: WARNING: unknown tool id 'beakon' (did you mean 'beacon'?) [ga4gh.tool]"
        in warnings
    )
    assert f"{src}:4: WARNING: unknown tool id 'no_such_tool' [ga4gh.tool]" in warnings
    page = html_of(app, "index")
    unknown = [s.get_text() for s in page.select("span.ga4gh-tool-unknown")]
    assert unknown == ["beakon", "Shown text"]


@pytest.mark.sphinx("html", testroot="bad-data", freshenv=True)
def test_script_in_description_is_text(app: SphinxTestApp) -> None:
    app.build()
    raw = (app.outdir / "index.html").read_text("utf-8")
    assert "<script>alert" not in raw
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in raw or (
        '&lt;script&gt;alert("x")&lt;/script&gt;' in raw
    )
    text = html_of(app, "index").select_one(".ga4gh-popover-text").get_text()
    assert text == 'Finds variants. <script>alert("x")</script>'


@pytest.mark.sphinx("html", testroot="bad-data", freshenv=True)
def test_bad_url_is_never_a_link(app: SphinxTestApp) -> None:
    app.build()
    raw = (app.outdir / "index.html").read_text("utf-8")
    assert "javascript:" not in raw
    badurl = html_of(app, "index").select_one(".ga4gh-tool[data-ga4gh-tool='badurl']")
    assert badurl.select(".ga4gh-badges a") == []
