"""All data files of one site, loaded together once per build."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

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

#: Where the ELIXIR toolkit theme keeps its data, in the order looked for when an option is left
#: unset. Jekyll's ``site.data`` reads ``X.yml`` and ``X.yaml`` alike; the first found is read.
TOOLS_FILES = ("_data/tool_and_resource_list.yml", "_data/tool_and_resource_list.yaml")
CONTRIBUTORS_FILES = ("_data/CONTRIBUTORS.yml", "_data/CONTRIBUTORS.yaml")
#: The theme reads ``site.data.affiliations | default: site.data.supported_by``.
AFFILIATIONS_FILES = (
    "_data/affiliations.yml",
    "_data/affiliations.yaml",
    "_data/supported_by.yml",
    "_data/supported_by.yaml",
)
#: The theme's country names: a two-letter affiliation (``AU``) is a country, not an organisation.
COUNTRIES_FILES = ("_data/countries.yml", "_data/countries.yaml")
DEFAULT_TOOLS_PATH = TOOLS_FILES[0]
DEFAULT_CONTRIBUTORS_PATH = CONTRIBUTORS_FILES[0]
DEFAULT_AFFILIATIONS_PATH = AFFILIATIONS_FILES[0]
COUNTRIES_PATH = COUNTRIES_FILES[0]
#: ISO 3166-1 alpha-2 codes (and the reserved EU, UK) → English names, for sites without
#: a countries file of their own (the theme ships one; a site using the theme has none).
PACKAGED_COUNTRIES = "countries.json"


@dataclass
class SiteData:
    """The registry, people and organisations of a site, with what was wrong in them."""

    tools: dict[str, Tool] = field(default_factory=dict)
    contributors: dict[str, Contributor] = field(default_factory=dict)
    affiliations: dict[str, Affiliation] = field(default_factory=dict)
    #: Country code (upper case) → name: the site's countries file over the packaged list.
    countries: dict[str, str] = field(default_factory=dict)
    tool_files: list[Path] = field(default_factory=list)
    contributor_files: list[Path] = field(default_factory=list)
    affiliation_files: list[Path] = field(default_factory=list)
    countries_file: Path | None = None
    #: Every people data file read (contributors, affiliations, countries): dependencies.
    people_files: list[Path] = field(default_factory=list)
    #: The kinds of registry link entries may have (``ga4gh_registry_links``).
    link_types: tuple[RegistryLinkType, ...] = ELIXIR_REGISTRY_LINKS
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def names_people(self, kind: Literal["contributor", "affiliation"]) -> bool:
        """Whether names of this kind can be checked: a data file with at least one entry. An
        empty file (the theme's own site ships one that is all comments) is as good as none."""
        return bool(self.contributors if kind == "contributor" else self.affiliations)

    def people_file_names(self, kind: Literal["contributor", "affiliation"]) -> list[Path]:
        return self.contributor_files if kind == "contributor" else self.affiliation_files


def find_data_file(base: Path, candidates: Sequence[str]) -> tuple[Path | None, list[Diagnostic]]:
    """The first of ``candidates`` (paths below ``base``) that exists, as Jekyll would read it;
    a note for each other candidate that exists too, as it is not read."""
    found = [base / name for name in candidates if (base / name).is_file()]
    if not found:
        return None, []
    first = found[0]
    first_name = first.relative_to(base).as_posix()
    notes = [
        Diagnostic(
            f"{path.relative_to(base).as_posix()} is not read: {first_name} is (as Jekyll's "
            "site.data and the theme choose); merge the two files or name both in conf.py",
            SourceLocation(str(path), 1),
            "data",
        )
        for path in found[1:]
    ]
    return first, notes


def resolve_data_paths(
    base: Path, configured: str | Sequence[str] | None, default: str | Sequence[str]
) -> tuple[list[Path], list[Diagnostic]]:
    """Paths to read: the configured ones (each must exist) or the first of the default
    candidates that exists."""
    if configured is None:
        found, notes = find_data_file(base, [default] if isinstance(default, str) else default)
        return ([found] if found is not None else []), notes
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
    tool_paths, missing = resolve_data_paths(base, tools, TOOLS_FILES)
    problems.extend(missing)
    tool_lists = _load_each(
        tool_paths,
        lambda data, path: parse_tool_registry(data, path, link_types, registry_extra_keys),
        problems,
    )
    tools_by_id, duplicate_problems = merge_registries(t for tl in tool_lists for t in tl)
    problems.extend(duplicate_problems)

    site = SiteData(tools=tools_by_id, tool_files=tool_paths, link_types=link_types)
    contributor_paths, missing = resolve_data_paths(base, contributors, CONTRIBUTORS_FILES)
    problems.extend(missing)
    for loaded in _load_each(contributor_paths, parse_contributors, problems):
        for name, person in loaded.items():
            site.contributors.setdefault(name, person)
    affiliation_paths, missing = resolve_data_paths(base, affiliations, AFFILIATIONS_FILES)
    problems.extend(missing)
    for loaded in _load_each(affiliation_paths, parse_affiliations, problems):
        for name, org in loaded.items():
            site.affiliations.setdefault(name, org)
    site.contributor_files = contributor_paths
    site.affiliation_files = affiliation_paths
    site.people_files = contributor_paths + affiliation_paths
    site.countries = dict(packaged_countries())
    countries_path, notes = find_data_file(base, COUNTRIES_FILES)
    problems.extend(notes)
    if countries_path is not None:
        site.countries.update(_load_countries(countries_path, problems))
        site.countries_file = countries_path
        site.people_files.append(countries_path)
    site.diagnostics = problems
    return site


def _load_countries(path: Path, problems: list[Diagnostic]) -> dict[str, str]:
    try:
        data = load_yaml(path)
    except YamlLoadError as exc:
        problems.append(exc.diagnostic)
        return {}
    if data is None:
        return {}
    if not isinstance(data, dict):
        problems.append(
            Diagnostic(
                "the countries file must be a YAML mapping of two-letter codes to names",
                SourceLocation(str(path), 1),
                "data",
            )
        )
        return {}
    return {str(code).upper(): str(name) for code, name in data.items()}


@lru_cache(maxsize=1)
def packaged_countries() -> Mapping[str, str]:
    """The country names shipped with the package (read once)."""
    text = Path(__file__).with_name(PACKAGED_COUNTRIES).read_text(encoding="utf-8")
    names: dict[str, str] = json.loads(text)
    return MappingProxyType(names)


def missing_people_file_message(
    kind: Literal["contributor", "affiliation"], pages: int, empty_files: Sequence[str] = ()
) -> str:
    """The one site-wide warning for pages naming people or supporters with no data file (or
    only ``empty_files``, files that list no one)."""
    files: tuple[str, ...]
    if kind == "contributor":
        what, files, option = "people", CONTRIBUTORS_FILES, "ga4gh_contributors"
        keys = "contributors, editors or coordinators"
    else:
        what, files, option = "supporters", AFFILIATIONS_FILES, "ga4gh_affiliations"
        keys = "affiliations or supported_by"
    count = "1 page names" if pages == 1 else f"{pages} pages name"
    if empty_files:
        return (
            f"{count} {what} in {keys} (this is the first), but the {kind}s file "
            f"({', '.join(empty_files)}) lists none: their details are unknown"
        )
    return (
        f"{count} {what} in {keys} (this is the first), but no {kind}s file was found "
        f"({' or '.join(files)}; or set {option} in conf.py): their details are unknown"
    )


def is_country_code(name: str) -> bool:
    """The theme's rule: an affiliation of two letters is a country code (``AU``, ``gb``)."""
    return len(name) == 2 and name.isalpha()
