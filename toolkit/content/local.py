"""Which facts are local: those in a site's own file or its district's, not the national defaults.

A deck that uses none of them is the generic presentation the research found felt like box-ticking.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..yamlfile import read_yaml
from .loader import DISTRICT, SiteRef

# Sections a session draws on, in the words content teams see in docs/content.md.
SECTIONS = (
    "transport.operators",
    "transport.routes",
    "transport.fares",
    "transport.journey_planners",
    "travel_costs",
    "remote_options",
    "employers",
    "services",
    "timetable",
)
NOT_FACTS = {"source", "checked", "kind", "mode", "step_free_access", "nation", "example", "language", "translations"}
NOT_FACTS |= {"unconfirmed"}  # names of fields, such as "address", not words a slide shows
NOT_FACTS |= {"day", "start", "end", "topic"}  # timetable words any slide could use: "Monday", "10:00", "star"
NOT_FACTS |= {"disability_confident", "per"}  # levels and units any slide could use: "employer", "month"
MIN_LENGTH = 4  # shorter strings ("Yes", "bus") would match anywhere


@dataclass(frozen=True)
class LocalFacts:
    facts: tuple[str, ...]  # lower-case phrases to look for in slide text
    missing: tuple[str, ...]  # sections with nothing local in them
    site_file: str


def local_facts(content_dir: Path, ref: SiteRef, translate: Callable[[str], str] = str) -> LocalFacts:
    """The phrases a slide can use to be local, and the sections the site should add facts to.

    `translate` gives a phrase in the deck's language, for a deck in another language than the content's.
    """
    docs = [read_yaml(content_dir / ref.district / DISTRICT).data, read_yaml(ref.path).data]
    found = {translate(p) for data in docs for p in _strings(data)}
    phrases = sorted({p.casefold() for p in found if len(p) >= MIN_LENGTH})
    missing = tuple(section for section in SECTIONS if not any(_has(data, section) for data in docs))
    return LocalFacts(tuple(phrases), missing, str(ref.path))


def _strings(value: Any, key: str = "") -> list[str]:
    if key in NOT_FACTS:
        return []
    if isinstance(value, dict):
        return [s for k, v in value.items() if k != "district" for s in _strings(v, k)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item, key)]
    return [" ".join(value.split())] if isinstance(value, str) else []


def _has(data: dict[str, Any], section: str) -> bool:
    value: Any = data
    for part in section.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return bool(value)
