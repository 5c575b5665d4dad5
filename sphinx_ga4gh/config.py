"""The ``ga4gh_*`` configuration values (SPEC §2), with types and defaults."""

from __future__ import annotations

from typing import Any, Literal, NamedTuple

from sphinx.application import Sphinx


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
        "References",
        "env",
        (str,),
        "Heading of the automatic per-page reference list.",
    ),
    ConfigValue(
        "ga4gh_national_resources_title",
        "Tools and resources tailored to this page",
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
        "National resources",
        "env",
        (str,),
        "Heading of the national resources table on topic pages.",
    ),
    ConfigValue(
        "ga4gh_main_resources_title",
        "{title} contributes to",
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
        "Related pages",
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
        "Supported by",
        "env",
        (str,),
        "Heading of a page's affiliations.",
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
        "html",
        (dict,),
        "Labels for page types, e.g. ``{'technologies_standards': 'Standards'}``; unset types "
        "use a built-in label or ``a_b`` → ``A b``.",
    ),
    ConfigValue(
        "ga4gh_page_tool_table_title",
        "Tools and resources on this page",
        "env",
        (str,),
        "Heading of the automatic per-page tool table.",
    ),
    ConfigValue(
        "ga4gh_site_description",
        "",
        "html",
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
)


def add_config_values(app: Sphinx) -> None:
    for value in CONFIG_VALUES:
        app.add_config_value(value.name, value.default, value.rebuild, types=value.types)
