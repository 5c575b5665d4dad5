"""The theme's "More information" panels and its site-wide training table.

A page's front matter may link it to other resources: ``fairsharing``, ``faircookbook``,
``dsw`` (questions of the Data Stewardship Wizard, linked through ``ga4gh_dsw_deep_link_prefix``),
``rdmkit`` and ``training``, each a list of ``name``/``url`` entries (``uuid`` for DSW,
``registry`` for training). A read-time transform appends one panel per source, as the theme's
``more-information-tiles.html``: in HTML a ``<details>`` element (opened and closed with the
keyboard, no script needed) with the source's text mark and links; elsewhere a heading and a
list. ``{training-table}`` (the theme's ``training-table-all.html``) lists every page's training
entries; it is filled at write time from every page's metadata, which Sphinx merges after
parallel reads, so ``-j`` and incremental builds give what a fresh build gives.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective, SphinxTranslator

from ..data.urls import is_safe_url
from ..domain import get_domain, internal_link
from ..pages.front_matter import front_matter, front_matter_value
from ..pages.sections import content_root
from ..reporting import front_matter_line, warn
from .people import NON_HTML_FORMATS


@dataclass(frozen=True)
class Source:
    """A resource pages link to: its front matter key, panel title, text mark and blurb."""

    key: str
    title: str
    mark: str
    home: str
    blurb: str


#: In the theme's order.
SOURCES = (
    Source(
        "fairsharing",
        "Links to FAIRsharing",
        "FAIRsharing",
        "https://fairsharing.org/",
        "a curated, informative and educational resource on data and metadata standards, "
        "inter-related to databases and data policies.",
    ),
    Source(
        "faircookbook",
        "Links to FAIR Cookbook",
        "FAIR Cookbook",
        "https://faircookbook.elixir-europe.org/",
        "an online, open and live resource for the Life Sciences with recipes that help you to "
        "make and keep data Findable, Accessible, Interoperable and Reusable; in one word FAIR.",
    ),
    Source(
        "dsw",
        "Links to DSW",
        "DSW",
        "https://ds-wizard.org/",
        "the Data Stewardship Wizard: create, plan, collaborate on and bring your data "
        "management plans to life.",
    ),
    Source(
        "rdmkit",
        "Links to RDMkit",
        "RDMkit",
        "https://rdmkit.elixir-europe.org/",
        "the Research Data Management toolkit for Life Sciences describing best practices and "
        "guidelines to help you make your data FAIR.",
    ),
    Source("training", "Training", "", "", ""),
)

#: Training registries the theme draws a logo for; others get their name as a badge.
REGISTRY_MARKS = {
    "tess": "TeSS",
    "zenodo": "Zenodo",
    "youtube": "YouTube",
    "carpentries": "Carpentries",
    "github": "GitHub",
}


@dataclass(frozen=True)
class Entry:
    name: str
    url: str
    registry: str = ""


class details(nodes.General, nodes.Element):
    """A panel with a ``summary`` title: ``<details>`` in HTML, a heading elsewhere."""


class text_mark(nodes.Inline, nodes.TextElement):
    """A source's or registry's name drawn as its mark (HTML); plain text elsewhere."""


class training_table(nodes.General, nodes.Element):
    """Placeholder of ``{training-table}``, filled at write time."""


def page_entries(metadata: dict[str, Any], key: str, dsw_prefix: str) -> tuple[list[Entry], int]:
    """The entries with a name of one source on a page (the theme skips nameless ones), and
    how many had an unsafe or missing link (left out)."""
    value = front_matter_value(metadata, key)
    if not isinstance(value, list):
        return [], 0
    entries: list[Entry] = []
    dropped = 0
    for item in value:
        if not isinstance(item, dict) or not str(item.get("name") or "").strip():
            continue
        name = " ".join(str(item["name"]).split())
        if key == "dsw":
            uuid = str(item.get("uuid") or "").strip()
            url = dsw_prefix + uuid if dsw_prefix and uuid else ""
        else:
            url = str(item.get("url") or "").strip()
        if not url or not is_safe_url(url):
            dropped += 1
            continue
        registry = str(item.get("registry") or "").strip() if key == "training" else ""
        entries.append(Entry(name, url, registry))
    return entries, dropped


def _mark(text: str, kind: str, decorative: bool = False) -> text_mark:
    """A mark; a ``decorative`` one (next to the source's linked name) is HTML only."""
    mark = text_mark(text, text, classes=["ga4gh-mark", f"ga4gh-mark-{kind}"])
    mark["decorative"] = decorative
    return mark


def _registry_mark(registry: str) -> text_mark:
    label = REGISTRY_MARKS.get(registry.lower(), registry)
    return _mark(label, registry.lower() if registry.lower() in REGISTRY_MARKS else "other")


def _panel(source: Source, entries: list[Entry]) -> details:
    panel = details("", title=source.title, classes=["ga4gh-info-panel", f"ga4gh-{source.key}"])
    if source.blurb:
        intro = nodes.paragraph()
        intro += _mark(source.mark, source.key, decorative=True)
        intro += nodes.Text(" ")
        intro += nodes.reference("", source.mark, refuri=source.home)
        intro += nodes.Text(f" is {source.blurb}")
        panel += intro
    links = nodes.bullet_list("", classes=["ga4gh-info-links"])
    for entry in entries:
        line = nodes.paragraph()
        if source.key == "training":
            line += _registry_mark(entry.registry or "link")
            line += nodes.Text(" ")
        line += nodes.reference("", entry.name, refuri=entry.url)
        links += nodes.list_item("", line)
    panel += links
    return panel


class AppendMoreInformation(SphinxTransform):
    """The "More information" panels at the end of the page, before its people."""

    default_priority = 862  # with the related pages (862), before the people (863)

    def apply(self, **kwargs: Any) -> None:
        docname = self.env.docname
        metadata = self.env.metadata.get(docname, {})
        prefix = str(self.config.ga4gh_dsw_deep_link_prefix or "")
        panels: list[nodes.Node] = []
        for source in SOURCES:
            entries, dropped = page_entries(metadata, source.key, prefix)
            # templates (search_exclude) keep placeholders where the links go
            if dropped and not front_matter(metadata).search_exclude:
                self._warn_dropped(source.key, dropped, prefix)
            if entries:
                panels.append(_panel(source, entries))
        if not panels:
            return
        title = self.config.ga4gh_more_information_title
        content_root(self.document).append(
            nodes.container(
                "", nodes.rubric(title, title), *panels, classes=["ga4gh-more-information"]
            )
        )

    def _warn_dropped(self, key: str, dropped: int, prefix: str) -> None:
        docname = self.env.docname
        line = front_matter_line(str(self.env.doc2path(docname)), key, key)
        if key == "dsw" and not prefix:
            why = "ga4gh_dsw_deep_link_prefix is not set in conf.py, so DSW questions have no link"
        else:
            why = "without a url (a uuid for dsw) or with an unsafe one"
        warn(
            f"{dropped} {key} entr{'y' if dropped == 1 else 'ies'} left out: {why}",
            "page",
            (docname, line),
        )


class TrainingTableDirective(SphinxDirective):
    """``{training-table}``: every page's training entries, with the page and the registry."""

    option_spec: ClassVar[dict[str, Any]] = {}

    def run(self) -> list[nodes.Node]:
        get_domain(self.env).note_listing(self.env.docname, ["*"])  # every page's training
        node = training_table()
        self.set_source_info(node)
        return [node]


class FillTrainingTables(SphinxPostTransform):
    default_priority = 6  # before the references resolver turns the page links into real ones

    def run(self, **kwargs: Any) -> None:
        for placeholder in list(self.document.findall(training_table)):
            rows = self._rows()
            if not rows:
                warn(
                    "{training-table} lists nothing: no page has training entries",
                    "page",
                    placeholder,
                )
                placeholder.parent.remove(placeholder)
                continue
            placeholder.replace_self(self._table(rows))

    def _rows(self) -> list[tuple[str, Entry]]:
        domain = get_domain(self.env)
        rows = []
        for docname in sorted(self.env.metadata):
            metadata = self.env.metadata[docname]
            if front_matter(metadata).search_exclude:
                continue
            entries, _ = page_entries(metadata, "training", "")
            rows += [(docname, entry) for entry in entries]
        rows.sort(key=lambda row: (domain.page_title(row[0]).lower(), row[0]))
        return rows

    def _table(self, rows: list[tuple[str, Entry]]) -> nodes.table:
        domain = get_domain(self.env)
        table = nodes.table("", classes=["ga4gh-training-table"])
        group = nodes.tgroup("", cols=3)
        table += group
        for width in (50, 30, 20):
            group += nodes.colspec(colwidth=width)
        head = nodes.thead()
        group += head
        head += _row([nodes.Text(text) for text in ("Name", "Related page", "Registry")])
        body = nodes.tbody()
        group += body
        for docname, entry in rows:
            title = domain.page_title(docname)
            name = entry.name
            if name == "Training in TeSS":  # the theme's generic link gets the page's title
                name = f"{name} about {title}"
            badge = nodes.inline(title, title, classes=["ga4gh-badge", "ga4gh-badge-page"])
            registry: nodes.Node = (
                _registry_mark(entry.registry) if entry.registry else nodes.Text("")
            )
            body += _row(
                [
                    nodes.reference("", name, refuri=entry.url),
                    internal_link(docname, "", badge),
                    registry,
                ]
            )
        return table


def _row(cells: list[nodes.Node]) -> nodes.row:
    row = nodes.row()
    for cell in cells:
        row += nodes.entry("", nodes.paragraph("", "", cell))
    return row


class PanelsOutsideHtml(SphinxPostTransform):
    """A panel outside HTML is its title as a rubric, then its content."""

    default_priority = 200
    formats = NON_HTML_FORMATS

    def run(self, **kwargs: Any) -> None:
        for panel in list(self.document.findall(details)):
            title = panel["title"]
            container = nodes.container(
                "", nodes.rubric(title, title), *panel.children, classes=panel["classes"]
            )
            panel.replace_self(container)


def visit_details_html(self: Any, node: details) -> None:
    self.body.append(self.starttag(node, "details"))
    self.body.append(f'<summary class="ga4gh-info-title">{self.encode(node["title"])}</summary>')


def depart_details_html(self: Any, node: details) -> None:
    self.body.append("</details>\n")


def visit_text_mark_html(self: Any, node: text_mark) -> None:
    hidden = {"aria-hidden": "true"} if node.get("decorative") else {}
    self.body.append(self.starttag(node, "span", "", **hidden))


def depart_text_mark_html(self: Any, node: text_mark) -> None:
    self.body.append("</span>")


def visit_text_mark_other(self: SphinxTranslator, node: text_mark) -> None:
    if node.get("decorative"):
        raise nodes.SkipNode


def depart_text_mark_other(self: SphinxTranslator, node: text_mark) -> None:
    pass


def setup_more_information(app: Sphinx) -> None:
    app.add_node(details, html=(visit_details_html, depart_details_html))
    other = (visit_text_mark_other, depart_text_mark_other)
    app.add_node(
        text_mark,
        html=(visit_text_mark_html, depart_text_mark_html),
        latex=other,
        text=other,
        man=other,
        texinfo=other,
    )
    app.add_node(training_table)
    app.add_directive("training-table", TrainingTableDirective)
    app.add_transform(AppendMoreInformation)
    app.add_post_transform(FillTrainingTables)
    app.add_post_transform(PanelsOutsideHtml)
