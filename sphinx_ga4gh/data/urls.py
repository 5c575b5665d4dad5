"""Which URLs from data files may become links."""

from __future__ import annotations

from urllib.parse import urlsplit

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})


def is_safe_url(url: str) -> bool:
    """True for absolute http(s) and mailto URLs: the only ones emitted as links.

    Anything else (``javascript:``, ``data:``, a bare word) could run code or silently break,
    so it is reported and shown as text.
    """
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    if parts.scheme.lower() not in SAFE_SCHEMES:
        return False
    return bool(parts.path) if parts.scheme.lower() == "mailto" else bool(parts.netloc)


def is_safe_image_url(url: str) -> bool:
    """Images may also be site-relative paths (``/images/logo.png``, ``images/logo.png``)."""
    stripped = url.strip()
    if not stripped:
        return False
    scheme = urlsplit(stripped).scheme.lower()
    if scheme:
        return scheme in {"http", "https"} and is_safe_url(stripped)
    return not stripped.startswith("//")
