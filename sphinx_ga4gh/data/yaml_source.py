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


#: How many nodes aliases may add to a document (each use of an alias counts the nodes of what
#: it names): a "billion laughs" of nine aliases nine deep is 387 million, real data files a
#: few at most. Beyond it the file is refused before anything is built from it.
MAX_ALIAS_EXPANSION = 100_000
#: How deep mappings and lists may nest (libyaml stops at 1,000; Python's stack before).
MAX_DEPTH = 200


class YamlBoundError(Exception):
    """A document beyond :data:`MAX_ALIAS_EXPANSION` or :data:`MAX_DEPTH`; ``line`` is 1-based."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _nests_deeper_than(root: yaml.Node, limit: int) -> bool:
    """Whether a node of ``root``'s tree lies more than ``limit`` levels deep (``root`` is level
    1), walked level by level. Only for a tree without aliases: it visits a shared node once per
    place it appears."""
    level = [root]
    for _ in range(limit):
        below: list[yaml.Node] = []
        for node in level:
            if isinstance(node, yaml.SequenceNode):
                below.extend(node.value)
            elif isinstance(node, yaml.MappingNode):
                for pair in node.value:
                    below.extend(pair)
        if not below:
            return False
        level = below
    return True


def _check_bounds(root: yaml.Node, text: str) -> None:
    """Raise :class:`YamlBoundError` when ``root`` nests too deep or its aliases expand too far.

    Aliases are the same node object in several places, so the expanded size is counted once
    per node (linear in the file), without building anything."""
    if "*" not in text and not _nests_deeper_than(root, MAX_DEPTH):
        # no alias can be written without "*", so nothing expands: only the depth needed
        # checking, and the cheap walk found it within the bound (files beyond it take the
        # full walk below, which names the line)
        return
    sizes: dict[int, int] = {}
    distinct = 0
    # iterative post-order walk: the file may be deeper than Python's stack
    stack: list[tuple[yaml.Node, int, bool]] = [(root, 1, False)]
    while stack:
        node, depth, done = stack.pop()
        if id(node) in sizes:
            continue
        children = _children(node)
        if done:
            sizes[id(node)] = 1 + sum(sizes[id(child)] for child in children)
            distinct += 1
            continue
        if depth > MAX_DEPTH:
            raise YamlBoundError(
                f"nested more than {MAX_DEPTH} levels deep", node.start_mark.line + 1
            )
        stack.append((node, depth, True))
        stack.extend((child, depth + 1, False) for child in children if id(child) not in sizes)
    added = sizes[id(root)] - distinct
    if added > MAX_ALIAS_EXPANSION:
        raise YamlBoundError(
            f"its aliases expand to {added:,} more values (at most {MAX_ALIAS_EXPANSION:,}): "
            "an alias bomb?",
            _alias_line(text),
        )


def _alias_line(text: str) -> int:
    """The line of the alias at which the expansion passes the bound (the first alias when
    the events cannot be read)."""
    sizes: dict[str, int] = {}
    open_collections: list[tuple[str | None, int]] = []
    total = 0
    for event in yaml.parse(text, Loader=_BaseLoader):
        if isinstance(event, yaml.AliasEvent):
            total += sizes.get(event.anchor or "", 1)
            if open_collections:
                anchor, count = open_collections[-1]
                open_collections[-1] = (anchor, count + sizes.get(event.anchor or "", 1))
            if total > MAX_ALIAS_EXPANSION and event.start_mark is not None:
                return int(event.start_mark.line) + 1
        elif isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            open_collections.append((event.anchor, 1))
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            anchor, count = open_collections.pop()
            if anchor:
                sizes[anchor] = count
            if open_collections:
                outer, outer_count = open_collections[-1]
                open_collections[-1] = (outer, outer_count + count)
        elif isinstance(event, yaml.ScalarEvent):
            if event.anchor:
                sizes[event.anchor] = 1
            if open_collections:
                outer, outer_count = open_collections[-1]
                open_collections[-1] = (outer, outer_count + 1)
    return 1


def _construct_timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    """A date-like value that is no date (``2021-02-30``) stays text, as Jekyll keeps it."""
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError:
        return str(node.value)


def _load(text: str, loader_class: type[yaml.SafeLoader] = _LocatingLoader) -> Any:
    """``text`` parsed with ``loader_class``, within the bounds."""
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _check_bounds(node, text)
        return loader.construct_document(node)
    finally:
        loader.dispose()


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
_LocatingLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


class _PlainLoader(_BaseLoader):  # type: ignore[misc,valid-type]
    """A safe loader with plain dicts and lists (front matter, written back by the migration)."""


_PlainLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


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
        return _load(text)
    except YamlBoundError as exc:
        raise YamlLoadError(
            Diagnostic(
                f"YAML not read: {exc.message}", SourceLocation(shown, exc.line), "data", True
            )
        ) from exc
    except RecursionError as exc:
        raise YamlLoadError(
            Diagnostic("YAML not read: nested too deep", SourceLocation(shown, 1), "data", True)
        ) from exc
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
        return _load(text)
    except (yaml.YAMLError, YamlBoundError, RecursionError):
        return None


def parse_front_matter(text: str) -> tuple[Any, YamlBoundError | None]:
    """Front matter text parsed within the data files' bounds, impossible dates as text, into
    plain dicts and lists: ``(value, None)``, or ``(None, problem)`` for a document beyond the
    bounds; :class:`yaml.YAMLError` is raised for invalid YAML, for the caller's message."""
    try:
        return _load(text, _PlainLoader), None
    except YamlBoundError as exc:
        return None, exc
    except RecursionError:
        return None, YamlBoundError("nested too deep", 1)


def impossible_dates(text: str) -> list[tuple[int, int, int]]:
    """``(line, start column, end column)``, 0-based, of each plain one-line scalar of ``text``
    that YAML reads as a timestamp but that is no date (``2021-02-30``): PyYAML's own loader
    raises on them. Empty when ``text`` is not valid YAML or is beyond the bounds."""
    loader = _PlainLoader(text)
    found: list[tuple[int, int, int]] = []
    try:
        node = loader.get_single_node()
        if node is None:
            return []
        _check_bounds(node, text)
        seen: set[int] = set()
        stack = [node]
        while stack:
            current = stack.pop()
            if id(current) in seen:
                continue
            seen.add(id(current))
            stack.extend(_children(current))
            if (
                isinstance(current, yaml.ScalarNode)
                and current.tag == "tag:yaml.org,2002:timestamp"
                and not current.style
                and current.start_mark.line == current.end_mark.line
            ):
                try:
                    loader.construct_yaml_timestamp(current)
                except ValueError:
                    mark = current.start_mark
                    found.append((mark.line, mark.column, current.end_mark.column))
    except (yaml.YAMLError, YamlBoundError, RecursionError):
        return []
    finally:
        loader.dispose()
    return sorted(found)
