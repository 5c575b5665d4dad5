"""Synthetic field-guide sites for the benchmark, in variants of the same content.

- ``ga4gh``: the extension's MyST — ``{tool}`` mentions, section tiles, a site-wide tool table,
  front matter furniture, automatic per-page references.
- ``baseline``: plain MyST + sphinxcontrib-bibtex — the same text, tool mentions as plain
  links, each page's own ``{bibliography}``, no tables, tiles or furniture.
- ``baseline_indexed``: the baseline plus only sphinx-ga4gh's indexed ``cite`` domain.

Sizes: ``toolkit`` (150 pages, 650 tools, 1,200 mentions, 300 citations, as the largest public
toolkit sites) and ``10x``. Everything is derived from a seeded random generator, so a size
always gives the same files.
"""

from __future__ import annotations

import argparse
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

SIZES = {
    # A small site with the same shape, for the tests of re-read counts and -j identity.
    "test": {"pages": 16, "tools": 40, "mentions": 60, "citations": 16},
    "toolkit": {"pages": 150, "tools": 650, "mentions": 1200, "citations": 300},
    "10x": {"pages": 1500, "tools": 6500, "mentions": 12000, "citations": 3000},
}
#: baseline_indexed: the baseline plus sphinx-ga4gh's indexed sphinxcontrib-bibtex domain only,
#: since plain sphinxcontrib-bibtex spends time cubic in the site's size on per-page lists.
VARIANTS = ("ga4gh", "baseline", "baseline_indexed")
TYPES = ["technologies_standards", "repositories", "legal_ethical", "activities_agencies"]
WORDS = [
    "data",
    "sharing",
    "consent",
    "access",
    "genome",
    "variant",
    "archive",
    "standard",
    "federated",
    "controlled",
    "researcher",
    "committee",
    "policy",
    "identity",
    "passport",
    "phenotype",
    "cohort",
    "sequence",
    "metadata",
    "ontology",
    "workflow",
    "cloud",
    "privacy",
    "secure",
    "discovery",
    "beacon",
    "clinical",
    "health",
    "national",
]


@dataclass(frozen=True)
class Site:
    pages: int
    tools: int
    mentions: int
    citations: int


def _sentence(rng: random.Random, words: int = 14) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _tools_yaml(rng: random.Random, count: int) -> str:
    lines = []
    for number in range(count):
        tool_type = rng.choice(["tool", "standard", "repository", "training"])
        lines += [
            f"- id: tool-{number:05d}",
            f"  name: Tool {number:05d} {rng.choice(WORDS).title()}",
            f"  url: https://tools.example.org/{number:05d}",
            f"  description: {_sentence(rng, 10)}",
            f"  type: {tool_type}",
            "  registry:",
            f"    biotools: t{number:05d}",
            f"    tess: {rng.choice(WORDS)}",
        ]
    return "\n".join(lines) + "\n"


def _people_yaml(contributors: int, affiliations: int) -> tuple[str, str]:
    people = "".join(
        f"Person {n:03d}:\n  git: person-{n:03d}\n  role: editor\n  affiliation: Org {n % 15:02d}\n"
        for n in range(contributors)
    )
    orgs = "".join(
        f"- name: Org {n:02d}\n  url: https://org{n:02d}.example.org\n  expose: true\n"
        for n in range(affiliations)
    )
    return people, orgs


def _bib(count: int) -> str:
    return "".join(
        f"@article{{work_{n:05d},\n  title = {{Work number {n}}},\n"
        f"  author = {{Author{n % 97}, Ann and Writer{n % 89}, Bo}},\n"
        f"  journal = {{Journal of Examples}},\n  year = {{{2000 + n % 25}}},\n}}\n\n"
        for n in range(count)
    )


