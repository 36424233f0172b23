"""How local a deck is: the share of its content slides that use the site's or district's facts."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..readers.document import Document


@dataclass(frozen=True)
class LocalShare:
    """Which content slides use local facts, and which do not."""

    local_slides: tuple[int, ...]
    generic_slides: tuple[int, ...]

    @property
    def share(self) -> float:
        total = len(self.local_slides) + len(self.generic_slides)
        return len(self.local_slides) / total if total else 1.0

    def as_dict(self) -> dict[str, object]:
        return {
            "share": round(self.share, 2),
            "local_slides": list(self.local_slides),
            "generic_slides": list(self.generic_slides),
        }


def local_share(doc: Document) -> LocalShare | None:
    """None unless the document was rendered for a site; the first slide (the title) is not counted."""
    if doc.local is None:
        return None
    text: dict[int, list[str]] = defaultdict(list)
    for unit in doc.units:
        slide = unit.location.get("slide")
        if isinstance(slide, int) and slide > 1:
            text[slide].append(" ".join(unit.text.split()).casefold())
    local = [n for n, parts in sorted(text.items()) if any(f in " ".join(parts) for f in doc.local.facts)]
    return LocalShare(tuple(local), tuple(n for n in sorted(text) if n not in local))
