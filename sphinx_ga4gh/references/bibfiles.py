"""BibTeX files read as jekyll-scholar reads them: every entry, whatever else the file holds.

pybtex (and so sphinxcontrib-bibtex's ``parse_bibdata``) stops reading a file at its first
repeated key or syntax error, and every entry after it is "not found". Here each entry is parsed
on its own: the text is cut where an ``@type{`` starts a line, so a brace left open cannot
swallow the entries after it, and ``@string`` macros are shared from one entry to the next. A
repeated key keeps the first entry; a broken entry is left out alone. Each problem is reported
with the file and line of its entry.

The build hands the result to sphinxcontrib-bibtex as its own ``BibData`` (``builder-inited``,
before sphinxcontrib-bibtex's handler, which then finds the data up to date and does not parse
again); ``sphinx-ga4gh check`` reads the files with the same code.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pybtex.errors
from pybtex.database import BibliographyData
from pybtex.database.input.bibtex import Parser, UndefinedMacro
from pybtex.exceptions import PybtexError
from pybtex.richtext import Text
from pybtex.scanner import PrematureEOF, PybtexSyntaxError
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinxcontrib.bibtex.bibfile import BibData, BibFile, get_mtime, is_bibdata_outdated

from ..data.urls import is_safe_url
from ..reporting import warn

#: Where an entry (or ``@string``, ``@comment``…) starts: ``@type{`` or ``@type(`` on its line.
_ENTRY_START = re.compile(r"^[ \t]*@[ \t]*[A-Za-z][\w-]*[ \t]*[{(]", re.MULTILINE)
#: The key after the start of an entry, to name an entry that cannot be parsed.
_ENTRY_KEY = re.compile(r"@[ \t]*(\w[\w-]*)[ \t]*[{(][ \t]*([^,\s{}()]*)")
DEFAULT_ENCODING = "utf-8-sig"


@dataclass(frozen=True)
class BibProblem:
    """Something in a BibTeX file that the reader left out or repaired."""

    path: Path
    line: int
    message: str


@dataclass
class Bibliography:
    """Every readable entry of some BibTeX files."""

    data: BibliographyData
    #: Per file, the keys of the entries it added, in file order.
    keys: dict[Path, dict[str, None]] = field(default_factory=dict)
    #: Key (lower case, as BibTeX compares them) → file and line of its entry.
    lines: dict[str, tuple[Path, int]] = field(default_factory=dict)
    problems: list[BibProblem] = field(default_factory=list)


def repeated_key_message(key: str, first: str) -> str:
    return (
        f"BibTeX key {key!r} repeats the entry at {first}; the first entry is used and this "
        "one is left out"
    )


class _EntrySyntaxError(Exception):
    """An entry that cannot be read; raised out of pybtex's parser to leave the entry out."""

    def __init__(self, error: PybtexSyntaxError) -> None:
        super().__init__(str(error))
        self.error = error


