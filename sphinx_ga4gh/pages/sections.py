"""Where the extension adds its own sections (tool table, related pages, resources, people)."""

from __future__ import annotations

from collections.abc import Container

from docutils import nodes


def content_root(document: nodes.document) -> nodes.Element:
    """The page's top section (so added sections nest under the title), else the document."""
    sections = [child for child in document.children if isinstance(child, nodes.section)]
    return sections[0] if len(sections) == 1 else document


def append_section(document: nodes.document, title: str, classes: list[str]) -> nodes.section:
    """A new titled section at the end of the page, with an id from its title; fill it after."""
    section = nodes.section("", classes=classes)
    section += nodes.title(title, title)
    section["names"].append(nodes.fully_normalize_name(title))
    content_root(document).append(section)
    document.note_implicit_target(section, section)
    return section


def unique_id(base: str, taken: Container[str]) -> str:
    """``base``, or ``base-2``, ``base-3``, … : the first that ``taken`` (ids in use) lacks."""
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    return candidate
