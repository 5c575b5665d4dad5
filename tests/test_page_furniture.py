"""The theme's page furniture and listings (issue 18, points 1-4): contributor tiles with
options, page people grouped and sorted, "How to cite this page", "More information" panels
and the site-wide training table."""

from __future__ import annotations

from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from sphinx_ga4gh.migration.project import furniture_conf_lines

from conftest import ROOTS, build, copy_root, html_of, table_rows, warnings_of

TILES_PAGE = """\
---
orphan: true
---
# Tiles

## Chosen

```{contributors}
:custom: Sam Rivera, Amara Okafor, Zoe Unlisted
:sort: false
:col: 3
```

## Editors

```{contributors}
:role: Editor
```

## Sorted

```{contributors}
:custom: Sam Rivera, Amara Okafor
```

## Nobody

```{contributors}
:role: astronaut
```
"""


def _names(list_tag: object) -> list[str]:
    return [li.strong.get_text() for li in list_tag.select(":scope > li")]  # type: ignore[attr-defined]


def test_contributors_options(make_app: type[SphinxTestApp], tmp_path: Path) -> None:
    srcdir = copy_root(ROOTS / "test-people", tmp_path)
    (srcdir / "tiles.md").write_text(TILES_PAGE, encoding="utf-8")
    app, _ = build(make_app, srcdir)
    page = html_of(app, "tiles")
    lists = page.select("ul.ga4gh-contributors-all")
    assert [_names(ul) for ul in lists] == [
        ["Sam Rivera", "Amara Okafor", "Zoe Unlisted"],  # :custom: in its order (sort false)
        ["Amara Okafor"],  # :role: editor, case ignored as the theme's downcase
        ["Amara Okafor", "Sam Rivera"],
    ]
    assert "ga4gh-cols-3" in lists[0]["class"]
    # everyone: the file's people and those pages name, as the theme's union
    everyone = html_of(app, "index").select_one("ul.ga4gh-contributors-all")
    assert _names(everyone) == ["Amara Okafor", "Mei Tanaka", "Nobody Known", "Sam Rivera"]
    warnings = warnings_of(app)
    tiles = str(srcdir / "tiles.md")
    assert (
        f"{tiles}:8: WARNING: {{contributors}} :custom: names 'Zoe Unlisted', who is not in the "
        "contributors file; shown without details [ga4gh.contributor]"
    ) in warnings
    assert (
        f"{tiles}:28: WARNING: {{contributors}} :role: astronaut selects no one: no person of "
        "the contributors file has that role [ga4gh.contributor]"
    ) in warnings


def test_contributors_options_in_latex(make_app: type[SphinxTestApp], tmp_path: Path) -> None:
    srcdir = copy_root(ROOTS / "test-people", tmp_path)
    (srcdir / "tiles.md").write_text(TILES_PAGE, encoding="utf-8")
    index = srcdir / "index.md"
    index.write_text(index.read_text("utf-8").replace("guides/page\n", "guides/page\ntiles\n"))
    app, _ = build(make_app, srcdir, "latex")
    tex = next(Path(app.outdir).glob("*.tex")).read_text("utf-8")
    chosen = tex[tex.index("Chosen") :]
    assert chosen.index("Sam Rivera") < chosen.index("Amara Okafor") < chosen.index("Zoe Unlisted")


# --- "More information" panels and {training-table} ----------------------------------------


@pytest.mark.sphinx("html", testroot="furniture", freshenv=True)
def test_more_information_panels(app: SphinxTestApp) -> None:
    app.build()
    page = html_of(app, "guides/analysis")
    block = page.select_one(".ga4gh-more-information")
    assert block.select_one(".rubric").get_text() == "More information"
    panels = block.select("details.ga4gh-info-panel")
    # the theme's order; the FAIRsharing entry's javascript: link is left out, so no panel
    assert [p.summary.get_text() for p in panels] == [
        "Links to FAIR Cookbook",
        "Links to DSW",
        "Links to RDMkit",
        "Training",
    ]
    links = {
        p.summary.get_text(): [(a.get_text(), a["href"]) for a in p.select("ul a")] for p in panels
    }
    assert links["Links to DSW"] == [
        ("How will you run it?", "https://dsw.example.org/preview?questionUuid=1991077f-04ae-4808")
    ]
    assert links["Training"] == [
        ("Training in TeSS", "https://tess.example.org/search?q=analysis"),
        ("Workflows course", "https://zenodo.example.org/record/1"),
    ]
    marks = [m.get_text() for m in panels[3].select(".ga4gh-mark")]
    assert marks == ["TeSS", "Zenodo"]
    # the source's mark beside its linked name is decoration
    assert panels[0].select_one(".ga4gh-mark")["aria-hidden"] == "true"
    assert "<b>" not in str(page.select_one("main") or page)
    src = app.srcdir / "guides" / "analysis.md"
    assert (
        f"{src}:19: WARNING: 1 fairsharing entry left out: without a url (a uuid for dsw) or "
        "with an unsafe one [ga4gh.page]"
    ) in warnings_of(app)
    assert f"{src}:5: WARNING: 1 training entry left out" in "\n".join(warnings_of(app))
    # a template (search_exclude) keeps a placeholder where its link goes: no warning
    assert "hidden.md" not in "\n".join(warnings_of(app))


