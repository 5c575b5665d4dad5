"""Packaging: the source distribution is the whole project (its tests run from it), the licence
file is shipped, and every third-party module the package imports is a declared dependency.
"""

from __future__ import annotations

import ast
import importlib.metadata
import importlib.util
import os
import subprocess
import sys
import tarfile
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).parent.parent
PACKAGE = ROOT / "sphinx_ga4gh"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
#: What a clone has and the source distribution must have too, for its tests, the example field
#: guide, the documentation, the benchmarks and the real-sites script to work from it.
PROJECT_FILES = [
    "LICENSE",
    "README.md",
    "Makefile",
    "MANIFEST.in",
    "pyproject.toml",
    ".ci/run",
    ".ci/floors.txt",
]
PROJECT_DIRS = ["sphinx_ga4gh", "tests", "conf_example", "docs", "benchmarks", "scripts"]
#: Not sources: what builds, test runs, editors and npm (axe-core) leave in a working copy.
NOT_SOURCES = {
    "_build",
    "__pycache__",
    ".pytest_cache",
    ".mypy_cache",
    ".ruff_cache",
    "node_modules",
}


def source_files() -> Iterator[str]:
    """The files of the project that the source distribution must carry."""
    yield from PROJECT_FILES
    for folder in PROJECT_DIRS:
        for path in (ROOT / folder).rglob("*"):
            relative = path.relative_to(ROOT)
            if path.is_file() and not NOT_SOURCES & set(relative.parts) and path.suffix != ".pyc":
                yield relative.as_posix()


def _setuptools_supports_license_files() -> bool:
    try:
        version = importlib.metadata.version("setuptools")
    except importlib.metadata.PackageNotFoundError:
        return False
    return int(version.split(".")[0]) >= 77


