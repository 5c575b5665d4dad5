"""``sphinx-ga4gh migrate``: writes a Sphinx project from an ELIXIR-toolkit Jekyll site.

The source is only read, and nothing is written outside OUT: OUT may not be the site, lie in
it or hold it, and every file is written at a path checked to be inside OUT, through no
symbolic link. Every file is written through a temporary file and renamed into place, so an
interrupted run leaves no half-written page (and the next run removes the temporary files it
left); nothing depends on time or on the order the file system lists things, so two runs write
the same bytes.
"""

from __future__ import annotations

import os
import re
import secrets
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..data.site import AFFILIATIONS_FILES, CONTRIBUTORS_FILES, TOOLS_FILES, find_data_file
from ..data.tools import ABSENT, ELIXIR_REGISTRY_LINKS
from ..data.yaml_source import LocatedDict, YamlLoadError, load_yaml
from ..text.headings import add_title_heading
from ..text.liquid import Finding, PageContext, translate
from ..text.scanner import Fences
from . import kramdown
from .chrome import chrome_conf
from .head import head_conf_lines
from .homepage import migrate_homepage
from .jekyll import (
    DATA_FOLDERS,
    JekyllPage,
    JekyllSite,
    consecutive_headings,
    heading_ids,
    read_site,
)
from .links import SiteLinks, rewrite_links
from .navigation import Navigation, build_navigation, toctree
from .site_context import site_context_of
from .unused_keys import ReadRecordingConfig, UnusedKey, unused_config, unused_front_matter

DEFAULT_REFERENCES_TITLE = "References"
REGISTRY_FILES = ("_data/tool_and_resource_list.yml", "_data/tool_and_resource_list.yaml")
#: URL pattern written for a registry link kind the ELIXIR set lacks, for the editor to replace.
PLACEHOLDER_LINK_URL = "https://example.org/{kind}/{{}}"

_HEADING_OVER_BIBLIOGRAPHY = re.compile(
    r"^ {0,3}#{1,6}[ \t]+(.*?)[ \t#]*\n(?:[ \t]*\n)*[ \t]*\{%-?\s*bibliography", re.M
)

Progress = Callable[[int, int], None]


class MigrationError(Exception):
    """The migration cannot start (a missing site, an output folder in the way)."""


@dataclass
class MigrationReport:
    site: Path
    out: Path
    pages: int = 0
    files_copied: int = 0
    links_rewritten: int = 0
    #: ``(site-relative path, finding)``, lines are lines of that file.
    findings: list[tuple[str, Finding]] = field(default_factory=list)
    #: Keys of the pages' own front matter that nothing of the migrated site reads.
    unused_front_matter: list[UnusedKey] = field(default_factory=list)
    #: ``_config.yml`` options (and ``defaults`` values) the migrated site does not use.
    unused_config: list[UnusedKey] = field(default_factory=list)

    @property
    def untranslated(self) -> list[tuple[str, Finding]]:
        return [(path, found) for path, found in self.findings if not found.translated]

    @property
    def notes(self) -> list[tuple[str, Finding]]:
        return [
            (path, found) for path, found in self.findings if found.translated and found.message
        ]

    def counts(self) -> Counter[str]:
        return Counter(found.kind for _, found in self.findings if found.translated)


def _plain(value: Any) -> Any:
    """YAML data as plain dicts and lists (ours carry line numbers), for ``yaml.safe_dump``."""
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


TEMPORARY_SUFFIX = ".sphinx-ga4gh.tmp"
#: Temporary files of an interrupted run: ours, and those of versions that used ``mkstemp``.
_TEMPORARY = re.compile(r"^\..+\.(?:[0-9a-f]{8}\.sphinx-ga4gh|[a-z0-9_]{8})\.tmp$")


