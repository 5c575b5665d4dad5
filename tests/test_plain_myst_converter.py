"""The benchmark's real-site pair converts a migrated project into plain MyST +
sphinxcontrib-bibtex (benchmarks/plain_myst.py): the extension's roles become plain Markdown,
its directives are dropped, each citing page gets its own list, and the result builds without
sphinx-ga4gh. No timing here."""

from __future__ import annotations

import sys
from pathlib import Path

from sphinx.testing.util import SphinxTestApp

sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))
from plain_myst import convert_project

CONF = """\
project = 'Invented guide'
extensions = ["sphinx_ga4gh"]
exclude_patterns = ['_build', '_data', '_bibliography']
ga4gh_tools = '_data/tool_and_resource_list.yml'
ga4gh_page_references_title = 'Bibliography'
myst_heading_anchors = 6
"""
TOOLS = """\
- id: htsget
  name: htsget [API]
  url: https://samtools.github.io/hts-specs/htsget.html
- id: duo
  name: Data Use Ontology
"""
BIB = """\
@article{rehm2021,
  title = {GA4GH: International policies and standards},
  author = {Rehm, Heidi},
  journal = {Cell Genomics},
  year = {2021},
}
"""
INDEX = """\
---
title: Home
page_id: home
---

# Home

```{toctree}
:hidden:

streaming
```

```{section-tiles} Your_tasks
:columns: 3
```

:::{tool-table}
:::
"""
STREAMING = """\
---
title: Streaming reads
page_id: streaming
contributors: [Ann Example]
---

# Streaming reads

Use {tool}`htsget` or {ga4gh:tool}`the streaming API <htsget>`, with {tool}`duo` terms,
not {tool}`!htsget` nor {tool}`beakon`. Back to [the start](home#home) or
{ga4gh:page}`home`. Standards matter {cite:p}`rehm2021`.

:::{note}
A note naming {tool}`htsget`.
:::

```markdown
Literal {tool}`htsget` stays.
```

````{contributors}
```{note}
Dropped with its directive.
```
````

The end.
"""


def migrated_project(root: Path) -> Path:
    (root / "_data").mkdir(parents=True)
    (root / "_bibliography").mkdir()
    (root / "conf.py").write_text(CONF, "utf-8")
    (root / "_data" / "tool_and_resource_list.yml").write_text(TOOLS, "utf-8")
    (root / "_bibliography" / "references.bib").write_text(BIB, "utf-8")
    (root / "index.md").write_text(INDEX, "utf-8")
    (root / "streaming.md").write_text(STREAMING, "utf-8")
    return root


def test_roles_become_plain_myst_and_directives_are_dropped(tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    counts = convert_project(migrated_project(tmp_path / "migrated"), plain)
    page = (plain / "streaming.md").read_text("utf-8")
    assert page.startswith(STREAMING[: STREAMING.index("# Streaming")])  # front matter kept
    assert "Use [htsget \\[API\\]](https://samtools.github.io/hts-specs/htsget.html) or " in page
    assert "[the streaming API](https://samtools.github.io/hts-specs/htsget.html)" in page
    assert "with Data Use Ontology terms" in page  # no url: plain text
    assert "not htsget nor beakon." in page
    assert "[the start](/index.md#home) or\n[](/index.md)." in page
    assert "A note naming [htsget \\[API\\]](https://" in page
    assert "Literal {tool}`htsget` stays." in page
    assert "contributors" not in page.split("---", 2)[2] and "Dropped" not in page
    assert "The end." in page
    assert page.endswith(
        "## Bibliography\n\n```{bibliography}\n:filter: docname in docnames\n```\n"
    )
    index = (plain / "index.md").read_text("utf-8")
    assert "section-tiles" not in index and "tool-table" not in index
    assert "streaming" in index  # the toctree stays
    assert counts.tool_mentions == 6
    assert counts.page_links == 2
    assert counts.directives_dropped == {"section-tiles": 1, "tool-table": 1, "contributors": 1}
    assert counts.bibliographies == 1
    conf = (plain / "conf.py").read_text("utf-8")
    assert "sphinx_ga4gh" not in conf
    assert "bibtex_bibfiles = ['_bibliography/references.bib']" in conf


def test_the_plain_project_builds_without_the_extension(tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    convert_project(migrated_project(tmp_path / "migrated"), plain)
    app = SphinxTestApp("html", srcdir=plain, builddir=tmp_path / "_build")
    try:
        app.build()
        warnings = app.warning.getvalue()
    finally:
        app.cleanup()
    assert "WARNING" not in warnings, warnings
    html = (tmp_path / "_build" / "html" / "streaming.html").read_text("utf-8")
    assert 'href="https://samtools.github.io/hts-specs/htsget.html"' in html
    assert 'href="index.html#home"' in html
    assert "international policies and standards. <em>Cell Genomics" in html  # its own list
    assert "ga4gh" not in html.split("<body", 1)[1].casefold().replace("ga4gh:", "")
