"""The ``ga4gh_*`` configuration values (SPEC §2), with types and defaults, validated once.

conf.py is code the project trusts, but a value of the wrong type (``ga4gh_tools = 5``) must
not stop the build: :func:`validate_config` checks every value at ``config-inited``, before
Sphinx's own type check and before any handler reads one, and puts the default in place of a
wrong one with a ``ga4gh.config`` warning at its line of conf.py.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal, NamedTuple

from sphinx.application import Sphinx
from sphinx.config import Config

from .i18n import gettext_noop


class ConfigValue(NamedTuple):
    name: str
    default: Any
    rebuild: Literal["env", "html", ""]
    types: tuple[type, ...]
    description: str


#: Every option of the extension; the reference documentation is checked against this list.
CONFIG_VALUES: tuple[ConfigValue, ...] = (
    ConfigValue(
        "ga4gh_tools",
        None,
        "env",
        (str, list, tuple, type(None)),
        "Tool registry YAML file(s), relative to conf.py. Unset: "
        "``_data/tool_and_resource_list.yml`` (or ``.yaml``) if it exists.",
    ),
    ConfigValue(
        "ga4gh_contributors",
        None,
        "env",
        (str, list, tuple, type(None)),
        "Contributors YAML file(s). Unset: ``_data/CONTRIBUTORS.yml`` (or ``.yaml``) if it exists.",
    ),
    ConfigValue(
        "ga4gh_affiliations",
        None,
        "env",
        (str, list, tuple, type(None)),
        "Affiliations YAML file(s). Unset: ``_data/affiliations.yml`` (or ``.yaml``), else "
        "``_data/supported_by.yml`` (or ``.yaml``), if it exists.",
    ),
    ConfigValue(
        "ga4gh_page_tool_table",
        True,
        "env",
        (bool,),
        'Append a "Tools and resources on this page" table to every page that mentions a tool.',
    ),
    ConfigValue(
        "ga4gh_page_references",
        True,
        "env",
        (bool,),
        'Append a "References" list of the works cited on each MyST page that cites any.',
    ),
    ConfigValue(
        "ga4gh_page_references_title",
        gettext_noop("References"),
        "env",
        (str,),
        "Heading of the automatic per-page reference list.",
    ),
    ConfigValue(
        "ga4gh_national_resources_title",
        gettext_noop("Tools and resources tailored to this page"),
        "env",
        (str,),
        "Heading of the table built from a page's ``national_resources`` front matter.",
    ),
    ConfigValue(
        "ga4gh_topic_national_resources",
        True,
        "env",
        (bool,),
        "On each page with a ``page_id`` and a ``type``, list the ``national_resources`` of "
        "country pages whose ``related_pages`` name the page under its type.",
    ),
    ConfigValue(
        "ga4gh_topic_national_resources_title",
        gettext_noop("National resources"),
        "env",
        (str,),
        "Heading of the national resources table on topic pages.",
    ),
    ConfigValue(
        "ga4gh_main_resources_title",
        gettext_noop("{title} contributes to"),
        "env",
        (str,),
        "Heading of a country page's ``ref_to_main_resources`` table; ``{title}`` is the "
        "page's title.",
    ),
    ConfigValue(
        "ga4gh_related_pages",
        True,
        "env",
        (bool,),
        'Show a page\'s ``related_pages`` front matter as "Related pages" tiles.',
    ),
    ConfigValue(
        "ga4gh_related_pages_title",
        gettext_noop("Related pages"),
        "env",
        (str,),
        "Heading of the related pages tiles.",
    ),
    ConfigValue(
        "ga4gh_page_people",
        True,
        "env",
        (bool,),
        "Show the page's contributors, editors, coordinators and supporting affiliations.",
    ),
    ConfigValue(
        "ga4gh_supported_by_title",
        gettext_noop("Supported by"),
        "env",
        (str,),
        "Heading of a page's affiliations.",
    ),
    ConfigValue(
        "ga4gh_more_information_title",
        "More information",
        "env",
        (str,),
        'Heading of a page\'s "More information" panels (FAIRsharing, FAIR Cookbook, DSW, '
        "RDMkit, training).",
    ),
    ConfigValue(
        "ga4gh_dsw_deep_link_prefix",
        "",
        "env",
        (str,),
        "The start of a link to a Data Stewardship Wizard question; a page's ``dsw`` entries "
        "link to it followed by their ``uuid`` (the theme's ``dsw_deep_link_prefix``).",
    ),
    ConfigValue(
        "ga4gh_page_citation_title",
        "How to cite this page",
        "env",
        (str,),
        "Heading of the citation block of pages with ``page_citation: true``.",
    ),
    ConfigValue(
        "ga4gh_page_people_sort",
        True,
        "env",
        (bool,),
        "Sort a page's contributors, coordinators, editors and supporters by name (a page's "
        "``people_sort: false`` keeps its order).",
    ),
    ConfigValue(
        "ga4gh_page_type_subtitle",
        True,
        "html",
        (bool,),
        "Show the page's front matter ``type`` as a subtitle above its title (HTML).",
    ),
    ConfigValue(
        "ga4gh_page_type_labels",
        {},
        "env",
        (dict,),
        "Labels for page types, e.g. ``{'technologies_standards': 'Standards'}``; unset types "
        "use a built-in label or ``a_b`` → ``A b``.",
    ),
    ConfigValue(
        "ga4gh_page_tool_table_title",
        gettext_noop("Tools and resources on this page"),
        "env",
        (str,),
        "Heading of the automatic per-page tool table.",
    ),
    ConfigValue(
        "ga4gh_site_description",
        "",
        "env",
        (str,),
        "The site's description: the meta description of pages that have none of their own.",
    ),
    ConfigValue(
        "ga4gh_site_files",
        [],
        "html",
        (list, tuple),
        "Files and folders (relative to conf.py) copied to the HTML output at the same paths, "
        "as Jekyll published them: images named by data files or raw HTML, downloads.",
    ),
    ConfigValue(
        "ga4gh_liquid",
        False,
        "env",
        (bool,),
        "Translate the Liquid tags of not-yet-migrated Jekyll pages while reading them, with "
        "one ``ga4gh.liquid`` warning per page.",
    ),
    ConfigValue(
        "ga4gh_registry_links",
        None,
        "env",
        (list, tuple, type(None)),
        "The kinds of registry link an entry's ``registry`` may have, in badge order: a list of "
        "mappings with ``key``, ``label``, ``url`` (``{}`` is the value) and optional ``icon``. "
        "Unset: the ELIXIR set (bio.tools, FAIRsharing, TeSS, Europe PMC).",
    ),
    ConfigValue(
        "ga4gh_registry_extra_keys",
        [],
        "env",
        (list, tuple),
        "Keys the site adds to its registry entries (``catalog``, ``category``…): not reported "
        "as unknown, and each can be a tool table column.",
    ),
    ConfigValue(
        "ga4gh_site_table_columns",
        ["name", "type", "description", "pages", "registry"],
        "env",
        (list, tuple),
        "The columns of site-wide tool tables, in order: any of name, type, description, pages, "
        "registry, website, or a key of ``ga4gh_registry_extra_keys``.",
    ),
    ConfigValue(
        "ga4gh_page_table_columns",
        ["name", "description", "registry"],
        "env",
        (list, tuple),
        'The columns of each page\'s "Tools and resources on this page" table, in order: any of '
        "name, type, description, pages, registry, website, or a key of "
        "``ga4gh_registry_extra_keys``.",
    ),
    ConfigValue(
        "ga4gh_table_page_length",
        10,
        "env",
        (int,),
        "Rows per page (in the browser) of site-wide tool tables and the tables of "
        "``datatable: true`` pages; the reader can choose 10, 25, 50 or all. 0: all rows.",
    ),
    ConfigValue(
        "ga4gh_year_letters",
        True,
        "env",
        (bool,),
        'Works whose citations would read the same ("Rehm et al., 2021") cite and list as '
        "2021a, 2021b in title order.",
    ),
    ConfigValue(
        "ga4gh_tools_json",
        "ga4gh-tools.json",
        "html",
        (str, type(None)),
        "Where HTML builds write the registry with what the build computed (entry pages, "
        "mentions, instances) as JSON, relative to the output folder; empty or None: not written.",
    ),
    ConfigValue(
        "ga4gh_registry_hygiene",
        False,
        "env",
        (bool,),
        "Warn (``ga4gh.registry``) about registry entries no page mentions and about tool names "
        "written as plain text on pages that mention no tool.",
    ),
    # The site around the pages (sphinx_ga4gh.chrome)
    ConfigValue(
        "ga4gh_footer",
        "_data/footer.yml",
        "html",
        (str, type(None)),
        "The site's footer (columns of images, links and text, ``extra_line``, ``copyright``), "
        "relative to conf.py; shown on every page when the file exists. Empty: no footer.",
    ),
    ConfigValue(
        "ga4gh_topnav",
        "_data/topnav.yml",
        "html",
        (str, type(None)),
        "The site's top navigation (``subitems``, dropdowns, separators, external links), "
        "relative to conf.py; shown on every page when the file exists. Empty: none.",
    ),
    ConfigValue(
        "ga4gh_topnav_title",
        "",
        "html",
        (str,),
        "The text beside the logo (``html_logo``) in the header (pydata-sphinx-theme's "
        "``logo.text``; furo's sidebar brand).",
    ),
    ConfigValue(
        "ga4gh_repository",
        "",
        "html",
        (str,),
        "The site's repository, ``owner/name`` (GitHub) or a GitHub or GitLab URL: every page "
        "links to editing, reporting an issue on and the history of its source file there.",
    ),
    ConfigValue(
        "ga4gh_repository_branch",
        "main",
        "html",
        (str,),
        "The branch of ``ga4gh_repository`` the edit and history links point at.",
    ),
    ConfigValue(
        "ga4gh_repository_folder",
        "",
        "html",
        (str,),
        "The folder of the repository that holds this project (conf.py's folder), if not its root.",
    ),
    ConfigValue(
        "ga4gh_source_buttons",
        ["edit", "issue", "history"],
        "html",
        (list, tuple),
        "Which of the page's repository links to show: any of edit, issue, history.",
    ),
    ConfigValue(
        "ga4gh_brand_colors",
        {},
        "html",
        (dict,),
        "The site's colours as CSS colour values, keys ``primary``, ``secondary``, ``link``: "
        "they become the theme's CSS variables.",
    ),
    ConfigValue(
        "ga4gh_web_manifest",
        "",
        "html",
        (str,),
        "A web manifest of the site (``assets/img/site.webmanifest``), linked from every page.",
    ),
    ConfigValue(
        "ga4gh_favicons",
        [],
        "html",
        (list, tuple),
        "Icons of the site besides ``html_favicon`` (``assets/img/favicon-32x32.png``, "
        "``assets/img/apple-touch-icon.png``), paths in the HTML output, linked from every "
        "page as ``icon`` (type and size from the file name) or ``apple-touch-icon``.",
    ),
    ConfigValue(
        "ga4gh_site_js",
        [],
        "html",
        (list, tuple),
        "Scripts of the site (``assets/js/custom.js``), paths in the HTML output, loaded on "
        "every page.",
    ),
    # --- the page head, sitemap, redirects and analytics (sphinx_ga4gh.head) ---
    ConfigValue(
        "ga4gh_theme_color",
        "",
        "html",
        (str,),
        "The ``theme-color`` meta of every page (``c23669`` or ``#c23669``); empty: none.",
    ),
    ConfigValue(
        "ga4gh_og_image",
        "",
        "html",
        (str,),
        "OpenGraph ``og:image``: a path relative to the HTML output (or an absolute URL), made "
        "absolute with ``html_baseurl``.",
    ),
    ConfigValue(
        "ga4gh_json_ld",
        True,
        "html",
        (bool,),
        "A schema.org ``WebSite`` JSON-LD block on every page, with its contributors as authors.",
    ),
    ConfigValue(
        "ga4gh_sitemap",
        True,
        "html",
        (bool,),
        "Write ``sitemap.xml`` (every page but those with ``sitemap: false``) when "
        "``html_baseurl`` is set.",
    ),
    ConfigValue(
        "ga4gh_redirects",
        True,
        "html",
        (bool,),
        "Write a redirecting page at each old path a page names in ``redirect_from``.",
    ),
    ConfigValue(
        "ga4gh_analytics",
        True,
        "html",
        (bool,),
        "Load the analytics configured below; ``-D ga4gh_analytics=0`` for local previews.",
    ),
    ConfigValue(
        "ga4gh_google_analytics",
        "",
        "html",
        (str,),
        "Google Analytics measurement id (``G-…``, Jekyll's ``gtag``); shows the cookie notice.",
    ),
    ConfigValue(
        "ga4gh_plausible_domain",
        "",
        "html",
        (str,),
        "Plausible ``data-domain`` (Jekyll's ``plausible``).",
    ),
    ConfigValue(
        "ga4gh_plausible_src",
        "https://plausible.io/js/plausible.js",
        "html",
        (str,),
        "The Plausible script (Jekyll's ``plausible_src``).",
    ),
    ConfigValue(
        "ga4gh_matomo_url",
        "",
        "html",
        (str,),
        "Matomo server URL, ending in ``/`` (Jekyll's ``matomo``).",
    ),
    ConfigValue(
        "ga4gh_matomo_id",
        "",
        "html",
        (str,),
        "Matomo site id (Jekyll's ``matomo_id``).",
    ),
    ConfigValue(
        "ga4gh_matomo_cookies",
        True,
        "html",
        (bool,),
        "Whether Matomo may set cookies (Jekyll's ``matomo_cookies``).",
    ),
    ConfigValue(
        "ga4gh_privacy_url",
        "privacy",
        "html",
        (str,),
        "The cookie notice's privacy policy link: a page (docname) or an absolute URL.",
    ),
)


def setup_config(app: Sphinx) -> None:
    for value in CONFIG_VALUES:
        app.add_config_value(value.name, value.default, value.rebuild, types=value.types)
    # before Sphinx's type check (800) and every handler that reads a value (500)
    app.connect("config-inited", validate_config, priority=100)


def _type_names(types: tuple[type, ...]) -> str:
    names = ["None" if kind is type(None) else kind.__name__ for kind in types]
    return " or ".join(names)


def _all_text(value: Any) -> bool:
    return isinstance(value, (list, tuple)) and all(isinstance(item, str) for item in value)


def _text_mapping(value: Any) -> bool:
    return isinstance(value, dict) and all(
        isinstance(key, str) and isinstance(item, str) for key, item in value.items()
    )


def _mappings(value: Any) -> bool:
    return value is None or (
        isinstance(value, (list, tuple)) and all(isinstance(item, dict) for item in value)
    )


#: What the items of a value must be, beyond its own type: a file list of names, labels as
#: text. ``(check, what the value must be)``.
ITEM_CHECKS: dict[str, tuple[Callable[[Any], bool], str]] = {
    **{
        name: (lambda value: value is None or isinstance(value, str) or _all_text(value), "")
        for name in ("ga4gh_tools", "ga4gh_contributors", "ga4gh_affiliations")
    },
    "ga4gh_page_type_labels": (_text_mapping, "a dict of text labels"),
    "ga4gh_site_files": (_all_text, "a list of paths"),
    "ga4gh_registry_extra_keys": (_all_text, "a list of names"),
    "ga4gh_site_table_columns": (_all_text, "a list of column names"),
    "ga4gh_page_table_columns": (_all_text, "a list of column names"),
    "ga4gh_registry_links": (_mappings, "a list of mappings"),
    "ga4gh_source_buttons": (_all_text, "a list of names"),
    "ga4gh_site_js": (_all_text, "a list of paths"),
    "ga4gh_favicons": (_all_text, "a list of paths"),
}


def _problem(value: ConfigValue, given: Any) -> str | None:
    """Why ``given`` is not a valid ``value``, or None when it is."""
    # bool is an int, and an int is no bool: the type must be one of those named
    if not isinstance(given, value.types) or (isinstance(given, bool) and bool not in value.types):
        return f"expected {_type_names(value.types)}, not {type(given).__name__}"
    check = ITEM_CHECKS.get(value.name)
    if check is not None and not check[0](given):
        what = check[1] or "a path or a list of paths"
        return f"expected {what}"
    return None


def config_problems(values: dict[str, Any]) -> list[tuple[str, str, Any]]:
    """``(name, message, value to use)`` for each value of ``values`` (conf.py's names) of
    the wrong type or shape: a ``ga4gh_*`` value gets its default, ``bibtex_bibfiles`` given
    as one path is that path in a list. Shared by the build and ``check``."""
    found: list[tuple[str, str, Any]] = []
    for value in CONFIG_VALUES:
        if value.name not in values:
            continue
        given = values[value.name]
        problem = _problem(value, given)
        if problem is not None:
            message = (
                f"{value.name} = {given!r:.60}: {problem}; the default {value.default!r} is used"
            )
            found.append((value.name, message, copy.deepcopy(value.default)))
    bibfiles = values.get("bibtex_bibfiles")
    if isinstance(bibfiles, str):
        message = f"bibtex_bibfiles = {bibfiles!r:.60}: expected a list of paths; read as one"
        found.append(("bibtex_bibfiles", message, [bibfiles]))
    elif bibfiles is not None and not _all_text(bibfiles):
        message = f"bibtex_bibfiles = {bibfiles!r:.60}: expected a list of paths; none is read"
        found.append(("bibtex_bibfiles", message, []))
    return found


def validate_config(app: Sphinx, config: Config) -> None:
    """``config-inited``: each value of the wrong type or shape (:func:`config_problems`) is
    replaced, with a ``ga4gh.config`` warning at its line of conf.py; then the values whose
    entries are checked one by one (registry links, table columns) are checked, once, with
    the same warning type."""
    from .data.diagnostics import SourceLocation, conf_line
    from .data.tools import parse_link_types
    from .reporting import report, warn
    from .tools.table import check_table_columns

    conf_py = Path(app.confdir) / "conf.py"
    values = {name: config[name] for name in [v.name for v in CONFIG_VALUES] + ["bibtex_bibfiles"]}
    found = [
        (conf_line(conf_py, name), name, message, r) for name, message, r in config_problems(values)
    ]
    for line, name, message, replacement in sorted(found, key=lambda item: item[0]):
        # a "path:line" text: there is no environment yet to resolve (docname, line)
        warn(message, "config", f"{conf_py}:{line}")
        setattr(config, name, replacement)
    links_line = conf_line(conf_py, "ga4gh_registry_links")
    _links, problems = parse_link_types(
        config.ga4gh_registry_links, SourceLocation(str(conf_py), links_line)
    )
    for problem in problems:  # the links are read again, silently, with the data files
        report(problem)
    check_table_columns(app, config)
