"""Wires every part of sphinx-ga4gh into Sphinx."""

from __future__ import annotations

from collections.abc import Set
from pathlib import Path

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx.util.fileutil import copy_asset_file
from sphinx.util.typing import ExtensionMetadata

from . import __version__
from .assets.site_files import copy_site_files
from .config import add_config_values
from .data.diagnostics import SourceLocation, conf_line, did_you_mean
from .data.site import load_site_data
from .data.tools import parse_link_types
from .domain import Ga4ghDomain, get_domain
from .furniture.directory import (
    AffiliationsDirective,
    ContributorsDirective,
    FillPeopleDirectories,
    people_directory,
)
from .furniture.national_resources import (
    AppendNationalResources,
    FillNationalResourceTables,
    contents_entries_for_topic_sections,
    national_resources_table,
)
from .furniture.people import (
    AVATAR_VISITORS,
    AppendPagePeople,
    avatar,
    warn_people_without_data,
)
from .furniture.related_pages import AppendRelatedPages
from .furniture.section_tiles import FillSectionTiles, SectionTilesDirective, section_tiles
from .layout import setup_layout
from .migration.legacy import RestoreSourceLines, translate_liquid
from .pages.encoding import read_pages_tolerantly, warn_undecodable
from .pages.front_matter_checks import CheckFrontMatterTypes
from .pages.front_matter_guard import guard_front_matter
from .pages.links import MarkAnchorLinks, NoteAnchorLinks, ResolvePageIdLinks, register_page_id
from .pages.page_type import (
    AddPageTypeSubtitle,
    add_meta_description,
    apply_page_options,
    depart_page_type_label_html,
    page_type_label,
    visit_page_type_label_html,
)
from .pages.safe_links import unlink_dangerous_urls
from .pages.title import KramdownHeadingIds, TitleFromFrontMatter, escape_titles_in_context
from .pdf.parts import setup_toctree_parts
from .pdf.setup import setup_pdf
from .references.bibfiles import load_bibliography, pages_citing_changed_bibliography
from .references.latex import REFERENCE_VISITORS, KeepReferencesInPlace
from .references.per_page import append_references
from .references.styles import (
    make_ga4gh_styles_default,
    prepare_bibliography,
    register_styles,
)
from .reporting import report, warn
from .singlehtml import UniqueIdsInSinglePage
from .tools.anchors import AnchorsForLatex
from .tools.declaration import ToolDirective
from .tools.export import write_tools_json
from .tools.fragments import (
    ExpandToolFragments,
    badge_icon,
    skip_badge_icon,
    tool_fragment,
    visit_badge_icon_html,
    visit_tool_fragment_html,
)
from .tools.hygiene import warn_plain_names, warn_unmentioned_tools
from .tools.instances import warn_instance_cycles, warn_unknown_parents
from .tools.reference import NODE_VISITORS, UNKNOWN_TOOL_CLASSES, ToolRole
from .tools.table import (
    FillToolTables,
    InsertPageToolTable,
    ToolTableDirective,
    check_table_columns,
    tool_table,
    warn_unknown_related_pages,
)

#: MyST syntax extensions the extension turns on (colon fences; ``{attrs}`` on links/images).
MYST_EXTENSIONS = ("colon_fence", "attrs_inline")

#: Where ELIXIR toolkit sites keep their BibTeX; used when ``bibtex_bibfiles`` is unset.
DEFAULT_BIBLIOGRAPHY_PATH = "_bibliography/references.bib"

STATIC_DIR = Path(__file__).parent / "assets" / "static"
STATIC_FILES = ("ga4gh.css", "ga4gh.js")


def load_data(app: Sphinx) -> None:
    """``builder-inited``: read the data files once for the whole build and report problems."""
    config = app.config
    conf_py = Path(app.confdir) / "conf.py"
    line = conf_line(conf_py, "ga4gh_registry_links")
    link_types, problems = parse_link_types(
        config.ga4gh_registry_links, SourceLocation(str(conf_py), line)
    )
    site = load_site_data(
        Path(app.confdir),
        config.ga4gh_tools,
        config.ga4gh_contributors,
        config.ga4gh_affiliations,
        link_types,
        [str(key) for key in config.ga4gh_registry_extra_keys],
    )
    get_domain(app.env).site = site
    for diagnostic in problems + site.diagnostics:
        report(diagnostic)