class _Output:
    """Writes the project's files, each at a path checked to be inside OUT: no ``..``, no
    symbolic link on the way (a link in OUT could lead anywhere), one file per path."""

    def __init__(self, out: Path) -> None:
        self.root = out.resolve()
        #: OUT-relative path → the site file (or "sphinx-ga4gh") it was written from.
        self.written: dict[str, str] = {}
        self.findings: list[tuple[str, Finding]] = []

    def _refuse(self, relpath: str, source: str, reason: str) -> None:
        message = f"not written to {relpath}: {reason}"
        self.findings.append((source, Finding(1, "output", "", False, message)))

    def write(self, relpath: str, content: str | bytes, source: str) -> bool:
        """Write ``content`` atomically at OUT/``relpath``: a temporary file in the same folder,
        created with the permissions the umask gives, then renamed."""
        parts = relpath.split("/")
        if relpath in self.written:
            self._refuse(relpath, source, f"{self.written[relpath]} is written there")
            return False
        if any(part in ("", ".", "..") for part in parts):
            self._refuse(relpath, source, "the path leaves the output folder")
            return False
        folder = self.root
        try:
            for part in parts[:-1]:
                folder = folder / part
                if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
                    reason = f"{folder} is a symbolic link or a file, not a folder"
                    self._refuse(relpath, source, reason)
                    return False
                folder.mkdir(exist_ok=True)
            self._replace(folder / parts[-1], content)
        except (OSError, ValueError) as error:
            self._refuse(relpath, source, str(error))
            return False
        self.written[relpath] = source
        return True

    @staticmethod
    def _replace(path: Path, content: str | bytes) -> None:
        data = content.encode("utf-8") if isinstance(content, str) else content
        temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}{TEMPORARY_SUFFIX}")
        # 0o666 less the umask, as any file the user creates (mkstemp's are 0600).
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.replace(temporary, path)  # replaces a symbolic link itself, not its target
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise

    def remove_temporary_files(self) -> None:
        """The temporary files an interrupted run left in OUT (``--force`` reruns)."""
        for folder, folders, files in os.walk(self.root):
            folders[:] = [name for name in folders if name != "_build"]
            for name in files:
                if _TEMPORARY.match(name):
                    (Path(folder) / name).unlink(missing_ok=True)


def _front_matter(page: JekyllPage, orphan: bool = False) -> str:
    text = page.front_matter_text
    if text and not text.endswith("\n") and (page.defaults or orphan):
        text += "\n"
    if page.defaults:
        dumped = yaml.safe_dump(
            _plain(page.defaults), sort_keys=False, allow_unicode=True, width=1000
        )
        text += "# from _config.yml defaults\n" + dumped
    if orphan and "orphan" not in page.front_matter:
        text += "# a 404 page or template: in no toctree, so not in the navigation\norphan: true\n"
    return f"---\n{text}---\n"


def _page_context(site: JekyllSite, page: JekyllPage, links: SiteLinks) -> PageContext:
    values = {**page.defaults, **page.front_matter}
    logic = site_context_of(site)
    return PageContext(
        site=site.config,
        page={**page.site_defaults, **values},
        url=page.url,
        links=links,
        news=site.news,
        sidebars=site.sidebars,
        data=logic.data,
        includes=logic.includes,
    )


@dataclass
class _PageResult:
    text: str
    findings: list[Finding]
    links_rewritten: int
    references_heading: str | None


def migrate_page(
    site: JekyllSite, page: JekyllPage, children: list[str], orphan: bool = False
) -> _PageResult:
    """The MyST text of one page: front matter kept, Liquid translated, links pointed at their
    pages, a ``#`` title where Jekyll's layout showed one, and its part of the navigation."""
    links = SiteLinks(site, page)
    context = _page_context(site, page, links)
    # scan, logic, tags and placement (untranslated tags shown as "not migrated"), then links
    translation = translate(page.body, context, mark_untranslated=True)
    body, rewritten = rewrite_links(translation.text, links)
    shift = page.body_line - 1
    findings = [
        Finding(found.line + shift, found.kind, found.source, found.translated, found.message)
        for found in translation.findings
    ]
    body, kramdown_found = kramdown.rewrite(body)
    findings += [
        Finding(
            _source_line(translation.line_map, found.line) + shift,
            found.kind,
            found.source,
            True,
            found.message,
        )
        for found in kramdown_found
    ]
    body, added = add_title_heading(body, _one_line(str(context.page.get("title") or "")))
    body, changes = consecutive_headings(body)
    body, _ = heading_ids(body)
    # reported at their lines in the source (the translated text has other line numbers)
    findings += [
        Finding(line + shift, "heading id", f"{{#{id_}}}", True, "")
        for line, id_ in heading_ids(page.body)[1]
    ]
    for line, old, new in changes:
        message = f"heading level {old} became {new}: Sphinx nests headings one level at a time"
        findings.append(Finding(line - added + shift, "heading", "#" * old, True, message))
    if children:
        body = body.rstrip("\n") + "\n\n" + toctree(children) + "\n"
    headings = [
        found.source for found in translation.findings if found.kind == "bibliography --cited"
    ]
    return _PageResult(
        _front_matter(page, orphan) + body,
        findings,
        rewritten,
        _references_heading(page.body, headings),
    )


