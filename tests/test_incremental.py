"""Incremental and parallel builds give what a fresh ``-E`` serial build gives (issue 16):
edited tool declarations reach every page that shows the tool, changed ``ga4gh_*`` values
reach every page, a build with no change reads and says nothing, and a tool id or page_id
used twice has the same winner and warnings whatever the order processes finish in."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path
from typing import Any

import pytest
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_escape_sequences

from conftest import build, html_of, warnings_of

CONF = """\
project = "Incremental guide"
extensions = ["sphinx_ga4gh"]
# sphinx.testing replaces the default theme after reading conf.py: say it here, or every
# build would see a changed configuration
html_theme = "basic"
ga4gh_liquid = True
bibtex_bibfiles: list[str] = []
"""

INDEX = """\
---
page_id: home
---
# Incremental guide

About {{ site.description }}.

```{toctree}
:glob:
declare
mention
standard
tools
pages/*
```
"""

DECLARE = """\
---
type: guide
---
# Declaring page

```{ga4gh:tool} mytool
:name: My Tool
:url: https://mytool.example.org/
:type: standard
Old description of the tool.
```

```{ga4gh:tool} child
:name: Child Tool
:instance-of: mytool
A national instance.
```
"""

MENTION = """\
---
type: guide
related_pages:
  technologies_standards: [standard]
---
# Mentioning page

We use {tool}`mytool` here.
"""

STANDARD = """\
---
page_id: standard
type: technologies_standards
---
# A standard

Nothing about tools.
"""

TOOLS = """\
# All tools

