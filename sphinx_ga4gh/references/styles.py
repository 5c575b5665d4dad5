"""Citation and bibliography styles of the ELIXIR toolkit theme, as sphinxcontrib-bibtex plugins.

- referencing style ``ga4gh_author_year``: "(Rehm et al., 2021)" and "Rehm et al. (2021)",
  several works joined with semicolons;
- formatting style ``ga4gh``: pybtex's ``plain`` entries with ``alpha`` labels, sorted by year
  (then month) descending as jekyll-scholar's ``sort_by: year, month`` / ``order: descending``.

Each is the default of its sphinxcontrib-bibtex option (``bibtex_reference_style``,
``bibtex_default_style``): a project that sets the option keeps what it set. The plugins are
declared as entry points (pyproject.toml) and registered at runtime only where those are
missing (a source tree on ``sys.path``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import pybtex.plugin
import sphinxcontrib.bibtex.plugin
from pybtex.database import Entry
from pybtex.style import FormattedEntry
from pybtex.style.formatting import toplevel
from pybtex.style.formatting.plain import Style as PlainStyle
from pybtex.style.labels.alpha import LabelStyle as AlphaLabelStyle
from pybtex.style.sorting import BaseSortingStyle
from pybtex.style.template import (
    FieldIsMissing,
    first_of,
    optional,
    optional_field,
    sentence,
    words,
)
from pybtex.style.template import field as bib_field
from sphinx.application import Sphinx
from sphinxcontrib.bibtex.style.referencing import BracketStyle
from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle

from ..data.urls import is_safe_url
from .indexed_domain import IndexedBibtexDomain, installed_entry_points

REFERENCE_STYLE = "ga4gh_author_year"
FORMATTING_STYLE = "ga4gh"
YEAR_DESCENDING = "ga4gh_year_descending"
YEAR_ASCENDING = "ga4gh_year_ascending"
ALPHA_LABELS = "ga4gh_alpha"

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}


def _number(text: str) -> int:
    match = re.search(r"\d+", text)
    return int(match.group()) if match else 0


def _month(text: str) -> int:
    key = text.strip().lower()
    return _MONTHS.get(key, _number(key))


class YearDescendingSorting(BaseSortingStyle):  # type: ignore[misc]
    """Newest first; within a year, latest month first; then first author and title."""

    def sorting_key(self, entry: Any) -> tuple[int, int, str, str]:
        fields = entry.fields
        authors = entry.persons.get("author") or entry.persons.get("editor") or []
        first = " ".join(authors[0].last_names).lower() if authors else ""
        return (
            -_number(fields.get("year", "")),
            -_month(fields.get("month", "")),
            first,
            fields.get("title", "").lower(),
        )


class YearAscendingSorting(YearDescendingSorting):
    """Oldest first (jekyll-scholar ``sort_by: year``, ``order: ascending``)."""

    def sorting_key(self, entry: Any) -> tuple[int, int, str, str]:
        year, month, first, title = super().sorting_key(entry)
        return (-year, -month, first, title)


class Ga4ghAlphaLabels(AlphaLabelStyle):  # type: ignore[misc]
    """pybtex's alpha labels (RPS21), with a year's letter kept whole: 2021a gives RPS21a."""

    def format_label(self, entry: Any) -> str:
        year = entry.fields.get("year", "")
        match = _SUFFIXED_YEAR.fullmatch(year)
        if match is None:
            return str(super().format_label(entry))
        plain = Entry(entry.type, fields={**entry.fields, "year": match.group(1)})
        plain.persons = entry.persons
        # an entry without author or key is labelled by its own key
        plain.key = entry.key
        return str(super().format_label(plain)) + match.group(2)


_SUFFIXED_YEAR = re.compile(r"(\d{4})([a-z]+)")


def year_letters(position: int) -> str:
    """``a`` … ``z``, then ``aa``, ``ab`` …: the letters of the ``position``-th (0-based) work
    of an author and year, as BibTeX labels count past ``z``."""
    letters = ""
    position += 1
    while position:
        position, rest = divmod(position - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


_DOI_URL = re.compile(r"^https?://(?:dx\.)?doi\.org/(10\.\S+)$", re.IGNORECASE)


#: Marks a ``title`` made for citing a work that has no author, editor or title.
UNTITLED = "ga4gh_untitled"


def without_doubled_doi(entry: Any) -> Any:
    """The entry as listed: its DOI shown once (a ``url`` that is the DOI's doi.org address is
    dropped, or becomes the ``doi`` when the entry has none), and without a title made only to
    cite it."""
    url = entry.fields.get("url", "").strip()
    match = _DOI_URL.match(url)
    if match is None and UNTITLED not in entry.fields:
        return entry
    dropped = {"url"} if match is not None else set()
    if UNTITLED in entry.fields:
        dropped |= {"title", UNTITLED}
    fields = {key: value for key, value in entry.fields.items() if key.lower() not in dropped}
    if match is not None:
        fields.setdefault("doi", match.group(1))
    copy = Entry(entry.type, fields=fields)
    copy.persons = entry.persons
    copy.key = entry.key
    return copy


def entry_content(entry: Any) -> tuple[Any, ...]:
    """Everything of a parsed entry that its formatted text is made of, hashable."""
    people = tuple(
        (
            role,
            tuple(
                (
                    tuple(person.first_names),
                    tuple(person.middle_names),
                    tuple(person.prelast_names),
                    tuple(person.last_names),
                    tuple(person.lineage_names),
                )
                for person in persons
            ),
        )
        for role, persons in entry.persons.items()
    )
    return entry.type, entry.key, tuple(entry.fields.items()), people


#: (style options, entry content) → formatted text (pybtex's rich text, never changed once
#: made), shared by every list and tooltip showing the work, and by later builds.
_FORMATTED_TEXTS: dict[tuple[Any, ...], Any] = {}
_FORMATTED_TEXTS_MAX = 20_000


class Ga4ghFormattingStyle(PlainStyle):  # type: ignore[misc]
    # Labels derived from the entry (RPS21), not its position: the same work is listed on many
    # pages, and numbered labels would collide between their lists.
    default_label_style = ALPHA_LABELS
    default_sorting_style = YEAR_DESCENDING

    def format_entry(self, label: str, entry: Any, bib_data: Any = None) -> FormattedEntry:
        """An entry that lacks a field its type requires (a techreport without
        ``institution``), or whose type pybtex has no template for (biblatex's ``@report``,
        ``@thesis`` from Zotero, or any other), is listed with what it has, as jekyll-scholar
        lists it, instead of an error text or a crash.

        The text is formatted once per work's content: sphinxcontrib-bibtex formats a work
        for every list that shows it (each page citing it) and once more for its tooltip."""
        entry = without_doubled_doi(entry)
        if bib_data is not None:  # cross-references may change the text: not cached
            return FormattedEntry(entry.key, self._format_text(entry, bib_data), label)
        key = (self._text_options(), entry_content(entry))
        text = _FORMATTED_TEXTS.get(key)
        if text is None:
            if len(_FORMATTED_TEXTS) >= _FORMATTED_TEXTS_MAX:
                _FORMATTED_TEXTS.clear()
            text = _FORMATTED_TEXTS[key] = self._format_text(entry, None)
        return FormattedEntry(entry.key, text, label)

    def _text_options(self) -> tuple[Any, ...]:
        """What, besides the entry, the text depends on (not the label nor the sorting)."""
        return (type(self), type(self.name_style), self.abbreviate_names, self.min_crossrefs)

    def _format_text(self, entry: Any, bib_data: Any) -> Any:
        context = {"entry": entry, "style": self, "bib_data": bib_data}
        if not self.has_template(entry.type):
            return self.get_other_template(entry).format_data(context)
        try:
            return super().format_entry("", entry, bib_data=bib_data).text
        except FieldIsMissing:
            return self.get_misc_template(entry).format_data(context)

    def has_template(self, entry_type: str) -> bool:
        return hasattr(self, f"get_{entry_type}_template") or hasattr(self, f"format_{entry_type}")

    def get_other_template(self, e: Any) -> Any:
        """A type without a template of its own: author, title, who issued it, year, links."""
        return toplevel[
            optional[sentence[self.format_names("author")]],
            optional[self.format_title(e, "title")],
            sentence[
                optional[
                    first_of[
                        optional_field("institution"),
                        optional_field("organization"),
                        optional_field("school"),
                        optional_field("publisher"),
                        optional_field("howpublished"),
                    ]
                ],
                optional_field("year"),
            ],
            sentence[optional_field("note")],
            self.format_web_refs(e),
        ]

    def format_labels(self, sorted_entries: Any) -> Any:
        """pybtex's labels, with letters past ``z`` (``aa``) for more than 26 alike."""
        labels = [self.format_label(entry) for entry in sorted_entries]
        counts: dict[str, int] = {}
        for label in labels:
            counts[label] = counts.get(label, 0) + 1
        seen: dict[str, int] = {}
        for label in labels:
            if counts[label] == 1:
                yield label
            else:
                yield label + year_letters(seen.get(label, 0))
                seen[label] = seen.get(label, 0) + 1

    def format_url(self, e: Any) -> Any:
        """The ``url`` as a link only when it is an http(s) or mailto URL; any other (a
        ``javascript:`` one) as text (the BibTeX reader reports it)."""
        if is_safe_url(e.fields.get("url", "")):
            return super().format_url(e)
        return words["URL:", bib_field("url", raw=True)]


