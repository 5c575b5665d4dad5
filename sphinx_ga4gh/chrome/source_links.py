"""Edit / report-an-issue / history links of a page, on GitHub or GitLab.

The ELIXIR toolkit theme's ``github-buttons.html``: ``{repo}/blob/{branch}/{path}`` to propose
changes, ``{repo}/issues/new?title=…&body=…`` to report an issue and
``{repo}/commits/{branch}/{path}`` for the history; GitLab writes ``/-/blob/``, ``/-/issues/new``
and ``/-/commits/``. A page's front matter ``github:`` (``repository_url``, ``branch``,
``file_path``) overrides the site's values, as in the theme.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from urllib.parse import quote, urlencode, urlsplit

from ..data.urls import is_safe_url

BUTTONS = ("edit", "issue", "history")
_LABELS = {
    "edit": "Propose changes",
    "issue": "Report an issue",
    "history": "Page history",
}


def repository_url(value: str) -> str:
    """``owner/name`` (GitHub's short form in ``_config.yml``) or a full URL, as a URL; empty
    when it is neither or not a safe URL."""
    value = value.strip().rstrip("/")
    if value.endswith(".git"):
        value = value[:-4]
    if value and "://" not in value and value.count("/") >= 1 and " " not in value:
        value = f"https://github.com/{value}"
    return value if is_safe_url(value) else ""


def is_gitlab(url: str) -> bool:
    return "gitlab" in urlsplit(url).netloc.lower()


@dataclass(frozen=True)
class SourceLinks:
    edit: str
    issue: str
    history: str


def source_links(repository: str, branch: str, path: str, title: str, url: str) -> SourceLinks:
    """The three URLs for the file ``path`` of ``repository`` (a URL) at ``branch``."""
    dash = "/-" if is_gitlab(repository) else ""
    quoted_path = quote(path.lstrip("/"))
    quoted_branch = quote(branch, safe="")
    query = urlencode(
        {
            "title": f"Issue on page: {title}",
            "body": f"I would like to report an issue on the {title} page at `{url}`. "
            "Description of the issue:",
        }
    )
    return SourceLinks(
        edit=f"{repository}{dash}/blob/{quoted_branch}/{quoted_path}",
        issue=f"{repository}{dash}/issues/new?{query}",
        history=f"{repository}{dash}/commits/{quoted_branch}/{quoted_path}",
    )


def source_links_html(links: SourceLinks, buttons: list[str]) -> str:
    host = "GitLab" if is_gitlab(links.edit) else "GitHub"
    items = []
    for name in BUTTONS:
        if name not in buttons:
            continue
        href = getattr(links, name)
        label = _LABELS[name]
        items.append(
            f'<a class="ga4gh-source-link ga4gh-source-{name}" href="{escape(href)}" '
            f'title="{escape(label)} on {host}" rel="noopener">{escape(label)}</a>'
        )
    if not items:
        return ""
    return f'<div class="ga4gh-source-links">{"".join(items)}</div>'