```{tool-table}
```
"""


def write_site(root: Path, pages: dict[str, str]) -> Path:
    root.mkdir(parents=True)
    (root / "conf.py").write_text(CONF, "utf-8")
    for name, text in {
        "index.md": INDEX,
        "declare.md": DECLARE,
        "mention.md": MENTION,
        "standard.md": STANDARD,
        "tools.md": TOOLS,
        **pages,
    }.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return root


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return write_site(tmp_path / "site", {"pages/other.md": "# Other page\n\nText.\n"})


def html_digest(outdir: Path) -> dict[str, str]:
    return {
        path.relative_to(outdir).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(outdir.rglob("*.html"))
    }


def fresh_copy_digest(
    make_app: type[SphinxTestApp], site: Path, tmp_path: Path, **kwargs: Any
) -> dict[str, str]:
    """The HTML of a ``-E`` build of a copy of ``site`` as it is now."""
    copy = tmp_path / "fresh"
    if copy.exists():
        shutil.rmtree(copy)
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("_build"))
    app, _ = build(make_app, copy, freshenv=True, **kwargs)
    return html_digest(app.outdir)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def test_a_build_with_no_change_reads_and_reports_nothing(
    make_app: type[SphinxTestApp], site: Path
) -> None:
    first, _ = build(make_app, site, freshenv=True)
    assert (first.outdir / "_static" / "ga4gh.css").is_file()
    assert (first.outdir / "_static" / "ga4gh.js").is_file()
    app, read = build(make_app, site)
    assert read == []
    status = strip_escape_sequences(app.status.getvalue())
    assert "configuration has changed" not in status
    assert "0 source files that are out of date" in status
    assert str(Path(__file__).parent.parent / "sphinx_ga4gh") not in str(
        app.config.html_static_path
    )
    assert 'href="_static/ga4gh.css' in (app.outdir / "index.html").read_text("utf-8")


def test_editing_a_declaration_rewrites_the_pages_that_show_the_tool(
    make_app: type[SphinxTestApp], site: Path, tmp_path: Path
) -> None:
    build(make_app, site, freshenv=True)
    edit(site / "declare.md", "Old description", "New description")
    edit(site / "declare.md", ":name: My Tool", ":name: Renamed Tool")
    app = make_app("html", srcdir=site)
    read: list[str] = []
    app.connect("env-before-read-docs", lambda _a, _e, docnames: read.extend(docnames))
    app.build()
    app.cleanup()
    assert read == ["declare"]  # the others are written again, not read
    mention = (app.outdir / "mention.html").read_text("utf-8")
    assert "New description" in mention and "Renamed Tool" in mention
    assert "Old description" not in mention and "My Tool" not in mention
    tools = (app.outdir / "tools.html").read_text("utf-8")
    assert "New description" in tools and "Old description" not in tools
    assert html_digest(app.outdir) == fresh_copy_digest(make_app, site, tmp_path)


def test_removing_a_declaration_rewrites_the_pages_that_showed_it(
    make_app: type[SphinxTestApp], site: Path, tmp_path: Path
) -> None:
    build(make_app, site, freshenv=True)
    text = (site / "declare.md").read_text("utf-8")
    start = text.index("```{ga4gh:tool} mytool")
    end = text.index("```{ga4gh:tool} child")
    (site / "declare.md").write_text(text[:start] + text[end:], "utf-8")
    app, _ = build(make_app, site)
    assert "Old description" not in (app.outdir / "mention.html").read_text("utf-8")
    assert "unknown tool id 'mytool'" in "\n".join(warnings_of(app))
    assert html_digest(app.outdir) == fresh_copy_digest(make_app, site, tmp_path)


#: Every ``ga4gh_*`` value whose change shows in the HTML of this site, with a new value.
CHANGED_VALUES: dict[str, Any] = {
    "ga4gh_page_type_labels": {"guide": "Handbook", "technologies_standards": "Norms"},
    "ga4gh_site_description": "a field guide about changes",
    "ga4gh_page_type_subtitle": False,
    "ga4gh_related_pages_title": "See also",
    "ga4gh_page_tool_table_title": "Tools named here",
    "ga4gh_site_table_columns": ["name", "type"],
    "ga4gh_page_table_columns": ["name", "registry"],
}


@pytest.mark.parametrize("name", sorted(CHANGED_VALUES))
def test_changing_a_config_value_gives_what_a_fresh_build_gives(
    make_app: type[SphinxTestApp], site: Path, tmp_path: Path, name: str
) -> None:
    before, _ = build(make_app, site, freshenv=True)
    unchanged = html_digest(before.outdir)
    overrides = {"confoverrides": {name: CHANGED_VALUES[name]}}
    app, _ = build(make_app, site, **overrides)
    incremental = html_digest(app.outdir)
    assert incremental != unchanged, f"{name} shows nowhere in this site"
    assert incremental == fresh_copy_digest(make_app, site, tmp_path, **overrides)


# --- -j: a site large enough for Sphinx to read it in several chunks ------------------------

PAGE_COUNT = 40
#: Pages declaring the same tool id, and pages with the same page_id: the first by name wins.
DECLARING = (7, 23, 31)
SAME_PAGE_ID = (5, 18, 36)


def numbered_page(number: int) -> str:
    front = "page_id: shared_id\n" if number in SAME_PAGE_ID else ""
    body = f"# Page {number:02d}\n\nSee {{tool}}`shared-tool` and {{ga4gh:page}}`shared_id`.\n"
    if number in DECLARING:
        body += (
            f"\n```{{ga4gh:tool}} shared-tool\n:name: Shared tool from page {number:02d}\n"
            f"Declared on page {number:02d}.\n```\n"
        )
    return f"---\ntype: guide\n{front}---\n{body}"


def large_site(root: Path) -> Path:
    pages = {f"pages/page_{n:02d}.md": numbered_page(n) for n in range(PAGE_COUNT)}
    return write_site(root, pages)


def build_large(
    make_app: type[SphinxTestApp], root: Path, parallel: int
) -> tuple[dict[str, str], list[str], dict[str, str]]:
    """HTML digests, warnings (paths made relative, sorted: processes report in any order),
    and each page's text of the shared tool's popover."""
    app, read = build(make_app, root, freshenv=True, parallel=parallel)
    assert len(read) == PAGE_COUNT + 5
    warnings = sorted(
        line.replace(f"{root}/", "") for line in warnings_of(app) if "[ga4gh.liquid]" not in line
    )
    popovers = {
        f"page_{n:02d}": html_of(app, f"pages/page_{n:02d}").get_text(" ", strip=True)
        for n in range(PAGE_COUNT)
    }
    return html_digest(app.outdir), warnings, popovers


def test_duplicates_have_the_same_winner_with_and_without_j(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    serial = build_large(make_app, large_site(tmp_path / "serial"), 1)
    digests, warnings, popovers = serial
    assert warnings == [
        "pages/page_18.md:3: WARNING: duplicate page_id 'shared_id': also used by "
        "pages/page_05.md; the first page keeps it [ga4gh.page]",
        "pages/page_23.md:8: WARNING: duplicate tool id 'shared-tool': also declared at "
        "pages/page_07.md:8 [ga4gh.tool]",
        "pages/page_31.md:8: WARNING: duplicate tool id 'shared-tool': also declared at "
        "pages/page_07.md:8 [ga4gh.tool]",
        "pages/page_36.md:3: WARNING: duplicate page_id 'shared_id': also used by "
        "pages/page_05.md; the first page keeps it [ga4gh.page]",
    ]
    assert "Shared tool from page 07" in popovers["page_39"]
    assert "Declared on page 07." in popovers["page_39"]
    # Sphinx reads 45 documents with -j 2 in chunks of at most 10, finishing in any order.
    for run in range(3):
        parallel = build_large(make_app, large_site(tmp_path / f"parallel{run}"), 2)
        assert parallel[0] == digests
        assert parallel[1] == warnings
        assert parallel[2] == popovers


def test_the_next_page_takes_a_dropped_id_over(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    root = large_site(tmp_path / "site")
    build(make_app, root, freshenv=True)
    # page 05 drops its page_id: page 18 takes it over, and the links to it follow
    edit(root / "pages" / "page_05.md", "page_id: shared_id\n", "")
    app, read = build(make_app, root)
    assert read == ["pages/page_05"]
    assert html_of(app, "pages/page_39").select_one('a[href="page_18.html"]') is not None
    # page 07 drops its declaration: page 23's is the tool's now
    page = numbered_page(7).split("\n```{ga4gh:tool}")[0]
    (root / "pages" / "page_07.md").write_text(page, "utf-8")
    app, read = build(make_app, root)
    assert read == ["pages/page_07"]
    assert "Declared on page 23." in html_of(app, "pages/page_39").get_text(" ", strip=True)
    assert html_digest(app.outdir) == fresh_copy_digest(make_app, root, tmp_path)
