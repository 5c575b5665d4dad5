"""sphinxcontrib-bibtex's ``cite`` domain with indexes, so per-page reference lists scale.

For every bibliography, sphinxcontrib-bibtex 2.7 looks at every entry of the BibTeX files and,
for each, scans every citation of the site to find where it is cited; it then sorts every
citation of the site once more. With a reference list on each page that is
bibliographies x entries x citations: minutes at 1,500 pages. The same answers come from two
indexes built once after reading (key → documents citing it; the site's citation order), and a
page's own list (``:filter: docname in docnames``, what sphinx-ga4gh appends) needs no filter
evaluation at all.

Before resolving, each bibliography also makes a citation node (an id) for every entry of the
BibTeX files and stores them in the environment and the doctree: bibliographies x entries, which
made the 1,500-page site's environment 290 MB, its memory 4 GB and every incremental or ``-j 2``
build slow to pickle it. A per-page list only ever shows its page's works, so here it makes
nodes for those alone: the works cited above it while the page is parsed, the rest (cited below
it) when the page has been read.

pybtex looks every style plugin up again among all installed packages' entry points each
time a style is made, and sphinxcontrib-bibtex makes styles for every citation and every list:
a third of a 150-page build. The plugins are registered once, from one reading of the entry
points, into pybtex's table of runtime plugins, so the lookups stay in memory.

sphinxcontrib-bibtex fills and places in the page the very citation nodes its domain keeps: a
``-j 1`` build then kept every written page's doctree in memory. Here it is given copies
(:mod:`.citation_copies`).

Results are identical but for the numbers of automatic ``id`` anchors, and two changes to
citations, as jekyll-scholar and APA have them: several works in one citation are in the order
of their first authors (then the other authors, then the year), whatever order the keys were
written in; a key that is in no BibTeX file shows as itself, marked, in the brackets with the
others ("(Rehm et al., 2021; smith_2020?)"), never as "()".

Two more differences serve sphinx-ga4gh, and are inert without it: the years it letters
(``shown_years``, 2021a) are shown in the copies that are sorted, formatted and cited, never
written into the parsed entries, which the ``:filter:`` expressions see; and
``bibtex.duplicate_citation`` leaves per-page lists out (a work in two lists of other filters
still warns).
Registered over the original with ``app.add_domain(..., override=True)`` and
``app.add_directive(..., override=True)``; a project without sphinx-ga4gh can use it alone:
``extensions = ["sphinxcontrib.bibtex", "sphinx_ga4gh.references.indexed_domain"]``.
"""

from __future__ import annotations

import ast
import functools
import logging
from collections.abc import Iterable, Mapping, Set
from importlib.metadata import EntryPoints, entry_points
from types import MappingProxyType
from typing import Any, cast

import pybtex.plugin
from docutils import nodes
from pybtex.backends.plaintext import Backend as PlainTextBackend
from pybtex.database import BibliographyData, Entry
from pybtex.plugin import find_plugin, register_plugin
from pybtex.richtext import String, Text
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.environment import BuildEnvironment
from sphinx.util.typing import ExtensionMetadata
from sphinx.writers.html5 import HTML5Translator
from sphinx.writers.latex import LaTeXTranslator
from sphinx.writers.text import TextTranslator
from sphinxcontrib.bibtex.bibfile import BibData, _make_ids
from sphinxcontrib.bibtex.citation_target import CitationTarget, parse_citation_targets
from sphinxcontrib.bibtex.directives import BibliographyDirective, BibliographyKey
from sphinxcontrib.bibtex.domain import BibtexDomain, Citation, _FilterVisitor
from sphinxcontrib.bibtex.domain import logger as bibtex_logger
from sphinxcontrib.bibtex.richtext import BaseReferenceText
from sphinxcontrib.bibtex.style.template import SphinxReferenceInfo

from .citation_copies import LendCitationCopies, RestoreCitationNodes

