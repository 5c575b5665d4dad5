"""docs/getting-started.md, followed literally: the files its first field guide shows (each a
``{code-block}`` captioned with its path) are written out and built with ``sphinx-build -W``.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from markdown_it import MarkdownIt

PAGE = Path(__file__).parent.parent / "docs" / "getting-started.md"
#: ```{code-block} LANG, then ``:option: value`` lines, then the content.
CODE_BLOCK = re.compile(r"\{code-block\}\s*(?P<language>\S*)")
OPTION = re.compile(r":(?P<name>[\w-]+):\s*(?P<value>.*)")
#: The project's folder as the page names it (``my-guide/`` in the tree and the build command).
PROJECT = "my-guide"


def fences() -> list[tuple[str, str]]:
    """Every fenced block of the page at the top level: (info string, content)."""
    tokens = MarkdownIt("commonmark").parse(PAGE.read_text("utf-8"))
    return [(token.info.strip(), token.content) for token in tokens if token.type == "fence"]


def shown_files() -> dict[str, str]:
    """Path (from the block's caption) → the text the block shows."""
    files: dict[str, str] = {}
    for info, content in fences():
        if not CODE_BLOCK.fullmatch(info):
            continue
        lines = content.splitlines(keepends=True)
        options: dict[str, str] = {}
        while lines and (option := OPTION.fullmatch(lines[0].strip())):
            options[option["name"]] = option["value"]
            lines.pop(0)
        if lines and not lines[0].strip():
            lines.pop(0)  # the blank line between the options and the content
        assert "caption" in options, f"a code block without its file's path: {info} {lines[:1]}"
        files[options["caption"]] = "".join(lines)
    return files


def project_tree() -> list[str]:
    """The files of the ``my-guide/`` tree the page draws."""
    for info, content in fences():
        if info == "text" and content.startswith(f"{PROJECT}/"):
            return [line.strip() for line in content.splitlines()[1:] if line.strip()]
    raise AssertionError(f"the page draws no {PROJECT}/ tree")


def build_command() -> list[str]:
    """The page's ``sphinx-build`` command line, without the program."""
    for info, content in fences():
        for line in content.splitlines():
            if info == "console" and "sphinx-build" in line and PROJECT in line:
                return shlex.split(line)[1:]
    raise AssertionError("the page shows no sphinx-build command for its project")


def test_every_file_of_the_tree_is_shown_and_nothing_else() -> None:
    assert sorted(shown_files()) == sorted(project_tree())


def test_the_first_field_guide_builds_with_warnings_as_errors(tmp_path: Path) -> None:
    pytest.importorskip("pydata_sphinx_theme", reason="the page's conf.py uses it: .[theme]")
    for name, text in shown_files().items():
        path = tmp_path / PROJECT / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    arguments = build_command()
    assert "-W" in arguments
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", *arguments],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    assert not result.stderr.strip(), result.stderr
    # What the page says the reader then sees on the Beacon page.
    html = tmp_path / PROJECT / "_build" / "html" / "beacon.html"
    page = BeautifulSoup(html.read_text("utf-8"), "html.parser")
    text = page.get_text(" ", strip=True)
    assert "Beacon v2" in text
    assert "Technologies and standards" in text
    assert "Rambla et al. , 2022" in text  # the citation, resolved
    assert 'a "lingua franca" for federated data discovery' in text  # the References entry
    assert "Tools and resources on this page" in text
