"""Registry hygiene (issue 9): entries no page mentions, tool names in plain text; in the build
with ``ga4gh_registry_hygiene`` and in ``sphinx-ga4gh check --registry``."""

from __future__ import annotations

import pytest
from sphinx.testing.util import SphinxTestApp

from sphinx_ga4gh.check import check_site
from sphinx_ga4gh.cli import main

from conftest import ROOTS, warnings_of

REGISTRY = "_data/tool_and_resource_list.yml"
PLAIN = (
    "'htsget' is written as plain text on a page that mentions no tool; write {tool}`htsget` "
    "to link it and list it in the page's tool table"
)


@pytest.mark.sphinx("html", testroot="hygiene", freshenv=True)
def test_the_build_lists_unused_entries_and_plain_names(app: SphinxTestApp) -> None:
    app.build()
    found = [line.replace(f"{app.srcdir}/", "") for line in warnings_of(app)]
    assert sorted(found) == [
        f"{REGISTRY}:4: WARNING: tool 'htsget' is mentioned by no page [ga4gh.registry]",
        f"{REGISTRY}:7: WARNING: tool 'duo' is mentioned by no page [ga4gh.registry]",
        f"plain.md:6: WARNING: {PLAIN} [ga4gh.registry]",
    ]


@pytest.mark.sphinx(
    "html", testroot="hygiene", freshenv=True, confoverrides={"ga4gh_registry_hygiene": False}
)
def test_it_is_off_unless_asked_for(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []


def test_check_lists_the_same_with_registry(capsys: pytest.CaptureFixture[str]) -> None:
    root = ROOTS / "test-hygiene"
    assert check_site(root) == []
    assert [str(problem) for problem in check_site(root, registry=True)] == [
        f"{REGISTRY}:4: ga4gh.registry: tool 'htsget' is mentioned by no page",
        f"{REGISTRY}:7: ga4gh.registry: tool 'duo' is mentioned by no page",
        f"plain.md:6: ga4gh.registry: {PLAIN}",
    ]
    assert main(["check", "--registry", "--quiet", str(root)]) == 1
    assert main(["check", "--quiet", str(root)]) == 0
    assert "plain.md:6: ga4gh.registry:" in capsys.readouterr().out
