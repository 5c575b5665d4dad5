"""One Sphinx HTML build in its own process: prints its time, peak memory and the documents it
read, as JSON (the benchmark runs each build through this, so builds do not share state)."""

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
    read: list[str] = []
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
    )
    app.connect("env-before-read-docs", lambda _app, _env, docnames: read.extend(docnames))
    app.build()
    seconds = time.perf_counter() - start
    usage = [
        resource.getrusage(who).ru_maxrss
        for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    ]
    print(
        json.dumps(
            {
                "seconds": seconds,
                "peak_kib": max(usage),
                "read": sorted(read),
                "warnings": warnings.getvalue().count("WARNING"),
            }
        )
    )


if __name__ == "__main__":
    main()
