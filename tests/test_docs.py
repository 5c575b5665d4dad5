"""docs/ is built with the extension and -W, and its reference documents everything the code
registers: a role, directive, directive option, config value, warning type, front matter key or
command-line flag missing from the reference fails here."""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import sys
import typing
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sphinx.application import Sphinx
from sphinx.testing.util import SphinxTestApp

from sphinx_ga4gh.cli import parser
from sphinx_ga4gh.config import CONFIG_VALUES
from sphinx_ga4gh.data.diagnostics import Subtype
from sphinx_ga4gh.domain import Ga4ghDomain
from sphinx_ga4gh.pages.front_matter import FrontMatter

from conftest import copy_root, warnings_of

DOCS = Path(__file__).parent.parent / "docs"


@dataclasses.dataclass
class Surface:
    """What sphinx-ga4gh's own setup registers (not what it sets up from other extensions)."""

    roles: set[str] = dataclasses.field(default_factory=set)
    directives: dict[str, set[str]] = dataclasses.field(default_factory=dict)


def _called_from_sphinx_ga4gh() -> bool:
    return str(sys._getframe(2).f_globals.get("__name__", "")).startswith("sphinx_ga4gh")


@contextlib.contextmanager
def recording(surface: Surface) -> Iterator[None]:
    """Record add_role/add_directive calls made by sphinx_ga4gh modules while an app is set up.

    Overrides of other extensions' roles and directives (``override=True``) keep their own
    documented interface and are not ours to document.
    """
    originals: dict[str, Callable[..., Any]] = {}

    def wrap(method: str, record: Callable[[tuple[Any, ...]], None]) -> None:
        original = originals[method] = getattr(Sphinx, method)

        def spy(self: Sphinx, *args: Any, **kwargs: Any) -> Any:
            if _called_from_sphinx_ga4gh() and not kwargs.get("override"):
                record(args)
            return original(self, *args, **kwargs)

        setattr(Sphinx, method, spy)

    def directive(name: str, cls: Any) -> None:
        surface.directives[name] = set(getattr(cls, "option_spec", None) or {})

    wrap("add_role", lambda args: surface.roles.add(args[0]))
    wrap("add_directive", lambda args: directive(args[0], args[1]))
    wrap("add_role_to_domain", lambda args: surface.roles.add(f"{args[0]}:{args[1]}"))
    wrap("add_directive_to_domain", lambda args: directive(f"{args[0]}:{args[1]}", args[2]))
    try:
        yield
    finally:
        for method, original in originals.items():
            setattr(Sphinx, method, original)


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[SphinxTestApp, Surface]]:
    surface = Surface()
    srcdir = copy_root(DOCS, tmp_path_factory.mktemp("docs"))
    with recording(surface):
        app = SphinxTestApp("html", srcdir=srcdir, warningiserror=True)
    # Roles and directives of the domain itself (registered with add_domain).
    surface.roles.update(f"ga4gh:{name}" for name in Ga4ghDomain.roles)
    for name, cls in Ga4ghDomain.directives.items():
        surface.directives[f"ga4gh:{name}"] = set(getattr(cls, "option_spec", None) or {})
    try:
        app.build()
        yield app, surface
    finally:
        app.cleanup()


def test_the_docs_build_without_warnings(docs: tuple[SphinxTestApp, Surface]) -> None:
    app, _ = docs
    assert warnings_of(app) == []
    index = (app.outdir / "index.html").read_text("utf-8")
    # The docs use the extension: tool popovers, tiles of the guides, the page's references.
    assert 'class="ga4gh-tool"' in index
    assert "ga4gh-tile" in index
    assert "Rehm" in index


def _documented(app: SphinxTestApp, domain: str) -> set[tuple[str, str]]:
    objects = app.env.get_domain(domain).objects  # type: ignore[attr-defined]
    return set(objects)


def test_every_role_directive_and_option_is_in_the_reference(
    docs: tuple[SphinxTestApp, Surface],
) -> None:
    app, surface = docs
    documented = _documented(app, "rst")
    assert {"tool", "ga4gh:tool", "ga4gh:page", "tool-table"} <= surface.roles | set(
        surface.directives
    )
    missing = [f"role {name}" for name in surface.roles if ("role", name) not in documented]
    for name, options in surface.directives.items():
        if ("directive", name) not in documented:
            missing.append(f"directive {name}")
        missing += [
            f"option {name}:{option}"
            for option in options
            if ("directive:option", f"{name}:{option}") not in documented
        ]
    assert sorted(missing) == []


def test_every_config_value_is_in_the_reference(docs: tuple[SphinxTestApp, Surface]) -> None:
    app, _ = docs
    documented = _documented(app, "std")
    missing = [value.name for value in CONFIG_VALUES if ("confval", value.name) not in documented]
    assert missing == []


def test_every_warning_type_is_in_the_reference(docs: tuple[SphinxTestApp, Surface]) -> None:
    app, _ = docs
    documented = _documented(app, "std")
    missing = [
        f"ga4gh.{subtype}"
        for subtype in typing.get_args(Subtype)
        if ("warning-type", f"ga4gh.{subtype}") not in documented
    ]
    assert missing == []


def test_every_front_matter_key_is_in_the_reference(docs: tuple[SphinxTestApp, Surface]) -> None:
    app, _ = docs
    documented = _documented(app, "std")
    keys = {field.name for field in dataclasses.fields(FrontMatter)} - {"affiliations_key"}
    keys.add("supported_by")
    assert sorted(key for key in keys if ("front-matter", key) not in documented) == []


def _commands() -> Iterator[tuple[str, list[str]]]:
    main = parser()
    yield "sphinx-ga4gh", [f for a in main._actions for f in a.option_strings if f != "-h"]
    for action in main._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                flags = [f for a in sub._actions for f in a.option_strings if f != "-h"]
                yield f"sphinx-ga4gh {name}", flags


def test_every_command_and_flag_is_in_the_reference(docs: tuple[SphinxTestApp, Surface]) -> None:
    app, _ = docs
    options = app.env.get_domain("std").progoptions  # type: ignore[attr-defined]
    missing = [
        f"{program} {flag}"
        for program, flags in _commands()
        for flag in flags
        # Sphinx's {program} joins a command's words with "-"
        if flag != "--help" and (program.replace(" ", "-"), flag) not in options
    ]
    assert missing == []
    assert {program for program, _ in _commands()} >= {"sphinx-ga4gh migrate", "sphinx-ga4gh check"}