#: The filter of the reference list sphinx-ga4gh appends to each page.
PER_PAGE_FILTER = ast.dump(ast.parse("docname in docnames"))
#: temp_data: while a per-page list is made, the (prefixed) keys it may show.
ONLY_KEYS = "ga4gh_bibliography_only_keys"
#: temp_data: the page's per-page lists, completed once the page has been read.
PER_PAGE_LISTS = "ga4gh_per_page_bibliographies"


#: The pybtex plugin groups sphinxcontrib-bibtex looks up while formatting.
PYBTEX_GROUPS = (
    "pybtex.backends",
    "pybtex.style.formatting",
    "pybtex.style.labels",
    "pybtex.style.names",
    "pybtex.style.sorting",
)


@functools.cache
def _every_entry_point() -> Any:
    # all groups, from one reading (Python 3.11 gives SelectableGroups, 3.12 EntryPoints)
    return entry_points()


def installed_entry_points(group: str) -> EntryPoints:
    """The installed packages' entry points of ``group``, their metadata read once per process:
    each ``entry_points(group=...)`` call reads every installed package's metadata again."""
    return cast("EntryPoints", _every_entry_point().select(group=group))


def register_pybtex_plugins() -> None:
    """Register installed pybtex plugins at runtime: found in memory, not among entry points.

    pybtex's public ``find_plugin`` and ``register_plugin`` each read every installed package's
    entry points (``register_plugin`` even with ``force=True``): done per plugin, that was a
    fifth of a second of every build's setup. So the plugins come from one reading of the entry
    points and go into pybtex's table of runtime plugins, which is what ``register_plugin``
    fills; a plugin already registered at runtime (ours, a project's) is kept, as ``find_plugin``
    would find it first. Should a pybtex release drop that table, the public calls are used.
    """
    runtime_plugins = getattr(pybtex.plugin, "_RUNTIME_PLUGINS", None)
    for group in PYBTEX_GROUPS:
        for search_group in (group, f"{group}.aliases"):
            for entry_point in installed_entry_points(search_group):
                if not isinstance(runtime_plugins, dict):
                    plugin = find_plugin(group, entry_point.name)
                    register_plugin(search_group, entry_point.name, plugin, force=True)
                    continue
                registered = runtime_plugins.setdefault(search_group, {})
                if entry_point.name not in registered:
                    registered[entry_point.name] = entry_point.load()


def is_per_page(filter_text: str | None) -> bool:
    try:
        return filter_text is not None and ast.dump(ast.parse(filter_text)) == PER_PAGE_FILTER
    except SyntaxError:
        return False


class missing_citation(nodes.inline):
    """A cited key that is in no BibTeX file, shown as written. Builders without a visitor of
    their own show it as an inline (Sphinx looks visitors up along the node's classes)."""


MISSING_CLASS = "ga4gh-citation-missing"
MISSING_TITLE = "not in the bibliography"


def visit_missing_citation_html(self: HTML5Translator, node: missing_citation) -> None:
    title = f"{node.astext()}: {MISSING_TITLE}"
    self.body.append(self.starttag(node, "span", "", title=title))


def depart_missing_citation_html(self: HTML5Translator, node: missing_citation) -> None:
    self.body.append("</span>")


def visit_missing_citation_latex(self: LaTeXTranslator, node: missing_citation) -> None:
    # LaTeX's own mark of an undefined citation: the key, then a bold "?"
    self.body.append(r"\sphinxstyleemphasis{")


def depart_missing_citation_latex(self: LaTeXTranslator, node: missing_citation) -> None:
    self.body.append(r"}\textbf{?}")


def visit_missing_citation_text(self: TextTranslator, node: missing_citation) -> None:
    pass


def depart_missing_citation_text(self: TextTranslator, node: missing_citation) -> None:
    self.add_text("?")


MISSING_CITATION_VISITORS: dict[str, tuple[Any, Any]] = {
    "html": (visit_missing_citation_html, depart_missing_citation_html),
    "latex": (visit_missing_citation_latex, depart_missing_citation_latex),
    "text": (visit_missing_citation_text, depart_missing_citation_text),
}


