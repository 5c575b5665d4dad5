"""Each Liquid construct of SPEC §3 and what it becomes (SPEC §4), and each one that cannot be
translated: left as written, reported with its line and the reason."""

from __future__ import annotations

import pytest

from sphinx_ga4gh.text.liquid import PageContext, translate

CONTEXT = PageContext(
    site={"title": "Rare Disease Guide", "repository": "org/guide", "url": "https://g.example"},
    page={"title": "Beacon", "page_id": "beacon"},
    url="/beacon",
    sidebars={"main": {"subitems": [{"title": "Your tasks"}, {"title": "technologies_standards"}]}},
    news=[
        {"name": "Old", "date": "2025-01-02"},
        {"name": "New <b>", "date": "2026-03-04", "linked_pr": 7, "description": "Line one.\nTwo."},
    ],
)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('{% tool "beacon" %}', "{tool}`beacon`"),
        ("{% tool 'beacon' %}", "{tool}`beacon`"),
        ('{%tool "beacon"%}', "{tool}`beacon`"),
        ('{%- tool "beacon" -%}', "{tool}`beacon`"),
        ("{% cite rehm_2021 %}", "{cite:p}`rehm_2021`"),
        ("{% cite a b  c %}", "{cite:p}`a,b,c`"),
        ('{% cite "quoted_key" %}', "{cite:p}`quoted_key`"),
        ("{% cite a --locator 23 %}", "{cite:p}`a{p. 23}`"),
        ("{% cite a b -l 4 %}", "{cite:p}`a{p. 4},b`"),
        ("{{ site.title }}", "Rare Disease Guide"),
        ("{{ page.title }}", "Beacon"),
        ("{{ page.url }}", "/beacon"),
        ("{{ site.baseurl }}/x", "/x"),
        ("{{ '/x.png' | relative_url }}", "/x.png"),
        ('{{ "/x" | absolute_url }}', "https://g.example/x"),
        ("{{ 'text' }}", "text"),
    ],
)
def test_inline_constructs(source: str, expected: str) -> None:
    result = translate(f"Before {source} after.", CONTEXT)
    assert result.text == f"Before {expected} after."
    assert not result.untranslated


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("{% bibliography %}", "```{bibliography}\n:all:\n```\n"),
        (
            '{% include callout.html type="tip" content="Do *this*." %}',
            ":::{tip}\nDo *this*.\n:::\n",
        ),
        (
            '{% include callout.html type="odd" title="Mind" content="Say \\"hi\\"." %}',
            ':::{admonition} Mind\n:class: note\nSay "hi".\n:::\n',
        ),
        (
            '{% include image.html file="/a/b.png" alt="B" caption="Cap" max-width="3em" '
            'url="https://e.org" class="wide" %}',
            ":::{figure} /images/a/b.png\n:alt: B\n:width: 3em\n:target: https://e.org\n"
            ":figclass: wide\nCap\n:::\n",
        ),
        (
            '{% include section-navigation-tiles.html type="standards" search=true '
            'supported_by=true col=3 except="standards.md" %}',
            "```{section-tiles} standards\n:except: standards.md\n:columns: 3\n:sort:\n"
            ":search:\n:affiliations:\n```\n",
        ),
        (
            # the theme's simple tiles: title buttons, in site order, search/affiliations unused
            '{% include section-navigation-tiles-simple.html type="contribute" '
            'affiliations=false search=false col=3 except="b.md" %}',
            "```{section-tiles} contribute\n:simple:\n:except: b.md\n:columns: 3\n```\n",
        ),
        ("{% include contributor-tiles-all.html %}", "```{contributors}\n```\n"),
        (
            '{% include contributor-tiles-all.html custom="B Two,  A One" col=3 sort=false %}',
            "```{contributors}\n:custom: B Two, A One\n:sort: false\n:col: 3\n```\n",
        ),
        (
            '{% include contributor-tiles-all.html role="editor" col=6 %}',
            "```{contributors}\n:role: editor\n:col: 6\n```\n",
        ),
        (
            '{% include contributor-carousel-selection.html custom="A One" %}',
            "```{contributors}\n:custom: A One\n```\n",
        ),
        ("{% include resource-table-all.html %}", "```{tool-table}\n```\n"),
        ("{% include training-table-all.html %}", "```{training-table}\n```\n"),
        (
            '{% include affiliation-tiles-selection.html type="infrastructure" %}',
            "```{affiliations}\n:type: infrastructure\n```\n",
        ),
        ("{% include supported-by-tiles-selection.html %}", "```{affiliations}\n```\n"),
        (
            '{% include supported-by-tiles-selection.html type="funder" sort=false %}',
            "```{affiliations}\n:type: funder\n:file-order:\n```\n",
        ),
        (
            "{% include news.html limit=1 truncate=true %}",
            "```{news}\n:limit: 1\n:truncate:\n:repository: https://github.com/org/guide\n```\n",
        ),
        (
            "{% include news.html title=true %}",
            "## What's new?\n\n```{news}\n:repository: https://github.com/org/guide\n```\n",
        ),
        (
            '{% include events.html event_type="past_event" col=2 %}',
            "```{events}\n:when: past\n:columns: 2\n```\n",
        ),
        (
            '{% include events.html event_type="upcoming_event" related_pages="gp5" limit=3 %}',
            "```{events}\n:when: upcoming\n:related-page: gp5\n:limit: 3\n```\n",
        ),
        (
            '{% include pageids-overview.html sidebar="main" %}',
            "```{page-ids}\n:types: Your_tasks, technologies_standards\n```\n",
        ),
    ],
)
def test_block_constructs_on_their_own_line(source: str, expected: str) -> None:
    result = translate(f"Text.\n\n{source}\n\nMore.\n", CONTEXT)
    assert result.text == f"Text.\n\n{expected}\nMore.\n"
    assert not result.untranslated


