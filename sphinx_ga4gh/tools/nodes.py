"""Placeholders that tool content fills after reading, when this build's registry and every
page's declarations are known (so a page is not read again when the registry changes)."""

from __future__ import annotations

from docutils import nodes


class tool_table(nodes.General, nodes.Element):
    """Placeholder for a tool table; ``scope`` is ``page``, ``site`` or ``ids`` (a country
    page's main resources, ``ids``)."""


class tool_card_fields(nodes.General, nodes.Element):
    """In a declaration's card: its heading, its description when the directive has no body,
    and its badges, for the declaration ``position`` of ``docname``."""
