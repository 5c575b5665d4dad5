"""``sphinx-ga4gh check SITE``: a field guide's data and pages validated without a build.

SITE is a Jekyll site (``_config.yml``, Liquid tags) or a sphinx-ga4gh project (``conf.py``,
MyST roles). Both are read the same way: the data files as the extension reads them (so the
same problems are found, with file and line), then each page's tool mentions, citations, page
links and people, checked against the data. One line per problem: ``path:line: type: message``.
"""

from __future__ import annotations

import contextlib
import posixpath
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path
from typing import Any, Literal

from sphinx.config import Config
from sphinx.errors import ConfigError
from sphinx.util.nodes import split_explicit_title
from sphinx.util.tags import Tags

from .config import CONFIG_VALUES, config_problems
from .data.diagnostics import Diagnostic, SourceLocation, conf_line, did_you_mean
from .data.site import SiteData, is_country_code, load_site_data, missing_people_file_message
from .data.tools import anchor_safe_id, parse_link_types, tool_from_fields
from .data.yaml_source import LocatedDict
from .furniture.national_resources import national_page_links, unknown_main_resources
from .furniture.section_tiles import unknown_page_message
from .migration.jekyll import read_site
from .myst import MYST_EXTENSIONS
from .pages.front_matter import IGNORED, check_front_matter, front_matter, without_placeholders
from .references.bibfiles import DEFAULT_ENCODING, read_bibliography
from .references.per_page import is_citation_role, role_cited_keys
from .reporting import front_matter_line, line_in_front_matter
from .text.front_matter import FrontMatterBlock, read_front_matter
from .text.liquid import Untranslatable, cite_arguments, parameters, quoted_string
from .text.lists import split_names
from .text.markdown_tokens import read_markdown
from .text.scanner import Fences, LineIndex, scan
from .tools.hygiene import (
    name_pattern,
    plain_name_message,
    plain_names,
    unmentioned_message,
    unmentioned_tools,
)
from .tools.table import unknown_related_page_message

DEFAULT_BIBFILE = "_bibliography/references.bib"
#: A bare Markdown link target: a page_id or a document name.
_BARE = re.compile(r"[A-Za-z0-9_-]+")
_LINK = re.compile(r"(?<!!)\[[^\]\n]*\]\(([A-Za-z0-9_-]+)\)")
PEOPLE_KEYS = ("contributors", "editors", "coordinators")


@dataclass
class Mention:
    value: str
    line: int


@dataclass
class PageFacts:
    """What one page names: tools, cited works, page links, people; with lines in its file."""

    path: str
    front_matter: dict[str, Any]
    front_matter_lines: list[str]
    tools: list[Mention] = field(default_factory=list)
    cites: list[Mention] = field(default_factory=list)
    links: list[Mention] = field(default_factory=list)
    declared_tools: list[str] = field(default_factory=list)
    #: Declared tool ids that the build normalises (as data diagnostics).
    id_problems: list[Diagnostic] = field(default_factory=list)
    #: The page without its front matter, and the line of the file it starts on.
    body: str = ""
    body_line: int = 1
    #: Front matter values of the wrong type and repeated keys, as the build reports them.
    front_matter_problems: list[Problem] = field(default_factory=list)
    #: What reading the page found (undecodable bytes, front matter beyond the bounds).
    problems: list[Problem] = field(default_factory=list)

    def key_line(self, text: str, key: str | None = None) -> int:
        return line_in_front_matter(["---", *self.front_matter_lines, "---"], text, key)


class _Prose:
    """A page body's code blocks and lines, found once for all the patterns looked for."""

    def __init__(self, text: str, offset: int, myst: bool = True) -> None:
        self.text = text
        self.offset = offset
        self.fences = Fences(text, myst=myst)  # a MyST directive's body is not code
        self.lines = LineIndex(text)

    def mentions(self, pattern: re.Pattern[str]) -> Iterator[Mention]:
        """Matches of ``pattern`` that are not in code, with their lines in the file."""
        for match in pattern.finditer(self.text):
            if not self.fences.contains(match.start()):
                line = self.lines.line(match.start()) + self.offset
                yield Mention(match.group(1).strip(), line)


