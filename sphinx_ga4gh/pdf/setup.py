"""SVG images and the Unicode of real pages, for the LaTeX builder.

Field guides draw their diagrams and logos as SVG, which pdflatex cannot include ("Unknown
graphics extension: .svg"): CairoSVG (installed with ``sphinx-ga4gh[pdf]``) turns each into a
PDF for the LaTeX builder, through Sphinx's own ``ImageConverter``; HTML keeps the SVG. The SVG
is site content: CairoSVG's safe mode (its default) fetches nothing it names (no file, no URL,
no XML entity), and a file it cannot read is a warning, not a stopped build. Without CairoSVG,
or for a file it could not convert, the image is left out of the PDF (its alt text kept) with a
warning, so the book is still made.

Pages copied from the web hold spaces and marks that pdflatex's ``inputenc`` does not know (a
thin space, a zero-width space, …): each stops the build with "Unicode character not set up for
use with LaTeX". They are declared in ``latex_elements["utf8extra"]`` (Sphinx's own place for
this) as the nearest LaTeX, unless the project set ``utf8extra`` or uses XeLaTeX or LuaLaTeX.
"""

from __future__ import annotations

import importlib.util
import os
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.transforms.post_transforms.images import ImageConverter

from ..reporting import warn
from .emoji import setup_emoji
from .parts import setup_toctree_parts

#: Characters that real pages hold and pdflatex's utf8 input does not define, with what to print.
UNICODE_FOR_PDFLATEX: dict[str, str] = {
    "00A0": r"\nobreakspace",  # no-break space (Sphinx's own default for utf8extra)
    "00AD": r"\-",  # soft hyphen
    "2002": r"\enspace",  # en space
    "2003": r"\quad",  # em space
    "2007": r"\enspace",  # figure space
    "2008": r"\,",  # punctuation space
    "2009": r"\,",  # thin space
    "200A": r"\,",  # hair space
    "200B": r"\hspace{0pt}",  # zero-width space: a possible line break
    "200C": "{}",  # zero-width non-joiner
    "200D": "{}",  # zero-width joiner
    "2011": r"\mbox{-}",  # non-breaking hyphen
    "2028": r"\newline{}",  # line separator
    "202F": r"\,",  # narrow no-break space
    "2060": "{}",  # word joiner
    "FE0F": "{}",  # emoji variation selector
    "FEFF": "{}",  # byte-order mark / zero-width no-break space
    # box drawing, as in folder trees in code blocks: the ASCII of `tree --charset=ascii`
    # (braced, so that two hyphens do not become a dash)
    "2500": "{-}",
    "2502": "|",
    "250C": "+",
    "2510": "+",
    "2514": r"\textasciigrave{}",
    "2518": "+",
    "251C": "|",
    "2524": "+",
    "252C": "+",
    "2534": "+",
    "253C": "+",
    # marks and symbols (amssymb, which Sphinx loads)
    "25B2": r"\ensuremath{\blacktriangle}",
    "25B6": r"\ensuremath{\blacktriangleright}",
    "25BC": r"\ensuremath{\blacktriangledown}",
    "2605": r"\ensuremath{\bigstar}",
    "2705": r"\ensuremath{\checkmark}",
    "2713": r"\ensuremath{\checkmark}",
    "2714": r"\ensuremath{\checkmark}",
    "2717": r"\ensuremath{\times}",
    "2718": r"\ensuremath{\times}",
    "274C": r"\ensuremath{\times}",
}


#: Greek letters in Latin-script pages (a formula's alpha, a Greek capital iota typed for "I"):
#: pdflatex has no Greek text font without extra packages, so lower case letters are math
#: symbols and capitals that look Latin are Latin letters. A Greek-language site
#: (``language = "el"``) is left alone.
_GREEK_LOWER = [
    *("alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa"),
    *("lambda", "mu", "nu", "xi", "o", "pi", "rho", "varsigma", "sigma", "tau", "upsilon"),
    *("phi", "chi", "psi", "omega"),
]
_GREEK_UPPER = (
    "A B Gamma Delta E Z H Theta I K Lambda M N Xi O Pi P - Sigma T Upsilon Phi X Psi Omega"
)