def test_a_block_inside_a_list_keeps_the_indentation() -> None:
    source = '- item\n\n  {% include callout.html content="Note." %}\n'
    assert translate(source).text == "- item\n\n  :::{note}\n  Note.\n  :::\n"


def test_cited_bibliography_goes_with_its_heading() -> None:
    source = "Text.\n\n## References\n\n{% bibliography --cited %}\n"
    result = translate(source)
    assert result.text == "Text.\n\n"
    assert [(f.kind, f.line) for f in result.findings] == [("bibliography --cited", 5)]


def test_raw_blocks_stay_literal() -> None:
    source = (
        '```\n{% raw %}\n{% tool "x" %}\n{% endraw %}\n```\nIn text {% raw %}{{ a }}{% endraw %}.\n'
    )
    assert translate(source).text == '```\n{% tool "x" %}\n```\nIn text \\{{ a }}.\n'


def test_liquid_in_code_is_left_alone() -> None:
    source = 'Use `{% tool "x" %}` to mention a tool.\n\n~~~\n{{ site.title }}\n~~~\n'
    result = translate(source, CONTEXT)
    assert result.text == source
    assert result.findings == []


def test_code_in_lists_ends_where_its_list_item_ends_it() -> None:
    """A fence in a list item is closed by a fence indented as the item allows (CommonMark),
    so the text after it is prose again: its Liquid is translated (as on RSQKit's pages)."""
    source = (
        "* Add the workflow:\n\n"
        "  ```yaml\n"
        "    on: [push]\n"
        "    run: echo \"{% tool 'x' %}\"\n"
        "    ``` \n\n"
        '* Then see {% tool "galaxy" %}.\n\n'
        '> ```\n> {% tool "in_quote" %}\n> ```\n\n'
        'After the quote: {% tool "beacon" %}.\n'
    )
    result = translate(source, CONTEXT)
    assert "{% tool 'x' %}" in result.text  # code stays code
    assert '{% tool "in_quote" %}' in result.text
    assert "* Then see {tool}`galaxy`." in result.text
    assert "After the quote: {tool}`beacon`." in result.text


