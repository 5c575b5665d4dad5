"""Reads an ELIXIR-toolkit Jekyll site: its config, pages, URLs, sidebars and static files.

Only what the migration and ``sphinx-ga4gh check`` need: which files are pages, the URL Jekyll
gives each (``permalink`` in front matter, then ``defaults`` in ``_config.yml``, then Jekyll's
own default), and the files Jekyll would publish as they are.
"""

from __future__ import annotations

import fnmatch
import os
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from ..data.yaml_source import LocatedDict, YamlLoadError, load_yaml
from ..pages.front_matter import KNOWN_KEYS, is_placeholder
from ..text.front_matter import read_front_matter, split_front_matter
from ..text.liquid import Finding
from ..text.scanner import Fences, LineIndex

CONFIG_FILE = "_config.yml"
PAGE_SUFFIXES = (".md", ".markdown", ".html")
MARKDOWN_SUFFIXES = (".md", ".markdown")
#: Never published by Jekyll, whatever the config says.
ALWAYS_EXCLUDED = ("Gemfile", "Gemfile.lock", "node_modules", "vendor")
#: Folders the migration copies as they are, though Jekyll does not publish them.
DATA_FOLDERS = ("_data", "_bibliography")
#: What a docname (a file name, a toctree entry) cannot hold: control characters, line and
#: paragraph separators, and the ``<``/``>`` of a toctree's ``title <target>``.
_UNSAFE_IN_DOCNAME = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029<>]")
#: Front matter keys that sphinx-ga4gh reads; defaults from ``_config.yml`` for them are kept.
CONTENT_KEYS = KNOWN_KEYS


@dataclass
class JekyllPage:
    """One page: its source, front matter (as written and parsed) and body, URL and docname."""

    relpath: str
    front_matter_text: str
    front_matter: dict[str, Any]
    body: str
    #: Line of the source file where the body starts (for file:line in reports).
    body_line: int
    url: str = ""
    docname: str = ""
    #: Front matter values that came from ``_config.yml`` defaults, not from the page.
    defaults: dict[str, Any] = field(default_factory=dict)
    #: Every ``_config.yml`` default that applies to the page (``sitemap``, ``no_robots``...).
    site_defaults: dict[str, Any] = field(default_factory=dict)

    @property
    def is_markdown(self) -> bool:
        return self.relpath.endswith(MARKDOWN_SUFFIXES)

    @property
    def basename(self) -> str:
        return PurePosixPath(self.relpath).name

    def value(self, key: str) -> Any:
        """A front matter value as Jekyll sees it: the page's own, else ``_config.yml``'s."""
        return self.front_matter.get(key, self.site_defaults.get(key))

    @property
    def is_template_or_404(self) -> bool:
        """A 404 page, or a page template: hidden from search (``search_exclude: true``) and
        from the sitemap or robots, or named ``TEMPLATE…``, or holding ``<!---REPLACE THIS…`` /
        placeholders. Nothing in the site's navigation leads to such a page."""
        stem = PurePosixPath(self.relpath).stem
        if stem == "404":
            return True
        if self.value("search_exclude") is not True:
            return False
        return (
            self.value("sitemap") is False
            or self.value("no_robots") is True
            or stem.lower().startswith("template")
            or _has_placeholder(self.front_matter)
        )


def _has_placeholder(value: Any) -> bool:
    if isinstance(value, dict):
        return any(_has_placeholder(item) for item in value.values())
    if isinstance(value, list):
        return any(_has_placeholder(item) for item in value)
    return is_placeholder(value)


@dataclass
class JekyllSite:
    root: Path
    config: dict[str, Any]
    pages: list[JekyllPage]
    #: Files Jekyll publishes as they are (images, PDFs, CSS), relative paths.
    static_files: list[str]
    sidebars: dict[str, Any]
    news: list[dict[str, Any]] | None
    findings: list[tuple[str, Finding]] = field(default_factory=list)
    #: Files of ``_data`` and ``_bibliography`` (relative paths), copied as they are.
    data_files: list[str] = field(default_factory=list)
    _by_url: dict[str, JekyllPage] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._by_url = {}
        for page in self.pages:
            self._by_url.setdefault(normal_url(page.url), page)

    def page_by_url(self, url: str) -> JekyllPage | None:
        return self._by_url.get(normal_url(url))

    @property
    def homepage(self) -> JekyllPage | None:
        return self.page_by_url("/")