def _check_types(facts: PageFacts, head: str) -> PageFacts:
    """The build's front matter checks: problems noted, wrong values replaced as it does."""
    checked = check_front_matter(head, first_line=2)
    facts.front_matter_problems = [
        Problem(facts.path, problem.line, "ga4gh.page", problem.message)
        for problem in checked.problems
    ]
    for key, value in checked.corrections.items():
        if value is IGNORED:
            facts.front_matter.pop(key, None)
        else:
            facts.front_matter[key] = value
    return facts


def _target(content: str) -> str:
    """A cross-reference role's target, as Sphinx splits ``title <target>``."""
    _has_title, _title, target = split_explicit_title(content)
    return target.strip()


def myst_page_facts(path: str, text: str, extensions: Iterable[str] = MYST_EXTENSIONS) -> PageFacts:
    """What a MyST page names, read from myst-parser's tokens (as the build parses the page)."""
    block = read_front_matter(text)
    head, body, body_line = (block.text, block.body, block.body_line) if block else ("", text, 1)
    front_matter, problem = _yaml_mapping(block)
    facts = PageFacts(path, front_matter, head.splitlines(), body=body, body_line=body_line)
    if problem is not None:
        facts.problems.append(Problem(path, *problem))
    _check_types(facts, head)
    markdown = read_markdown(body, extensions, first_line=body_line)
    facts.tools = [
        Mention(_target(role.content), role.line)
        for role in markdown.roles_named("tool", "ga4gh:tool")
    ]
    facts.cites = [
        Mention(key, role.line)
        for role in markdown.roles
        if is_citation_role(role.name)
        for key in role_cited_keys(role.content)
    ]
    facts.links = [
        Mention(_target(role.content), role.line) for role in markdown.roles_named("ga4gh:page")
    ] + [Mention(link.target, link.line) for link in markdown.links if _BARE.fullmatch(link.target)]
    for directive in markdown.directives:
        if directive.name != "ga4gh:tool" or not directive.argument:
            continue
        # as the directive: an id an anchor cannot hold is normalised, and reported
        location = SourceLocation(path, directive.line)
        tool_id, id_problems = anchor_safe_id(directive.argument.split()[0], location)
        facts.id_problems += id_problems
        if tool_id:
            facts.declared_tools.append(tool_id)
        if "type" in directive.options:
            fields = LocatedDict(id=tool_id, name=tool_id, type=directive.options["type"])
            fields.line = directive.line
            _tool, tool_problems = tool_from_fields(fields, location)
            facts.id_problems += [d for d in tool_problems if " type " in d.message]
    return facts


def liquid_page_facts(
    path: str, front_matter: dict[str, Any], head: str, body: str, body_line: int
) -> PageFacts:
    facts = PageFacts(path, front_matter, head.splitlines(), body=body, body_line=body_line)
    _check_types(facts, head)
    offset = body_line - 1
    lines = LineIndex(body)
    for tag in scan(body):
        if tag.in_code or tag.is_output:
            continue
        line = lines.line(tag.start) + offset
        if tag.name == "tool":
            with contextlib.suppress(Untranslatable):
                facts.tools.append(Mention(quoted_string(tag.markup).strip(), line))
        elif tag.name == "cite":
            with contextlib.suppress(Untranslatable):
                facts.cites += [Mention(key, line) for key in cite_arguments(tag.markup)[0]]
        elif tag.name == "include":
            with contextlib.suppress(Untranslatable):
                name, values = parameters(tag.markup)
                # ``custom=child_pages`` unquoted is a Liquid variable, not a page_id
                quoted = re.search(r"\bcustom\s*=\s*[\"']", tag.markup) is not None
                if name.startswith("section-navigation-tiles") and values.get("custom") and quoted:
                    facts.links += [Mention(item, line) for item in split_names(values["custom"])]
    facts.links += list(_Prose(body, offset, myst=False).mentions(_LINK))
    return facts


