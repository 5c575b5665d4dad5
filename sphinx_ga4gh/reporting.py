"""Warnings with a ``ga4gh.<subtype>`` type, so ``suppress_warnings`` and ``-W`` work (SPEC §7)."""

from __future__ import annotations

from docutils import nodes
from sphinx.util import logging

from .data.diagnostics import Diagnostic, Subtype

logger = logging.getLogger("sphinx_ga4gh")

WARNING_TYPE = "ga4gh"

Location = nodes.Node | tuple[str, int] | str | None


def warn(message: str, subtype: Subtype, location: Location) -> None:
    """One warning of type ``ga4gh`` and the given subtype, at a node, (docname, line) or path."""
    logger.warning(message, type=WARNING_TYPE, subtype=subtype, location=location)


def report(diagnostic: Diagnostic) -> None:
    """Emit a data-file diagnostic as a warning, or an error for unreadable data."""
    emit = logger.error if diagnostic.is_error else logger.warning
    emit(
        diagnostic.message,
        type=WARNING_TYPE,
        subtype=diagnostic.subtype,
        location=str(diagnostic.location),
    )