def normal_url(url: str) -> str:
    """``/about/``, ``/about.html``, ``/about`` and ``/about/index.html`` name one page."""
    path = url.split("#", 1)[0].split("?", 1)[0]
    if not path.startswith("/"):
        path = "/" + path
    path = posixpath.normpath(path) if path != "/" else path
    for suffix in ("/index.html", "/index", ".html"):
        if path.endswith(suffix):
            path = path[: -len(suffix)] or "/"
    return path.rstrip("/") or "/"


def _load_yaml(path: Path, relpath: str, findings: list[tuple[str, Finding]]) -> Any:
    """The file's data (mappings and lists carry their lines), or None with a finding."""
    try:
        return load_yaml(path, relpath)
    except YamlLoadError as error:
        diagnostic = error.diagnostic
        finding = Finding(diagnostic.location.line, "data", "", False, diagnostic.message)
        findings.append((relpath, finding))
        return None


def _excluded(relpath: str, patterns: list[str]) -> bool:
    parts = relpath.split("/")
    if any(part.startswith(("_", ".")) for part in parts):
        return True
    for pattern in [*ALWAYS_EXCLUDED, *patterns]:
        pattern = pattern.strip("/")
        for depth in range(1, len(parts) + 1):
            if fnmatch.fnmatch("/".join(parts[:depth]), pattern):
                return True
    return False


def _symlink_problem(path: Path, real_root: Path) -> str | None:
    """Why the symbolic link ``path`` is not followed (it leads outside the site, or nowhere),
    or None for a link to a file or folder of the site itself, which is read as that file
    (as Jekyll's safe mode, GitHub Pages', reads it)."""
    target = Path(os.path.realpath(path))
    if not target.is_relative_to(real_root):
        return f"a symbolic link to {target}, outside the site: not followed, not copied"
    if not target.exists():
        return f"a symbolic link to {target}, which does not exist: skipped"
    return None


def _walk(root: Path, patterns: list[str], findings: list[tuple[str, Finding]]) -> list[str]:
    """The site's files that Jekyll publishes or the migration copies (``_data``,
    ``_bibliography``), as relative paths in path order. Symbolic links that leave the site are
    not followed (each is reported); links within it are, each folder once."""
    real_root = root.resolve()
    found: list[str] = []
    seen_folders = {real_root}

    def visit(folder: Path, prefix: str) -> None:
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError as error:
            message = f"cannot read the folder: {error.strerror}"
            findings.append((prefix or ".", Finding(1, "unreadable", "", False, message)))
            return
        for entry in entries:
            relpath = prefix + entry.name
            copied_as_is = relpath.split("/", 1)[0] in DATA_FOLDERS
            if _excluded(relpath, patterns) and not copied_as_is:
                continue
            path = Path(entry.path)
            if entry.is_symlink():
                problem = _symlink_problem(path, real_root)
                if problem is not None:
                    findings.append((relpath, Finding(1, "symlink", "", False, problem)))
                    continue
            if entry.is_dir():
                real = path.resolve()
                if real not in seen_folders:  # a link back up would loop
                    seen_folders.add(real)
                    visit(path, relpath + "/")
            elif entry.is_file():
                found.append(relpath)

    visit(root, "")
    return sorted(found, key=lambda relpath: relpath.split("/"))


def site_file(root: Path, relpath: str, findings: list[tuple[str, Finding]]) -> Path | None:
    """``root / relpath`` if it is a file of the site (not a link that leaves it)."""
    path = root / relpath
    if path.is_symlink():
        problem = _symlink_problem(path, root.resolve())
        if problem is not None:
            findings.append((relpath, Finding(1, "symlink", "", False, problem)))
            return None
    return path if path.is_file() else None


def _scope_matches(scope: Any, relpath: str) -> bool:
    if not isinstance(scope, dict):
        return False
    if scope.get("type") not in (None, "pages"):
        return False
    prefix = str(scope.get("path", "") or "").strip("/")
    return not prefix or relpath == prefix or relpath.startswith(prefix + "/")


