"""``ga4gh_liquid = True``: Jekyll pages not yet migrated build as they are.

At ``source-read`` the page's Liquid goes through the same translator as ``sphinx-ga4gh
migrate``, with one ``ga4gh.liquid`` warning per page (``suppress_warnings = ["ga4gh.liquid"]``
silences it). The translation can add lines (a callout becomes three); a transform then gives
every node of the page the line it has in the file on disk, so later warnings stay true.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform

from ..data.yaml_source import located_yaml
from ..reporting import warn
from .front_matter import read_front_matter
from .headings import add_title_heading
from .liquid import LinkResolver, PageContext, translate

LINE_MAP_KEY = "ga4gh_liquid_line_map"


class ProjectLinks(LinkResolver):
    """Site URLs inside a Sphinx project: ``/beacon`` is the document ``beacon``."""

    def __init__(self, app: Sphinx, docname: str) -> None:
        self.docs = app.env.found_docs
        self.srcdir = Path(app.srcdir)
        self.docname = docname

    def _docname(self, url: str) -> tuple[str | None, str]:
        path, hash_, fragment = url.partition("#")
        name = path.strip("/").removesuffix(".html") or "index"
        if path.endswith("/") and path.strip("/"):
            name = path.strip("/") + "/index"
        return (name if name in self.docs else None), hash_ + fragment

    def markdown_target(self, url: str) -> str | None:
        docname, fragment = self._docname(url)
        if docname is not None:
            start = posixpath.dirname(self.docname) or "."
            return posixpath.relpath(docname, start) + ".md" + fragment
        return url if (self.srcdir / url.lstrip("/")).is_file() else None

    def docname_for_filename(self, filename: str) -> str | None:
        stem = filename.rsplit(".", 1)[0]
        return next((name for name in sorted(self.docs) if posixpath.basename(name) == stem), None)


def _site(app: Sphinx) -> dict[str, Any]:
    return {
        "title": app.config.project,
        "description": app.config.ga4gh_site_description,
        "baseurl": "",
    }


def _news(app: Sphinx) -> list[dict[str, Any]] | None:
    path = Path(app.confdir) / "_data" / "news.yml"
    if not path.is_file():
        return None
    try:
        data = located_yaml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None
    return [item for item in data if isinstance(item, dict)] if isinstance(data, list) else None


def translate_liquid(app: Sphinx, docname: str, content: list[str]) -> None:
    """``source-read``: a MyST page with Liquid tags is translated before it is parsed."""
    if not app.config.ga4gh_liquid or not str(app.env.doc2path(docname)).endswith(".md"):
        return
    text = content[0]
    if "{%" not in text and "{{" not in text:
        return
    block = read_front_matter(text)
    head, body, body_line = (
        (text[: len(text) - len(block.body)], block.body, block.body_line)
        if block
        else ("", text, 1)
    )
    # bounded as the data files are: the build reports a page beyond the bounds
    page = (block.data if block.error is None else {}) if block else {}
    context = PageContext(
        site=_site(app),
        page=page if isinstance(page, dict) else {},
        url="/" + docname,
        links=ProjectLinks(app, docname),
        news=_news(app),
    )
    translation = translate(body, context)
    if not translation.findings:
        return
    titled, added = add_title_heading(
        translation.text, str(context.page.get("title") or ""), keep_lines=True
    )
    content[0] = head + titled
    head_lines = body_line - 1
    app.env.temp_data[LINE_MAP_KEY] = (
        list(range(1, head_lines + 1))
        + [body_line] * added
        + [line + head_lines for line in translation.line_map]
    )
    first = translation.findings[0].line + head_lines
    left = [
        f"line {found.line + head_lines} {found.source} ({found.message})"
        for found in translation.untranslated
    ]
    message = (
        f"Liquid tags translated while reading ({len(translation.findings) - len(left)}); "
        "run `sphinx-ga4gh migrate` to make it MyST"
    )
    if left:
        message += "; left as written: " + "; ".join(left)
    warn(message, "liquid", (docname, first))


class RestoreSourceLines(SphinxTransform):
    """Each node's line as it is in the file on disk, not in the translated text."""

    default_priority = 1

    def apply(self, **kwargs: Any) -> None:
        line_map: list[int] | None = self.env.temp_data.pop(LINE_MAP_KEY, None)
        if not line_map:
            return
        for node in self.document.findall(nodes.Element):
            if node.line and 0 < node.line <= len(line_map):
                node.line = line_map[node.line - 1]


def setup_liquid(app: Sphinx) -> None:
    """Liquid left in pages is translated as each page is read."""
    app.add_transform(RestoreSourceLines)
    # before the per-page references (priority 500): they look for the citations it translates
    app.connect("source-read", translate_liquid, priority=400)