class TolerantBibParser(Parser):  # type: ignore[misc]
    """pybtex's BibTeX parser, given one entry at a time and noting problems instead of
    raising: a repeated key (the first entry stays), a syntax error (the entry is left out),
    a repeated field or an undefined ``@string`` (the entry stays, as BibTeX keeps it)."""

    def __init__(self, encoding: str = DEFAULT_ENCODING) -> None:
        super().__init__(encoding)
        self.text_encoding = encoding
        self.bibliography = Bibliography(self.data)
        self._path = Path()
        self._line = 1
        self._entries_in_chunk = 0

    def _where(self, path: Path, line: int, relative_to: Path) -> str:
        return f"line {line}" if path == relative_to else f"{path}:{line}"

    def _problem(self, line: int, message: str) -> None:
        self.bibliography.problems.append(BibProblem(self._path, line, message))

    def handle_error(self, error: Exception) -> None:
        """Called by pybtex's parser (which raises in strict mode, or goes on with a half-read
        entry otherwise): a syntax error leaves the entry out, the rest are noted."""
        if isinstance(error, PybtexSyntaxError) and error.error_type == "syntax error":
            raise _EntrySyntaxError(error)
        line = self._line + self._lines_before(error)
        if isinstance(error, UndefinedMacro):
            key = error.parser.current_entry_key
            message = f"undefined @string {error.args[0]!r}, left empty"
            self._problem(line, f"BibTeX entry {key!r}: {message}" if key else message)
        else:  # a repeated field: pybtex keeps the first
            self._problem(line, f"BibTeX {error}; the first is used")

    def _lines_before(self, error: Exception) -> int:
        lineno = getattr(error, "lineno", None)
        return lineno - 1 if isinstance(lineno, int) and lineno > 0 else 0

    def process_entry(self, entry_type: str, key: str | None, fields: Any) -> None:
        self._entries_in_chunk += 1
        if key is not None and key in self.data.entries:  # case-insensitive, as BibTeX
            first_path, first_line = self.bibliography.lines[key.lower()]
            first = self._where(first_path, first_line, self._path)
            self._problem(self._line, repeated_key_message(key, first))
            return
        # A malformed name ("too many commas") is reported by pybtex through its global
        # error handler; captured, the entry is kept with the name as pybtex read it.
        with pybtex.errors.capture() as errors:
            super().process_entry(entry_type, key, fields)
        for error in errors:
            self._problem(self._line, f"BibTeX entry {key!r}: {error}")
        if key is not None:
            self.bibliography.lines[key.lower()] = (self._path, self._line)
            self.bibliography.keys[self._path][self.data.entries[key].key] = None
            self._readable_as_latex(self.data.entries[key])
            self._unlinked_urls(self.data.entries[key])

    def _unlinked_urls(self, entry: Any) -> None:
        """A field that would be a link but is not an http(s) or mailto URL (``javascript:``)
        is shown as text (``Ga4ghFormattingStyle.format_url``); reported at the field's line."""
        for name in LINKED_FIELDS:
            value = entry.fields.get(name, "")
            if value and not is_safe_url(value):
                line = field_line(self._path, self._line, name)
                self._problem(line, unsafe_url_message(entry.key, name, value))

    def _readable_as_latex(self, entry: Any) -> None:
        """pybtex reads field values as LaTeX when it formats them, so a ``%`` starts a
        comment and hides the brace that closes a group ("unbalanced braces" would stop the
        build when the entry is listed). BibTeX and jekyll-scholar show the ``%``: it is read
        as ``\\%``. A value that is still not LaTeX is left out of the entry."""
        for name, value in list(entry.fields.items()):
            readable = _as_latex(value)
            if readable == value:
                continue
            if readable is None:
                del entry.fields[name]
                message = f"field {name!r} is not readable as LaTeX (unbalanced braces); left out"
            else:
                entry.fields[name] = readable
                message = f"field {name!r} has a '%' that LaTeX would read as a comment; shown as %"
            self._problem(self._line, f"BibTeX entry {entry.key!r}: {message}")

    def read_text(self, path: Path, text: str) -> None:
        """Read the entries of ``text`` (the contents of ``path``), each on its own."""
        self._path = path
        self.filename = str(path)
        self.bibliography.keys.setdefault(path, {})
        for line, chunk in _chunks(text):
            self._line = line
            self._entries_in_chunk = 0
            try:
                self.parse_string(chunk)
            except _EntrySyntaxError as failure:
                self._syntax_problem(chunk, failure.error)
            except PybtexError as error:
                self._problem(line, f"BibTeX: {_plain(error)}; the entry is left out")

    def _syntax_problem(self, chunk: str, error: PybtexSyntaxError) -> None:
        error_line = self._line + self._lines_before(error)
        if self._entries_in_chunk:  # text after a complete entry, before the next one
            self._problem(error_line, f"unreadable BibTeX text: {_plain(error)}; it is skipped")
            return
        match = _ENTRY_KEY.match(chunk.lstrip())
        name = f"BibTeX entry {match.group(2)!r}" if match and match.group(2) else "BibTeX entry"
        if isinstance(error, PrematureEOF):
            reason = "a brace or quote opened in it is not closed before the next entry"
        else:
            reason = f"{_plain(error)} at line {error_line}"
        self._problem(self._line, f"{name} cannot be read ({reason}); it is left out")

    def read_file(self, path: Path) -> None:
        if not path.is_file():
            self._path = path
            self.bibliography.keys.setdefault(path, {})
            self._problem(1, "BibTeX file not found")
            return
        self.read_text(path, self._decode(path))

    def _decode(self, path: Path) -> str:
        raw = path.read_bytes()
        self._path = path
        try:
            text = raw.decode(self.text_encoding)
        except LookupError:
            self._problem(1, f"unknown bibtex_encoding {self.text_encoding!r}; read as UTF-8")
            self.text_encoding = DEFAULT_ENCODING
            text = raw.decode(self.text_encoding, errors="replace")
        except UnicodeDecodeError as error:
            line = raw[: error.start].count(b"\n") + 1
            message = f"not valid {self.text_encoding} (bibtex_encoding); unreadable bytes replaced"
            self._problem(line, message)
            text = raw.decode(self.text_encoding, errors="replace")
        return text.replace("\r\n", "\n").replace("\r", "\n")


#: BibTeX fields pybtex's styles make a link of as they are (``doi``, ``eprint``, ``pubmed``
#: are put after an https address).
LINKED_FIELDS = ("url",)


def unsafe_url_message(key: str, name: str, value: str) -> str:
    return (
        f"BibTeX entry {key!r}: {name} {value!r} is not an http(s) or mailto URL; it is shown "
        "as text, not linked"
    )


def field_line(path: Path, entry_line: int, name: str) -> int:
    """The line of field ``name`` in the entry starting at ``entry_line`` of ``path`` (the
    entry's line when it is not found)."""
    try:
        # "\n" only: a BibTeX line may hold U+2028, which splitlines() would count
        lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
    except OSError:
        return entry_line
    start = re.compile(rf"^\s*{re.escape(name)}\s*=", re.IGNORECASE)
    for number in range(entry_line, len(lines) + 1):
        if number > entry_line and lines[number - 1].lstrip().startswith("@"):
            break
        if start.search(lines[number - 1]):
            return number
    return entry_line


