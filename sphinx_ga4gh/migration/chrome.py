"""The conf.py lines for the site around the pages: footer, top navigation, logo, repository,
colours, favicon, web manifest, fonts and scripts, and ``author`` / ``copyright``.

Values come from ``_config.yml`` (``repository``, ``github.repository_url``,
``github.source.branch``, ``topnav_title``, ``theme_variables``), the site's files
(``assets/img/favicon.ico``, ``assets/img/site.webmanifest``, ``assets/js/custom.js``) and
``_sass/_bootstrap_variables.scss`` (``$primary``, ``$secondary``, ``$link-color``). SCSS the
build cannot carry (the custom classes and variables) is listed in the report.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..chrome.branding import COLOR_NAMES, brand_colors
from ..data.urls import is_safe_url
from ..text.liquid import Finding
from .jekyll import JekyllSite

BOOTSTRAP_VARIABLES = "_sass/_bootstrap_variables.scss"
CUSTOM_SCSS = ("_sass/_custom_classes.scss", "_sass/_custom_variables.scss")
#: The SCSS variable each colour is read from (first found wins).
SCSS_COLORS = {
    "primary": ("primary",),
    "secondary": ("secondary",),
    "link": ("link-color", "primary"),
}
DEFAULT_LOGO = "assets/img/main_logo.svg"
FAVICON = "assets/img/favicon.ico"
#: The icons the ELIXIR toolkit theme's head.html links besides the favicon.
FAVICONS = (
    "assets/img/apple-touch-icon.png",
    "assets/img/favicon-32x32.png",
    "assets/img/favicon-16x16.png",
)
WEB_MANIFEST = "assets/img/site.webmanifest"
SITE_JS = "assets/js/custom.js"
_COMMENTS = re.compile(r"/\*.*?\*/|//[^\n]*", re.S)
_VARIABLE = re.compile(r"^\s*\$([\w-]+)\s*:\s*([^;]+?)\s*(?:!default)?\s*;", re.M)


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _text(value: Any) -> str:
    return " ".join(str(value).split()) if isinstance(value, (str, int, float)) else ""


def scss_variables(text: str) -> dict[str, str]:
    """``$name: value;`` of an SCSS file, ``$other`` references resolved."""
    found = {name: value for name, value in _VARIABLE.findall(_COMMENTS.sub("", text))}
    for _ in range(10):  # chains of references, a few deep at most
        for name, value in found.items():
            if value.startswith("$") and value[1:] in found:
                found[name] = found[value[1:]]
    return found


def site_colors(site: JekyllSite) -> tuple[dict[str, str], list[str]]:
    """The colours, and the SCSS variables of the Bootstrap file that are not carried."""
    path = site.root / BOOTSTRAP_VARIABLES
    variables: dict[str, str] = {}
    if path.is_file():
        try:
            variables = scss_variables(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            variables = {}
    wanted: dict[str, str] = {}
    for name, sources in SCSS_COLORS.items():
        value = next((variables[source] for source in sources if source in variables), "")
        if value:
            wanted[name] = value
    theme_color = _text(_mapping(site.config.get("theme_variables")).get("theme_color"))
    if "primary" not in wanted and re.fullmatch(r"[0-9a-fA-F]{3,8}", theme_color):
        wanted["primary"] = "#" + theme_color
    colors, _ = brand_colors(wanted)
    used = {source for sources in SCSS_COLORS.values() for source in sources}
    skipped = sorted(name for name in variables if name not in used)
    return {name: colors[name] for name in COLOR_NAMES if name in colors}, skipped


_ORIGIN = re.compile(r'\[remote "origin"\][^\[]*?^\s*url\s*=\s*(\S+)', re.M)
_SSH_REMOTE = re.compile(r"git@([\w.-]+):([\w.-]+/[\w.-]+?)(?:\.git)?$")


def git_origin(root: Path) -> tuple[str, str]:
    """The repository and branch jekyll-github-metadata would find: the clone's ``origin``
    remote (an https or ``git@host:owner/name`` URL) and checked-out branch; empty if none."""
    try:
        config = (root / ".git" / "config").read_text(encoding="utf-8")
        head = (root / ".git" / "HEAD").read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return "", ""
    match = _ORIGIN.search(config)
    url = match.group(1) if match else ""
    ssh = _SSH_REMOTE.match(url)
    if ssh:
        url = f"https://{ssh.group(1)}/{ssh.group(2)}"
    if not is_safe_url(url):
        return "", ""
    branch = head.removeprefix("ref: refs/heads/") if head.startswith("ref: ") else ""
    return url.removesuffix(".git"), branch


def repository(config: dict[str, Any]) -> str:
    github = _mapping(config.get("github"))
    return _text(github.get("repository_url")) or _text(config.get("repository"))


def _branch(config: dict[str, Any]) -> str:
    return _text(_mapping(_mapping(config.get("github")).get("source")).get("branch"))


def _uses_github_metadata(config: dict[str, Any]) -> bool:
    plugins = config.get("plugins")
    return isinstance(plugins, list) and "jekyll-github-metadata" in plugins


def _author(config: dict[str, Any], title: str) -> str:
    author = config.get("author")
    if isinstance(author, dict):
        author = author.get("name")
    return _text(author) or f"{title} contributors"


def _has(site: JekyllSite, relpath: str) -> bool:
    return relpath in site.static_files or relpath in site.data_files


def _scss_has_rules(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return bool(_COMMENTS.sub("", text).strip())


def chrome_conf(site: JekyllSite, title: str) -> tuple[list[str], list[tuple[str, Finding]]]:
    """conf.py lines and report findings for the site chrome."""
    config = site.config
    variables = _mapping(config.get("theme_variables"))
    topnav = _mapping(variables.get("topnav"))
    lines = [
        "# The site around the pages: footer, top navigation, logo, repository links, colours.",
        f"author = {_author(config, title)!r}",
        f"copyright = {_text(config.get('copyright')) or _author(config, title)!r}",
    ]
    findings: list[tuple[str, Finding]] = []
    for option, relpath in (
        ("ga4gh_footer", "_data/footer.yml"),
        ("ga4gh_topnav", "_data/topnav.yml"),
    ):
        if _has(site, relpath):
            lines.append(f"{option} = {relpath!r}")
    logo = _text(topnav.get("brand_logo")) or DEFAULT_LOGO
    if _has(site, logo.lstrip("/")):
        lines.append(f"html_logo = {logo.lstrip('/')!r}")
    topnav_title = _text(config.get("topnav_title"))
    if topnav_title:
        lines.append(f"ga4gh_topnav_title = {topnav_title!r}")
    repo, branch = repository(config), _branch(config)
    if not repo and _uses_github_metadata(config):
        repo, origin_branch = git_origin(site.root)
        branch = branch or origin_branch
        if not repo:
            message = (
                "the site names its repository through jekyll-github-metadata (the GitHub "
                "Pages build), which migrate cannot see: set ga4gh_repository in conf.py for "
                "the edit / report an issue / history links"
            )
            findings.append(("_config.yml", Finding(1, "repository", "", False, message)))
    if repo:
        lines.append(f"ga4gh_repository = {repo!r}")
        if branch and branch != "main":
            lines.append(f"ga4gh_repository_branch = {branch!r}")
    buttons = _mapping(variables.get("github_buttons"))
    shown = [
        name
        for name, key in (("edit", "edit_me"), ("issue", "open_issue"), ("history", "history"))
        if buttons.get(key) is not False
    ]
    if len(shown) < 3:
        lines.append(f"ga4gh_source_buttons = {shown!r}")
    colors, skipped = site_colors(site)
    if colors:
        lines.append(f"ga4gh_brand_colors = {colors!r}")
    if _has(site, FAVICON):
        lines.append(f"html_favicon = {FAVICON!r}")
    favicons = [path for path in FAVICONS if _has(site, path)]
    if favicons:
        lines.append(f"ga4gh_favicons = {favicons!r}")
    if _has(site, WEB_MANIFEST):
        lines.append(f"ga4gh_web_manifest = {WEB_MANIFEST!r}")
    if _has(site, SITE_JS):
        lines.append(f"ga4gh_site_js = [{SITE_JS!r}]")
    fonts = variables.get("fonts")
    font_urls = (
        [str(url) for url in fonts if is_safe_url(str(url))] if isinstance(fonts, list) else []
    )
    if font_urls:
        lines.append(f"html_css_files = {font_urls!r}  # the site's fonts")
    if skipped:
        message = (
            f"SCSS variables not carried (only $primary, $secondary, $link-color become "
            f"ga4gh_brand_colors): {', '.join('$' + name for name in skipped)}"
        )
        findings.append((BOOTSTRAP_VARIABLES, Finding(1, "scss", "", False, message)))
    for relpath in CUSTOM_SCSS:
        if _scss_has_rules(site.root / relpath):
            message = "custom SCSS is not carried: write what it does as CSS in html_static_path"
            findings.append((relpath, Finding(1, "scss", "", False, message)))
    return [*lines, ""], findings
