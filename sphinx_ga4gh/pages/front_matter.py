"""Page front matter (SPEC §3) read back from Sphinx metadata.

myst-parser stores every front matter value in ``env.metadata`` as text: lists and mappings as
JSON, booleans as ``True``/``False``. :func:`front_matter` parses them back into typed values.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..i18n import _
from ..text.labels import label_from_name

#: Labels of the section types that ELIXIR toolkit sites commonly use.
KNOWN_TYPE_LABELS: dict[str, str] = {
    "technologies_standards": _("Technologies and standards"),
    "legal_ethical": _("Legal and ethical"),
    "activities_agencies": _("Activities and agencies"),
    "repositories": _("Repositories"),
    "your_tasks": _("Your tasks"),
    "your_domain": _("Your domain"),
    "your_role": _("Your role"),
    "national_resources": _("National resources"),
    "tool_assembly": _("Tool assembly"),
    "about": _("About"),
}


def type_label(page_type: str, overrides: dict[str, str] | None = None) -> str:
    """Human-readable page type: conf.py overrides, then known types, then ``a_b`` → ``A b``."""
    if overrides and page_type in overrides:
        return overrides[page_type]
    if page_type in KNOWN_TYPE_LABELS:
        return str(KNOWN_TYPE_LABELS[page_type])  # a lazy translation
    return label_from_name(page_type)


#: An HTML comment: the page templates' placeholders (``<!---REPLACE THIS with ...--->``);
#: one left open runs to the end, as in HTML.
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)


def is_placeholder(value: Any) -> bool:
    """Whether a front matter value is text that is only HTML comments (a template's
    ``<!---REPLACE THIS…--->``): Jekyll's output shows nothing of it, so it counts as empty."""
    return isinstance(value, str) and "<!--" in value and not _strip_comments(value).strip()


def _strip_comments(text: str) -> str:
    return _HTML_COMMENT.sub("", text)


def without_placeholders(value: Any) -> Any:
    """HTML comments taken out of every text in the value; text that was only comments is
    empty (None), and a list loses such items. YAML splits ``[<!---a, b--->]`` at the comma,
    so list items from an opening ``<!--`` to its closing ``-->`` go together."""
    if isinstance(value, str):
        if "<!--" not in value:
            return value
        text = _strip_comments(value).strip()
        return text or None
    if isinstance(value, dict):
        return {key: without_placeholders(item) for key, item in value.items()}
    if isinstance(value, list):
        kept: list[Any] = []
        open_comment = False
        for item in value:
            if not isinstance(item, str) or not (open_comment or "<!--" in item):
                if not open_comment:
                    kept.append(without_placeholders(item))
                continue
            text = item
            if open_comment:
                if "-->" not in text:
                    continue
                text, open_comment = text.split("-->", 1)[1], False
            open_comment = text.rfind("<!--") > text.rfind("-->")
            text = _strip_comments(text).strip()
            if text:
                kept.append(text)
        return kept
    return value


def _decode(value: Any) -> Any:
    """A metadata value as myst-parser stored it, back to YAML's type, placeholders empty."""
    if not isinstance(value, str):
        return without_placeholders(value)
    text = value.strip()
    if text == "null":  # an empty YAML value (``affiliations:``), as myst-parser stores it
        return None
    if text in ("True", "False"):
        return text == "True"
    if text[:1] in "[{":
        try:
            return without_placeholders(json.loads(text))
        except ValueError:
            pass
    return without_placeholders(value)


def front_matter_value(metadata: dict[str, Any], key: str) -> Any:
    """One front matter value back to YAML's type (None when the page has no such key)."""
    return _decode(metadata.get(key))


def _names(value: Any) -> list[str]:
    """A list of names; a single name is a list of one; empty values (an empty YAML value, an
    empty list item) are no name, not the word ``None``."""
    decoded = _decode(value)
    if decoded is None or decoded == "":
        return []
    if isinstance(decoded, list):
        return [text for text in (_text(item) for item in decoded) if text]
    return [_text(decoded)] if _text(decoded) else []


