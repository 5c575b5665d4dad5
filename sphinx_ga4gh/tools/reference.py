"""The ``{tool}`` role: a tool's name with a popover of its description and links.

The role writes a ``pending_xref`` (domain ``ga4gh``, type ``tool``), so resolution happens at
write time, when tools declared on any page are known, and intersphinx can resolve it from
another site's inventory. The domain replaces the reference with a :class:`tool_reference`.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.roles import XRefRole
from sphinx.util.docutils import SphinxTranslator
from sphinx.writers.latex import LaTeXTranslator

from ..data.tools import Relatives, Tool
from .fragments import badge_separator, tool_fragment_for, visit_badge_separator_html

#: Classes of the text shown for a tool mention that could not be resolved.
UNKNOWN_TOOL_CLASSES = ["ga4gh-tool", "ga4gh-tool-unknown"]


class tool_reference(nodes.Inline, nodes.TextElement):
    """A resolved tool mention: a :class:`tool_name` and a :class:`tool_popover`."""


class tool_name(nodes.Inline, nodes.TextElement):
    """The visible name of a mentioned tool (a button in HTML)."""


class tool_popover(nodes.Inline, nodes.TextElement):
    """Description and links of a mentioned tool; only HTML shows it."""


class ToolRole(XRefRole):
    """``{tool}`beacon``` and ``{tool}`Beacon v2 <beacon>```."""

    def __init__(self) -> None:
        super().__init__(innernodeclass=nodes.inline, warn_dangling=True)

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        # `{tool}` is registered outside the domain; it is the same reference as `{ga4gh:tool}`.
        if ":" not in self.name:
            self.name = "ga4gh:tool"
        return super().run()

    def process_link(
        self, env: Any, refnode: nodes.Element, has_explicit_title: bool, title: str, target: str
    ) -> tuple[str, str]:
        return title, target.strip()


def build_tool_reference(
    tool: Tool, display: str, entry_link: nodes.Element | None, relatives: Relatives
) -> tool_reference:
    """The node that replaces a resolved ``{tool}`` mention."""
    node = tool_reference("", tool_id=tool.id, url=tool.url or "", classes=["ga4gh-tool"])
    node += tool_name(display, display)
    # "no-search": Sphinx's search index skips it; the tool's text is not this page's text.
    popover = tool_popover("", label=tool.name, classes=["no-search"])
    popover += tool_fragment_for(tool, "popover", relatives, searchable=False)
    if entry_link is not None:
        entry_link["classes"].append("ga4gh-entry-link")
        popover += entry_link
    node += popover
    return node


# --- HTML -----------------------------------------------------------------------------------

#: HTML builders whose pages run no script (e-readers): a button could open nothing, so a
#: tool's name is a link to its website (else to its field guide entry) and has no popover.
SCRIPTLESS_HTML_BUILDERS = frozenset({"epub"})


def _scriptless(translator: Any) -> bool:
    return translator.builder.name in SCRIPTLESS_HTML_BUILDERS


def _link_target(node: tool_reference) -> str:
    """Where a scriptless page links a tool's name: its website, or its entry in the guide."""
    if node["url"]:
        return str(node["url"])
    for link in node.findall(nodes.reference):
        if "ga4gh-entry-link" in link["classes"]:
            if link.get("refuri"):
                return str(link["refuri"])
            if link.get("refid"):
                return "#" + str(link["refid"])
    return ""


def visit_tool_reference_html(self: Any, node: tool_reference) -> None:
    if _scriptless(self):
        href = _link_target(node)
        node["html_tag"] = "a" if href else "span"
        kind = "reference external" if node["url"] else "reference internal"
        attributes = {"href": href, "CLASS": kind} if href else {}
        attributes["data-ga4gh-tool"] = node["tool_id"]
        self.body.append(self.starttag(node, node["html_tag"], "", **attributes))
        return
    self._ga4gh_popovers = getattr(self, "_ga4gh_popovers", 0) + 1
    node["popover_id"] = f"ga4gh-popover-{self._ga4gh_popovers}"
    self.body.append(
        self.starttag(node, "span", "", CLASS="ga4gh-tool", **{"data-ga4gh-tool": node["tool_id"]})
    )


