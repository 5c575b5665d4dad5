"""Contributors and affiliations (SPEC §3)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .diagnostics import Diagnostic, SourceLocation
from .entries import mapping_entries
from .schema import AFFILIATION_KEYS, CONTRIBUTOR_KEYS, orcid_id, unknown_keys
from .urls import is_safe_image_url, is_safe_url
from .yaml_source import LocatedDict


@dataclass(frozen=True)
class Contributor:
    """A person, keyed by the name used in page front matter."""

    name: str
    location: SourceLocation
    git: str = ""
    email: str = ""
    orcid: str = ""
    role: str = ""
    affiliation: str = ""
    image_url: str = ""


@dataclass(frozen=True)
class Affiliation:
    """An organisation that supports pages: name, homepage, logo, and its own ``type``
    (``funder``, ``institution``...), which the theme's supporter tiles select by."""

    name: str
    location: SourceLocation
    url: str = ""
    image_url: str = ""
    type: str = ""
    #: Shown in the site's supporter tiles: only with ``expose: true``, as in the theme.
    expose: bool = False
    pid: str = ""


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _checked_url(
    fields: LocatedDict, key: str, path: str, owner: str, subtype: Any, image: bool = False
) -> tuple[str, list[Diagnostic]]:
    """The value of a URL field, or empty with a diagnostic when it may not be linked."""
    url = _text(fields.get(key))
    if not url or (is_safe_image_url(url) if image else is_safe_url(url)):
        return url, []
    expected = "an http(s) URL or a path of the site" if image else "an http(s) or mailto URL"
    return "", [
        Diagnostic(
            f"{owner}: {key} {url!r} is not {expected}; it is not used",
            SourceLocation(path, fields.line_of(key)),
            subtype,
        )
    ]


def _checked_orcid(details: LocatedDict, path: str, owner: str) -> tuple[str, list[Diagnostic]]:
    """The bare ORCID iD, or empty with a diagnostic when its form or check digit is wrong."""
    value = _text(details.get("orcid"))
    if not value:
        return "", []
    identifier = orcid_id(value)
    if identifier is not None:
        return identifier, []
    return "", [
        Diagnostic(
            f"{owner}: orcid {value!r} is not an ORCID iD (0000-0000-0000-000X, the last "
            "character a check digit); it is not linked",
            SourceLocation(path, details.line_of("orcid")),
            "contributor",
        )
    ]


def _shared_identities(contributors: dict[str, Contributor]) -> list[Diagnostic]:
    """Two names with the same ORCID iD or GitHub account: one person written two ways."""
    problems: list[Diagnostic] = []
    for field_name in ("orcid", "git"):
        first: dict[str, Contributor] = {}
        for person in contributors.values():
            value = getattr(person, field_name).lower()
            if not value:
                continue
            if value in first:
                problems.append(
                    Diagnostic(
                        f"contributor {person.name!r} has the same {field_name} as "
                        f"{first[value].name!r} ({first[value].location}): the same person "
                        "under two names?",
                        person.location,
                        "contributor",
                    )
                )
            else:
                first[value] = person
    return problems


def parse_contributors(data: Any, path: str) -> tuple[dict[str, Contributor], list[Diagnostic]]:
    """A mapping of name to details; empty details are allowed."""
    if data is None:
        return {}, []
    if not isinstance(data, LocatedDict):
        return {}, [
            Diagnostic(
                "the contributors file must be a YAML mapping of names to details",
                SourceLocation(path, 1),
                "data",
            )
        ]
    contributors: dict[str, Contributor] = {}
    problems: list[Diagnostic] = [
        Diagnostic(
            f"duplicate contributor {name!r}: also at line {first}; the first is used",
            SourceLocation(path, line),
            "contributor",
        )
        for name, line, first in data.repeated
    ]
    for name, details in data.items():
        location = SourceLocation(path, data.line_of(name))
        if details is None:
            details = LocatedDict()
            details.line = location.line
        if not isinstance(details, LocatedDict):
            problems.append(
                Diagnostic(
                    f"contributor {name!r}: details must be a mapping", location, "contributor"
                )
            )
            continue
        owner = f"contributor {name!r}"
        image_url, image_problems = _checked_url(
            details, "image_url", path, owner, "contributor", image=True
        )
        problems.extend(image_problems)
        orcid, orcid_problems = _checked_orcid(details, path, owner)
        problems += orcid_problems + unknown_keys(
            details, CONTRIBUTOR_KEYS, owner, path, "contributor"
        )
        contributors[name] = Contributor(
            name=name,
            location=location,
            git=_text(details.get("git")),
            email=_text(details.get("email")),
            orcid=orcid,
            role=_text(details.get("role")),
            affiliation=_text(details.get("affiliation")),
            image_url=image_url,
        )
    return contributors, problems + _shared_identities(contributors)


def parse_affiliations(data: Any, path: str) -> tuple[dict[str, Affiliation], list[Diagnostic]]:
    """A list of affiliations, indexed by name; a repeated name keeps the first."""
    entries, problems = mapping_entries(data, path, "affiliation", "affiliation")
    affiliations: dict[str, Affiliation] = {}
    for entry in entries:
        location = SourceLocation(path, entry.line)
        name = _text(entry.get("name"))
        if not name:
            problems.append(
                Diagnostic(
                    "affiliation entry has no 'name'; it is skipped", location, "affiliation"
                )
            )
            continue
        if name in affiliations:
            problems.append(
                Diagnostic(
                    f"duplicate affiliation {name!r}: also defined at "
                    f"{affiliations[name].location}; the first definition is used",
                    location,
                    "affiliation",
                )
            )
            continue
        owner = f"affiliation {name!r}"
        url, url_problems = _checked_url(entry, "url", path, owner, "affiliation")
        image_url, image_problems = _checked_url(
            entry, "image_url", path, owner, "affiliation", image=True
        )
        problems.extend(url_problems + image_problems)
        problems.extend(unknown_keys(entry, AFFILIATION_KEYS, owner, path, "affiliation"))
        expose = entry.get("expose")
        if expose is not None and not isinstance(expose, bool):
            problems.append(
                Diagnostic(
                    f"{owner}: expose {expose!r} is not true or false; it is taken as false",
                    SourceLocation(path, entry.line_of("expose")),
                    "affiliation",
                )
            )
        affiliations[name] = Affiliation(
            name=name,
            location=location,
            url=url,
            image_url=image_url,
            type=_text(entry.get("type")),
            expose=expose is True,
            pid=_text(entry.get("pid")),
        )
    return affiliations, problems