def enable_myst_extensions(app: Sphinx, config: Config) -> None:
    """``:::{directive}`` fences are how field guides write directives with Markdown bodies."""
    enabled = list(config.myst_enable_extensions)
    for name in MYST_EXTENSIONS:
        if name not in enabled:
            enabled.append(name)
    config.myst_enable_extensions = enabled


def default_bibliography(app: Sphinx, config: Config) -> None:
    """sphinxcontrib-bibtex insists on ``bibtex_bibfiles``; a field guide keeps its BibTeX in
    ``_bibliography/references.bib``, and a site without one still builds."""
    if config.bibtex_bibfiles is None:
        default = Path(app.confdir) / DEFAULT_BIBLIOGRAPHY_PATH
        config.bibtex_bibfiles = [DEFAULT_BIBLIOGRAPHY_PATH] if default.is_file() else []


def note_registry_dependency(app: Sphinx, doctree: nodes.document) -> None:
    """Pages that mention tools are re-read when a registry file changes."""
    domain = get_domain(app.env)
    if app.env.docname in domain.mentions:
        for path in domain.site.tool_files:
            app.env.note_dependency(str(path))


def add_static_files(app: Sphinx) -> None:
    """``builder-inited``: our CSS and JavaScript, copied into the output's ``_static``.

    Not by appending to ``html_static_path``: the environment pickles the configuration, so
    a value changed here differs from conf.py's on every next build ("The configuration has
    changed") and every page is written again. Every HTML builder (dirhtml, singlehtml, epub)
    copies its static files after this, so a file of the user's with the same name wins.
    """
    if app.builder.format == "html":
        static_out = Path(app.outdir) / "_static"
        static_out.mkdir(parents=True, exist_ok=True)
        for name in STATIC_FILES:
            copy_asset_file(STATIC_DIR / name, static_out / name, force=True)
        app.add_css_file("ga4gh.css")
        app.add_js_file("ga4gh.js", defer="defer")


def unresolved_reference(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.TextElement
) -> nodes.Node | None:
    """After intersphinx has tried: an unknown tool or page id is a ``ga4gh`` warning.

    The text stays visible; an unknown tool is marked so the reader sees it is not a link.
    """
    if node.get("refdomain") != "ga4gh":
        return None
    target = node["reftarget"]
    domain = get_domain(env)
    if node["reftype"] == "tool":
        known = [tool.id for tool in domain.all_tools()]
        warn(f"unknown tool id {target!r}{did_you_mean(target, known)}", "tool", node)
        return nodes.inline(contnode.astext(), contnode.astext(), classes=UNKNOWN_TOOL_CLASSES)
    if node["reftype"] == "page":
        warn(f"unknown page_id {target!r}{did_you_mean(target, domain.pages)}", "page", node)
        return nodes.inline(contnode.astext(), contnode.astext(), classes=["ga4gh-page-unknown"])
    return None