class MissingKeyText(BaseReferenceText[str]):
    """A missing key in a formatted citation, rendered as a :class:`missing_citation`."""

    def render(self, backend: Any) -> list[nodes.Node]:
        key = self.info[0]
        node = missing_citation(key, "", *super().render(backend), classes=[MISSING_CLASS])
        return [node]


@functools.lru_cache(maxsize=4096)
def _plain_name(text: str) -> str:
    """A name or title without LaTeX braces and commands, for comparing ("{GA4GH}" → "ga4gh").

    Rendered with pybtex's plain-text backend itself: ``render_as("text")`` looks the alias up
    among all installed packages' entry points on every call (a tenth of a real site's build)."""
    return str(Text.from_latex(text).render(PlainTextBackend())).casefold()


def _initials(person: Any) -> str:
    given = _plain_name(" ".join([*person.first_names, *person.middle_names]))
    return " ".join(part[0] for part in given.split())


def citation_order(entry: Any) -> tuple[tuple[tuple[str, str], ...], str, str]:
    """APA's order of works in one citation: the first author (surname, then initials), then
    the other authors (a work by one author before works by that author and others), then
    the year. A work without authors or editors goes by its title, which its citation shows."""
    people = entry.persons.get("author") or entry.persons.get("editor") or []
    names = tuple(
        (_plain_name(" ".join(person.last_names)), _initials(person)) for person in people
    ) or ((_plain_name(entry.fields.get("title", "")), ""),)
    return names, entry.fields.get("year", ""), _plain_name(entry.fields.get("title", ""))


def is_per_page_list(bibliography: Any) -> bool:
    """Whether a ``{bibliography}`` lists its page's own works (``docname in docnames``)."""
    return ast.dump(bibliography.filter_) == PER_PAGE_FILTER


#: sphinxcontrib-bibtex's warning for a work listed in two bibliographies.
DUPLICATE_CITATION = "duplicate_citation"


class _DropWarnings(logging.Filter):
    """Drops sphinxcontrib-bibtex's warnings of one subtype (while attached)."""

    def __init__(self, subtype: str) -> None:
        super().__init__()
        self.subtype = subtype

    def filter(self, record: logging.LogRecord) -> bool:
        return getattr(record, "subtype", None) != self.subtype


class _BibDataNotSentBack(BibData):
    """The parsed BibTeX files in a ``-j`` reading process, pickled empty when the process
    sends its environment back: sphinxcontrib-bibtex's ``merge_domaindata`` does not read
    them, and the main process, which parsed them before forking, has its own."""

    __slots__ = ()

    def __reduce__(self) -> tuple[type[BibData], tuple[str, dict[Any, Any], BibliographyData]]:
        return BibData, (self.encoding, {}, BibliographyData())