def _yaml_mapping(
    block: FrontMatterBlock | None,
) -> tuple[dict[str, Any], tuple[int, str, str] | None]:
    """The front matter, and ``(line, type, message)`` of the build's warning when it is not
    read: beyond the loader's bounds, or not valid YAML (myst-parser's warning)."""
    if block is None or not block.text.strip():
        return {}, None
    if block.error is not None:
        return {}, (1, "myst.topmatter", "Malformed YAML")
    data, beyond = block.data, block.beyond
    if beyond is not None:
        message = f"front matter not read: {beyond.message}; the page is built without it"
        return {}, (beyond.line + 1, "ga4gh.page", message)
    # A template's ``<!---REPLACE THIS…--->`` values are empty, as in the build.
    return (without_placeholders(data) if isinstance(data, dict) else {}), None


def _read_page(path: Path, relpath: str) -> tuple[str, Problem | None]:
    """The page's text; bytes that are not UTF-8 are replaced (as the build reads them) and
    reported at the line of the first, with the build's message."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        message = (
            f"not UTF-8 (byte {data[error.start]:#04x}); undecodable bytes are shown as '\ufffd'"
        )
        return data.decode("utf-8", errors="replace"), Problem(relpath, line, "ga4gh.page", message)


def _names(value: Any) -> list[str]:
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    return [str(item).strip() for item in items if item is not None and str(item).strip()]


# --- the two kinds of site -------------------------------------------------------------------


@dataclass
class Site:
    root: Path
    data: SiteData
    pages: list[PageFacts]
    bibfiles: list[Path]
    #: Names a bare Markdown link may point at besides page_ids (documents, pages' URLs).
    link_targets: set[str] = field(default_factory=set)
    problems: list[Problem] = field(default_factory=list)
    bib_encoding: str = DEFAULT_ENCODING
    #: A missing BibTeX file is no problem while no page cites (a Jekyll site's default file).
    bibliography_optional: bool = False


class ConfError(Exception):
    """conf.py could not be read; the check reports it instead of the project's problems."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


#: Values of other extensions the check reads (unset: None, as an unset value reads there).
_OTHER_VALUES = ("bibtex_bibfiles", "bibtex_encoding", "myst_enable_extensions")


def _conf_values(root: Path) -> dict[str, Any]:
    """conf.py's settings, read by Sphinx (:meth:`sphinx.config.Config.read`: from its own
    folder, with ``tags``), with the extension's values and the defaults the build has."""
    try:
        config = Config.read(root.resolve(), overrides={}, tags=Tags())
    except ConfigError as error:
        raise ConfError(_conf_problem(root, error)) from None
    for value in CONFIG_VALUES:
        config.add(value.name, value.default, value.rebuild, value.types)
    for name in _OTHER_VALUES:
        config.add(name, None, "env", ())
    names = [value.name for value in CONFIG_VALUES] + [*_OTHER_VALUES, "exclude_patterns"]
    return {name: config[name] for name in names}


def _conf_problem(root: Path, error: ConfigError) -> Problem:
    """A conf.py that does not run, as one problem: its exception and the line of conf.py it
    was raised at (Sphinx's message holds the whole traceback)."""
    message = str(error)
    conf = str((root / "conf.py").resolve())
    lines = [int(found) for found in re.findall(rf'File "{re.escape(conf)}", line (\d+)', message)]
    last = [text.strip() for text in message.strip().splitlines() if text.strip()]
    reason = last[-1] if lines else " ".join(last)
    return Problem("conf.py", lines[-1] if lines else 1, "ga4gh.config", f"not read: {reason}")