_UNESCAPED_PERCENT = re.compile(r"(?<!\\)%")


def _balanced_braces(value: str) -> bool:
    depth = 0
    for char in value:
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def _as_latex(value: str) -> str | None:
    """``value`` as pybtex can read it as LaTeX: as it is, with its ``%`` escaped, or None."""
    if "%" not in value and "\\" not in value and _balanced_braces(value):
        # without a comment or a command, decoding the LaTeX changes no brace: pybtex reads
        # it unless its braces are unbalanced (decoding every field was most of the loading)
        return value
    for candidate in (value, _UNESCAPED_PERCENT.sub(r"\\%", value)):
        try:
            Text.from_latex(candidate)
        except PybtexError:
            continue
        return candidate
    return None


def _plain(error: Exception) -> str:
    """pybtex's message without its own (entry-relative) line number."""
    if isinstance(error, PybtexSyntaxError):
        return f"{error.error_type}: {error.args[0]}"
    return str(error)


def _chunks(text: str) -> Iterator[tuple[int, str]]:
    """``(line, text)`` of each entry: from one ``@type{`` to the next (and any text before)."""
    starts = [match.start() for match in _ENTRY_START.finditer(text)]
    if not starts or starts[0] > 0:
        starts.insert(0, 0)
    line = 1
    for start, end in zip(starts, [*starts[1:], len(text)], strict=True):
        chunk = text[start:end]
        # the line of the "@", not of the indentation or blank lines before it
        lead = len(chunk) - len(chunk.lstrip())
        yield line + chunk.count("\n", 0, lead), chunk
        line += chunk.count("\n")


def read_bibliography(paths: list[Path], encoding: str = DEFAULT_ENCODING) -> Bibliography:
    """Every readable entry of ``paths``, in file order, with what was left out and why."""
    parser = TolerantBibParser(encoding or DEFAULT_ENCODING)
    for path in paths:
        parser.read_file(path)
    order = {path: index for index, path in enumerate(paths)}
    parser.bibliography.problems.sort(key=lambda problem: (order[problem.path], problem.line))
    return parser.bibliography


# --- in the build ------------------------------------------------------------------------------

#: cite domain data: the problems of the BibTeX files as last read, shown again in each build.
PROBLEMS = "ga4gh_bibfile_problems"
#: cite domain data: whether this build read the BibTeX files again (they changed).
CHANGED = "ga4gh_bibfiles_changed"


def configured_bibfiles(app: Sphinx) -> list[Path]:
    """``bibtex_bibfiles`` as sphinxcontrib-bibtex resolves them (relative to conf.py)."""
    return [(Path(app.confdir) / name).resolve() for name in app.config.bibtex_bibfiles or []]


def load_bibliography(app: Sphinx) -> None:
    """``builder-inited``, before sphinxcontrib-bibtex's handler: every entry of the BibTeX
    files, as sphinxcontrib-bibtex's ``BibData``, which it then finds up to date.

    The files are read again only when one was added, removed or changed (path and mtime, as
    sphinxcontrib-bibtex compares them); their problems are reported in every build."""
    domain = app.env.get_domain("cite")
    paths = configured_bibfiles(app)
    encoding = app.config.bibtex_encoding
    bibdata: BibData = domain.data["bibdata"]
    # no problems noted: the data is sphinxcontrib-bibtex's own (an older environment)
    changed = PROBLEMS not in domain.data or is_bibdata_outdated(bibdata, paths, encoding)
    if changed:
        bibliography = read_bibliography(paths, encoding)
        domain.data["bibdata"] = BibData(
            encoding=encoding,
            bibfiles={
                path: BibFile(mtime=get_mtime(path), keys=bibliography.keys[path]) for path in paths
            },
            data=bibliography.data,
        )
        domain.data[PROBLEMS] = bibliography.problems
    domain.data[CHANGED] = changed
    for problem in domain.data.get(PROBLEMS, []):
        warn(problem.message, "data", f"{problem.path}:{problem.line}")


def pages_citing_changed_bibliography(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """``env-get-outdated``: when the BibTeX files changed, every page that cites or has a
    reference list is read again (its list's entries and its citations are made when read)."""
    domain = env.get_domain("cite")
    if not domain.data.get(CHANGED):
        return []
    citing = {ref.docname for ref in domain.data["citation_refs"]}
    listing = {key.docname for key in domain.data["bibliographies"]}
    return sorted(citing | listing)


_keys_of: list[tuple[BibData, set[str]]] = []


def bibliography_keys(env: BuildEnvironment) -> set[str]:
    """The keys of every loaded entry, as citations must write them (made once per load)."""
    bibdata: BibData = env.get_domain("cite").data["bibdata"]
    if not _keys_of or _keys_of[0][0] is not bibdata:
        keys = {key for bibfile in bibdata.bibfiles.values() for key in bibfile.keys}
        _keys_of[:] = [(bibdata, keys)]
    return _keys_of[0][1]