class Ga4ghYearAscendingStyle(Ga4ghFormattingStyle):
    default_sorting_style = YEAR_ASCENDING


class Ga4ghAuthorStyle(Ga4ghFormattingStyle):
    default_sorting_style = "author_year_title"


class Ga4ghUnsortedStyle(Ga4ghFormattingStyle):
    """In the order of the BibTeX file (jekyll-scholar's default ``sort_by: none``)."""

    default_sorting_style = "none"


#: Formatting styles by name: how each lists a page's references.
FORMATTING_STYLES: dict[str, type[Ga4ghFormattingStyle]] = {
    FORMATTING_STYLE: Ga4ghFormattingStyle,
    "ga4gh_year_ascending": Ga4ghYearAscendingStyle,
    "ga4gh_author": Ga4ghAuthorStyle,
    "ga4gh_unsorted": Ga4ghUnsortedStyle,
}


def _round() -> BracketStyle:
    return BracketStyle(left="(", right=")", sep="; ")


@dataclass
class Ga4ghReferenceStyle(AuthorYearReferenceStyle):
    """Author-year with round brackets and semicolons between works."""

    bracket_parenthetical: BracketStyle = field(default_factory=_round)
    bracket_textual: BracketStyle = field(default_factory=_round)
    bracket_author: BracketStyle = field(default_factory=_round)
    bracket_label: BracketStyle = field(default_factory=_round)
    bracket_year: BracketStyle = field(default_factory=_round)


