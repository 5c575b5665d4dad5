"""Site links in the Markdown of data files (``_data/news.yml``, ``_data/events.yml``).

The theme writes a news item's description as the site's own URLs (``[about](/about/)``,
``/national-resources/sweden``, ``about/media-kit``): Jekyll serves them from the site's root,
whatever page shows the item. myst-parser reads them as links to documents relative to the page
and cannot find most of them. Here they go where the footer's links go
(:mod:`sphinx_ga4gh.chrome.site_links`): to the migrated page that had that URL. A link that is
no page of the site is one ``ga4gh.data`` warning at its line of the data file (however many
pages show the item), and its text stays, unlinked. Links myst-parser resolved itself (a file
of the site, which it copies as a download) and external URLs are left as they are.

The links are noted as the page is read; the warning is given once all pages are read
(``env-check-consistency``), and the links are made when the page is written, before
myst-parser's resolver sees them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..chrome.site_links import page_for_url
from ..domain import get_domain, internal_link
from ..reporting import warn

#: The attribute of a link node that came from a data file: ``path:line`` of the link there.
DATA_LINK_ATTRIBUTE = "ga4gh_data_link"
#: Where the noted links of each page are kept in the environment.
_ENV_ATTRIBUTE = "ga4gh_data_links"


class DataLink(NamedTuple):
    """A link in a data file: where it is (``path:line``), what it says, and who shows it."""

    location: str
    target: str
    directive: str


def _noted(env: BuildEnvironment) -> dict[str, list[DataLink]]:
    noted: dict[str, list[DataLink]] | None = getattr(env, _ENV_ATTRIBUTE, None)
    if noted is None:
        noted = {}
        setattr(env, _ENV_ATTRIBUTE, noted)
    return noted


def _file_lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeError):
        return []


def _link_line(lines: list[str], first_line: int, target: str) -> int:
    """The line of the data file, from the item's key on, whose text has the link."""
    for number in range(first_line, min(len(lines), first_line + 200) + 1):
        if f"({target}" in lines[number - 1]:
            return number
    return first_line


def note_data_links(
    env: BuildEnvironment, parsed: list[nodes.Node], relpath: str, line: int, directive: str
) -> None:
    """Mark the links myst-parser left unresolved in Markdown read from ``relpath`` (the item's
    text starts at ``line``), and note them for the page being read."""
    path = Path(env.srcdir) / relpath
    lines: list[str] | None = None  # the file, read once and only when a link needs its line
    for node in parsed:
        if not isinstance(node, nodes.Element):
            continue
        for ref in node.findall(pending_xref):
            if ref.get("reftype") != "myst" or ref.get("refdomain"):
                continue  # myst-parser found the document itself
            target = str(ref.get("reftarget", ""))
            if lines is None:
                lines = _file_lines(path)
            location = f"{path}:{_link_line(lines, line, target)}"
            ref[DATA_LINK_ATTRIBUTE] = location
            link = DataLink(location, target, directive)
            _noted(env).setdefault(env.current_document.docname, []).append(link)
            get_domain(env).note_placeholder(env.current_document.docname, pending_xref)


def _page_of(env: BuildEnvironment, target: str) -> tuple[str, str] | None:
    """The migrated page a data file's link names, as the footer finds it (a site URL)."""
    return page_for_url(env, target) if target and not target.startswith("#") else None


def _is_label(env: BuildEnvironment, target: str) -> bool:
    """Whether myst-parser resolves the target itself, as a label of the project."""
    std = env.domains.standard_domain
    return target in std.labels or target in std.anonlabels


def warn_unresolved_data_links(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-check-consistency``: one warning per link of a data file that is no page."""
    seen: set[DataLink] = set()
    for docname in sorted(_noted(env)):
        for link in _noted(env)[docname]:
            if link in seen:
                continue
            seen.add(link)
            if _page_of(env, link.target) is None and not _is_label(env, link.target):
                warn(
                    f"{link.directive}: link {link.target!r} is no page of the site; "
                    "its text is shown without a link",
                    "data",
                    link.location,
                )


class ResolveDataLinks(SphinxPostTransform):
    """Make the data files' links before the page-id links (8) and myst-parser's resolver (9):
    to the page of that URL, or, when there is none, their text without a link."""

    default_priority = 7

    def run(self, **kwargs: Any) -> None:
        # the data files' links, noted when the page was read
        if not get_domain(self.env).may_hold_placeholder(pending_xref):
            return
        for ref in list(self.document.findall(pending_xref)):
            if not ref.get(DATA_LINK_ATTRIBUTE) or ref.get("reftype") != "myst":
                continue
            target = str(ref.get("reftarget", ""))
            page = _page_of(self.env, target)
            if page is not None:
                docname, fragment = page
                # one node in the link: the resolver keeps only the first
                content = ref.children[0] if len(ref.children) == 1 else None
                if content is None:
                    content = nodes.inline("", "", *ref.children)
                ref.replace_self(internal_link(docname, fragment, content))
            elif not _is_label(self.env, target):
                ref.replace_self(ref.children)  # warned once, at the consistency check


def _purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    _noted(env).pop(docname, None)


def _merge(app: Sphinx, env: BuildEnvironment, docnames: set[str], other: Any) -> None:
    theirs = _noted(other)
    for docname in docnames:
        if docname in theirs:
            _noted(env)[docname] = theirs[docname]


def setup_data_links(app: Sphinx) -> None:
    app.add_post_transform(ResolveDataLinks)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("env-check-consistency", warn_unresolved_data_links)
