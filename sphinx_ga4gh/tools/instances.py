"""``instance_of``: a registry entry, a declared tool or a page's national resource that is an
instance of another tool (a national Galaxy server of Galaxy, say). The parent's popover and table
rows list its instances and the child says what it is an instance of (see
:meth:`Ga4ghDomain.relatives_of` and :mod:`.fragments`); here, the check of the parent ids.
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from ..data.diagnostics import did_you_mean
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