def _sphinx_project(root: Path) -> Site:
    conf = _conf_values(root)
    conf_py = root / "conf.py"
    # values of the wrong type are replaced as the build replaces them
    config_findings = []
    for name, message, replacement in config_problems(conf):
        conf[name] = replacement
        config_findings.append(
            Problem("conf.py", conf_line(conf_py, name), "ga4gh.config", message)
        )
    link_types, problems = parse_link_types(
        conf.get("ga4gh_registry_links"),
        SourceLocation(str(conf_py), conf_line(conf_py, "ga4gh_registry_links")),
    )
    data = load_site_data(
        root,
        conf.get("ga4gh_tools"),
        conf.get("ga4gh_contributors"),
        conf.get("ga4gh_affiliations"),
        link_types,
        [str(key) for key in conf.get("ga4gh_registry_extra_keys") or []],
    )
    data.diagnostics[:0] = problems
    excluded = ["_build", *[str(p) for p in conf.get("exclude_patterns") or []]]
    extensions = [*MYST_EXTENSIONS, *(conf.get("myst_enable_extensions") or [])]
    pages = []
    for path in sorted(root.rglob("*.md")):
        relpath = path.relative_to(root).as_posix()
        if any(_matches(relpath, pattern) for pattern in excluded):
            continue
        text, problem = _read_page(path, relpath)
        facts = myst_page_facts(relpath, text, extensions)
        if problem is not None:
            facts.problems.append(problem)
        pages.append(facts)
    bibfiles = conf.get("bibtex_bibfiles")
    if bibfiles is None:
        bibfiles = [DEFAULT_BIBFILE] if (root / DEFAULT_BIBFILE).is_file() else []
    documents = {page.path.rsplit(".", 1)[0] for page in pages}
    site = Site(root, data, pages, [root / name for name in bibfiles], documents)
    site.bib_encoding = str(conf.get("bibtex_encoding") or DEFAULT_ENCODING)
    site.problems += config_findings
    return site


def _matches(relpath: str, pattern: str) -> bool:
    pattern = pattern.rstrip("/")
    return fnmatch(relpath, pattern) or relpath.startswith(pattern + "/")


def _jekyll_site(root: Path) -> Site:
    jekyll = read_site(root)
    data = load_site_data(root, None, None, None)
    pages = []
    for page in jekyll.pages:
        if not page.is_markdown:
            continue
        values = without_placeholders({**page.defaults, **page.front_matter})
        pages.append(
            liquid_page_facts(
                page.relpath, values, page.front_matter_text, page.body, page.body_line
            )
        )
    scholar = jekyll.config.get("scholar")
    scholar = scholar if isinstance(scholar, dict) else {}
    source = str(scholar.get("source") or "_bibliography").strip("./") or "_bibliography"
    bibliography = str(scholar.get("bibliography") or "references.bib")
    # A bare link is resolved against the page's URL; pages live at their URLs' last part.
    urls = {page.url.strip("/").removesuffix(".html") or "index" for page in jekyll.pages}
    site = Site(root, data, pages, [root / source / bibliography], urls)
    # jekyll-scholar needs its file only when a page cites (the build too: the migration
    # writes no bibliography for a site that has none)
    site.bibliography_optional = True
    site.problems += [
        Problem(path, found.line, "ga4gh.data", found.message)
        for path, found in jekyll.findings
        # what the build would also miss: unreadable data, pages and links out of the site
        if found.kind in ("data", "front matter", "encoding", "symlink", "unreadable")
    ]
    return site


# --- checks ------------------------------------------------------------------------------------


def _relative(root: Path, path: str) -> str:
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path


@dataclass(frozen=True, order=True)
class Problem:
    """One line of the check's output."""

    path: str
    line: int
    kind: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.kind}: {self.message}"


def _bib_problems(site: Site) -> tuple[set[str], list[Problem]]:
    """The keys of the BibTeX files and their problems, read as the build reads them."""
    bibfiles = [path.resolve() for path in site.bibfiles]
    bibliography = read_bibliography(bibfiles, site.bib_encoding)
    keys = {key for file_keys in bibliography.keys.values() for key in file_keys}
    cites = any(page.cites for page in site.pages)
    problems = [
        Problem(_relative(site.root, str(problem.path)), problem.line, "ga4gh.data", message)
        for problem in bibliography.problems
        if cites or not site.bibliography_optional or problem.path.is_file()
        # messages name other files by their path: relative, as the first column
        for message in [problem.message.replace(f"{site.root.resolve()}/", "")]
    ]
    return keys, problems


def _page_ids(pages: list[PageFacts]) -> tuple[dict[str, str], list[Problem]]:
    page_ids: dict[str, str] = {}
    problems: list[Problem] = []
    for page in pages:
        page_id = str(page.front_matter.get("page_id") or "").strip()
        if page_id in page_ids:
            message = f"duplicate page_id {page_id!r} (also {page_ids[page_id]})"
            line = page.key_line(page_id, "page_id")
            problems.append(Problem(page.path, line, "ga4gh.page", message))
        elif page_id:
            page_ids[page_id] = page.path
    return page_ids, problems


