"""HTML of the footer and the top navigation, every site value escaped.

Shapes follow the ELIXIR toolkit theme's ``footer.html`` and ``topnav.html``; dropdowns are
``<details>`` elements, which need no script and work under every theme.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from .data import Footer, FooterColumn, Link, TopNav
from .markup import markdown_html

#: A link as written (site URL, external URL) → the href for the page being written, or None.
Href = Callable[[str, str], str | None]
#: Does this link lead to the page being written?
IsCurrent = Callable[[Link], bool]


def _anchor(link: Link, href: Href, classes: str = "", current: bool = False) -> str:
    target = href(link.url, link.external_url)
    text = escape(link.text or link.external_url or link.url)
    if target is None:
        return f'<span class="{classes}">{text}</span>' if classes else text
    attributes = f' class="{classes}{" active" if current else ""}"' if classes else ""
    if current:
        attributes += ' aria-current="page"'
    if link.external_url:
        attributes += ' target="_blank" rel="noopener"'
    return f'<a{attributes} href="{escape(target)}">{text}</a>'


def _column(column: FooterColumn, href: Href) -> str:
    style = f' data-width="{escape(column.width)}"' if column.width else ""
    parts = [f'<div class="ga4gh-footer-column ga4gh-footer-{column.kind}"{style}>']
    if column.kind == "image":
        src = href(column.src, "") if column.src else None
        if src is not None:
            width = f' width="{escape(column.image_width)}"' if column.image_width else ""
            parts.append(f'<img src="{escape(src)}" alt="{escape(column.alt)}"{width}>')
    elif column.kind == "links":
        if column.title:
            parts.append(f'<span class="ga4gh-footer-title">{escape(column.title)}</span>')
        parts.append("<ul>")
        parts += [f"<li>{_anchor(link, href)}</li>" for link in column.links]
        parts.append("</ul>")
    else:
        parts.append(markdown_html(column.content, lambda url: href(url, "")))
    parts.append("</div>")
    return "".join(parts)


def footer_html(footer: Footer, href: Href) -> str:
    if not footer:
        return ""
    parts = ['<div class="ga4gh-site-footer" id="ga4gh-footer">']
    if footer.columns:
        parts.append('<div class="ga4gh-footer-columns">')
        parts += [_column(column, href) for column in footer.columns]
        parts.append("</div>")
    resolve = lambda url: href(url, "")  # noqa: E731
    if footer.extra_line:
        text = markdown_html(footer.extra_line, resolve, inline_only=True)
        parts.append(f'<p class="ga4gh-footer-extra">{text}</p>')
    if footer.copyright:
        text = markdown_html(footer.copyright, resolve, inline_only=True)
        parts.append(f'<p class="ga4gh-footer-copyright">{text}</p>')
    parts.append("</div>")
    return "".join(parts)


def topnav_html(topnav: TopNav, href: Href, is_current: IsCurrent) -> str:
    if not topnav.items:
        return ""
    parts = ['<nav class="ga4gh-topnav" aria-label="Site navigation"><ul>']
    for item in topnav.items:
        if item.children:
            current = any(is_current(child) for child in item.children)
            marker = ' class="active"' if current else ""
            parts.append(
                f'<li class="ga4gh-topnav-dropdown"><details><summary{marker}>'
                f"{escape(item.text)}</summary><ul>"
            )
            for child in item.children:
                if child.separator:
                    parts.append('<li class="ga4gh-topnav-separator" role="separator"></li>')
                else:
                    link = _anchor(child, href, "ga4gh-topnav-link", is_current(child))
                    parts.append(f"<li>{link}</li>")
            parts.append("</ul></details></li>")
        elif not item.separator:
            link = _anchor(item, href, "ga4gh-topnav-link", is_current(item))
            parts.append(f"<li>{link}</li>")
    parts.append("</ul></nav>")
    return "".join(parts)
