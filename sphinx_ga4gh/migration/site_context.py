"""What a page's Liquid logic may read besides its front matter: ``site.data`` and the site's
own ``_includes`` (:mod:`.logic`). Read once per site, only inside the site folder."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from ..data.yaml_source import YamlLoadError, load_yaml
from .jekyll import JekyllSite

INCLUDES_FOLDER = "_includes"
DATA_SUFFIXES = (".yml", ".yaml", ".json")
#: An include larger than this is not expanded (site text is untrusted).
MAX_INCLUDE_BYTES = 200_000


@dataclass
class SiteContext:
    data: dict[str, Any] = field(default_factory=dict)
    includes: dict[str, str] = field(default_factory=dict)


def _inside(path: Path, real_root: Path) -> bool:
    return Path(os.path.realpath(path)).is_relative_to(real_root)


def site_data(site: JekyllSite) -> dict[str, Any]:
    """``site.data``: each ``_data`` file by its name (``_data/a/b.yml`` is ``data.a.b``).
    The files are those :func:`.jekyll.read_site` found (no link out of the site followed);
    a file that does not load is left out (read_site reports data files it reads)."""
    data: dict[str, Any] = {}
    real_root = site.root.resolve()
    for relpath in site.data_files:
        parts = PurePosixPath(relpath).parts
        if parts[0] != "_data" or not relpath.endswith(DATA_SUFFIXES):
            continue
        path = site.root / relpath
        if not _inside(path, real_root):
            continue
        try:
            value = load_yaml(path, relpath)
        except (YamlLoadError, OSError, ValueError):
            continue
        folder = data
        for part in parts[1:-1]:
            child = folder.setdefault(part, {})
            if not isinstance(child, dict):
                break
            folder = child
        else:
            folder[PurePosixPath(parts[-1]).stem] = value
    return data


def site_includes(site: JekyllSite) -> dict[str, str]:
    """The site's own ``_includes`` (name → text), files inside the site only."""
    real_root = site.root.resolve()
    folder = site.root / INCLUDES_FOLDER
    if not folder.is_dir() or not _inside(folder, real_root):
        return {}
    includes: dict[str, str] = {}
    for base, folders, files in os.walk(folder):
        folders[:] = sorted(name for name in folders if _inside(Path(base) / name, real_root))
        for name in sorted(files):
            path = Path(base) / name
            if not _inside(path, real_root) or not path.is_file():
                continue
            try:
                if path.stat().st_size > MAX_INCLUDE_BYTES:
                    continue
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            includes[path.relative_to(folder).as_posix()] = text
    return includes


def read_site_context(site: JekyllSite) -> SiteContext:
    return SiteContext(data=site_data(site), includes=site_includes(site))


#: The last site's context: every page of a migration reads the same one.
_LAST: list[tuple[JekyllSite, SiteContext]] = []


def site_context_of(site: JekyllSite) -> SiteContext:
    """The site's context, read on its first page."""
    if not _LAST or _LAST[0][0] is not site:
        _LAST[:] = [(site, read_site_context(site))]
    return _LAST[0][1]
