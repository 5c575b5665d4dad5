"""One rule for the lists of ids and names written on one line (directive options, Liquid
parameters): items separated by commas, semicolons or spaces, empty items dropped. Ids, page
names, file names, tool types and registry keys never contain any of these."""

from __future__ import annotations

import re

_SEPARATORS = re.compile(r"[,;\s]+")


def split_names(text: str | None) -> list[str]:
    return [item for item in _SEPARATORS.split(text or "") if item]


_PEOPLE_SEPARATORS = re.compile(r"\s*[,;]\s*")


def split_people(text: str | None) -> list[str]:
    """People's names hold spaces: a list of them is separated by commas or semicolons only."""
    return [item.strip() for item in _PEOPLE_SEPARATORS.split(text or "") if item.strip()]
