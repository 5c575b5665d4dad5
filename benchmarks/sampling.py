"""Where a build's time goes: one build (through build_once.py) under py-spy, the sampling
profiler, and its samples summed by phase, by package and by function.

    python benchmarks/sampling.py SRCDIR OUTDIR ['{"html_theme": "alabaster"}']

py-spy is a measuring tool, not a dependency of sphinx-ga4gh: ``pip install py-spy`` into the
environment that builds (the benchmark skips the profile when it is missing). Every sample is
one stack; a phase is named by the frames in it (below), the package is the one of the frame
that was running, and "in sphinx_ga4gh" counts the samples with any frame of the extension.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
#: Phases, the first whose frame a sample holds wins (writing is checked before reading:
#: resolving applies transforms too).
PHASES: tuple[tuple[str, frozenset[str]], ...] = (
    ("setup: extensions, config, data", frozenset({"Sphinx.__init__"})),
    (
        "resolving: post-transforms, doctree-resolved",
        frozenset({"BuildEnvironment.get_and_resolve_doctree"}),
    ),
    (
        "writing: search index",
        frozenset({"StandaloneHTMLBuilder.index_page", "StandaloneHTMLBuilder.dump_search_index"}),
    ),
    ("writing: page templates (handle_page)", frozenset({"StandaloneHTMLBuilder.handle_page"})),
    ("writing: HTML translation", frozenset({"StandaloneHTMLBuilder.write_doc"})),
    ("finishing: indices, static files", frozenset({"StandaloneHTMLBuilder.finish"})),
    ("writing: other", frozenset({"Builder.write"})),
    ("reading: MyST parse", frozenset({"MystParser.parse"})),
    ("reading: pickling doctrees", frozenset({"Builder.write_doctree"})),
    ("reading: transforms, doctree-read", frozenset({"SphinxTransformer.apply_transforms"})),
    ("reading: other (env-updated, consistency)", frozenset({"Builder.read"})),
)
#: Samples in none of the phases: mostly the interpreter starting and importing Sphinx.
OTHER = "other: interpreter start, imports"
#: "function (path/to/file.py:123)"
_FRAME = re.compile(r"^(?P<function>.*) \((?P<file>[^()]*?)(?::\d+)?\)$")


def py_spy() -> Path | None:
    """py-spy next to the running Python, else on PATH."""
    beside = Path(sys.executable).parent / "py-spy"
    if beside.is_file():
        return beside
    found = shutil.which("py-spy")
    return Path(found) if found else None


def _package(file: str) -> str:
    top = file.split("/", 1)[0]
    if top.endswith(".py") or top.startswith("<"):
        return "python (stdlib, C calls)"
    return top


def summarise(raw: str) -> dict[str, Any]:
    """py-spy's raw (collapsed) output: per phase, per package (self time), top functions."""
    phases: Counter[str] = Counter()
    ours_by_phase: Counter[str] = Counter()
    packages: Counter[str] = Counter()
    self_functions: Counter[str] = Counter()
    ours_inclusive: Counter[str] = Counter()
    total = 0
    for line in raw.splitlines():
        stack, _, count_text = line.rpartition(" ")
        if not stack or not count_text.isdigit():
            continue
        count = int(count_text)
        frames = [_FRAME.match(frame) for frame in stack.split(";")]
        parsed = [(match["function"], match["file"]) for match in frames if match]
        if not parsed:
            continue
        total += count
        functions = {function for function, _ in parsed}
        phase = next((name for name, marks in PHASES if functions & marks), OTHER)
        phases[phase] += count
        ours = [
            f"{function} ({file})" for function, file in parsed if file.startswith("sphinx_ga4gh/")
        ]
        if ours:
            ours_by_phase[phase] += count
            for name in set(ours):
                ours_inclusive[name] += count
        function, file = parsed[-1]
        packages[_package(file)] += count
        self_functions[f"{function} ({file})"] += count
    return {
        "samples": total,
        "phases": phases.most_common(),
        "ours_by_phase": dict(ours_by_phase),
        "packages": packages.most_common(12),
        "self_functions": self_functions.most_common(15),
        "ours_inclusive": ours_inclusive.most_common(12),
    }


def profile(
    srcdir: Path, outdir: Path, overrides: dict[str, Any] | None = None
) -> dict[str, Any] | None:
    """One fresh ``-j 1`` build under py-spy (100 samples a second); None without py-spy."""
    spy = py_spy()
    if spy is None:
        return None
    if outdir.exists():
        shutil.rmtree(outdir)
    with tempfile.TemporaryDirectory() as temporary:
        raw = Path(temporary) / "samples.txt"
        record = [str(spy), "record", "--format", "raw", "--rate", "100", "--output", str(raw)]
        build = [str(HERE / "build_once.py"), str(srcdir), str(outdir), "1"]
        subprocess.run(
            [*record, "--", sys.executable, *build, json.dumps(overrides or {})],
            capture_output=True,
            check=True,
        )
        return summarise(raw.read_text("utf-8"))


def main() -> None:
    overrides = json.loads(sys.argv[3]) if len(sys.argv) > 3 else {}
    print(json.dumps(profile(Path(sys.argv[1]), Path(sys.argv[2]), overrides), indent=2))


if __name__ == "__main__":
    main()
