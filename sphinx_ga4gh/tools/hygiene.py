"""Registry hygiene: entries no page mentions, and tools named in plain text (issue 9).

Both are found from what the build or ``sphinx-ga4gh check`` already knows: the registry, each
page's mentions, and the page's source. A name counts as plain text when it appears in the
page's prose: not in code, a role, a Liquid tag, a link target or an HTML tag. Only pages that
mention no tool are searched (their automatic tool table would be empty), with one pattern of
every tool name, so the work is the size of those pages, not pages x tools.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator, Mapping
from typing import NamedTuple

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from ..data.tools import Tool
from ..domain import get_domain
from ..references.per_page import without_code
from ..reporting import warn
from ..text.front_matter import split_front_matter
from ..text.scanner import LineIndex

#: Roles with their content, Liquid tags and outputs, Markdown link targets, HTML tags.
_NOT_PROSE = re.compile(
    r"\{[^{}`\s]+\}`[^`]*`|\{%.*?%\}|\{\{.*?\}\}|\]\([^)\s]*\)|<[^>\n]+>", re.DOTALL
)


class PlainName(NamedTuple):
    """A tool's display name found as plain text: the name, its tool, its 1-based line."""

    name: str
    tool_id: str
    line: int


class NamePattern(NamedTuple):
    pattern: re.Pattern[str]
    tool_of_name: dict[str, str]


def name_pattern(tools: Iterable[Tool]) -> NamePattern | None:
    """One pattern that finds any tool's name as a whole word (longest names first)."""
    tool_of_name: dict[str, str] = {}
    for tool in tools:
        if len(tool.name) >= 3:  # two letters are too often a word or a code
            tool_of_name.setdefault(tool.name, tool.id)
    if not tool_of_name:
        return None
    names = sorted(tool_of_name, key=len, reverse=True)
    alternatives = "|".join(re.escape(name) for name in names)
    return NamePattern(re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])"), tool_of_name)


def _blank(match: re.Match[str]) -> str:
    return "".join("\n" if char == "\n" else " " for char in match.group(0))


def plain_names(
    body: str, names: NamePattern, first_line: int = 1, own: Iterable[str] = ()
) -> Iterator[PlainName]:
    """Each tool name in the prose of ``body`` (a page without its front matter), once per
    name; ``first_line`` is the line of the file where ``body`` starts. The page's ``own``
    tools (it is their entry) are left out: a page names its subject."""
    own = set(own)
    prose = _NOT_PROSE.sub(_blank, without_code(body))
    seen: set[str] = set()
    lines = LineIndex(prose)
    for match in names.pattern.finditer(prose):
        name = match.group(0)
        if name not in seen and names.tool_of_name[name] not in own:
            seen.add(name)
            line = lines.line(match.start()) + first_line - 1
            yield PlainName(name, names.tool_of_name[name], line)


def unmentioned_tools(
    registry: Mapping[str, Tool],
    mentioned: Iterable[str],
    homes: Iterable[str],
    pages: Collection[str] = (),
) -> list[Tool]:
    """Registry entries that no page mentions, that have no page of their own and whose
    ``related_pages`` name none of ``pages`` (page ids and document names): such an entry is
    on no page's tool table."""
    used = set(mentioned) | set(homes)
    return [
        tool
        for tool_id, tool in registry.items()
        if tool_id not in used and not any(name in pages for name in tool.related_pages)
    ]


def plain_name_message(found: PlainName) -> str:
    return (
        f"{found.name!r} is written as plain text on a page that mentions no tool; "
        f"write {{tool}}`{found.tool_id}` to link it and list it in the page's tool table"
    )


def unmentioned_message(tool: Tool) -> str:
    return f"tool {tool.id!r} is mentioned by no page"


# --- in the build (``ga4gh_registry_hygiene = True``) -----------------------------------------


def warn_plain_names(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``: a page that mentions no tool but writes a tool's name."""
    env = app.env
    if not app.config.ga4gh_registry_hygiene:
        return
    domain = get_domain(env)
    path = env.doc2path(env.docname)
    if domain.mentions.get(env.docname) or path.suffix != ".md":
        return
    # The registry's names, as check uses: known from the start of the build, so every page
    # (and every -j process) is searched for the same names. One pattern per loaded registry.
    patterns: dict[int, NamePattern | None] = domain.__dict__.setdefault("_ga4gh_names", {})
    key = id(domain.site)
    if key not in patterns:
        patterns.clear()
        patterns[key] = name_pattern(domain.site.tools.values())
    names = patterns[key]
    if names is None:
        return
    text = path.read_text(encoding="utf-8")
    parts = split_front_matter(text)
    body, first_line = (parts[1], parts[2]) if parts else (text, 1)
    own = [domain.front_matter_of(env.docname).page_id]
    own += domain.tools_declared_on(env.docname)
    for found in plain_names(body, names, first_line, own):
        warn(plain_name_message(found), "registry", (env.docname, found.line))


def warn_unmentioned_tools(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-check-consistency``: registry entries that no page mentions or is the home of."""
    if not app.config.ga4gh_registry_hygiene:
        return
    domain = get_domain(env)
    mentioned = {tool_id for ids in domain.mentions.values() for tool_id in ids}
    homes = set(domain.pages) | set(domain.declared_tools)
    pages = set(domain.pages) | set(env.all_docs)
    for tool in unmentioned_tools(domain.site.tools, mentioned, homes, pages):
        warn(unmentioned_message(tool), "registry", str(tool.location))
