"""The footer and top navigation rendered once per build; each page fills in its own hrefs.

Their markup is the same on every page but for the links' relative URLs (``../about.html``
from a page one folder down) and, in the top navigation, the marks of the page's own link.
So they are rendered once with a placeholder for every href (what the link points at is
resolved then, once), and each page only puts its relative URLs in. A page that one of the
top navigation's links leads to is rendered whole, as before (a handful of pages).

Site text cannot forge a placeholder: when the once-rendered markup holds a NUL character
that is not one of ours, nothing is cached and every page renders the markup itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from .render import Href
from .site_links import Target

#: A placeholder: NUL, the link's number, NUL (markup escaping leaves NUL alone).
_PLACEHOLDER = re.compile("\x00([0-9]+)\x00")

#: What a link points at → its href from the page being written.
TargetHref = Callable[[Target], str]
#: A link as written (site URL, external URL) → what it points at, or None (not linked).
Resolve = Callable[[str, str], Target | None]


@dataclass(frozen=True)
class Prerendered:
    """Markup with ``\\0n\\0`` where the n-th link's (escaped) href goes."""

    markup: str
    targets: tuple[Target, ...]

    def fill(self, href: TargetHref) -> str:
        """The markup of one page: every placeholder replaced by its escaped href."""
        if not self.targets:
            return self.markup
        hrefs = [escape(href(target)) for target in self.targets]
        return _PLACEHOLDER.sub(lambda found: hrefs[int(found.group(1))], self.markup)


def prerender(render: Callable[[Href], str], resolve: Resolve) -> Prerendered | None:
    """``render`` called once with an href function that gives placeholders; None when the
    result cannot be filled in safely (site text with NUL characters)."""
    targets: list[Target] = []

    def placeholder(url: str, external_url: str) -> str | None:
        target = resolve(url, external_url)
        if target is None:
            return None
        targets.append(target)
        return f"\x00{len(targets) - 1}\x00"

    markup = render(placeholder)
    found = [int(number) for number in _PLACEHOLDER.findall(markup)]
    if sorted(found) != list(range(len(targets))) or markup.count("\x00") != 2 * len(targets):
        return None
    return Prerendered(markup, tuple(targets))
