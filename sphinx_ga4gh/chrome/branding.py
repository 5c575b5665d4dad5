"""The site's colours as theme CSS variables, and its web manifest and scripts in the head.

Colours go into a generated ``_static/ga4gh-brand.css``: pydata-sphinx-theme's
``--pst-color-*`` and our own ``--ga4gh-brand-*`` for the footer and top navigation under
every theme. The colours are text (links, headings, the active item), so each must read:
for dark mode each is lightened (mixed with white, :func:`dark_variant`) until it reaches
4.5:1 (WCAG AA for text) against the themes' dark backgrounds, under
``html[data-theme="dark"]`` (pydata-sphinx-theme) and furo's ``body[data-theme="dark"]`` /
``prefers-color-scheme: dark``; in light mode a colour below 4.5:1 on the light backgrounds
is darkened the same way (:func:`light_variant`), one that reaches it is kept as it is.
Furo takes them as ``light_css_variables`` / ``dark_css_variables`` (see
:mod:`sphinx_ga4gh.chrome`). Only colour values are written: a value that is not one is left
out with a ``ga4gh.config`` warning, so conf.py text never becomes CSS.
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


#: The dark-mode backgrounds text sits on: pydata-sphinx-theme's ``--pst-color-background``,
#: ``--pst-color-on-background`` (the header, cards) and ``--pst-color-surface`` (table
#: headings, zebra rows), and furo's ``--color-background-primary``.
DARK_BACKGROUNDS = ("#14181e", "#222832", "#29313d", "#131416")
#: The light ones: white, pydata-sphinx-theme's ``--pst-color-surface`` and furo's sidebar
#: (``--color-background-secondary``).
LIGHT_BACKGROUNDS = ("#ffffff", "#f3f4f5", "#f8f9fb")
#: WCAG 2 AA contrast of normal text.
MIN_CONTRAST = 4.5
_HEX = re.compile(r"#([0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})")
_RGB = re.compile(r"rgba?\(\s*([0-9.]+)[\s,]+([0-9.]+)[\s,]+([0-9.]+)\s*(?:[,/][^)]*)?\)")

RGB = tuple[float, float, float]


def parse_rgb(color: str) -> RGB | None:
    """A hex or ``rgb()`` colour as 0-255 channels; None for other forms (names, ``hsl()``)."""
    color = color.strip()
    match = _HEX.fullmatch(color)
    if match:
        digits = match.group(1)
        if len(digits) in (3, 4):
            digits = "".join(char * 2 for char in digits)
        return (int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16))
    match = _RGB.fullmatch(color)
    if match:
        red, green, blue = (min(255.0, float(value)) for value in match.groups())
        return (red, green, blue)
    return None


def luminance(rgb: RGB) -> float:
    """WCAG 2 relative luminance."""

    def channel(value: float) -> float:
        value /= 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(value) for value in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: RGB, second: RGB) -> float:
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def hex_color(rgb: RGB) -> str:
    return "#" + "".join(f"{round(value):02x}" for value in rgb)


def readable_variant(color: str, backgrounds: tuple[str, ...], toward: RGB) -> str | None:
    """``color`` mixed with ``toward`` (white or black), in steps of 2 %, until its contrast
    against every one of ``backgrounds`` is at least 4.5:1 (the colour itself if it already
    is); None when the colour is not one we can compute with."""
    rgb = parse_rgb(color)
    if rgb is None:
        return None
    surfaces = [surface for surface in map(parse_rgb, backgrounds) if surface]
    for step in range(51):
        share = step / 50
        mixed = (
            rgb[0] + (toward[0] - rgb[0]) * share,
            rgb[1] + (toward[1] - rgb[1]) * share,
            rgb[2] + (toward[2] - rgb[2]) * share,
        )
        if all(contrast(mixed, surface) >= MIN_CONTRAST for surface in surfaces):
            return hex_color(mixed)
    return hex_color(toward)


def dark_variant(color: str) -> str | None:
    """``color`` lightened until it reads on every dark background."""
    return readable_variant(color, DARK_BACKGROUNDS, (255, 255, 255))


def light_variant(color: str) -> str | None:
    """``color`` darkened until it reads on every light background (a light teal link is
    2.1:1 on white)."""
    return readable_variant(color, LIGHT_BACKGROUNDS, (0, 0, 0))


def dark_colors(colors: dict[str, str]) -> dict[str, str]:
    """The dark-mode variant of each colour that has one."""
    variants = {name: dark_variant(color) for name, color in colors.items()}
    return {name: variant for name, variant in variants.items() if variant}


def light_colors(colors: dict[str, str]) -> dict[str, str]:
    """The light-mode colours: each one that is too light darkened, a name kept as it is."""
    return {name: light_variant(color) or color for name, color in colors.items()}


def _declarations(colors: dict[str, str]) -> str:
    lines = []
    for name, color in colors.items():
        lines.append(f"  --ga4gh-brand-{name}: {color};")
        lines += [f"  {variable}: {color};" for variable in _PYDATA_VARIABLES[name]]
    return "\n".join(lines)


def brand_css(colors: dict[str, str]) -> str:
    css = (
        "/* The site's colours, written by sphinx-ga4gh from ga4gh_brand_colors. */\n"
        f':root, html[data-theme="light"] {{\n{_declarations(light_colors(colors))}\n}}\n'
    )
    dark = dark_colors(colors)
    if dark:
        body = _declarations(dark)
        css += (
            f"/* dark mode: lightened to {MIN_CONTRAST}:1 against the dark background */\n"
            f'html[data-theme="dark"], body[data-theme="dark"] {{\n{body}\n}}\n'
            # furo's "auto" follows the system; pydata-sphinx-theme resolves its auto mode
            # into html[data-theme] itself (its body has no data-theme)
            "@media (prefers-color-scheme: dark) {\n"
            f'  body[data-theme="auto"] {{\n{body}\n  }}\n}}\n'
        )
    return css


_ICON_TYPES = {".png": "image/png", ".svg": "image/svg+xml", ".ico": "image/x-icon"}
_SIZES = re.compile(r"(\d{1,4})x(\d{1,4})")


def favicon_tag(path: str, href: str) -> str:
    """The ``<link>`` of one icon, as the ELIXIR toolkit theme's ``head.html`` writes them:
    ``apple-touch-icon`` (180x180 unless its name gives a size) or ``icon`` with the type of
    its extension and the size in its name (``favicon-32x32.png``)."""
    name = path.rsplit("/", 1)[-1].lower()
    match = _SIZES.search(name)
    sizes = f"{match.group(1)}x{match.group(2)}" if match else ""
    attributes = []
    if name.startswith("apple-touch-icon"):
        attributes.append('rel="apple-touch-icon"')
        sizes = sizes or "180x180"
    else:
        attributes.append('rel="icon"')
        icon_type = _ICON_TYPES.get(name[name.rfind(".") :]) if "." in name else None
        if icon_type:
            attributes.append(f'type="{icon_type}"')
    if sizes:
        attributes.append(f'sizes="{sizes}"')
    return f'<link {" ".join(attributes)} href="{escape(href)}">'


def head_tags(manifest: str, scripts: list[str], pathto: Any, favicons: list[str]) -> str:
    """The site's icons, ``<link rel="manifest">`` and scripts, linked relative to the page."""
    tags = [favicon_tag(path, pathto(path, 1)) for path in favicons]
    if manifest:
        tags.append(f'<link rel="manifest" href="{escape(pathto(manifest, 1))}">')
    tags += [f'<script src="{escape(pathto(path, 1))}" defer></script>' for path in scripts]
    return "\n".join(tags)
