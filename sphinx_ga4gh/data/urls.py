"""Which URLs from site content may become links or images: one rule for the whole package.

Site content (data files, front matter, BibTeX) is untrusted. A value becomes a link only when
it is an absolute ``http(s)`` or ``mailto`` URL, and an image only when it is an ``http(s)`` URL
or a path of the site; anything else is reported and shown as text (or left out). The check is
made on the URL as a browser reads it (:func:`browser_form`), so ``JaVaScRiPt:``, a control
character or space before it, a tab inside ``java\tscript:``, and ``\\evil.example`` (which a
browser reads as ``//evil.example``, another host) are all caught.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
#: Schemes whose links run code or show made-up pages: never linked, whatever the source.
DANGEROUS_SCHEMES = frozenset({"javascript", "vbscript", "data"})

#: What a browser drops before reading a URL: C0 controls and spaces around it…
_AROUND = "".join(chr(code) for code in range(0x21))
#: …and tabs and newlines anywhere in it (WHATWG URL parsing).
_INSIDE = re.compile(r"[\t\n\r]")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
#: Never in a path of the site; markup characters and invisible controls.
_NOT_IN_SITE_PATH = re.compile(r"[\x00-\x1f\x7f<>\"`\\]")


def browser_form(url: str) -> str:
    """``url`` as a browser parses it: controls and spaces around it and tabs and newlines in
    it dropped, backslashes read as slashes (as in ``http(s)`` pages)."""
    return _INSIDE.sub("", url.strip(_AROUND)).replace("\\", "/")


def url_scheme(url: str) -> str:
    """The scheme a browser sees (lower case), or empty for a relative URL."""
    match = _SCHEME.match(browser_form(url))
    return match.group(1).lower() if match else ""


def is_dangerous_url(url: str) -> bool:
    """A ``javascript:``, ``vbscript:`` or ``data:`` URL in any spelling a browser accepts."""
    return url_scheme(url) in DANGEROUS_SCHEMES


def is_safe_url(url: str) -> bool:
    """True for absolute http(s) and mailto URLs: the only ones emitted as links.

    Anything else (``javascript:``, ``data:``, a bare word) could run code or silently break,
    so it is reported and shown as text.
    """
    stripped = url.strip()
    if not stripped or stripped != stripped.strip(_AROUND) or "\\" in stripped:
        return False
    try:
        parts = urlsplit(stripped)
    except ValueError:
        return False
    scheme = parts.scheme.lower()
    if scheme not in SAFE_SCHEMES or url_scheme(stripped) != scheme:
        return False
    return bool(parts.path) if scheme == "mailto" else bool(parts.netloc)


def is_site_path(url: str) -> bool:
    """A path of the site (``/images/logo.png``, ``images/logo.png``): no scheme, no other
    host (``//host``, ``\\\\host``, ``/\\host``, ``/<tab>/host``), nothing a path never holds."""
    stripped = url.strip()
    if not stripped or _NOT_IN_SITE_PATH.search(stripped):
        return False
    return not url_scheme(stripped) and not browser_form(stripped).startswith("//")


def is_safe_image_url(url: str) -> bool:
    """Images may be http(s) URLs or paths of the site."""
    scheme = url_scheme(url)
    if scheme:
        return scheme in {"http", "https"} and is_safe_url(url)
    return is_site_path(url)