class IndexedBibtexDomain(BibtexDomain):
    #: Entry key → the year its citations and list entries show (sphinx-ga4gh's 2021a, set
    #: once per build); the entries keep their year as parsed, which filters see.
    shown_years: Mapping[str, str] = MappingProxyType({})
    #: The formatting styles whose lists (and the citations linking to them) show those years:
    #: sphinx-ga4gh's; pybtex's ``alpha`` would make a label of "2021a" as of any year.
    lettered_styles: frozenset[str] = frozenset()

    def shown(self, entry: Any) -> Any:
        """The entry as cited and listed: a copy with its shown year, if it has one."""
        year = self.shown_years.get(entry.key)
        if year is None:
            return entry
        copy = Entry(entry.type, fields={**entry.fields, "year": year})
        copy.persons = entry.persons
        copy.key = entry.key
        return copy

    def get_sorted_entries(self, bibliography_key: Any, docnames: list[str]) -> Iterable[Any]:
        """Filtered on the entries as parsed, sorted and formatted with their shown years."""
        lettered = self.bibliographies[bibliography_key].style in self.lettered_styles
        for key, entry in super().get_sorted_entries(bibliography_key, docnames):
            yield key, self.shown(entry) if lettered else entry

    def forget_other_readers_pages(self, docnames: Set[str]) -> None:
        """In a ``-j`` reading process (``sphinx_ga4gh.parallel_reading``): ``clear_doc`` for
        the pages other processes read, in one pass over the citations, and the parsed BibTeX
        files sent back empty."""
        bibdata = self.data.get("bibdata")
        if isinstance(bibdata, BibData) and not isinstance(bibdata, _BibDataNotSentBack):
            self.data["bibdata"] = _BibDataNotSentBack(*bibdata)
        self.data["citations"] = [
            citation
            for citation in self.citations
            if citation.bibliography_key.docname not in docnames
        ]
        self.data["citation_refs"] = [
            ref for ref in self.citation_refs if ref.docname not in docnames
        ]
        for bib_key in [key for key in self.bibliographies if key.docname in docnames]:
            del self.bibliographies[bib_key]

    def env_updated(self) -> Iterable[str]:
        """sphinxcontrib-bibtex's, with ``bibtex.duplicate_citation`` only for a work in two
        bibliographies that are not per-page lists: a per-page list shows only works its own
        page cites, and that page's citations link to it, so a work listed on many pages (and
        on an ``:all:`` page) is no duplicate. Two hand-written lists of one work still warn."""
        drop = _DropWarnings(DUPLICATE_CITATION)
        bibtex_logger.logger.addFilter(drop)
        try:
            updated = list(super().env_updated())
        finally:
            bibtex_logger.logger.removeFilter(drop)
        # the citations list is refilled in place: its identity and length may not change
        self.__dict__.pop("_ga4gh_listed", None)
        self.warn_duplicate_citations()
        return updated

    def warn_duplicate_citations(self) -> None:
        """sphinxcontrib-bibtex's ``duplicate_citation`` check, leaving per-page lists out."""
        listed: set[str] = set()
        listed_in_doc: dict[str, set[str]] = {}
        for citation in self.citations:
            bibliography = self.bibliographies[citation.bibliography_key]
            if bibliography.list_ != "citation" or is_per_page_list(bibliography):
                continue
            docname = citation.bibliography_key.docname
            in_doc = listed_in_doc.setdefault(docname, set())
            # twice on one page: sphinxcontrib-bibtex's duplicate_local_citation
            if citation.key not in in_doc and citation.key in listed:
                bibtex_logger.warning(
                    f'duplicate citation for key "{citation.key}"',
                    location=(docname, bibliography.line),
                    type="bibtex",
                    subtype=DUPLICATE_CITATION,
                )
            listed.add(citation.key)
            in_doc.add(citation.key)

    def resolve_xref(  # type: ignore[override]
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> nodes.Element:
        """A citation: its works in APA order, and every key that is in no BibTeX file shown
        (marked) inside the same brackets, with sphinxcontrib-bibtex's warning at the node."""
        targets: dict[str, CitationTarget] = {t.key: t for t in parse_citation_targets(target)}
        found = self._citations_of(targets, fromdocname)
        for key in targets:
            if key not in found:
                bibtex_logger.warning(
                    f'could not find bibtex key "{key}"',
                    location=node,
                    type="bibtex",
                    subtype="key_not_found",
                )
        plaintext = find_plugin("pybtex.backends", "plaintext")()
        style = self.reference_style
        ordered = sorted(found.values(), key=lambda citation: citation_order(citation.entry))
        children = [
            style.inner(typ).format_data(
                data={
                    "entry": citation.entry,
                    "formatted_entry": citation.formatted_entry,
                    "reference_info": SphinxReferenceInfo(
                        builder=builder,
                        fromdocname=fromdocname,
                        todocname=citation.bibliography_key.docname,
                        citation_id=citation.citation_id,
                        title=(
                            citation.tooltip_entry.text.render(plaintext).replace("\\url ", "")
                            if citation.tooltip_entry
                            else None
                        ),
                        pre_text=targets[citation.key].pre,
                        post_text=targets[citation.key].post,
                    ),
                    "style": style,
                }
            )
            for citation in ordered
        ]
        children += [MissingKeyText(key, String(key)) for key in targets if key not in found]
        result_node = nodes.inline(rawsource=target, classes=["bibtex-citation"])
        result_node += style.outer(typ, children).format().render(self.backend)
        return result_node

    def _citations_of(self, targets: dict[str, CitationTarget], docname: str) -> dict[str, Any]:
        """The cited works, by key: in a reference list of the page itself, else anywhere (the
        first such list); in the order of the works' first citations in ``self.citations``."""
        listed = self._listed_citations()
        found: dict[str, Citation] = {}
        for _, key in sorted((listed[key][0], key) for key in targets if key in listed):
            citations = listed[key][1]
            local = (c for c in citations if c.bibliography_key.docname == docname)
            found[key] = next(local, citations[0])
        return found

    def _listed_citations(self) -> dict[str, tuple[int, list[Citation]]]:
        """Key → the position of its first citation in a reference list (``list_`` is
        ``citation``) and all of them, in order; made once after ``env_updated`` instead of a
        scan of every citation for each reference (quadratic in the site's size)."""
        citations = self.citations
        stamp = (id(citations), len(citations))
        cache: dict[str, Any] = self.__dict__.setdefault("_ga4gh_listed", {})
        if cache.get("stamp") != stamp:
            listed: dict[str, tuple[int, list[Citation]]] = {}
            for position, citation in enumerate(citations):
                if self.bibliographies[citation.bibliography_key].list_ != "citation":
                    continue
                listed.setdefault(citation.key, (position, []))[1].append(citation)
            cache.clear()
            cache.update(stamp=stamp, listed=listed)
        result: dict[str, tuple[int, list[Citation]]] = cache["listed"]
        return result

    def get_entries(self, bibfiles: list[Any]) -> Iterable[Any]:
        only: set[str] | None = self.env.temp_data.get(ONLY_KEYS)
        for entry in super().get_entries(bibfiles):
            if only is None or entry.key in only:
                yield entry

    def cited_in_page(self, docname: str) -> set[str]:
        """Keys the page being read has cited so far: its citations are the latest noted."""
        keys: set[str] = set()
        for ref in reversed(self.citation_refs):
            if ref.docname != docname:
                break
            keys.update(target.key for target in ref.targets)
        return keys

    def _cited_in(self) -> dict[str, set[str]]:
        """Citation key → the documents that cite it, rebuilt when the citations change."""
        refs = self.citation_refs
        stamp = (id(refs), len(refs))
        cache: dict[str, Any] = self.__dict__.setdefault("_ga4gh_index", {})
        if cache.get("stamp") != stamp:
            index: dict[str, set[str]] = {}
            for ref in refs:
                for target in ref.targets:
                    index.setdefault(target.key, set()).add(ref.docname)
            cache.clear()
            cache.update(stamp=stamp, cited_in=index, order={})
        cited: dict[str, set[str]] = cache["cited_in"]
        return cited

    def get_filtered_entries(self, bibliography_key: Any) -> Iterable[tuple[str, Any]]:
        bibliography = self.bibliographies[bibliography_key]
        cited_in = self._cited_in()
        per_page = is_per_page_list(bibliography)
        docname = bibliography_key.docname
        for entry in self.get_entries(bibliography.bibfiles):
            key = bibliography.keyprefix + entry.key
            cited_docnames = cited_in.get(key, set())
            if per_page:
                success = docname in cited_docnames
            else:
                visitor = _FilterVisitor(  # type: ignore[no-untyped-call]
                    entry=entry, docname=docname, cited_docnames=cited_docnames
                )
                try:
                    success = visitor.visit(bibliography.filter_)
                except ValueError as error:  # as sphinxcontrib-bibtex reports and recovers
                    bibtex_logger.warning(
                        f"syntax error in :filter: expression; {error}",
                        location=(docname, bibliography.line),
                        type="bibtex",
                        subtype="filter_syntax_error",
                    )
                    success = bool(cited_docnames)
            if success or entry.key in bibliography.keys:
                yield key, entry

    def get_all_cited_keys(self, docnames: list[str]) -> Iterable[str]:
        """Citation keys in document order, then citation order (computed once per order)."""
        self._cited_in()  # refreshes the cache when the citations changed
        order: dict[tuple[str, ...], list[str]] = self.__dict__["_ga4gh_index"]["order"]
        wanted = tuple(docnames)
        if wanted not in order:
            position = {name: index for index, name in enumerate(docnames)}
            refs = sorted(self.citation_refs, key=lambda ref: position[ref.docname])
            order[wanted] = [target.key for ref in refs for target in ref.targets]
        return iter(order[wanted])


class IndexedBibliographyDirective(BibliographyDirective):
    """``{bibliography}`` making citation nodes only for what a per-page list can show."""

    def run(self) -> list[nodes.Node]:
        env = self.state.document.settings.env
        if not is_per_page(self.options.get("filter")):
            return list(super().run())
        domain: IndexedBibtexDomain = env.get_domain("cite")
        prefix = self.options.get("keyprefix", "")
        cited = domain.cited_in_page(env.docname)
        # entry keys (unprefixed), as get_entries sees them
        only = {key[len(prefix) :] for key in cited if key.startswith(prefix)}
        env.temp_data[ONLY_KEYS] = only | set(self.content)
        try:
            result = list(super().run())
        finally:
            del env.temp_data[ONLY_KEYS]
        count = env.temp_data["bibtex_bibliography_count"]
        bibliography_node = result[-1]
        assert isinstance(bibliography_node, nodes.Element)
        key = BibliographyKey(docname=env.docname, id_=bibliography_node["ids"][0])
        env.temp_data.setdefault(PER_PAGE_LISTS, []).append((key, count))
        return result


def add_citations_cited_below(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``: nodes for works a page cites below its per-page list."""
    lists: list[tuple[BibliographyKey, int]] = app.env.temp_data.get(PER_PAGE_LISTS) or []
    if not lists:
        return
    domain: IndexedBibtexDomain = app.env.get_domain("cite")  # type: ignore[assignment]
    cited = domain.cited_in_page(app.env.docname)
    ids = set(doctree.ids)
    for key, count in lists:
        bibliography = domain.bibliographies[key]
        prefix = bibliography.keyprefix
        for entry in domain.get_entries(bibliography.bibfiles):
            full_key = prefix + entry.key
            if full_key in cited and full_key not in bibliography.citation_nodes:
                node_class = nodes.list_item if bibliography.list_ != "citation" else nodes.citation
                node = node_class(
                    ids=_make_ids(
                        docname=key.docname,
                        lineno=bibliography.line,
                        ids=ids,
                        raw_id=app.config.bibtex_cite_id.format(
                            bibliography_count=count, key=full_key
                        ),
                    )
                )
                doctree.note_explicit_target(node, node)
                bibliography.citation_nodes[full_key] = node


def setup(app: Sphinx) -> ExtensionMetadata:
    """This module on its own, for any sphinxcontrib-bibtex project."""
    app.setup_extension("sphinxcontrib.bibtex")
    register_pybtex_plugins()
    app.add_domain(IndexedBibtexDomain, override=True)
    app.add_directive("bibliography", IndexedBibliographyDirective, override=True)
    app.add_node(missing_citation, override=True, **MISSING_CITATION_VISITORS)
    app.add_post_transform(LendCitationCopies)
    app.add_post_transform(RestoreCitationNodes)
    app.connect("doctree-read", add_citations_cited_below)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
