"""The redirecting pages of ``redirect_from`` front matter (jekyll-redirect-from).

Not sphinx-reredirects or sphinxext-rediraffe: both take their redirects from one mapping in
conf.py, read before any page; the old paths here are each page's own front matter, and a
page moved or edited must move its redirects in the same build, incremental or not. The
environment holds every page's front matter after any build, so all redirects are written
every time (a few small files).
"""

from __future__ import annotations

import posixpath
from html import escape
from pathlib import Path, PurePosixPath

from sphinx.application import Sphinx

from ..reporting import warn
from .front_matter import redirect_from
from .meta import absolute_url, json_for_script

REDIRECT_PAGE = """<!DOCTYPE html>
<html lang="en-US">
<meta charset="utf-8">
<title>Redirecting…</title>
{canonical}<meta http-equiv="refresh" content="0; url={href}">
<meta name="robots" content="noindex">
<h1>Redirecting…</h1>
<a href="{href}">Click here if you are not redirected.</a>
<script>location = {script_href};</script>
</html>
"""


def redirect_file(old_path: str) -> str | None:
    """The output file Jekyll wrote for an old URL path (``/a/`` → ``a/index.html``, ``/a``
    → ``a.html``, ``/a.html`` as it is); None for a path out of the site."""
    path = old_path.split("#", 1)[0].split("?", 1)[0].strip()
    if "://" in path or path.startswith("//") or "\\" in path:
        return None
    parts = [part for part in path.split("/") if part not in ("", ".")]
    if not parts or ".." in parts:
        return None
    relative = "/".join(parts)
    if path.endswith("/"):
        return relative + "/index.html"
    if PurePosixPath(relative).suffix in (".html", ".htm"):
        return relative
    return relative + ".html"


def _line(app: Sphinx, docname: str, old: str) -> int:
    """The line of the page's front matter naming ``old`` (else its ``redirect_from:``)."""
    try:
        lines = app.env.doc2path(docname).read_text("utf-8", errors="replace").splitlines()
    except OSError:
        return 1
    start = next((n for n, line in enumerate(lines) if line.startswith("redirect_from")), 0)
    for number in range(start, min(len(lines), start + 200)):
        if old in lines[number]:
            return number + 1
    return start + 1


def redirects(app: Sphinx) -> dict[str, str]:
    """Output file → docname of the page it leads to; each problem a ``ga4gh.page`` warning
    at the page (an old path that is another page's, or two pages claiming one)."""
    env = app.env
    pages = {app.builder.get_target_uri(docname): docname for docname in env.found_docs}
    found: dict[str, str] = {}
    for docname in sorted(env.found_docs):
        for old in redirect_from(env, docname):
            target = redirect_file(old)
            if target is None:
                warn(
                    f"redirect_from {old!r}: not a path of this site; no redirect",
                    "page",
                    (docname, _line(app, docname, old)),
                )
            elif target in pages or target.removesuffix("index.html") in pages:
                warn(
                    f"redirect_from {old!r}: page {pages.get(target, target)!r} is at that "
                    "path; no redirect",
                    "page",
                    (docname, _line(app, docname, old)),
                )
            elif target in found and found[target] != docname:
                warn(
                    f"redirect_from {old!r}: page {found[target]!r} redirects from it "
                    "too; it leads there",
                    "page",
                    (docname, _line(app, docname, old)),
                )
            else:
                found.setdefault(target, docname)
    return found


def write_redirects(app: Sphinx, exception: BaseException | None) -> None:
    if exception is not None or app.builder.name not in ("html", "dirhtml"):
        return
    if not app.config.ga4gh_redirects:
        return
    out = Path(app.outdir)
    for target, docname in redirects(app).items():
        uri = app.builder.get_target_uri(docname)
        href = posixpath.relpath(uri or "index.html", posixpath.dirname(target) or ".")
        if uri.endswith("/") and not href.endswith("/"):
            href += "/"
        canonical = absolute_url(app, uri)
        page = REDIRECT_PAGE.format(
            canonical=f'<link rel="canonical" href="{escape(canonical, quote=True)}">\n'
            if canonical
            else "",
            href=escape(href, quote=True),
            script_href=json_for_script(href),
        )
        path = out / target
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page, encoding="utf-8")