def _source_line(line_map: list[int], line: int) -> int:
    """The source line of line ``line`` of the translated text."""
    return line_map[min(max(line, 1), len(line_map)) - 1] if line_map else line


def _references_heading(body: str, cited_tags: list[str]) -> str | None:
    """The heading text over ``{% bibliography --cited %}``, which the page's own reference
    list replaces (so conf.py can keep the site's wording)."""
    if not cited_tags:
        return None
    match = _HEADING_OVER_BIBLIOGRAPHY.search(body)
    return match.group(1).strip() if match else DEFAULT_REFERENCES_TITLE


def _homepage(site: JekyllSite) -> tuple[str, list[tuple[str, Finding]]]:
    """Front matter and body of the root page when the site's homepage is not Markdown."""
    title = _one_line(str(site.config.get("title") or "Field guide"))
    description = str(site.config.get("description") or "").strip()
    front = {"title": title}
    if description:
        front["description"] = description
    lines = [
        "---",
        yaml.safe_dump(front, sort_keys=False, allow_unicode=True, width=1000).rstrip("\n"),
        "---",
        "",
        f"# {title}",
        "",
    ]
    if description:
        lines += [description, ""]
    sections = _sidebar_sections(site)
    if sections:
        lines += ["```{section-tiles}", f":custom: {', '.join(sections)}", "```", ""]
    return "\n".join(lines), []


def _sidebar_sections(site: JekyllSite) -> list[str]:
    """The pages of the main sidebar's top level (the homepage's tiles in the theme)."""
    main = site.sidebars.get("main") or next(iter(sorted(site.sidebars.items())), (None, None))[1]
    names: list[str] = []
    for item in (main or {}).get("subitems") or []:
        page = site.page_by_url(str(item.get("url") or "")) if isinstance(item, dict) else None
        if page is not None and page.is_markdown and page.docname != "index":
            names.append(str(page.front_matter.get("page_id") or page.docname))
    return names


def _registry_kind_lines(registry: Any, known: set[str]) -> list[tuple[str, int]]:
    if not isinstance(registry, dict):
        return []
    return [
        (str(key), registry.line_of(key) if isinstance(registry, LocatedDict) else 1)
        for key, value in registry.items()
        if key not in known and value is not None and str(value).strip() not in ("", ABSENT)
    ]


def unknown_link_kinds(site: JekyllSite) -> dict[str, tuple[str, int]]:
    """Registry link kinds (keys of entries' ``registry``) the ELIXIR set lacks, each with
    where it is first used: the registry file, then pages' ``national_resources``."""
    known = {link.key for link in ELIXIR_REGISTRY_LINKS}
    found: dict[str, tuple[str, int]] = {}
    for relpath in REGISTRY_FILES:
        try:
            data = load_yaml(site.root / relpath) if relpath in site.data_files else None
        except YamlLoadError:
            continue  # the build reports it
        for entry in data if isinstance(data, list) else []:
            registry = entry.get("registry") if isinstance(entry, dict) else None
            for kind, line in _registry_kind_lines(registry, known):
                found.setdefault(kind, (relpath, line))
    for page in site.pages:
        resources = page.front_matter.get("national_resources")
        lines = page.front_matter_text.splitlines()
        for entry in resources if isinstance(resources, list) else []:
            registry = entry.get("registry") if isinstance(entry, dict) else None
            for kind, _line in _registry_kind_lines(registry, known):
                # +2: the front matter starts after the first ---
                line = next((n + 2 for n, text in enumerate(lines) if f"{kind}:" in text), 1)
                found.setdefault(kind, (page.relpath, line))
    return dict(sorted(found.items()))


