"""The site's ``_data/footer.yml`` and ``_data/topnav.yml``, read into plain records.

The shapes are the ELIXIR toolkit theme's (``_includes/footer.html``, ``_includes/topnav.html``).
An entry of the wrong shape is left out with a ``ga4gh.data`` warning at its line; the rest is
kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..data.diagnostics import Diagnostic, SourceLocation
from ..data.yaml_source import YamlLoadError, load_yaml

FOOTER_COLUMN_TYPES = ("image", "links", "text")


@dataclass(frozen=True)
class Link:
    """A footer or topnav link: ``url`` (the site's) or ``external_url``, either may be empty."""

    text: str
    url: str = ""
    external_url: str = ""
    line: int = 1
    #: A dropdown separator (topnav ``hr: true``).
    separator: bool = False
    children: tuple[Link, ...] = ()


@dataclass(frozen=True)
class FooterColumn:
    kind: str
    line: int
    width: str = ""
    title: str = ""
    src: str = ""
    alt: str = ""
    image_width: str = ""
    content: str = ""
    links: tuple[Link, ...] = ()


@dataclass
class Footer:
    path: str = ""
    columns: list[FooterColumn] = field(default_factory=list)
    extra_line: str = ""
    copyright: str = ""

    def __bool__(self) -> bool:
        return bool(self.columns or self.extra_line or self.copyright)


@dataclass
class TopNav:
    path: str = ""
    items: list[Link] = field(default_factory=list)


def _line(item: Any, key: str | None = None) -> int:
    if key is not None and hasattr(item, "line_of"):
        return int(item.line_of(key))
    return int(getattr(item, "line", 1))


def _text(item: dict[str, Any], key: str) -> str:
    value = item.get(key)
    if value is None or isinstance(value, (list, dict)):
        return ""
    return " ".join(str(value).split()) if key not in ("content",) else str(value)


def _read(root: Path, relpath: str, problems: list[Diagnostic]) -> Any:
    path = root / relpath
    if not relpath or not path.is_file():
        return None
    try:
        return load_yaml(path, str(path))
    except YamlLoadError as error:
        problems.append(error.diagnostic)
        return None


def _problem(problems: list[Diagnostic], relpath: str, line: int, message: str) -> None:
    problems.append(Diagnostic(message, SourceLocation(relpath, line), "data"))


def _mapping_items(value: Any, relpath: str, what: str, problems: list[Diagnostic]) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        _problem(problems, relpath, _line(value), f"{what} is not a list; ignored")
        return []
    lines = getattr(value, "item_lines", [])
    items = []
    for number, item in enumerate(value):
        if isinstance(item, dict):
            items.append(item)
        else:
            line = lines[number] if number < len(lines) else 1
            _problem(problems, relpath, line, f"an entry of {what} is not a mapping; ignored")
    return items


def _link(item: dict[str, Any], text_key: str) -> Link:
    return Link(
        text=_text(item, text_key),
        url=_text(item, "url"),
        external_url=_text(item, "external_url"),
        line=_line(item),
        separator=item.get("hr") is True,
    )


def load_footer(root: Path, relpath: str) -> tuple[Footer, list[Diagnostic]]:
    problems: list[Diagnostic] = []
    data = _read(root, relpath, problems)
    relpath = str(root / relpath)  # warnings name the file as the build's other warnings do
    footer = Footer(path=relpath)
    if data is None:
        return footer, problems
    if not isinstance(data, dict):
        _problem(problems, relpath, 1, "the footer is not a mapping; ignored")
        return footer, problems
    footer.extra_line = _text(data, "extra_line")
    footer.copyright = str(data.get("copyright") or "").strip()
    for item in _mapping_items(data.get("columns"), relpath, "'columns'", problems):
        kind = _text(item, "type")
        if kind not in FOOTER_COLUMN_TYPES:
            message = f"footer column type {kind!r} is not one of {', '.join(FOOTER_COLUMN_TYPES)}"
            _problem(problems, relpath, _line(item, "type"), message + "; ignored")
            continue
        children = _mapping_items(item.get("children"), relpath, "'children'", problems)
        footer.columns.append(
            FooterColumn(
                kind=kind,
                line=_line(item),
                width=_text(item, "width"),
                title=_text(item, "title"),
                src=_text(item, "src"),
                alt=_text(item, "alt"),
                image_width=_text(item, "image_width"),
                content=_text(item, "content"),
                links=tuple(_link(child, "url_text") for child in children),
            )
        )
    return footer, problems


def load_topnav(root: Path, relpath: str) -> tuple[TopNav, list[Diagnostic]]:
    problems: list[Diagnostic] = []
    data = _read(root, relpath, problems)
    relpath = str(root / relpath)
    topnav = TopNav(path=relpath)
    if data is None:
        return topnav, problems
    if not isinstance(data, dict):
        _problem(problems, relpath, 1, "the top navigation is not a mapping; ignored")
        return topnav, problems
    for item in _mapping_items(data.get("subitems"), relpath, "'subitems'", problems):
        subitems = _mapping_items(item.get("subitems"), relpath, "'subitems'", problems)
        link = _link(item, "title")
        children = tuple(_link(child, "title") for child in subitems)
        topnav.items.append(
            Link(link.text, link.url, link.external_url, link.line, link.separator, children)
        )
    return topnav, problems
