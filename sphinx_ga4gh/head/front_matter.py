"""The front matter keys of the head: ``no_robots``, ``sitemap`` and ``redirect_from``."""

from __future__ import annotations

import json
from typing import Any

from sphinx.environment import BuildEnvironment


def _decoded(value: Any) -> Any:
    """A value as myst-parser stored it in ``env.metadata`` (text; lists as JSON) back to
    YAML's type."""
    if not isinstance(value, str):
        return value
    text = value.strip()
    if text in ("True", "False"):
        return text == "True"
    if text == "null":
        return None
    if text[:1] == "[":
        try:
            return json.loads(text)
        except ValueError:
            pass
    return value


def no_robots(env: BuildEnvironment, docname: str) -> bool:
    return _decoded(env.metadata.get(docname, {}).get("no_robots")) is True


def in_sitemap(env: BuildEnvironment, docname: str) -> bool:
    return _decoded(env.metadata.get(docname, {}).get("sitemap")) is not False


def redirect_from(env: BuildEnvironment, docname: str) -> list[str]:
    """The old paths of a page: one path or a list; empty items and non-text are dropped."""
    value = _decoded(env.metadata.get(docname, {}).get("redirect_from"))
    values = value if isinstance(value, list) else [value]
    return [item.strip() for item in values if isinstance(item, str) and item.strip()]
