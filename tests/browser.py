"""Serving built sites on localhost and driving Debian's Chromium with Playwright.

Every request that leaves localhost fails the test, except images that the site's own data names
(GitHub avatars of contributors, logos by URL): those are content, answered by a local stand-in.
"""

from __future__ import annotations

import functools
import os
import re
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

CHROMIUM = Path("/usr/bin/chromium")
#: Flags for a sandboxed, offline machine (no background connections to Google's hosts).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
#: A 1x1 transparent PNG: what data-named images get instead of the network.
STAND_IN_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)
LOCAL_HOSTS = {"127.0.0.1", "localhost"}


def require_chromium() -> None:
    """Browser tests need Debian's chromium; CI installs it and insists on it (and skips them
    in its second run, with the oldest supported versions: SPHINX_GA4GH_BROWSER=skip)."""
    if os.environ.get("SPHINX_GA4GH_BROWSER") == "skip":
        pytest.skip("browser tests skipped (SPHINX_GA4GH_BROWSER=skip)")
    if CHROMIUM.is_file():
        return
    message = "Debian's chromium is not installed (apt-get install chromium)"
    if os.environ.get("SPHINX_GA4GH_BROWSER") == "required":
        pytest.fail(message)
    pytest.skip(message)


def data_image_urls(srcdir: Path) -> set[str]:
    """Image URLs that the site's data files name: contributors' GitHub avatars, logo URLs."""
    urls: set[str] = set()
    for path in (srcdir / "_data").glob("*.yml"):
        text = path.read_text("utf-8")
        urls |= set(re.findall(r"image_url:\s*[\"']?(https?://\S+?)[\"']?\s*$", text, re.M))
        urls |= {f"https://github.com/{name}.png" for name in re.findall(r"git:\s*(\S+)", text)}
    return urls


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@dataclass
class Site:
    """A built site served on localhost."""

    root: Path
    url: str
    server: ThreadingHTTPServer

    def page(self, docname: str) -> str:
        return f"{self.url}/{docname}.html"


def build_html(source: Path, outdir: Path, theme: str, *settings: str) -> None:
    """``sphinx-build -b html`` of ``source`` under ``theme``, with ``-D`` ``settings``, in
    its own process (as a user runs it: no state shared with the test session)."""
    command = [sys.executable, "-m", "sphinx", "-q", "-b", "html", "-D", f"html_theme={theme}"]
    options = [part for setting in settings for part in ("-D", setting)]
    subprocess.run([*command, *options, str(source), str(outdir)], check=True, capture_output=True)


def serve(root: Path) -> Site:
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return Site(root, f"http://127.0.0.1:{server.server_address[1]}", server)


@dataclass
class Watch:
    """What a page did that a test must fail on: console errors, requests off this machine."""

    console_errors: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    stand_ins: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        assert self.foreign_requests == [], self.foreign_requests
        assert self.console_errors == [], self.console_errors


def watched_page(
    context: Any, allowed_images: set[str] | Callable[[str], bool]
) -> tuple[Any, Watch]:
    """A new page whose console errors and non-local requests are recorded (and blocked);
    ``allowed_images`` (URLs, or a test of one) get the stand-in image."""
    watch = Watch()
    allowed = allowed_images.__contains__ if isinstance(allowed_images, set) else allowed_images

    def route(route: Any) -> None:
        url = route.request.url
        host = urlsplit(url).hostname or ""
        if host in LOCAL_HOSTS or url.startswith(("data:", "blob:", "about:")):
            route.continue_()
        elif allowed(url.split("?", 1)[0]):
            watch.stand_ins.append(url)
            route.fulfill(status=200, content_type="image/png", body=STAND_IN_PNG)
        else:
            watch.foreign_requests.append(url)
            route.abort()

    page = context.new_page()
    page.route("**/*", route)
    page.on(
        "console",
        lambda message: (
            watch.console_errors.append(message.text) if message.type == "error" else None
        ),
    )
    page.on("pageerror", lambda error: watch.console_errors.append(str(error)))
    return page, watch


@functools.cache
def _playwright() -> Any:
    from playwright.sync_api import sync_playwright

    return sync_playwright().start()


def launch() -> Iterator[Any]:
    require_chromium()
    browser = _playwright().chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )
    try:
        yield browser
    finally:
        browser.close()