def _page_problems(site: Site, bib_keys: set[str]) -> list[Problem]:
    known_tools = set(site.data.tools) | {t for page in site.pages for t in page.declared_tools}
    page_ids, problems = _page_ids(site.pages)
    targets = set(page_ids) | site.link_targets
    for page in site.pages:
        folder = posixpath.dirname(page.path)
        problems += page.front_matter_problems
        problems += [
            Problem(page.path, d.location.line, f"ga4gh.{d.subtype}", d.message)
            for d in page.id_problems
        ]
        problems += [
            Problem(
                page.path,
                m.line,
                "ga4gh.tool",
                f"unknown tool id {m.value!r}{did_you_mean(m.value, known_tools)}",
            )
            for m in page.tools
            if m.value not in known_tools
        ]
        problems += [
            Problem(page.path, m.line, "bibtex.key_not_found", f"no BibTeX entry {m.value!r}")
            for m in page.cites
            if m.value not in bib_keys
        ]
        problems += [
            Problem(
                page.path,
                m.line,
                "ga4gh.page",
                f"unknown page_id {m.value!r}{did_you_mean(m.value, page_ids)}",
            )
            for m in page.links
            # a document name is also read from the page's own folder, as Sphinx reads it
            if m.value not in targets and posixpath.join(folder, m.value) not in targets
        ]
        source = str(site.root / page.path)
        problems += [
            # read and placed as the build's related pages are: at the line of the group
            Problem(
                page.path,
                front_matter_line(source, f"{page_type}:"),
                "ga4gh.page",
                unknown_page_message("related_pages", name, targets),
            )
            for page_type, names in front_matter(page.front_matter).related_pages.items()
            # as in the build: a page_id or a document name
            for name in names
            if name not in targets
        ]
        problems += [
            Problem(page.path, page.key_line(tool_id, "ref_to_main_resources"), "ga4gh.tool", text)
            for tool_id, text in unknown_main_resources(
                front_matter(page.front_matter).ref_to_main_resources, site.data.tools
            )
        ]
        problems += [
            Problem(
                page.path,
                line,
                "ga4gh.page",
                f"unknown page_id {target!r}{did_you_mean(target, page_ids)}",
            )
            for target, line in national_page_links(
                str(site.root / page.path), front_matter(page.front_matter)
            )
            if target not in page_ids  # a reference to a page_id, as the build makes
        ]
        problems += _people_problems(site, page)
        problems += _national_resource_problems(page)
    problems += [
        Problem(
            _relative(site.root, tool.location.path),
            tool.related_pages_line or tool.location.line,
            "ga4gh.tool",
            unknown_related_page_message(tool.id, name, targets),
        )
        for tool in site.data.tools.values()
        for name in tool.related_pages
        if name not in targets
    ]
    return problems


def _national_resource_problems(page: PageFacts) -> list[Problem]:
    """A country page's ``national_resources`` read with the registry's rules, as the build
    reads them (a url that may not be a link, a type with markup, a description link)."""
    entries = page.front_matter.get("national_resources")
    problems = []
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict) or not str(entry.get("name") or "").strip():
            continue
        fields = LocatedDict(entry)
        fields.setdefault("id", str(entry["name"]).strip())
        _tool, tool_problems = tool_from_fields(fields, SourceLocation(page.path, 1))
        problems += [
            Problem(
                page.path,
                page.key_line(str(entry.get(key) or entry["name"]), "national_resources"),
                f"ga4gh.{d.subtype}",
                f"national_resources: {d.message}",
            )
            for d in tool_problems
            for key in [
                next((k for k in ("url", "type", "description") if f" {k} " in d.message), "name")
            ]
        ]
    return problems


def _named_people(page: PageFacts) -> list[tuple[str, str, str]]:
    """``(key, name, kind)`` of each person and supporter a page's front matter names."""
    named = [
        (key, name, "contributor")
        for key in PEOPLE_KEYS
        for name in _names(page.front_matter.get(key))
    ]
    matter = page.front_matter
    key = "affiliations" if _names(matter.get("affiliations")) else "supported_by"
    named += [
        (key, name, "country" if is_country_code(name) else "affiliation")
        for name in _names(matter.get(key))
    ]
    return named


