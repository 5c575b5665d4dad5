"""The site's colours as theme CSS variables, and its web manifest and scripts in the head.

Colours go into a generated ``_static/ga4gh-brand.css``: pydata-sphinx-theme's
``--pst-color-*`` (light mode: the site's colours were chosen for a light page), and our own
``--ga4gh-brand-*`` for the footer and top navigation under every theme. Furo takes them as
``light_css_variables`` (see :mod:`sphinx_ga4gh.chrome`). Only colour values are written: a
value that is not one is left out with a ``ga4gh.config`` warning, so conf.py text never
becomes CSS.
"""

from __future__ import annotations

import re
from html import escape
from typing import Any

COLOR_NAMES = ("primary", "secondary", "link")
_COLOR = re.compile(
    r"#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,30}|(?:rgb|hsl)a?\(\s*[0-9.,%\s/]+\)",
)
_PYDATA_VARIABLES = {
    "primary": ("--pst-color-primary",),
    "secondary": ("--pst-color-secondary",),
    "link": ("--pst-color-link", "--pst-color-link-hover"),
}
FURO_VARIABLES = {
    "primary": ("color-brand-primary",),
    "link": ("color-brand-content",),
}


def brand_colors(value: dict[str, Any]) -> tuple[dict[str, str], list[str]]:
    """The valid colours of ``ga4gh_brand_colors`` and a message for each that is not."""
    colors: dict[str, str] = {}
    problems: list[str] = []
    for name, color in value.items():
        if name not in COLOR_NAMES:
            problems.append(
                f"ga4gh_brand_colors: {name!r} is not one of {', '.join(COLOR_NAMES)}; ignored"
            )
        elif not isinstance(color, str) or not _COLOR.fullmatch(color.strip()):
            problems.append(f"ga4gh_brand_colors: {name} = {color!r:.40} is not a CSS colour")
        else:
            colors[name] = color.strip()
    return colors, problems


def brand_css(colors: dict[str, str]) -> str:
    declarations = []
    for name, color in colors.items():
        declarations.append(f"  --ga4gh-brand-{name}: {color};")
        declarations += [f"  {variable}: {color};" for variable in _PYDATA_VARIABLES[name]]
    body = "\n".join(declarations)
    return (
        "/* The site's colours, written by sphinx-ga4gh from ga4gh_brand_colors. */\n"
        f':root, html[data-theme="light"] {{\n{body}\n}}\n'
    )


def head_tags(manifest: str, scripts: list[str], pathto: Any) -> str:
    """``<link rel="manifest">`` and the site's scripts, linked relative to the page."""
    tags = []
    if manifest:
        tags.append(f'<link rel="manifest" href="{escape(pathto(manifest, 1))}">')
    tags += [f'<script src="{escape(pathto(path, 1))}" defer></script>' for path in scripts]
    return "\n".join(tags)