def front_matter_defaults(config: dict[str, Any], relpath: str) -> dict[str, Any]:
    """The ``defaults`` of ``_config.yml`` that apply to the page at ``relpath``, later wins."""
    values: dict[str, Any] = {}
    rules = config.get("defaults")
    for rule in rules if isinstance(rules, list) else []:
        if not isinstance(rule, dict) or not isinstance(rule.get("values"), dict):
            continue
        if _scope_matches(rule.get("scope"), relpath):
            values.update(rule["values"])
    return values


#: ``_config.yml`` keys whose value Jekyll reads as a list.
CONFIG_LISTS = ("exclude", "include", "defaults")


def _listed(config: dict[str, Any], key: str) -> list[Any]:
    """``config[key]`` when it is a list; otherwise empty (:func:`config_shape_findings`)."""
    value = config.get(key)
    if value is None or isinstance(value, list):
        return value or []
    return []


def config_shape_findings(config: dict[str, Any]) -> list[tuple[str, Finding]]:
    """A finding at its line for each list key of ``_config.yml`` given another kind of value,
    and each ``defaults`` rule that is not a mapping with a mapping of ``values``."""
    findings: list[tuple[str, Finding]] = []
    lines = getattr(config, "key_lines", {})

    def add(line: int, message: str) -> None:
        findings.append((CONFIG_FILE, Finding(line, "data", "", False, message)))

    for key in CONFIG_LISTS:
        value = config.get(key)
        if value is not None and not isinstance(value, list):
            add(lines.get(key, 1), f"'{key}' is {type(value).__name__}, not a list; ignored")
    rules = config.get("defaults")
    if isinstance(rules, list):
        item_lines = getattr(rules, "item_lines", [])
        for number, rule in enumerate(rules):
            line = item_lines[number] if number < len(item_lines) else lines.get("defaults", 1)
            if not isinstance(rule, dict) or not isinstance(rule.get("values", {}), dict):
                add(line, "a 'defaults' rule that is not 'scope:' and 'values:' mappings; ignored")
    return findings


def page_url(relpath: str, permalink: str | None, config: dict[str, Any]) -> str:
    """The URL Jekyll gives a page: its permalink pattern filled in, or Jekyll's default."""
    pure = PurePosixPath(relpath)
    directory = "/" + str(pure.parent) if str(pure.parent) != "." else ""
    if permalink is None:
        style = str(config.get("permalink", "") or "")
        permalink = "/:path/:basename/" if style == "pretty" else "/:path/:basename:output_ext"
    url = (
        permalink.replace(":path", directory.lstrip("/"))
        .replace(":basename", pure.stem)
        .replace(":output_ext", ".html")
    )
    # Jekyll's URL#sanitize_url: ``..`` cannot climb out of the site, ``./`` goes.
    url = re.sub(r"/{2,}", "/", ("/" + url).replace("..", "/").replace("./", ""))
    if pure.stem == "index" and url.endswith("/index.html"):
        url = url[: -len("index.html")]
    return url


def docname_for_url(url: str) -> str:
    """The Sphinx document that keeps the page's URL: ``/beacon`` → ``beacon`` (``beacon.html``),
    ``/about/`` → ``about/index`` (``about/index.html``)."""
    path = url.split("#", 1)[0].lstrip("/")
    if not path or path.endswith("/"):
        return path + "index"
    return path[: -len(".html")] if path.endswith(".html") else path


def safe_docname(docname: str) -> str:
    """``docname`` as a path inside the project that a toctree can name: no empty, ``.`` or
    ``..`` parts, control characters and ``<``/``>`` replaced by ``-``."""
    parts = [
        _UNSAFE_IN_DOCNAME.sub("-", part)
        for part in docname.split("/")
        if part not in ("", ".", "..")
    ]
    return "/".join(parts) or "index"