def _text(item: Any) -> str:
    return "" if item is None or isinstance(item, (dict, list)) else str(item).strip()


def related_page_ids(value: Any) -> dict[str, list[str]]:
    """``related_pages`` as the theme writes it: a mapping of page type to page ids, where an
    empty group (``Tool_assembly:`` with nothing after it) is empty; a plain list (registry
    entries) is one group with an empty type. Anything else is no related page."""
    decoded = _decode(value)
    if isinstance(decoded, dict):
        return {str(key): _names(ids) for key, ids in decoded.items()}
    if isinstance(decoded, (list, str)):
        names = _names(decoded)
        return {"": names} if names else {}
    return {}


def _mappings(value: Any) -> list[dict[str, Any]]:
    """A list of mappings (``national_resources``); anything else in it is dropped."""
    decoded = _decode(value)
    if not isinstance(decoded, list):
        return []
    return [item for item in decoded if isinstance(item, dict)]


#: Keys of the "More information" panels: lists of links to other resources.
MORE_INFORMATION_KEYS = ("training", "faircookbook", "fairsharing", "dsw", "rdmkit")


@dataclass(frozen=True)
class FrontMatter:
    """The keys of SPEC §3 a page may declare. Shared by every reader of the same front
    matter (:func:`front_matter` parses each once): read it, do not change its lists."""

    title: str = ""
    page_id: str = ""
    type: str = ""
    description: str = ""
    contributors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    coordinators: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    #: Which key named the affiliations (``supported_by`` is the theme's newer name).
    affiliations_key: str = "affiliations"
    related_pages: dict[str, list[str]] = field(default_factory=dict)
    datatable: bool = False
    toc: bool = True
    search_exclude: bool = False
    summary: str = ""
    national_resources: list[dict[str, Any]] = field(default_factory=list)
    #: Registry tool ids a country page contributes to (``ref_to_main_resources``).
    ref_to_main_resources: list[str] = field(default_factory=list)
    country_code: str = ""
    #: "How to cite this page" at the end of the page.
    page_citation: bool = False
    #: The page's own choice to sort its people by name; None: ``ga4gh_page_people_sort``.
    people_sort: bool | None = None
    #: "More information" links, each a list of mappings (``name``, ``url`` or ``uuid``).
    training: list[dict[str, Any]] = field(default_factory=list)
    faircookbook: list[dict[str, Any]] = field(default_factory=list)
    fairsharing: list[dict[str, Any]] = field(default_factory=list)
    dsw: list[dict[str, Any]] = field(default_factory=list)
    rdmkit: list[dict[str, Any]] = field(default_factory=list)
    #: The section's icon on the page's tile (a site path, ``/assets/img/section-icons/x.svg``).
    type_img: str = ""
    #: A picture on the page's tile, below ``/images/`` (``infrastructures/logo.svg``).
    page_img: str = ""


def _scalar(metadata: dict[str, Any], key: str) -> str:
    """A text value; an empty YAML value (stored as ``null``) is empty, not the word null."""
    value = _decode(metadata.get(key))
    return "" if value is None else str(value).strip()


#: The metadata keys :func:`front_matter` reads: its value depends on these alone.
_READ_KEYS = (
    "title",
    "page_id",
    "type",
    "description",
    "contributors",
    "editors",
    "coordinators",
    "affiliations",
    "supported_by",
    "people_sort",
    "related_pages",
    "datatable",
    "toc",
    "search_exclude",
    "summary",
    "national_resources",
    "ref_to_main_resources",
    "country_code",
    "page_citation",
    *MORE_INFORMATION_KEYS,
    "type_img",
    "page_img",
)
#: The types of values :func:`front_matter` keeps its result for (an absent key reads as None).
_CACHED_TYPES = frozenset({str, type(None)})


