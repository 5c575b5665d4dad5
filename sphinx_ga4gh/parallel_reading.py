"""``-j N`` reading: each reading process sends back only the pages it read.

Sphinx reads a chunk of pages in a forked process and pickles that process's whole
environment back to the main one, which loads it and keeps what belongs to the chunk
(``Builder._read_parallel``, ``BuildEnvironment.merge_info_from``). A process forked after
some chunks were merged inherits their pages, so without this each later chunk sends the
pages of all earlier ones again: at 1,500 pages, 18 chunks sent about nine whole environments,
and loading them was the largest serial part of a ``-j 2`` build (most of it the tables of
contents, which are node trees).

At the first page a reading process reads, the pages read earlier in this build by other
processes are dropped from its copy of the bulky per-page parts: Sphinx's tables of contents,
titles, front matter and dependencies, and the ``ga4gh``, ``cite`` and ``index`` domains.
The main process merges only the chunk's own pages from them, so what it keeps is the same.
The parsed BibTeX files, which the main process parsed before forking and sphinxcontrib-bibtex's
merge does not read, are sent back empty (``IndexedBibtexDomain.forget_other_readers_pages``).
Pages not read in this build (an incremental build) and the other domains (the ``std``
domain's labels, which its duplicate-label check reads) stay as they were.
"""

from __future__ import annotations

import os
from collections.abc import Set
from dataclasses import dataclass, field
from functools import partial

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

#: The domains whose data a reading process drops for other processes' pages: this
#: extension's, sphinxcontrib-bibtex's and the index (which holds our tool entries).
TRIMMED_DOMAINS = ("ga4gh", "cite", "index")


@dataclass
class _ReadingRun:
    """The pages this build reads, and the process that forks the readers."""

    main_pid: int = 0
    docnames: frozenset[str] = frozenset()
    #: the reading process that already dropped the other processes' pages
    trimmed_pid: int = field(default=0)


def note_pages_to_read(
    run: _ReadingRun, app: Sphinx, env: BuildEnvironment, docnames: list[str]
) -> None:
    """``env-before-read-docs`` (main process): the pages to read and who reads them."""
    run.main_pid = os.getpid()
    run.docnames = frozenset(docnames)
    run.trimmed_pid = run.main_pid


def drop_pages_of_other_readers(run: _ReadingRun, app: Sphinx, docname: str, _: list[str]) -> None:
    """``source-read``: in a reading process, forget once the pages other processes read."""
    pid = os.getpid()
    if pid == run.trimmed_pid or app.parallel <= 1:
        return
    run.trimmed_pid = pid
    env = app.env
    # the pages of this chunk were purged before the fork; those present came from merges
    merged = {name for name in run.docnames if name in env.all_docs and name != docname}
    forget_pages(env, merged)


def forget_pages(env: BuildEnvironment, docnames: Set[str]) -> None:
    """Drop *docnames* from the environment's bulky per-page parts.

    Not through the collectors' ``clear_doc``: the table-of-contents collector's walks every
    page's rebuild set for each page, which the merge does not read for other pages anyway.
    """
    per_page = (env.tocs, env.toc_num_entries, env.titles, env.longtitles, env.metadata)
    for docname in docnames:
        for part in per_page:
            part.pop(docname, None)
        env.dependencies.pop(docname, None)
    for name in TRIMMED_DOMAINS:
        domain = env.domains.get(name)
        if domain is None:
            continue
        # a domain of ours may forget many pages at once, and more than pages
        forget = getattr(domain, "forget_other_readers_pages", None)
        if forget is not None:
            forget(docnames)
        else:
            for docname in docnames:
                domain.clear_doc(docname)


def setup_parallel_reading(app: Sphinx) -> None:
    """Keep what ``-j N`` reading processes send back to their own pages."""
    run = _ReadingRun()
    app.connect("env-before-read-docs", partial(note_pages_to_read, run))
    # first, before any handler of ours reads the environment
    app.connect("source-read", partial(drop_pages_of_other_readers, run), priority=1)
