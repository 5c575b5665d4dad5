"""conf_example, the guide a new user builds first, builds without a single warning."""

from __future__ import annotations

from pathlib import Path

from sphinx.testing.util import SphinxTestApp

from conftest import build, copy_root, html_of, warnings_of

EXAMPLE = Path(__file__).parent.parent / "conf_example"


def test_example_builds_clean_and_shows_the_features(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    src = copy_root(EXAMPLE, tmp_path)
    app, _ = build(make_app, src)
    assert warnings_of(app) == []

    pages = list(src.rglob("*.md"))
    assert len(pages) >= 8
    beacon = html_of(app, "technologies_standards/beacon")
    assert beacon.select_one("button.ga4gh-tool-name").get_text() == "Beacon v2"
    assert beacon.select_one("table.ga4gh-page-tool-table") is not None
    tools = html_of(app, "about/tools_resources")
    rows = tools.select("table.ga4gh-site-tool-table")[0].select("tbody tr")
    assert len(rows) >= 15
    phenopackets = html_of(app, "technologies_standards/phenopackets")
    assert phenopackets.select_one("#tool-entry-example-profile.ga4gh-tool-card") is not None
    assert (app.outdir / "ga4gh-tools.html").is_file()
    gdpr = html_of(app, "legal_ethical/gdpr")
    assert gdpr.select_one("h1").get_text().removesuffix("#").endswith("GDPR")