def front_matter(metadata: dict[str, Any]) -> FrontMatter:
    """Typed front matter from one page's ``env.metadata`` entry. Pages and furniture ask for
    it many times per page (and per site): the same values are parsed once."""
    # every key is read so that an absent one and an empty one (None) give the same
    values = tuple(map(metadata.get, _READ_KEYS))
    # myst-parser stores text; anything else (``True`` equals ``1`` as a key) is not cached
    if _CACHED_TYPES.issuperset(map(type, values)):
        return _front_matter_of_values(values)
    return _parsed_front_matter(metadata)


@lru_cache(maxsize=4096)
def _front_matter_of_values(values: tuple[str | None, ...]) -> FrontMatter:
    return _parsed_front_matter(
        {key: value for key, value in zip(_READ_KEYS, values, strict=True) if value is not None}
    )


def _parsed_front_matter(metadata: dict[str, Any]) -> FrontMatter:
    affiliations = _names(metadata.get("affiliations"))
    affiliations_key = "affiliations"
    people_sort = _decode(metadata.get("people_sort"))
    if not affiliations and _names(metadata.get("supported_by")):
        affiliations, affiliations_key = _names(metadata.get("supported_by")), "supported_by"
    return FrontMatter(
        title=_scalar(metadata, "title"),
        page_id=_scalar(metadata, "page_id"),
        type=_scalar(metadata, "type"),
        description=_scalar(metadata, "description"),
        contributors=_names(metadata.get("contributors")),
        editors=_names(metadata.get("editors")),
        coordinators=_names(metadata.get("coordinators")),
        affiliations=affiliations,
        affiliations_key=affiliations_key,
        related_pages={
            page_type: ids
            for page_type, ids in related_page_ids(metadata.get("related_pages")).items()
            if page_type  # a page's groups are typed; a bare list names no section
        },
        datatable=_decode(metadata.get("datatable", False)) is True,
        toc=_decode(metadata.get("toc", True)) is not False,
        search_exclude=_decode(metadata.get("search_exclude", False)) is True,
        summary=_scalar(metadata, "summary"),
        national_resources=_mappings(metadata.get("national_resources")),
        ref_to_main_resources=_names(metadata.get("ref_to_main_resources")),
        country_code=_scalar(metadata, "country_code"),
        page_citation=_decode(metadata.get("page_citation", False)) is True,
        people_sort=people_sort if isinstance(people_sort, bool) else None,
        **{key: _mappings(metadata.get(key)) for key in MORE_INFORMATION_KEYS},
        type_img=_scalar(metadata, "type_img"),
        page_img=_scalar(metadata, "page_img"),
    )


# --- values of the wrong type, repeated keys (checked on the page's own YAML) -----------------

#: Text shown to readers: a list of texts is joined (nothing of it is lost).
_TEXT_KEYS = ("title", "description", "summary")
#: Names of one thing: a list or mapping cannot be one.
_ID_KEYS = ("page_id", "type", "country_code", "type_img", "page_img")
#: A name or a list of names.
_NAME_KEYS = (
    "contributors",
    "editors",
    "coordinators",
    "affiliations",
    "supported_by",
    "ref_to_main_resources",
)
#: Switches, with the value used when the key is absent.
_FLAG_DEFAULTS = {
    "toc": True,
    "datatable": False,
    "search_exclude": False,
    "page_citation": False,
    "people_sort": True,
}

#: Every key the checks above know: the one list of the keys sphinx-ga4gh reads, which
#: ``migrate`` also uses (the ``_config.yml`` defaults it carries into pages, the keys its
#: report lists as unused). The head reads ``redirect_from``, ``no_robots`` and ``sitemap``,
#: the site chrome ``github`` (:mod:`.head.front_matter`, :mod:`.chrome`); Sphinx itself reads
#: ``orphan``, ``tocdepth``, ``nocomments`` and ``nosearch``.
CHECKED_KEYS: tuple[str, ...] = (
    *_TEXT_KEYS,
    *_ID_KEYS,
    *_NAME_KEYS,
    *_FLAG_DEFAULTS,
    "related_pages",
    "national_resources",
    *MORE_INFORMATION_KEYS,
)
HEAD_AND_CHROME_KEYS = ("redirect_from", "no_robots", "sitemap", "github")
SPHINX_KEYS = ("orphan", "tocdepth", "nocomments", "nosearch")
KNOWN_KEYS: frozenset[str] = frozenset((*CHECKED_KEYS, *HEAD_AND_CHROME_KEYS, *SPHINX_KEYS))

