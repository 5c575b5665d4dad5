"""Hostile site content (issue 15, item 1): every payload in every data field, under three
themes, injects nothing into the HTML; each dangerous value is reported with file and line, by
the build and by ``sphinx-ga4gh check`` alike."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from payload_site import browser_url, injections, payloads, write_payload_site
from sphinx.testing.util import SphinxTestApp

from sphinx_ga4gh.check import check_site
from sphinx_ga4gh.data.diagnostics import SourceLocation
from sphinx_ga4gh.data.tools import anchor_safe_id, safe_type
from sphinx_ga4gh.data.urls import is_dangerous_url, is_safe_image_url, is_safe_url

from conftest import build, warnings_of

THEMES = ["alabaster", "pydata_sphinx_theme", "furo"]
DANGEROUS = re.compile(r"^(javascript|vbscript|data):")


@pytest.fixture(scope="module")
def payload_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("payloads") / "site"
    write_payload_site(root)
    return root


# --- the one URL rule -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "\x01javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "data:text/html,<script>x</script>",
        "vbscript:x",
        "&#106;avascript:alert(1)",
        "https:evil.example/x",
        "https:\\\\evil.example/x",
        "//evil.example/x",
        "",
    ],
)
def test_only_absolute_http_and_mailto_urls_are_links(url: str) -> None:
    assert not is_safe_url(url)


@pytest.mark.parametrize("url", ["https://example.org/a b", "http://x.example", "mailto:a@b.c"])
def test_http_and_mailto_urls_are_links(url: str) -> None:
    assert is_safe_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "\\\\evil.example/x.png",
        "/\\evil.example/x.png",
        "//evil.example/x.png",
        " //evil.example/x.png",
        "/\t/evil.example/x.png",
        "/\n/evil.example/x.png",
        "https:\\\\evil.example/x.png",
        "javascript:alert(1)",
        "data:image/svg+xml,<svg onload=alert(1)>",
        'x.png" onerror="alert(1)',
    ],
)
def test_image_urls_from_other_hosts_or_with_code_are_refused(url: str) -> None:
    assert not is_safe_image_url(url)


@pytest.mark.parametrize(
    "url", ["/images/logo.png", "images/my logo.png", "https://example.org/x.svg"]
)
def test_site_paths_and_http_images_are_kept(url: str) -> None:
    assert is_safe_image_url(url)


def test_dangerous_schemes_in_any_spelling() -> None:
    assert all(
        is_dangerous_url(url)
        for url in ["JAVASCRIPT:x", "\x00 javascript:x", "jav\tascript:x", "Data:x", "vbscript:x"]
    )
    assert not any(is_dangerous_url(url) for url in ["https://x", "page.html", "#top", ""])


# --- ids and types ------------------------------------------------------------------------------


def test_tool_ids_that_an_anchor_cannot_hold_are_normalised_with_a_warning() -> None:
    where = SourceLocation("tools.yml", 7)
    assert anchor_safe_id("bio.tools", where) == ("bio.tools", [])
    safe, problems = anchor_safe_id('x"><img src=y>', where)
    assert safe == "x-img-src-y"
    assert [str(p.location) for p in problems] == ["tools.yml:7"]
    assert "it is used as 'x-img-src-y'" in problems[0].message
    assert anchor_safe_id("<>", where)[0] == ""


def test_tool_types_lose_markup_and_invisible_characters() -> None:
    assert safe_type("data_repository") == "data_repository"
    assert safe_type('"><script>x</script>') == "scriptx/script"
    assert safe_type("a\u202eb\u2028c") == "a b c"


# --- the payload site -----------------------------------------------------------------------------


@pytest.mark.parametrize("theme", THEMES)
def test_payloads_inject_nothing_under_each_theme(
    make_app: type[SphinxTestApp], payload_root: Path, theme: str
) -> None:
    app, _ = build(make_app, payload_root, confoverrides={"html_theme": theme}, freshenv=True)
    pages = sorted(Path(app.outdir).rglob("*.html"))
    assert len(pages) >= len(payloads())
    found = {page.name: hits for page in pages if (hits := injections(page.read_text("utf-8")))}
    assert found == {}
    warnings = warnings_of(app)
    assert not any("Traceback" in line or "Exception" in line for line in warnings)


def test_each_dangerous_value_is_warned_with_file_and_line(
    make_app: type[SphinxTestApp], payload_root: Path
) -> None:
    app, _ = build(make_app, payload_root, freshenv=True)
    warnings = warnings_of(app)
    registry = str(payload_root / "_data" / "tool_and_resource_list.yml")
    bib = str(payload_root / "_bibliography" / "references.bib")

    def lines(pattern: str) -> list[str]:
        return [line for line in warnings if re.search(pattern, line)]

    # every id the registry had to normalise, at its line (one per payload that is no id)
    ids = lines(r"tool id .* holds characters an anchor cannot")
    assert len([w for w in ids if w.startswith(f"{registry}:")]) == len(payloads())
    assert all(re.match(rf"{re.escape(registry)}:\d+: WARNING", w) for w in ids[:3])
    # the directive's ids and types, at the page's line
    assert any(re.match(r".*/page\d+\.md:\d+: WARNING: tool id", w) for w in ids)
    assert lines(r"page\d+\.md:\d+: WARNING: tool 'declared\d+': type .* holds markup")
    # each BibTeX url that is not a link, at the url's line
    urls = lines(r"BibTeX entry 'key\d+': url .* shown as text, not linked")
    assert urls and all(re.match(rf"{re.escape(bib)}:\d+: ", w) for w in urls)
    bib_lines = Path(bib).read_text("utf-8").split("\n")
    for warning in urls:
        number = int(warning[len(bib) + 1 :].split(":", 1)[0])
        assert bib_lines[number - 1].lstrip().startswith("url = ")
    # image_url paths that lead to another host
    images = lines(r"image_url '.*evil\.example.*' is not an http\(s\) URL or a path of the site")
    assert len(images) >= 2 * 5  # contributors and affiliations, five such payloads each


def test_check_reports_what_the_build_reports(
    make_app: type[SphinxTestApp], payload_root: Path
) -> None:
    app, _ = build(make_app, payload_root, freshenv=True)
    prefix = f"{payload_root}/"
    built = {
        line.replace(prefix, "").split(": WARNING: ")[0] + ": " + line.split(": WARNING: ")[1]
        for line in warnings_of(app)
        if ": WARNING: " in line
        and re.search(r"anchor cannot|shown as text, not linked|is not an http\(s\)", line)
    }
    checked = {
        f"{problem.path}:{problem.line}: {problem.message} [{problem.kind}]"
        for problem in check_site(payload_root)
    }
    missing = sorted(
        warning
        for warning in built
        if "national_resources" not in warning and warning not in checked
    )
    assert missing == []


def test_a_bibtex_style_chosen_in_conf_links_no_dangerous_url(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    """pybtex's own ``plain`` style links any ``url``: the last guard unlinks it."""
    root = tmp_path / "plain"
    root.mkdir()
    (root / "conf.py").write_text(
        'extensions = ["sphinx_ga4gh"]\nbibtex_bibfiles = ["refs.bib"]\n'
        'bibtex_default_style = "plain"\n'
    )
    (root / "refs.bib").write_text(
        "@misc{evil,\n  title = {Evil},\n  year = {2020},\n"
        "  url = {JaVaScRiPt:window.__pwned=1},\n}\n"
    )
    (root / "index.md").write_text("# Home\n\nSee {cite:p}`evil`.\n\n```{bibliography}\n```\n")
    app, _ = build(make_app, root, freshenv=True)
    html = (Path(app.outdir) / "index.html").read_text("utf-8")
    assert not [
        href for href in re.findall(r'href="([^"]*)"', html) if DANGEROUS.match(browser_url(href))
    ]
    warnings = warnings_of(app)
    assert any(
        re.match(rf"{re.escape(str(root))}/refs\.bib:4: WARNING: BibTeX entry 'evil'", w)
        for w in warnings
    )
    assert any("index.md" in w and "is not made" in w for w in warnings)
