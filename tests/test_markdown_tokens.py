"""The Markdown pass that looks for some roles only (issue 19) reads the same roles as the pass
over every inline text: footnotes, links, tables, nested directives and code included."""

from __future__ import annotations

import pytest

from sphinx_ga4gh.references.per_page import is_citation_role
from sphinx_ga4gh.text.markdown_tokens import read_markdown

PAGES = [
    "# Title {cite:p}`a`\n\nText with no role.\n\nSee {cite:t}`b` and `{cite:p}`code``.\n",
    # a footnote named by a paragraph without a citation holds one: it must be kept
    "A note[^n] here.\n\nAnother {cite:p}`c`.\n\n[^n]: Cited inside {cite:p}`d`.\n",
    # a footnote nobody names
    "Nothing named.\n\n[^lost]: Cited inside {cite:p}`e`.\n\nBut {cite:p}`f`.\n",
    "Inline note ^[with {cite:p}`g`] here.\n\n[^x]: refers[^y]\n\n[^y]: {cite:t}`h`\n\nx[^x]\n",
    "| a | b |\n|---|---|\n| {cite:p}`i` | [link {cite:p}`j`](https://example.org) |\n",
    "> quoted {cite:p}`k`\n>\n> - item {footcite:p}`l`\n\n[ref {cite:p}`m`]\n\n[ref]: /x\n",
    "::::{note}\nIn a note {cite:t}`n`.\n\n```{admonition} Inner\n{cite:p}`o`\n```\n::::\n",
    "```{code-block} md\n{cite:p}`not-one`\n```\n\n<!-- {cite:p}`comment` -->\n\n% {cite:p}`x`\n",
    "```{eval-rst}\nSee :cite:p:`rst`.\n```\n\n```{bibliography}\n```\n",
    "Line one\nline two {cite:p}`p`\\\nthree {cite:p}`q`\n",
]


@pytest.mark.parametrize("extensions", [(), ("colon_fence", "attrs_inline", "dollarmath")])
@pytest.mark.parametrize("text", PAGES)
def test_the_pass_for_citations_reads_what_the_full_pass_reads(
    text: str, extensions: tuple[str, ...]
) -> None:
    full = read_markdown(text, extensions, first_line=3)
    citations = read_markdown(text, extensions, first_line=3, roles_starting=("{cite", "{footcite"))
    assert [role for role in full.roles if is_citation_role(role.name)] == citations.roles
    assert full.directives == citations.directives


def test_footnotes_decide_which_citations_are_read() -> None:
    found = read_markdown(PAGES[1], roles_starting=("{cite",)).roles
    assert [(role.content, role.line) for role in found] == [("c", 3), ("d", 5)]
    unnamed = read_markdown(PAGES[2], roles_starting=("{cite",)).roles
    assert [role.content for role in unnamed] == ["e", "f"]
