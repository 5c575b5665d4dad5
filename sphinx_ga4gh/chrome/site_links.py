"""Where a link of the site chrome (``/about``, ``contribute``, ``assets/img/logo.svg``) goes.

Jekyll links in data files are the site's URLs. The migrated page that had that URL is found
as :mod:`sphinx_ga4gh.pages.links` finds pages: by ``page_id``, by document name, by the
``permalink`` its front matter kept, and by its last path segment as a page id. A path that
is no page is a file of the site (``ga4gh_site_files`` copies them to the same place).
"""

from __future__ import annotations

from dataclasses import dataclass

from sphinx.environment import BuildEnvironment

from ..data.urls import is_safe_url, is_site_path
from ..domain import get_domain

_SUFFIXES = (".html", ".md")


def _normal(path: str) -> str:
    path = path.strip().strip("/")
    for suffix in _SUFFIXES:
        if path.endswith(suffix):
            path = path[: -len(suffix)]
    return path


@dataclass(frozen=True)
class Target:
    """A docname (with a fragment) or a file of the site, or an external URL."""

    docname: str = ""
    fragment: str = ""
    file: str = ""
    external: str = ""


def page_for_url(env: BuildEnvironment, url: str) -> tuple[str, str] | None:
    """``(docname, fragment)`` of the page a site URL names, or None."""
    path, _, fragment = url.partition("#")
    path = path.partition("?")[0]
    name = _normal(path)
    if name in ("", "index"):
        return env.config.root_doc, fragment
    pages = get_domain(env).pages
    if name in pages:
        return pages[name].docname, fragment
    if name in env.found_docs:
        return name, fragment
    if f"{name}/index" in env.found_docs:  # Jekyll serves ``/about/`` from ``about/index``
        return f"{name}/index", fragment
    for docname in sorted(env.found_docs):
        permalink = env.metadata.get(docname, {}).get("permalink")
        if isinstance(permalink, str) and ":" not in permalink and _normal(permalink) == name:
            return docname, fragment
    last = name.rsplit("/", 1)[-1]
    if last in pages:
        return pages[last].docname, fragment
    # Jekyll's ``permalink: /:basename``: the one page whose file has that name
    same_name = [docname for docname in env.found_docs if docname.rsplit("/", 1)[-1] == last]
    if len(same_name) == 1:
        return same_name[0], fragment
    return None


def resolve(env: BuildEnvironment, url: str, external_url: str = "") -> Target | None:
    """What a chrome link points at; None when it cannot be linked (unsafe, unknown)."""
    if external_url:
        return Target(external=external_url) if is_safe_url(external_url) else None
    if not url:
        return None
    if is_safe_url(url):
        return Target(external=url)
    if url.startswith("#"):
        return Target(docname="", fragment=url[1:])
    if not is_site_path(url):
        return None
    page = page_for_url(env, url)
    if page is not None:
        return Target(docname=page[0], fragment=page[1])
    return Target(file=url.strip().lstrip("/"))
