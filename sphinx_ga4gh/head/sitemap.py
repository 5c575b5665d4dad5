"""``sitemap.xml`` of every page but those with ``sitemap: false`` (jekyll-sitemap).

Not sphinx-sitemap: it lists the pages written in this build (``html-page-context``), so an
incremental build that rewrites one page writes a sitemap of one page, and it has no per-page
exclusion but patterns in conf.py. Here the list comes from the environment, which holds
every page after any build, incremental or parallel.
"""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

from sphinx.application import Sphinx

from .front_matter import in_sitemap

SITEMAP_NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
#: Builders whose pages have one address each.
PAGE_BUILDERS = ("html", "dirhtml")
#: Not in jekyll-sitemap's list either.
NOT_LISTED = ("404",)


def sitemap_urls(app: Sphinx) -> list[str]:
    base = str(app.config.html_baseurl).rstrip("/") + "/"
    env = app.env
    # ``index.html`` is served at its folder's address, which Jekyll listed
    return [
        base + app.builder.get_target_uri(docname).removesuffix("index.html")
        for docname in sorted(env.found_docs)
        if docname not in NOT_LISTED and in_sitemap(env, docname)
    ]


def write_sitemap(app: Sphinx, exception: BaseException | None) -> None:
    if exception is not None or app.builder.name not in PAGE_BUILDERS:
        return
    if not app.config.ga4gh_sitemap or not app.config.html_baseurl:
        return
    root = ElementTree.Element("urlset", xmlns=SITEMAP_NAMESPACE)
    for url in sitemap_urls(app):
        ElementTree.SubElement(ElementTree.SubElement(root, "url"), "loc").text = url
    ElementTree.indent(root)
    tree = ElementTree.ElementTree(root)
    tree.write(Path(app.outdir) / "sitemap.xml", encoding="utf-8", xml_declaration=True)
