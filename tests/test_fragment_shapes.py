"""Cached markup made without rendering each tool's, tile's or person's nodes at each first
meeting (``tools/fragments.py``: one rendering per shape, filled with each tool's strings;
``furniture/markup.py``: each tile and people block item made and rendered once per build):
the pages must be byte for byte what the node path gives, for hostile strings, every kind of
icon, relatives and Markdown descriptions, in two themes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sphinx.testing.util import SphinxTestApp
from sphinx.util.docutils import SphinxTranslator

from sphinx_ga4gh.furniture import markup
from sphinx_ga4gh.tools import fragments
from sphinx_ga4gh.tools.fragments import tool_fragment

from conftest import copy_root

ROOTS = [
    "fragment-shapes",
    "furniture",
    "instances",
    "people",
    "people-yaml",
    "table-markup",
    "tiles",
    "tiles-images",
    "tiles-self",
]
THEMES = ["basic", "pydata_sphinx_theme"]


def _outputs(app: SphinxTestApp) -> dict[str, str]:
    """Every page and the search index, by path."""
    out = Path(app.outdir)
    files = [*out.rglob("*.html"), out / "searchindex.js"]
    return {str(path.relative_to(out)): path.read_text("utf-8") for path in files}


def _build(make_app: type[SphinxTestApp], source: Path, theme: str) -> tuple[dict[str, str], str]:
    app = make_app("html", srcdir=source, freshenv=True, confoverrides={"html_theme": theme})
    app.build()
    warnings = app.warning.getvalue().replace(str(source), "SRC")
    app.cleanup()
    return _outputs(app), warnings


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("root", ROOTS)
def test_shapes_and_cached_tiles_give_the_node_paths_pages(
    root: str,
    theme: str,
    make_app: type[SphinxTestApp],
    rootdir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fast, fast_warnings = _build(
        make_app, copy_root(rootdir / f"test-{root}", tmp_path, "a"), theme
    )
    with monkeypatch.context() as patch:
        patch.setattr(fragments, "_stencilled_markup", lambda *args: None)
        patch.delitem(markup.HTML_RENDERERS, "tiles")
        patch.delitem(markup.HTML_RENDERERS, "people")
        slow, slow_warnings = _build(
            make_app, copy_root(rootdir / f"test-{root}", tmp_path, "b"), theme
        )
    assert sorted(fast) == sorted(slow)
    for name in fast:
        assert fast[name] == slow[name], name
    assert fast_warnings == slow_warnings


@pytest.mark.parametrize("theme", THEMES)
def test_each_fragment_is_its_nodes_markup(
    theme: str,
    make_app: type[SphinxTestApp],
    rootdir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every part of every tool, as the translator writes it at the fragment's place: the
    shape's rendering filled in equals the markup of the part's own nodes."""
    seen: dict[tuple[str, str], tuple[str, str, bool]] = {}
    stencilled = fragments._stencilled_markup
    fragment_markup = fragments.fragment_markup
    used: list[bool] = []

    def recording_stencil(*args: Any) -> str | None:
        result = stencilled(*args)
        used.append(result is not None)
        return result

    def comparing(translator: SphinxTranslator, node: tool_fragment) -> str:
        used.clear()
        fast = fragment_markup(translator, node)
        slow = fragments.node_path_markup(translator, node)
        seen[(node["part"], node["tool_id"])] = (fast, slow, any(used))
        return fast

    monkeypatch.setattr(fragments, "_stencilled_markup", recording_stencil)
    monkeypatch.setattr(fragments, "fragment_markup", comparing)
    source = copy_root(rootdir / "test-fragment-shapes", tmp_path)
    app = make_app("html", srcdir=source, freshenv=True, confoverrides={"html_theme": theme})
    app.build()
    app.cleanup()
    for key, (fast, slow, _stencil) in seen.items():
        assert fast == slow, key
    parts = {part for part, _tool in seen}
    assert {"popover", "description", "badges"} <= parts
    by_shape = {key: stencil for key, (_fast, _slow, stencil) in seen.items()}
    # plain strings of any kind take the shapes; Markdown and mailto: keep the node path
    assert by_shape[("popover", "quoted")]
    assert by_shape[("popover", "child-linked")]
    assert by_shape[("popover", "unlinked-child")]
    assert by_shape[("badges", "quoted")]
    assert not by_shape[("popover", "markdown")]
    assert not by_shape[("description", "markdown")]
    assert not by_shape[("popover", "mailer")]
    # the hostile strings are in the page, escaped
    page = (Path(app.outdir) / "index.html").read_text("utf-8")
    assert "The &quot;Quoted&quot; &lt;Tool&gt; &amp; Co &#64; Lab" in page
    assert "<script>alert" not in page
    guide = (Path(app.outdir) / "guides" / "page.html").read_text("utf-8")
    assert 'src="../img/archive.svg"' in guide
    assert 'src="https://cdn.example.org/icons/fair.svg?size=16&amp;v=&quot;2&quot;"' in guide


def test_parallel_build_gives_the_serial_pages(
    make_app: type[SphinxTestApp], rootdir: Path, tmp_path: Path
) -> None:
    """Each writing process renders its own shapes and items: ``-j 2`` gives ``-j 1``'s pages."""
    serial, _warnings = _build(
        make_app, copy_root(rootdir / "test-fragment-shapes", tmp_path, "a"), "basic"
    )
    app = make_app(
        "html",
        srcdir=copy_root(rootdir / "test-fragment-shapes", tmp_path, "b"),
        freshenv=True,
        parallel=2,
    )
    app.build()
    app.cleanup()
    parallel = _outputs(app)
    assert sorted(parallel) == sorted(serial)
    for name in serial:
        assert parallel[name] == serial[name], name


ITEM_ROOTS = ["people", "tiles", "tiles-images", "tiles-self", "furniture"]


@pytest.mark.parametrize("root", ITEM_ROOTS)
def test_cached_items_keep_no_nodes_and_are_made_again_alike(
    root: str,
    make_app: type[SphinxTestApp],
    rootdir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A cached tile or person keeps whether it is simple, not its nodes (a stand-in judges the
    list's compactness); an item met again in a state of the translator it was not rendered in
    is made again from its builder, which gives the bytes its first nodes gave."""
    kept, _warnings = _build(make_app, copy_root(rootdir / f"test-{root}", tmp_path, "a"), "basic")
    seen: list[Any] = []
    cached_item = markup._cached_item

    def recording(translator: SphinxTranslator, key: Any, build: Any) -> Any:
        item = cached_item(translator, key, build)
        seen.append(item)
        return item

    # Each list is met in a state of its own, so every item met before is made again.
    states = iter(range(10**6))
    with monkeypatch.context() as patch:
        patch.setattr(markup, "_cached_item", recording)
        patch.setattr(markup, "paragraph_state", lambda translator: next(states))
        again, _warnings = _build(
            make_app, copy_root(rootdir / f"test-{root}", tmp_path, "b"), "basic"
        )
    assert seen, root
    assert all(item.node is None and item.simple is not None for item in seen)
    assert len({id(item) for item in seen}) < len(seen), root  # items are met again
    assert sorted(again) == sorted(kept)
    for name in kept:
        assert again[name] == kept[name], name
