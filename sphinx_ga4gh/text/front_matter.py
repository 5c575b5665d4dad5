"""A page's front matter block: the YAML between the ``---`` lines that open the file."""

from __future__ import annotations

import re
from typing import Any, NamedTuple

import yaml

from ..data.yaml_source import YamlBoundError, parse_front_matter

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*(?:\r?\n|\Z)", re.S | re.M)


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """``(front matter text, body, body's first line)``, or None when there is none."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return None
    return match.group(1), text[match.end() :], match.group().count("\n") + 1


class FrontMatterBlock(NamedTuple):
    """A page's front matter, read as the build, ``check`` and the migration all read it."""

    text: str  # the YAML between the ``---`` lines
    body: str  # the rest of the page
    body_line: int  # the line of the file the body starts on
    data: Any  # plain dicts and lists; None when beyond the bounds or not valid YAML
    beyond: YamlBoundError | None  # why it was not read: beyond the data files' bounds
    error: yaml.YAMLError | None  # why it was not read: not valid YAML


def read_front_matter(text: str) -> FrontMatterBlock | None:
    """The front matter of a page's ``text`` split off and parsed within the data files'
    bounds, impossible dates as text; None when the page has none."""
    parts = split_front_matter(text)
    if parts is None:
        return None
    head, body, body_line = parts
    try:
        data, beyond = parse_front_matter(head)
    except yaml.YAMLError as error:
        return FrontMatterBlock(head, body, body_line, None, None, error)
    return FrontMatterBlock(head, body, body_line, data, beyond, None)
