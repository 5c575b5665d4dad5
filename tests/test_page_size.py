"""The translator and ``check`` cost linear work in a page's size (SPEC §8, issue 15 item 8).

Speed is measured in benchmarks/, never asserted with a timer here. The work is counted
instead: every Python and C call made (``sys.setprofile``), and the characters handed to the
scanning helpers that read a whole text (line index, fenced code blocks, line splitting and
``line_of``, which counted from the start for every tag and made a 2 MB page take 52 s).
Doubling the page must less than triple both counts.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from types import FrameType
from typing import Any

import pytest

from sphinx_ga4gh.check import liquid_page_facts, myst_page_facts
from sphinx_ga4gh.text import liquid, scanner
from sphinx_ga4gh.text.liquid import translate


@dataclass
class Page:
    text: str
    #: ``(line, kind)`` of every finding the translator must report.
    expected: list[tuple[int, str]]
    tools: int


def generated_page(blocks: int) -> Page:
    """``blocks`` sections of tags (inline, block, raw, cited bibliography under a heading, in
    code), then one long line of tags sharing it and a last paragraph of openers that never
    close (each would search to the end of the page)."""
    lines: list[str] = []
    expected: list[tuple[int, str]] = []
    tools = 0
    for number in range(blocks):
        lines += [f"## Section {number}", ""]
        code = '`code {% tool "x" %}`'
        lines.append(f'Text with {{% tool "beacon" %}} and {code} and {{% cite k{number} %}}.')
        expected += [(len(lines), "tool"), (len(lines), "cite")]
        tools += 1
        lines += ["", '{% include callout.html type="note" content="Mind the gap." %}']
        expected.append((len(lines), "callout"))
        lines += ["", "{% raw %}{{ page.title }}{% endraw %}"]
        expected.append((len(lines), "raw"))
        lines += ["", "## References", "", "{% bibliography --cited %}", ""]
        expected.append((len(lines) - 1, "bibliography --cited"))
    lines.append(" ".join(['{% include callout.html content="x" %}'] * (blocks // 4)))
    expected += [(len(lines), "callout")] * (blocks // 4)
    lines += ["", "Never closed: " + " ".join(["{% `` {{ `"] * blocks), ""]
    return Page("\n".join(lines), sorted(expected), tools)


@dataclass
class Work:
    calls: int = 0
    scanned: int = 0


def measured(monkeypatch: pytest.MonkeyPatch, run: Callable[[], object]) -> Work:
    work = Work()

    def counting(function: Callable[..., Any], size: Callable[..., int]) -> Callable[..., Any]:
        def counted(*args: Any, **kwargs: Any) -> Any:
            work.scanned += size(*args)
            return function(*args, **kwargs)

        return counted

    with monkeypatch.context() as patch:
        line_index_init = scanner.LineIndex.__init__
        patch.setattr(scanner.LineIndex, "__init__", counting(line_index_init, lambda s, t: len(t)))
        for module in (scanner, liquid):
            for name, size in (
                ("fenced_code_ranges", lambda text, *_: len(text)),
                ("split_lines", lambda text: len(text)),
                ("line_of", lambda text, offset: offset),
            ):
                if hasattr(module, name):
                    patch.setattr(module, name, counting(getattr(module, name), size))

        def profile(frame: FrameType, event: str, arg: object) -> None:
            if event in ("call", "c_call"):
                work.calls += 1

        sys.setprofile(profile)
        try:
            run()
        finally:
            sys.setprofile(None)
    return work


def test_a_large_page_is_translated_and_checked_right() -> None:
    page = generated_page(5000)  # about 1 MB, 25,000 tags
    assert len(page.text) > 1_000_000
    translation = translate(page.text)
    assert sorted((found.line, found.kind) for found in translation.findings) == page.expected
    assert translation.text.count("{tool}`beacon`") == page.tools
    assert len(translation.line_map) == translation.text.count("\n") + 1
    facts = liquid_page_facts("big.md", {}, "", page.text, 1)
    tool_lines = [line for line, kind in page.expected if kind == "tool"]
    assert [mention.line for mention in facts.tools] == tool_lines
    migrated = myst_page_facts("big.md", translation.text)
    assert len(migrated.tools) == page.tools


@pytest.mark.parametrize(
    "task",
    [
        pytest.param(lambda text: translate(text), id="translate"),
        pytest.param(lambda text: liquid_page_facts("p.md", {}, "", text, 1), id="check-jekyll"),
        pytest.param(lambda text: myst_page_facts("p.md", translate(text).text), id="check-myst"),
    ],
)
def test_work_grows_linearly_with_the_page(
    monkeypatch: pytest.MonkeyPatch, task: Callable[[str], object]
) -> None:
    small, large = generated_page(300), generated_page(600)
    first = measured(monkeypatch, lambda: task(small.text))
    second = measured(monkeypatch, lambda: task(large.text))
    assert second.calls < 3 * first.calls
    assert second.scanned < 3 * first.scanned
    # A bounded number of passes over the text, whatever its size.
    assert second.scanned < 20 * len(large.text)
