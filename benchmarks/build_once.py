"""One Sphinx HTML build in its own process: prints its time, peak memory, the documents it
read and the time of each phase, as JSON (the benchmark runs each build through this, so builds
do not share state).

    python build_once.py SRCDIR OUTDIR JOBS ['{"html_theme": "alabaster"}']

The optional last argument is a JSON object of configuration overrides (as ``-D``).
"""

from __future__ import annotations

import io
import json
import resource
import sys
import time
from pathlib import Path

from sphinx.application import Sphinx


def main() -> None:
    srcdir, outdir, jobs = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    overrides = json.loads(sys.argv[4]) if len(sys.argv) > 4 else {}
    read: list[str] = []
    marks: dict[str, float] = {}
    warnings = io.StringIO()
    start = time.perf_counter()
    app = Sphinx(
        srcdir,
        srcdir,
        outdir / "html",
        outdir / "doctrees",
        "html",
        status=None,
        warning=warnings,
        parallel=jobs,
        confoverrides=overrides,
    )
    marks["setup"] = time.perf_counter()

    def reading(_app: Sphinx, _env: object, docnames: list[str]) -> None:
        read.extend(docnames)
        marks["reading"] = time.perf_counter()

    def read_done(_app: Sphinx, _env: object) -> list[str]:
        marks["read"] = time.perf_counter()
        return []

    app.connect("env-before-read-docs", reading)
    app.connect("env-updated", read_done)
    app.build()
    seconds = time.perf_counter() - start
    read_start = marks.get("reading", marks["setup"])
    read_end = marks.get("read", read_start)
    # reading: parsing and transforming the sources, merging -j processes' environments;
    # writing: consistency checks, resolving, writing HTML, the search index, static files.
    phases = {
        "setup": marks["setup"] - start,
        "reading": read_end - read_start,
        "writing": start + seconds - read_end,
    }
    usages = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    usage = [each.ru_maxrss for each in usages]
    # CPU time (user + system, -j processes included) is less disturbed than wall time by other
    # work on a shared machine; wall time is what -j 2 gains.
    cpu_seconds = sum(each.ru_utime + each.ru_stime for each in usages)
    print(
        json.dumps(
            {
                "seconds": seconds,
                "cpu_seconds": cpu_seconds,
                "peak_kib": max(usage),
                "read": sorted(read),
                "phases": phases,
                "warnings": warnings.getvalue().count("WARNING"),
            }
        )
    )


if __name__ == "__main__":
    main()