def read_site(root: Path) -> JekyllSite:
    """Everything the migration needs from the site at ``root``."""
    findings: list[tuple[str, Finding]] = []
    config_path = site_file(root, CONFIG_FILE, findings)
    config: dict[str, Any] = {}
    if config_path is not None:
        loaded = _load_yaml(config_path, CONFIG_FILE, findings)
        config = loaded if isinstance(loaded, dict) else {}
        if loaded is not None and not isinstance(loaded, dict):
            message = f"not a mapping but a {type(loaded).__name__}; ignored"
            findings.append((CONFIG_FILE, Finding(1, "data", "", False, message)))
        findings += config_shape_findings(config)
    patterns = [
        str(item) for item in _listed(config, "exclude") if not isinstance(item, (list, dict))
    ]
    pages: list[JekyllPage] = []
    static_files: list[str] = []
    data_files: list[str] = []
    for relpath in _walk(root, patterns, findings):
        if relpath.split("/", 1)[0] in DATA_FOLDERS:
            data_files.append(relpath)
            continue
        page = (
            _read_page(root / relpath, relpath, findings)
            if relpath.endswith(PAGE_SUFFIXES)
            else None
        )
        if page is None:
            static_files.append(relpath)
            continue
        defaults = front_matter_defaults(config, relpath)
        permalink = page.front_matter.get("permalink", defaults.get("permalink"))
        page.url = page_url(relpath, str(permalink) if permalink else None, config)
        if permalink and ".." in str(permalink).split("/"):
            message = (
                f"permalink {str(permalink)!r} climbs out of the site's root; Jekyll "
                f"publishes the page at {page.url}, where it is written"
            )
            line = _permalink_line(page, config, relpath)
            findings.append((line[0], Finding(line[1], "permalink", "", False, message)))
        page.site_defaults = defaults
        page.defaults = {
            key: value
            for key, value in defaults.items()
            if key in CONTENT_KEYS and key not in page.front_matter
        }
        pages.append(page)
    _assign_docnames(pages, findings)
    sidebars = _read_sidebars(root, data_files, findings)
    news_file = "_data/news.yml"
    news = _load_yaml(root / news_file, news_file, findings) if news_file in data_files else None
    return JekyllSite(
        root=root,
        config=config,
        pages=pages,
        static_files=static_files,
        sidebars=sidebars,
        news=[item for item in news if isinstance(item, dict)] if isinstance(news, list) else None,
        findings=findings,
        data_files=data_files,
    )


def _permalink_line(page: JekyllPage, config: dict[str, Any], relpath: str) -> tuple[str, int]:
    """Where the page's permalink is written: its front matter, or ``_config.yml``'s
    ``defaults``."""
    if "permalink" in page.front_matter:
        for number, line in enumerate(page.front_matter_text.splitlines(), start=2):
            if re.match(r"permalink\s*:", line):
                return relpath, number
        return relpath, 1
    rules = config.get("defaults")
    for rule in reversed(rules if isinstance(rules, list) else []):  # the later rule wins
        values = rule.get("values") if isinstance(rule, dict) else None
        if (
            isinstance(values, LocatedDict)
            and "permalink" in values
            and _scope_matches(rule.get("scope"), relpath)
        ):
            return CONFIG_FILE, values.line_of("permalink")
    return relpath, 1


