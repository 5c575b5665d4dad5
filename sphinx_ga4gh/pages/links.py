"""Links to pages by ``page_id``: the ``{ga4gh:page}`` role and plain ``[text](page_id)``.

myst-parser turns ``[text](x)`` into a ``myst`` reference that it resolves against documents,
labels and every domain, and calls it ambiguous when ``x`` is both a document name and, through
this domain, that same document's page id. :class:`ResolvePageIdLinks` runs just before
myst's resolver and turns links whose target is a page id into ``ga4gh:page`` references, so
that case is not ambiguous, and reports bare targets that resolve to nothing as ``ga4gh.page``.
"""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import docname_join

from ..domain import DOMAIN_NAME, get_domain
from ..reporting import front_matter_line, warn
from .front_matter import front_matter

#: A target that can only be a page id, label or document name (no path, anchor or scheme).
_BARE_TARGET = re.compile(r"[A-Za-z0-9_.\-]+")


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
        for node in self.document.findall(pending_xref):
            if node.get("reftype") == "myst" and node.get("refdomain") != "doc":
                self._retarget(node)

    def _retarget(self, node: pending_xref) -> None:
        domain = get_domain(self.env)
        target: str = node["reftarget"]
        refdoc: str = node.get("refdoc", self.env.current_document.docname)
        page = domain.pages.get(target)
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
        node["refdomain"] = DOMAIN_NAME
        node["reftype"] = "page"
        node["refwarn"] = True

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
