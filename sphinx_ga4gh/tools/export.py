"""The registry with what the build computed, as JSON, for other tools and sites (issue 9).

Written at the end of an HTML build to ``ga4gh_tools_json`` (``ga4gh-tools.json`` in the output
folder): every tool of the registry and of the pages, its fields, the page that is its entry,
the pages that mention it, its parent and instances, each page as a URL relative to the site.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from ..data.tools import Tool
from ..domain import Ga4ghDomain, get_domain


def _page(app: Sphinx, domain: Ga4ghDomain, docname: str) -> dict[str, str]:
    return {"url": app.builder.get_target_uri(docname), "title": domain.page_title(docname)}


def tool_record(app: Sphinx, domain: Ga4ghDomain, tool: Tool) -> dict[str, Any]:
    """One tool as exported: its registry fields, then what the site says about it."""
    home = domain.home_of_tool(tool.id)
    relatives = domain.relatives_of(tool)
    entry = None
    if home is not None:
        url = app.builder.get_target_uri(home.docname)
        entry = url + (f"#{home.anchor}" if home.anchor else "")
    return {
        "id": tool.id,
        "name": tool.name,
        "url": tool.url or None,
        "description": tool.description,
        "type": tool.type,
        "registry": dict(tool.registry),
        "links": [{"label": b.label, "url": b.url} for b in tool.badges()],
        "instance_of": tool.instance_of,
        "instances": [{"name": i.name, "url": i.url or None} for i in relatives.instances],
        "how_to_access": tool.how_to_access,
        "entry": entry,
        "mentioned_in": [_page(app, domain, name) for name in domain.pages_mentioning(tool.id)],
    }


def write_tools_json(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: the JSON export, for HTML builds that succeeded."""
    name = app.config.ga4gh_tools_json
    if exception is not None or not name or app.builder.format != "html":
        return
    domain = get_domain(app.env)
    records = [tool_record(app, domain, tool) for tool in sorted(domain.all_tools(), key=_id)]
    data = {"project": app.config.project, "tools": records}
    path = Path(app.outdir) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _id(tool: Tool) -> str:
    return tool.id
