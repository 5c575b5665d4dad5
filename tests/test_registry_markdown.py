"""Registry descriptions as inline Markdown: plain text is not parsed, with the same result."""

from __future__ import annotations

import pytest
from docutils import nodes

from sphinx_ga4gh.data.markdown import _parse_markdown, inline_markdown, plain_text, unsafe_links

PLAIN = [
    "A federated genome browser for phenotype data.",
    "Open-source; GA4GH htsget 1.3 (reads/variants): fast, 100% free.",
    "snake_case is not emphasis",  # the underscore: parsed, to be sure
]
MARKDOWN = [
    "An *emphasised* word and `code`",
    "1. a list item",
    "- a bullet",
    "# a heading",
    "x &amp; y",
    "escaped \\*star\\*",
    "see [the site](https://example.org) or <https://example.org>",
    "  indented ",
    "two\nlines",
]


@pytest.mark.parametrize("text", PLAIN + MARKDOWN)
def test_what_is_shown_is_what_markdown_it_reads(text: str) -> None:
    parsed, unsafe = _parse_markdown(text)
    assert [node.astext() for node in inline_markdown(text)[0]] == [n.astext() for n in parsed]
    assert [type(node) for node in inline_markdown(text)[0]] == [type(n) for n in parsed]
    assert plain_text(text) == "".join(node.astext() for node in parsed)
    assert unsafe_links(text) == list(unsafe)


def test_plain_text_is_one_text_node() -> None:
    shown, unsafe = inline_markdown(PLAIN[0])
    assert [type(node) for node in shown] == [nodes.Text] and unsafe == []
    assert inline_markdown("") == ([], [])


def test_an_unsafe_link_is_found_without_a_full_parse_of_the_rest() -> None:
    assert unsafe_links("the [terms](ftp://terms.example.org/duo)") == [
        "ftp://terms.example.org/duo"
    ]
    assert unsafe_links("no link here") == []
