"""``scripts/real_sites.py``: the table of real sites, tried on the invented Jekyll field guide."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).parent.parent / "scripts" / "real_sites.py"
SITE = Path(__file__).parent / "jekyll" / "site"


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("real_sites", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def real_sites() -> ModuleType:
    return load_script()


def test_liquid_left_in_prose_is_counted_and_code_is_not(
    real_sites: ModuleType, tmp_path: Path
) -> None:
    (tmp_path / "a.html").write_text(
        "<p>Shown: {% include news.html %}</p><pre>{% tool 'x' %}</pre>", encoding="utf-8"
    )
    (tmp_path / "b.html").write_text("<p><code>{{ site.title }}</code></p>", encoding="utf-8")
    (tmp_path / "_static").mkdir()
    (tmp_path / "_static" / "c.html").write_text("<p>{{ x }}</p>", encoding="utf-8")
    assert real_sites.liquid_in_html(tmp_path) == {"a.html": ["{% include news.html %}"]}


def test_kramdown_left_in_prose_is_counted_and_code_is_not(
    real_sites: ModuleType, tmp_path: Path
) -> None:
    (tmp_path / "a.html").write_text(
        "<blockquote><p>Careful.</p><p>{: .warning }</p></blockquote>"
        '<p><a href="x">Go</a>{: class="btn"} <span>Yes :+1: and :smile:</span></p>'
        "<h2>Terms {#terms}</h2><p>At 10:30:00, in the ratio 1:2:3, see https://x.org:8080/</p>",
        encoding="utf-8",
    )
    (tmp_path / "b.html").write_text(
        "<pre>{: .note }</pre><p><code>:+1: {#id}</code></p>", encoding="utf-8"
    )
    assert real_sites.kramdown_in_html(tmp_path) == {
        "a.html": ["{: .warning }", '{: class="btn"}', ":+1:", ":smile:", "{#terms}"]
    }


def test_a_row_for_the_invented_site(real_sites: ModuleType, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(SITE, site)
    row = real_sites.measure(site, tmp_path / "out", pdf=False)
    assert row.build_ok
    assert row.pages == len(list(site.rglob("*.md"))) - 2  # README.md and notes/ are not pages
    assert row.translated > 20
    # Liquid a reader sees comes from what the migration reported as left, or from text the
    # page shows on purpose ({% raw %}, as Jekyll shows it too)
    assert row.left > 0
    shown_on_purpose = {
        page.with_suffix(".html").name
        for page in site.rglob("*.md")
        if "{% raw %}" in page.read_text(encoding="utf-8")
    }
    left = {Path(page).name for page in row.left_pages}
    assert row.liquid_pages
    assert set(row.liquid_pages) <= left | shown_on_purpose
    # the invented site's callouts, attribute lists, heading ids and emoji are all rewritten
    assert row.kramdown_pages == {}
    assert row.kramdown_migrated >= 8
    assert row.unused_front_matter == (1, 1) and row.unused_config == (2, 3)
    table = real_sites.table([row], pdf=False)
    assert table.splitlines()[2].startswith(f"| site | {row.pages} | {row.translated} |")
    assert not (site / "conf.py").exists()  # the site is only read
