"""The text sphinx-ga4gh writes into pages goes through Sphinx's message catalogs
(``sphinx_ga4gh``), so a site in another language reads it in that language."""

from __future__ import annotations

import gettext
import re
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from sphinx.testing.util import SphinxTestApp

from sphinx_ga4gh.i18n import LOCALE_DIR, MESSAGE_CATALOG

from conftest import html_of, warnings_of

PAGE = """\
---
type: repositories
---
# Archives

```{ga4gh:tool} ena
:name: ENA
:url: https://ena.example.org/
```

Data go to {tool}`ena`.
"""


def site(tmp_path: Path, conf: str) -> Path:
    srcdir = tmp_path / "site"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text('extensions = ["sphinx_ga4gh"]\n' + conf, "utf-8")
    (srcdir / "index.md").write_text(PAGE, "utf-8")
    return srcdir


def headings(app: SphinxTestApp) -> list[str]:
    return [h.get_text(strip=True).rstrip("¶") for h in html_of(app, "index").select("h2")]


def test_a_site_in_french_reads_the_headings_in_french(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    app = make_app("html", srcdir=site(tmp_path, 'language = "fr"\n'))
    app.build()
    html = html_of(app, "index")
    assert "Outils et ressources de cette page" in headings(app), warnings_of(app)
    subtitle = html.select_one(".ga4gh-page-type")
    assert subtitle is not None and subtitle.get_text(strip=True) == "Dépôts"


def test_a_catalog_of_the_sites_language_translates_a_heading(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    """Any language: a catalog for ``xx`` added as Sphinx adds catalogs (public API)."""
    locales = tmp_path / "locales" / "xx" / "LC_MESSAGES"
    locales.mkdir(parents=True)
    catalog = Catalog(locale="en")  # babel knows no "xx"; the file is what counts
    catalog.add("Tools and resources on this page", "XX tools of this page")
    with (locales / f"{MESSAGE_CATALOG}.mo").open("wb") as mo:
        write_mo(mo, catalog)
    conf = (
        'language = "xx"\n'
        "def setup(app):\n"
        f"    app.add_message_catalog({MESSAGE_CATALOG!r}, {str(tmp_path / 'locales')!r})\n"
    )
    app = make_app("html", srcdir=site(tmp_path, conf))
    app.build()
    assert "XX tools of this page" in headings(app), warnings_of(app)


def test_a_heading_set_in_conf_py_is_kept_as_written(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    conf = 'language = "fr"\nga4gh_page_tool_table_title = "Outils cités"\n'
    app = make_app("html", srcdir=site(tmp_path, conf))
    app.build()
    assert "Outils cités" in headings(app)


def test_the_english_build_is_unchanged(make_app: type[SphinxTestApp], tmp_path: Path) -> None:
    app = make_app("html", srcdir=site(tmp_path, ""))
    app.build()
    assert "Tools and resources on this page" in headings(app)


def test_each_compiled_catalog_matches_its_source() -> None:
    """The ``.mo`` next to each ``.po`` holds the same translations (recompile with
    ``pybabel compile -D sphinx_ga4gh -d sphinx_ga4gh/locales``)."""
    sources = sorted(LOCALE_DIR.glob(f"*/LC_MESSAGES/{MESSAGE_CATALOG}.po"))
    assert sources
    for source in sources:
        with source.open("rb") as po:
            messages = {m.id: m.string for m in read_po(po) if m.id and m.string}
        with source.with_suffix(".mo").open("rb") as mo:
            compiled = gettext.GNUTranslations(mo)
        assert {key: compiled.gettext(key) for key in messages} == messages, source


def test_every_marked_message_is_in_the_template() -> None:
    """``locales/sphinx_ga4gh.pot`` lists every message the code marks (``_`` and
    ``gettext_noop``); each catalog translates them all."""
    package = LOCALE_DIR.parent
    marked = set()
    for path in package.rglob("*.py"):
        text = path.read_text("utf-8")
        for match in re.finditer(r"\b(?:_|gettext_noop)\(\s*((?:\"[^\"]*\"\s*)+)\)", text):
            marked.add("".join(re.findall(r"\"([^\"]*)\"", match.group(1))))
    with (LOCALE_DIR / f"{MESSAGE_CATALOG}.pot").open("rb") as pot:
        template = {m.id for m in read_po(pot) if m.id}
    assert marked == template
    for source in LOCALE_DIR.glob(f"*/LC_MESSAGES/{MESSAGE_CATALOG}.po"):
        with source.open("rb") as po:
            assert {m.id for m in read_po(po) if m.id and m.string} == template, source
