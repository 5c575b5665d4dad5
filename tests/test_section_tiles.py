"""{section-tiles}: pages of a type as tiles, with except, custom, sort and columns."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from conftest import EMPTY_ITEMIZE, ROOTS, build, copy_root, html_of, warnings_of


def tile_titles(tiles) -> list[str]:  # type: ignore[no-untyped-def]
    return [tile.select_one(".ga4gh-tile-title").get_text() for tile in tiles.select("li")]


@pytest.mark.sphinx("html", testroot="tiles", freshenv=True)
def test_tiles_of_a_type(app: SphinxTestApp) -> None:
    app.build()
    page = html_of(app, "index")
    sorted_tiles, excluded, custom = page.select("ul.ga4gh-tiles")
    assert tile_titles(sorted_tiles) == ["A htsget page", "Beacon", "Data Use Ontology"]
    assert set(sorted_tiles["class"]) >= {
        "ga4gh-tiles-search",
        "ga4gh-tiles-filter",
        "ga4gh-tiles-cols-2",
    }
    beacon = sorted_tiles.select("li")[1]
    assert beacon.select_one("a")["href"] == "beacon.html"
    assert "Discover variants." in beacon.get_text()
    # sorted, as the theme sorts them
    assert [b.get_text() for b in beacon.select(".ga4gh-badge-affiliation")] == ["ELIXIR", "GA4GH"]
    assert tile_titles(excluded) == ["Beacon", "A htsget page"]  # docname order, DUO left out
    assert "ga4gh-tiles-cols-3" in excluded["class"]
    assert tile_titles(custom) == ["EGA", "Beacon"]


@pytest.mark.sphinx("html", testroot="tiles", freshenv=True)
def test_unknown_custom_page_warns(app: SphinxTestApp) -> None:
    app.build()
    src = app.srcdir / "index.md"
    ega = app.srcdir / "ega.md"
    warnings = [w for w in warnings_of(app) if "unknown page '" in w]
    assert warnings == [
        # the front matter's related_pages, named as such
        f"{ega}:7: WARNING: related_pages: unknown page 'missing_repo' [ga4gh.page]",
        f"{src}:28: WARNING: section-tiles: unknown page 'no_such_page' [ga4gh.page]",
    ]


@pytest.mark.sphinx("latex", testroot="tiles", freshenv=True)
def test_tiles_are_a_list_in_latex(app: SphinxTestApp) -> None:
    app.build()
    tex = (app.outdir / "tiles.tex").read_text("utf-8")
    assert r"\begin{itemize}" in tex
    assert "Discover variants." in tex


def test_editing_a_page_updates_the_tiles_without_rereading_them(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    src = copy_root(ROOTS / "test-tiles", tmp_path)
    build(make_app, src)
    duo = src / "duo.md"
    duo.write_text(duo.read_text("utf-8").replace("Data use terms.", "Consent codes."), "utf-8")
    app, read = build(make_app, src)
    assert read == ["duo"]
    assert "Consent codes." in html_of(app, "index").select_one("ul.ga4gh-tiles").get_text()


@pytest.mark.sphinx("html", testroot="tiles", freshenv=True)
def test_related_pages_tiles(app: SphinxTestApp) -> None:
    app.build()
    section = html_of(app, "ega").select_one("section#related-pages")
    assert section.h2.get_text().startswith("Related pages")
    # `repositories: [missing_repo]` names no known page: reported, and no empty list
    assert [r.get_text() for r in section.select("p.rubric")] == ["Technologies and standards"]
    (tiles,) = section.select("ul.ga4gh-tiles")
    assert tile_titles(tiles) == ["Beacon", "Data Use Ontology"]


def test_lists_that_show_no_page_are_left_out(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    """Related pages that all are unknown, tiles of a type no page has: reported, and neither
    an empty list in HTML nor an empty itemize in LaTeX (a fatal pdflatex error)."""
    srcdir = copy_root(ROOTS / "test-tiles", tmp_path)
    (srcdir / "lonely.md").write_text(
        "---\norphan: true\nrelated_pages:\n  your_tasks: [no_such_task]\n---\n# Lonely\n\n"
        "```{section-tiles} your_domain\n```\n\n"
        "```{section-tiles} technologies_standards\n:custom: nothing_here\n```\n\nText.\n",
        encoding="utf-8",
    )
    app, _read = build(make_app, srcdir)
    lonely = html_of(app, "lonely")
    assert not lonely.select("section#related-pages")
    assert not lonely.select("ul.ga4gh-tiles")
    found = sorted(line for line in warnings_of(app) if "lonely.md" in line)
    assert found == sorted(
        [
            f"{srcdir / 'lonely.md'}:4: WARNING: related_pages: unknown page 'no_such_task' "
            "[ga4gh.page]",
            f"{srcdir / 'lonely.md'}:8: WARNING: section-tiles: no page of type 'your_domain' to "
            "show; the list is left out [ga4gh.page]",
            # a :custom: list of unknown names: one warning per name, not one more for the list
            f"{srcdir / 'lonely.md'}:11: WARNING: section-tiles: unknown page 'nothing_here' "
            "[ga4gh.page]",
        ]
    )
    latex, _read = build(make_app, srcdir, "latex")
    tex = next(latex.outdir.glob("*.tex")).read_text("utf-8")
    assert not EMPTY_ITEMIZE.search(tex)


@pytest.mark.sphinx("html", testroot="tiles", freshenv=True)
def test_national_resources_table(app: SphinxTestApp) -> None:
    app.build()
    section = html_of(app, "country").select_one(
        "section#tools-and-resources-tailored-to-this-page"
    )
    rows = section.select("table.ga4gh-national-resources-table tbody tr")
    assert len(rows) == 2  # the entry without a name is skipped (and reported)
    galaxy = rows[0].select("td")
    assert galaxy[0].a["href"] == "https://usegalaxy.example.org/"
    assert galaxy[1].em.get_text() == "Galaxy"
    assert "instance of Galaxy" in galaxy[1].get_text()
    assert "How to access: Log in with your university account." in galaxy[1].get_text()
    assert [a.get_text() for a in galaxy[2].select("a")] == ["Beacon"]  # own page left out
    assert [a.get_text() for a in galaxy[3].select("a")] == ["Website", "Training"]
    assert rows[1].select("td")[0].a is None  # an unsafe URL is not a link
    country = app.srcdir / "country.md"
    warnings = warnings_of(app)
    assert f"{country}:15: WARNING: national_resources: tool 'Bad resource': url " in "".join(
        warnings
    )
    assert (
        f"{country}:16: WARNING: national_resources: an entry has no 'name'; it is skipped "
        "[ga4gh.tool]" in warnings
    )
    assert f"{country}:11: WARNING: unknown page_id 'nowhere' [ga4gh.page]" in warnings


# --- as the theme draws them: icons, page images, logos, flags, the simple variant ------------


@pytest.mark.sphinx("html", testroot="tiles-images", freshenv=True)
def test_tiles_show_icon_type_page_image_logos_and_flags(app: SphinxTestApp) -> None:
    app.build()
    tiles = html_of(app, "domains").select_one("ul.ga4gh-tiles")
    cohorts, variants = tiles.select("li.ga4gh-tile")
    icon = variants.select_one(".ga4gh-tile-type img.ga4gh-tile-type-icon")
    assert icon["src"] == "assets/img/section-icons/dna.svg"
    assert icon["alt"] == "your domain icon"
    assert variants.select_one(".ga4gh-tile-type-label").get_text() == "your domain"
    picture = variants.select_one("img.ga4gh-tile-page-img")
    assert (picture["src"], picture["alt"]) == ("images/hubs/hub.svg", "logo of Human variants")
    assert cohorts.select_one("img.ga4gh-tile-page-img") is None
    supporters = variants.select(".ga4gh-tile-supporter")
    # sorted as the theme sorts them; each named (data-name, title) for the filter and tooltip
    assert [s["data-name"] for s in supporters] == [
        "A Consortium With A Very Long Name That Would Not Fit On One Line Of A Narrow Tile",
        "Belgium",
        "Cohort Studies Alliance",
        "Interoperabilityconsortiumforfederatedgenomicsandrarediseaseresearchnodes",
        "Sweden",
        "Variant Archive Network",
        "XX",
    ]
    long_name, belgium, cohort, _long_word, sweden, archive, unknown = supporters
    # a logo, with alt text; linked to the organisation's site when it has one
    assert archive.img["src"] == "images/logos/variant-archive.svg"
    assert archive.img["alt"] == "logo of Variant Archive Network"
    assert (
        archive.parent.name == "a"
        and archive.parent["href"] == "https://variant-archive.example.org"
    )
    assert long_name.img is not None and long_name.parent.name != "a"
    # no logo: the name, as a badge
    assert cohort.img is None and cohort.get_text() == "Cohort Studies Alliance"
    # countries: a flag (no image, no web font) named for screen readers, linked to the
    # country's page when there is one
    flag = belgium.select_one(".ga4gh-flag")
    assert (flag["role"], flag["aria-label"], flag.get_text()) == ("img", "Belgium", "🇧🇪")
    assert belgium.parent.name == "a" and belgium.parent["href"] == "belgium.html"
    assert sweden.select_one(".ga4gh-flag").get_text() == "🇸🇪"
    assert sweden.parent.name != "a"
    # an unknown code (warned about with the page's people) is shown as written
    assert unknown.select_one(".ga4gh-flag") is None and unknown.get_text() == "XX"


@pytest.mark.sphinx("html", testroot="tiles-images", freshenv=True)
def test_simple_tiles_are_title_buttons_with_the_flag(app: SphinxTestApp) -> None:
    app.build()
    tiles = html_of(app, "index").select_one("ul.ga4gh-tiles-simple")
    assert "ga4gh-tiles-cols-2" in tiles["class"]
    links = tiles.select("li.ga4gh-tile .ga4gh-tile-title a")
    assert [a["href"] for a in links] == ["belgium.html", "norway.html"]  # site order
    assert [a.get_text() for a in links] == ["Belgium🇧🇪", "Norway🇳🇴"]
    # the title names the country: the flag is decoration
    assert links[0].select_one(".ga4gh-flag")["aria-hidden"] == "true"
    assert tiles.select(".ga4gh-tile-type, .ga4gh-tile-affiliations") == []
    assert "Resources in Belgium." not in tiles.get_text()


@pytest.mark.sphinx("dirhtml", testroot="tiles-images", freshenv=True)
def test_tile_images_resolve_from_nested_pages(app: SphinxTestApp) -> None:
    app.build()
    page = BeautifulSoup((app.outdir / "domains" / "index.html").read_text("utf-8"), "html.parser")
    sources = {img["src"] for img in page.select("ul.ga4gh-tiles img")}
    assert sources == {
        "../assets/img/section-icons/dna.svg",
        "../images/hubs/hub.svg",
        "../images/logos/long-name.svg",
        "../images/logos/variant-archive.svg",
    }
    assert all((app.outdir / "domains" / source).resolve().is_file() for source in sources)


@pytest.mark.sphinx("latex", testroot="tiles-images", freshenv=True)
def test_tiles_in_latex_list_the_same_information_without_images(app: SphinxTestApp) -> None:
    app.build()
    tex = (app.outdir / "tileimages.tex").read_text("utf-8")
    assert r"\sphinxincludegraphics" not in tex and "🇧🇪" not in tex
    # each item starts with its title, then its type
    assert r"\sphinxstylestrong{Human variants}}}} — your domain" in tex
    assert r"\sphinxstylestrong{Supported by:}" in tex
    assert r"\sphinxhref{https://variant-archive.example.org}{Variant Archive Network}" in tex
    assert r"{\hyperref[\detokenize{belgium::doc}]{\sphinxcrossref{Belgium}}}" in tex
    assert "Sweden" in tex
    assert not EMPTY_ITEMIZE.search(tex)


@pytest.mark.sphinx("text", testroot="tiles-images", freshenv=True)
def test_tile_doctree_keeps_images_and_names(app: SphinxTestApp) -> None:
    """Builders other than HTML (which gets the tiles as cached markup) get their nodes."""
    from sphinx_ga4gh.furniture.section_tiles import tile_flag, tile_image, tile_supporter

    app.build()
    doctree = app.env.get_and_resolve_doctree("domains", app.builder, tags=app.tags)
    images = [node["uri"] for node in doctree.findall(tile_image)]
    # the section icons are HTML only (an ``only`` node); the page's picture is a node
    assert images == ["/images/hubs/hub.svg"]
    names = [node.astext() for node in doctree.findall(tile_supporter)]
    assert "Belgium" in names and "Cohort Studies Alliance" in names
    index = app.env.get_and_resolve_doctree("index", app.builder, tags=app.tags)
    assert [node["code"] for node in index.findall(tile_flag)] == ["BE", "NO"]


def test_a_new_logo_in_the_affiliations_file_reaches_the_tiles(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    src = copy_root(ROOTS / "test-tiles-images", tmp_path)
    build(make_app, src)
    data = src / "_data" / "affiliations.yml"
    text = data.read_text("utf-8")
    data.write_text(text.replace("variant-archive.svg", "long-name.svg"), "utf-8")
    app, read = build(make_app, src)
    assert "domains" in read
    logo = html_of(app, "domains").select_one('[data-name="Variant Archive Network"] img')
    assert logo["src"] == "images/logos/long-name.svg"


def test_tiles_use_the_configured_type_label_and_skip_missing_images(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    """``ga4gh_page_type_labels`` names the type on tiles as on the page's subtitle; a
    ``type_img`` or ``page_img`` that is no file of the project is one warning at its line of
    the front matter, and the tile shows no image."""
    root = copy_root(ROOTS / "test-tiles-images", tmp_path)
    with (root / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('ga4gh_page_type_labels = {"your_domain": "Research domain"}\n')
    (root / "ghost.md").write_text(
        "---\npage_id: ghost\ntype: your_domain\ntype_img: /assets/img/section-icons/nope.svg\n"
        "page_img: hubs/gone.png\n---\n# Ghost domain\n\nText.\n",
        "utf-8",
    )
    index = root / "index.md"
    index.write_text(index.read_text("utf-8").replace("cohorts\n", "cohorts\nghost\n"), "utf-8")
    app, _ = build(make_app, root, freshenv=True)
    ghost_md = root / "ghost.md"
    assert [line for line in warnings_of(app) if "ghost" in line] == [
        f"{ghost_md}:4: WARNING: type_img '/assets/img/section-icons/nope.svg': no file "
        "'assets/img/section-icons/nope.svg' in the project; the page's tiles show no image "
        "[ga4gh.page]",
        f"{ghost_md}:5: WARNING: page_img 'hubs/gone.png': no file 'images/hubs/gone.png' in "
        "the project; the page's tiles show no image [ga4gh.page]",
    ]
    tiles = html_of(app, "domains").select_one("ul.ga4gh-tiles")
    labels = [label.get_text() for label in tiles.select(".ga4gh-tile-type-label")]
    assert labels == ["Research domain"] * 3
    subtitle = html_of(app, "variants").select_one("h1 .ga4gh-page-type")
    assert subtitle is not None and subtitle.get_text() == "Research domain"
    [ghost] = [tile for tile in tiles.select("li.ga4gh-tile") if "Ghost" in tile.get_text()]
    assert ghost.select("img") == [] and "ga4gh-tile-with-image" not in ghost["class"]
    others = {img["src"] for img in tiles.select(".ga4gh-tile-type-icon")}
    assert others == {"assets/img/section-icons/dna.svg"}
