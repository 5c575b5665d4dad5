"""``{ga4gh:tool}``: declare a tool on the page that documents it (its field-guide entry).

The id may already be in the registry: the directive then makes this page the tool's home and
may override fields. A new id needs at least ``:name:``. The body is the description (MyST).

When the page is read, only the page's own fields are kept (:mod:`.declared`); the card's
heading, description and badges and the index entry come from the tool as of the build that
writes the page (:class:`FillToolCards`), so a registry edit rewrites the page, not re-reads it.
"""

from __future__ import annotations

from typing import Any, ClassVar, cast

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective

from ..data.diagnostics import SourceLocation
from ..data.tools import ELIXIR_REGISTRY_LINKS, Tool, anchor_safe_id, tool_from_fields
from ..domain import DECLARATION_ANCHOR, get_domain, type_label
from ..reporting import warn
from .declared import Declaration, declaration_fields
from .fragments import badge_nodes, description_nodes
from .nodes import tool_card_fields

_FIELD_OPTIONS = ("name", "url", "type", "instance-of", "how-to-access")
_REGISTRY_OPTIONS = tuple(link.key for link in ELIXIR_REGISTRY_LINKS)


class ToolDirective(SphinxDirective):
    """Declare (or take ownership of) a tool; renders a card with its name and links."""

    required_arguments = 1
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {
        **{key: directives.unchanged for key in _FIELD_OPTIONS + _REGISTRY_OPTIONS},
        "no-card": directives.flag,
    }

    def _overrides(self) -> dict[str, Any]:
        """The fields this page sets."""
        overrides: dict[str, Any] = {
            option.replace("-", "_"): self.options[option]
            for option in _FIELD_OPTIONS
            if option in self.options
        }
        registry = {key: self.options[key] for key in _REGISTRY_OPTIONS if key in self.options}
        if registry:
            overrides["registry"] = registry
        if self.content:
            overrides["description"] = "\n".join(self.content).strip()
        return overrides

    def _report(self, tool_id: str, overrides: dict[str, Any], location: SourceLocation) -> None:
        """The page's own fields are checked here; a missing name once all pages are read
        (:meth:`~sphinx_ga4gh.domain.Ga4ghDomain.check_consistency`): the registry may give it."""
        fields = declaration_fields(tool_id, self.lineno, {"name": tool_id, **overrides}, None)
        link_types = get_domain(self.env).site.link_types
        _tool, problems = tool_from_fields(fields, location, link_types)
        for problem in problems:
            warn(problem.message, problem.subtype, (self.env.docname, self.lineno))

    def run(self) -> list[nodes.Node]:
        domain = get_domain(self.env)
        docname = self.env.docname
        location = SourceLocation(str(self.env.doc2path(docname)), self.lineno)
        # the id is an anchor and a link target: one an anchor cannot hold is normalised
        tool_id, id_problems = anchor_safe_id(self.arguments[0], location)
        for problem in id_problems:
            warn(problem.message, problem.subtype, (docname, self.lineno))
        if not tool_id:
            return []
        overrides = self._overrides()
        self._report(tool_id, overrides, location)
        anchor = DECLARATION_ANCHOR.format(tool_id)
        position = len(domain.declarations.get(docname, []))
        domain.note_declared_tool(
            Declaration(docname, anchor, tool_id, location.path, self.lineno, overrides)
        )
        card = nodes.container("", ids=[anchor], classes=["ga4gh-tool-card"])
        self.set_source_info(card)
        index = addnodes.index(entries=[], ga4gh_declaration=position, docname=docname)
        if "no-card" in self.options:
            card["classes"].append("ga4gh-tool-card-hidden")
            return [index, card]
        card += tool_card_fields(
            "", docname=docname, position=position, has_body=bool(self.content)
        )
        if self.content:
            card += self.parse_content_to_nodes()
        return [index, card]


def card_heading(tool: Tool) -> nodes.paragraph:
    heading = nodes.paragraph("", "", classes=["ga4gh-tool-card-title"])
    heading += nodes.strong(tool.name, tool.name)
    if tool.type:
        label = type_label(tool.type)
        heading += nodes.inline(label, label, classes=["ga4gh-tool-card-type"])
    return heading


class FillToolCards(SphinxPostTransform):
    """Each declaration's card, from the declared tool of this build."""

    # Before the references resolver (10), with the tool tables (6).
    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        domain = get_domain(self.env)
        for placeholder in list(self.document.findall(tool_card_fields)):
            declared = domain.declaration_at(placeholder["docname"], placeholder["position"])
            if declared is None:
                placeholder.parent.remove(placeholder)
                continue
            tool = declared.tool
            card = cast("nodes.Element", placeholder.parent)
            shown: list[nodes.Node] = [card_heading(tool)]
            if not placeholder["has_body"] and tool.description:
                shown.append(nodes.paragraph("", "", *description_nodes(tool)))
            placeholder.replace_self(shown)
            badges = badge_nodes(tool)
            if badges:
                card.append(nodes.paragraph("", "", *badges, classes=["ga4gh-badges"]))
