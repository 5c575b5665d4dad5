"""Pages that are not UTF-8 are read with the bad bytes replaced, and reported (SPEC §7).

Sphinx reads a page with a strict decoder: one byte that is not UTF-8 (a page saved as
cp1252) stops the whole build with a traceback. The extension reads pages with a codec that is
Sphinx's ``utf-8-sig`` with undecodable bytes replaced by U+FFFD, and ``source-read`` warns at
the line of the first replaced byte, as docutils' own ``--input-encoding-error-handler`` would.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from sphinx.application import Sphinx

from ..reporting import warn

#: The codec Sphinx reads pages with by default, and ours that replaces what it cannot decode.
SPHINX_ENCODING = "utf-8-sig"
TOLERANT_ENCODING = "ga4gh-utf-8-sig-replace"


_UTF8 = codecs.lookup(SPHINX_ENCODING)


class _ReplacingDecoder(_UTF8.incrementaldecoder):  # type: ignore[misc,name-defined]
    """``utf-8-sig`` that replaces what it cannot decode, whatever ``errors`` it is given (the
    reader's "strict" is what is being relaxed)."""

    def __init__(self, errors: str = "strict") -> None:
        super().__init__("replace")


def _decode(data: bytes, errors: str = "strict") -> tuple[str, int]:
    return _ReplacingDecoder().decode(data, final=True), len(data)


def _search(name: str) -> codecs.CodecInfo | None:
    if name.replace("_", "-") != TOLERANT_ENCODING:
        return None
    return codecs.CodecInfo(
        _UTF8.encode,
        _decode,  # type: ignore[arg-type]
        name=TOLERANT_ENCODING,
        incrementalencoder=_UTF8.incrementalencoder,
        incrementaldecoder=_ReplacingDecoder,
    )


codecs.register(_search)


def read_pages_tolerantly(app: Sphinx) -> None:
    """``builder-inited``: pages are decoded with :data:`TOLERANT_ENCODING` when the project
    kept Sphinx's default encoding."""
    if app.env.settings.get("input_encoding", SPHINX_ENCODING) == SPHINX_ENCODING:
        app.env.settings["input_encoding"] = TOLERANT_ENCODING


def warn_undecodable(app: Sphinx, docname: str, content: list[str]) -> None:
    """``source-read``: a page whose bytes were replaced is reported at the first one."""
    if "\ufffd" not in content[0]:
        return
    path = Path(app.env.doc2path(docname))
    try:
        data = path.read_bytes()
        data.decode(SPHINX_ENCODING)
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        warn(
            f"not UTF-8 (byte {data[error.start]:#04x}); undecodable bytes are shown as '\ufffd'",
            "page",
            f"{path}:{line}",
        )
    except OSError:
        return
