"""Links to pages by ``page_id``: the ``{ga4gh:page}`` role and plain ``[text](page_id)``.

myst-parser turns ``[text](x)`` into a ``myst`` reference that it resolves against documents,
labels and every domain, and calls it ambiguous when ``x`` is both a document name and, through
this domain, that same document's page id. :class:`ResolvePageIdLinks` runs just before
myst's resolver and turns links whose target is a page id into ``ga4gh:page`` references, so
that case is not ambiguous, and reports bare targets that resolve to nothing as ``ga4gh.page``.

Links to a heading, as Jekyll sites write them, work too: ``[text](page_id#heading)`` and
``[text](page_id.md#heading)`` become myst-parser's own document reference
(``docname#heading``), which it resolves with its heading slugs, labels and section ids; a
heading that is not on the page, there or on the linking page (``[x](#Heading)``), is a
``ga4gh.page`` warning naming the heading.
"""

from __future__ import annotations

import re
import weakref
from typing import Any

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import docname_join

from ..data.diagnostics import did_you_mean
from ..domain import DOMAIN_NAME, LINK_REFTYPE, get_domain
from ..reporting import front_matter_line, warn
from .front_matter import front_matter

#: A target that can only be a page id, label or document name (no path, anchor or scheme).
_BARE_TARGET = re.compile(r"[A-Za-z0-9_.\-]+")
#: What Jekyll sites add to a page id in links: ``page_id.md``, ``page_id.html``.
_PAGE_SUFFIXES = (".md", ".html")
#: Marks ``[x](#anchor)`` links from the parse until this module's post-transform.
ANCHOR_LINK_CLASS = "ga4gh-anchor-link"


def register_page_id(app: Sphinx, doctree: nodes.document) -> None:
    """At ``doctree-read``: the page's ``page_id`` front matter makes it a ``ga4gh:page``."""
    env = app.env
    page_id = front_matter(env.metadata.get(env.docname, {})).page_id
    if page_id:
        source = str(env.doc2path(env.docname))
        get_domain(env).note_page(page_id, env.docname, front_matter_line(source, "page_id:"))


class ResolvePageIdLinks(SphinxPostTransform):
    """Hand ``[text](page_id)`` to this domain before myst-parser's resolver (priority 9).

    A link whose target is a page id becomes a ``ga4gh:page`` reference; so does a bare
    target that nothing else can resolve, so that the warning names it as a ``ga4gh.page``
    problem. The references resolver then resolves them with the current builder.
    """

    default_priority = 8

    def run(self, **kwargs: Any) -> None:
        for node in list(self.document.findall(pending_xref)):
            if node.get("reftype") != "myst":
                continue
            if node.get("refdomain") == "doc":
                if node.get("reftargetid"):
                    self._check_heading(node, node["reftarget"], node["reftargetid"])
            elif node.get("ga4gh_anchor"):
                self._check_local_anchor(node)
            else:
                self._retarget(node)

    def _retarget(self, node: pending_xref) -> None:
        domain = get_domain(self.env)
        target: str = node["reftarget"]
        refdoc: str = node.get("refdoc", self.env.current_document.docname)
        path, hash_, fragment = target.partition("#")
        if hash_ and path:
            docname = self._page_docname(path, refdoc)
            if docname is not None:
                node["refdomain"], node["reftarget"] = "doc", docname
                node["reftargetid"] = fragment or None
                if fragment:
                    self._check_heading(node, docname, fragment)
            return
        page = domain.pages.get(target) or domain.pages.get(_without_suffix(target))
        if page is None:
            if not _BARE_TARGET.fullmatch(target) or self._resolvable_elsewhere(target, refdoc):
                return
        else:
            same_name = docname_join(refdoc, target)
            if same_name in self.env.all_docs and same_name != page.docname:
                warn(
                    f"link target {target!r} is the page_id of {page.docname!r} and also the "
                    f"document {same_name!r}; the page_id wins",
                    "page",
                    node,
                )
            node["reftarget"] = target if target in domain.pages else _without_suffix(target)
        node["refdomain"] = DOMAIN_NAME
        node["reftype"] = "page"
        node["refwarn"] = True

    def _page_docname(self, path: str, refdoc: str) -> str | None:
        """The document a link's path names: a page id (``storage``, ``storage.md``), else a
        document name relative to the linking page; None for anything else."""
        pages = get_domain(self.env).pages
        for name in (path, _without_suffix(path)):
            if name in pages:
                return pages[name].docname
        for name in (path, _without_suffix(path)):
            docname = docname_join(refdoc, name)
            if docname in self.env.all_docs:
                return docname
        return None

    def _check_heading(self, node: pending_xref, docname: str, fragment: str) -> None:
        """A link to a heading that ``docname`` lacks: a ``ga4gh.page`` warning, and the link
        goes to ``docname#fragment`` as written (myst-parser would warn a second time)."""
        anchors = anchors_of(self.env, docname)
        if fragment in anchors:
            return
        hint = did_you_mean(fragment, anchors)
        warn(f"no heading or label {fragment!r} in page {docname!r}{hint}", "page", node)
        node["refdomain"], node["reftype"] = DOMAIN_NAME, LINK_REFTYPE
        node["reftarget"], node["refexplicit"] = f"{docname}#{fragment}", True
        if not node.astext() and isinstance(node[0], nodes.Element):
            node[0] += nodes.literal(fragment, fragment)

    def _check_local_anchor(self, node: pending_xref) -> None:
        """``[x](#anchor)`` that is no heading or label of this page: myst-parser looks for the
        anchor in the whole project; when nothing has it, a ``ga4gh.page`` warning that names
        the heading, and the link text stays, unlinked."""
        target: str = node["reftarget"]
        refdoc: str = node.get("refdoc", self.env.current_document.docname)
        if node.get("reflocalid") or self._resolvable_elsewhere(target, refdoc):
            return
        if target in get_domain(self.env).pages:
            self._retarget(node)  # ``#page_id``: a page link, as before
            return
        hint = did_you_mean(target, anchors_of(self.env, refdoc))
        warn(f"no heading or label {target!r} on this page{hint}", "page", node)
        node.replace_self(node.children)

    def _resolvable_elsewhere(self, target: str, refdoc: str) -> bool:
        """Whether myst-parser could resolve the target: a document, label, object, inventory."""
        if docname_join(refdoc, target) in self.env.all_docs:
            return True
        if getattr(self.config, "intersphinx_mapping", None):
            return True
        return target in _object_names(self.env) or target.lower() in _object_names(self.env)


