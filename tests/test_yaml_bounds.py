"""The YAML bounds (nesting depth, alias expansion): the quick depth walk taken by files without
aliases must refuse and accept exactly what the full walk does, naming the same line."""

from __future__ import annotations

from pathlib import Path

import pytest

from sphinx_ga4gh.data.yaml_source import (
    MAX_DEPTH,
    YamlLoadError,
    load_yaml,
    located_yaml,
    parse_front_matter,
)


def _nested_mappings(levels: int) -> str:
    """``levels`` levels of block mappings, the innermost holding a scalar."""
    lines = [f"{'  ' * level}k{level}:" for level in range(levels - 1)]
    lines.append(f"{'  ' * (levels - 1)}leaf: value")
    return "\n".join(lines) + "\n"


def _nested_lists(levels: int) -> str:
    """A flow list ``levels`` deep (the scalar inside counts as one more level)."""
    return "top: " + "[" * levels + "x" + "]" * levels + "\n"


def _error(tmp_path: Path, text: str) -> YamlLoadError:
    path = tmp_path / "data.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(YamlLoadError) as raised:
        load_yaml(path, "data.yml")
    return raised.value


# "*" in a comment sends a file through the full walk, which counts aliases: the oracle
FULL_WALK = "# * (any asterisk means the file may hold aliases)\n"


@pytest.mark.parametrize("make", [_nested_mappings, _nested_lists])
def test_both_walks_agree_around_the_bound(make: object) -> None:
    outcomes = set()
    for levels in range(MAX_DEPTH // 2 - 3, MAX_DEPTH + 3):
        text = make(levels)  # type: ignore[operator]
        quick, full = located_yaml(text), located_yaml(FULL_WALK + text)
        assert quick == full, levels
        outcomes.add(quick is None)
    assert outcomes == {True, False}  # the range crosses the bound


@pytest.mark.parametrize("make", [_nested_mappings, _nested_lists])
def test_depth_beyond_the_bound_names_the_full_walks_line(tmp_path: Path, make: object) -> None:
    text = make(MAX_DEPTH + 5)  # type: ignore[operator]
    quick = _error(tmp_path, text).diagnostic
    full = _error(tmp_path, FULL_WALK + text).diagnostic
    expected = f"YAML not read: nested more than {MAX_DEPTH} levels deep"
    assert quick.message == full.message == expected
    # the oracle has one line more at the top
    assert quick.location.line == full.location.line - 1
    assert located_yaml(text) is None
    assert parse_front_matter(text)[1] is not None


def test_alias_bomb_still_refused(tmp_path: Path) -> None:
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for level in range(1, 9):
        previous = chr(ord("a") + level - 1)
        name = chr(ord("a") + level)
        lines.append(f"{name}: &{name} [{', '.join(['*' + previous] * 9)}]")
    diagnostic = _error(tmp_path, "\n".join(lines) + "\n").diagnostic
    assert "an alias bomb?" in diagnostic.message


def test_aliases_within_the_bound_are_read(tmp_path: Path) -> None:
    text = "base: &base {name: x}\nother: *base\n"
    assert located_yaml(text) == {"base": {"name": "x"}, "other": {"name": "x"}}
