"""Links to pages by ``page_id``: the ``{ga4gh:page}`` role and plain ``[text](page_id)``.

myst-parser turns ``[text](x)`` into a ``myst`` reference that it resolves against documents,
labels and every domain, and calls it ambiguous when ``x`` is both a document name and, through
this domain, that same document's page id. :class:`ResolvePageIdLinks` runs just before
myst's resolver and settles links whose target is a page id itself, so that case is not
ambiguous, and reports bare targets that resolve to nothing as ``ga4gh.page``.
"""

from __future__ import annotations

import re
from typing import Any, cast

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.roles import XRefRole
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import docname_join

from ..domain import get_domain
from ..reporting import warn

#: A target that can only be a page id, label or document name (no path, anchor or scheme).
_BARE_TARGET = re.compile(r"[A-Za-z0-9_.\-]+")


class PageRole(XRefRole):
    """``{ga4gh:page}`passports_visas``` links to the page with that ``page_id``."""

    def __init__(self) -> None:
        super().__init__(innernodeclass=nodes.inline, warn_dangling=True)


def register_page_id(app: Sphinx, doctree: nodes.document) -> None:
    """At ``doctree-read``: the page's ``page_id`` front matter makes it a ``ga4gh:page``."""
    env = app.env
    page_id = env.metadata.get(env.docname, {}).get("page_id")
    if page_id is None:
        return
    page_id = str(page_id).strip()
    if page_id:
        get_domain(env).note_page(page_id, env.docname, 1)


class ResolvePageIdLinks(SphinxPostTransform):
    """Resolve ``[text](page_id)`` before myst-parser's resolver (priority 9) sees it."""

    default_priority = 8

    def run(self, **kwargs: Any) -> None:
        for node in list(self.document.findall(pending_xref)):
            if node.get("reftype") == "myst" and node.get("refdomain") != "doc":
                self._resolve(node)

    def _resolve(self, node: pending_xref) -> None:
        domain = get_domain(self.env)
        assert self.app.builder is not None
        target: str = node["reftarget"]
        refdoc: str = node.get("refdoc", self.env.current_document.docname)
        page = domain.pages.get(target)
        if page is None:
            if _BARE_TARGET.fullmatch(target) and not self._resolvable_elsewhere(node, refdoc):
                warn(f"link to unknown page_id or document {target!r}", "page", node)
                node.replace_self(node[0].deepcopy() if node.children else nodes.Text(target))
            return
        same_name = docname_join(refdoc, target)
        if same_name in self.env.all_docs and same_name != page.docname:
            warn(
                f"link target {target!r} is the page_id of {page.docname!r} and also the "
                f"document {same_name!r}; the page_id wins",
                "page",
                node,
            )
        contnode = cast(nodes.Element, node[0].deepcopy())
        resolved = domain.resolve_xref(
            self.env, refdoc, self.app.builder, "page", target, node, contnode
        )
        if resolved is not None:
            node.replace_self(resolved)

    def _resolvable_elsewhere(self, node: pending_xref, refdoc: str) -> bool:
        """Whether myst-parser could resolve the target (documents, labels, domains, intersphinx)."""
        target: str = node["reftarget"]
        if docname_join(refdoc, target) in self.env.all_docs:
            return True
        if getattr(self.config, "intersphinx_mapping", None):
            return True
        std = self.env.domains.standard_domain
        if target.lower() in std.labels or target.lower() in std.anonlabels:
            return True
        assert self.app.builder is not None
        contnode = cast(nodes.Element, node[0].deepcopy()) if node.children else nodes.inline()
        for domain in self.env.domains.values():
            if domain.name == "ga4gh":
                continue
            try:
                if domain.resolve_any_xref(
                    self.env, refdoc, self.app.builder, target, node, contnode
                ):
                    return True
            except NotImplementedError:
                # The fallback myst-parser uses for such domains: try each role.
                for role in domain.roles:
                    if domain.resolve_xref(
                        self.env, refdoc, self.app.builder, role, target, node, contnode
                    ):
                        return True
        return False
