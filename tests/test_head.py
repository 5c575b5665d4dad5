"""Issue 17 point 5, the page head: OpenGraph and ``theme-color`` meta, robots, schema.org
JSON-LD, analytics with the cookie notice, ``sitemap.xml`` and ``redirect_from`` pages, the
same after incremental and parallel builds as after a fresh one."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from sphinx_ga4gh.migration.head import site_base_url
from sphinx_ga4gh.migration.jekyll import read_site

from conftest import ROOTS, build, copy_root, html_of, warnings_of

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def sitemap_of(outdir: Path) -> list[str]:
    root = ElementTree.parse(outdir / "sitemap.xml").getroot()
    return [loc.text or "" for loc in root.iter(f"{SITEMAP}loc")]


def meta(page: BeautifulSoup, key: str) -> str | None:
    tag = page.find("meta", attrs={"property": key}) or page.find("meta", attrs={"name": key})
    return None if tag is None else str(tag["content"])


def json_ld(page: BeautifulSoup) -> dict[str, Any]:
    script = page.find("script", attrs={"type": "application/ld+json"})
    assert script is not None
    data: dict[str, Any] = json.loads(script.string or "")
    return data


@pytest.fixture
def head_app(make_app: type[SphinxTestApp], tmp_path: Path) -> SphinxTestApp:
    app, _ = build(make_app, copy_root(ROOTS / "test-head", tmp_path))
    return app


def test_open_graph_theme_color_and_robots(head_app: SphinxTestApp) -> None:
    moved = html_of(head_app, "moved")
    assert meta(moved, "og:title") == "Moved page | Head guide"
    assert meta(moved, "og:description") == 'A page that "moved" here & stayed.'
    assert meta(moved, "og:url") == "https://head.example.org/guide/moved.html"
    assert meta(moved, "og:image") == (
        "https://head.example.org/guide/assets/img/apple-touch-icon.png"
    )
    assert meta(moved, "theme-color") == "#c23669"
    assert meta(moved, "robots") is None
    home = html_of(head_app, "index")
    assert meta(home, "og:title") == "Head guide"
    assert meta(home, "og:description") == "A guide with a head."
    assert meta(html_of(head_app, "hidden"), "robots") == "noindex"


def test_json_ld_names_the_contributors_as_the_theme_did(head_app: SphinxTestApp) -> None:
    data = json_ld(html_of(head_app, "moved"))
    assert data["@type"] == "WebSite"
    assert data["name"] == "Head guide"
    assert data["url"] == "https://head.example.org/guide/"
    assert data["about"] == "A guide with a head."
    nia, unknown = data["author"]
    assert nia == {
        "@type": "Person",
        "@id": "https://orcid.org/0000-0002-1825-0097",
        "mainEntityOfPage": "https://orcid.org/0000-0002-1825-0097",
        "affiliation": {"@type": "Organization", "name": "Example Genomics Institute"},
        "email": "nia@example.org",
        "url": "https://github.com/nia-example",
        "image": "https://avatars.githubusercontent.com/nia-example",
        "jobTitle": "editor",
        "name": "Nia Mensah",
    }
    assert unknown == {"@type": "Person", "name": "Someone Unknown"}
    assert "author" not in json_ld(html_of(head_app, "privacy"))


def test_hostile_front_matter_cannot_leave_the_script(head_app: SphinxTestApp) -> None:
    raw = (head_app.outdir / "hostile.html").read_text("utf-8")
    block = raw.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in block and ">" not in block and "&" not in block
    data = json.loads(block)
    assert data["author"][0]["name"] == "Evil </script><script>alert(1)</script>"
    assert data["author"][0]["jobTitle"] == "</SCRIPT><!-- & -->"
    page = html_of(head_app, "hostile")
    assert meta(page, "og:description") == "</script><script>alert(2)</script>"
    # the only scripts are Sphinx's own and the JSON-LD
    assert "alert(" not in "".join(str(s) for s in page.find_all("script") if not s.get("type"))


def test_sitemap_lists_every_page_but_those_left_out(head_app: SphinxTestApp) -> None:
    base = "https://head.example.org/guide/"
    assert sitemap_of(head_app.outdir) == [
        base + "clash.html",
        base + "hostile.html",
        base,
        base + "moved.html",
        base + "privacy.html",
    ]


def test_no_sitemap_without_a_base_url(make_app: type[SphinxTestApp], tmp_path: Path) -> None:
    root = copy_root(ROOTS / "test-head", tmp_path)
    app, _ = build(make_app, root, confoverrides={"html_baseurl": ""})
    assert not (app.outdir / "sitemap.xml").exists()
    assert meta(html_of(app, "moved"), "og:url") is None
    assert meta(html_of(app, "moved"), "og:image") is None


def test_redirects_lead_to_the_page_and_bad_ones_warn(head_app: SphinxTestApp) -> None:
    out = head_app.outdir
    older = BeautifulSoup((out / "older/name/index.html").read_text("utf-8"), "html.parser")
    assert older.find("meta", attrs={"http-equiv": "refresh"})["content"] == (
        "0; url=../../moved.html"
    )
    assert older.find("link", rel="canonical")["href"] == (
        "https://head.example.org/guide/moved.html"
    )
    assert meta(older, "robots") == "noindex"
    assert "moved.html" in (out / "oldest.html").read_text("utf-8")
    # the first page by name takes a path two pages claim
    assert "clash.html" in (out / "old-name.html").read_text("utf-8")
    assert "Moved page" in (out / "moved.html").read_text("utf-8")
    assert not list(out.rglob("passwd*"))
    warnings = [line for line in warnings_of(head_app) if "redirect_from" in line]
    assert len(warnings) == 4, warnings
    assert all("[ga4gh.page]" in line for line in warnings)
    assert any("clash.md:2:" in line and "'/moved.html'" in line for line in warnings)
    assert any("clash.md" in line and "'../../etc/passwd'" in line for line in warnings)
    assert any("clash.md" in line and "elsewhere.example.org" in line for line in warnings)
    assert any("moved.md:6:" in line and "'/old-name'" in line for line in warnings)


def test_analytics_are_off_until_configured(head_app: SphinxTestApp) -> None:
    raw = (head_app.outdir / "moved.html").read_text("utf-8")
    assert "googletagmanager" not in raw and "_paq" not in raw and "plausible" not in raw


ANALYTICS = {
    "ga4gh_google_analytics": "G-TEST123",
    "ga4gh_plausible_domain": "head.example.org",
    "ga4gh_matomo_url": "https://stats.example.org/",
    "ga4gh_matomo_id": "7",
    "ga4gh_matomo_cookies": False,
    "ga4gh_privacy_url": "/privacy",
}


def test_analytics_and_cookie_notice(make_app: type[SphinxTestApp], tmp_path: Path) -> None:
    root = copy_root(ROOTS / "test-head", tmp_path)
    app, _ = build(make_app, root, confoverrides=ANALYTICS)
    page = html_of(app, "moved")
    sources = [str(s.get("src")) for s in page.find_all("script") if s.get("src")]
    assert "https://www.googletagmanager.com/gtag/js?id=G-TEST123" in sources
    assert "https://plausible.io/js/plausible.js" in sources
    plausible = page.find("script", attrs={"data-domain": True})
    assert plausible is not None and plausible["data-domain"] == "head.example.org"
    inline = "".join(s.string or "" for s in page.find_all("script") if not s.get("src"))
    assert "gtag('config', \"G-TEST123\")" in inline
    assert "_paq.push(['disableCookies']);" in inline
    assert 'var u = "https://stats.example.org/";' in inline
    assert "_paq.push(['setSiteId', \"7\"]);" in inline
    assert 'var privacy = "privacy.html";' in inline
    assert "Got it!" in inline


def test_analytics_can_be_switched_off(make_app: type[SphinxTestApp], tmp_path: Path) -> None:
    root = copy_root(ROOTS / "test-head", tmp_path)
    app, _ = build(make_app, root, confoverrides={**ANALYTICS, "ga4gh_analytics": False})
    raw = (app.outdir / "moved.html").read_text("utf-8")
    assert "googletagmanager" not in raw and "_paq" not in raw and "Got it!" not in raw


def outputs(outdir: Path) -> dict[str, str]:
    """The sitemap and every redirect page."""
    found = {"sitemap.xml": (outdir / "sitemap.xml").read_text("utf-8")}
    for path in outdir.rglob("*.html"):
        text = path.read_text("utf-8")
        if "<title>Redirecting…</title>" in text:
            found[path.relative_to(outdir).as_posix()] = text
    return found


def test_incremental_and_parallel_builds_give_the_fresh_sitemap_and_redirects(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    root = copy_root(ROOTS / "test-head", tmp_path, "incremental")
    build(make_app, root)
    moved = root / "moved.md"
    moved.write_text(
        moved.read_text("utf-8").replace("  - /oldest.html\n", "  - /newest/\n"), "utf-8"
    )
    hidden = root / "hidden.md"
    hidden.write_text(hidden.read_text("utf-8").replace("sitemap: false\n", ""), "utf-8")
    incremental, read = build(make_app, root)
    assert sorted(read) == ["hidden", "moved"]
    fresh_root = copy_root(root, tmp_path, "fresh")
    fresh, _ = build(make_app, fresh_root, freshenv=True)
    parallel_root = copy_root(root, tmp_path, "parallel")
    parallel, _ = build(make_app, parallel_root, freshenv=True, parallel=2)
    expected = outputs(fresh.outdir)
    assert "newest/index.html" in expected and "oldest.html" not in expected
    assert "https://head.example.org/guide/hidden.html" in sitemap_of(fresh.outdir)
    # the incremental build's output folder still holds the old redirect file, as Sphinx
    # keeps every file it wrote before; its content is what the fresh build gives
    got = outputs(incremental.outdir)
    assert {name: got[name] for name in expected} == expected
    assert outputs(parallel.outdir) == expected
    assert re.search("clash.html", got["old-name.html"])


@pytest.mark.parametrize(
    ("config", "cname", "expected"),
    [
        ("url: https://guide.example.org\nbaseurl: /fg\n", None, "https://guide.example.org/fg/"),
        ("url: https://guide.example.org/\n", None, "https://guide.example.org/"),
        ("title: x\n", "www.example-toolkit.org\n", "https://www.example-toolkit.org/"),
        (
            "repository: Example-Org/field-guide\n",
            None,
            "https://example-org.github.io/field-guide/",
        ),
        ("repository: example-org/example-org.github.io\n", None, "https://example-org.github.io/"),
        ("url: javascript:alert(1)\n", None, ""),
        ("title: x\n", None, ""),
    ],
)
def test_the_site_address_from_config_cname_or_repository(
    tmp_path: Path, config: str, cname: str | None, expected: str
) -> None:
    (tmp_path / "_config.yml").write_text(config, "utf-8")
    if cname is not None:
        (tmp_path / "CNAME").write_text(cname, "utf-8")
    assert site_base_url(read_site(tmp_path)) == expected