def _people_problems(site: Site, page: PageFacts) -> list[Problem]:
    data = site.data
    known: dict[str, Mapping[str, object]] = {
        "contributor": data.contributors,
        "affiliation": data.affiliations,
    }
    # Names are checked only against a data file the site has (as the build does).
    has_file = {
        "contributor": data.names_people("contributor"),
        "affiliation": data.names_people("affiliation"),
    }
    problems = []
    for key, name, kind in _named_people(page):
        if kind == "country":
            if name.upper() not in data.countries:
                message = (
                    f"unknown country code {name!r} in front matter (not an ISO 3166 code nor "
                    "in the site's countries file); it is shown as it is"
                )
                problems.append(
                    Problem(page.path, page.key_line(name, key), "ga4gh.affiliation", message)
                )
        elif has_file[kind] and name not in known[kind]:
            problems.append(
                Problem(
                    page.path,
                    page.key_line(name, key),
                    f"ga4gh.{kind}",
                    f"unknown {kind} {name!r}{did_you_mean(name, known[kind])}",
                )
            )
    return problems


def _missing_people_files(site: Site) -> list[Problem]:
    """One problem per people data file the site lacks while its pages name people (the
    build's warning at the first such page)."""
    problems = []
    kinds: tuple[Literal["contributor", "affiliation"], ...] = ("contributor", "affiliation")
    for kind in kinds:
        if site.data.names_people(kind):
            continue
        empty = [path.name for path in site.data.people_file_names(kind)]
        pages = [
            (page, found[0])
            for page in sorted(site.pages, key=lambda page: page.path)
            if (found := [(key, name) for key, name, k in _named_people(page) if k == kind])
        ]
        if pages:
            page, (key, name) = pages[0]
            problems.append(
                Problem(
                    page.path,
                    page.key_line(name, key),
                    "ga4gh.data",
                    missing_people_file_message(kind, len(pages), empty),
                )
            )
    return problems


def _registry_problems(site: Site) -> list[Problem]:
    """Registry entries no page mentions; tool names in plain text on pages mentioning none."""
    mentioned = {mention.value for page in site.pages for mention in page.tools}
    homes = {str(page.front_matter.get("page_id") or "").strip() for page in site.pages}
    homes |= {tool for page in site.pages for tool in page.declared_tools}
    docnames = {page.path.rsplit(".", 1)[0] for page in site.pages}
    problems = [
        Problem(
            _relative(site.root, tool.location.path),
            tool.location.line,
            "ga4gh.registry",
            unmentioned_message(tool),
        )
        for tool in unmentioned_tools(site.data.tools, mentioned, homes, homes | docnames)
    ]
    names = name_pattern(site.data.tools.values())
    if names is None:
        return problems
    for page in site.pages:
        if not page.tools:
            problems += [
                Problem(page.path, found.line, "ga4gh.registry", plain_name_message(found))
                for found in plain_names(
                    page.body,
                    names,
                    page.body_line,
                    [str(page.front_matter.get("page_id") or ""), *page.declared_tools],
                )
            ]
    return problems


def check_site(root: Path, registry: bool = False) -> list[Problem]:
    """Every problem of the site at ``root``, in file and line order; with ``registry``, also
    the registry hygiene findings (unmentioned entries, tool names in plain text)."""
    try:
        site = _sphinx_project(root) if (root / "conf.py").is_file() else _jekyll_site(root)
    except ConfError as error:
        return [error.problem]
    problems = list(site.problems) + [problem for page in site.pages for problem in page.problems]
    # Paths inside messages ("also defined at …") relative too, as the first column is.
    inside = f"{root.resolve()}/"
    problems += [
        Problem(
            _relative(root, d.location.path),
            d.location.line,
            f"ga4gh.{d.subtype}",
            d.message.replace(inside, ""),
        )
        for d in site.data.diagnostics
    ]
    bib_keys, bib_problems = _bib_problems(site)
    if registry:
        problems += _registry_problems(site)
    problems += _missing_people_files(site)
    return sorted(set(problems + bib_problems + _page_problems(site, bib_keys)))
