"""The site's sidebars (``_data/sidebars/*.yml``) as Sphinx toctrees.

Each sidebar becomes a toctree of the root page with the sidebar's title as caption; an item's
``subitems`` become a hidden toctree at the end of that item's page, so the navigation nests as
it did. An item without a page of its own (a heading) passes its subitems up; the page the
sidebar's ``title_url`` names comes first in the sidebar's toctree. Pages that no
sidebar names still go into a last "More pages" toctree, so Sphinx reaches every page, except
the 404 page and page templates that no sidebar names: Jekyll's navigation never led to them,
so they become orphans (``orphan: true``), out of the navbar, the PDF and Sphinx's toctree check.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..text.liquid import Finding
from .jekyll import JekyllPage, JekyllSite

MORE_PAGES_CAPTION = "More pages"


@dataclass
class Navigation:
    #: ``(caption, entries)`` for the root page, in order.
    root: list[tuple[str, list[str]]] = field(default_factory=list)
    #: docname → entries of the hidden toctree appended to that page.
    children: dict[str, list[str]] = field(default_factory=dict)
    findings: list[tuple[str, Finding]] = field(default_factory=list)
    #: Docnames of the 404 page and page templates that no sidebar names.
    orphans: set[str] = field(default_factory=set)


def _line(item: Any, key: str) -> int:
    line_of = getattr(item, "line_of", None)
    return int(line_of(key)) if line_of is not None else 1


def _text(item: dict[str, Any], key: str) -> str:
    """The item's ``key`` as text; a list or mapping there counts as unset."""
    value = item.get(key)
    return "" if isinstance(value, (list, dict)) or value is None else str(value).strip()


class _Builder:
    def __init__(self, site: JekyllSite, root_docname: str) -> None:
        self.site = site
        self.navigation = Navigation()
        self.placed = {root_docname}

    def entry(self, page: JekyllPage, title: str) -> str:
        own_title = str(page.front_matter.get("title") or "")
        target = "/" + page.docname
        return f"{title} <{target}>" if title and title != own_title else target

    def wrong_shape(self, sidebar_file: str, line: int, message: str) -> None:
        finding = Finding(line, "sidebar", "", False, f"{message}; ignored")
        self.navigation.findings.append((sidebar_file, finding))

    def collect(self, items: Any, sidebar_file: str, line: int = 1) -> list[str]:
        entries: list[str] = []
        if items is not None and not isinstance(items, list):
            self.wrong_shape(sidebar_file, line, "'subitems' is not a list of items")
        for number, item in enumerate(items if isinstance(items, list) else []):
            if not isinstance(item, dict):
                item_lines = getattr(items, "item_lines", [])
                item_line = item_lines[number] if number < len(item_lines) else line
                self.wrong_shape(sidebar_file, item_line, "a sidebar item that is not a mapping")
                continue
            for key in ("title", "url", "external_url"):
                if isinstance(item.get(key), (list, dict)):
                    self.wrong_shape(sidebar_file, _line(item, key), f"'{key}' is not text")
            title = " ".join(_text(item, "title").split())
            external = _text(item, "external_url")
            if external:
                entries.append(f"{title or external} <{external}>")
                continue
            url = _text(item, "url")
            page = self.site.page_by_url(url) if url else None
            if page is None and url:
                message = f"sidebar item {title!r}: no page has the URL {url}"
                finding = Finding(_line(item, "url"), "sidebar", url, False, message)
                self.navigation.findings.append((sidebar_file, finding))
            children = self.collect(item.get("subitems"), sidebar_file, _line(item, "subitems"))
            # An HTML page is not migrated (the homepage is the root page already).
            if page is None or not page.is_markdown:
                entries.extend(children)
                continue
            if page.docname not in self.placed:
                self.placed.add(page.docname)
                entries.append(self.entry(page, title))
            if children:
                self.navigation.children.setdefault(page.docname, []).extend(children)
        return entries


def _sidebar_order(name: str) -> tuple[bool, str]:
    return (name != "main", name)


def build_navigation(site: JekyllSite, root_docname: str) -> Navigation:
    builder = _Builder(site, root_docname)
    for name in sorted(site.sidebars, key=_sidebar_order):
        sidebar = site.sidebars[name]
        # ``title_url``: the page the sidebar's title links to, first of its section
        title_page = (
            site.page_by_url(_text(sidebar, "title_url")) if sidebar.get("title_url") else None
        )
        entries = []
        if (
            title_page is not None
            and title_page.is_markdown
            and title_page.docname not in builder.placed
        ):
            builder.placed.add(title_page.docname)
            entries.append(builder.entry(title_page, ""))
        entries += builder.collect(
            sidebar.get("subitems"), f"_data/sidebars/{name}.yml", _line(sidebar, "subitems")
        )
        if entries:
            caption = " ".join(
                str(sidebar.get("title") or name.replace("_", " ").capitalize()).split()
            )
            builder.navigation.root.append((caption, entries))
    unplaced_pages = [
        page for page in site.pages if page.is_markdown and page.docname not in builder.placed
    ]
    builder.navigation.orphans = {
        page.docname for page in unplaced_pages if page.is_template_or_404
    }
    unplaced = sorted(
        page.docname for page in unplaced_pages if page.docname not in builder.navigation.orphans
    )
    if unplaced:
        builder.navigation.root.append((MORE_PAGES_CAPTION, ["/" + name for name in unplaced]))
    return builder.navigation


def toctree(entries: list[str], caption: str = "") -> str:
    lines = ["```{toctree}"]
    if caption:
        lines.append(f":caption: {caption}")
    lines += [":hidden:", "", *entries, "```"]
    return "\n".join(lines)
