"""The benchmark: the same synthetic content built with sphinx-ga4gh and as a plain MyST +
sphinxcontrib-bibtex baseline, alternating, in one run (SPEC §8).

    python benchmarks/run.py [--sizes toolkit 10x] [--repeats 3] [--work /tmp/ga4gh-bench]

Reports the full-build time ratio (extension / baseline), time per page, peak memory, ``-j 1``
against ``-j 2`` (time and byte-identical output), and incremental rebuilds: how many documents
are re-read after touching one page and after editing one tool of the registry.
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

from generate import SIZES, generate

HERE = Path(__file__).parent


def build(srcdir: Path, outdir: Path, jobs: int = 1, fresh: bool = True) -> dict[str, Any]:
    if fresh and outdir.exists():
        shutil.rmtree(outdir)
    done = subprocess.run(
        [sys.executable, str(HERE / "build_once.py"), str(srcdir), str(outdir), str(jobs)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def html_digest(outdir: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted((outdir / "html").rglob("*")):
        if path.is_file() and path.suffix in {".html", ".js", ".inv"}:
            digest.update(path.relative_to(outdir).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def measure(work: Path, size: str, repeats: int, plain_baseline: bool) -> dict[str, Any]:
    roots = generate(work / "sites", size)
    pages = SIZES[size]["pages"]
    variants = ["ga4gh", "baseline_indexed"] + (["baseline"] if plain_baseline else [])
    times: dict[str, list[float]] = {variant: [] for variant in variants}
    memory: dict[str, int] = {}
    for _ in range(repeats):
        for variant in variants:  # alternating, so drift hits every variant alike
            result = build(roots[variant], work / "out" / size / variant)
            times[variant].append(result["seconds"])
            memory[variant] = max(memory.get(variant, 0), result["peak_kib"])
    medians = {variant: statistics.median(values) for variant, values in times.items()}
    serial_dir = work / "out" / size / "ga4gh"
    parallel_dir = work / "out" / size / "ga4gh-j2"
    parallel = build(roots["ga4gh"], parallel_dir, jobs=2)
    identical = html_digest(serial_dir) == html_digest(parallel_dir)
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
        "size": size,
        "pages": pages,
        "seconds": medians,
        "peak_mib": {variant: kib / 1024 for variant, kib in memory.items()},
        "j2_seconds": parallel["seconds"],
        "j2_identical": identical,
        "touch_seconds": touched["seconds"],
        "reread_after_page_edit": len(touched["read"]),
        "registry_seconds": edited["seconds"],
        "reread_after_registry_edit": len(edited["read"]),
        "pages_mentioning_tools": mentioning,
        "all_times": times,
    }


def report(results: list[dict[str, Any]]) -> str:
    lines = [
        f"Machine: {platform.machine()}, {platform.system()} {platform.release()}, "
        f"{os.cpu_count()} cores; Python {platform.python_version()}; Sphinx "
        f"{version('sphinx')}, myst-parser {version('myst-parser')}, sphinxcontrib-bibtex "
        f"{version('sphinxcontrib-bibtex')}, sphinx-ga4gh {version('sphinx-ga4gh')}.",
        "",
        "| size | pages | sphinx-ga4gh (s) | baseline + indexed cite (s) | ratio | plain baseline "
        "(s) | ratio | ms/page | peak MiB (ga4gh / baseline) | -j 2 (s) | -j 2 = -j 1 |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for r in results:
        seconds, memory = r["seconds"], r["peak_mib"]
        ours, indexed = seconds["ga4gh"], seconds["baseline_indexed"]
        plain = seconds.get("baseline")
        plain_cells = f"{plain:.1f} | {ours / plain:.2f}" if plain else "not run | -"
        lines.append(
            f"| {r['size']} | {r['pages']} | {ours:.1f} | {indexed:.1f} | {ours / indexed:.2f} | "
            f"{plain_cells} | {1000 * ours / r['pages']:.0f} | "
            f"{memory['ga4gh']:.0f} / {memory['baseline_indexed']:.0f} | "
            f"{r['j2_seconds']:.1f} | {'yes' if r['j2_identical'] else 'NO'} |"
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
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", nargs="+", choices=sorted(SIZES), default=["toolkit"])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--work", type=Path, default=Path("/tmp/ga4gh-bench"))
    parser.add_argument("--json", type=Path, help="also write the raw results here")
    parser.add_argument(
        "--plain-baseline-up-to",
        default="toolkit",
        choices=sorted(SIZES),
        help="largest size at which to also build the plain baseline (its per-page reference "
        "lists cost time cubic in the site's size: hours at 10x)",
    )
    arguments = parser.parse_args()
    order = list(SIZES)
    results = [
        measure(
            arguments.work,
            size,
            arguments.repeats,
            order.index(size) <= order.index(arguments.plain_baseline_up_to),
        )
        for size in arguments.sizes
    ]
    if arguments.json:
        arguments.json.write_text(json.dumps(results, indent=2), "utf-8")
    print(report(results))


if __name__ == "__main__":
    main()
