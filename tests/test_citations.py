"""Citation polish (issue 9): 2021a/2021b, a DOI shown once, works known only by a DOI."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from sphinx_ga4gh.references.styles import FORMATTING_STYLE, PLUGINS, REFERENCE_STYLE

from conftest import ROOTS, build, copy_root, html_of, warnings_of


def _cited(app: SphinxTestApp) -> str:
    return " ".join(html_of(app, "index").select_one("section p").get_text(" ", strip=True).split())


def _listed(app: SphinxTestApp) -> dict[str, tuple[str, list[str]]]:
    """Each listed work by its label: its text and its links."""
    listed = {}
    for entry in html_of(app, "index").select("div.citation"):
        label = entry.select_one("span.label, .label").get_text(strip=True).strip("[]")
        text = " ".join(entry.get_text(" ", strip=True).split())
        listed[label] = (text, [str(a["href"]) for a in entry.select("a[href^=http]")])
    return listed


@pytest.mark.sphinx("html", testroot="citations", freshenv=True)
def test_same_authors_and_year_cite_and_list_with_letters(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []
    cited = _cited(app)
    # in title order: "Beacons…" is a, "Consent…" is b; the single author is another citation
    assert "Consent codes ( Okafor et al. , 2021b )" in cited
    assert "beacons ( Okafor et al. , 2021a )" in cited
    assert "a note Okafor ( 2021 )" in cited
    listed = _listed(app)
    assert "Beacons over invented archives. Invented Data Science , 2021a." in listed["ORL21a"][0]
    assert "Consent codes across invented cohorts." in listed["OBT21b"][0]
    assert "2021b." in listed["OBT21b"][0]


@pytest.mark.sphinx("html", testroot="citations", freshenv=True)
def test_a_doi_is_shown_once_and_alone_is_enough(app: SphinxTestApp) -> None:
    app.build()
    listed = _listed(app)
    # doi and a doi.org url: one link, no "URL:"
    text, links = listed["OBT21b"]
    assert links == ["https://doi.org/10.5555/consent.2021"] and "URL" not in text
    # only a doi.org url: shown as the DOI
    text, links = listed["ORL21a"]
    assert links == ["https://doi.org/10.5555/beacons.2021"] and "doi:10.5555/beacons.2021" in text
    # only a DOI and a year: cited by its DOI, listed with its link
    assert "( doi:10.5555/only.2020 , 2020 )" in _cited(app)
    text, links = listed["doi20"]
    assert links == ["https://doi.org/10.5555/only.2020"]
    assert text.count("10.5555/only.2020") == 1


@pytest.mark.sphinx(
    "html", testroot="citations", freshenv=True, confoverrides={"ga4gh_year_letters": False}
)
def test_letters_can_be_switched_off(app: SphinxTestApp) -> None:
    app.build()
    assert "2021a" not in _cited(app) and "2021b" not in _cited(app)


@pytest.mark.sphinx("latex", testroot="citations", freshenv=True)
def test_letters_are_in_the_pdf_too(app: SphinxTestApp) -> None:
    app.build()
    tex = (app.outdir / "citations.tex").read_text("utf-8")
    assert "2021a" in tex and "2021b" in tex


def _with_page(tmp_path: Path, name: str, text: str, conf: str = "") -> Path:
    """A copy of the citations root with one more page (in the toctree) and conf.py lines."""
    srcdir = copy_root(ROOTS / "test-citations", tmp_path)
    (srcdir / f"{name}.md").write_text(text, encoding="utf-8")
    index = srcdir / "index.md"
    index.write_text(
        index.read_text("utf-8") + f"\n```{{toctree}}\n:hidden:\n{name}\n```\n", "utf-8"
    )
    with (srcdir / "conf.py").open("a", encoding="utf-8") as conf_py:
        conf_py.write(conf)
    return srcdir


def test_a_year_filter_matches_the_lettered_works(
    tmp_path: Path, make_app: type[SphinxTestApp]
) -> None:
    """The letters are shown, not written into the entries: ``year == "2021"`` matches 2021a
    and 2021b, which are still listed with their letters."""
    page = '# Of 2021\n\n```{bibliography}\n:filter: year == "2021"\n```\n'
    app, _ = build(make_app, _with_page(tmp_path, "of2021", page), freshenv=True)
    assert warnings_of(app) == []
    listed = [
        " ".join(e.get_text(" ", strip=True).split())
        for e in html_of(app, "of2021").select("div.citation")
    ]
    assert len(listed) == 3, listed
    assert sum("2021a." in text for text in listed) == 1
    assert sum("2021b." in text for text in listed) == 1
    assert not any("2020" in text for text in listed)
    # and the citations still read as before
    assert "beacons ( Okafor et al. , 2021a )" in _cited(app)


def test_an_explicit_sphinxcontrib_bibtex_style_is_kept(
    tmp_path: Path, make_app: type[SphinxTestApp]
) -> None:
    """sphinxcontrib-bibtex's own defaults set in conf.py are the project's choice."""
    conf = '\nbibtex_default_style = "alpha"\nbibtex_reference_style = "label"\n'
    srcdir = _with_page(tmp_path, "other", "# Other\n", conf)
    app, _ = build(make_app, srcdir, freshenv=True)
    assert app.config.bibtex_default_style == "alpha"
    assert app.config.bibtex_reference_style == "label"
    cited = _cited(app)
    assert "[ OBT21 ]" in cited and "[ ORL21 ]" in cited, cited
    assert "Okafor et al." not in cited
    # pybtex's alpha labels of the years as parsed, no letters made for author-year citations
    assert set(_listed(app)) >= {"OBT21", "ORL21", "Oka21"}


@pytest.mark.sphinx("html", testroot="citations", freshenv=True)
def test_unset_styles_are_ours(app: SphinxTestApp) -> None:
    assert app.config.bibtex_default_style == FORMATTING_STYLE
    assert app.config.bibtex_reference_style == REFERENCE_STYLE


def test_our_plugins_are_declared_as_entry_points() -> None:
    """pyproject.toml declares every plugin :data:`PLUGINS` registers in a source tree."""
    pyproject = tomllib.loads((ROOTS.parents[1] / "pyproject.toml").read_text("utf-8"))
    declared = pyproject["project"]["entry-points"]
    expected = {
        group: {name: f"{cls.__module__}:{cls.__qualname__}" for name, cls in plugins.items()}
        for group, plugins in PLUGINS.items()
    }
    assert {group: declared[group] for group in expected} == expected
