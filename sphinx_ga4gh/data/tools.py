"""The tool and resource registry (SPEC §3): records, registry links, validation."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple
from urllib.parse import quote

from .diagnostics import Diagnostic, SourceLocation, did_you_mean
from .entries import mapping_entries
from .markdown import unsafe_links
from .schema import TOOL_KEYS, repeated_keys, unknown_keys_in_file
from .urls import is_safe_image_url, is_safe_url
from .yaml_source import LocatedDict

#: Value that the registries use for "this tool has no such entry".
ABSENT = "NA"


@dataclass(frozen=True)
class RegistryLinkType:
    """One kind of registry link: its YAML key, badge label, URL pattern (``{}`` is the value)
    and an optional icon (an image URL or site path shown in the HTML badge)."""

    key: str
    label: str
    url_pattern: str
    icon: str = ""

    def url_for(self, value: str) -> str:
        return self.url_pattern.format(quote(value, safe="/:._-"))


#: The ELIXIR registry links, in the order the badges are shown.
ELIXIR_REGISTRY_LINKS: tuple[RegistryLinkType, ...] = (
    RegistryLinkType("biotools", "Tool info", "https://bio.tools/{}"),
    RegistryLinkType(
        "fairsharing", "Standards/Databases", "https://fairsharing.org/FAIRsharing.{}"
    ),
    RegistryLinkType("fairsharing-coll", "Standards/Databases", "https://fairsharing.org/{}"),
    RegistryLinkType("tess", "Training", "https://tess.elixir-europe.org/search?q={}"),
    RegistryLinkType("europmc", "Publication", "https://europepmc.org/article/MED/{}"),
)


def parse_link_types(
    value: Any, location: SourceLocation
) -> tuple[tuple[RegistryLinkType, ...], list[Diagnostic]]:
    """``ga4gh_registry_links`` from conf.py: a list of mappings with ``key``, ``label``,
    ``url`` (a pattern with ``{}``) and optional ``icon``; None keeps the ELIXIR set."""
    if value is None:
        return ELIXIR_REGISTRY_LINKS, []
    problems: list[Diagnostic] = []
    if not isinstance(value, (list, tuple)):
        message = "ga4gh_registry_links must be a list of {key, label, url[, icon]} mappings"
        return ELIXIR_REGISTRY_LINKS, [Diagnostic(message, location, "config")]
    link_types: list[RegistryLinkType] = []
    for position, item in enumerate(value, start=1):
        fields = item if isinstance(item, dict) else {}
        key, label, url = (_text(fields.get(name)) for name in ("key", "label", "url"))
        icon = _text(fields.get("icon"))
        if not (key and label and url):
            problems.append(
                Diagnostic(
                    f"ga4gh_registry_links: entry {position} needs 'key', 'label' and 'url'; "
                    "it is skipped",
                    location,
                    "config",
                )
            )
            continue
        if "{}" not in url or not is_safe_url(url.replace("{}", "x")):
            problems.append(
                Diagnostic(
                    f"ga4gh_registry_links: {key!r}: url {url!r} must be an http(s) URL with "
                    "'{}' where the value goes; it is skipped",
                    location,
                    "config",
                )
            )
            continue
        if icon and not is_safe_image_url(icon):
            problems.append(
                Diagnostic(
                    f"ga4gh_registry_links: {key!r}: icon {icon!r} is not an http(s) URL or a "
                    "path of the site; the badge has no icon",
                    location,
                    "config",
                )
            )
            icon = ""
        link_types.append(RegistryLinkType(key, label, url, icon))
    return tuple(link_types), problems


@dataclass(frozen=True)
class Badge:
    """A link shown as a badge next to a tool: its kind (``website``, ``biotools``…)."""

    kind: str
    label: str
    url: str
    icon: str = ""


@dataclass
class Tool:
    """One entry of the registry, or one declared by a ``{ga4gh:tool}`` directive."""

    id: str
    name: str
    location: SourceLocation
    url: str | None = None
    description: str = ""
    type: str = ""
    registry: dict[str, str] = field(default_factory=dict)
    instance_of: str | None = None
    how_to_access: str = ""
    #: Page ids (or document names) whose tool tables list the tool (``related_pages``).
    related_pages: tuple[str, ...] = ()
    related_pages_line: int = 0
    #: Values of the keys the site declares (``ga4gh_registry_extra_keys``), as text.
    extra: dict[str, str] = field(default_factory=dict)
    #: The site's kinds of registry link (``ga4gh_registry_links``), in badge order.
    link_types: tuple[RegistryLinkType, ...] = ELIXIR_REGISTRY_LINKS

    def badges(self) -> list[Badge]:
        """Website first, then the registry links in the order of the site's link types."""
        badges = [Badge("website", "Website", self.url)] if self.url else []
        for link in self.link_types:
            value = self.registry.get(link.key)
            if value:
                badges.append(Badge(link.key, link.label, link.url_for(value), link.icon))
        return badges