def _greek() -> dict[str, str]:
    table: dict[str, str] = {}
    for offset, name in enumerate(_GREEK_UPPER.split()):
        if name != "-":  # U+03A2 is not a letter
            latex = rf"\ensuremath{{\{name}}}" if len(name) > 1 else name
            table[f"{0x391 + offset:04X}"] = latex
    for offset, name in enumerate(_GREEK_LOWER):
        table[f"{0x3B1 + offset:04X}"] = "o" if name == "o" else rf"\ensuremath{{\{name}}}"
    return table


def unicode_declarations(greek: bool = True) -> str:
    table = {**UNICODE_FOR_PDFLATEX, **(_greek() if greek else {})}
    return "".join(
        rf"\DeclareUnicodeCharacter{{{code}}}{{{latex}}}" + "\n" for code, latex in table.items()
    )


def declare_unicode(app: Sphinx, config: Config) -> None:
    """``config-inited``: the characters above, for pdflatex (XeLaTeX and LuaLaTeX read them
    natively)."""
    if config.latex_engine not in ("pdflatex", "platex", "uplatex"):
        return
    elements: dict[str, Any] = dict(config.latex_elements or {})
    if "utf8extra" in elements:  # the project's own choice
        return
    elements["utf8extra"] = unicode_declarations(greek=not (config.language or "").startswith("el"))
    config.latex_elements = elements


class LeaveOutUnconvertibleImages(SphinxPostTransform):
    """An SVG image still there after the converters had their chance (none installed, or
    the file could not be converted) stops pdflatex: it is left out, its alt text kept."""

    default_priority = 210  # after Sphinx's ImageConverter (200), which runs the converter
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        for image in list(self.document.findall(nodes.image)):
            uri = str(image.get("uri", ""))
            if not uri.lower().endswith((".svg", ".svgz")):
                continue
            hint = (
                "it could not be converted (see the warning at the file)"
                if svg_converter_installed()
                else 'install "sphinx-ga4gh[pdf]" to convert it'
            )
            warn(
                f"SVG image {uri!r} left out of the PDF: pdflatex cannot include SVG; {hint}",
                "pdf",
                image,
            )
            _replace_with_alt(image)


def _replace_with_alt(image: nodes.image) -> None:
    """The image (and a link that holds only it) becomes its alt text, or nothing."""
    target: nodes.Element = image
    if isinstance(image.parent, nodes.reference) and len(image.parent.children) == 1:
        target = image.parent
    alt = str(image.get("alt", ""))
    if alt:
        target.replace_self(nodes.inline(alt, alt))
    else:
        target.parent.remove(target)


def svg_converter_installed() -> bool:
    return importlib.util.find_spec("cairosvg") is not None


class SvgToPdf(ImageConverter):
    """SVG → PDF with CairoSVG in its safe mode; a file it cannot read is reported."""

    conversion_rules = [("image/svg+xml", "application/pdf")]  # noqa: RUF012 (Sphinx's API)

    def is_available(self) -> bool:
        return svg_converter_installed()

    def convert(self, _from: str | os.PathLike[str], _to: str | os.PathLike[str]) -> bool:
        import cairosvg  # the optional dependency

        try:
            with open(_from, "rb") as source:
                cairosvg.svg2pdf(file_obj=source, write_to=os.fspath(_to), unsafe=False)
        except Exception as error:  # CairoSVG raises XML, CSS, cairo and OS errors alike
            path = os.fspath(_from)
            warn(f"SVG image could not be converted for the PDF: {error}", "pdf", f"{path}:1")
            return False
        return True


def setup_pdf(app: Sphinx) -> None:
    app.add_post_transform(SvgToPdf)
    app.add_post_transform(LeaveOutUnconvertibleImages)
    app.connect("config-inited", declare_unicode)
    setup_toctree_parts(app)
    setup_emoji(app)
