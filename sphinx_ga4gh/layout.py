"""Layout and accessibility fixes of the HTML around the pages, under any theme.

- Citation lists: docutils writes ``<div role="list">`` around ``role="doc-biblioentry"``
  entries, a role DPUB-ARIA 1.1 deprecated and that is no ``listitem``: every page with
  references fails axe's ``aria-required-children`` (critical). Entries here are
  ``role="listitem"``, with the same markup otherwise.
- Toctree captions: Sphinx writes them ``<p class="caption" role="heading">`` without the
  ``aria-level`` a heading role requires (axe's ``aria-required-attr``, critical, on every
  page of furo's sidebar); they get ``aria-level="2"``.
- pydata-sphinx-theme: its page script reads ``default_mode`` from ``html_context`` and logs
  "Got invalid theme mode" on every page when the project leaves it unset; ``auto`` (the
  theme's own default) is set then. Its header shows ``header_links_before_dropdown`` (5)
  section titles before "More": field guides' long section titles wrapped the header into
  three rows at 1024-1440 px, so 3 is the default here, unless the project sets its own.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util.fileutil import copy_asset_file
from sphinx.writers.html5 import HTML5Translator

PYDATA_THEME = "pydata_sphinx_theme"
HEADER_LINKS_BEFORE_DROPDOWN = 3


def visit_citation(self: HTML5Translator, node: nodes.citation) -> None:
    if not isinstance(node.previous_sibling(), nodes.citation):
        self.body.append('<div role="list" class="citation-list">\n')
    self.body.append(self.starttag(node, "div", classes=[node.tagname], role="listitem"))


def depart_citation(self: HTML5Translator, node: nodes.citation) -> None:
    self.body.append("</div>\n")
    if not isinstance(node.next_node(descend=False, siblings=True), nodes.citation):
        self.body.append("</div>\n")


def visit_title(self: HTML5Translator, node: nodes.title) -> None:
    # The translator's own method (a theme's subclass may have one), then the missing level.
    type(self).visit_title(self, node)
    if isinstance(node.parent, addnodes.compact_paragraph) and node.parent.get("toctree"):
        for index in range(len(self.body) - 1, max(-1, len(self.body) - 5), -1):
            piece = self.body[index]
            if piece.startswith("<p") and 'role="heading"' in piece and "aria-level" not in piece:
                self.body[index] = piece.replace('role="heading"', 'role="heading" aria-level="2"')
                break


def depart_title(self: HTML5Translator, node: nodes.title) -> None:
    type(self).depart_title(self, node)


def _theme_defaults(app: Sphinx, config: Config) -> None:
    if config.html_theme != PYDATA_THEME:
        return
    # New dicts: the defaults are shared by every Sphinx application of the process.
    context: dict[str, Any] = {"default_mode": "auto", **config.html_context}
    config.html_context = context
    options: dict[str, Any] = {
        "header_links_before_dropdown": HEADER_LINKS_BEFORE_DROPDOWN,
        **config.html_theme_options,
    }
    config.html_theme_options = options


def copy_button_files(app: Sphinx) -> None:
    """``builder-inited``, after sphinx-copybutton's own handler: its static folder out of
    ``html_static_path`` again, its files copied here instead.

    sphinx-copybutton appends its folder to ``html_static_path`` at ``builder-inited``; the
    environment pickles that list, so every next build found "The configuration has changed
    (html_static_path)" and wrote every page again (as our own files once did, see
    :func:`.assets.static_files.add_static_files`).
    """
    spec = importlib.util.find_spec("sphinx_copybutton")  # a dependency: set up by setup_layout
    if spec is None or spec.origin is None:
        return
    folder = Path(spec.origin).parent / "_static"
    static_path = app.config.html_static_path
    for entry in list(static_path):
        if Path(entry) == folder.absolute():
            static_path.remove(entry)
    if app.builder.format != "html":
        return
    static_out = Path(app.outdir) / "_static"
    static_out.mkdir(parents=True, exist_ok=True)
    # copybutton.js_t is a template of the copybutton_* values its config-inited handler put
    # into html_context
    context = dict(app.config.html_context)
    for source in sorted(folder.iterdir()):
        if source.is_file():
            copy_asset_file(source, static_out, context=context, force=True)


def setup_layout(app: Sphinx) -> None:
    # A copy button on every code block, as the ELIXIR theme had: sphinx-copybutton (well kept,
    # its script and clipboard code are local static files; prompts are left out of the copy).
    app.setup_extension("sphinx_copybutton")
    app.connect("builder-inited", copy_button_files, priority=600)
    app.add_node(nodes.citation, override=True, html=(visit_citation, depart_citation))
    app.add_node(nodes.title, override=True, html=(visit_title, depart_title))
    app.connect("config-inited", _theme_defaults)
