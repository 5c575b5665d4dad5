"""Turn a project written by ``sphinx-ga4gh migrate`` into a plain MyST + sphinxcontrib-bibtex
project of the same pages: the other side of the benchmark's real-site pair.

    python benchmarks/plain_myst.py MIGRATED_PROJECT OUT

The rewrite is textual and deliberately simple, so what the pair measures is easy to say:

- ``{tool}`id``` and ``{ga4gh:tool}`text <id>``` become plain Markdown links to the tool's
  ``url`` from the registry, shown by its ``name`` (or the given text); a tool without a url,
  an unknown id or ``!id`` becomes plain text;
- ``{ga4gh:page}`id``` and Markdown links whose target is a ``page_id`` (``[t](page_id#a)``)
  become links to the page's file (``[t](/folder/page.md#a)``, MyST's root-relative path);
- the extension's directives (tool tables, tiles, people, news, events, page ids, tool
  declarations) are dropped with their content: a plain site has no such furniture;
- ``{cite:p}`` / ``{cite:t}`` stay; a page that cites gets its own ``{bibliography}`` at its end
  (``:filter: docname in docnames``), as a hand-written plain MyST page would;
- front matter stays as it is (MyST keeps it as metadata; nothing renders it);
- ``conf.py`` is replaced: ``myst_parser`` and ``sphinxcontrib.bibtex`` only, with the MyST
  syntax extensions sphinx-ga4gh turns on and the migrated project's ``exclude_patterns``,
  ``myst_heading_anchors`` and BibTeX files.

Text inside fenced code blocks is left alone.
"""

from __future__ import annotations

import argparse
import ast
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

#: Directives of sphinx-ga4gh (see docs/reference/myst.md): furniture a plain site does not have.
EXTENSION_DIRECTIVES = frozenset(
    {
        "tool-table",
        "training-table",
        "section-tiles",
        "contributors",
        "affiliations",
        "news",
        "events",
        "page-ids",
        "ga4gh:tool",
    }
)
#: Directives whose content is literal text.
LITERAL_DIRECTIVES = frozenset({"code-block", "code", "sourcecode", "raw", "literalinclude"})
#: The MyST syntax extensions sphinx-ga4gh turns on (sphinx_ga4gh.myst.MYST_EXTENSIONS).
MYST_EXTENSIONS = ("colon_fence", "attrs_inline")

_ROLE = re.compile(r"\{(?P<role>tool|ga4gh:tool|ga4gh:page)\}`(?P<content>[^`]*)`")
_EXPLICIT = re.compile(r"^(?P<text>.*?)\s*<(?P<target>[^<>]+)>$", re.DOTALL)
_PAGE_LINK = re.compile(r"\]\((?P<target>[A-Za-z0-9_.-]+)(?P<anchor>#[^)\s]*)?\)")
_FENCE = re.compile(r"^(?P<indent>\s*)(?P<fence>`{3,}|:{3,})(?P<info>.*)$")
_DIRECTIVE = re.compile(r"^\{(?P<name>[A-Za-z0-9:_-]+)\}")
_FRONT_MATTER = re.compile(r"\A---\n(?P<yaml>.*?\n)---\n", re.DOTALL)


@dataclass
class Counts:
    """What the conversion changed, for the benchmark's report."""

    pages: int = 0
    tool_mentions: int = 0
    page_links: int = 0
    directives_dropped: dict[str, int] = field(default_factory=dict)
    bibliographies: int = 0


@dataclass(frozen=True)
class Tool:
    name: str
    url: str | None


def _markdown_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


def _conf_values(conf: Path) -> dict[str, Any]:
    """The literal top-level assignments of a conf.py, read without running it."""
    values: dict[str, Any] = {}
    for statement in ast.parse(conf.read_text("utf-8")).body:
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
            target = statement.targets[0]
            if isinstance(target, ast.Name):
                try:
                    values[target.id] = ast.literal_eval(statement.value)
                except ValueError:
                    continue
    return values


def load_tools(registry: Path) -> dict[str, Tool]:
    """id → name and url, from a registry YAML file (a list of mappings with ``id``)."""
    if not registry.is_file():
        return {}
    entries = yaml.safe_load(registry.read_text("utf-8")) or []
    tools = {}
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, dict) and entry.get("id") is not None:
            tool_id = str(entry["id"])
            url = entry.get("url")
            tools[tool_id] = Tool(str(entry.get("name") or tool_id), str(url) if url else None)
    return tools


def page_documents(root: Path) -> dict[str, str]:
    """page_id → the page's path from the project root (``folder/page.md``)."""
    pages: dict[str, str] = {}
    for path in sorted(root.rglob("*.md")):
        if "_build" in path.relative_to(root).parts:
            continue
        match = _FRONT_MATTER.match(path.read_text("utf-8"))
        if not match:
            continue
        try:
            front = yaml.safe_load(match["yaml"])
        except yaml.YAMLError:
            continue
        if isinstance(front, dict) and front.get("page_id"):
            pages.setdefault(str(front["page_id"]), path.relative_to(root).as_posix())
    return pages


def _tool_link(content: str, tools: dict[str, Tool]) -> str:
    explicit = _EXPLICIT.match(content.strip())
    text, tool_id = (explicit["text"], explicit["target"]) if explicit else (None, content)
    tool_id = tool_id.strip()
    if tool_id.startswith("!"):
        return _markdown_text(text or tool_id[1:])
    tool = tools.get(tool_id)
    if tool is None:
        return _markdown_text(text or tool_id)
    shown = _markdown_text(text or tool.name)
    return f"[{shown}]({tool.url})" if tool.url else shown


