"""All data files of one site, loaded together once per build."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .diagnostics import Diagnostic, SourceLocation
from .people import Affiliation, Contributor, parse_affiliations, parse_contributors
from .tools import (
    ELIXIR_REGISTRY_LINKS,
    RegistryLinkType,
    Tool,
    merge_registries,
    parse_tool_registry,
)
from .yaml_source import YamlLoadError, load_yaml

#: Where the ELIXIR toolkit theme keeps its data; used when an option is left unset.
DEFAULT_TOOLS_PATH = "_data/tool_and_resource_list.yml"
DEFAULT_CONTRIBUTORS_PATH = "_data/CONTRIBUTORS.yml"
DEFAULT_AFFILIATIONS_PATH = "_data/affiliations.yml"
#: The theme's country names: a two-letter affiliation (``AU``) is a country, not an organisation.
COUNTRIES_PATH = "_data/countries.yml"


@dataclass
class SiteData:
    """The registry, people and organisations of a site, with what was wrong in them."""

    tools: dict[str, Tool] = field(default_factory=dict)
    contributors: dict[str, Contributor] = field(default_factory=dict)
    affiliations: dict[str, Affiliation] = field(default_factory=dict)
    #: Country code (upper case) → name, from ``_data/countries.yml`` when the site has it.
    countries: dict[str, str] = field(default_factory=dict)
    tool_files: list[Path] = field(default_factory=list)
    people_files: list[Path] = field(default_factory=list)
    #: The kinds of registry link entries may have (``ga4gh_registry_links``).
    link_types: tuple[RegistryLinkType, ...] = ELIXIR_REGISTRY_LINKS
    diagnostics: list[Diagnostic] = field(default_factory=list)


def resolve_data_paths(
    base: Path, configured: str | Sequence[str] | None, default: str
) -> tuple[list[Path], list[Diagnostic]]:
    """Paths to read: the configured ones (each must exist) or the default (if it exists)."""
    if configured is None:
        candidate = base / default
        return ([candidate] if candidate.is_file() else []), []
    names = [configured] if isinstance(configured, str) else list(configured)
    paths: list[Path] = []
    problems: list[Diagnostic] = []
    for name in names:
        path = (base / name).resolve()
        if path.is_file():
            paths.append(path)
        else:
            problems.append(
                Diagnostic(
                    f"configured data file not found: {name}",
                    SourceLocation(str(path), 1),
                    "data",
                    is_error=True,
                )
            )
    return paths, problems


def _load_each(
    paths: list[Path],
    parse: Callable[[Any, str], tuple[Any, list[Diagnostic]]],
    problems: list[Diagnostic],
) -> list[Any]:
    results = []
    for path in paths:
        try:
            data = load_yaml(path)
        except YamlLoadError as exc:
            problems.append(exc.diagnostic)
            continue
        parsed, parse_problems = parse(data, str(path))
        problems.extend(parse_problems)
        results.append(parsed)
    return results


def load_site_data(
    base: Path,
    tools: str | Sequence[str] | None,
    contributors: str | Sequence[str] | None,
    affiliations: str | Sequence[str] | None,
    link_types: tuple[RegistryLinkType, ...] = ELIXIR_REGISTRY_LINKS,
    registry_extra_keys: Sequence[str] = (),
) -> SiteData:
    """Read every configured data file below ``base`` (the directory of conf.py)."""
    problems: list[Diagnostic] = []
    tool_paths, missing = resolve_data_paths(base, tools, DEFAULT_TOOLS_PATH)
    problems.extend(missing)
    tool_lists = _load_each(
        tool_paths,
        lambda data, path: parse_tool_registry(data, path, link_types, registry_extra_keys),
        problems,
    )
    tools_by_id, duplicate_problems = merge_registries(t for tl in tool_lists for t in tl)
    problems.extend(duplicate_problems)

    site = SiteData(tools=tools_by_id, tool_files=tool_paths, link_types=link_types)
    contributor_paths, missing = resolve_data_paths(base, contributors, DEFAULT_CONTRIBUTORS_PATH)
    problems.extend(missing)
    for loaded in _load_each(contributor_paths, parse_contributors, problems):
        for name, person in loaded.items():
            site.contributors.setdefault(name, person)
    affiliation_paths, missing = resolve_data_paths(base, affiliations, DEFAULT_AFFILIATIONS_PATH)
    problems.extend(missing)
    for loaded in _load_each(affiliation_paths, parse_affiliations, problems):
        for name, org in loaded.items():
            site.affiliations.setdefault(name, org)
    site.people_files = contributor_paths + affiliation_paths
    countries_path = base / COUNTRIES_PATH
    if countries_path.is_file():
        site.countries = _load_countries(countries_path, problems)
        site.people_files.append(countries_path)
    site.diagnostics = problems
    return site


def _load_countries(path: Path, problems: list[Diagnostic]) -> dict[str, str]:
    try:
        data = load_yaml(path)
    except YamlLoadError as exc:
        problems.append(exc.diagnostic)
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(code).upper(): str(name) for code, name in data.items()}


def is_country_code(name: str) -> bool:
    """The theme's rule: an affiliation of two letters is a country code (``AU``, ``gb``)."""
    return len(name) == 2 and name.isalpha()