def _read_page(path: Path, relpath: str, findings: list[tuple[str, Finding]]) -> JekyllPage | None:
    try:
        raw = path.read_bytes()
    except OSError as error:
        message = f"cannot read the file: {error.strerror}"
        findings.append((relpath, Finding(1, "unreadable", "", False, message)))
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        text = raw.decode("utf-8", errors="replace")
        if split_front_matter(text) is not None:
            line = raw.count(b"\n", 0, error.start) + 1
            message = (
                f"not valid UTF-8 (byte 0x{raw[error.start]:02x}): migrated with U+FFFD "
                "replacement characters in place of the bytes that are not"
            )
            findings.append((relpath, Finding(line, "encoding", "", False, message)))
    block = read_front_matter(text)
    if block is None:
        return None
    front_matter_text, body, body_line = block.text, block.body, block.body_line
    front_matter, beyond = block.data, block.beyond
    if block.error is not None:
        mark = getattr(block.error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        message = f"bad YAML: {block.error}"
        findings.append((relpath, Finding(line, "front matter", "", False, message)))
        front_matter = {}
    if beyond is not None:
        message = f"front matter not read: {beyond.message}"
        findings.append((relpath, Finding(beyond.line + 1, "front matter", "", False, message)))
    front_matter = front_matter or {}
    if not isinstance(front_matter, dict):
        findings.append((relpath, Finding(2, "front matter", "", False, "not a mapping")))
        front_matter = {}
    return JekyllPage(relpath, front_matter_text, front_matter, body, body_line)


def _assign_docnames(pages: list[JekyllPage], findings: list[tuple[str, Finding]]) -> None:
    """Each page keeps its URL as its docname; where two pages share one, the later page keeps
    its source path instead (Jekyll would have published only one of them)."""
    taken: dict[str, str] = {}
    for page in pages:
        wanted = docname_for_url(page.url)
        docname = safe_docname(wanted)
        if docname != wanted:
            message = (
                f"the page's URL {page.url!r} has characters a file name or a toctree cannot "
                f"hold (control characters, < or >); it is written as {docname}.md"
            )
            findings.append((page.relpath, Finding(1, "file name", "", False, message)))
        if docname in taken:
            fallback = safe_docname(str(PurePosixPath(page.relpath).with_suffix("")))
            number = 2
            while fallback in taken:  # a page at another's source path
                fallback = safe_docname(f"{PurePosixPath(page.relpath).with_suffix('')}-{number}")
                number += 1
            message = f"URL {page.url} is also {taken[docname]}'s; this page becomes {fallback}"
            findings.append((page.relpath, Finding(1, "permalink", "", False, message)))
            docname = fallback
        taken[docname] = page.relpath
        page.docname = docname


def _read_sidebars(
    root: Path, data_files: list[str], findings: list[tuple[str, Finding]]
) -> dict[str, Any]:
    sidebars: dict[str, Any] = {}
    for relpath in data_files:
        folder, _, name = relpath.rpartition("/")
        if folder == "_data/sidebars" and name.endswith(".yml"):
            data = _load_yaml(root / relpath, relpath, findings)
            if isinstance(data, dict):
                sidebars[name[: -len(".yml")]] = data
    return sidebars


_ATX_HEADING = re.compile(r"^( {0,3})(#{1,6})(?=[ \t]|$)", re.M)


def consecutive_headings(body: str) -> tuple[str, list[tuple[int, int, int]]]:
    """Heading levels that skip (``#`` then ``###``) made consecutive, as Sphinx nests them
    anyway; returns the body and ``(line, old level, new level)`` for each heading changed."""
    fences = Fences(body)
    lines = LineIndex(body)
    stack: list[tuple[int, int]] = []  # (level as written, level it gets)
    changes: list[tuple[int, int, int]] = []
    pieces: list[str] = []
    position = 0
    for match in _ATX_HEADING.finditer(body):
        if fences.contains(match.start()):
            continue
        level = len(match.group(2))
        while stack and stack[-1][0] >= level:
            stack.pop()
        new_level = (stack[-1][1] if stack else 0) + 1
        stack.append((level, new_level))
        if new_level != level:
            changes.append((lines.line(match.start()), level, new_level))
            pieces += [body[position : match.start(2)], "#" * new_level]
            position = match.end(2)
    pieces.append(body[position:])
    return "".join(pieces), changes


#: kramdown's header ID: ``## Heading {#custom-id}`` at the end of an ATX heading line.
_HEADING_ID = re.compile(
    r"^(?P<heading> {0,3}#{1,6}[ \t]+.*?)[ \t]+\{#(?P<id>[A-Za-z][\w:.-]*)\}[ \t]*$", re.M
)


def heading_ids(body: str) -> tuple[str, list[tuple[int, str]]]:
    """kramdown's ``## Heading {#custom-id}`` as a MyST label over the heading,
    ``(custom-id)=``, so ``[x](#custom-id)`` and ``[x](page#custom-id)`` still reach it and the
    ``{#…}`` is not shown in the title; returns the body and ``(line, id)`` of each heading
    changed (lines of ``body``)."""
    fences = Fences(body)
    lines = LineIndex(body)
    changed: list[tuple[int, str]] = []
    text_start = len(body) - len(body.lstrip())

    def replace(match: re.Match[str]) -> str:
        if fences.contains(match.start()):
            return match.group()
        changed.append((lines.line(match.start()), match.group("id")))
        first = match.start() <= text_start
        gap = "" if first or body.endswith("\n\n", 0, match.start()) else "\n"
        return f"{gap}({match.group('id')})=\n{match.group('heading').rstrip()}"

    return _HEADING_ID.sub(replace, body), changed
