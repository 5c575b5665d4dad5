"""The theme's page furniture and listings (issue 18, points 1-4): contributor tiles with
options, page people grouped and sorted, "How to cite this page", "More information" panels
and the site-wide training table."""

from __future__ import annotations

from pathlib import Path

from sphinx.testing.util import SphinxTestApp

from conftest import ROOTS, build, copy_root, html_of, warnings_of

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