class Instance(NamedTuple):
    """An instance of a tool: a registry entry or a page's national resource naming it as
    ``instance_of``; ``url`` empty when it has none."""

    name: str
    url: str


class Relatives(NamedTuple):
    """A tool's parent (what it is an instance of) and its instances, as tool content shows
    them."""

    parent: Tool | None = None
    instances: tuple[Instance, ...] = ()


def _text(value: Any) -> str:
    """Scalars of the registry as text; ``None`` (an empty YAML value) as empty."""
    if value is None:
        return ""
    return str(value).strip()


#: What a tool id may hold: it is an anchor (``#tool-row-<id>``), a role target and a key of
#: the JSON export. Letters, digits and ``. _ - + :`` (every real registry's ids fit).
_NOT_ID = re.compile(r"[^\w.+:-]+")
#: Never in a type: it is a heading and a link (``#cap-<type>``) of the tools index.
_NOT_IN_TYPE = re.compile(r"[<>\"'`\\]")


def anchor_safe_id(
    raw: str, location: SourceLocation, what: str = "tool id"
) -> tuple[str, list[Diagnostic]]:
    """``raw`` as a tool id: as it is when it holds only letters, digits and ``. _ - + :``;
    otherwise each run of other characters becomes ``-`` (and a warning says so). Empty when
    nothing is left."""
    safe = _NOT_ID.sub("-", raw.strip()).strip("-")
    if safe == raw.strip():
        return safe, []
    outcome = f"it is used as {safe!r}" if safe else "the entry is skipped"
    return safe, [
        Diagnostic(
            f"{what} {raw!r} holds characters an anchor cannot (only letters, digits and "
            f"'. _ - + :' are kept); {outcome}",
            location,
            "tool",
        )
    ]


def _visible(char: str) -> bool:
    """Not a control, format (bidi overrides, zero-width) or line/paragraph separator."""
    return unicodedata.category(char) not in {"Cc", "Cf", "Zl", "Zp"}


def safe_type(raw: str) -> str:
    """A tool type as a heading and anchor of the tools index may show it: without markup
    characters and invisible ones, spaces collapsed."""
    kept = "".join(char if _visible(char) else " " for char in _NOT_IN_TYPE.sub("", raw))
    return " ".join(kept.split())


def _parse_registry(
    raw: Any,
    entry: LocatedDict,
    location: SourceLocation,
    tool_id: str,
    link_types: tuple[RegistryLinkType, ...],
) -> tuple[dict[str, str], list[Diagnostic]]:
    known = {link.key: link for link in link_types}
    if raw is None:
        return {}, []
    if not isinstance(raw, dict):
        return {}, [
            Diagnostic(
                f"tool {tool_id!r}: 'registry' must be a mapping of registry name to id",
                location,
                "tool",
            )
        ]
    registry: dict[str, str] = {}
    problems: list[Diagnostic] = []
    if isinstance(raw, LocatedDict):
        problems += repeated_keys(raw, f"tool {tool_id!r}", location.path, "tool", "registry")
    for key, value in raw.items():
        text = _text(value)
        if not text or text == ABSENT:
            continue
        if key not in known:
            line = raw.line_of(key) if isinstance(raw, LocatedDict) else entry.line
            hint = did_you_mean(key, known) or f" (known: {', '.join(known)})"
            problems.append(
                Diagnostic(
                    f"tool {tool_id!r}: unknown registry {key!r}{hint}",
                    SourceLocation(location.path, line),
                    "tool",
                )
            )
            continue
        registry[key] = text
    return registry, problems


def _related_pages(
    raw: Any, fields: LocatedDict, location: SourceLocation, tool_id: str
) -> tuple[tuple[str, ...], list[Diagnostic]]:
    """``related_pages``: a mapping of page type to page ids (as pages write it) or a list;
    empty groups and items are nothing."""
    groups = list(raw.values()) if isinstance(raw, dict) else [raw]
    names: list[str] = []
    problems: list[Diagnostic] = []
    for group in groups:
        for item in group if isinstance(group, list) else [group]:
            if item is None:
                continue
            if isinstance(item, (dict, list)):
                problems.append(
                    Diagnostic(
                        f"tool {tool_id!r}: related_pages must list page ids; {item!r} is ignored",
                        SourceLocation(location.path, fields.line_of("related_pages")),
                        "tool",
                    )
                )
                continue
            if _text(item) and _text(item) not in names:
                names.append(_text(item))
    return tuple(names), problems


