"""The footer and top navigation rendered once per build (:mod:`sphinx_ga4gh.chrome.prerendered`)
and plain page titles rendered once (:mod:`sphinx_ga4gh.chrome.page_titles`) give the pages
what rendering them for every page gives: at every folder depth, under every supported theme,
in ``-j 2`` and incremental builds."""

from __future__ import annotations

from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

import sphinx_ga4gh.chrome as chrome
from sphinx_ga4gh.chrome import page_titles
from sphinx_ga4gh.chrome.prerendered import prerender
from sphinx_ga4gh.chrome.render import Href
from sphinx_ga4gh.chrome.site_links import Target

from conftest import build, copy_root

ROOTS = Path(__file__).parent / "roots"
DEEP_PAGE = """---
title: Tide pools "at dusk" & <5 m @ low tide
---

# Tide pools "at dusk" & <5 m @ low tide

Two folders down: every chrome link climbs two levels.
"""


def deep_title(app: SphinxTestApp) -> str:
    """The deep page's title as its own page's ``<title>`` and its parent's links show it."""
    return (Path(app.outdir) / "pages" / "deep" / "tide.html").read_text("utf-8")


def _root(tmp_path: Path, name: str) -> Path:
    """test-chrome with a page two folders down, listed in the root's toctree."""
    root = copy_root(ROOTS / "test-chrome", tmp_path, name)
    (root / "pages" / "deep").mkdir()
    (root / "pages" / "deep" / "tide.md").write_text(DEEP_PAGE, "utf-8")
    index = root / "index.md"
    index.write_text(
        index.read_text("utf-8").replace("pages/sampling\n", "pages/sampling\npages/deep/tide\n"),
        "utf-8",
    )
    return root


def _pages(outdir: Path) -> dict[str, bytes]:
    return {
        path.relative_to(outdir).as_posix(): path.read_bytes()
        for path in sorted(outdir.rglob("*"))
        if path.is_file() and path.suffix in (".html", ".js", ".css", ".xml", ".txt")
    }


def _not_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every page renders its footer, top navigation and titles itself, as before the cache."""
    monkeypatch.setattr(chrome, "prerender", lambda render, resolve: None)
    monkeypatch.setattr(page_titles, "cache_page_titles", lambda app: None)


@pytest.mark.parametrize("theme", ["basic", "alabaster", "pydata_sphinx_theme", "furo"])
def test_rendered_once_equals_rendered_per_page(
    make_app: type[SphinxTestApp], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, theme: str
) -> None:
    overrides = {"html_theme": theme}
    once, _ = build(make_app, _root(tmp_path, "once"), confoverrides=overrides, freshenv=True)
    with monkeypatch.context() as patch:
        _not_once(patch)
        each, _ = build(make_app, _root(tmp_path, "each"), confoverrides=overrides, freshenv=True)
    once_pages, each_pages = _pages(Path(once.outdir)), _pages(Path(each.outdir))
    assert once_pages.keys() == each_pages.keys()
    assert [name for name in once_pages if once_pages[name] != each_pages[name]] == []
    # plain titles were written into the stencil, which passed its check, not rendered each
    titles = once.builder.render_partial
    assert isinstance(titles, page_titles.TitleCache)
    assert isinstance(titles.stencil, page_titles.TitleStencil)
    assert "Tide pools “at dusk” &amp; &lt;5 m &#64; low tide<" in deep_title(once)
    deep = once_pages["pages/deep/tide.html"].decode("utf-8")
    # the links climb from the page's folder: to pages/about, one up; to the root page, two
    assert 'href="../about.html"' in deep and 'href="../../index.html"' in deep
    about = once_pages["pages/about.html"].decode("utf-8")
    if theme != "furo":  # furo has no top navigation bar: it sits in the sidebar, unmarked
        assert 'aria-current="page"' in about  # rendered for itself: its own link is marked


def test_parallel_and_incremental_builds_equal_a_fresh_one(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    fresh, _ = build(make_app, _root(tmp_path, "fresh"), freshenv=True)
    parallel, _ = build(make_app, _root(tmp_path, "parallel"), freshenv=True, parallel=2)
    incremental_root = _root(tmp_path, "incremental")
    build(make_app, incremental_root, freshenv=True)
    about = incremental_root / "pages" / "about.md"
    about.write_text(about.read_text("utf-8") + "\nAnd why.\n", "utf-8")
    incremental, read = build(make_app, incremental_root)
    assert read == ["pages/about"]
    fresh_root = _root(tmp_path, "fresh-edited")
    edited = fresh_root / "pages" / "about.md"
    edited.write_text(edited.read_text("utf-8") + "\nAnd why.\n", "utf-8")
    fresh_edited, _ = build(make_app, fresh_root, freshenv=True)
    assert _pages(Path(parallel.outdir)) == _pages(Path(fresh.outdir))
    assert _pages(Path(incremental.outdir)) == _pages(Path(fresh_edited.outdir))


def _links_of(href: Href) -> str:
    first, second = href("/about", ""), href("/nowhere", "")
    return f'<a href="{first}">About</a> {second} <img src="{href("logo.svg", "")}">'


def test_placeholders_are_filled_with_each_pages_escaped_hrefs() -> None:
    targets = {"/about": Target(docname="about"), "logo.svg": Target(file="logo.svg")}
    once = prerender(_links_of, lambda url, external: targets.get(url))
    assert once is not None
    filled = once.fill(lambda target: f"../{target.docname or target.file}?a=1&b=2")
    assert filled == _links_of(
        lambda url, external: (
            f"../{targets[url].docname or targets[url].file}?a=1&b=2" if url in targets else None
        )
    ).replace("&", "&amp;")


def test_site_text_with_nul_characters_is_rendered_per_page() -> None:
    forged = prerender(lambda href: f"\x000\x00{href('/about', '')}", lambda u, e: Target("a"))
    assert forged is None
    stray = prerender(lambda href: "a \x00 b", lambda url, external: None)
    assert stray is None