def _registry_links_lines(kinds: list[str]) -> list[str]:
    """``ga4gh_registry_links``: the ELIXIR set, then a placeholder for each new kind."""
    lines = [
        "# Registry links: the ELIXIR set, then the kinds this site's entries use that it lacks",
        f"# ({', '.join(repr(kind) for kind in kinds)}): complete their label and URL pattern",
        "# ({} is the value).",
        "ga4gh_registry_links = [",
    ]
    for link in ELIXIR_REGISTRY_LINKS:
        lines.append(
            f"    {{'key': {link.key!r}, 'label': {link.label!r}, 'url': {link.url_pattern!r}}},"
        )
    for kind in kinds:
        url = PLACEHOLDER_LINK_URL.format(kind=kind)
        lines.append(f"    {{'key': {kind!r}, 'label': {kind!r}, 'url': {url!r}}},  # to complete")
    return [*lines, "]", ""]


def _one_line(value: str) -> str:
    return " ".join(value.split())


def _conf_py(
    site: JekyllSite,
    references_title: str | None,
    new_link_kinds: list[str] | None = None,
    chrome_lines: list[str] | None = None,
) -> str:
    """The project's ``conf.py``. Every value from the site is written as a Python literal
    (``repr``), in code and in comments alike: site text never runs, and a newline in it never
    ends a comment."""
    title = str(site.config.get("title") or "Field guide")
    description = str(site.config.get("description") or "").strip()
    published = _static_patterns(site)
    excluded = ["_build", *DATA_FOLDERS, *published]
    scholar = site.config.get("scholar") or {}
    sort_by = str(scholar.get("sort_by", "none") or "none") if isinstance(scholar, dict) else "none"
    order = (
        str(scholar.get("order", "ascending") or "ascending") if isinstance(scholar, dict) else ""
    )
    lines = [
        '"""Sphinx configuration, written by `sphinx-ga4gh migrate` from a Jekyll site."""',
        "",
        "import importlib.util",
        "",
        f"project = {title!r}",
        "html_title = project",
        'extensions = ["sphinx_ga4gh"]',
        "",
    ]
    if description:
        lines += [
            "# The site's description: the meta description of pages without one of their own.",
            f"ga4gh_site_description = {description!r}",
            "",
        ]
    lines += [
        "# What Jekyll published as it was (images, assets, ...) is copied to the HTML output at",
        "# the same paths; _data and _bibliography are read by the build.",
        f"ga4gh_site_files = {published!r}",
        f"exclude_patterns = {excluded!r}",
        "",
        f"# jekyll-scholar: sort_by {sort_by!r}, order {order!r}.",
        f"bibtex_default_style = {bibliography_style(sort_by, order)!r}",
    ]
    if references_title and references_title != DEFAULT_REFERENCES_TITLE:
        lines += [f"ga4gh_page_references_title = {references_title!r}"]
    lines += _data_paths(site.root)
    lines += [""]
    lines += furniture_conf_lines(site.config)
    if new_link_kinds:
        lines += _registry_links_lines(new_link_kinds)
    lines += chrome_lines or []
    lines += head_conf_lines(site)
    lines += [
        "# Links to headings of other pages ([text](page_id#heading)): kramdown gave every heading",
        "# level an id.",
        "myst_heading_anchors = 6",
        "",
        "# pydata-sphinx-theme if installed, else the default. sphinx-ga4gh has no release yet:",
        '# from a clone of its repository, pip install -e "path/to/sphinx-ga4gh[theme]".',
        'html_theme = "pydata_sphinx_theme" if importlib.util.find_spec("pydata_sphinx_theme") '
        'else "alabaster"',
        "",
    ]
    return "\n".join(lines)


def furniture_conf_lines(config: dict[str, Any]) -> list[str]:
    """conf.py values of the page furniture from ``_config.yml``: the DSW deep link prefix, the
    theme's unsorted page people, the "More information" heading. (The site's address, which
    "How to cite this page" gives, is ``html_baseurl`` from :func:`.head.head_conf_lines`.)"""
    lines: list[str] = []
    prefix = str(config.get("dsw_deep_link_prefix") or "").strip()
    if prefix:
        lines += [
            "# Links of the pages' dsw questions: this, then the question's uuid.",
            f"ga4gh_dsw_deep_link_prefix = {prefix!r}",
        ]
    theme = config.get("theme_variables")
    headings = theme.get("headings") if isinstance(theme, dict) else None
    more = headings.get("more-information-tiles") if isinstance(headings, dict) else None
    if isinstance(more, str) and more.strip() and more.strip() != "More information":
        lines += [
            "# theme_variables.headings.more-information-tiles",
            f"ga4gh_more_information_title = {more.strip()!r}",
        ]
    metadata = theme.get("page_metadata") if isinstance(theme, dict) else None
    if isinstance(metadata, dict) and metadata.get("contributors_sort") is False:
        lines += [
            "# theme_variables.page_metadata.contributors_sort: false",
            "ga4gh_page_people_sort = False",
        ]
    return [*lines, ""] if lines else []


