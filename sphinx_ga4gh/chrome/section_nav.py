"""The pages of a page's sidebar section, where pydata-sphinx-theme's sidebar shows none.

pydata-sphinx-theme's primary sidebar shows the pages under the current page's top-level
entry. A Jekyll sidebar of single pages (the field guides' "About" sidebar: about, contribute,
contributors) becomes a captioned toctree of the root page whose entries have no children, so
that sidebar would be empty on each of them. For those pages this lists the other entries of
their toctree under its caption, as the Jekyll sidebar did.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment


@dataclass(frozen=True)
class Section:
    caption: str
    docnames: tuple[str, ...]


def root_sections(env: BuildEnvironment) -> list[Section]:
    """The root page's toctrees: caption and documents, in order."""
    root = env.config.root_doc
    if root not in env.all_docs:
        return []
    doctree = env.get_doctree(root)
    sections = []
    for toctree in doctree.findall(addnodes.toctree):
        docnames = tuple(ref for _, ref in toctree["entries"] if ref in env.all_docs)
        sections.append(Section(str(toctree.get("caption") or ""), docnames))
    return sections


def _top_level(env: BuildEnvironment, docname: str, tops: set[str]) -> str | None:
    """The root toctree entry that includes ``docname`` (itself, or through its toctrees)."""
    parents: dict[str, str] = {}
    for parent, children in env.toctree_includes.items():
        for child in children:
            parents.setdefault(child, parent)
    seen = set()
    while docname not in tops and docname in parents and docname not in seen:
        seen.add(docname)
        docname = parents[docname]
    return docname if docname in tops else None


def section_nav_html(app: Sphinx, pagename: str, sections: list[Section]) -> str:
    env = app.env
    tops = {docname for section in sections for docname in section.docnames}
    top = _top_level(env, pagename, tops)
    if top is None or env.toctree_includes.get(top):
        return ""  # the theme's sidebar shows the pages under ``top``
    section = next(section for section in sections if top in section.docnames)
    items = []
    for docname in section.docnames:
        title = env.titles[docname].astext() if docname in env.titles else docname
        uri = app.builder.get_relative_uri(pagename, docname)
        if docname == pagename:
            items.append(
                f'<li class="current"><a aria-current="page" href="#">{escape(title)}</a></li>'
            )
        else:
            items.append(f'<li><a href="{escape(uri)}">{escape(title)}</a></li>')
    caption = escape(section.caption or "Pages")
    return (
        f'<nav class="ga4gh-section-nav" aria-label="{caption}">'
        f'<p class="ga4gh-section-nav-caption">{caption}</p><ul>{"".join(items)}</ul></nav>'
    )
