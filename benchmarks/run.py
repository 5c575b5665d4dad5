"""The benchmark: the same synthetic content built with sphinx-ga4gh and as a plain MyST +
sphinxcontrib-bibtex baseline, alternating, in one run (SPEC §8).

    python benchmarks/run.py [--sizes toolkit 10x] [--repeats 3] [--work /tmp/ga4gh-bench]
                             [--site /path/to/jekyll-site ...] [--no-profile]

Reports the full-build time ratio (extension / baseline), time per page, peak memory, ``-j 1``
against ``-j 2`` (time and byte-identical output), and incremental rebuilds: how many documents
are re-read after touching one page and after editing one tool of the registry.

``--site`` adds the real-site pair: a Jekyll site folder migrated with ``sphinx-ga4gh
migrate`` (the product), against the same pages as plain MyST + sphinxcontrib-bibtex
(``plain_myst.py``), both built alternating with ``-D html_theme=alabaster``. Every build is a
fresh process with an empty output folder (as ``-E``), ``-j 1`` unless said. The report also
gives each build's phases, what its pickled environment holds (``env_size.py``) and, when
py-spy is installed, where a build's time goes (``sampling.py``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path
from typing import Any

import sampling
from plain_myst import convert_project

from generate import SIZES, generate

HERE = Path(__file__).parent


#: The real-site pair's theme, for both sides (the issue's measurement used alabaster).
SITE_OVERRIDES = {"html_theme": "alabaster"}


def build(
    srcdir: Path,
    outdir: Path,
    jobs: int = 1,
    fresh: bool = True,
    overrides: dict[str, str] | None = None,
) -> dict[str, Any]:
    if fresh and outdir.exists():
        shutil.rmtree(outdir)
    command = [str(HERE / "build_once.py"), str(srcdir), str(outdir), str(jobs)]
    done = subprocess.run(
        [sys.executable, *command, json.dumps(overrides or {})],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def compile_extension() -> None:
    """Byte-compile sphinx_ga4gh as installing it does. Its dependencies are installed
    packages with their bytecode; run from a source tree with ``PYTHONDONTWRITEBYTECODE`` set,
    every build would compile the extension's modules again (0.1 s of each build here)."""
    import compileall

    import sphinx_ga4gh

    compileall.compile_dir(Path(sphinx_ga4gh.__file__).parent, quiet=1)


