"""What a build's pickled environment holds: the size of each ``env.domaindata[...]`` entry and
of each other attribute of the environment, pickled alone, largest first, as JSON.

    python benchmarks/env_size.py OUTDIR/doctrees/environment.pickle

With ``-j N`` Sphinx pickles the whole environment in every reading process and loads it again
in the main one, once per chunk of documents (``Builder._read_parallel``): what is large here is
paid that many times (see docs/performance.md).
"""

from __future__ import annotations

import json
import pickle
import sys
import time
from pathlib import Path
from typing import Any


def _size(value: object) -> int:
    try:
        return len(pickle.dumps(value, pickle.HIGHEST_PROTOCOL))
    except Exception:  # an attribute that does not pickle alone: not measured
        return -1


def _entries(value: object) -> int | None:
    return len(value) if isinstance(value, dict | list | set | tuple) else None


def measure(path: Path) -> dict[str, Any]:
    data = path.read_bytes()
    env = pickle.loads(data)  # the first load also imports the extensions' modules
    start = time.perf_counter()
    pickle.loads(data)
    load_seconds = time.perf_counter() - start
    start = time.perf_counter()
    pickle.dumps(env, pickle.HIGHEST_PROTOCOL)
    dump_seconds = time.perf_counter() - start
    parts: list[dict[str, Any]] = []
    for name, value in env.__getstate__().items():
        if name == "domaindata":
            continue
        if isinstance(value, dict):  # env.settings holds the environment itself
            value = {key: item for key, item in value.items() if item is not env}
        parts.append({"name": f"env.{name}", "bytes": _size(value), "entries": _entries(value)})
    for domain, value in env.domaindata.items():
        parts.append(
            {"name": f"domaindata[{domain!r}]", "bytes": _size(value), "entries": _entries(value)}
        )
        if isinstance(value, dict):  # one level down: which key of the domain is large
            for key, item in value.items():
                parts.append(
                    {
                        "name": f"domaindata[{domain!r}][{key!r}]",
                        "bytes": _size(item),
                        "entries": _entries(item),
                    }
                )
    parts.sort(key=lambda part: -part["bytes"])
    return {
        "bytes": len(data),
        "documents": len(env.all_docs),
        "load_seconds": load_seconds,
        "dump_seconds": dump_seconds,
        "parts": parts,
    }


def main() -> None:
    print(json.dumps(measure(Path(sys.argv[1]))))


if __name__ == "__main__":
    main()
