"""``-j 2`` reading processes send back only the pages they read (sphinx_ga4gh.parallel_reading),
and the main process merges the same environment, and writes the same bytes, as ``-j 1``."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest
from sphinx.environment import BuildEnvironment
from sphinx.testing.util import SphinxTestApp
from sphinx.util.parallel import make_chunks

from conftest import build

sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))
import generate as generator

#: enough pages for Sphinx to read them in more than two chunks on two processes, so that
#: some reading processes are forked after others' pages were merged
PAGES = 40

ADDRESS = re.compile(" at 0x[0-9a-f]+")


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    size = {"pages": PAGES, "tools": 60, "mentions": 120, "citations": 40}
    monkeypatch.setitem(generator.SIZES, "chunks", size)
    return generator.generate(tmp_path / "site", "chunks")["ga4gh"]


def outputs(outdir: Path) -> dict[str, bytes]:
    return {
        path.relative_to(outdir).as_posix(): path.read_bytes()
        for path in sorted(outdir.rglob("*"))
        if path.is_file() and path.suffix in {".html", ".js", ".inv"}
    }


def merged_parts(env: BuildEnvironment) -> dict[str, str]:
    """What the reading processes send back of the parts they forget for others' pages, with
    the source folder's path and objects' addresses left out (the two builds read two copies)."""
    ga4gh = env.domaindata["ga4gh"]
    cite = env.domaindata["cite"]
    parts = {
        "tocs": {name: toc.pformat() for name, toc in sorted(env.tocs.items())},
        "toc_num_entries": dict(sorted(env.toc_num_entries.items())),
        "titles": {name: title.astext() for name, title in sorted(env.titles.items())},
        "longtitles": {name: title.astext() for name, title in sorted(env.longtitles.items())},
        "metadata": dict(sorted(env.metadata.items())),
        "dependencies": {
            name: sorted(map(str, deps)) for name, deps in sorted(env.dependencies.items())
        },
        "mentions": dict(sorted(ga4gh["mentions"].items())),
        "listings": repr(sorted(ga4gh["listings"].items())),
        "index": dict(sorted(env.domaindata["index"]["entries"].items())),
        "citations": sorted(map(repr, cite["citations"])),
        "citation_refs": sorted(map(repr, cite["citation_refs"])),
        "bibliographies": sorted(map(repr, cite["bibliographies"].items())),
    }
    return {
        name: ADDRESS.sub("", repr(part).replace(str(env.srcdir), "SRC"))
        for name, part in parts.items()
    }


def test_the_site_is_read_in_more_than_two_chunks(site: Path) -> None:
    assert len(list(site.rglob("*.md"))) >= PAGES
    assert len(make_chunks([f"page{n}" for n in range(PAGES)], 2)) >= 3


def test_reading_processes_send_back_only_their_pages(
    make_app: type[SphinxTestApp], site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent: list[tuple[set[str], set[str], set[str], set[str]]] = []
    bibtex_entries_sent: list[int] = []
    merge_info_from = BuildEnvironment.merge_info_from

    def recording(self: BuildEnvironment, docnames: Any, other: BuildEnvironment, app: Any) -> None:
        cited = {ref.docname for ref in other.domaindata["cite"]["citation_refs"]}
        sent.append((set(docnames), set(other.tocs), set(other.metadata), cited))
        bibtex_entries_sent.append(len(other.domaindata["cite"]["bibdata"].data.entries))
        merge_info_from(self, docnames, other, app)

    monkeypatch.setattr(BuildEnvironment, "merge_info_from", recording)
    app, _ = build(make_app, site, freshenv=True, parallel=2)
    assert len(sent) >= 3
    # the parsed BibTeX files stay in the main process
    assert bibtex_entries_sent == [0] * len(sent)
    assert len(app.env.domaindata["cite"]["bibdata"].data.entries) > 20
    for docnames, tocs, metadata, cited in sent:
        assert tocs == docnames
        assert metadata == docnames
        assert cited <= docnames


def test_two_processes_merge_and_write_what_one_does(
    make_app: type[SphinxTestApp], site: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(site, copy)
    serial, _ = build(make_app, site, freshenv=True)
    parallel, _ = build(make_app, copy, freshenv=True, parallel=2)
    assert merged_parts(parallel.env) == merged_parts(serial.env)
    assert outputs(parallel.outdir) == outputs(serial.outdir)