def _data_paths(root: Path) -> list[str]:
    """The data files the site has, found where Jekyll's ``site.data`` finds them, by name."""
    found = [
        (option, find_data_file(root, candidates)[0])
        for option, candidates in (
            ("ga4gh_tools", TOOLS_FILES),
            ("ga4gh_contributors", CONTRIBUTORS_FILES),
            ("ga4gh_affiliations", AFFILIATIONS_FILES),
        )
    ]
    lines = [
        f"{option} = {path.relative_to(root).as_posix()!r}"
        for option, path in found
        if path is not None
    ]
    return ["", "# The data files, as Jekyll's site.data read them.", *lines] if lines else []


def _static_patterns(site: JekyllSite) -> list[str]:
    """The published files as top folders, or file by file where a folder also holds pages."""
    published = sorted({path.split("/", 1)[0] for path in site.static_files})
    page_folders = {page.docname.split("/", 1)[0] for page in site.pages if "/" in page.docname}
    patterns: list[str] = []
    for top in published:
        if top in page_folders:
            patterns += [path for path in site.static_files if path.split("/", 1)[0] == top]
        else:
            patterns.append(top)
    return patterns


def bibliography_style(sort_by: str, order: str) -> str:
    """The sphinx-ga4gh formatting style that lists references as jekyll-scholar sorted them."""
    first = sort_by.split(",")[0].strip().lower()
    descending = order.split(",")[0].strip().lower() == "descending"
    if first == "year":
        return "ga4gh" if descending else "ga4gh_year_ascending"
    if first == "author":
        return "ga4gh_author"
    return "ga4gh_unsorted"


def _check_out(site_dir: Path, out: Path, force: bool) -> None:
    if not (site_dir / "_config.yml").is_file() and not any(site_dir.glob("*.md")):
        raise MigrationError(f"{site_dir} does not look like a Jekyll site (no _config.yml)")
    # Resolved, so that relative and absolute paths and symbolic links name the same folder.
    resolved_out, resolved_site = out.resolve(), site_dir.resolve()
    if resolved_out == resolved_site:
        raise MigrationError("the output folder must not be the site itself")
    if resolved_site.is_relative_to(resolved_out):
        raise MigrationError("the output folder must not contain the site")
    if resolved_out.is_relative_to(resolved_site):
        raise MigrationError(
            "the output folder must not be inside the site (the site is only read, and a "
            "project inside it would be read as site pages next time): write it elsewhere "
            "and move it in afterwards if you want"
        )
    if out.exists() and not out.is_dir():
        raise MigrationError(f"{out} exists and is not a folder")
    if out.is_dir() and any(out.iterdir()) and not force:
        raise MigrationError(f"{out} is not empty; use --force to write into it anyway")


