"""YAML loading that remembers where every mapping and key came from.

The registry is validated entry by entry and every warning must name a line, so mappings are
loaded as :class:`LocatedDict`, which carries the line of the mapping and of each of its keys.
libyaml's parser is used when PyYAML was built with it (it is several times faster at 10x scale).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .diagnostics import Diagnostic, SourceLocation

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LocatedDict(dict[str, Any]):
    """A mapping loaded from YAML, with the 1-based line of itself and of each key."""

    line: int
    key_lines: dict[str, int]
    #: Keys written more than once: (key, its later line, its first line); the first value is
    #: kept.
    repeated: list[tuple[str, int, int]]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.line = 1
        self.key_lines = {}
        self.repeated = []

    def line_of(self, key: str) -> int:
        """The line of ``key`` if present, else the line of the mapping."""
        return self.key_lines.get(key, self.line)


class LocatedList(list[Any]):
    """A sequence loaded from YAML, with the 1-based line of each item."""

    item_lines: list[int]


class _LocatingLoader(_BaseLoader):  # type: ignore[misc,valid-type]
    """A safe loader whose mappings are :class:`LocatedDict`."""


def _construct_located_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> LocatedDict:
    loader.flatten_mapping(node)
    mapping = LocatedDict()
    mapping.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        # Keys are names as written: YAML 1.1 would read `NO:` (Norway in countries.yml) as
        # false and `2021:` as a number.
        if isinstance(key_node, yaml.ScalarNode):
            key = str(key_node.value)
        else:
            key = str(loader.construct_object(key_node, deep=True))
        line = key_node.start_mark.line + 1
        if key in mapping:
            mapping.repeated.append((key, line, mapping.key_lines[key]))
            continue
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = line
    return mapping


def _construct_located_sequence(loader: yaml.SafeLoader, node: yaml.SequenceNode) -> LocatedList:
    sequence = LocatedList(loader.construct_object(item, deep=True) for item in node.value)
    sequence.item_lines = [item.start_mark.line + 1 for item in node.value]
    return sequence


_LocatingLoader.add_constructor("tag:yaml.org,2002:map", _construct_located_mapping)
_LocatingLoader.add_constructor("tag:yaml.org,2002:seq", _construct_located_sequence)


class YamlLoadError(Exception):
    """A data file that could not be read or parsed; carries its diagnostic."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


def load_yaml(path: Path, display_path: str | None = None) -> Any:
    """Parse ``path``; raise :class:`YamlLoadError` naming file, line and column on failure."""
    shown = display_path or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise YamlLoadError(
            Diagnostic(f"cannot read data file: {exc}", SourceLocation(shown, 1), "data", True)
        ) from exc
    try:
        return yaml.load(text, Loader=_LocatingLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        column = mark.column + 1 if mark else 1
        problem = exc.problem or exc.context or "invalid YAML"
        raise YamlLoadError(
            Diagnostic(
                f"malformed YAML (line {line}, column {column}): {problem}",
                SourceLocation(shown, line),
                "data",
                True,
            )
        ) from exc
    except yaml.YAMLError as exc:
        raise YamlLoadError(
            Diagnostic(f"malformed YAML: {exc}", SourceLocation(shown, 1), "data", True)
        ) from exc


def located_yaml(text: str) -> Any:
    """``text`` parsed with lines kept (:class:`LocatedDict`, :class:`LocatedList`); None when
    it is not valid YAML (its reader reports that)."""
    try:
        return yaml.load(text, Loader=_LocatingLoader)
    except yaml.YAMLError:
        return None
