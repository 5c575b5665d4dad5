"""A hand-written HTML homepage (``index.html`` with ``layout: none``) as a MyST root page.

The theme's landing pages are Bootstrap HTML with Liquid in them: a tagline, a search box,
tiles for the sidebar's sections (``{% for folder in sidebar.subitems %}``), a call to
contribute, ``{% include news.html %}`` / ``events.html`` and counters computed by Liquid.
The page is read with the standard library's :class:`html.parser.HTMLParser`; nothing in it
runs. Its text, headings, links, images and lists become Markdown (every character of site
text escaped), the search box becomes a form sending ``q`` to Sphinx's ``search.html``, the
tile loop becomes tiles of the sidebar's items (image, title, description) and news and events
become the ``{news}`` and ``{events}`` directives (which read ``_data`` at build time). The
site's HTML itself never reaches the page: the only HTML written is our own
form, whose attribute values are escaped. What cannot be carried (scripts, embedded frames,
Liquid the migration cannot evaluate, form fields) is reported with its line.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

import yaml

from ..text.liquid import Finding, PageContext, translate
from .jekyll import JekyllPage, JekyllSite
from .links import SiteLinks

#: Elements whose content is never text of the page.
_SKIPPED = {"script", "style", "noscript", "template", "svg", "button", "select", "textarea"}
_BLOCKS = {
    "p",
    "div",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "aside",
    "nav",
    "ul",
    "ol",
    "li",
    "table",
    "tr",
    "blockquote",
    "figure",
    "figcaption",
    "small",
}
_HEADING = re.compile(r"^h([1-7])$")
_LIQUID = re.compile(r"\{%-?\s*(.*?)\s*-?%\}|\{\{-?\s*(.*?)\s*-?\}\}", re.S)
_FOR = re.compile(r"^for\s+(\w+)\s+in\s+(\S+)")
_INCLUDE = re.compile(r"^include\s+(\S+)")
#: Includes that draw the theme's own frame, which the Sphinx theme draws instead.
_CHROME_INCLUDES = {
    "head.html",
    "topnav.html",
    "footer.html",
    "cookie-popup.html",
    "dev-info.html",
    "scroll-top.html",
}
#: Markdown punctuation that site text must not use as syntax.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|~$])")
_BREAK = "\x00"
MARKER = "ga4gh-home-marker"


def escape_markdown(text: str) -> str:
    """Site text as literal Markdown text: its punctuation escaped, ``-``/``1.`` starting a
    line not read as a list."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    escaped = re.sub(r"^(\s*)([-=#+])", r"\1\\\2", escaped)
    return re.sub(r"^(\s*\d+)([.)])", r"\1\\\2", escaped)


@dataclass
class HomeResult:
    text: str
    findings: list[Finding] = field(default_factory=list)


@dataclass
class _Replacement:
    kind: str  # "tiles", "news", "events"
    markup: str
    line: int


class _Liquid:
    """The page's Liquid resolved before the HTML is read: site values and ``relative_url``
    filled in, the tile loop, news and events replaced by markers, the rest removed and
    reported. Newlines are kept, so lines stay those of the source."""

    def __init__(self, site: JekyllSite, first_line: int) -> None:
        self.site = site
        self.first_line = first_line
        self.findings: list[Finding] = []
        self.replacements: list[_Replacement] = []

    def line_of(self, text: str, offset: int) -> int:
        return self.first_line + text.count("\n", 0, offset)

    def lose(self, line: int, source: str, message: str) -> None:
        self.findings.append(Finding(line, "homepage", " ".join(source.split()), False, message))

    def marker(self, kind: str, markup: str, line: int) -> str:
        self.replacements.append(_Replacement(kind, markup, line))
        return f'<{MARKER} data-index="{len(self.replacements) - 1}"></{MARKER}>'

    def value(self, expression: str) -> str | None:
        """``site.x``, ``'x' | relative_url`` and the like; None for what needs Liquid."""
        head, *filters = [part.strip() for part in expression.split("|")]
        if any(
            name.split(":")[0].strip() not in ("relative_url", "absolute_url") for name in filters
        ):
            return None
        quoted = re.fullmatch(r"""(['"])(.*)\1""", head)
        if quoted:
            return quoted.group(2)
        if head.startswith("site."):
            found: Any = self.site.config
            for part in head.split(".")[1:]:
                found = found.get(part) if isinstance(found, dict) else None
            if isinstance(found, (str, int, float)) and not isinstance(found, bool):
                return str(found)
        return None

    def resolve(self, text: str) -> str:
        pieces: list[str] = []
        position = 0
        loop_depth = 0
        loop_start = 0
        loop_kind = ""
        for match in _LIQUID.finditer(text):
            tag, output = match.group(1), match.group(2)
            line = self.line_of(text, match.start())
            if loop_depth:
                if tag is not None and _FOR.match(tag):
                    loop_depth += 1
                elif tag is not None and tag.split()[:1] == ["endfor"]:
                    loop_depth -= 1
                    if loop_depth == 0:
                        body = text[loop_start : match.end()]
                        newlines = "\n" * body.count("\n")
                        if loop_kind == "tiles":
                            loop_line = self.line_of(text, loop_start)
                            pieces.append(self.marker("tiles", "", loop_line) + newlines)
                        else:
                            pieces.append(newlines)
                        position = match.end()
                continue
            pieces.append(text[position : match.start()])
            position = match.end()
            newlines = "\n" * match.group().count("\n")
            if output is not None:
                value = self.value(output)
                if value is None:
                    self.lose(line, match.group(), "a value computed by Liquid: left out")
                    pieces.append(newlines)
                else:
                    pieces.append(html.escape(value) + newlines)
                continue
            words = tag.split()
            keyword = words[0] if words else ""
            loop = _FOR.match(tag)
            include = _INCLUDE.match(tag)
            if loop:
                loop_depth, loop_start = 1, match.start()
                if loop.group(2).endswith("subitems"):
                    loop_kind = "tiles"
                else:
                    loop_kind = ""
                    message = "a Liquid loop the migration cannot evaluate: left out"
                    self.lose(line, match.group(), message)
                pieces.append(newlines)
            elif include and include.group(1) in ("news.html", "events.html"):
                kind = include.group(1).removesuffix(".html")
                pieces.append(self.marker(kind, match.group(), line) + newlines)
            elif include and include.group(1) in _CHROME_INCLUDES:
                pieces.append(newlines)  # the Sphinx theme's head, navbar and footer
            elif include:
                message = f"include {include.group(1)} has no equivalent on the homepage: left out"
                self.lose(line, match.group(), message)
                pieces.append(newlines)
            elif keyword in ("assign", "capture", "endcapture", "comment", "endcomment"):
                # The values they compute are reported where they are shown.
                pieces.append(newlines)
            elif keyword in ("if", "unless", "elsif", "else", "endif", "endunless"):
                # Conditions are dropped and what they guard kept: the theme's guards are
                # about its own frame (back_to_top, development builds).
                pieces.append(newlines)
            else:
                self.lose(line, match.group(), "a Liquid tag the migration cannot evaluate")
                pieces.append(newlines)
        if loop_depth:
            self.lose(self.line_of(text, loop_start), "{% for %}", "a loop without endfor")
            pieces.append("\n" * text[loop_start:].count("\n"))
        else:
            pieces.append(text[position:])
        return "".join(pieces)


class _Walker(HTMLParser):
    """The HTML as Markdown blocks, in order."""

    def __init__(self, home: _Home) -> None:
        super().__init__(convert_charrefs=True)
        self.home = home
        self.blocks: list[str] = []
        self.inline: list[str] = []
        #: The same text unescaped (for the title in the front matter).
        self.plain: list[str] = []
        self.skipping: list[str] = []
        #: Open inline elements: (tag, index in ``inline`` of their opening mark).
        self.open_marks: list[tuple[str, int, str]] = []
        self.heading: int | None = None
        self.heading_is_card = False
        self.list_item = False
        self.in_form = 0
        self.title: str | None = None

    def line(self) -> int:
        return self.home.first_line + self.getpos()[0] - 1

    def flush(self) -> None:
        text = " ".join("".join(self.inline).split())
        text = re.sub(f" ?{_BREAK} ?", "\\\n", text.strip(f" {_BREAK}"))
        plain = " ".join("".join(self.plain).split())
        self.inline = []
        self.plain = []
        self.open_marks = []
        if not text:
            return
        if self.heading is not None and not self.heading_is_card:
            if self.title is None and self.heading == 1:
                self.title = plain
            else:
                self.blocks.append(f"## {text}")
        elif self.heading is not None:
            self.blocks.append(f"**{text}**")
        elif self.list_item:
            self.blocks.append(f"- {text}")
        else:
            self.blocks.append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if self.skipping:
            if tag == self.skipping[-1] and tag not in ("input", "img", "br"):
                self.skipping.append(tag)
            return
        if tag == MARKER:
            self.flush()
            self.blocks.append(self.home.replacement(int(values.get("data-index", "0"))))
            return
        if tag in _SKIPPED:
            if tag not in ("button",) or values.get("id") != "back-to-top":
                what = "a script" if tag == "script" else f"a <{tag}> element"
                self.home.lose(self.line(), f"<{tag}>", f"{what}: left out")
            self.skipping.append(tag)
            return
        if tag == "iframe":
            self.flush()
            source = values.get("src", "")
            title = values.get("title") or "Embedded content"
            if source.startswith(("https://", "http://")):
                self.blocks.append(f"[{escape_markdown(title)}](<{source}>)")
                message = "an embedded frame: a link to what it showed instead"
                self.home.findings.append(
                    Finding(self.line(), "homepage", "<iframe>", True, message)
                )
            else:
                self.home.lose(self.line(), "<iframe>", "an embedded frame: left out")
            self.skipping.append(tag)
            return
        if tag == "form":
            self.flush()
            self.in_form += 1
            if values.get("role") == "search" or "search" in values.get("class", ""):
                self.blocks.append(self.home.search_box())
            else:
                self.home.lose(self.line(), "<form>", "a form other than the search box: left out")
            return
        if tag == "input":
            if not self.in_form and values.get("type") not in ("hidden",):
                self.home.lose(self.line(), "<input>", "a form field: left out")
            return
        heading = _HEADING.match(tag)
        if heading:
            self.flush()
            self.heading = int(heading.group(1))
            self.heading_is_card = "card-title" in values.get("class", "") or self.heading == 7
            return
        if tag in _BLOCKS:
            self.flush()
            self.list_item = tag == "li"
            return
        if self.in_form:
            return
        if tag == "a":
            self.open_marks.append(("a", len(self.inline), values.get("href", "")))
            self.inline.append("[")
        elif tag in ("b", "strong"):
            self.open_marks.append((tag, len(self.inline), ""))
            self.inline.append("**")
        elif tag in ("i", "em"):
            self.open_marks.append((tag, len(self.inline), ""))
            self.inline.append("*")
        elif tag == "br":
            self.inline.append(_BREAK)
        elif tag == "img":
            source = self.home.file_target(values.get("src", ""))
            if not source:
                message = "an image that is not a site file or an https address: left out"
                self.home.lose(self.line(), "<img>", message)
            else:
                alt = escape_markdown(values.get("alt", ""))
                self.inline.append(f"![{alt}]({source})")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in ("iframe", *_SKIPPED) and self.skipping and self.skipping[-1] == tag:
            self.skipping.pop()

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            if tag == self.skipping[-1]:
                self.skipping.pop()
            return
        if tag == "form":
            self.in_form = max(0, self.in_form - 1)
            return
        if _HEADING.match(tag):
            self.flush()
            self.heading = None
            return
        if tag in _BLOCKS:
            self.flush()
            self.list_item = False
            return
        if not self.open_marks or self.open_marks[-1][0] != tag:
            return
        _, start, href = self.open_marks.pop()
        content = "".join(self.inline[start + 1 :]).strip()
        if not content:
            del self.inline[start:]  # an icon (<i class="fa-...">) or an empty link
            return
        if tag == "a":
            target = self.home.link_target(href)
            if not target and href.strip():
                self.home.lose(self.line(), f"<a href={href!r}>", "a script link: kept as text")
            self.inline[start + 1 :] = [content]
            self.inline.append(f"]({target})" if target else "]")
            if not target:
                self.inline[start] = ""
                self.inline[-1] = ""
        else:
            mark = self.inline[start]
            self.inline[start + 1 :] = [content]
            self.inline.append(mark)

    def handle_data(self, data: str) -> None:
        if self.skipping or self.in_form:
            return
        data = data.replace(_BREAK, "")
        self.inline.append(escape_markdown(data))
        self.plain.append(data)

    def close(self) -> None:
        super().close()
        self.flush()


class _Home:
    def __init__(self, site: JekyllSite, page: JekyllPage, context: PageContext) -> None:
        self.site = site
        self.page = page
        self.context = context
        self.links = SiteLinks(site, page)
        self.first_line = page.body_line
        self.liquid = _Liquid(site, page.body_line)
        self.findings = self.liquid.findings
        self.title = " ".join(str(site.config.get("title") or "Field guide").split())

    def lose(self, line: int, source: str, message: str) -> None:
        self.liquid.lose(line, source, message)

    def link_target(self, href: str) -> str:
        href = href.strip()
        if not href or href.startswith("javascript:"):
            return ""
        if re.match(r"^(https?:|mailto:)", href, re.I) or href.startswith("#"):
            return f"<{href}>" if " " in href or ">" in href else href.replace(")", "%29")
        target = self.links.markdown_target(href)
        return (target or href).replace(" ", "%20").replace(")", "%29")

    def file_target(self, src: str) -> str:
        src = src.strip()
        if re.match(r"^https://", src):
            return src.replace(" ", "%20").replace(")", "%29")
        if not src or re.match(r"^[a-z][a-z0-9+.-]*:", src, re.I):
            return ""
        path = "/" + src.lstrip("/")
        return path.replace(" ", "%20").replace(")", "%29")

    def search_box(self) -> str:
        label = html.escape(f"Search {self.title}", quote=True)
        form = (
            '<form class="ga4gh-home-search" action="search.html" method="get" role="search">'
            f'<input type="search" name="q" placeholder="{label}" aria-label="{label}">'
            '<button type="submit">Search</button></form>'
        )
        return f"```{{raw}} html\n{form}\n```"

    def replacement(self, index: int) -> str:
        found = self.liquid.replacements[index]
        if found.kind == "tiles":
            return self.tiles(found.line)
        translation = translate(found.markup, self.context)
        for item in translation.findings:
            shifted = Finding(found.line, item.kind, item.source, item.translated, item.message)
            self.findings.append(shifted)
        return translation.text.strip()

    def sidebar(self) -> dict[str, Any] | None:
        """The sidebar the homepage's ``_config.yml`` defaults name, as in the theme."""
        name = str(self.page.value("sidebar") or "")
        chosen = self.site.sidebars.get(name) if name else None
        if chosen is None:
            chosen = self.site.sidebars.get("main")
        return chosen if isinstance(chosen, dict) else None

    def tiles(self, line: int) -> str:
        sidebar = self.sidebar()
        items = sidebar.get("subitems") if sidebar else None
        if not isinstance(items, list) or not items:
            self.lose(line, "{% for folder in sidebar.subitems %}", "no sidebar items to tile")
            return ""
        lines = ["```{container} ga4gh-home-tiles", ""]
        for item in items:
            if not isinstance(item, dict):
                continue
            title = " ".join(str(item.get("title") or "").split())
            url = str(item.get("external_url") or item.get("url") or "").strip()
            if not title:
                continue
            lines.append(f"- {self._tile_image(item, title)}**{escape_markdown(title)}**".rstrip())
            target = self.link_target(url) if url else ""
            if target:
                lines[-1] = lines[-1].replace(
                    f"**{escape_markdown(title)}**", f"[**{escape_markdown(title)}**]({target})"
                )
            description = " ".join(str(item.get("description") or "").split())
            if description:
                lines += ["", f"  {escape_markdown(description)}"]
            lines.append("")
        return "\n".join([*lines, "```"])

    def _tile_image(self, item: dict[str, Any], title: str) -> str:
        source = self.file_target(str(item.get("image_url") or ""))
        if not source:
            return ""
        return f"![{escape_markdown(title)} icon]({source})\n\n  "


def migrate_homepage(site: JekyllSite, page: JekyllPage, context: PageContext) -> HomeResult:
    """The root page's MyST text (front matter, title, blocks) for an HTML homepage."""
    home = _Home(site, page, context)
    resolved = home.liquid.resolve(page.body)
    walker = _Walker(home)
    walker.feed(resolved)
    walker.close()
    title = walker.title or home.title
    description = " ".join(str(site.config.get("description") or "").split())
    front: dict[str, str] = {"title": title}
    if description:
        front["description"] = description
    dumped = yaml.safe_dump(front, sort_keys=False, allow_unicode=True, width=1000)
    blocks = [block for block in walker.blocks if block.strip()]
    text = f"---\n{dumped}---\n\n# {escape_markdown(title)}\n\n" + "\n\n".join(blocks) + "\n"
    home.findings.sort(key=lambda found: found.line)
    return HomeResult(text, home.findings)
