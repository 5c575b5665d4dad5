"""The conf.py block for the page head: the site's address, theme colour, OpenGraph image,
analytics and privacy page, and the 404 page (sphinx-notfound-page), from ``_config.yml``."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from .jekyll import JekyllSite

#: The theme's ``theme-color`` when the site sets none (``head.html``).
THEME_DEFAULT_COLOR = "0d6efd"
#: The theme's social image (``og:image``), when the site has it.
OG_IMAGE = "assets/img/apple-touch-icon.png"


def _text(value: Any) -> str:
    return "" if value is None or isinstance(value, (dict, list)) else str(value).strip()


def site_base_url(site: JekyllSite) -> str:
    """``url`` + ``baseurl`` as Jekyll joins them; else the custom domain of ``CNAME`` (GitHub
    Pages); else the ``github.io`` address of ``repository``; empty when none is known."""
    config = site.config
    url, baseurl = _text(config.get("url")), _text(config.get("baseurl"))
    if not url:
        cname_file = site.root / "CNAME"
        cname = cname_file.read_text(errors="replace").strip() if cname_file.is_file() else ""
        if re.fullmatch(r"[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?", cname):
            url = "https://" + cname
        elif "/" in _text(config.get("repository")):
            owner, name = _text(config.get("repository")).split("/", 1)
            url = f"https://{owner.lower()}.github.io"
            if name.lower() != f"{owner.lower()}.github.io":
                baseurl = baseurl or "/" + name
    if not url or urlsplit(url).scheme not in ("http", "https"):
        return ""
    return url.rstrip("/") + "/" + baseurl.strip("/") + ("/" if baseurl.strip("/") else "")


def _privacy(site: JekyllSite) -> str:
    """The privacy page: the migrated page's docname when it is one of the site's."""
    variables = site.config.get("theme_variables")
    value = _text(variables.get("privacy_statement_url")) if isinstance(variables, dict) else ""
    value = value or "/privacy"
    page = site.page_by_url(value) if value.startswith("/") else None
    return page.docname if page is not None else value


def head_conf_lines(site: JekyllSite) -> list[str]:
    """The lines of conf.py (values as Python literals: site text never runs)."""
    config = site.config
    variables = config.get("theme_variables")
    variables = variables if isinstance(variables, dict) else {}
    base = site_base_url(site)
    lines = ["# The page head, sitemap.xml, redirects and 404 page (from _config.yml)."]
    if base:
        lines += [f"html_baseurl = {base!r}"]
    else:
        lines += ["# no url in _config.yml: set html_baseurl for sitemap.xml and og:url", ""]
    color = _text(variables.get("theme_color")) or THEME_DEFAULT_COLOR
    lines += [f"ga4gh_theme_color = {color!r}"]
    if (site.root / OG_IMAGE).is_file():
        lines += [f"ga4gh_og_image = {OG_IMAGE!r}"]
    analytics = {
        "ga4gh_google_analytics": _text(config.get("gtag")),
        "ga4gh_plausible_domain": _text(config.get("plausible")),
        "ga4gh_plausible_src": _text(config.get("plausible_src")),
        "ga4gh_matomo_url": _text(config.get("matomo")),
        "ga4gh_matomo_id": _text(config.get("matomo_id")),
    }
    lines += [f"{name} = {value!r}" for name, value in analytics.items() if value]
    if config.get("matomo_cookies") is False:
        lines += ["ga4gh_matomo_cookies = False"]
    if analytics["ga4gh_google_analytics"]:
        lines += [f"ga4gh_privacy_url = {_privacy(site)!r}"]
    prefix = urlsplit(base).path or "/" if base else "/"
    lines += [
        "# A 404.html that works at any depth (its links start at the site's root path).",
        'extensions.append("notfound.extension")',
        f"notfound_urls_prefix = {prefix!r}",
        "",
    ]
    return lines
