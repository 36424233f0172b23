"""Acronyms must be spelt out the first time they are used in a file, unless everyone knows them."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Document, Hit
from ..registry import Context, rule

_ACRONYM = re.compile(r"\b[A-Z]{2,}s?\b")  # letters only, so postcodes such as LS1 are not acronyms


@rule("JG002", "acronym-unexplained", "error", "An acronym not spelt out where it is first used.", languages=("en",))
def acronym_unexplained(doc: Document, ctx: Context) -> Iterator[Hit]:
    seen: set[str] = set()
    text_so_far = ""
    for unit in doc.units:
        for found in _ACRONYM.finditer(unit.text):
            acronym = found.group().rstrip("s")  # "CVs" is the plural of "CV"
            if acronym in seen or acronym in ctx.words.allowed_acronyms:
                continue
            seen.add(acronym)
            expansion = ctx.words.acronyms.get(acronym, "")
            if _explained(acronym, expansion, text_so_far + unit.text[: found.start()], unit.text[found.end() :]):
                continue
            suggestion = (
                f"{expansion} ({acronym})" if expansion else f"spell out what {acronym} stands for, then ({acronym})"
            )
            yield Hit(unit, found.group(), f"'{acronym}' is not spelt out at its first use", suggestion)
        text_so_far += unit.text + "\n"


def _explained(acronym: str, expansion: str, before: str, after: str) -> bool:
    """Spelt out just before ("Universal Credit (UC)") or just after ("UC (Universal Credit)")."""
    if after.lstrip().startswith("("):
        return True
    if before.rstrip().endswith("(") or before.rstrip().endswith("(the"):
        return True
    return bool(expansion) and expansion.lower() in before[-200:].lower()