def _page_link(content: str, pages: dict[str, str]) -> str:
    explicit = _EXPLICIT.match(content.strip())
    text, page_id = (explicit["text"], explicit["target"]) if explicit else ("", content)
    path = pages.get(page_id.strip())
    if path is None:
        return _markdown_text(text or page_id)
    return f"[{_markdown_text(text)}](/{path})"


def _rewrite_line(line: str, tools: dict[str, Tool], pages: dict[str, str], counts: Counts) -> str:
    def role(match: re.Match[str]) -> str:
        if match["role"] == "ga4gh:page":
            counts.page_links += 1
            return _page_link(match["content"], pages)
        counts.tool_mentions += 1
        return _tool_link(match["content"], tools)

    def link(match: re.Match[str]) -> str:
        path = pages.get(match["target"])
        if path is None:
            return match.group(0)
        counts.page_links += 1
        return f"](/{path}{match['anchor'] or ''})"

    return _PAGE_LINK.sub(link, _ROLE.sub(role, line))


def convert_page(
    text: str, tools: dict[str, Tool], pages: dict[str, str], counts: Counts, references: str
) -> str:
    """One migrated page as plain MyST (see the module's docstring for the rules)."""
    front = _FRONT_MATTER.match(text)
    head, body = (text[: front.end()], text[front.end() :]) if front else ("", text)
    out: list[str] = []
    literal_close: re.Pattern[str] | None = None  # ends the code block being copied
    drop_close: re.Pattern[str] | None = None  # ends the extension directive being dropped
    open_directives: list[tuple[str, int]] = []  # fences of the directives we are inside
    cites = False
    for line in body.splitlines():
        if drop_close is not None:
            if drop_close.match(line):
                drop_close = None
            continue
        if literal_close is not None:
            out.append(line)
            if literal_close.match(line):
                literal_close = None
            continue
        fence = _FENCE.match(line)
        if fence:
            char, length, info = fence["fence"][0], len(fence["fence"]), fence["info"].strip()
            closes = open_directives and open_directives[-1][0] == char
            if not info and closes and length >= open_directives[-1][1]:
                open_directives.pop()
                out.append(line)
                continue
            closing = re.compile(rf"^\s*{re.escape(char)}{{{length},}}\s*$")
            directive = _DIRECTIVE.match(info)
            name = directive["name"] if directive else ""
            if name in EXTENSION_DIRECTIVES:
                counts.directives_dropped[name] = counts.directives_dropped.get(name, 0) + 1
                drop_close = closing
            elif directive is None or name in LITERAL_DIRECTIVES:
                literal_close = closing  # a code block: its text is literal
                out.append(line)
            else:  # admonitions, figures, ...: their content is rewritten too
                open_directives.append((char, length))
                out.append(line)
            continue
        cites = cites or "{cite:" in line
        out.append(_rewrite_line(line, tools, pages, counts))
    if cites:
        counts.bibliographies += 1
        out += ["", f"## {references}", "", "```{bibliography}", ":filter: docname in docnames"]
        out += ["```"]
    counts.pages += 1
    return head + "\n".join(out) + "\n"


def _plain_conf(values: dict[str, Any], bibfiles: list[str]) -> str:
    extensions = [*MYST_EXTENSIONS, *values.get("myst_enable_extensions", [])]
    lines = [
        '"""A plain MyST + sphinxcontrib-bibtex project of a migrated site\'s pages',
        '(written by benchmarks/plain_myst.py)."""',
        "",
        f"project = {values.get('project', 'Plain')!r}",
        'extensions = ["myst_parser", "sphinxcontrib.bibtex"]',
        f"myst_enable_extensions = {sorted(set(extensions))!r}",
        f"exclude_patterns = {values.get('exclude_patterns', ['_build'])!r}",
        f"bibtex_bibfiles = {bibfiles!r}",
        # The same citation may be cited on several pages, each with its own list.
        'suppress_warnings = ["bibtex.duplicate_citation", "bibtex.duplicate_label"]',
        'html_theme = "alabaster"',
    ]
    if "myst_heading_anchors" in values:
        lines.append(f"myst_heading_anchors = {values['myst_heading_anchors']!r}")
    return "\n".join(lines) + "\n"


def convert_project(migrated: Path, out: Path) -> Counts:
    """Write the plain project of ``migrated`` (a ``sphinx-ga4gh migrate`` output) to ``out``."""
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(migrated, out, ignore=shutil.ignore_patterns("_build"))
    values = _conf_values(migrated / "conf.py")
    tools = load_tools(
        migrated / str(values.get("ga4gh_tools", "_data/tool_and_resource_list.yml"))
    )
    pages = page_documents(migrated)
    bibfiles = values.get("bibtex_bibfiles") or sorted(
        path.relative_to(migrated).as_posix() for path in migrated.glob("_bibliography/*.bib")
    )
    references = str(values.get("ga4gh_page_references_title", "References"))
    counts = Counts()
    for path in sorted(out.rglob("*.md")):
        if "_build" in path.relative_to(out).parts:
            continue
        text = path.read_text("utf-8")
        path.write_text(convert_page(text, tools, pages, counts, references), "utf-8")
    (out / "conf.py").write_text(_plain_conf(values, list(bibfiles)), "utf-8")
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("migrated", type=Path)
    parser.add_argument("out", type=Path)
    arguments = parser.parse_args()
    print(convert_project(arguments.migrated, arguments.out))


if __name__ == "__main__":
    main()