#: Our plugins by pybtex or sphinxcontrib-bibtex plugin group, as pyproject.toml declares them
#: as entry points.
PLUGINS: dict[str, dict[str, type]] = {
    "pybtex.style.formatting": dict(FORMATTING_STYLES),
    "pybtex.style.labels": {ALPHA_LABELS: Ga4ghAlphaLabels},
    "pybtex.style.sorting": {
        YEAR_DESCENDING: YearDescendingSorting,
        YEAR_ASCENDING: YearAscendingSorting,
    },
    "sphinxcontrib.bibtex.style.referencing": {REFERENCE_STYLE: Ga4ghReferenceStyle},
}


def register_styles() -> None:
    """Our plugins at runtime, each only where its entry point is missing: an installed
    sphinx-ga4gh declares them all (pyproject.toml), a source tree on ``sys.path`` does not."""
    for group, plugins in PLUGINS.items():
        # the installed packages' entry points, read once per process
        declared = installed_entry_points(group).names
        for name, plugin in plugins.items():
            if name in declared:
                continue
            if group.startswith("pybtex."):
                pybtex.plugin.register_plugin(group, name, plugin)
            else:
                sphinxcontrib.bibtex.plugin.register_plugin(group, name, plugin)


#: sphinxcontrib-bibtex's style options, and the style sphinx-ga4gh gives each by default.
GA4GH_STYLE_DEFAULTS = {
    "bibtex_reference_style": REFERENCE_STYLE,
    "bibtex_default_style": FORMATTING_STYLE,
}


