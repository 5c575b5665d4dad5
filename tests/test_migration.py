"""``sphinx-ga4gh migrate`` on an invented Jekyll field guide that uses every construct of
SPEC §3 (tests/jekyll/site): golden output, the report, safety, and a ``-W`` build of the result.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import shutil
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from sphinx_ga4gh.cli import main, print_unused_keys
from sphinx_ga4gh.migration import project
from sphinx_ga4gh.migration.project import MigrationError, migrate

from conftest import build, html_of, warnings_of

JEKYLL = Path(__file__).parent / "jekyll"
SITE = JEKYLL / "site"
GOLDEN = JEKYLL / "migrated"
UPDATE = os.environ.get("SPHINX_GA4GH_UPDATE_SNAPSHOTS") == "1"


def tree(root: Path) -> dict[str, bytes]:
    """Every file below ``root`` (build output left out) and its bytes."""
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and "_build" not in path.relative_to(root).parts
    }


@pytest.fixture
def migrated(tmp_path: Path) -> Path:
    out = tmp_path / "project"
    migrate(SITE, out)
    return out


def test_output_matches_the_golden_project(migrated: Path) -> None:
    if UPDATE:
        shutil.rmtree(GOLDEN, ignore_errors=True)
        shutil.copytree(migrated, GOLDEN)
    written, golden = tree(migrated), tree(GOLDEN)
    assert sorted(written) == sorted(golden)
    for name, content in golden.items():
        assert written[name] == content, f"{name} differs from tests/jekyll/migrated/{name}"


def test_report_counts_and_lists_what_was_not_translated(tmp_path: Path) -> None:
    report = migrate(SITE, tmp_path / "out")
    assert report.pages == 16
    counts = report.counts()
    assert counts["tool"] == 7
    assert counts["cite"] == 5
    assert counts["callout"] == 4
    assert counts["image"] == 3
    assert counts["section tiles"] == 4
    assert counts["affiliation tiles"] == 2
    assert counts["bibliography --cited"] == 2
    assert counts["bibliography"] == 1
    assert counts["news"] == 2  # a page's and the HTML homepage's
    assert counts["events"] == 3  # two on a page, one on the HTML homepage
    assert counts["page ids"] == 1
    assert counts["raw"] == 4
    left = [(path, found.line, found.source) for path, found in report.untranslated]
    assert left == [
        ("_sass/_bootstrap_variables.scss", 1, ""),
        ("_sass/_custom_classes.scss", 1, ""),
        ("index.html", 8, "<script>"),
        ("index.html", 44, "<a href='javascript:alert(1)'>"),
        ("index.html", 56, "{{ pages.size }}"),
        ("index.html", 62, "<script>"),
        (
            "pages/about/contribute.md",
            32,
            "{% for item in site.data.news %}\n- {{ item.name }}\n{% endfor %}\n",
        ),
        ("pages/about/contribute.md", 50, "{% cycle 'odd', 'even' %}"),
        ("pages/about/contribute.md", 52, "{% cycle 'light', 'dark' %}"),
        ("pages/about/contribute.md", 53, "{% cycle '[the glossary](/glossary)', 'none' %}"),
        # in raw HTML, and over a blank line
        ("pages/about/contribute.md", 56, "{% cycle 'ink', 'pencil' %}"),
        ("pages/about/contribute.md", 57, "{{ page.review_form }}"),
        (
            "pages/about/contribute.md",
            60,
            '{% include review-checklist.html\n\n  steps="read, build, merge" %}',
        ),
    ]
    assert counts["site include"] == 2
    assert counts["liquid if"] == 2
    notes = {(path, found.line, found.kind) for path, found in report.notes}
    assert ("pages/standards/beacon.md", 27, "image") in notes
    assert ("pages/standards/duo.md", 13, "heading") in notes


def test_untranslated_constructs_stay_visible(migrated: Path) -> None:
    page = (migrated / "contribute.md").read_text("utf-8")
    # evaluated: logic over front matter and data, the site's own include with its parameter
    assert '<div class="banner">Join us</div>' in page
    assert "This page has contributors." not in page
    assert "Nobody has signed this page yet." in page
    assert ":custom: getting_started, consent" in page.split("## Next steps")[1]
    # kramdown: callouts, attribute lists, heading ids, emoji
    assert "{admonition} Before you open a pull request\n:class: tip" in page
    assert "{.btn .btn-primary}" in page and "(review)=" in page and "👍" in page
    # what is left is shown as not migrated, as code
    assert "```liquid\n{% cycle 'odd', 'even' %}\n```" in page
    # inside a sentence: inline code with the not-migrated class
    assert "between `{% cycle 'light', 'dark' %}`{.ga4gh-not-migrated} shades" in page
    # the original text as it was: its link is not rewritten
    assert "``{% cycle '[the glossary](/glossary)', 'none' %}``{.ga4gh-not-migrated}" in page
    # in raw HTML, where Markdown is not read: a code element, escaped; an attribute value that
    # cannot hold markup becomes "#", the original kept in a data attribute
    assert (
        '<code class="ga4gh-not-migrated">&#123;&#37; cycle &#39;ink&#39;, &#39;pencil&#39; '
        "&#37;&#125;</code>" in page
    )
    assert (
        '<a href="#" data-ga4gh-not-migrated-href="&#123;&#123; page.review_form &#125;&#125;">'
        in page
    )
    # over a blank line: the block admonition, the sentence around it kept
    assert "Each review ends with \n\n:::{admonition} Not migrated" in page
    assert '\n\n  steps="read, build, merge" %}\n```\n:::\n\n before the merge.' in page


def test_cli_prints_the_report_and_strict_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["migrate", str(SITE), str(tmp_path / "a")]) == 0
    printed = capsys.readouterr().out
    assert "Migrated 16 pages" in printed
    assert "  tool: 7" in printed
    assert "pages/about/contribute.md:50: cycle: {% cycle 'odd', 'even' %}" in printed
    assert main(["migrate", "--strict", "--quiet", str(SITE), str(tmp_path / "b")]) == 1
    # --quiet: only what was left untranslated
    quiet = capsys.readouterr().out
    assert quiet.startswith("Not translated, left in the page as written:")
    assert "pages/about/contribute.md:50: cycle: {% cycle 'odd', 'even' %}" in quiet
    assert "Migrated" not in quiet and "  tool: 7" not in quiet


def test_the_report_lists_the_keys_and_options_the_site_does_not_use(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["migrate", str(SITE), str(tmp_path / "a")]) == 0
    printed = capsys.readouterr().out
    report = printed[printed.index("Front matter keys nothing reads") :]
    assert report.splitlines() == [
        "Front matter keys nothing reads (kept in the pages as written): 1",
        "  last_reviewed: 2 pages: pages/glossary.md:6, pages/privacy.md:7",
        "_config.yml options not carried into the Sphinx project: 2",
        "  _config.yml:42: defaults: review_cycle (a default of pages under pages/standards)",
        "  _config.yml:63: newsletter_form",
        "Front matter keys of Jekyll's own, not needed in Sphinx: 1",
        "  layout: 1 page: index.html:3",
        "_config.yml options of Jekyll's own, not needed in Sphinx: 3",
        "  _config.yml:21: exclude (applied: the files it names are not copied)",
        "  _config.yml:33: defaults: layout (a default of every page)",
        "  _config.yml:61: markdown",
    ]
    # what conf.py carries (title, analytics, theme_variables...), what the pages' Liquid
    # reads (page.beta, site.data) and the keys sphinx-ga4gh reads are not listed
    for used in ("title", "gtag", "theme_variables", "scholar", "permalink", "redirect_from"):
        assert f" {used}" not in report and f"{used}:" not in report


def test_unused_front_matter_keys_are_grouped_with_the_first_pages(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "pages").mkdir(parents=True)
    (site / "_config.yml").write_text("title: Small\nsass:\n  style: compressed\n", "utf-8")
    for number in range(5):
        text = (
            f"---\ntitle: P{number}\nlayout: page\nweight: {number}\n---\n\n{{{{ page.title }}}}\n"
        )
        (site / "pages" / f"p{number}.md").write_text(text, "utf-8")
    report = migrate(site, tmp_path / "out")
    assert [(item.key, item.line, item.jekyll_only) for item in report.unused_front_matter] == [
        (key, line, key == "layout")
        for _ in range(5)
        for key, line in (("layout", 3), ("weight", 4))
    ]
    assert [(item.key, item.line, item.jekyll_only) for item in report.unused_config] == [
        ("sass", 2, True)
    ]
    stream = io.StringIO()
    print_unused_keys(report, stream)
    assert (
        "  weight: 5 pages: pages/p0.md:4, pages/p1.md:4, pages/p2.md:4, and 2 more"
        in stream.getvalue()
    )


def test_defaults_of_every_key_sphinx_ga4gh_reads_are_carried(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "pages").mkdir(parents=True)
    config = (
        "title: Small\ndefaults:\n  - scope: {path: pages}\n"
        "    values: {layout: page, sitemap: false, no_robots: true, weight: 3}\n"
    )
    (site / "_config.yml").write_text(config, "utf-8")
    (site / "pages" / "a.md").write_text("---\ntitle: A\n---\n\nText.\n", "utf-8")
    report = migrate(site, tmp_path / "out")
    page = (tmp_path / "out" / "pages" / "a.md").read_text("utf-8")
    assert "# from _config.yml defaults\nsitemap: false\nno_robots: true\n---" in page
    assert [(item.key, item.jekyll_only) for item in report.unused_config] == [
        ("defaults: layout", True),
        ("defaults: weight", False),
    ]


def test_strict_passes_on_a_site_that_translates_fully(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "pages").mkdir(parents=True)
    (site / "_config.yml").write_text("title: Small\n", "utf-8")
    (site / "pages" / "a.md").write_text('---\ntitle: A\n---\n\n{% tool "x" %}\n', "utf-8")
    assert main(["migrate", "--strict", "--quiet", str(site), str(tmp_path / "out")]) == 0
    assert "{tool}`x`" in (tmp_path / "out" / "pages" / "a.md").read_text("utf-8")


def test_refuses_a_non_empty_output_without_force(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("mine", "utf-8")
    with pytest.raises(MigrationError, match="not empty"):
        migrate(SITE, out)
    assert main(["migrate", str(SITE), str(out)]) == 2
    migrate(SITE, out, force=True)
    assert (out / "keep.txt").read_text("utf-8") == "mine"
    assert (out / "conf.py").is_file()


def test_refuses_to_write_into_the_site(tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(SITE, site)
    with pytest.raises(MigrationError):
        migrate(site, site, force=True)
    with pytest.raises(MigrationError):
        migrate(site / "pages", site, force=True)


def test_two_runs_write_the_same_bytes(tmp_path: Path) -> None:
    migrate(SITE, tmp_path / "one")
    migrate(SITE, tmp_path / "two")
    first = tree(tmp_path / "one")
    assert first == tree(tmp_path / "two")
    migrate(SITE, tmp_path / "one", force=True)
    assert tree(tmp_path / "one") == first


def test_never_modifies_the_site(tmp_path: Path) -> None:
    def digest() -> dict[str, str]:
        return {name: hashlib.sha256(data).hexdigest() for name, data in tree(SITE).items()}

    before = digest()
    migrate(SITE, tmp_path / "out")
    assert digest() == before


def test_refuses_an_output_inside_the_site(tmp_path: Path) -> None:
    # tests/test_migration_safety.py tries every way of naming it.
    site = tmp_path / "site"
    shutil.copytree(SITE, site)
    with pytest.raises(MigrationError, match="inside the site"):
        migrate(site, site / "sphinx")
    assert not (site / "sphinx").exists()


def test_an_interrupted_run_leaves_no_half_written_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    real_replace = os.replace
    calls = 0

    def interrupted(source: str, target: str) -> None:
        nonlocal calls
        calls += 1
        if calls == 4:
            raise KeyboardInterrupt
        real_replace(source, target)

    monkeypatch.setattr(project.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        migrate(SITE, out)
    written = tree(out)
    assert len(written) == 3
    assert not [name for name in written if name.endswith(".tmp")]
    golden = tree(GOLDEN)
    for name, content in written.items():
        assert content == golden[name]


def test_progress_is_reported_per_page(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    migrate(SITE, tmp_path / "out", progress=lambda done, total: seen.append((done, total)))
    assert seen[0] == (1, 16)
    assert seen[-1] == (16, 16)


def test_the_migrated_site_builds_with_no_warnings(
    make_app: type[SphinxTestApp], migrated: Path
) -> None:
    app, _ = build(make_app, migrated)
    assert warnings_of(app) == []
    beacon = html_of(app, "beacon")
    assert beacon.select_one(".ga4gh-tool")
    assert beacon.select_one(".admonition.tip")
    assert beacon.select_one(".admonition.warning .admonition-title").get_text() == (
        "Before you open a Beacon"
    )
    assert beacon.select_one("figure img")["alt"] == "Query flow diagram"
    assert "Rambla" in beacon.select_one("#references").get_text()
    assert "{% tool" in beacon.select_one("pre").get_text()  # the raw example stays literal
    contribute = html_of(app, "contribute")
    shown = " ".join(pre.get_text() for pre in contribute.select(".admonition.warning pre"))
    assert "{% cycle" in shown and "{% for item in site.data.news %}" in shown
    inline = contribute.select_one("code.ga4gh-not-migrated")
    assert inline.get_text() == "{% cycle 'light', 'dark' %}"
    assert "shades" in inline.parent.get_text()
    # in raw HTML: marked code, and an attribute made safe with the original kept
    steps = contribute.select_one("div.review-steps")
    assert steps.select_one("p code.ga4gh-not-migrated").get_text() == "{% cycle 'ink', 'pencil' %}"
    form = steps.select_one("a")
    assert form["href"] == "#"
    assert form["data-ga4gh-not-migrated-href"] == "{{ page.review_form }}"
    # over a blank line: the "Not migrated" block holding all its lines
    assert '{% include review-checklist.html\n\n  steps="read, build, merge" %}' in shown
    # no Liquid outside code anywhere on the page, nor in an attribute but the kept originals
    for element in contribute.select("*"):
        for name, value in element.attrs.items():
            kept = name.startswith("data-ga4gh-not-migrated-")
            assert kept or not re.search(
                r"\{[{%]", " ".join(value) if isinstance(value, list) else value
            )
    for code in contribute.select("pre, code"):
        code.decompose()
    text = contribute.select_one("main, body").get_text()
    assert "{%" not in text and "{{" not in text
    assert contribute.select_one(".admonition.tip .admonition.warning")
    # Two-letter affiliations are countries, named from _data/countries.yml, not unknown names.
    assert "Finland" in beacon.select_one(".ga4gh-supported-by").get_text()
    # A report without the institution its BibTeX type wants is still listed, not an error.
    consent = html_of(app, "consent").select_one("#references").get_text()
    assert "Model consent clauses for rare-disease genomics" in consent
    # A page without a description of its own gets the site's.
    references = html_of(app, "references")
    assert references.select_one('meta[name="description"]')["content"].startswith("How to share")
    # Files named by data and raw HTML are published at their Jekyll paths.
    assert (app.outdir / "assets" / "img" / "consortium.svg").is_file()
    assert (app.outdir / "guides" / "start" / "index.html").is_file()
    # Links to headings by page_id, page_id.md and kramdown {#id}s reach them.
    consent = {a.get_text(): a["href"] for a in html_of(app, "consent").select("article a")}
    assert consent["access terms"] == "glossary.html#access"
    assert consent["modifiers"] == "duo.html#modifiers"
    assert consent["use terms"] == "glossary.html#use-terms"
    glossary = html_of(app, "glossary")
    assert glossary.select_one("section#access h2").get_text().rstrip("¶#") == "Access terms"
    # The 404 page and the template are built, but are no menu entry and no tile.
    assert (app.outdir / "404.html").is_file() and (app.outdir / "TEMPLATE_guide.html").is_file()
    home = html_of(app, "index")
    menu = " ".join(a.get_text() for a in home.select("nav a, .sphinxsidebar a"))
    assert "Page not found" not in menu and "REPLACE" not in menu and "First question" not in menu
    tiles = html_of(app, "standards").select(".ga4gh-tile-title")
    assert "First question, as a question" not in [tile.get_text() for tile in tiles]
    # Tiles as the theme draws them: the section icon of _config.yml defaults (a site file,
    # published), supporters' logos and flags; the -simple include as title buttons.
    standards = html_of(app, "standards")
    full, simple = standards.select("ul.ga4gh-tiles")
    icons = {img["src"] for img in full.select("img.ga4gh-tile-type-icon")}
    assert icons == {"assets/img/section-icons/standards.svg"}
    assert (app.outdir / "assets" / "img" / "section-icons" / "standards.svg").is_file()
    assert full.select_one('.ga4gh-tile-supporter[data-name="Finland"] .ga4gh-flag')
    assert full.select_one('.ga4gh-tile-supporter[data-name="Rare Genomes Consortium"] img')
    assert "ga4gh-tiles-simple" in simple["class"]
    assert [a.get_text() for a in simple.select("a")] == ["Beacon", "Data Use Ontology"]


def test_404_and_template_pages_are_orphans(migrated: Path) -> None:
    home = (migrated / "index.md").read_text("utf-8")
    assert "/404" not in home and "TEMPLATE" not in home
    for name in ("404.md", "TEMPLATE_guide.md"):
        text = (migrated / name).read_text("utf-8")
        assert "\norphan: true\n---\n" in text
    # A placeholder title is no heading; kramdown's {#id} is a label over the heading.
    template = (migrated / "TEMPLATE_guide.md").read_text("utf-8")
    assert "# <!--" not in template
    assert "\n(first-question)=\n# First question, as a question\n" in template
    assert "orphan" not in (migrated / "glossary.md").read_text("utf-8")


def test_root_toctrees_come_before_the_homepages_sections(tmp_path: Path) -> None:
    """In the PDF, toctree captions become parts only before the first section."""
    site = tmp_path / "site"
    (site / "pages").mkdir(parents=True)
    (site / "_config.yml").write_text("title: Small\n", "utf-8")
    (site / "index.md").write_text(
        "---\ntitle: Home\n---\nWelcome.\n\n```markdown\n## not a section\n```\n\n"
        "## News\n\nNothing yet.\n",
        "utf-8",
    )
    (site / "pages" / "a.md").write_text("---\ntitle: A\n---\n\nText.\n", "utf-8")
    migrate(site, tmp_path / "out")
    home = (tmp_path / "out" / "index.md").read_text("utf-8")
    assert home.index("```{toctree}") < home.index("## News")
    assert home.index("## not a section") < home.index("```{toctree}")


def test_conf_py_names_the_data_files_found(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "_data").mkdir(parents=True)
    (site / "_config.yml").write_text("title: Small\n", "utf-8")
    (site / "index.md").write_text("---\ntitle: Home\n---\n\nText.\n", "utf-8")
    (site / "_data" / "CONTRIBUTORS.yaml").write_text("Ada:\n  git: ada\n", "utf-8")
    (site / "_data" / "supported_by.yml").write_text("- name: Org\n", "utf-8")
    migrate(site, tmp_path / "out")
    conf = (tmp_path / "out" / "conf.py").read_text("utf-8")
    assert "ga4gh_contributors = '_data/CONTRIBUTORS.yaml'\n" in conf
    assert "ga4gh_affiliations = '_data/supported_by.yml'\n" in conf
    assert "ga4gh_tools" not in conf  # no registry: nothing named, nothing to miss
    assert (tmp_path / "out" / "_data" / "CONTRIBUTORS.yaml").is_file()


def test_the_head_is_carried_end_to_end(make_app: type[SphinxTestApp], migrated: Path) -> None:
    """_config.yml's url, theme colour and analytics, and the pages' ``redirect_from``,
    ``no_robots`` and ``sitemap: false``, as the Jekyll theme and plugins published them."""
    conf = (migrated / "conf.py").read_text("utf-8")
    assert "html_baseurl = 'https://guide.example.org/'" in conf
    assert "ga4gh_matomo_cookies = False" in conf
    app, _ = build(make_app, migrated)
    out = app.outdir
    consent = html_of(app, "consent")
    assert consent.find("meta", attrs={"name": "theme-color"})["content"] == "#5b2a86"
    assert consent.find("meta", attrs={"property": "og:url"})["content"] == (
        "https://guide.example.org/consent.html"
    )
    assert "https://orcid.org/" in str(consent.find("script", type="application/ld+json"))
    assert "G-EXAMPLE123" in str(consent) and "_paq.push(['disableCookies'])" in str(consent)
    assert 'var privacy = "privacy.html";' in str(consent)
    privacy = html_of(app, "privacy")
    assert privacy.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    sitemap = (out / "sitemap.xml").read_text("utf-8")
    assert "<loc>https://guide.example.org/</loc>" in sitemap
    assert "consent.html" in sitemap and "guides/start/" in sitemap
    assert "privacy" not in sitemap and "TEMPLATE" not in sitemap and "404" not in sitemap
    for old, href in (
        ("consent-forms.html", "consent.html"),
        ("old/consent/index.html", "../../consent.html"),
        ("terms.html", "glossary.html"),
    ):
        assert f'content="0; url={href}"' in (out / old).read_text("utf-8")
    # sphinx-notfound-page: the 404 page's links start at the site's root, for any depth
    not_found = html_of(app, "404")
    assert "This page does not exist" in not_found.get_text()
    assert not_found.find("a", string="standards")["href"] == "/standards.html"
