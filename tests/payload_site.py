"""An invented field guide made of hostile values (issue 15): every payload of
``tests/payloads/payloads.yml`` in every data field, front matter key and BibTeX field, and what
its built HTML must not hold (an injected element or attribute, a dangerous link or image)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from bs4 import BeautifulSoup, Tag

PAYLOADS_FILE = Path(__file__).parent / "payloads" / "payloads.yml"
#: What every payload that could run sets; a page where it is set has run a payload.
MARKER = "__pwned"
#: The site's title (``html_title``), which themes write into their headers.
TITLE_PAYLOAD = "</title><script>window.__pwned=1</script><b onclick=window.__pwned=1>"
_PLAIN_ID = re.compile(r"[A-Za-z0-9._-]+")


def payloads() -> list[str]:
    loaded = yaml.safe_load(PAYLOADS_FILE.read_text("utf-8"))
    assert isinstance(loaded, list) and all(isinstance(item, str) for item in loaded)
    return loaded


def _dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=False, sort_keys=False, width=1000)


def _bib_value(payload: str) -> str | None:
    """The payload as a braced BibTeX value, or None when braces would not balance."""
    depth = 0
    for char in payload:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            return None
    # "%" starts a LaTeX comment (the rest of the line is gone, braces with it)
    plain = depth == 0 and not any(char in payload for char in "@%\\")
    return payload.replace("\n", " ") if plain else None


def write_payload_site(root: Path) -> None:
    """The site at ``root``: a registry, people, affiliations, BibTeX and one page per payload."""
    values = payloads()
    (root / "_data").mkdir(parents=True)
    (root / "_bibliography").mkdir()
    (root / "conf.py").write_text(
        'project = "Payloads"\nextensions = ["sphinx_ga4gh"]\n'
        'ga4gh_tools = "_data/tool_and_resource_list.yml"\n'
        'ga4gh_contributors = "_data/CONTRIBUTORS.yml"\n'
        'ga4gh_affiliations = "_data/affiliations.yml"\n'
        'bibtex_bibfiles = ["_bibliography/references.bib"]\n'
        'exclude_patterns = ["_build"]\nhtml_context = {"default_mode": "light"}\n'
        # a migrated site's title comes from its _config.yml: content, written as a literal
        f"html_title = {TITLE_PAYLOAD!r}\n",
        "utf-8",
    )
    tools: list[dict[str, Any]] = []
    for number, payload in enumerate(values):
        fields = {
            "name": payload,
            "type": payload,
            "description": payload,
            "url": payload,
            "registry": {key: payload for key in ("biotools", "fairsharing", "tess", "europmc")},
            "instance_of": payload,
            "how_to_access": payload,
            "related_pages": {"about": [payload]},
        }
        tools.append({"id": payload, **fields})
        # the same with an id a page can mention: its popover shows the payload
        tools.append({"id": f"tool{number}", **fields})
    (root / "_data" / "tool_and_resource_list.yml").write_text(_dump(tools), "utf-8")
    people = {
        payload: {
            "git": payload,
            "email": payload,
            "orcid": payload,
            "role": payload,
            "affiliation": payload,
            "image_url": payload,
        }
        for payload in values
    }
    (root / "_data" / "CONTRIBUTORS.yml").write_text(_dump(people), "utf-8")
    organisations = [
        {
            "name": payload,
            "url": payload,
            "image_url": payload,
            "type": payload,
            "expose": True,
            "pid": payload,
        }
        for payload in values
    ]
    (root / "_data" / "affiliations.yml").write_text(_dump(organisations), "utf-8")
    bib = []
    for number, payload in enumerate(values):
        value = _bib_value(payload)
        if value is None:
            continue
        fields = ("author", "title", "journal", "note", "url", "doi", "eprint", "howpublished")
        bib.append(
            f"@misc{{key{number},\n"
            + "".join(f"  {name} = {{{value}}},\n" for name in fields)
            + "  year = {2021},\n}\n"
        )
    (root / "_bibliography" / "references.bib").write_text("\n".join(bib), "utf-8")
    pages = []
    for number, payload in enumerate(values):
        name = f"page{number}"
        pages.append(name)
        matter = {
            "title": payload,
            "description": payload,
            "summary": payload,
            "type": payload,
            "page_id": payload,
            "contributors": [payload],
            "affiliations": [payload],
            "related_pages": {"about": [payload]},
            "national_resources": [
                {
                    "name": payload,
                    "url": payload,
                    "description": payload,
                    "instance_of": payload,
                    "how_to_access": payload,
                    "registry": {"biotools": payload},
                }
            ],
        }
        body = [
            f"Mentions {{tool}}`tool{number}` and cites {{cite:p}}`key{number}`.",
            "",
            f"```{{ga4gh:tool}} declared{number}",
            f":name: {payload.splitlines()[0] if payload.strip() else 'x'}",
            f":type: {payload.splitlines()[0] if payload.strip() else 'x'}",
            "```",
        ]
        if _PLAIN_ID.fullmatch(payload) is None and not re.search(r"[\s`]", payload):
            body += ["", f"```{{ga4gh:tool}} {payload}", ":name: Declared", "```"]
        (root / f"{name}.md").write_text(f"---\n{_dump(matter)}---\n\n" + "\n".join(body) + "\n")
    toctree = "\n".join(pages)
    (root / "index.md").write_text(
        "# Payloads\n\n```{toctree}\n" + toctree + "\n```\n\n"
        "```{tool-table}\n```\n\n```{contributors}\n```\n\n```{affiliations}\n```\n\n"
        "```{bibliography}\n:all:\n```\n",
        "utf-8",
    )


# --- what the HTML must not hold ----------------------------------------------------------------

_URL_ATTRIBUTES = ("href", "src", "action", "formaction", "data", "poster", "xlink:href")
_DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:")


def browser_url(value: str) -> str:
    """A URL as a browser reads it: leading spaces and controls gone, tabs and newlines
    anywhere removed, backslashes as slashes, lower case."""
    value = value.lstrip("".join(chr(code) for code in range(0x21)))
    return re.sub(r"[\t\n\r]", "", value).replace("\\", "/").lower()


#: ``<script type>`` values browsers keep as data and never run.
_DATA_BLOCKS = ("application/json", "application/ld+json")


def injections(html: str, local_images: bool = True) -> list[str]:
    """What the page holds that a payload put there: an element or event attribute that
    runs its code, a link or image with a scheme that runs code, an image from a foreign host
    that a path made (``//evil.example``)."""
    soup = BeautifulSoup(html, "html.parser")
    found: list[str] = []
    for element in soup.find_all(True):
        assert isinstance(element, Tag)
        for attribute, value in element.attrs.items():
            text = " ".join(value) if isinstance(value, list) else str(value)
            if attribute.lower().startswith("on") or attribute.lower() in ("srcdoc", "autofocus"):
                found.append(f"<{element.name} {attribute}={text!r}>")
            if attribute.lower() in _URL_ATTRIBUTES or attribute.lower() == "srcset":
                url = browser_url(text)
                if url.startswith(_DANGEROUS_SCHEMES) and not (
                    element.name == "img" and url.startswith("data:image/")
                ):
                    found.append(f"<{element.name} {attribute}={text!r}>")
                if local_images and element.name in ("img", "image", "source"):
                    host = urlsplit(url).hostname or ""
                    if "evil" in host or url.startswith("//"):
                        found.append(f"<{element.name} {attribute}={text!r}>")
        if element.name in ("script", "iframe", "object", "embed"):
            text = element.get_text() + " ".join(str(v) for v in element.attrs.values())
            # JSON data blocks (JSON-LD too) do not run; that nothing ends them early is
            # checked by the parse: a payload that did would leave a script of its own
            if MARKER in text and element.get("type") not in _DATA_BLOCKS:
                found.append(f"<{element.name}>{text[:80]!r}")
    return found