def migrate(
    site_dir: Path, out: Path, *, force: bool = False, progress: Progress | None = None
) -> MigrationReport:
    """Write the Sphinx project for the Jekyll site at ``site_dir`` into ``out``."""
    if not site_dir.is_dir():
        raise MigrationError(f"{site_dir} is not a folder")
    _check_out(site_dir, out, force)
    site = read_site(site_dir)
    # Records which options conf.py, the pages' Liquid and the home page read (the report
    # lists the others).
    site.config = config = ReadRecordingConfig(site.config)
    report = MigrationReport(site=site_dir, out=out, findings=list(site.findings))
    output = _Output(out)
    out.mkdir(parents=True, exist_ok=True)
    output.remove_temporary_files()
    home = site.homepage
    root_docname = "index"
    navigation = build_navigation(site, root_docname)
    report.findings += navigation.findings
    markdown_pages = [page for page in site.pages if page.is_markdown]
    headings: Counter[str] = Counter()
    for number, page in enumerate(markdown_pages, start=1):
        children = navigation.children.get(page.docname, [])
        if page.docname == root_docname:
            children = []
        result = migrate_page(site, page, children, page.docname in navigation.orphans)
        text = result.text
        if page.docname == root_docname:
            text = with_root_toctrees(text, _root_toctrees(navigation))
        output.write(f"{page.docname}.md", text, page.relpath)
        report.findings += [(page.relpath, found) for found in result.findings]
        report.links_rewritten += result.links_rewritten
        if result.references_heading:
            headings[result.references_heading] += 1
        report.pages += 1
        if progress is not None:
            progress(number, len(markdown_pages))
    for page in site.pages:
        if not page.is_markdown and page is not home:
            message = "an HTML page: its HTML and Liquid are not migrated; rewrite it in MyST"
            report.findings.append((page.relpath, Finding(1, "html page", "", False, message)))
    if home is not None and not home.is_markdown:
        homepage = migrate_homepage(site, home, _page_context(site, home, SiteLinks(site, home)))
        text = with_root_toctrees(homepage.text, _root_toctrees(navigation))
        output.write(f"{root_docname}.md", text, home.relpath)
        report.findings += [(home.relpath, found) for found in homepage.findings]
    elif home is None:
        text, findings = _homepage(site)
        text = with_root_toctrees(text, _root_toctrees(navigation))
        output.write(f"{root_docname}.md", text, "_config.yml")
        report.findings += findings
    references_title = headings.most_common(1)[0][0] if headings else None
    link_kinds = unknown_link_kinds(site)
    for kind, (relpath, line) in link_kinds.items():
        message = (
            f"registry link kind {kind!r} is not in the ELIXIR set: conf.py's "
            f"ga4gh_registry_links has a placeholder for it (label {kind!r}, URL "
            f"{PLACEHOLDER_LINK_URL.format(kind=kind)}); complete them"
        )
        report.findings.append((relpath, Finding(line, "registry link", kind, True, message)))
    title = str(site.config.get("title") or "Field guide")
    chrome_lines, chrome_findings = chrome_conf(site, title)
    report.findings += chrome_findings
    conf = _conf_py(site, references_title, list(link_kinds), chrome_lines)
    output.write("conf.py", conf, "_config.yml")
    report.files_copied = _copy_files(site, output)
    report.findings += output.findings
    report.findings.sort(key=lambda item: (item[0], item[1].line))
    _add_unused_keys(report, site, config, home)
    return report


def _add_unused_keys(
    report: MigrationReport,
    site: JekyllSite,
    config: ReadRecordingConfig,
    home: JekyllPage | None,
) -> None:
    """The front matter keys and ``_config.yml`` options nothing of the migrated site uses
    (called once everything is written: every option conf.py or a page read is recorded)."""
    includes = list(site_context_of(site).includes.values())
    pages = [page for page in site.pages if page.is_markdown or page is home]
    report.unused_front_matter = unused_front_matter(pages, includes)
    report.unused_config = unused_config(config, [page.body for page in site.pages], includes)


_SECTION = re.compile(r"^## ", re.MULTILINE)


def with_root_toctrees(text: str, toctrees: str) -> str:
    """The homepage with its (hidden) toctrees before its first ``##`` section, so that in the
    PDF their captions become parts and the sections do not swallow them; at the end when it
    has no sections."""
    fences = Fences(text, myst=True)
    for match in _SECTION.finditer(text):
        if not fences.contains(match.start()):
            head, tail = text[: match.start()], text[match.start() :]
            return head.rstrip("\n") + "\n" + toctrees + "\n" + tail
    return text.rstrip("\n") + "\n" + toctrees


def _root_toctrees(navigation: Navigation) -> str:
    return "".join("\n" + toctree(entries, caption) + "\n" for caption, entries in navigation.root)


def _copy_files(site: JekyllSite, output: _Output) -> int:
    """The data, the bibliography and the published files, byte for byte (as the site's walk
    found them: no symbolic link out of the site is followed)."""
    copied = 0
    for relpath in [*site.data_files, *site.static_files]:
        try:
            content = (site.root / relpath).read_bytes()
        except OSError as error:
            message = f"cannot read the file: {error.strerror}; not copied"
            output.findings.append((relpath, Finding(1, "unreadable", "", False, message)))
            continue
        copied += output.write(relpath, content, relpath)
    return copied
