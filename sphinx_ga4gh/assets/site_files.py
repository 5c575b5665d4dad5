"""``ga4gh_site_files``: files Jekyll published as they were, copied to the HTML output.

Data files and raw HTML name images by site path (``/assets/img/logo.svg``); Sphinx copies only
the images that pages include. Copying these folders at the same paths keeps such links working.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util.osutil import copyfile

from ..reporting import warn


def _files(source: Path) -> list[Path]:
    if source.is_file():
        return [source]
    return sorted(path for path in source.rglob("*") if path.is_file())


def copy_site_files(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: copy each configured file or folder, unchanged files skipped."""
    if exception is not None or app.builder.format != "html":
        return
    confdir = Path(app.confdir)
    for entry in app.config.ga4gh_site_files:
        source = confdir / str(entry)
        if not source.exists():
            warn(f"ga4gh_site_files: {entry!r} does not exist", "data", _setting_location(confdir))
            continue
        for path in _files(source):
            target = Path(app.outdir) / path.relative_to(confdir)
            target.parent.mkdir(parents=True, exist_ok=True)
            copyfile(str(path), str(target), force=True)


def _setting_location(confdir: Path) -> str:
    """``conf.py:<line>`` of the setting (line 1 when it came from the command line)."""
    conf = confdir / "conf.py"
    lines = conf.read_text(encoding="utf-8").splitlines() if conf.is_file() else []
    line = next((n for n, text in enumerate(lines, 1) if "ga4gh_site_files" in text), 1)
    return f"{conf}:{line}"