def test_an_indented_code_block_is_code() -> None:
    """Four spaces past the container's indentation make a code block (CommonMark, kramdown):
    its Liquid is an example, kept; the paragraph after it is prose."""
    source = (
        'Use it so:\n\n    {% tool "x" %}\n\n'
        '* In a list:\n\n      {% cite k %}\n\nThen {% tool "y" %}.\n'
    )
    result = translate(source, CONTEXT)
    assert '    {% tool "x" %}\n' in result.text
    assert "      {% cite k %}\n" in result.text
    assert "Then {tool}`y`." in result.text


def test_a_backslash_escapes_a_tag() -> None:
    assert translate('\\{% tool "x" %}').text == '\\{% tool "x" %}'


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        ("{% if page.x %}", "{% if %} has no MyST equivalent"),
        ("{% tool beacon_variable %}", "is not a quoted string"),
        ('{% tool "" %}', "empty tool id"),
        ("{% cite %}", "cite without a key"),
        ("{% cite a --style apa %}", "cite option --style"),
        ("{% bibliography --query @article %}", "bibliography options"),
        ("{% include footer.html %}", "include footer.html has no sphinx-ga4gh equivalent"),
        ('{% include callout.html colour="red" %}', "parameter colour"),
        ('{% include image.html alt="x" %}', "image.html without file="),
        ("{% include section-navigation-tiles.html search=true %}", "without type= or custom="),
        ('{% include section-navigation-tiles-simple.html custom="a" %}', "has no MyST equivalent"),
        ("{% include news.html %}", "needs _data/news.yml"),
        ('{% include events.html event_type="soon" %}', "is not upcoming_event or past_event"),
        ('{% include pageids-overview.html sidebar="nope" %}', "no sidebar 'nope'"),
        ("{{ site.data.tools }}", "computed by Jekyll"),
        ("{{ page.missing }}", "page.missing is not set"),
        ("{{ title | upcase }}", "Liquid variable"),
        ("{{ page.title | upcase }}", "filter 'upcase'"),
        ("{% raw %} no end", "raw without endraw"),
        ("{% endraw %}", "endraw without raw"),
        ("{% link pages/none.md %}", "no page or file"),
    ],
)
def test_what_cannot_be_translated_is_kept_and_reported(source: str, reason: str) -> None:
    text = f"Line one.\nSee {source} here.\n"
    result = translate(text, PageContext(page={"title": "T"}))
    assert result.text == text
    [finding] = result.untranslated
    assert finding.line == 2
    assert finding.source in text
    assert reason in finding.message


def test_a_block_construct_inside_a_sentence_is_reported() -> None:
    text = 'A sentence {% include callout.html content="x" %} goes on.\n'
    result = translate(text)
    assert result.text == text
    assert "give it a line of its own" in result.untranslated[0].message


def test_a_block_after_an_html_line_gets_a_blank_line() -> None:
    # RDMkit: `<br>` then the tiles include; without a blank line MyST would take the
    # directive into the HTML block and show it as text.
    source = '<br>\n{% include section-navigation-tiles-simple.html type="n" %}\n'
    result = translate(source)
    assert result.text == "<br>\n\n```{section-tiles} n\n:simple:\n```\n"
    assert result.line_map[:5] == [1, 2, 2, 2, 2]


def test_line_map_points_at_source_lines() -> None:
    source = 'a\n{% include callout.html content="x" %}\nb {% tool "y" %}\n'
    result = translate(source)
    lines = result.text.splitlines()
    assert lines == ["a", ":::{note}", "x", ":::", "b {tool}`y`"]
    assert result.line_map[: len(lines)] == [1, 2, 2, 2, 3]


def test_the_contributor_carousel_is_the_tiles_with_a_note() -> None:
    result = translate("{% include contributor-carousel-selection.html col=9 %}\n", CONTEXT)
    assert result.text == "```{contributors}\n```\n"
    (finding,) = result.findings
    assert finding.translated
    assert "col='9' is not 1 to 6" in finding.message
    assert "carousel is shown as the {contributors} tiles" in finding.message
