"""The text sphinx-ga4gh writes into pages, translated through Sphinx's message catalogs.

``_`` marks a message (the ``sphinx_ga4gh`` catalog, in ``locales/<language>/LC_MESSAGES``);
called at import it gives a lazy text, translated when it is used, so module constants are
turned into text with ``str()`` where a page gets them. Headings set in conf.py go through
:func:`translated` too: the defaults are messages of the catalog, a site's own heading is not
and stays as written.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.locale import get_translation

MESSAGE_CATALOG = "sphinx_ga4gh"
LOCALE_DIR = Path(__file__).parent / "locales"

_ = get_translation(MESSAGE_CATALOG)


def translated(message: str) -> str:
    """``message`` in the build's ``language`` when the catalog has it (an empty text stays
    empty: gettext would give the catalog's header)."""
    return str(_(message)) if message else message


def setup_i18n(app: Sphinx) -> None:
    app.add_message_catalog(MESSAGE_CATALOG, str(LOCALE_DIR))


def gettext_noop(message: str) -> str:
    """Marks a message of the catalog that is translated where it is used, by
    :func:`translated` (the defaults of the configured headings, which must stay texts)."""
    return message
