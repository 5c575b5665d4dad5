"""Site URLs of a Jekyll page, rewritten for its place in the Sphinx project.

Jekyll resolves a relative link against the page's URL (``/beacon``), not its source file, so
``../../images/x.png`` written in ``pages/a/b.md`` means ``/images/x.png``. The migration keeps
every page at its URL, so most links keep working; the ones that would not are rewritten:

- to a page: its ``page_id`` (how field guides link) or the relative ``.md`` path with its anchor;
- to a published file: ``/images/x.png``, which Sphinx reads from the project's root.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote

from ..text.liquid import LinkResolver
from ..text.raw_html import NOT_MIGRATED_CLASS
from ..text.scanner import Fences
from .jekyll import JekyllPage, JekyllSite

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
#: ``](dest`` of inline links and images, and ``[label]: dest`` definitions.
_DESTINATION = re.compile(r"(\]\(\s*)(<[^>\n]*>|[^)\s]+)|^( {0,3}\[[^\]\n]+\]:[ \t]*)(\S+)", re.M)


class SiteLinks(LinkResolver):
    """Resolves site URLs for one page of a Jekyll site being migrated."""

    def __init__(self, site: JekyllSite, page: JekyllPage) -> None:
        self.site = site
        self.page = page
        self.static = set(site.static_files)
        self.page_ids = {
            str(other.front_matter["page_id"]): other
            for other in site.pages
            if other.front_matter.get("page_id")
        }

    def _absolute(self, url: str) -> tuple[str, str]:
        """``url`` resolved against the page's URL: (site path, ``#fragment`` or "")."""
        path, hash_, fragment = url.partition("#")
        path = unquote(path.split("?", 1)[0])
        base = self.page.url if self.page.url.endswith("/") else posixpath.dirname(self.page.url)
        joined = posixpath.normpath(posixpath.join(base or "/", path)) if path else self.page.url
        # Jekyll's server (like any) clamps ../ at the site's root.
        joined = "/" + joined.lstrip("/").lstrip("./")
        while joined.startswith("/../"):
            joined = joined[3:]
        return joined, hash_ + fragment

    def _relative_to_page(self, target: str) -> str:
        start = posixpath.dirname(self.page.docname) or "."
        return posixpath.relpath(target, start)

    def _target(self, url: str) -> tuple[JekyllPage | None, str, str] | None:
        """(page, site path, fragment) of a site URL; None for another site's or a bare anchor."""
        if _SCHEME.match(url) or url.startswith("#"):
            return None
        path, fragment = self._absolute(url)
        return self.site.page_by_url(path), path, fragment

    def markdown_target(self, url: str) -> str | None:
        found = self._target(url)
        if found is None:
            return None
        target, path, fragment = found
        if target is not None:
            page_id = str(target.front_matter.get("page_id") or "")
            if page_id and not fragment and self.page_ids.get(page_id) is target:
                return page_id
            return self._relative_to_page(target.docname + ".md") + fragment
        return path + fragment if path.lstrip("/") in self.static else None

    def html_target(self, url: str) -> str | None:
        found = self._target(url)
        if found is None:
            return None
        target, path, fragment = found
        if target is not None:
            return self._relative_to_page(target.docname + ".html") + fragment
        if path.lstrip("/") in self.static:
            return self._relative_to_page(path.lstrip("/")) + fragment
        return None

    def page_for_file(self, path: str) -> str | None:
        wanted = path.strip().strip("'\"").lstrip("/")
        for page in self.site.pages:
            if page.relpath == wanted:
                return page.url
        return "/" + wanted if wanted in self.static else None

    def docname_for_filename(self, filename: str) -> str | None:
        for page in self.site.pages:
            if page.basename == filename:
                return page.docname
        return None

    def resolves_as_written(self, destination: str) -> bool:
        """Does MyST find this link as it stands (a page_id, or a file next to the page)?"""
        path = unquote(destination.split("#", 1)[0])
        if destination.startswith("#") or _SCHEME.match(destination) or not path:
            return True
        if path in self.page_ids:
            return True
        if path.startswith("/"):
            return False
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(self.page.docname), path))
        return resolved in self.static or any(
            resolved == page.docname + ".md" for page in self.site.pages
        )


#: An untranslated tag shown inline as "not migrated" code (``text.liquid``): the original
#: text, which stays as it was written.
_NOT_MIGRATED_INLINE = re.compile(
    r"(?<!`)(`+)(?!`).*?(?<!`)\1\{\." + re.escape(NOT_MIGRATED_CLASS) + r"\}", re.S
)


def rewrite_links(text: str, links: SiteLinks) -> tuple[str, int]:
    """Markdown link and image destinations that MyST would not find, pointed at their page or
    file; code blocks and the "not migrated" code of untranslated tags are left alone. Returns
    the text and how many links changed."""
    fences = Fences(text)
    kept = (
        [match.span() for match in _NOT_MIGRATED_INLINE.finditer(text)]
        if NOT_MIGRATED_CLASS in text
        else []
    )
    changed = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal changed
        if fences.contains(match.start()) or any(a <= match.start() < b for a, b in kept):
            return match.group()
        lead = match.group(1) if match.group(1) is not None else match.group(3)
        destination = match.group(2) if match.group(2) is not None else match.group(4)
        bracketed = destination.startswith("<") and destination.endswith(">")
        bare = destination[1:-1] if bracketed else destination
        if links.resolves_as_written(bare):
            return match.group()
        target = links.markdown_target(bare)
        if target is None or target == bare:
            return match.group()
        changed += 1
        return lead + (f"<{target}>" if bracketed or " " in target else target)

    return _DESTINATION.sub(replace, text), changed