def _distribute(rng: random.Random, total: int, buckets: int) -> list[int]:
    counts = [total // buckets] * buckets
    for index in rng.sample(range(buckets), total % buckets):
        counts[index] += 1
    return counts


def _page_docname(number: int) -> str:
    return f"{TYPES[number % len(TYPES)]}/page_{number:05d}"


def generate(out: Path, size: str) -> dict[str, Path]:
    """Write every variant of ``size`` under ``out``; returns variant name → source folder."""
    spec = Site(**SIZES[size])
    rng = random.Random(f"sphinx-ga4gh-{size}")
    tools_yaml = _tools_yaml(rng, spec.tools)
    people, orgs = _people_yaml(40, 15)
    bib = _bib(max(spec.citations * 2 // 3, 1))
    mentions = _distribute(rng, spec.mentions, spec.pages)
    citations = _distribute(rng, spec.citations, spec.pages)
    tool_names = {}
    for line in tools_yaml.splitlines():
        if line.startswith("- id: "):
            current = line[6:]
        elif line.startswith("  name: "):
            tool_names[current] = line[8:]
    roots = {}
    for variant in VARIANTS:
        root = out / size / variant
        if root.exists():
            shutil.rmtree(root)
        (root / "_data").mkdir(parents=True)
        (root / "_bibliography").mkdir()
        (root / "_data" / "tool_and_resource_list.yml").write_text(tools_yaml, "utf-8")
        (root / "_data" / "CONTRIBUTORS.yml").write_text(people, "utf-8")
        (root / "_data" / "affiliations.yml").write_text(orgs, "utf-8")
        (root / "_bibliography" / "references.bib").write_text(bib, "utf-8")
        roots[variant] = root
    page_rng = random.Random(f"pages-{size}")
    for number in range(spec.pages):
        docname = _page_docname(number)
        tools = [f"tool-{page_rng.randrange(spec.tools):05d}" for _ in range(mentions[number])]
        keys = [
            f"work_{page_rng.randrange(len(bib.split('@article')) - 1):05d}"
            for _ in range(citations[number])
        ]
        related = [_page_docname(page_rng.randrange(spec.pages)) for _ in range(2)]
        paragraphs = [_sentence(page_rng, 30) for _ in range(max(len(tools), 3))]
        front = [
            "---",
            f"title: Page {number:05d}",
            f"page_id: page_{number:05d}",
            f"type: {TYPES[number % len(TYPES)]}",
            f"description: {_sentence(page_rng, 8)}",
            f"contributors: [Person {number % 40:03d}]",
            f"affiliations: [Org {number % 15:02d}]",
            "related_pages:",
            f"  {TYPES[0]}: [{', '.join(Path(r).name for r in related)}]",
            "---",
            "",
            f"# Page {number:05d}",
            "",
        ]
        for variant, root in roots.items():
            body = []
            for index, paragraph in enumerate(paragraphs):
                extra = ""
                if index < len(tools):
                    tool = tools[index]
                    if variant == "ga4gh":
                        extra += f" See {{tool}}`{tool}`."
                    else:
                        extra += f" See [{tool_names[tool]}](https://tools.example.org/{tool[5:]})."
                if index < len(keys):
                    extra += f" As shown {{cite:p}}`{keys[index]}`."
                body += [paragraph + extra, ""]
            for key in keys[len(paragraphs) :]:
                body += [f"Also {{cite:p}}`{key}`.", ""]
            if variant != "ga4gh" and keys:
                body += [
                    "## References",
                    "",
                    "```{bibliography}",
                    ":filter: docname in docnames",
                    "```",
                    "",
                ]
            path = root / f"{docname}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("\n".join(front + body), "utf-8")
    for variant, root in roots.items():
        _write_index(root, variant, spec.pages)
        _write_conf(root, variant)
    return roots


def _write_index(root: Path, variant: str, pages: int) -> None:
    lines = ["# Synthetic field guide", ""]
    for page_type in TYPES:
        lines += ["```{toctree}", f":caption: {page_type}", ":hidden:", ""]
        lines += [
            _page_docname(n) for n in range(pages) if n % len(TYPES) == TYPES.index(page_type)
        ]
        lines += ["```", ""]
    lines += ["```{toctree}", ":hidden:", "", "tools", "```", ""]
    if variant == "ga4gh":
        for page_type in TYPES:
            lines += [f"## {page_type}", "", f"```{{section-tiles}} {page_type}", "```", ""]
    (root / "index.md").write_text("\n".join(lines), "utf-8")
    tools_page = ["# All tools and resources", ""]
    tools_page += ["```{tool-table}", "```", ""] if variant == "ga4gh" else ["See each page.", ""]
    (root / "tools.md").write_text("\n".join(tools_page), "utf-8")


def _write_conf(root: Path, variant: str) -> None:
    if variant == "ga4gh":
        conf = 'extensions = ["sphinx_ga4gh"]\n'
    else:
        indexed = (
            ', "sphinx_ga4gh.references.indexed_domain"' if variant.endswith("indexed") else ""
        )
        conf = (
            f'extensions = ["myst_parser", "sphinxcontrib.bibtex"{indexed}]\n'
            'bibtex_bibfiles = ["_bibliography/references.bib"]\n'
            'bibtex_reference_style = "author_year"\n'
            "suppress_warnings = ['bibtex.duplicate_citation', 'bibtex.duplicate_label']\n"
        )
    conf += 'project = "Synthetic guide"\nexclude_patterns = ["_build", "_data", "_bibliography"]\n'
    # The "basic" theme, whose sidebar shows the page's own contents: themes whose sidebar
    # renders the whole site's navigation on every page cost Sphinx time quadratic in the
    # number of pages, the same with or without the extension (see docs/performance.md).
    conf += 'html_theme = "basic"\n'
    (root / "conf.py").write_text(conf, "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--size", choices=sorted(SIZES), default="toolkit")
    arguments = parser.parse_args()
    for variant, root in generate(arguments.out, arguments.size).items():
        print(variant, root)


if __name__ == "__main__":
    main()