def test_dsw_without_prefix_is_a_warning(make_app: type[SphinxTestApp], tmp_path: Path) -> None:
    srcdir = copy_root(ROOTS / "test-furniture", tmp_path)
    conf = srcdir / "conf.py"
    conf.write_text(conf.read_text().replace("ga4gh_dsw_deep_link_prefix", "# no prefix"))
    app, _ = build(make_app, srcdir)
    assert "Links to DSW" not in html_of(app, "guides/analysis").get_text()
    assert (
        "analysis.md:13: WARNING: 1 dsw entry left out: ga4gh_dsw_deep_link_prefix is not set "
        "in conf.py, so DSW questions have no link [ga4gh.page]"
    ) in "\n".join(warnings_of(app))


@pytest.mark.sphinx("html", testroot="furniture", freshenv=True)
def test_training_table(app: SphinxTestApp) -> None:
    app.build()
    table = html_of(app, "index").select_one("table.ga4gh-training-table")
    assert [th.get_text(strip=True) for th in table.select("thead th")] == [
        "Name",
        "Related page",
        "Registry",
    ]
    # every page's entries (not the search_exclude one), by page title; the generic TeSS link
    # takes the page's title, as the theme's
    assert table_rows(table) == [
        ["Training in TeSS about Data analysis", "Data analysis", "TeSS"],
        ["Workflows course", "Data analysis", "Zenodo"],
        ["Storage basics", "Storage", ""],
    ]
    first = table.select("tbody tr")[0]
    assert first.select("a")[1]["href"] == "guides/analysis.html"
    assert "ga4gh-badge-page" in first.select("a span")[0]["class"]


@pytest.mark.sphinx("latex", testroot="furniture", freshenv=True)
def test_more_information_and_citation_in_latex(app: SphinxTestApp) -> None:
    app.build()
    tex = next(Path(app.outdir).glob("*.tex")).read_text("utf-8")
    assert "Links to FAIR Cookbook" in tex
    assert r"\sphinxhref{https://faircookbook.example.org/FCB036}{Provenance recipe}" in tex
    assert "How to cite this page" in tex
    # the citation gives the HTML page's address; no access date on paper
    assert "https://www.guide.example.org/guides/analysis.html" in tex
    assert "accessed" not in tex
    assert r"Training in TeSS about Data analysis" in tex


def _training_site(root: Path, pages: int) -> Path:
    (root / "pages").mkdir(parents=True)
    (root / "conf.py").write_text(
        'project = "T"\nextensions = ["sphinx_ga4gh"]\nhtml_theme = "basic"\n', encoding="utf-8"
    )
    (root / "index.md").write_text(
        "# T\n\n```{toctree}\n:glob:\npages/*\n```\n\n```{training-table}\n```\n",
        encoding="utf-8",
    )
    for n in range(pages):
        (root / "pages" / f"p{n:02d}.md").write_text(
            f"---\ntraining:\n  - name: Course {n:02d}\n    registry: TeSS\n"
            f"    url: https://tess.example.org/{n}\n---\n# Page {n:02d}\n",
            encoding="utf-8",
        )
    return root


def _training_rows(app: SphinxTestApp) -> list[list[str]]:
    return table_rows(html_of(app, "index").select_one("table.ga4gh-training-table"))