@pytest.fixture(scope="module")
def sdist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if importlib.util.find_spec("build") is None:
        pytest.skip("the 'build' package is not installed (it is in the test extra: .[test])")
    outdir = tmp_path_factory.mktemp("dist")
    if not _setuptools_supports_license_files():
        pytest.skip("setuptools>=77 is not installed (it is in the test extra: .[test])")
    # This environment's setuptools: a build in an isolated one would download it, and the
    # tests fetch nothing from the network.
    command = [
        *(sys.executable, "-m", "build", "--sdist", "--no-isolation"),
        *("--outdir", str(outdir), str(ROOT)),
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    (archive,) = outdir.glob("*.tar.gz")
    return archive


def test_the_sdist_carries_the_tests_their_fixtures_the_example_and_the_docs(sdist: Path) -> None:
    with tarfile.open(sdist) as archive:
        prefix, *_ = archive.getnames()
        names = {name.removeprefix(prefix + "/") for name in archive.getnames()}
    missing = sorted(set(source_files()) - names)
    assert not missing, f"not in {sdist.name}: {missing[:20]}"
    # The shapes the tests rely on, named, in case the tree itself were to lose them.
    for required in (
        "tests/conftest.py",
        "tests/roots/test-basic/conf.py",
        "tests/jekyll/site/_config.yml",
        "tests/jekyll/migrated/conf.py",
        "tests/payloads/payloads.yml",
        "tests/snapshots/basic-guides-passports.txt",
        "conf_example/conf.py",
        "docs/conf.py",
        "benchmarks/run.py",
        "scripts/real_sites.py",
    ):
        assert required in names
    assert not {name for name in names if NOT_SOURCES & set(name.split("/"))}


def test_tests_run_from_the_unpacked_sdist(sdist: Path, tmp_path: Path) -> None:
    """Tests that need the roots, the Jekyll fixtures, the golden project and the snapshots."""
    with tarfile.open(sdist) as archive:
        archive.extractall(tmp_path, filter="data")
    (unpacked,) = tmp_path.iterdir()
    result = subprocess.run(
        [
            *(sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"),
            "tests/test_migration.py::test_output_matches_the_golden_project",
            "tests/test_snapshots.py",
        ],
        cwd=unpacked,
        env={**os.environ, "PYTHONPATH": str(unpacked), "SPHINX_GA4GH_UPDATE_SNAPSHOTS": ""},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert " passed" in result.stdout and "skipped" not in result.stdout


def test_the_sdist_metadata_names_the_licence_file(sdist: Path) -> None:
    with tarfile.open(sdist) as archive:
        (pkg_info,) = (
            member
            for member in archive.getmembers()
            if member.name.count("/") == 1 and member.name.endswith("/PKG-INFO")
        )
        extracted = archive.extractfile(pkg_info)
        assert extracted is not None
        metadata = extracted.read().decode("utf-8")
    assert "License-Expression: MIT" in metadata
    assert "License-File: LICENSE" in metadata


def test_the_licence_file_is_the_mit_licence_the_metadata_declares() -> None:
    assert PYPROJECT["project"]["license"] == "MIT"
    assert PYPROJECT["project"]["license-files"] == ["LICENSE"]
    text = (ROOT / "LICENSE").read_text("utf-8")
    assert text.startswith("MIT License")
    assert "Copyright (c) 2026 sphinx-ga4gh developers" in text


# --- declared dependencies --------------------------------------------------------------------


def imported_modules(guarded: bool) -> dict[str, set[str]]:
    """Absolute imports of the package: module → files. ``guarded``: only the imports inside a
    function (loaded when needed, so the package imports without them); else only the others.
    """
    found: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"), str(path))
        inside_function: set[ast.AST] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                inside_function.update(ast.walk(node))
        for node in ast.walk(tree):
            if (node in inside_function) != guarded:
                continue
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for name in names:
                found.setdefault(name, set()).add(path.relative_to(ROOT).as_posix())
    return found


def distribution_of(module: str) -> str | None:
    """The installed distribution that provides ``module`` (None: standard library or ours).

    The longest importable prefix is looked up, so that namespace packages
    (``sphinxcontrib.bibtex``) name their own distribution, not every ``sphinxcontrib-*``.
    """
    top = module.partition(".")[0]
    if top in sys.stdlib_module_names or top == "sphinx_ga4gh":
        return None
    providers = importlib.metadata.packages_distributions().get(top, [])
    if len(providers) == 1:
        return canonicalize_name(providers[0])
    parts = module.split(".")
    for length in range(len(parts), 0, -1):
        relative = "/".join(parts[:length])
        for provider in providers:
            files = importlib.metadata.distribution(provider).files or []
            # A namespace package's folder is shared: only a module or a subpackage is telling.
            if any(
                str(file) in (f"{relative}.py", f"{relative}/__init__.py")
                or (length > 1 and str(file).startswith(f"{relative}/"))
                for file in files
            ):
                return canonicalize_name(provider)
    raise AssertionError(f"{module} is imported but no installed distribution provides it")


def declared(requirements: list[str]) -> set[str]:
    return {canonicalize_name(Requirement(text).name) for text in requirements}


def test_every_module_imported_at_load_time_is_a_declared_dependency() -> None:
    dependencies = declared(PYPROJECT["project"]["dependencies"])
    undeclared = {
        f"{module} ({distribution}) in {sorted(files)[0]}"
        for module, files in imported_modules(guarded=False).items()
        if (distribution := distribution_of(module)) and distribution not in dependencies
    }
    assert not undeclared, sorted(undeclared)


def test_every_module_imported_when_needed_is_a_dependency_or_an_optional_one() -> None:
    """cairosvg is imported only inside the converter, which checks it is installed first."""
    extras = PYPROJECT["project"]["optional-dependencies"]
    optional = set().union(
        *(declared(requirements) for extra, requirements in extras.items() if extra != "test")
    )
    allowed = declared(PYPROJECT["project"]["dependencies"]) | optional
    lazily = imported_modules(guarded=True)
    undeclared = {
        f"{module} ({distribution}) in {sorted(files)[0]}"
        for module, files in lazily.items()
        if (distribution := distribution_of(module)) and distribution not in allowed
    }
    assert not undeclared, sorted(undeclared)
    assert "cairosvg" in lazily  # what this test is about: it must find the lazy import


def test_the_declared_dependencies_are_installed_here() -> None:
    """The module → distribution lookups above are only as good as the environment."""
    for name in declared(PYPROJECT["project"]["dependencies"]):
        importlib.metadata.distribution(name)