def depart_tool_reference_html(self: Any, node: tool_reference) -> None:
    self.body.append(f"</{node.get('html_tag', 'span')}>")


def visit_tool_name_html(self: Any, node: tool_name) -> None:
    if _scriptless(self):
        return
    popover_id = node.parent.get("popover_id", "")
    self.body.append(
        f'<button type="button" class="ga4gh-tool-name" aria-expanded="false" '
        f'aria-haspopup="dialog" aria-controls="{popover_id}">'
    )


def depart_tool_name_html(self: Any, node: tool_name) -> None:
    if not _scriptless(self):
        self.body.append("</button>")


def visit_tool_popover_html(self: Any, node: tool_popover) -> None:
    if _scriptless(self):
        raise nodes.SkipNode
    popover_id = node.parent.get("popover_id", "")
    self.body.append(
        self.starttag(
            node,
            "span",
            "",
            ids=[popover_id],
            CLASS="ga4gh-popover",
            role="dialog",
            **{"aria-label": node["label"], "hidden": "hidden"},
        )
    )


def depart_tool_popover_html(self: Any, node: tool_popover) -> None:
    self.body.append("</span>")


# --- LaTeX: the name, linked to the tool's website; the URL in a footnote the first time ---

#: Where a footnote would break LaTeX or repeat itself: headings, tables, captions, footnotes.
_NO_FOOTNOTE_IN = (
    nodes.title,
    nodes.table,
    nodes.caption,
    nodes.term,
    nodes.rubric,
    nodes.footnote,
)


def _footnote_allowed(node: nodes.Element) -> bool:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, _NO_FOOTNOTE_IN):
            return False
        parent = parent.parent
    return True


def visit_tool_reference_latex(self: LaTeXTranslator, node: tool_reference) -> None:
    if node["url"]:
        self.body.append(rf"\sphinxhref{{{self.encode_uri(node['url'])}}}{{")


def depart_tool_reference_latex(self: LaTeXTranslator, node: tool_reference) -> None:
    if not node["url"]:
        return
    self.body.append("}")
    # On paper a link is invisible: the first mention of a tool in each page (each document
    # of the PDF) prints its URL as a footnote.
    docname = self.curfilestack[-1] if self.curfilestack else ""
    footnoted: set[tuple[str, str]] = self.__dict__.setdefault("_ga4gh_footnoted", set())
    key = (docname, node["tool_id"])
    if key not in footnoted and _footnote_allowed(node):
        footnoted.add(key)
        self.body.append(rf"\footnote{{\sphinxnolinkurl{{{self.encode_uri(node['url'])}}}}}")


# --- Builders that show only the name --------------------------------------------------------


def visit_passthrough(self: SphinxTranslator, node: nodes.Element) -> None:
    pass


def depart_passthrough(self: SphinxTranslator, node: nodes.Element) -> None:
    pass


def skip_node(self: SphinxTranslator, node: nodes.Element) -> None:
    raise nodes.SkipNode


PASSTHROUGH = (visit_passthrough, depart_passthrough)
SKIP = (skip_node, None)

NODE_VISITORS: dict[type[nodes.Element], dict[str, tuple[Any, Any]]] = {
    tool_reference: {
        "html": (visit_tool_reference_html, depart_tool_reference_html),
        "latex": (visit_tool_reference_latex, depart_tool_reference_latex),
        "text": PASSTHROUGH,
        "man": PASSTHROUGH,
        "texinfo": PASSTHROUGH,
    },
    tool_name: {
        "html": (visit_tool_name_html, depart_tool_name_html),
        "latex": PASSTHROUGH,
        "text": PASSTHROUGH,
        "man": PASSTHROUGH,
        "texinfo": PASSTHROUGH,
    },
    tool_popover: {
        "html": (visit_tool_popover_html, depart_tool_popover_html),
        "latex": SKIP,
        "text": SKIP,
        "man": SKIP,
        "texinfo": SKIP,
    },
    badge_separator: {
        "html": (visit_badge_separator_html, None),
        "latex": PASSTHROUGH,
        "text": PASSTHROUGH,
        "man": PASSTHROUGH,
        "texinfo": PASSTHROUGH,
    },
}
