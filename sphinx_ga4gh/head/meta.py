"""``html-page-context``: OpenGraph, ``theme-color``, robots and schema.org JSON-LD tags."""

from __future__ import annotations

import json
from html import escape
from typing import Any

from sphinx.application import Sphinx

from ..domain import get_domain
from ..pages.front_matter import front_matter
from .front_matter import no_robots


def absolute_url(app: Sphinx, path: str) -> str:
    """``path`` (relative to the output) under ``html_baseurl``; empty without a base URL."""
    if path.startswith(("https://", "http://")):
        return path
    base = str(app.config.html_baseurl or "")
    return base.rstrip("/") + "/" + path.lstrip("/") if base else ""


def json_for_script(value: Any) -> str:
    """JSON that cannot end the ``<script>`` element it sits in or start a comment: ``<``,
    ``>`` and ``&`` (and the JavaScript line separators) written as ``\\uXXXX`` escapes."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    for char in "<>&\u2028\u2029":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text


def _meta(attribute: str, name: str, content: str) -> str:
    return f'<meta {attribute}="{name}" content="{escape(content, quote=True)}" />\n'


def _page_title(app: Sphinx, pagename: str) -> str:
    """As the theme's ``<title>``: the site's title on the home page, else ``page | site``."""
    project = str(app.config.project or "")
    title = app.env.titles.get(pagename)
    if pagename == app.config.root_doc or title is None:
        return project
    text = title.astext()
    return f"{text} | {project}" if project else text


def json_ld(app: Sphinx, pagename: str) -> dict[str, Any]:
    """The theme's ``schemasorg.html``: the ``WebSite``, with the page's contributors as
    ``Person`` authors (ORCID as ``@id``, affiliation, email, GitHub, role)."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": str(app.config.project or ""),
        "url": str(app.config.html_baseurl or ""),
        "about": str(app.config.ga4gh_site_description or ""),
    }
    names = front_matter(app.env.metadata.get(pagename, {})).contributors
    people = get_domain(app.env).site.contributors
    authors: list[dict[str, Any]] = []
    for name in names:
        person: dict[str, Any] = {"@type": "Person"}
        known = people.get(name)
        if known is not None:
            if known.orcid:
                person["@id"] = person["mainEntityOfPage"] = f"https://orcid.org/{known.orcid}"
            if known.affiliation:
                person["affiliation"] = {"@type": "Organization", "name": known.affiliation}
            if known.email:
                person["email"] = known.email
            if known.git:
                person["url"] = f"https://github.com/{known.git}"
                person["image"] = f"https://avatars.githubusercontent.com/{known.git}"
            if known.role:
                person["jobTitle"] = known.role
        person["name"] = name
        authors.append(person)
    if authors:
        data["author"] = authors
    return data


def add_head_meta(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    if app.builder.name == "epub":  # e-readers read no head metadata of a web page
        return
    config = app.config
    tags: list[str] = []
    title = _page_title(app, pagename)
    description = front_matter(app.env.metadata.get(pagename, {})).description
    description = description or str(config.ga4gh_site_description or "")
    tags.append(_meta("property", "og:title", title))
    if description:
        tags.append(_meta("property", "og:description", " ".join(description.split())))
    tags.append(_meta("property", "og:type", "article"))
    page_url = absolute_url(app, app.builder.get_target_uri(pagename))
    if page_url:
        tags.append(_meta("property", "og:url", page_url))
    image = absolute_url(app, str(config.ga4gh_og_image or "")) if config.ga4gh_og_image else ""
    if image:
        tags.append(_meta("property", "og:image", image))
    if config.project:
        tags.append(_meta("property", "og:site_name", str(config.project)))
    color = str(config.ga4gh_theme_color or "").strip()
    if color:
        tags.append(_meta("name", "theme-color", color if color.startswith("#") else f"#{color}"))
    if no_robots(app.env, pagename):
        tags.append(_meta("name", "robots", "noindex"))
    if config.ga4gh_json_ld:
        tags.append(
            '<script type="application/ld+json">\n'
            + json_for_script(json_ld(app, pagename))
            + "\n</script>\n"
        )
    context["metatags"] = context.get("metatags", "") + "".join(tags)
