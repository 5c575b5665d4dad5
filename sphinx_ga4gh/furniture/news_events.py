"""``{news}`` and ``{events}``: the site's ``_data/news.yml`` and ``_data/events.yml``, read
when the page is built (the theme's ``news.html`` and ``events.html``).

The page depends on the data file, so a new news item or event rebuilds the pages showing
them. Descriptions are Markdown, as the theme's ``markdownify``; with ``:truncate:`` a
description longer than 40 words is folded into ``<details>`` ("View description") in HTML,
and shown in full elsewhere.

Events carry their start date (``data-start``). Which are upcoming is decided in the reader's
browser by today's date (ga4gh.js, as the theme's ``show_upcoming_events``); the page as built
(no JavaScript, LaTeX, text) lists every event with its dates, newest first, each marked
upcoming or past as of the build date.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.addnodes import only, pending_xref
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective
from sphinx.writers.html5 import HTML5Translator

from ..data.yaml_source import LocatedDict, YamlLoadError, load_yaml
from ..reporting import report, warn
from .data_links import note_data_links, setup_data_links

NEWS_FILE = "_data/news.yml"
EVENTS_FILE = "_data/events.yml"
#: The theme folds descriptions longer than this many words (``truncate=true``).
TRUNCATE_WORDS = 40
EVENT_KINDS = ("upcoming", "past", "all")


class collapsed_description(nodes.General, nodes.Element):
    """A long description: ``<details>`` in HTML, its content as is elsewhere."""


def visit_collapsed_html(translator: HTML5Translator, node: collapsed_description) -> None:
    translator.body.append(translator.starttag(node, "details", CLASS="ga4gh-collapsed"))
    translator.body.append("<summary>View description</summary>\n")


def depart_collapsed_html(translator: HTML5Translator, node: collapsed_description) -> None:
    translator.body.append("</details>\n")


def _pass(translator: Any, node: nodes.Node) -> None:
    pass


def long_date(value: Any) -> str:
    """Jekyll's ``date_to_long_string``: ``25 November 2026``; other text as written."""
    parsed = as_date(value)
    return f"{parsed.day} {parsed:%B %Y}" if parsed else str(value or "").strip()


def as_date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def _kind(argument: str) -> str:
    return directives.choice(argument, EVENT_KINDS)


class _DataListDirective(SphinxDirective):
    """What both lists share: reading their YAML file, Markdown descriptions, the caption."""

    data_file: ClassVar[str]
    caption_text: ClassVar[tuple[str, str, str]]

    def items(self) -> list[dict[str, Any]]:
        relpath = self.options.get("file", self.data_file)
        path = Path(self.env.srcdir) / relpath
        self.env.note_dependency(str(path))
        if not path.is_file():
            warn(f"{self.name}: no data file {relpath}", "data", self.get_location())
            return []
        try:
            data = load_yaml(path, relpath)
        except YamlLoadError as error:
            report(error.diagnostic)
            return []
        if data is None:
            return []
        if not isinstance(data, list):
            warn(f"{self.name}: {relpath} is not a list of items", "data", self.get_location())
            return []
        return [item for item in data if isinstance(item, dict) and item.get("name")]

    def markdown(self, item: dict[str, Any], key: str) -> list[nodes.Node]:
        """The item's ``key`` as Markdown; its links are the site's URLs (see data_links)."""
        text = str(item.get(key) or "").strip()
        if not text:
            return []
        parsed = self.parse_text_to_nodes(text)
        line = item.line_of(key) if isinstance(item, LocatedDict) else 1
        relpath = self.options.get("file", self.data_file)
        note_data_links(self.env, parsed, relpath, line, self.name)
        return parsed

    def description(self, item: dict[str, Any]) -> list[nodes.Node]:
        text = str(item.get("description") or "").strip()
        parsed = self.markdown(item, "description")
        if not parsed:
            return []
        if "truncate" in self.options and len(text.split()) > TRUNCATE_WORDS:
            folded = collapsed_description("")
            folded.extend(parsed)
            return [folded]
        return parsed

    def caption(self) -> list[nodes.Node]:
        target = self.options.get("caption")
        if not target:
            return []
        before, link_text, after = self.caption_text
        link = pending_xref(
            "", refdomain="std", reftype="doc", reftarget=target, refexplicit=True, refwarn=True
        )
        link += nodes.inline(link_text, link_text)
        caption = nodes.paragraph("", before, classes=["ga4gh-list-caption"])
        caption += link
        caption += nodes.Text(after)
        return [caption]


