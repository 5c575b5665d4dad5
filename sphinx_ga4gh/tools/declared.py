"""What a ``{ga4gh:tool}`` declaration keeps in the environment: the fields its page gives.

A declaration may take a registry entry over and override some of its fields. The registry is
site data, loaded afresh by every build, so the environment keeps only the page's own fields
(:class:`Declaration`); the tool itself is the registry entry of this build with them applied
(:func:`merged_tool`). Editing the registry then changes the declared tool without reading the
declaring page again.
"""

from __future__ import annotations

import dataclasses
from typing import Any, NamedTuple

from ..data.diagnostics import SourceLocation
from ..data.tools import RegistryLinkType, Tool, tool_from_fields
from ..data.yaml_source import LocatedDict


class Declaration(NamedTuple):
    """A ``{ga4gh:tool}`` on ``docname`` (its source ``path``), at ``line``; its card's anchor
    and the fields the page sets (``name``, ``url``, ``registry``…, ``description``)."""

    docname: str
    anchor: str
    tool_id: str
    path: str
    line: int
    overrides: dict[str, Any]

    @property
    def location(self) -> SourceLocation:
        return SourceLocation(self.path, self.line)


def registry_fields(tool: Tool) -> dict[str, Any]:
    """The fields of a registry entry a declaration starts from."""
    return {
        "id": tool.id,
        "name": tool.name,
        "url": tool.url,
        "description": tool.description,
        "type": tool.type,
        "registry": dict(tool.registry),
        "instance_of": tool.instance_of,
        "how_to_access": tool.how_to_access,
    }


def declaration_fields(
    tool_id: str, line: int, overrides: dict[str, Any], base: Tool | None
) -> LocatedDict:
    """The registry entry's fields (if any) with the page's applied, located at ``line``."""
    fields = LocatedDict(registry_fields(base) if base else {"id": tool_id})
    fields.line = line
    for key, value in overrides.items():
        if key == "registry":
            fields["registry"] = {**(fields.get("registry") or {}), **value}
        else:
            fields[key] = value
    fields.setdefault("registry", {})
    return fields


def merged_tool(
    declaration: Declaration, base: Tool | None, link_types: tuple[RegistryLinkType, ...]
) -> Tool:
    """The declared tool as of this build's registry (``base``: its entry, if any). The
    page's fields were reported on when it was read, the registry's when it was loaded."""
    fields = declaration_fields(declaration.tool_id, declaration.line, declaration.overrides, base)
    tool, _problems = tool_from_fields(fields, declaration.location, link_types)
    if tool is None:  # not reached: the fields have the declaration's id
        tool = Tool(declaration.tool_id, declaration.tool_id, declaration.location)
    return dataclasses.replace(tool, location=declaration.location)


def lacks_name(declaration: Declaration, base: Tool | None) -> bool:
    """The declaration gives no name (or an empty one) and the registry none either."""
    if "name" in declaration.overrides:
        return not str(declaration.overrides["name"] or "").strip()
    return base is None
