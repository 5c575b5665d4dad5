"""Translates the Liquid of an ELIXIR-toolkit page into sphinx-ga4gh's MyST (SPEC §3 → §4).

:func:`translate` is a pure function of the page text and a :class:`PageContext`: it never
raises, leaves every byte outside the tags it translates as it was, and gives the same text when
run on its own output. A tag it cannot translate is returned as a :class:`Finding` with its
line, so nothing is silently lost; in the page it stays as written (the build's legacy mode)
or, for the migration, is shown as "not migrated" code. It runs as passes over one scan of the
text (see "the passes" below).
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .lists import split_names, split_people
from .logic import Evaluation, LogicContext, evaluate, not_migrated
from .raw_html import (
    NOT_MIGRATED_CLASS,
    HtmlBlocks,
    attribute_replacement,
    attribute_value_at,
    code_element,
)
from .scanner import LineIndex, LiquidTag, PageScan, Scanner, scan_page, split_lines

#: Callout types of the theme, and the admonition each becomes (anything else is a note there).
CALLOUT_ADMONITIONS = {"note": "note", "tip": "tip", "important": "important", "warning": "warning"}
_CSS_LENGTH = re.compile(r"^\d+(\.\d+)?(px|em|rem|%|vw|vh|ex|ch|pt|cm|mm|in)$")
_PARAMETER = re.compile(
    r"""([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^\s"']+))""", re.S
)
_STRING = re.compile(r"""^(?:"([^"]*)"|'([^']*)')$""")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?=\S)")
_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)[ \t#]*$")


@dataclass(frozen=True)
class Finding:
    """A construct met while translating: translated or not, with its 1-based line."""

    line: int
    kind: str
    source: str
    translated: bool
    message: str = ""


class LinkResolver:
    """Turns site URLs and file names into MyST targets. This base resolves nothing: a URL is
    written as Jekyll would print it. The migration's resolver knows the site's pages."""

    def markdown_target(self, url: str) -> str | None:
        """Target for a Markdown link or image to the site path ``url`` (``/beacon``)."""
        return None

    def html_target(self, url: str) -> str | None:
        """``href``/``src`` value for the site path ``url`` in raw HTML."""
        return None

    def page_for_file(self, path: str) -> str | None:
        """Site URL of the page whose source file is ``path`` (``{% link %}``)."""
        return None

    def docname_for_filename(self, filename: str) -> str | None:
        """Docname of the page whose file name is ``filename`` (tiles' ``except``)."""
        return None


@dataclass(frozen=True)
class PageContext:
    """What a page's Liquid may refer to: the site's config, the page's front matter and URL."""

    site: Mapping[str, Any] = field(default_factory=dict)
    page: Mapping[str, Any] = field(default_factory=dict)
    url: str = ""
    links: LinkResolver = field(default_factory=LinkResolver)
    #: ``_data/news.yml`` (``{% include news.html %}``); None when the site has none.
    news: Sequence[Mapping[str, Any]] | None = None
    #: ``_data/sidebars/*.yml`` by name (``{% include pageids-overview.html sidebar= %}``).
    sidebars: Mapping[str, Any] = field(default_factory=dict)
    #: ``site.data`` (the ``_data`` files by name) and the site's own ``_includes`` (name →
    #: text), for the logic pass (:mod:`.logic`).
    data: Mapping[str, Any] = field(default_factory=dict)
    includes: Mapping[str, str] = field(default_factory=dict)


@dataclass
class Translation:
    text: str
    findings: list[Finding]
    #: For each line of ``text`` (0-based index), the line of the source it came from.
    line_map: list[int] = field(default_factory=list)

    @property
    def untranslated(self) -> list[Finding]:
        return [finding for finding in self.findings if not finding.translated]


class Untranslatable(Exception):
    """Raised by a tag translator: the tag stays as written, with this reason."""


@dataclass(frozen=True)
class TagOutput:
    """What a tag becomes: inline text, a block of Markdown lines, or nothing at all."""

    text: str
    kind: str
    block: bool = False
    #: The Markdown heading right above the tag belongs to it (``## References``).
    takes_heading: bool = False
    message: str = ""


# --- tag translators -----------------------------------------------------------------------


def quoted_string(expression: str) -> str:
    match = _STRING.match(expression.strip())
    if match is None:
        raise Untranslatable(f"{expression.strip()!r} is not a quoted string")
    return match.group(1) if match.group(1) is not None else match.group(2)


def _role(name: str, content: str) -> str:
    ticks = "`"
    while ticks in content:
        ticks += "`"
    pad = " " if content.startswith("`") or content.endswith("`") else ""
    return f"{{{name}}}{ticks}{pad}{content}{pad}{ticks}"


def _tool(tag: LiquidTag, context: PageContext) -> TagOutput:
    tool_id = quoted_string(tag.markup).strip()
    if not tool_id:
        raise Untranslatable("empty tool id")
    return TagOutput(_role("tool", tool_id), "tool")


_CITE_OPTIONS_WITH_VALUE = {"--locator", "-l"}


def cite_arguments(markup: str) -> tuple[list[str], list[str]]:
    """The keys and locators of ``{% cite k1 k2 --locator 23 %}`` (quotes removed)."""
    try:
        words = shlex.split(markup)
    except ValueError as error:
        raise Untranslatable(f"cannot read the cite arguments: {error}") from None
    keys: list[str] = []
    locators: list[str] = []
    index = 0
    while index < len(words):
        word = words[index]
        if word in _CITE_OPTIONS_WITH_VALUE and index + 1 < len(words):
            locators.append(words[index + 1])
            index += 2
            continue
        if word.startswith("-"):
            raise Untranslatable(f"cite option {word} has no MyST equivalent")
        keys.append(word)
        index += 1
    if not keys:
        raise Untranslatable("cite without a key")
    if len(locators) > len(keys):
        raise Untranslatable("more locators than keys")
    return keys, locators


def _cite(tag: LiquidTag, context: PageContext) -> TagOutput:
    keys, locators = cite_arguments(tag.markup)
    parts = [
        f"{key}{{p. {locators[i]}}}" if i < len(locators) else key for i, key in enumerate(keys)
    ]
    return TagOutput(_role("cite:p", ",".join(parts)), "cite")


def _bibliography(tag: LiquidTag, context: PageContext) -> TagOutput:
    options = tag.markup.split()
    if not options:
        return TagOutput("```{bibliography}\n:all:\n```", "bibliography", block=True)
    if set(options) <= {"--cited", "--cited_in_order"}:
        # sphinx-ga4gh lists each page's cited works itself, under its own heading.
        return TagOutput("", "bibliography --cited", block=True, takes_heading=True)
    raise Untranslatable(f"bibliography options {' '.join(options)} have no MyST equivalent")


def parameters(markup: str) -> tuple[str, dict[str, str]]:
    """``file.html key="v" k2=true`` → ``("file.html", {...})``, unescaping as Jekyll does."""
    name, _, rest = markup.strip().partition(" ")
    values: dict[str, str] = {}
    position = 0
    rest = rest.strip()
    while position < len(rest):
        match = _PARAMETER.match(rest, position)
        if match is None:
            if rest[position].isspace():
                position += 1
                continue
            raise Untranslatable(f"cannot read the include parameters at {rest[position:]!r}")
        key = match.group(1)
        if match.group(2) is not None:
            values[key] = match.group(2).replace('\\"', '"')
        elif match.group(3) is not None:
            values[key] = match.group(3).replace("\\'", "'")
        else:
            values[key] = match.group(4)
        position = match.end()
    return name, values


def _fence(name: str, argument: str, options: Sequence[tuple[str, str]], body: str = "") -> str:
    """A directive in a colon fence long enough for its body."""
    colons = ":::"
    while colons in body:
        colons += ":"
    head = f"{colons}{{{name}}}" + (f" {argument}" if argument else "")
    lines = [head] + [f":{key}: {value}".rstrip() for key, value in options]
    if body:
        lines.append(body)
    lines.append(colons)
    return "\n".join(lines)


def _one_line(value: str) -> str:
    return " ".join(value.split())


def _true(value: str | None) -> bool:
    return (value or "").strip().lower() == "true"


def _unknown_parameters(values: Mapping[str, str], known: set[str], include: str) -> None:
    unknown = sorted(set(values) - known)
    if unknown:
        raise Untranslatable(f"{include}: parameter {', '.join(unknown)} has no MyST equivalent")


def _callout(values: dict[str, str], context: PageContext) -> TagOutput:
    _unknown_parameters(values, {"type", "title", "content"}, "callout.html")
    kind = CALLOUT_ADMONITIONS.get(values.get("type", "note").strip().lower(), "note")
    content = values.get("content", "").strip()
    title = values.get("title", "").strip()
    if title:
        block = _fence("admonition", _one_line(title), [("class", kind)], content)
    else:
        block = _fence(kind, "", [], content)
    return TagOutput(block, "callout", block=True)


def _image(values: dict[str, str], context: PageContext) -> TagOutput:
    _unknown_parameters(
        values, {"file", "caption", "alt", "max-width", "url", "click", "inline", "class"}, "image"
    )
    if not values.get("file", "").strip():
        raise Untranslatable("image.html without file=")
    site_path = re.sub(r"/{2,}", "/", "/images/" + values["file"].strip())
    target = context.links.markdown_target(site_path) or site_path
    alt = values.get("alt", "")
    caption = values.get("caption", "").strip()
    notes: list[str] = []
    if _true(values.get("inline")):
        image = f"![{_one_line(alt)}]({target})"
        return TagOutput(image + (f" {caption}" if caption else ""), "image")
    options: list[tuple[str, str]] = []
    if alt:
        options.append(("alt", _one_line(alt)))
    width = values.get("max-width", "").strip()
    if width and _CSS_LENGTH.match(width):
        options.append(("width", width))
    elif width:
        notes.append(
            f"max-width={width!r} has no CSS unit, so browsers ignored it; not carried over"
        )
    if values.get("url", "").strip():
        options.append(("target", values["url"].strip()))
    elif _true(values.get("click")):
        notes.append("click=true: Sphinx links an image to its full size only when it is scaled")
    if values.get("class", "").strip():
        options.append(("figclass", values["class"].strip()))
    block = _fence("figure", target, options, caption)
    return TagOutput(block, "image", block=True, message="; ".join(notes))


def _section_tiles(values: dict[str, str], context: PageContext) -> TagOutput:
    _unknown_parameters(
        values,
        {
            "type",
            "search",
            "affiliations",
            "supported_by",
            "except",
            "custom",
            "col",
            "sort",
            "training",
        },
        "section-navigation-tiles",
    )
    options: list[tuple[str, str]] = []
    if values.get("custom", "").strip():
        options.append(("custom", ", ".join(split_names(values["custom"]))))
    options += _except_and_columns(values, context)
    # The theme sorts tiles by title unless told sort=false.
    if values.get("sort", "").strip().lower() != "false":
        options.append(("sort", ""))
    if _true(values.get("search")):
        options.append(("search", ""))
    if _true(values.get("supported_by")) or _true(values.get("affiliations")):
        options.append(("affiliations", ""))
    page_type = values.get("type", "").strip()
    if not page_type and not values.get("custom", "").strip():
        raise Untranslatable("section-navigation-tiles without type= or custom=")
    return TagOutput(_directive("section-tiles", page_type, options), "section tiles", block=True)


def _except_and_columns(values: dict[str, str], context: PageContext) -> list[tuple[str, str]]:
    """The tiles' ``except`` (file names or page ids) and ``col`` options, both variants."""
    options: list[tuple[str, str]] = []
    if values.get("except", "").strip():
        names = [
            context.links.docname_for_filename(name) or name
            for name in split_names(values["except"])
        ]
        options.append(("except", ", ".join(names)))
    if values.get("col", "").strip():
        options.append(("columns", values["col"].strip()))
    return options


def _simple_section_tiles(values: dict[str, str], context: PageContext) -> TagOutput:
    """The theme's ``-simple`` tiles: every page of the type in site order, as title buttons
    (it takes ``col`` and ``except``; its ``search``/``affiliations`` do nothing there)."""
    _unknown_parameters(
        values,
        {"type", "search", "affiliations", "supported_by", "except", "col"},
        "section-navigation-tiles-simple",
    )
    page_type = values.get("type", "").strip()
    if not page_type:
        raise Untranslatable("section-navigation-tiles-simple without type=")
    options: list[tuple[str, str]] = [("simple", "")]
    options += _except_and_columns(values, context)
    return TagOutput(_directive("section-tiles", page_type, options), "section tiles", block=True)


def _directive(name: str, argument: str = "", options: Sequence[tuple[str, str]] = ()) -> str:
    head = f"```{{{name}}}" + (f" {argument}" if argument else "")
    return "\n".join([head, *(f":{key}: {value}".rstrip() for key, value in options), "```"])


def _no_parameters(kind: str, directive: str) -> Callable[[dict[str, str], PageContext], TagOutput]:
    def translate(values: dict[str, str], context: PageContext) -> TagOutput:
        _unknown_parameters(values, set(), kind)
        return TagOutput(_directive(directive), kind, block=True)

    return translate


def _contributor_tiles(carousel: bool) -> Callable[[dict[str, str], PageContext], TagOutput]:
    """``contributor-tiles-all.html`` (and the carousel, drawn as the same tiles) with
    ``custom``, ``role``, ``sort`` and ``col``."""
    include = "contributor-carousel-selection.html" if carousel else "contributor-tiles-all.html"

    def translate(values: dict[str, str], context: PageContext) -> TagOutput:
        _unknown_parameters(values, {"custom", "role", "sort", "col"}, include)
        options: list[tuple[str, str]] = []
        if values.get("custom", "").strip():
            options.append(("custom", ", ".join(split_people(_one_line(values["custom"])))))
        elif values.get("role", "").strip():
            options.append(("role", _one_line(values["role"])))
        if values.get("sort", "").strip().lower() == "false":
            options.append(("sort", "false"))
        col = values.get("col", "").strip()
        notes: list[str] = []
        if col.isdigit() and 1 <= int(col) <= 6:
            options.append(("col", col))
        elif col:
            notes.append(f"col={col!r} is not 1 to 6 tiles a row; not carried over")
        if carousel:
            notes.append("the theme's carousel is shown as the {contributors} tiles, all at once")
        block = _directive("contributors", "", options)
        return TagOutput(block, "contributor tiles", block=True, message="; ".join(notes))

    return translate


def _supporter_tiles(values: dict[str, str], context: PageContext) -> TagOutput:
    """``supported-by-tiles-selection.html type= sort=``: the exposed supporters with a logo
    (of their own ``type`` T), sorted by name unless ``sort=false``."""
    _unknown_parameters(values, {"type", "sort"}, "supporter tiles")
    options = [("type", values["type"].strip())] if values.get("type", "").strip() else []
    if values.get("sort", "").strip().lower() == "false":
        options.append(("file-order", ""))
    return TagOutput(_directive("affiliations", "", options), "affiliation tiles", block=True)


def _affiliation_tiles(values: dict[str, str], context: PageContext) -> TagOutput:
    """The deprecated ``affiliation-tiles-selection.html``: passes only ``type`` on."""
    _unknown_parameters(values, {"type"}, "affiliation tiles")
    return _supporter_tiles(values, context)


def _caption_target(values: dict[str, str], default: str, context: PageContext) -> str:
    """The page a list's caption links to, as a document path relative to this page."""
    url = values.get("caption_url", default)
    target = context.links.html_target(url)
    if target is None:
        raise Untranslatable(f"caption_url {url!r} is not a page of the site")
    return target.split("#")[0].removesuffix(".html")


def _limit(values: dict[str, str]) -> list[tuple[str, str]]:
    limit = values.get("limit", "").strip()
    return [("limit", limit)] if limit.isdigit() and int(limit) > 0 else []


def _news(values: dict[str, str], context: PageContext) -> TagOutput:
    """``news.html``: the ``{news}`` directive, which reads ``_data/news.yml`` at build time
    (so news added later appears); the heading the theme draws with ``title=true``."""
    _unknown_parameters(values, {"title", "limit", "truncate", "caption", "caption_url"}, "news")
    if context.news is None:
        raise Untranslatable("news.html needs _data/news.yml, which the site does not have")
    options = _limit(values)
    if _true(values.get("truncate")):
        options.append(("truncate", ""))
    if _true(values.get("caption")):
        options.append(("caption", _caption_target(values, "/news", context)))
    repository = str(context.site.get("repository", "")).strip()
    if repository:
        options.append(("repository", f"https://github.com/{repository}"))
    lines = ["## What's new?", ""] if _true(values.get("title")) else []
    return TagOutput("\n".join([*lines, _directive("news", "", options)]), "news", block=True)


#: ``events.html``'s ``event_type`` and the ``{events}`` directive's ``:when:``.
EVENT_TYPES = {"upcoming_event": "upcoming", "past_event": "past"}


def _events(values: dict[str, str], context: PageContext) -> TagOutput:
    """``events.html``: ``{events}``; upcoming or past is decided in the reader's browser."""
    known = {"event_type", "title", "related_pages", "col", "limit", "truncate", "caption"}
    _unknown_parameters(values, known | {"caption_url"}, "events")
    event_type = values.get("event_type", "").strip()
    if event_type not in EVENT_TYPES:
        raise Untranslatable(
            f"events.html event_type {event_type!r} is not upcoming_event or past_event"
        )
    options = [("when", EVENT_TYPES[event_type])]
    if values.get("related_pages", "").strip():
        options.append(("related-page", values["related_pages"].strip()))
    options += _limit(values)
    if values.get("col", "").strip().isdigit():
        options.append(("columns", values["col"].strip()))
    if _true(values.get("truncate")):
        options.append(("truncate", ""))
    if _true(values.get("caption")):
        options.append(("caption", _caption_target(values, "/events", context)))
    heading = "Upcoming events" if EVENT_TYPES[event_type] == "upcoming" else "Past events"
    lines = [f"## {heading}", ""] if _true(values.get("title")) else []
    return TagOutput("\n".join([*lines, _directive("events", "", options)]), "events", block=True)


def _page_ids(values: dict[str, str], context: PageContext) -> TagOutput:
    """``pageids-overview.html sidebar=``: ``{page-ids}`` with the sidebar's sections, in
    order, as page types (the theme's ``title | replace: " ", "_"``)."""
    _unknown_parameters(values, {"sidebar"}, "pageids-overview.html")
    name = values.get("sidebar", "").strip()
    sidebar = context.sidebars.get(name)
    if not isinstance(sidebar, dict):
        raise Untranslatable(f"pageids-overview.html: no sidebar {name!r} in _data/sidebars")
    subitems = sidebar.get("subitems")
    sections: list[Any] = subitems if isinstance(subitems, list) else []
    types = [
        str(section["title"]).strip().replace(" ", "_")
        for section in sections
        if isinstance(section, dict) and str(section.get("title") or "").strip()
    ]
    options = [("types", ", ".join(types))] if types else []
    return TagOutput(_directive("page-ids", "", options), "page ids", block=True)


INCLUDES: dict[str, Callable[[dict[str, str], PageContext], TagOutput]] = {
    "callout.html": _callout,
    "image.html": _image,
    "section-navigation-tiles.html": _section_tiles,
    "section-navigation-tiles-simple.html": _simple_section_tiles,
    "contributor-tiles-all.html": _contributor_tiles(carousel=False),
    "contributor-carousel-selection.html": _contributor_tiles(carousel=True),
    "resource-table-all.html": _no_parameters("tool table", "tool-table"),
    "training-table-all.html": _no_parameters("training table", "training-table"),
    "affiliation-tiles-selection.html": _affiliation_tiles,
    "supported-by-tiles-selection.html": _supporter_tiles,
    "news.html": _news,
    "events.html": _events,
    "pageids-overview.html": _page_ids,
}


#: Include parameters that only change how the theme lays things out: when the directive has
#: no option for one, it is dropped with a note instead of failing the whole include.
COSMETIC_PARAMETERS = frozenset(
    {"col", "click", "training", "heading_level", "heading-level", "carousel", "color"}
)


def _include(tag: LiquidTag, context: PageContext) -> TagOutput:
    name, values = parameters(tag.markup)
    translator = INCLUDES.get(name)
    if translator is None:
        raise Untranslatable(f"include {name} has no sphinx-ga4gh equivalent")
    try:
        return translator(values, context)
    except Untranslatable:
        cosmetic = sorted(set(values) & COSMETIC_PARAMETERS)
        if not cosmetic:
            raise
        kept = {key: value for key, value in values.items() if key not in cosmetic}
        output = translator(kept, context)  # still failing: the reason is not cosmetic
    dropped = ", ".join(f"{key}={values[key]}" for key in cosmetic)
    note = f"{dropped}: only changed the theme's layout; dropped"
    message = f"{output.message}; {note}" if output.message else note
    return TagOutput(output.text, output.kind, output.block, output.takes_heading, message)


# --- URLs and expressions ------------------------------------------------------------------


def _url_for_place(url: str, place: str, context: PageContext) -> str:
    """A site URL as the place it is written in needs it: Markdown link, HTML attribute, text."""
    if place == "markdown":
        return context.links.markdown_target(url) or url
    if place == "html":
        return context.links.html_target(url) or url
    return url


def _place(text: str, offset: int) -> str:
    before = text[max(0, offset - 40) : offset]
    if re.search(r"\]\(\s*<?$", before) or re.search(r"^\s*\[[^\]]+\]:\s*<?$", before, re.M):
        return "markdown"
    if re.search(r"""(?:href|src)\s*=\s*["']?$""", before, re.I):
        return "html"
    return "text"


def _link(tag: LiquidTag, context: PageContext, place: str) -> TagOutput:
    path = tag.markup.strip()
    url = context.links.page_for_file(path)
    if url is None:
        raise Untranslatable(f"link: no page or file {path!r} in the site")
    return TagOutput(_url_for_place(url, place, context), "link")


def _lookup(root: Mapping[str, Any], path: Sequence[str], expression: str) -> Any:
    value: Any = root
    for key in path:
        if not isinstance(value, Mapping) or key not in value:
            raise Untranslatable(f"{expression} is not set")
        value = value[key]
    return value


def _variable(expression: str, context: PageContext) -> Any:
    parts = expression.split(".")
    if parts[0] == "site":
        if len(parts) > 1 and parts[1] in {"data", "pages", "github", "posts", "collections"}:
            raise Untranslatable(f"{expression} is computed by Jekyll at build time")
        if parts[1:] == ["baseurl"]:
            return context.site.get("baseurl", "") or ""
        return _lookup(context.site, parts[1:], expression)
    if parts[0] == "page":
        if parts[1:] == ["url"]:
            return context.url
        return _lookup(context.page, parts[1:], expression)
    raise Untranslatable(f"{expression} is a Liquid variable, known only while Jekyll renders")


def _output(tag: LiquidTag, context: PageContext, place: str) -> TagOutput:
    expression, *filters = [part.strip() for part in tag.markup.split("|")]
    try:
        value: Any = quoted_string(expression)
    except Untranslatable:
        if not re.fullmatch(r"[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*)*", expression):
            raise Untranslatable(
                f"{expression!r} is not a value sphinx-ga4gh can compute"
            ) from None
        value = _variable(expression, context)
    if isinstance(value, Mapping | list):
        raise Untranslatable(f"{expression} is not a single value")
    text = "" if value is None else str(value)
    for name in filters:
        if name == "relative_url":
            text = _url_for_place(text, place, context)
        elif name == "absolute_url":
            text = str(context.site.get("url", "")).rstrip("/") + "/" + text.lstrip("/")
        else:
            raise Untranslatable(f"filter {name!r} has no MyST equivalent")
    return TagOutput(text, "site/page value")


# --- the translator ------------------------------------------------------------------------


def _line_bounds(lines: LineIndex, start: int, end: int) -> tuple[int, int] | None:
    """The whole line around ``start:end`` if nothing else is on it (its newline included)."""
    first, last = lines.line(start), lines.line(end)
    if lines.text_bounds(first)[0] < start or lines.text_bounds(last)[1] > end:
        return None
    return lines.bounds(first)[0], lines.bounds(last)[1]


def _heading_above(text: str, line_start: int) -> int | None:
    """Start of a Markdown heading that precedes ``line_start`` with only blank lines between
    (read backwards line by line, so the cost is that of the lines looked at)."""
    end = line_start
    while end > 0:
        start = text.rfind("\n", 0, end - 1) + 1
        line = text[start:end]
        if line.strip():
            return start if _HEADING.match(line.rstrip("\r\n")) else None
        end = start
    return None


def _escape_literal(text: str, start: int, end: int, scanner: Scanner | None = None) -> str:
    """Raw-block text with its Liquid openers escaped where they are not in code."""
    if "{%" not in text[start:end] and "{{" not in text[start:end]:
        return text[start:end]  # nothing to escape: no need to find its code
    pieces: list[str] = []
    position = start
    for offset in (scanner or Scanner(text)).literal_openers(start, end):
        pieces.append(text[position:offset])
        pieces.append("\\")
        position = offset
    pieces.append(text[position:end])
    return "".join(pieces)


def _translate_tag(tag: LiquidTag, text: str, context: PageContext) -> TagOutput:
    if tag.is_output:
        return _output(tag, context, _place(text, tag.start))
    if tag.name == "tool":
        return _tool(tag, context)
    if tag.name == "cite":
        return _cite(tag, context)
    if tag.name == "bibliography":
        return _bibliography(tag, context)
    if tag.name == "include":
        return _include(tag, context)
    if tag.name == "link":
        return _link(tag, context, _place(text, tag.start))
    raise Untranslatable(f"Liquid tag {{% {tag.name} %}} has no MyST equivalent")


def _indent(block: str, prefix: str) -> str:
    return "\n".join(prefix + line if line else line for line in block.split("\n"))


# --- the passes ----------------------------------------------------------------------------
#
# A page's translation is a straight line of passes, each a function of plain values:
#
#   scan_page(text) -> PageScan                       the tags, and which are in code (scanner)
#   evaluate_logic(PageScan, context) -> Evaluation   assign/if/for/... evaluated (logic)
#   translate_tags(PageScan, context) -> [TagResult]  each tag's MyST, or why not
#   place(PageScan, [TagResult]) -> Translation       replacements put in, blocks on their lines
#
# The migration then rewrites the page's links (migration.links) on the result.


@dataclass(frozen=True)
class TagResult:
    """What the tag pass made of one tag: its output, or the reason it has none."""

    tag: LiquidTag
    line: int
    output: TagOutput | None = None
    reason: str = ""
    #: A ``{% raw %}`` block: its span, and the span of its text (see :func:`_raw_block`).
    raw: tuple[int, int, int, int] | None = None


def evaluate_logic(scan: PageScan, context: PageContext) -> Evaluation:
    """Pass 2: the page's Liquid logic evaluated with its context (:mod:`.logic`)."""
    logic = LogicContext(
        page=context.page,
        site=context.site,
        data=context.data,
        url=context.url,
        includes=context.includes,
        theme_includes=frozenset(INCLUDES),
    )
    return evaluate(scan, logic)


def translate_tags(scan: PageScan, context: PageContext) -> list[TagResult]:
    """Pass 3: every tag outside code translated on its own (or the reason it is not)."""
    results: list[TagResult] = []
    lines = scan.lines
    for tag in scan.tags:
        line = lines.line(tag.start)
        if tag.name in ("raw", "endraw") and (tag.name == "endraw" or tag.raw_end is None):
            reason = "raw without endraw" if tag.name == "raw" else "endraw without raw"
            results.append(TagResult(tag, line, reason=reason))
        elif tag.name == "raw":
            results.append(TagResult(tag, line, raw=_raw_block(lines, tag)))
        elif not tag.in_code:
            try:
                results.append(TagResult(tag, line, _translate_tag(tag, scan.text, context)))
            except Untranslatable as reason:
                results.append(TagResult(tag, line, reason=str(reason)))
    return results


def translate(
    text: str, context: PageContext | None = None, mark_untranslated: bool = False
) -> Translation:
    """The page ``text`` with its Liquid translated, and what was found on the way.

    The text is scanned once, its logic evaluated, and, when that changed the text (an ``if``
    chose a branch, an include was expanded), the result is scanned once more: it holds text
    the first scan did not see. Then each tag is translated and the results are placed.

    With ``mark_untranslated`` (the migration), a tag left untranslated is shown as "not
    migrated" code: a block on its own line, inline code inside a sentence.

    A translation can change what is code around it (a tool role right before a backtick run);
    then a tag that was in code is not any more. So the placed text is scanned again and, only
    when that finds a tag to translate, the tag passes run on it, so that translating the
    result again is a no-op (on the real sites this never happens).
    """
    context = context or PageContext()
    result = _one_translation(scan_page(text), context, mark_untranslated)
    for _ in range(MAX_PASSES):
        placed = _with_work_left(result)
        if placed is None:
            return result
        again = _one_translation(placed, context, mark_untranslated)
        if again.text == result.text:
            return result
        result = Translation(
            again.text,
            result.findings + [found for found in again.findings if found.translated],
            [result.line_map[line - 1] for line in again.line_map],
        )
    return result


#: Bound on the repeats of :func:`translate`: each changes the text (so translates at least
#: one tag), and site text is untrusted.
MAX_PASSES = 20


def _with_work_left(result: Translation) -> PageScan | None:
    """The placed text's scan when it holds a tag outside code that another pass could change
    (None otherwise). Marked, every tag left is code (a "not migrated" fence, inline code) or
    escaped text of raw HTML, so a tag outside code is one a translation next to it let out
    of code (a role's backtick joining a backtick run): another pass marks it. Unmarked
    (legacy), a tag left may be evaluated once the logic around it has made it a line of its
    own. Either way any tag outside code counts."""
    if "{%" not in result.text and "{{" not in result.text:
        return None
    placed = scan_page(result.text)
    work = any(
        not tag.in_code or (tag.name == "raw" and tag.raw_end is not None) for tag in placed.tags
    )
    return placed if work else None


def _one_translation(scan: PageScan, context: PageContext, mark_untranslated: bool) -> Translation:
    """The passes once over the scanned text; findings and lines are those of that text."""
    text = scan.text
    evaluation = evaluate_logic(scan, context)
    if evaluation.text == text:
        return place(scan, translate_tags(scan, context), mark_untranslated)
    # the evaluated text holds text the first scan did not see (a branch, an include)
    evaluated = scan_page(evaluation.text)
    translated = place(evaluated, translate_tags(evaluated, context), mark_untranslated)
    source_line = evaluation.line_map
    findings = [
        Finding(found.line, found.kind, found.source, found.translated, found.message)
        for found in evaluation.findings
    ] + [
        Finding(
            source_line[found.line - 1], found.kind, found.source, found.translated, found.message
        )
        for found in translated.findings
    ]
    findings.sort(key=lambda found: found.line)
    return Translation(
        translated.text, findings, [source_line[line - 1] for line in translated.line_map]
    )


def _raw_block(lines: LineIndex, tag: LiquidTag) -> tuple[int, int, int, int]:
    """``{% raw %}…{% endraw %}``: the span it replaces (marker lines included when the markers
    stand alone) and the span of its text."""
    assert tag.raw_end is not None
    own_open = _line_bounds(lines, tag.start, tag.end)
    own_close = _line_bounds(lines, *tag.raw_end)
    start = own_open[0] if own_open else tag.start
    end = own_close[1] if own_close else tag.raw_end[1]
    content_start = own_open[1] if own_open else tag.end
    content_end = own_close[0] if own_close else tag.raw_end[0]
    return start, end, content_start, max(content_start, content_end)


def _block_placement(
    lines: LineIndex, tag: LiquidTag, output: TagOutput, position: int
) -> tuple[int, int, str] | None:
    """Where a block replacement goes: its whole line (with the heading over it, for the cited
    bibliography), indented like the tag. None when the tag shares its line with text: moving
    that text onto lines of its own could change what is code."""
    text = lines.text
    bounds = _line_bounds(lines, tag.start, tag.end)
    if bounds is None:
        return None
    start, end = bounds
    heading = _heading_above(text, start) if output.takes_heading else None
    if heading is not None and heading >= position:
        start = heading
    if not output.text:
        return start, end, ""
    prefix = text[bounds[0] : tag.start]
    replacement = _indent(output.text, prefix)
    if not prefix.strip() and _previous_line(text, start).lstrip().startswith("<"):
        # A blank line first: right after an HTML line (RDMkit's `<br>`) the block would be
        # part of the HTML block and be shown as text. (Not in a quote: it would end it.)
        replacement = "\n" + replacement
    return start, end, replacement + "\n" if text[start:end].endswith("\n") else replacement


def _previous_line(text: str, start: int) -> str:
    """The line before the one starting at ``start`` ("" for the first line)."""
    if start == 0:
        return ""
    return text[text.rfind("\n", 0, start - 1) + 1 : start - 1]


def place(
    scan: PageScan, results: Sequence[TagResult], mark_untranslated: bool = False
) -> Translation:
    """Pass 4: the tag results put into the text. A block goes on its tag's line (none when
    the tag shares it); with ``mark_untranslated``, a tag left untranslated becomes "not
    migrated" code (a block when it has its line to itself, inline code otherwise)."""
    text, lines = scan.text, scan.lines
    pieces: list[str] = []
    #: Per piece: the source offset it stands for, and whether it is source text kept as is
    #: (its lines map one to one) or a replacement (all its lines map to the tag's line).
    spans: list[tuple[int, bool]] = []
    findings: list[Finding] = []
    #: Indexes of the pieces that are untranslated tags to show as inline code (their fence is
    #: chosen once the text around them is known: see :func:`_mark_inline`).
    inline: list[int] = []
    position = 0

    def replace(start: int, end: int, replacement: str, kept: bool, source_start: int) -> None:
        nonlocal position
        pieces.append(text[position:start])
        spans.append((position, True))
        pieces.append(replacement)
        spans.append((source_start, kept))
        position = end

    def left_as_written(result: TagResult, kind: str, reason: str) -> None:
        tag = result.tag
        findings.append(Finding(result.line, kind, tag.source, False, reason))
        if not mark_untranslated or tag.in_code:
            return
        start, end, replacement, marked_inline = _not_migrated_placement(
            scan, tag, reason, position, html_blocks
        )
        replace(start, end, replacement, False, start)
        if marked_inline:
            inline.append(len(pieces) - 1)

    found_html: list[HtmlBlocks] = []

    def html_blocks() -> HtmlBlocks:
        """The text's HTML blocks, found when a tag left untranslated needs them."""
        if not found_html:
            found_html.append(HtmlBlocks(text))
        return found_html[0]

    for result in results:
        tag = result.tag
        if tag.start < position:
            # in a heading taken with the tag before, or an attribute value shown as not
            # migrated with the tag before: reported, shown (as written) with that one
            if result.output is None and result.raw is None and mark_untranslated:
                kind = "raw" if tag.name in ("raw", "endraw") else tag.name or "output"
                findings.append(Finding(result.line, kind, tag.source, False, result.reason))
            continue
        if result.raw is not None:
            start, end, content_start, content_end = result.raw
            literal = _escape_literal(text, content_start, content_end, scan.scanner)
            replace(start, end, literal, True, content_start)  # escapes add no lines
            findings.append(Finding(result.line, "raw", tag.source, True))
            continue
        output = result.output
        if output is None:
            left_as_written(
                result,
                "raw" if tag.name in ("raw", "endraw") else tag.name or "output",
                result.reason,
            )
            continue
        placement = (
            _block_placement(lines, tag, output, position)
            if output.block
            else (tag.start, tag.end, output.text)
        )
        if placement is None:
            shared = f"{output.kind} shares its line with other text; give it a line of its own"
            left_as_written(result, output.kind, shared)
            continue
        start, end, replacement = placement
        replace(start, end, _escape_literal(replacement, 0, len(replacement)), False, start)
        findings.append(Finding(result.line, output.kind, tag.source, True, output.message))
    pieces.append(text[position:])
    spans.append((position, True))
    for index in inline:
        pieces[index] = _mark_inline(pieces, index)
    joined = _join(pieces)
    return Translation("".join(joined), findings, _line_map(lines, joined, spans))


def _not_migrated_placement(
    scan: PageScan, tag: LiquidTag, reason: str, position: int, html: Callable[[], HtmlBlocks]
) -> tuple[int, int, str, bool]:
    """Where and how an untranslated tag is shown as "not migrated", as ``(start, end,
    replacement, inline)``; ``inline`` when it is to be marked as inline code once all is
    placed (see :func:`_mark_inline`).

    In raw HTML, where Markdown is not read, it is a ``<code>`` element (in an attribute value,
    which holds no markup, the value becomes ``#`` and the original a data attribute). Else,
    the admonition over its line(s) when it has them to itself or runs over a blank line
    (where inline code would end), inline code with a class inside a sentence."""
    text, lines = scan.text, scan.lines
    in_html_block = html().contains(tag.start)
    attribute = attribute_value_at(text, tag.start, tag.end, strict=not in_html_block)
    if attribute is not None:
        start = attribute.start if attribute.start >= position else tag.start
        end = attribute.end + len(attribute.quote)
        return start, end, attribute_replacement(attribute, text[start : attribute.end]), False
    if in_html_block:
        return tag.start, tag.end, code_element(tag.source), False
    line_start = lines.bounds(lines.line(tag.start))[0]
    bounds = _line_bounds(lines, tag.start, tag.end)
    # (an indent of other whitespace, a form feed, would not indent the block's fences)
    if bounds is not None and not text[bounds[0] : tag.start].strip(" \t"):
        start, end = bounds
        block = not_migrated(tag.source, reason, text[start : tag.start])
        return start, end, block + "\n" if text[start:end].endswith("\n") else block, False
    if _BLANK_LINE.search(tag.source):  # inline code ends at a paragraph's end: a block
        first_line = text[line_start : tag.start]
        # a list item's block goes at its content's indentation, to stay in the item
        item = _LIST_ITEM.match(first_line)
        spaces = first_line[: len(first_line) - len(first_line.lstrip(" \t"))]
        indent = " " * item.end() if item else spaces
        last_end = lines.bounds(lines.line(tag.end))[1]
        shares_first = bool(first_line.strip(" \t"))
        shares_last = bool(text[tag.end : last_end].strip())
        block = not_migrated(tag.source, reason, indent)
        start = tag.start if shares_first else line_start
        replacement = ("\n\n" if shares_first else "") + block + ("\n\n" if shares_last else "")
        return start, tag.end, replacement, False
    return tag.start, tag.end, tag.source, True


def _mark_inline(pieces: list[str], index: int) -> str:
    """The untranslated tag ``pieces[index]`` as inline code with the not-migrated class.

    Its backtick run has a length no run of its paragraph in the placed text has, so it pairs
    with nothing around it (a lone backtick before the tag, or one a role's backtick joined,
    would otherwise close it and let the tag out again); a space keeps it from joining a
    backtick or backslash right before it."""
    source = pieces[index]
    before, after = "".join(pieces[:index]), "".join(pieces[index + 1 :])
    paragraph_start = max(before.rfind("\n\n"), 0)
    paragraph_end = after.find("\n\n")
    around = (
        before[paragraph_start:] + source + after[: paragraph_end if paragraph_end >= 0 else None]
    )
    taken = {len(run) for run in re.findall(r"`+", around)}
    size = 1
    while size in taken:
        size += 1
    ticks = "`" * size
    pad = " " if source.startswith("`") or source.endswith("`") else ""
    space = " " if before.endswith(("`", "\\")) else ""
    return f"{space}{ticks}{pad}{source}{pad}{ticks}{{.{NOT_MIGRATED_CLASS}}}"


def _line_map(lines: LineIndex, pieces: list[str], spans: list[tuple[int, bool]]) -> list[int]:
    """Source line of each output line: lines of kept text map one to one (so do the lines of
    a raw block's text); every line a tag became maps to the tag's line."""
    line_map: list[int] = []
    at_line_start = True
    for piece, (start, kept) in zip(pieces, spans, strict=True):
        first = lines.line(start)
        for number, line_text in enumerate(split_lines(piece)):
            if at_line_start:
                line_map.append(first + number if kept else first)
            at_line_start = line_text.endswith("\n")
    if at_line_start or not line_map:
        line_map.append(lines.line(len(lines.text)))
    return line_map


def _join(pieces: list[str]) -> list[str]:
    """Original text and replacements, alternating; a ``{`` meeting a ``%`` or ``{`` where they
    join would open a tag that was not there, so the replacement side gets a backslash."""
    joined: list[str] = []
    for index, piece in enumerate(pieces):
        if index % 2 == 1:  # a replacement, between pieces[index - 1] and pieces[index + 1]
            before = joined[-1] if joined else ""
            after = pieces[index + 1] if index + 1 < len(pieces) else ""
            if before.endswith("{") and (piece or after)[:1] in ("%", "{"):
                piece = "\\" + piece
            if piece.endswith("{") and after[:1] in ("%", "{") and not piece.endswith("\\{"):
                piece = piece[:-1] + "\\{"
        joined.append(piece)
    return joined