def _object_names(env: BuildEnvironment) -> frozenset[str]:
    """Names of every label and object of the other domains, computed once per build."""
    ga4gh = get_domain(env)
    cached = ga4gh.other_object_names
    if cached is None:
        names: set[str] = set()
        std = env.domains.standard_domain
        names.update(std.labels, std.anonlabels)
        for domain in env.domains.values():
            if domain.name != DOMAIN_NAME:
                names.update(entry[0] for entry in domain.get_objects())
        cached = frozenset(names)
        ga4gh.other_object_names = cached
    return cached


def _without_suffix(name: str) -> str:
    for suffix in _PAGE_SUFFIXES:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def anchors_of(env: BuildEnvironment, docname: str) -> set[str]:
    """What ``docname#x`` can name, as myst-parser resolves it: heading slugs and section ids
    (myst-parser's ``myst_slugs`` metadata), and the page's labels (names and ids)."""
    slugs = env.metadata.get(docname, {}).get("myst_slugs", {})
    anchors = set(slugs) | {str(entry[1]) for entry in slugs.values()}
    std = env.domains.standard_domain
    for labels in (std.labels, std.anonlabels):
        for name, entry in labels.items():
            if entry[0] == docname:
                anchors.update((name, entry[1]))
    return anchors


class MarkAnchorLinks(SphinxTransform):
    """Mark ``[x](#anchor)`` links just before myst-parser resolves them on their page (879).

    Those it cannot resolve there become ``pending_xref`` nodes like ``[x](target)``; the
    class it copies to them tells :class:`NoteAnchorLinks` which ones were anchors."""

    default_priority = 878

    def apply(self, **kwargs: Any) -> None:
        for node in self.document.findall(nodes.reference):
            if node.get("id_link"):
                node["classes"].append(ANCHOR_LINK_CLASS)
                _WITH_ANCHOR_LINKS.add(self.document)


#: The pages being read that :class:`MarkAnchorLinks` marked links on: only those are walked
#: again by :class:`NoteAnchorLinks`.
_WITH_ANCHOR_LINKS: weakref.WeakSet[nodes.document] = weakref.WeakSet()


class NoteAnchorLinks(SphinxTransform):
    """Turn the mark of :class:`MarkAnchorLinks` into an attribute of the unresolved ones."""

    default_priority = 880

    def apply(self, **kwargs: Any) -> None:
        if self.document not in _WITH_ANCHOR_LINKS:
            return
        _WITH_ANCHOR_LINKS.discard(self.document)
        for node in self.document.findall(nodes.Element):
            if ANCHOR_LINK_CLASS not in node.get("classes", ()):
                continue
            node["classes"].remove(ANCHOR_LINK_CLASS)
            if isinstance(node.parent, pending_xref) and node.parent.get("reftype") == "myst":
                node.parent["ga4gh_anchor"] = True