def tool_from_fields(
    fields: LocatedDict,
    location: SourceLocation,
    link_types: tuple[RegistryLinkType, ...] = ELIXIR_REGISTRY_LINKS,
) -> tuple[Tool | None, list[Diagnostic]]:
    """Validate one entry; ``None`` when it cannot be referenced (no ``id``)."""
    problems: list[Diagnostic] = []
    tool_id = _text(fields.get("id"))
    if not tool_id:
        return None, [Diagnostic("tool entry has no 'id'; it is skipped", location, "tool")]
    name = _text(fields.get("name"))
    if not name:
        problems.append(
            Diagnostic(f"tool {tool_id!r} has no 'name'; its id is shown instead", location, "tool")
        )
        name = tool_id
    url = _text(fields.get("url")) or None
    if url and not is_safe_url(url):
        problems.append(
            Diagnostic(
                f"tool {tool_id!r}: url {url!r} is not an http(s) or mailto URL; it is not linked",
                SourceLocation(location.path, fields.line_of("url")),
                "tool",
            )
        )
        url = None
    description = _text(fields.get("description"))
    problems += [
        Diagnostic(
            f"tool {tool_id!r}: description link {href!r} is not an http(s) or mailto URL; "
            "its text is shown without the link",
            SourceLocation(location.path, fields.line_of("description")),
            "tool",
        )
        for href in unsafe_links(description)
    ]
    registry, registry_problems = _parse_registry(
        fields.get("registry"), fields, location, tool_id, link_types
    )
    problems.extend(registry_problems)
    instance_of = _text(fields.get("instance_of")) or None
    related_pages, related_problems = _related_pages(
        fields.get("related_pages"), fields, location, tool_id
    )
    problems.extend(related_problems)
    tool_type = _text(fields.get("type"))
    if safe_type(tool_type) != tool_type:
        problems.append(
            Diagnostic(
                f"tool {tool_id!r}: type {tool_type!r} holds markup or invisible characters; "
                f"it is used as {safe_type(tool_type)!r}",
                SourceLocation(location.path, fields.line_of("type")),
                "tool",
            )
        )
        tool_type = safe_type(tool_type)
    tool = Tool(
        id=tool_id,
        name=name,
        location=location,
        url=url,
        description=description,
        type=tool_type,
        registry=registry,
        instance_of=instance_of,
        how_to_access=_text(fields.get("how_to_access")),
        related_pages=related_pages,
        related_pages_line=fields.line_of("related_pages"),
        link_types=link_types,
    )
    return tool, problems


def parse_tool_registry(
    data: Any,
    path: str,
    link_types: tuple[RegistryLinkType, ...] = ELIXIR_REGISTRY_LINKS,
    extra_keys: Iterable[str] = (),
) -> tuple[list[Tool], list[Diagnostic]]:
    """Turn a loaded registry file (a YAML list of mappings) into tools, in file order.

    ``extra_keys`` are keys the site adds (``ga4gh_registry_extra_keys``): kept as text in
    :attr:`Tool.extra`. Any other unknown key is reported once for the whole file."""
    entries, problems = mapping_entries(data, path, "tool", "tool")
    declared = tuple(extra_keys)
    tools: list[Tool] = []
    for entry in entries:
        if entry.get("id") is not None:
            safe_id, id_problems = anchor_safe_id(
                _text(entry.get("id")), SourceLocation(path, entry.line_of("id"))
            )
            problems.extend(id_problems)
            if not safe_id:
                continue
            entry["id"] = safe_id
        tool, entry_problems = tool_from_fields(entry, SourceLocation(path, entry.line), link_types)
        problems.extend(entry_problems)
        owner = f"tool {tool.id!r}" if tool is not None else "tool entry"
        problems.extend(repeated_keys(entry, owner, path, "tool", "key"))
        if tool is not None:
            tool.extra = {key: _text(entry[key]) for key in declared if key in entry}
            tools.append(tool)
    problems.extend(unknown_keys_in_file(entries, TOOL_KEYS + declared, path, "tool", "registry"))
    return tools, problems


def merge_registries(
    tools: Iterable[Tool],
) -> tuple[dict[str, Tool], list[Diagnostic]]:
    """Index tools by id; a repeated id keeps the first and names both places."""
    by_id: dict[str, Tool] = {}
    problems: list[Diagnostic] = []
    for tool in tools:
        first = by_id.get(tool.id)
        if first is not None:
            problems.append(
                Diagnostic(
                    f"duplicate tool id {tool.id!r}: also defined at {first.location}; "
                    "the first definition is used",
                    tool.location,
                    "tool",
                )
            )
            continue
        by_id[tool.id] = tool
    return by_id, problems
