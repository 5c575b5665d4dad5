"""One rule for turning a name written in data (a page type, a tool type, a registry key) into
the label readers see: underscores become spaces and the first letter a capital; the rest is
kept as written, so acronyms stay (``GA4GH_API`` → "GA4GH API", ``data_life_cycle`` →
"Data life cycle")."""

from __future__ import annotations


def label_from_name(name: str) -> str:
    label = name.replace("_", " ").strip()
    return label[:1].upper() + label[1:]