def make_ga4gh_styles_default(app: Sphinx) -> None:
    """Our styles as the defaults of sphinxcontrib-bibtex's style options, so that a project
    setting one (in conf.py or with ``-D``) keeps its choice, even sphinxcontrib-bibtex's own
    default (``"alpha"``, ``"label"``). Sphinx has no call telling a value set from a default,
    but it reads a value when first asked, from ``-D``, then conf.py, then the registered
    default: so each option is registered anew (its type, rebuild and description kept) with
    our default, before anything asks. Called from ``setup()``, after sphinxcontrib-bibtex's.
    """
    for name, default in GA4GH_STYLE_DEFAULTS.items():
        option = app.config.values.pop(name)
        app.add_config_value(name, default, option.rebuild, option.valid_types, option.description)


# --- 2021a, 2021b -----------------------------------------------------------------------------


def _cited_authors(entry: Any) -> str:
    """The author part of an author-year citation: "Rehm", "Rehm and Page", "Rehm et al."."""
    people = entry.persons.get("author") or entry.persons.get("editor") or []
    names = [" ".join(person.last_names) for person in people]
    if len(names) > 2:
        return f"{names[0]} et al."
    return " and ".join(names)


def lettered_years(entries: Any) -> dict[str, str]:
    """Entry key → the year its citations and list entries show, for works whose citations
    would read the same ("Rehm et al., 2021"): 2021a, 2021b, … in title order. The entries
    keep their year as parsed (a ``:filter: year == "2021"`` still matches them); the
    indexed domain shows the letters (``IndexedBibtexDomain.shown_years``)."""
    groups: dict[tuple[str, str], list[Any]] = {}
    for entry in entries.values():
        year = entry.fields.get("year", "")
        if year:
            groups.setdefault((_cited_authors(entry), year), []).append(entry)
    shown: dict[str, str] = {}
    for (_authors, year), group in groups.items():
        if len(group) == 1:
            continue
        group.sort(key=lambda e: (e.fields.get("title", "").lower(), e.key))
        for position, entry in enumerate(group):
            shown[entry.key] = f"{year}{year_letters(position)}"
    return shown


def name_untitled(entries: Any) -> None:
    """A work with no author, editor or title (a DOI and a year) is cited by its DOI, else its
    URL, else its key: author-year citations need a name, and it would otherwise stop the
    build. Its list entry leaves the made-up title out (:func:`without_doubled_doi`)."""
    for key, entry in entries.items():
        if entry.persons.get("author") or entry.persons.get("editor"):
            continue
        if entry.fields.get("title") and UNTITLED not in entry.fields:
            continue
        doi = entry.fields.get("doi", "").strip()
        url = entry.fields.get("url", "").strip()
        entry.fields["title"] = f"doi:{doi}" if doi else url or key
        entry.fields[UNTITLED] = "1"


def prepare_bibliography(app: Sphinx) -> None:
    """``builder-inited``, after sphinxcontrib-bibtex has read the BibTeX files."""
    bibdata = app.env.get_domain("cite").bibdata  # type: ignore[attr-defined]
    entries = bibdata.data.entries
    name_untitled(entries)
    domain: IndexedBibtexDomain = app.env.get_domain("cite")  # type: ignore[assignment]
    # computed again in every build: the BibTeX files may have changed
    domain.shown_years = lettered_years(entries) if app.config.ga4gh_year_letters else {}
    domain.lettered_styles = frozenset(FORMATTING_STYLES)
