"""Page furniture wired into Sphinx: people, national resources, related pages, tiles."""

from __future__ import annotations

from sphinx.application import Sphinx

from .directory import (
    AffiliationsDirective,
    ContributorsDirective,
    FillPeopleDirectories,
    people_directory,
)
from .markup import setup_furniture_markup
from .national_resources import (
    AppendNationalResources,
    FillNationalResourceTables,
    contents_entries_for_topic_sections,
    instance_of_badge,
    main_resources_to_read,
    national_resources_table,
    pages_showing_changed_parents,
    warn_unknown_main_resources,
)
from .people import AVATAR_VISITORS, AppendPagePeople, avatar, warn_people_without_data
from .related_pages import AppendRelatedPages
from .section_tiles import (
    TILE_FLAG_VISITORS,
    TILE_IMAGE_VISITORS,
    TILE_SUPPORTER_VISITORS,
    FillSectionTiles,
    SectionTilesDirective,
    section_tiles,
    tile_flag,
    tile_image,
    tile_supporter,
    warn_missing_tile_images,
)


def setup_furniture(app: Sphinx) -> None:
    setup_furniture_markup(app)
    app.add_directive("section-tiles", SectionTilesDirective)
    app.add_directive("contributors", ContributorsDirective)
    app.add_directive("affiliations", AffiliationsDirective)
    app.add_node(national_resources_table)
    app.add_node(instance_of_badge)
    app.add_node(section_tiles)
    app.add_node(tile_image, **TILE_IMAGE_VISITORS)  # type: ignore[arg-type]
    app.add_node(tile_flag, **TILE_FLAG_VISITORS)  # type: ignore[arg-type]
    app.add_node(tile_supporter, **TILE_SUPPORTER_VISITORS)  # type: ignore[arg-type]
    app.add_node(people_directory)
    app.add_node(avatar, **AVATAR_VISITORS)  # type: ignore[arg-type]
    app.add_transform(AppendNationalResources)
    app.add_transform(AppendRelatedPages)
    app.add_transform(AppendPagePeople)
    app.add_post_transform(FillNationalResourceTables)
    app.add_post_transform(FillSectionTiles)
    app.add_post_transform(FillPeopleDirectories)
    app.connect("env-check-consistency", warn_people_without_data)
    app.connect("doctree-read", warn_missing_tile_images)
    app.connect("env-updated", contents_entries_for_topic_sections)
    # a registry edit reads no country page again unless its main resources section changes
    app.connect("env-get-outdated", main_resources_to_read)
    app.connect("env-get-updated", pages_showing_changed_parents)
    app.connect("env-check-consistency", warn_unknown_main_resources)
