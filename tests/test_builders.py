"""Every node renders in LaTeX and does not crash the other builders (SPEC §5)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import ROOTS, build, copy_root, warnings_of


@pytest.mark.sphinx("latex", testroot="basic", freshenv=True)
def test_latex_renders_tools_as_linked_names_and_tables(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []
    tex = (app.outdir / "basicguide.tex").read_text("utf-8")
    assert r"\sphinxhref{https://beacon.example.org/}{Beacon v2}" in tex
    assert r"\sphinxhref{https://htsget.example.org/}{the htsget protocol}" in tex
    assert "Finds variants" not in tex  # popovers are HTML only
    assert r"\begin{longtable}" in tex
    assert "Tools and resources on this page" in tex
    assert r"European Genome\sphinxhyphen{}phenome Archive" in tex
    assert r"\index{Data Repository Service@\spxentry{Data Repository Service}}" in tex


@pytest.mark.parametrize("builder", ["text", "man", "texinfo", "singlehtml", "epub", "xml"])
def test_other_builders_do_not_crash(
    make_app: type[SphinxTestApp], builder: str, tmp_path: Path
) -> None:
    app, _ = build(make_app, copy_root(ROOTS / "test-basic", tmp_path), builder)
    # The test root has no `version`, which only the EPUB builder asks for.
    problems = [w for w in warnings_of(app) if "for EPUB3" not in w]
    assert problems == []
    if builder == "text":
        text = (app.outdir / "index.txt").read_text("utf-8")
        assert "The guide covers Beacon v2 and the htsget protocol." in text


@pytest.mark.parametrize("builder", ["latex", "text", "man", "texinfo", "epub"])
@pytest.mark.parametrize("root", ["people", "tiles", "references", "front-matter"])
def test_page_furniture_in_every_builder(
    make_app: type[SphinxTestApp], builder: str, root: str, tmp_path: Path
) -> None:
    app, _ = build(make_app, copy_root(ROOTS / f"test-{root}", tmp_path), builder)
    expected_warnings = [w for w in warnings_of(app) if "for EPUB3" not in w]
    # The people and tiles roots have deliberate bad names; nothing else may warn or crash.
    assert all("[ga4gh." in w for w in expected_warnings)
    if builder == "latex":
        tex = next(app.outdir.glob("*.tex")).read_text("utf-8")
        assert "includegraphics" not in tex  # no avatars or logos on paper
        content = {
            "people": "Amara Okafor",
            "tiles": "Discover variants.",
            "references": "Kelleher",
            "front-matter": "Taken from front matter",
        }[root]
        assert content in tex
