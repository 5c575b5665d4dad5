"""Properties of the Liquid translator, over any text (SPEC §6): it never raises, text outside
the tags it translates is kept byte for byte, and translating its output changes nothing."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from sphinx_ga4gh.text.liquid import PageContext, translate
from sphinx_ga4gh.text.logic import not_migrated
from sphinx_ga4gh.text.raw_html import code_element, shown_as_text
from sphinx_ga4gh.text.scanner import scan_page

CONTEXT = PageContext(
    site={"title": "Guide", "description": "All about {data}", "baseurl": ""},
    page={"title": "Beacon", "page_id": "beacon"},
    url="/beacon",
    data={"people": [{"name": "Ann"}, {"name": "Bo"}], "news": [{"name": "n"}]},
    includes={"local.html": "<p>{{ include.x }}</p>", "md.md": "**{{ include.x | upcase }}**\n"},
)

#: Pieces that make Liquid, Markdown code and escapes likely to meet in odd ways.
FRAGMENTS = [
    '{% tool "beacon" %}',
    "{% tool 'duo' %}",
    '{%tool "htsget"%}',
    "{% cite rehm_2021 smith_2020 %}",
    "{% cite a --locator 23 %}",
    "{% bibliography --cited %}",
    "{% bibliography %}",
    '{% include callout.html type="tip" content="Use `{x}` here" %}',
    '{% include callout.html type="note" title="T" content="a \\" b" %}',
    '{% include image.html file="x.png" alt="A" max-width="3em" %}',
    '{% include section-navigation-tiles.html type="repositories" search=true %}',
    "{% include contributor-tiles-all.html %}",
    "{% include unknown.html %}",
    "{% raw %}",
    "{% endraw %}",
    "{% if page.x %}",
    "{% if page.title == 'Beacon' %}",
    "{% elsif page.page_id %}",
    "{% else %}",
    "{% endif %}",
    "{% unless page.x %}",
    "{% endunless %}",
    "{% assign a = page.title | downcase %}",
    "{% assign l = site.data.people | map: 'name' | join: ', ' %}",
    "{{ a }}",
    "{{ l | size }}",
    "{% for p in site.data.people limit: 1 %}",
    "{% for n in site.data.news %}",
    "{% for i in (1..3) reversed %}",
    "{{ forloop.index }}",
    "{% break %}",
    "{% endfor %}",
    "{% capture c %}",
    "{% endcapture %}",
    "{% comment %}",
    "{% endcomment %}",
    "{% case page.page_id %}",
    "{% when 'beacon' %}",
    "{% endcase %}",
    '{% include local.html x="y" %}',
    "{% include md.md x=page.title %}",
    "{% include section-navigation-tiles.html custom=a col=5 %}",
    "{% include local.html x=nothing %}",
    "{{ site.title }}",
    "{{ site.description }}",
    "{{ page.url }}",
    "{{ '/x' | relative_url }}",
    "{{ '{%' }}",
    "{{ '{' }}",
    "{{ '%' }}",
    "{{ x | upcase }}",
    "## References\n",
    "```\n",
    "~~~\n",
    "`",
    "``",
    "\\",
    "{",
    "}",
    "%",
    "{{",
    "{%",
    "%}",
    "}}",
    "\n",
    "\n\n",
    "    ",
    ":::",
    "text ",
    "](",
    'href="',
    "<div>\n",
    "</div>\n",
    '<a href="',
    "<img src=",
    "' title='",
    '">',
    "<p>",
    "<!-- ",
    "{% foo\n\nbar %}",
]

liquid_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=25).map(
    "".join
)


@settings(max_examples=400, deadline=None)
@given(st.text())
def test_never_raises_on_any_text(text: str) -> None:
    translate(text, CONTEXT)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_characters="{")))
def test_text_without_liquid_is_unchanged(text: str) -> None:
    assert translate(text, CONTEXT).text == text


plain = st.text(
    alphabet=st.characters(blacklist_characters="{}%`\\\n#:~", blacklist_categories=["Cs"]),
    max_size=20,
)


@settings(max_examples=300, deadline=None)
@given(st.lists(plain, min_size=2, max_size=6))
@example(["\t", ""])
def test_text_between_inline_tags_is_kept_byte_for_byte(chunks: list[str]) -> None:
    tags = ['{% tool "beacon" %}', "{% cite k1 k2 %}", "{{ site.title }}", "{% foo bar %}"]
    translations = ["{tool}`beacon`", "{cite:p}`k1,k2`", "Guide", "{% foo bar %}"]
    # one line of prose: four spaces or a tab before it would make it an indented code block
    source = expected = chunks[0].lstrip(" \t")
    for index, chunk in enumerate(chunks[1:]):
        source += tags[index % len(tags)] + chunk
        expected += translations[index % len(tags)] + chunk
    assert translate(source, CONTEXT).text == expected


@settings(max_examples=1500, deadline=None)
@given(liquid_text)
@example("{% raw %}{{ x }}{% endraw %}")
@example('```\n{% raw %}\n{% tool "x" %}\n{% endraw %}\n```\n')
@example("{{{ '%' }}")
def test_translation_is_idempotent(text: str) -> None:
    once = translate(text, CONTEXT).text
    assert translate(once, CONTEXT).text == once


@settings(max_examples=500, deadline=None)
@given(liquid_text)
def test_every_output_line_maps_to_a_source_line(text: str) -> None:
    result = translate(text, CONTEXT)
    source_lines = text.count("\n") + 1
    assert len(result.line_map) == result.text.count("\n") + 1
    assert all(1 <= line <= source_lines for line in result.line_map)


@settings(max_examples=1000, deadline=None)
@given(liquid_text)
@example("` {% cycle 'a' %} `")
@example("`` x {% cycle 'a' %}`")
@example("\\{% cycle 'a' %}`")
@example('{% include callout.html type="tip" %} and text')
def test_migration_marks_what_it_leaves_and_is_idempotent(text: str) -> None:
    """As ``migrate`` runs it: a tag left untranslated becomes "not migrated" code, and the
    output has nothing left to translate or mark."""
    once = translate(text, CONTEXT, mark_untranslated=True)
    assert translate(once.text, CONTEXT, mark_untranslated=True).text == once.text
    assert len(once.line_map) == once.text.count("\n") + 1


#: Markdown text without ``<``: a line starting ``<li>`` is an HTML block, where an untranslated
#: tag is shown as a code element (the raw-HTML properties below are about that).
markdown_plain = st.text(
    alphabet=st.characters(blacklist_characters="{}%`\\\n#:~<", blacklist_categories=["Cs"]),
    max_size=20,
)


@settings(max_examples=300, deadline=None)
@given(st.lists(markdown_plain, min_size=2, max_size=6))
def test_migration_keeps_text_around_an_inline_untranslated_tag(chunks: list[str]) -> None:
    source = chunks[0].lstrip(" \t")
    for chunk in chunks[1:]:
        source += "{% foo bar %}" + chunk
    if not source.replace("{% foo bar %}", "").strip():
        return  # alone on its line: shown as a block instead
    result = translate(source, CONTEXT, mark_untranslated=True).text
    marks = re.findall(r"(`+)\{% foo bar %\}\1\{\.ga4gh-not-migrated\}", result)
    assert len(marks) == len(chunks) - 1
    # each its own backtick run: no two pair with each other
    assert len(set(marks)) == len(marks) or "\n\n" in source
    kept = re.sub(r"(`+)\{% foo bar %\}\1\{\.ga4gh-not-migrated\}", "", result)
    assert kept == source.replace("{% foo bar %}", "")


@settings(max_examples=1000, deadline=None)
@given(liquid_text)
@example('<div>\n{% cycle "a" %} <a href="{{ x }}">t</a>\n</div>\n')
@example("Text {% foo\n\nbar %} more")
@example('<a href="{{ site.title }}{{ x }}" title="{{ y }}">t</a>')
@example('a <b and c="{{ x }}" more, not an HTML tag')
@example("\x0c{% foo\n\nbar %}")
@example("\x0c{% foo %}\n")
def test_migration_leaves_no_liquid_outside_code(text: str) -> None:
    """Marked, every tag left is code: an admonition's fence, inline code, or escaped text of
    a ``<code>`` element or a data attribute in raw HTML; nothing a reader sees as Liquid."""
    once = translate(text, CONTEXT, mark_untranslated=True).text
    assert [tag.source for tag in scan_page(once).tags if not tag.in_code] == []


html_plain = st.text(
    alphabet=st.characters(
        blacklist_characters="{}%`\\\n#:~<>\"'=&", blacklist_categories=["Cs", "Cc"]
    ),
    max_size=20,
)
UNTRANSLATABLE = ["{% cycle 'a', 'b' %}", "{{ x | foo }}", '{% include unknown.html p="v" %}']


@settings(max_examples=300, deadline=None)
@given(html_plain, st.sampled_from(UNTRANSLATABLE), html_plain)
def test_migration_shows_a_tag_in_an_html_block_as_code(before: str, tag: str, after: str) -> None:
    source = f'<div class="note">\n<p>{before}{tag}{after}</p>\n</div>\n'
    result = translate(source, CONTEXT, mark_untranslated=True)
    assert result.text == source.replace(tag, code_element(tag))
    assert [found.source for found in result.untranslated] == [tag]
    assert translate(result.text, CONTEXT, mark_untranslated=True).text == result.text


@settings(max_examples=300, deadline=None)
@given(html_plain, st.sampled_from(UNTRANSLATABLE), html_plain, html_plain)
def test_migration_makes_an_attribute_holding_a_tag_safe(
    before: str, tag: str, after: str, words: str
) -> None:
    """An attribute value cannot hold markup: it becomes ``#``, the original kept escaped."""
    source = f'See <a class="x" href="{before}{tag}{after}">{words}</a> here.\n'
    result = translate(source, CONTEXT, mark_untranslated=True)
    original = shown_as_text(before + tag + after)
    assert result.text == (
        f'See <a class="x" href="#" data-ga4gh-not-migrated-href="{original}">{words}</a> here.\n'
    )
    assert [found.source for found in result.untranslated] == [tag]
    assert translate(result.text, CONTEXT, mark_untranslated=True).text == result.text


@settings(max_examples=300, deadline=None)
@given(plain, plain)
def test_migration_shows_a_tag_over_a_blank_line_as_a_block(before: str, after: str) -> None:
    """Inline code ends at a paragraph's end: the "Not migrated" block holds all its lines,
    on lines of its own, the text around it kept byte for byte."""
    tag = '{% include unknown.html\n\n  p="v" %}'
    before, after = "Each review ends with " + before, after + " before the merge."
    result = translate(before + tag + after + "\n", CONTEXT, mark_untranslated=True).text
    head, block, tail = result.partition(not_migrated(tag, UNKNOWN_INCLUDE))
    assert block and head == before + "\n\n" and tail == "\n\n" + after + "\n"
    assert translate(result, CONTEXT, mark_untranslated=True).text == result
    alone = translate(tag + "\n", CONTEXT, mark_untranslated=True).text
    assert alone == not_migrated(tag, UNKNOWN_INCLUDE) + "\n"


UNKNOWN_INCLUDE = "include unknown.html has no sphinx-ga4gh equivalent"
