"""The tool and resource registry (SPEC §3): records, registry links, validation."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple
from urllib.parse import quote

from .diagnostics import Diagnostic, SourceLocation, did_you_mean
from .entries import mapping_entries
from .markdown import inline_markdown
from .schema import TOOL_KEYS, repeated_keys, unknown_keys
from .urls import is_safe_url
from .yaml_source import LocatedDict

#: Value that the registries use for "this tool has no such entry".
ABSENT = "NA"


@dataclass(frozen=True)
class RegistryLinkType:
    """One kind of registry link: its YAML key, badge label and URL pattern."""

    key: str
    label: str
    url_pattern: str

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
_LINK_TYPES = {link.key: link for link in ELIXIR_REGISTRY_LINKS}


@dataclass(frozen=True)
class Badge:
    """A link shown as a badge next to a tool: its kind (``website``, ``biotools``…)."""

    kind: str
    label: str
    url: str


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

    def badges(self) -> list[Badge]:
        """Website first, then the registry links in their fixed order."""
        badges = [Badge("website", "Website", self.url)] if self.url else []
        for link in ELIXIR_REGISTRY_LINKS:
            value = self.registry.get(link.key)
            if value:
                badges.append(Badge(link.key, link.label, link.url_for(value)))
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


def _parse_registry(
    raw: Any, entry: LocatedDict, location: SourceLocation, tool_id: str
) -> tuple[dict[str, str], list[Diagnostic]]:
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
        if key not in _LINK_TYPES:
            line = raw.line_of(key) if isinstance(raw, LocatedDict) else entry.line
            hint = did_you_mean(key, _LINK_TYPES) or f" (known: {', '.join(_LINK_TYPES)})"
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


def tool_from_fields(
    fields: LocatedDict, location: SourceLocation
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
        for href in inline_markdown(description)[1]
    ]
    registry, registry_problems = _parse_registry(fields.get("registry"), fields, location, tool_id)
    problems.extend(registry_problems)
    instance_of = _text(fields.get("instance_of")) or None
    tool = Tool(
        id=tool_id,
        name=name,
        location=location,
        url=url,
        description=description,
        type=_text(fields.get("type")),
        registry=registry,
        instance_of=instance_of,
        how_to_access=_text(fields.get("how_to_access")),
    )
    return tool, problems


def parse_tool_registry(data: Any, path: str) -> tuple[list[Tool], list[Diagnostic]]:
    """Turn a loaded registry file (a YAML list of mappings) into tools, in file order."""
    entries, problems = mapping_entries(data, path, "tool", "tool")
    tools: list[Tool] = []
    for entry in entries:
        tool, entry_problems = tool_from_fields(entry, SourceLocation(path, entry.line))
        problems.extend(entry_problems)
        owner = f"tool {tool.id!r}" if tool is not None else "tool entry"
        problems.extend(unknown_keys(entry, TOOL_KEYS, owner, path, "tool"))
        if tool is not None:
            tools.append(tool)
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