#: What a corrected value is replaced by: ``IGNORED`` takes the key out.
IGNORED: Any = object()


@dataclass(frozen=True)
class FrontMatterProblem:
    """A front matter value that is not of its key's type, or a key written twice."""

    line: int
    key: str
    message: str


@dataclass
class CheckedFrontMatter:
    """The problems of one page's front matter, and the values to use instead of what YAML
    gave (:data:`IGNORED`: as if the key were absent), by key."""

    problems: list[FrontMatterProblem] = field(default_factory=list)
    corrections: dict[str, Any] = field(default_factory=dict)


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return f"the {'true' if value else 'false'} value"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"a {type(value).__name__}"


def _is_scalar(value: Any) -> bool:
    return not isinstance(value, dict | list | tuple | set)


def _key_lines(text: str, first_line: int) -> dict[str, list[int]]:
    """The file lines of each top-level key, in order (repeats included)."""
    from ..data.yaml_source import LocatedDict, located_yaml

    try:
        located = located_yaml(text)
    except RecursionError:  # a front matter thousands of levels deep: its reader reports it
        return {}
    if not isinstance(located, LocatedDict):
        return {}
    lines = {key: [line] for key, line in located.key_lines.items()}
    for key, line, _first in located.repeated:
        lines.setdefault(key, []).append(line)
    return {
        key: [number + first_line - 1 for number in sorted(found)] for key, found in lines.items()
    }


#: A top-level key of a block mapping written plainly (``title: …``), up to its colon.
_PLAIN_KEY_LINE = re.compile(r"[A-Za-z0-9_][^:#\n]*?[ \t]*:(?:[ \t]|$)")


def _keys_written_once(text: str, data: dict[Any, Any]) -> bool:
    """Whether each top-level key of ``text`` (which parsed to ``data``) is certainly written
    once, without locating every key (which parses the YAML again). In a block mapping at
    column 0 every key starts a line at column 0; counting such lines that are plain keys, and
    giving up (False) at any other line there, counts every key written, so as many keys
    written as ``data`` has means none is repeated."""
    written = 0
    for line in text.split("\n"):
        if not line or line[0] in " \t#" or line == "-" or line.startswith("- "):
            continue  # blank, indented (a value's), a comment, a list item of the key above
        if _PLAIN_KEY_LINE.match(line) is None:
            return False  # a quoted or complex key, a flow mapping, a line of a quoted text…
        written += 1
    return written == len(data)


#: Front matter not parsed by the caller: :func:`check_front_matter` parses it.
UNPARSED: Any = object()


def check_front_matter(
    text: str, first_line: int = 2, parsed: Any = UNPARSED
) -> CheckedFrontMatter:
    """The problems of a page's front matter ``text`` (YAML whose first line is line
    ``first_line`` of the file) and how each is handled. A key written twice keeps its last
    value, as Jekyll and myst-parser do: that is what the site's readers saw. ``parsed``:
    what :func:`.parse_front_matter` gave for ``text`` (None beyond the bounds or for invalid
    YAML), when the caller has it."""
    import yaml

    from ..data.yaml_source import parse_front_matter

    checked = CheckedFrontMatter()
    if parsed is UNPARSED:
        try:
            # the pages' one reader: bounded, impossible dates as text (as the build's pages)
            parsed = parse_front_matter(text)[0] if text.strip() else None
        except yaml.YAMLError:  # reported by its reader
            return checked
    data = parsed
    if not isinstance(data, dict):
        return checked
    wrong: list[tuple[str, Any, str]] = []
    for key, value in data.items():
        if not isinstance(key, str) or value is None:
            continue
        correction, message = _corrected(key, value)
        if message:
            wrong.append((key, correction, message))
    if not wrong and _keys_written_once(text, data):
        return checked  # nothing to report: the keys' lines are not needed
    lines = _key_lines(text, first_line)

    def report(key: str, message: str) -> None:
        line = (lines.get(key) or [first_line])[-1]
        checked.problems.append(FrontMatterProblem(line, key, message))

    for key, found in lines.items():
        if len(found) > 1:
            earlier = ", ".join(str(line) for line in found[:-1])
            report(
                key,
                f"front matter key {key!r} is written {len(found)} times (also at line "
                f"{earlier}); the last value, at line {found[-1]}, is used, as Jekyll does",
            )
    for key, correction, message in wrong:
        report(key, f"front matter {key!r}: {message}")
        checked.corrections[key] = correction
    return checked


