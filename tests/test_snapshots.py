"""Snapshots of resolved doctrees: what the extension hands to every builder.

Set ``SPHINX_GA4GH_UPDATE_SNAPSHOTS=1`` to rewrite them after a deliberate change, then review
the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

SNAPSHOTS = Path(__file__).parent / "snapshots"


def resolved_doctree(app: SphinxTestApp, docname: str) -> str:
    doctree = app.env.get_and_resolve_doctree(docname, app.builder, tags=app.tags)
    # The document node carries the temporary source path; its children are stable.
    return "".join(child.pformat() for child in doctree.children)


@pytest.mark.parametrize("docname", ["guides/passports", "guides/sharing"])
@pytest.mark.sphinx("html", testroot="basic", freshenv=True)
def test_resolved_doctree_matches_snapshot(app: SphinxTestApp, docname: str) -> None:
    app.build()
    actual = resolved_doctree(app, docname)
    snapshot = SNAPSHOTS / f"basic-{docname.replace('/', '-')}.txt"
    if os.environ.get("SPHINX_GA4GH_UPDATE_SNAPSHOTS") or not snapshot.exists():
        snapshot.write_text(actual, "utf-8")
        if not os.environ.get("SPHINX_GA4GH_UPDATE_SNAPSHOTS"):
            pytest.fail(f"snapshot {snapshot.name} was missing and has been written; rerun")
    assert actual == snapshot.read_text("utf-8")