class NewsDirective(_DataListDirective):
    """The site's news, newest first."""

    data_file = NEWS_FILE
    caption_text = ("For more news please visit our ", "news page", ".")
    option_spec: ClassVar[dict[str, Any]] = {
        "limit": directives.positive_int,
        "truncate": directives.flag,
        "caption": directives.unchanged_required,
        "repository": directives.uri,
        "file": directives.unchanged_required,
    }

    def run(self) -> list[nodes.Node]:
        items = sorted(self.items(), key=lambda item: str(item.get("date", "")), reverse=True)
        if "limit" in self.options:
            items = items[: self.options["limit"]]
        repository = self.options.get("repository", "").strip().rstrip("/")
        timeline = nodes.bullet_list("", classes=["ga4gh-news"])
        for item in items:
            entry = nodes.list_item("", classes=["ga4gh-news-item"])
            name = str(item["name"]).strip()
            entry += nodes.paragraph("", "", nodes.strong(name, name), classes=["ga4gh-news-name"])
            when = long_date(item.get("date"))
            meta = nodes.paragraph("", when, classes=["ga4gh-news-date"])
            pr = str(item.get("linked_pr") or "").strip()
            if pr and repository:
                meta += nodes.Text(" · ")
                meta += nodes.reference(
                    "", f"PR #{pr}", internal=False, refuri=f"{repository}/pull/{pr}"
                )
            entry += meta
            entry.extend(self.description(item))
            timeline += entry
        if not items:
            return self.caption()
        return [timeline, *self.caption()]


class EventsDirective(_DataListDirective):
    """The site's events (upcoming, past or all), newest start date first."""

    data_file = EVENTS_FILE
    caption_text = ("An overview of all our events can be found on the ", "events page", ".")
    option_spec: ClassVar[dict[str, Any]] = {
        "when": _kind,
        "related-page": directives.unchanged_required,
        "limit": directives.positive_int,
        "columns": directives.positive_int,
        "truncate": directives.flag,
        "caption": directives.unchanged_required,
        "file": directives.unchanged_required,
    }

    def run(self) -> list[nodes.Node]:
        items = self.items()
        related = self.options.get("related-page", "").strip()
        if related:
            items = [item for item in items if related in _names(item.get("related_pages"))]
        items.sort(key=lambda item: str(as_date(item.get("startDate")) or ""), reverse=True)
        kind = self.options.get("when", "all")
        columns = self.options.get("columns", 1)
        classes = ["ga4gh-events", f"ga4gh-events-{kind}", f"ga4gh-events-cols-{columns}"]
        if "limit" in self.options:
            classes.append(f"ga4gh-events-limit-{self.options['limit']}")
        events = nodes.bullet_list("", classes=classes)
        today = date.today()
        for item in items:
            start = as_date(item.get("startDate"))
            # As of the build date; ga4gh.js decides again with the reader's date.
            built_as = "upcoming" if start is None or start >= today else "past"
            # the start date as a class: ga4gh.js reads it (docutils writes no data- attributes)
            marks = ["ga4gh-event", f"ga4gh-event-{built_as}"]
            entry = nodes.list_item("", classes=[*marks, f"ga4gh-start-{start or 'unknown'}"])
            name = str(item["name"]).strip()
            entry += nodes.paragraph("", "", nodes.strong(name, name), classes=["ga4gh-event-name"])
            entry += self._when(item)
            entry.extend(self.description(item))
            events += entry
        none = {"upcoming": "No upcoming events.", "past": "No past events."}.get(kind, "")
        result: list[nodes.Node] = [events] if items else []
        if none:
            # shown by ga4gh.js when no event is left for the reader's date; at once when the
            # file has none
            if items:  # (only in HTML: elsewhere every event is listed)
                html_only = only(expr="html")
                html_only += nodes.paragraph(none, none, classes=["ga4gh-events-none"])
                result.append(html_only)
            else:
                marks = ["ga4gh-events-none", "ga4gh-shown"]
                result.append(nodes.paragraph(none, none, classes=marks))
        return [*result, *self.caption()]

    def _when(self, item: dict[str, Any]) -> nodes.paragraph:
        text = " ".join(
            part
            for part in (long_date(item.get("startDate")), str(item.get("startTime") or ""))
            if part
        )
        end = " ".join(
            part
            for part in (long_date(item.get("endDate")), str(item.get("endTime") or ""))
            if part
        )
        if end:
            text += f" \u2013 {end}"
        when = nodes.paragraph("", text, classes=["ga4gh-event-date"])
        parsed = self.markdown(item, "location")
        if parsed:
            when += nodes.Text(" · ")
            for paragraph in parsed:
                when.extend(paragraph.children if isinstance(paragraph, nodes.paragraph) else [])
        return when


def _names(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(item).strip() for item in value]
    return [str(value).strip()] if value else []


def setup_news_events(app: Sphinx) -> None:
    setup_data_links(app)
    app.add_directive("news", NewsDirective)
    app.add_directive("events", EventsDirective)
    passthrough = (_pass, _pass)
    app.add_node(
        collapsed_description,
        html=(visit_collapsed_html, depart_collapsed_html),
        latex=passthrough,
        text=passthrough,
        man=passthrough,
        texinfo=passthrough,
    )