def html_digest(outdir: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted((outdir / "html").rglob("*")):
        if path.is_file() and path.suffix in {".html", ".js", ".inv"}:
            digest.update(path.relative_to(outdir).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def env_size(outdir: Path) -> dict[str, Any]:
    """What the build's environment.pickle holds (env_size.py, in its own process)."""
    done = subprocess.run(
        [
            sys.executable,
            str(HERE / "env_size.py"),
            str(outdir / "doctrees" / "environment.pickle"),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def alternate(
    builds: dict[str, tuple[Path, Path, int]], repeats: int, overrides: dict[str, str] | None
) -> dict[str, Any]:
    """Each build (name → source, output, jobs) ``repeats`` times, in turn, so that the load
    of a shared machine hits every variant alike; medians of time and of each phase, peak
    memory, warnings."""
    runs: dict[str, list[dict[str, Any]]] = {name: [] for name in builds}
    for _ in range(repeats):
        for name, (srcdir, outdir, jobs) in builds.items():
            runs[name].append(build(srcdir, outdir, jobs=jobs, overrides=overrides))
    return {
        "seconds": {n: statistics.median(r["seconds"] for r in rs) for n, rs in runs.items()},
        "cpu_seconds": {
            n: statistics.median(r["cpu_seconds"] for r in rs) for n, rs in runs.items()
        },
        "all_times": {n: [r["seconds"] for r in rs] for n, rs in runs.items()},
        "peak_mib": {n: max(r["peak_kib"] for r in rs) / 1024 for n, rs in runs.items()},
        "phases": {
            n: {
                phase: statistics.median(r["phases"][phase] for r in rs)
                for phase in rs[0]["phases"]
            }
            for n, rs in runs.items()
        },
        "warnings": {n: rs[-1]["warnings"] for n, rs in runs.items()},
        "documents": {n: len(rs[-1]["read"]) for n, rs in runs.items()},
    }


def measure(work: Path, size: str, repeats: int, plain_baseline: bool) -> dict[str, Any]:
    roots = generate(work / "sites", size)
    pages = SIZES[size]["pages"]
    out = work / "out" / size
    serial_dir, parallel_dir = out / "ga4gh", out / "ga4gh-j2"
    builds = {
        "ga4gh": (roots["ga4gh"], serial_dir, 1),
        "ga4gh_j2": (roots["ga4gh"], parallel_dir, 2),
        "baseline_indexed": (roots["baseline_indexed"], out / "baseline_indexed", 1),
    }
    if plain_baseline:
        builds["baseline"] = (roots["baseline"], out / "baseline", 1)
    runs = alternate(builds, repeats, None)
    identical = html_digest(serial_dir) == html_digest(parallel_dir)
    environment = env_size(serial_dir)
    # Incremental: one page edited, then one tool of the registry edited.
    page = sorted(roots["ga4gh"].rglob("page_*.md"))[0]
    page.write_text(page.read_text("utf-8") + "\nOne more sentence.\n", "utf-8")
    touched = build(roots["ga4gh"], serial_dir, fresh=False)
    registry = roots["ga4gh"] / "_data" / "tool_and_resource_list.yml"
    registry.write_text(
        registry.read_text("utf-8").replace("  description: ", "  description: Edited. ", 1),
        "utf-8",
    )
    edited = build(roots["ga4gh"], serial_dir, fresh=False)
    mentioning = sum(
        1 for path in roots["ga4gh"].rglob("page_*.md") if "{tool}" in path.read_text("utf-8")
    )
    return {
        **runs,
        "size": size,
        "pages": pages,
        "j2_identical": identical,
        "environment": environment,
        "touch_seconds": touched["seconds"],
        "reread_after_page_edit": len(touched["read"]),
        "registry_seconds": edited["seconds"],
        "reread_after_registry_edit": len(edited["read"]),
        "pages_mentioning_tools": mentioning,
    }


def measure_site(work: Path, site: Path, repeats: int) -> dict[str, Any]:
    """The real-site pair: ``sphinx-ga4gh migrate`` of the site, and the same pages as plain
    MyST + sphinxcontrib-bibtex, built alternating."""
    root = work / "site" / site.name
    migrated, plain = root / "ga4gh", root / "plain"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx_ga4gh",
            "migrate",
            str(site),
            str(migrated),
            "--quiet",
            "--force",
        ],
        capture_output=True,
        check=True,
    )
    counts = convert_project(migrated, plain)
    builds = {
        "ga4gh": (migrated, root / "out" / "ga4gh", 1),
        "plain": (plain, root / "out" / "plain", 1),
    }
    runs = alternate(builds, repeats, SITE_OVERRIDES)
    return {
        **runs,
        "site": site.name,
        "conversion": vars(counts),
        "environment": {name: env_size(outdir) for name, (_, outdir, _) in builds.items()},
        "sources": {"ga4gh": migrated, "plain": plain},
    }


def _mib(size: int) -> str:
    return f"{size / 2**20:.2f}"


def machine_line() -> str:
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    return (
        f"Machine: {platform.machine()}, {platform.system()} {platform.release()}, "
        f"{os.cpu_count()} cores (load average {load} at the end); Python "
        f"{platform.python_version()}; Sphinx {version('sphinx')}, myst-parser "
        f"{version('myst-parser')}, sphinxcontrib-bibtex {version('sphinxcontrib-bibtex')}, "
        f"docutils {version('docutils')}, sphinx-ga4gh {version('sphinx-ga4gh')}."
    )


def synthetic_tables(results: list[dict[str, Any]]) -> list[str]:
    lines = [
        "| size | pages | sphinx-ga4gh (s) | baseline + indexed cite (s) | ratio | plain baseline "
        "(s) | ratio | CPU ratio to baseline + indexed cite | ms/page | peak MiB (ga4gh / "
        "baseline) | -j 2 (s) | -j 1 / -j 2 | -j 2 = -j 1 |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: "
        "| --- |",
    ]
    for r in results:
        seconds, memory, cpu = r["seconds"], r["peak_mib"], r["cpu_seconds"]
        ours, indexed, parallel = seconds["ga4gh"], seconds["baseline_indexed"], seconds["ga4gh_j2"]
        plain = seconds.get("baseline")
        plain_cells = f"{plain:.1f} | {ours / plain:.2f}" if plain else "not run | -"
        lines.append(
            f"| {r['size']} | {r['pages']} | {ours:.1f} | {indexed:.1f} | {ours / indexed:.2f} | "
            f"{plain_cells} | {cpu['ga4gh'] / cpu['baseline_indexed']:.2f} | "
            f"{1000 * ours / r['pages']:.0f} | "
            f"{memory['ga4gh']:.0f} / {memory['baseline_indexed']:.0f} | "
            f"{parallel:.1f} | {ours / parallel:.2f} | {'yes' if r['j2_identical'] else 'NO'} |"
        )
    lines += [
        "",
        "| size | page edited: re-read | time (s) | registry edited: re-read | time (s) |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        lines.append(
            f"| {r['size']} | {r['reread_after_page_edit']} | {r['touch_seconds']:.1f} | "
            f"{r['reread_after_registry_edit']} ({r['pages_mentioning_tools']} pages mention "
            f"tools, + the site-wide table) | {r['registry_seconds']:.1f} |"
        )
    return lines


def site_tables(sites: list[dict[str, Any]]) -> list[str]:
    lines = [
        "| site | documents | tool mentions / page links / directives dropped | "
        "sphinx-ga4gh (s) | plain MyST (s) | time ratio | CPU (s, ga4gh / plain) | "
        "**CPU ratio** | peak MiB (ga4gh / plain) | **memory ratio** | warnings (ga4gh / plain) |",
        "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in sites:
        seconds, memory, counts = r["seconds"], r["peak_mib"], r["conversion"]
        cpu = r["cpu_seconds"]
        dropped = sum(counts["directives_dropped"].values())
        lines.append(
            f"| {r['site']} | {r['documents']['ga4gh']} | {counts['tool_mentions']} / "
            f"{counts['page_links']} / {dropped} | {seconds['ga4gh']:.1f} | "
            f"{seconds['plain']:.1f} | {seconds['ga4gh'] / seconds['plain']:.2f} | "
            f"{cpu['ga4gh']:.1f} / {cpu['plain']:.1f} | **{cpu['ga4gh'] / cpu['plain']:.2f}** | "
            f"{memory['ga4gh']:.0f} / {memory['plain']:.0f} | "
            f"**{memory['ga4gh'] / memory['plain']:.2f}** | "
            f"{r['warnings']['ga4gh']} / {r['warnings']['plain']} |"
        )
    return lines


def phase_table(builds: list[tuple[str, dict[str, float]]]) -> list[str]:
    lines = [
        "| build | setup (s) | reading (s) | writing (s) |",
        "| --- | ---: | ---: | ---: |",
    ]
    for name, phases in builds:
        lines.append(
            f"| {name} | {phases['setup']:.1f} | {phases['reading']:.1f} | "
            f"{phases['writing']:.1f} |"
        )
    return lines


def environment_table(name: str, environment: dict[str, Any], rows: int = 12) -> list[str]:
    lines = [
        f"{name}: environment.pickle {_mib(environment['bytes'])} MB for "
        f"{environment['documents']} documents; loading it takes "
        f"{environment['load_seconds']:.2f} s, pickling it {environment['dump_seconds']:.2f} s.",
        "",
        "| part (pickled alone) | MB | entries |",
        "| --- | ---: | ---: |",
    ]
    for part in environment["parts"][:rows]:
        entries = "" if part["entries"] is None else str(part["entries"])
        lines.append(f"| `{part['name']}` | {_mib(part['bytes'])} | {entries} |")
    return lines


def profile_tables(name: str, profile: dict[str, Any]) -> list[str]:
    total = profile["samples"] or 1
    lines = [
        f"{name}: {profile['samples']} samples (py-spy, 100 a second, one `-j 1` build).",
        "",
        "| phase | share of the build | of which in sphinx_ga4gh frames |",
        "| --- | ---: | ---: |",
    ]
    for phase, count in profile["phases"]:
        ours = profile["ours_by_phase"].get(phase, 0)
        lines.append(f"| {phase} | {100 * count / total:.0f} % | {100 * ours / total:.0f} % |")
    lines += ["", "| package (running frame) | share |", "| --- | ---: |"]
    lines += [
        f"| {package} | {100 * count / total:.0f} % |" for package, count in profile["packages"]
    ]
    lines += ["", "| function (self time) | share |", "| --- | ---: |"]
    lines += [
        f"| `{function}` | {100 * count / total:.1f} % |"
        for function, count in profile["self_functions"][:10]
    ]
    lines += ["", "| sphinx_ga4gh function (inclusive) | share |", "| --- | ---: |"]
    lines += [
        f"| `{function}` | {100 * count / total:.1f} % |"
        for function, count in profile["ours_inclusive"][:10]
    ]
    return lines


def report(
    results: list[dict[str, Any]],
    sites: list[dict[str, Any]],
    profiles: list[tuple[str, dict[str, Any] | None]],
) -> str:
    lines = [
        machine_line(),
        "",
        "Times are wall-clock medians of alternating builds; on a shared machine the ratios "
        "(and the CPU ratios) are what counts, not the seconds.",
        "",
    ]
    if results:
        lines += ["## Synthetic sites", "", *synthetic_tables(results), ""]
    if sites:
        lines += ["## Real-site pair (alabaster, -j 1)", "", *site_tables(sites), ""]
    builds: list[tuple[str, dict[str, float]]] = []
    for r in results:
        builds += [(f"{r['size']} {name}", phases) for name, phases in r["phases"].items()]
    for r in sites:
        builds += [(f"{r['site']} {name}", phases) for name, phases in r["phases"].items()]
    lines += ["## Phases (medians; reading includes merging the -j processes)", ""]
    lines += [*phase_table(builds), ""]
    lines += ["## Pickled environment", ""]
    for r in results:
        lines += [*environment_table(f"{r['size']} sphinx-ga4gh", r["environment"]), ""]
    for r in sites:
        for name, environment in r["environment"].items():
            lines += [*environment_table(f"{r['site']} {name}", environment, 8), ""]
    lines += ["## Profile", ""]
    for name, profile in profiles:
        if profile is None:
            lines += [f"{name}: not profiled (py-spy is not installed: pip install py-spy).", ""]
        else:
            lines += [*profile_tables(name, profile), ""]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", nargs="*", choices=sorted(SIZES), default=["toolkit"])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--work", type=Path, default=Path("/tmp/ga4gh-bench"))
    parser.add_argument("--json", type=Path, help="also write the raw results here")
    parser.add_argument(
        "--site",
        type=Path,
        nargs="*",
        default=[],
        help="Jekyll site folders for the real-site pair (read only; nothing is copied into "
        "the repository)",
    )
    parser.add_argument("--no-profile", action="store_true", help="skip the py-spy profiles")
    parser.add_argument(
        "--plain-baseline-up-to",
        default="toolkit",
        choices=sorted(SIZES),
        help="largest size at which to also build the plain baseline (its per-page reference "
        "lists cost time cubic in the site's size: hours at 10x)",
    )
    arguments = parser.parse_args()
    compile_extension()
    order = list(SIZES)
    work: Path = arguments.work
    sites = [measure_site(work, site.resolve(), arguments.repeats) for site in arguments.site]
    results = [
        measure(
            work,
            size,
            arguments.repeats,
            order.index(size) <= order.index(arguments.plain_baseline_up_to),
        )
        for size in arguments.sizes
    ]
    profiles: list[tuple[str, dict[str, Any] | None]] = []
    if not arguments.no_profile:
        for r in results[:1]:
            source = work / "sites" / r["size"] / "ga4gh"
            profile = sampling.profile(source, work / "out" / r["size"] / "profile")
            profiles.append((f"{r['size']} sphinx-ga4gh", profile))
        for r in sites:
            outdir = work / "site" / r["site"] / "out" / "profile"
            profile = sampling.profile(r["sources"]["ga4gh"], outdir, SITE_OVERRIDES)
            profiles.append((f"{r['site']} sphinx-ga4gh", profile))
    if arguments.json:
        raw = {"synthetic": results, "sites": sites, "profiles": profiles}
        arguments.json.write_text(json.dumps(raw, indent=2, default=str), "utf-8")
    print(report(results, sites, profiles))


if __name__ == "__main__":
    main()