def test_training_table_is_the_same_with_j_and_incrementally(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    serial, _ = build(make_app, _training_site(tmp_path / "serial", 12), freshenv=True)
    parallel, _ = build(
        make_app, _training_site(tmp_path / "parallel", 12), freshenv=True, parallel=2
    )
    assert _training_rows(serial) == _training_rows(parallel)
    assert len(_training_rows(serial)) == 12
    # a page's training edited: the table (another page) shows it on the next build
    root = tmp_path / "serial"
    page = root / "pages" / "p03.md"
    page.write_text(page.read_text().replace("Course 03", "Renamed course"), encoding="utf-8")
    (root / "pages" / "p04.md").unlink()
    again, read = build(make_app, root)
    assert set(read) <= {"index", "pages/p03"}  # the toctree glob lost a page
    rows = _training_rows(again)
    assert ["Renamed course", "Page 03", "TeSS"] in rows
    assert len(rows) == 11
    fresh, _ = build(make_app, root, freshenv=True)
    assert _training_rows(fresh) == rows


# --- "How to cite this page" ----------------------------------------------------------------


@pytest.mark.sphinx("html", testroot="furniture", freshenv=True)
def test_page_citation(app: SphinxTestApp) -> None:
    app.build()
    block = html_of(app, "guides/analysis").select_one(".ga4gh-page-citation")
    assert block.select_one(".rubric").get_text() == "How to cite this page"
    citation = block.select_one("p.ga4gh-citation")
    # as the theme's citation-page.html: names sorted, "title" in italics, site, address
    assert citation.get_text() == (
        'Ada Brook, Zeno Marsh, "Data analysis". guide.example.org. '
        "https://www.guide.example.org/guides/analysis.html."
    )
    assert citation.em.get_text() == "Data analysis"
    # the browser writes the access date there (ga4gh.js), no inline script
    accessed = citation.select_one("span.ga4gh-accessed")
    assert accessed.has_attr("hidden")
    assert not citation.find_all("script")
    # people_sort: false keeps the page's order
    storage = html_of(app, "guides/storage").select_one("p.ga4gh-citation").get_text()
    assert storage.startswith("Lin Hale, Ada Brook,")
    assert html_of(app, "index").select_one(".ga4gh-page-citation") is None


def test_migrate_writes_the_furniture_conf_values() -> None:
    config = {
        "dsw_deep_link_prefix": "https://dsw.example.org/q=",
        "baseurl": "/guide",
        "theme_variables": {
            "page_metadata": {"contributors_sort": False},
            "headings": {"more-information-tiles": "Further reading"},
        },
    }
    lines = furniture_conf_lines(config)
    assert "ga4gh_dsw_deep_link_prefix = 'https://dsw.example.org/q='" in lines
    assert "ga4gh_page_people_sort = False" in lines
    assert "ga4gh_more_information_title = 'Further reading'" in lines
    assert furniture_conf_lines({}) == []


# --- a page's people --------------------------------------------------------------------------


@pytest.mark.sphinx("html", testroot="furniture", freshenv=True)
def test_page_people_grouped_sorted_and_countries_linked(app: SphinxTestApp) -> None:
    app.build()
    page = html_of(app, "guides/people")
    groups = page.select("section.ga4gh-page-people")
    # headed groups in the theme's order of its tabs, found by heading navigation
    assert [g.h3.get_text() for g in groups] == [
        "Contributors",
        "Coordinators",
        "Editors",
        "Supported by",
    ]
    assert [s.get_text() for s in groups[0].select("strong")] == ["Ada Brook", "Zeno Marsh"]
    # an avatar carries the initials that ga4gh.js shows when the picture fails
    lin = html_of(app, "guides/storage").select_one("img.ga4gh-avatar")
    assert lin["data-initials"] == "LH"
    assert not page.select("[onerror]")
    # countries sorted, each with its flag; Norway links to the page with country_code NO
    countries = groups[3].select("li.ga4gh-country")
    assert [li.select_one(".ga4gh-country-name").get_text() for li in countries] == [
        "Norway",
        "Sweden",
    ]
    assert countries[0].select_one(".ga4gh-flag").get_text() == "\U0001f1f3\U0001f1f4"
    assert countries[0].select_one(".ga4gh-flag")["aria-hidden"] == "true"
    assert countries[0].a["href"] == "norway.html"
    assert countries[1].a is None  # no page has country_code SE
    # people_sort: false keeps the page's order
    storage = html_of(app, "guides/storage").select(".ga4gh-contributors strong")
    assert [s.get_text() for s in storage] == ["Lin Hale", "Ada Brook"]


def test_page_people_sort_can_be_switched_off(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    srcdir = copy_root(ROOTS / "test-furniture", tmp_path)
    with (srcdir / "conf.py").open("a") as conf:
        conf.write("ga4gh_page_people_sort = False\n")
    app, _ = build(make_app, srcdir)
    page = html_of(app, "guides/people")
    names = [s.get_text() for s in page.select(".ga4gh-contributors strong")]
    assert names == ["Zeno Marsh", "Ada Brook"]


@pytest.mark.sphinx("latex", testroot="furniture", freshenv=True)
def test_page_people_in_latex(app: SphinxTestApp) -> None:
    app.build()
    tex = next(Path(app.outdir).glob("*.tex")).read_text("utf-8")
    people = tex[tex.index(r"\chapter{People}") :]
    assert r"\subsubsection*{Coordinators}" in people
    assert r"\hyperref[\detokenize{guides/norway::doc}]" in people  # the country page
    assert "\U0001f1f3" not in tex  # no flag on paper


def test_a_citation_without_html_baseurl_links_the_page_itself(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    srcdir = copy_root(ROOTS / "test-furniture", tmp_path)
    conf = srcdir / "conf.py"
    conf.write_text(conf.read_text().replace("html_baseurl", "# html_baseurl"))
    app, _ = build(make_app, srcdir)
    citation = html_of(app, "guides/analysis").select_one("p.ga4gh-citation")
    # no site; ga4gh.js shows the link's full address
    assert citation.get_text() == 'Ada Brook, Zeno Marsh, "Data analysis". guides/analysis.html.'
    assert citation.a["href"] == "analysis.html"
    assert "ga4gh-citation-here" in citation.a["class"]
