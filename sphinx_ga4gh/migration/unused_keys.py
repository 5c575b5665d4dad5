"""The front matter keys and ``_config.yml`` options the migrated site does not use, for the
report of ``migrate`` (nothing of the site is dropped silently).

A front matter key is used when sphinx-ga4gh reads it (:data:`.pages.front_matter.KNOWN_KEYS`,
the list its front matter checks are made of), when the migration consumes it (``permalink``
gives the page's file) or when the site's Liquid reads it (``page.KEY`` in the page or in one
of the site's ``_includes``, evaluated at migration time). A ``_config.yml`` option is used when
something the migration writes read it (conf.py, the pages' Liquid, the home page: the
options are recorded as they are read), or when Liquid names it (``site.KEY``). Jekyll's own
keys, which have no meaning in Sphinx (``layout``, ``plugins``, ``sass``…), are listed apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..data.yaml_source import LocatedDict, located_yaml
from ..pages.front_matter import KNOWN_KEYS
from .jekyll import CONFIG_FILE, JekyllPage

#: Front matter keys the migration consumes itself: the page's URL becomes its file name.
CONSUMED_FRONT_MATTER = frozenset({"permalink"})
#: Jekyll's own front matter keys: the Sphinx theme lays the page out and the toctrees (written
#: from ``_data/sidebars``) are the navigation.
JEKYLL_FRONT_MATTER = frozenset(
    {"layout", "sidebar", "published", "categories", "category", "tags", "slug", "date"}
)
#: ``_config.yml`` options the migration consumes while reading the site.
CONSUMED_CONFIG: dict[str, str] = {
    "permalink": "applied: each page is written at its Jekyll URL",
    "defaults": "its values are listed one by one below when not used",
}
#: Jekyll's own ``_config.yml`` options: its build, plugins, theme and Markdown converter.
JEKYLL_CONFIG: dict[str, str] = {
    "exclude": "applied: the files it names are not copied",
    "include": "",
    "keep_files": "",
    "plugins": "",
    "gems": "",
    "whitelist": "",
    "remote_theme": "",
    "theme": "",
    "sass": "",
    "markdown": "",
    "kramdown": "",
    "highlighter": "",
    "incremental": "",
    "livereload": "",
    "safe": "",
    "source": "",
    "destination": "",
    "encoding": "",
    "markdown_ext": "",
    "future": "",
    "unpublished": "",
    "strict_front_matter": "",
    "liquid": "",
    "webrick": "",
    "port": "",
    "host": "",
    "timezone": "",
    "excerpt_separator": "",
    "layouts_dir": "",
    "includes_dir": "",
    "data_dir": "",
    "plugins_dir": "",
    "collections_dir": "",
}

#: ``page.KEY`` and ``site.KEY`` in Liquid (or in the text around it: a key named there counts
#: as used, which errs on the side of reporting less).
_PAGE_KEY = re.compile(r"\bpage\.([A-Za-z_][\w-]*)")
_SITE_KEY = re.compile(r"\bsite\.([A-Za-z_][\w-]*)")


class ReadRecordingConfig(LocatedDict):
    """``_config.yml``'s mapping, recording which top-level keys are read (``get``, ``[]``,
    ``in``). A copy (``{**config}``) reads nothing: what is read from it is found by name."""

    def __init__(self, config: dict[str, Any]) -> None:
        super().__init__(config)
        self.read: set[str] = set()
        if isinstance(config, LocatedDict):
            self.line = config.line
            self.key_lines = dict(config.key_lines)
            self.repeated = list(config.repeated)

    def __getitem__(self, key: str) -> Any:
        self.read.add(key)
        return super().__getitem__(key)

    def get(self, key: str, default: Any = None) -> Any:
        self.read.add(key)
        return super().get(key, default)

    def __contains__(self, key: object) -> bool:
        if isinstance(key, str):
            self.read.add(key)
        return super().__contains__(key)


@dataclass(frozen=True)
class UnusedKey:
    """A key the migrated site does not use, where it is written."""

    key: str
    path: str
    line: int
    #: Jekyll's own key, with no meaning in Sphinx (else: a key nothing reads).
    jekyll_only: bool
    note: str = ""


def _front_matter_lines(page: JekyllPage) -> dict[str, int]:
    """File lines of the page's top-level front matter keys (the YAML starts at line 2)."""
    located = located_yaml(page.front_matter_text) if page.front_matter_text.strip() else None
    if not isinstance(located, LocatedDict):
        return {}
    return {key: line + 1 for key, line in located.key_lines.items()}


def _named(pattern: re.Pattern[str], texts: Iterable[str]) -> set[str]:
    return {match.group(1) for text in texts for match in pattern.finditer(text)}


def unused_front_matter(pages: Iterable[JekyllPage], includes: Iterable[str]) -> list[UnusedKey]:
    """The keys of each page's own front matter that nothing reads, in page order."""
    in_includes = _named(_PAGE_KEY, includes)
    found: list[UnusedKey] = []
    for page in pages:
        lines = _front_matter_lines(page)
        in_page = _named(_PAGE_KEY, [page.body]) | in_includes
        for key in page.front_matter:
            name = str(key)
            if name in KNOWN_KEYS or name in CONSUMED_FRONT_MATTER or name in in_page:
                continue
            line = lines.get(name, 1)
            found.append(UnusedKey(name, page.relpath, line, name in JEKYLL_FRONT_MATTER))
    return found


def _default_rules(config: dict[str, Any]) -> list[tuple[dict[str, Any], str]]:
    """``defaults`` rules with mapping values, and the path each applies to."""
    rules = config.get("defaults")
    found: list[tuple[dict[str, Any], str]] = []
    for rule in rules if isinstance(rules, list) else []:
        values = rule.get("values") if isinstance(rule, dict) else None
        if not isinstance(values, dict):
            continue  # config_shape_findings reports it
        scope = rule.get("scope")
        path = str(scope.get("path", "") or "") if isinstance(scope, dict) else ""
        found.append((values, path.strip("/")))
    return found


def unused_config(
    config: ReadRecordingConfig, texts: Iterable[str], includes: Iterable[str]
) -> list[UnusedKey]:
    """The ``_config.yml`` options nothing of the migrated site uses, in line order, the
    ``defaults`` values one by one (they go into each page of their scope, or nowhere)."""
    all_texts = [*texts, *includes]
    in_liquid = _named(_SITE_KEY, all_texts)
    page_keys = _named(_PAGE_KEY, all_texts)
    found: list[UnusedKey] = []
    for key in config:
        name = str(key)
        line = config.line_of(name)
        if name in JEKYLL_CONFIG:
            found.append(UnusedKey(name, CONFIG_FILE, line, True, JEKYLL_CONFIG[name]))
        elif name not in CONSUMED_CONFIG and name not in config.read and name not in in_liquid:
            found.append(UnusedKey(name, CONFIG_FILE, line, False))
    for values, path in _default_rules(config):
        scope = f"pages under {path}" if path else "every page"
        for key in values:
            name = str(key)
            if name in KNOWN_KEYS or name in CONSUMED_FRONT_MATTER or name in page_keys:
                continue
            line = values.line_of(name) if isinstance(values, LocatedDict) else 1
            note = f"a default of {scope}"
            found.append(
                UnusedKey(f"defaults: {name}", CONFIG_FILE, line, name in JEKYLL_FRONT_MATTER, note)
            )
    return sorted(found, key=lambda unused: unused.line)
