"""Emoji in the PDF: their names, since pdflatex has no font for them.

Pages hold emoji (typed, or kramdown's ``:+1:`` shortcodes that ``migrate`` turns into the
character, or the flags of countries): browsers draw them, but each stops pdflatex with
"Unicode character 👍 (U+1F44D) not set up for use with LaTeX" and no PDF is made. For the
pdflatex family of engines an emoji becomes its Unicode name in brackets ("[thumbs up sign]")
and a flag (two regional indicator letters) its country code ("[BE]"); skin-tone modifiers are
dropped. XeLaTeX and LuaLaTeX read the characters and are left alone.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

#: Engines whose ``inputenc`` stops on a character it does not know.
PDFLATEX_ENGINES = ("pdflatex", "platex", "uplatex")

_REGIONAL_A = 0x1F1E6
#: Two regional indicators (a flag), or one pictograph: the emoji blocks, the miscellaneous
#: symbols and dingbats, arrows and symbols of U+2B00, and the supplementary planes' symbols.
EMOJI = re.compile(
    "([\U0001f1e6-\U0001f1ff]{2})"
    "|([\U0001f3fb-\U0001f3ff])"
    "|([\u2300-\u23ff\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff])"
)


def emoji_as_text(text: str, declared: frozenset[int]) -> str:
    """``text`` with every emoji that pdflatex cannot print (``declared``: the code points
    given a LaTeX form already) written as its name."""

    def name(match: re.Match[str]) -> str:
        flag, skin_tone, symbol = match.groups()
        if flag:
            return "[" + "".join(chr(ord(letter) - _REGIONAL_A + ord("A")) for letter in flag) + "]"
        if skin_tone:
            return ""
        if ord(symbol) in declared:
            return symbol
        return f"[{unicodedata.name(symbol, 'symbol').lower()}]"

    return EMOJI.sub(name, text)


@functools.cache
def declared_characters(utf8extra: str) -> frozenset[int]:
    """The characters ``utf8extra`` gives a LaTeX form (``pdf.setup``'s, or the project's):
    they print as such. Read once per value, not once per page."""
    return frozenset(
        int(code, 16)
        for code in re.findall(r"\\DeclareUnicodeCharacter\{([0-9A-Fa-f]+)\}", utf8extra)
    )


class EmojiAsText(SphinxPostTransform):
    """For pdflatex: each emoji of the page's text (code blocks too) as its name."""

    default_priority = 900
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        if self.config.latex_engine not in PDFLATEX_ENGINES:
            return
        declared = declared_characters(str((self.config.latex_elements or {}).get("utf8extra", "")))
        for text in list(self.document.findall(nodes.Text)):
            if isinstance(text.parent, nodes.raw) or not EMOJI.search(text):
                continue
            text.parent.replace(text, nodes.Text(emoji_as_text(str(text), declared)))


def setup_emoji(app: Sphinx) -> None:
    app.add_post_transform(EmojiAsText)