def remember_changed_doc(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    """``env-purge-doc`` (before the page is read again or removed): note what it was."""
    domain = get_domain(env)
    domain.changed_docs.add(docname)
    domain.changed_keys.update(domain.page_keys.get(docname, []))


def pages_named_by_registry(
    app: Sphinx, env: BuildEnvironment, added: Set[str], changed: Set[str], removed: Set[str]
) -> list[str]:
    """``env-get-outdated``: pages that registry entries' ``related_pages`` now name
    differently are read again (their tool table is placed when they are read)."""
    found = get_domain(env).pages_with_changed_relations()
    return sorted(docname for docname in found if docname in env.found_docs)


def pages_to_rewrite(app: Sphinx, env: BuildEnvironment) -> Set[str]:
    """Pages whose generated content shows pages read or removed in this build.

    The site-wide tool tables (pages mentioning each tool) whenever any page changed; tiles
    and lists only when a page they show, or one of the type they show, changed; the pages
    showing a declared tool (popovers, tool tables) when its declaration changed, and those
    linking to a page id that moved to another page.
    """
    domain = get_domain(env)
    tables = set(domain.site_tables) if domain.changed_docs else set()
    # the tools first: a page id that moved moves the home of the tool with that id
    return (
        tables
        | domain.listings_to_rewrite()
        | domain.pages_showing_changed_tools()
        | domain.pages_linking_moved_page_ids()
    )


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("myst_parser")
    # sphinxcontrib-bibtex with the indexed domain and per-page lists that scale
    app.setup_extension("sphinx_ga4gh.references.indexed_domain")
    add_config_values(app)
    register_styles()
    make_ga4gh_styles_default(app)
    setup_pdf(app)
    setup_toctree_parts(app)
    setup_layout(app)

    app.add_domain(Ga4ghDomain)
    app.add_directive_to_domain(Ga4ghDomain.name, "tool", ToolDirective)
    app.add_role("tool", ToolRole())
    app.add_directive("tool-table", ToolTableDirective)
    app.add_directive("section-tiles", SectionTilesDirective)
    app.add_directive("contributors", ContributorsDirective)
    app.add_directive("affiliations", AffiliationsDirective)

    for node_class, visitors in {**NODE_VISITORS, **REFERENCE_VISITORS}.items():
        app.add_node(node_class, **visitors)  # type: ignore[arg-type]
    app.add_node(tool_table)
    app.add_node(page_type_label, html=(visit_page_type_label_html, depart_page_type_label_html))
    app.add_node(national_resources_table)
    app.add_node(tool_fragment, html=(visit_tool_fragment_html, None))
    skip = (skip_badge_icon, None)
    app.add_node(
        badge_icon,
        html=(visit_badge_icon_html, None),
        latex=skip,
        text=skip,
        man=skip,
        texinfo=skip,
    )
    app.add_node(section_tiles)
    app.add_node(people_directory)
    app.add_node(avatar, **AVATAR_VISITORS)  # type: ignore[arg-type]

    app.add_transform(RestoreSourceLines)
    app.add_transform(CheckFrontMatterTypes)
    app.add_transform(TitleFromFrontMatter)
    app.add_transform(KramdownHeadingIds)
    app.add_transform(MarkAnchorLinks)
    app.add_transform(NoteAnchorLinks)
    app.add_transform(InsertPageToolTable)
    app.add_transform(AppendNationalResources)
    app.add_transform(AppendRelatedPages)
    app.add_transform(AppendPagePeople)
    app.add_post_transform(FillToolTables)
    app.add_post_transform(FillNationalResourceTables)
    app.add_post_transform(ExpandToolFragments)
    app.add_post_transform(FillSectionTiles)
    app.add_post_transform(FillPeopleDirectories)
    app.add_post_transform(ResolvePageIdLinks)
    app.add_post_transform(AddPageTypeSubtitle)
    app.add_post_transform(KeepReferencesInPlace)
    app.add_post_transform(AnchorsForLatex)
    app.add_post_transform(UniqueIdsInSinglePage)

    app.connect("config-inited", enable_myst_extensions)
    app.connect("config-inited", default_bibliography)
    # every entry of the BibTeX files, before sphinxcontrib-bibtex's handler (priority 500)
    app.connect("builder-inited", load_bibliography, priority=400)
    app.connect("env-get-outdated", pages_citing_changed_bibliography)
    # after sphinxcontrib-bibtex has taken the BibTeX files (its handler has priority 500)
    app.connect("builder-inited", prepare_bibliography, priority=600)
    app.connect("config-inited", check_table_columns)
    # Liquid first: the per-page references look for the citations it translates.
    app.connect("builder-inited", read_pages_tolerantly)
    app.connect("source-read", warn_undecodable, priority=200)
    app.connect("source-read", guard_front_matter, priority=300)
    app.connect("source-read", translate_liquid, priority=400)
    app.connect("source-read", append_references)
    app.connect("builder-inited", load_data)
    app.connect("builder-inited", add_static_files)
    app.connect("doctree-read", register_page_id)
    app.connect("doctree-read", note_registry_dependency)
    app.connect("doctree-read", apply_page_options)
    app.connect("html-page-context", add_meta_description)
    # after the theme's own handlers (pydata-sphinx-theme's header links)
    app.connect("html-page-context", escape_titles_in_context, priority=900)
    app.connect("doctree-resolved", unlink_dangerous_urls)
    app.connect("missing-reference", unresolved_reference, priority=900)
    app.connect("env-purge-doc", remember_changed_doc)
    app.connect("doctree-read", warn_plain_names)
    app.connect("env-check-consistency", warn_unmentioned_tools)
    app.connect("env-check-consistency", warn_unknown_parents)
    app.connect("env-check-consistency", warn_instance_cycles)
    app.connect("env-check-consistency", warn_unknown_related_pages)
    app.connect("env-get-outdated", pages_named_by_registry)
    app.connect("env-check-consistency", warn_people_without_data)
    app.connect("build-finished", write_tools_json)
    app.connect("env-get-updated", pages_to_rewrite)
    app.connect("env-updated", contents_entries_for_topic_sections)
    app.connect("build-finished", copy_site_files)

    return {
        "version": __version__,
        "env_version": 2,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
