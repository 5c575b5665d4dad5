"""``{ga4gh:tool}``: declare a tool on the page that documents it (its field-guide entry).

The id may already be in the registry: the directive then makes this page the tool's home and
may override fields. A new id needs at least ``:name:``. The body is the description (MyST).
"""

from __future__ import annotations

import dataclasses
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective

from ..data.diagnostics import SourceLocation
from ..data.tools import ELIXIR_REGISTRY_LINKS, Tool, anchor_safe_id, tool_from_fields
from ..data.yaml_source import LocatedDict
from ..domain import DECLARATION_ANCHOR, DeclaredTool, get_domain, type_label
from ..reporting import warn
from .fragments import badge_nodes, description_nodes

_FIELD_OPTIONS = ("name", "url", "type", "instance-of", "how-to-access")
_REGISTRY_OPTIONS = tuple(link.key for link in ELIXIR_REGISTRY_LINKS)


def _fields_of(tool: Tool) -> dict[str, Any]:
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


class ToolDirective(SphinxDirective):
    """Declare (or take ownership of) a tool; renders a card with its name and links."""

    required_arguments = 1
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {
        **{key: directives.unchanged for key in _FIELD_OPTIONS + _REGISTRY_OPTIONS},
        "no-card": directives.flag,
    }

    def _fields(self, tool_id: str, base: Tool | None) -> LocatedDict:
        fields = LocatedDict(_fields_of(base) if base else {"id": tool_id})
        fields.line = self.lineno
        for option in _FIELD_OPTIONS:
            if option in self.options:
                fields[option.replace("-", "_")] = self.options[option]
        registry = dict(fields.get("registry") or {})
        registry.update(
            {key: self.options[key] for key in _REGISTRY_OPTIONS if key in self.options}
        )
        fields["registry"] = registry
        if self.content:
            fields["description"] = "\n".join(self.content).strip()
        return fields

    def run(self) -> list[nodes.Node]:
        domain = get_domain(self.env)
        location = SourceLocation(str(self.env.doc2path(self.env.docname)), self.lineno)
        # the id is an anchor and a link target: one an anchor cannot hold is normalised
        tool_id, id_problems = anchor_safe_id(self.arguments[0], location)
        for problem in id_problems:
            warn(problem.message, problem.subtype, (self.env.docname, self.lineno))
        if not tool_id:
            return []
        base = domain.site.tools.get(tool_id)
        if base is not None:
            for path in domain.site.tool_files:
                self.env.note_dependency(str(path))
        link_types = get_domain(self.env).site.link_types
        tool, problems = tool_from_fields(self._fields(tool_id, base), location, link_types)
        for problem in problems:
            warn(problem.message, problem.subtype, (self.env.docname, self.lineno))
        if tool is None:
            return []
        tool = dataclasses.replace(tool, location=location)
        anchor = DECLARATION_ANCHOR.format(tool.id)
        domain.note_declared_tool(DeclaredTool(self.env.docname, anchor, tool))
        card = nodes.container("", ids=[anchor], classes=["ga4gh-tool-card"])
        self.set_source_info(card)
        index = addnodes.index(entries=[("single", tool.name, anchor, "", None)])
        if "no-card" in self.options:
            card["classes"].append("ga4gh-tool-card-hidden")
            return [index, card]
        heading = nodes.paragraph("", "", classes=["ga4gh-tool-card-title"])
        heading += nodes.strong(tool.name, tool.name)
        if tool.type:
            label = type_label(tool.type)
            heading += nodes.inline(label, label, classes=["ga4gh-tool-card-type"])
        card += heading
        if self.content:
            card += self.parse_content_to_nodes()
        elif tool.description:
            card += nodes.paragraph("", "", *description_nodes(tool))
        badges = badge_nodes(tool)
        if badges:
            card += nodes.paragraph("", "", *badges, classes=["ga4gh-badges"])
        return [index, card]
