"""``instance_of``: a registry entry, a declared tool or a page's national resource that is an
instance of another tool (a national Galaxy server of Galaxy, say). The parent's popover and table
rows list its instances and the child says what it is an instance of (see
:meth:`Ga4ghDomain.relatives_of` and :mod:`.fragments`); here, the checks of the parent ids:
each names a tool, and no chain of them comes back to where it started. Only one step of a
chain is ever followed (a tool shows its parent and its instances), so a cycle shows oddly but
cannot loop.
"""

from __future__ import annotations

from collections.abc import Iterable

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from ..data.diagnostics import did_you_mean
from ..data.tools import Tool
from ..domain import get_domain
from ..reporting import warn


def warn_unknown_parents(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-check-consistency``: an ``instance_of`` that names no tool (all tools are known
    only once every page has been read)."""
    domain = get_domain(env)
    known = [tool.id for tool in domain.all_tools()]
    for name, parent_id, location in domain.unknown_parents():
        hint = did_you_mean(parent_id, known)
        warn(f"{name!r}: instance_of {parent_id!r} is not a known tool{hint}", "tool", location)


def instance_cycles(tools: Iterable[Tool]) -> list[list[Tool]]:
    """Each cycle of ``instance_of`` (``a → b → a``, ``a → a``) once, starting at its tool of
    the smallest id, in the order of those ids. Every tool has at most one parent, so each
    chain is followed once: linear in the number of tools."""
    by_id = {tool.id: tool for tool in tools}
    done: set[str] = set()
    cycles: list[list[Tool]] = []
    for start in sorted(by_id):
        chain: list[str] = []
        on_chain: dict[str, int] = {}
        current: str | None = start
        while current is not None and current in by_id and current not in done:
            if current in on_chain:
                members = chain[on_chain[current] :]
                first = members.index(min(members))
                cycles.append([by_id[i] for i in members[first:] + members[:first]])
                break
            on_chain[current] = len(chain)
            chain.append(current)
            current = by_id[current].instance_of or None
        done.update(chain)
    return sorted(cycles, key=lambda cycle: cycle[0].id)


def warn_instance_cycles(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-check-consistency``: one warning per ``instance_of`` cycle, at its first tool."""
    for cycle in instance_cycles(get_domain(env).all_tools()):
        path = " → ".join(repr(tool.id) for tool in [*cycle, cycle[0]])
        warn(
            f"instance_of goes in a circle: {path}; no tool can be an instance of itself: "
            "take one instance_of out",
            "tool",
            str(cycle[0].location),
        )