def _corrected(key: str, value: Any) -> tuple[Any, str]:
    """What to use for ``value`` of ``key`` and why, or ``(None, "")`` when it is right."""
    if key in _TEXT_KEYS:
        if _is_scalar(value):
            return None, ""
        if isinstance(value, list) and all(_is_scalar(item) for item in value):
            joined = ", ".join(str(item) for item in value if item is not None)
            return joined, f"a list, not a text; its items are joined: {joined!r}"
        fallback = " (the page's own heading is the title)" if key == "title" else ""
        return IGNORED, f"{_kind(value)}, not a text; it is ignored{fallback}"
    if key in _ID_KEYS:
        if _is_scalar(value):
            return None, ""
        return IGNORED, f"{_kind(value)}, not a name; it is ignored"
    if key in _NAME_KEYS:
        return _corrected_names(value)
    if key in _FLAG_DEFAULTS:
        if isinstance(value, bool):
            return None, ""
        default = "true" if _FLAG_DEFAULTS[key] else "false"
        shown = repr(value) if _is_scalar(value) else _kind(value)
        return IGNORED, f"{shown} is not true or false; the default ({default}) is used"
    if key == "related_pages":
        return _corrected_related(value)
    if key == "national_resources" or key in MORE_INFORMATION_KEYS:
        if not isinstance(value, list):
            return IGNORED, f"{_kind(value)}, not a list of resources; it is ignored"
        kept = [item for item in value if isinstance(item, dict)]
        if len(kept) < len(value):
            dropped = len(value) - len(kept)
            return kept, f"{dropped} item(s) that are not a mapping (name, url…) are left out"
    return None, ""


def _corrected_names(value: Any) -> tuple[Any, str]:
    if isinstance(value, str):
        return None, ""
    if not isinstance(value, list):
        return IGNORED, f"{_kind(value)}, not a name or a list of names; it is ignored"
    bad = [item for item in value if item is not None and not isinstance(item, str)]
    if not bad:
        return None, ""
    kept = [item for item in value if isinstance(item, str)]
    shown = ", ".join(_kind(item) if not _is_scalar(item) else repr(item) for item in bad)
    return kept, f"{shown} in the list {'is' if len(bad) == 1 else 'are'} not a name; left out"


def _corrected_related(value: Any) -> tuple[Any, str]:
    if not isinstance(value, dict):
        return IGNORED, (
            f"{_kind(value)}; related pages are grouped by page type "
            "(`related_pages:` then `your_tasks: [page_id, …]`), so nothing is shown"
        )
    problems = []
    corrected: dict[str, Any] = {}
    for page_type, ids in value.items():
        if _is_scalar(ids) or (isinstance(ids, list) and all(_is_scalar(i) for i in ids)):
            corrected[str(page_type)] = ids
        else:
            items = ids if isinstance(ids, list) else [ids]
            corrected[str(page_type)] = [item for item in items if _is_scalar(item)]
            bad = next(item for item in items if not _is_scalar(item))
            problems.append(f"{page_type!r} lists {_kind(bad)}, not a page id; it is left out")
    if not problems:
        return None, ""
    return corrected, "; ".join(problems)
