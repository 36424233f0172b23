"""Plain English and jargon"""

from __future__ import annotations

from collections.abc import Iterator

from ...readers.document import Document
from ..model import Hit
from ..registry import Context, all_rules, rule


@rule("TK001", "unknown-rule", "warning")
def unknown_rule(doc: Document, ctx: Context) -> Iterator[Hit]:
    """An ignore comment that names a rule that does not exist.

    Such a comment switches nothing off, so without this rule a misspelt name would go unnoticed. Use a
    rule's name or code, as `toolkit rules` lists them.
    """
    rules = all_rules()
    known = {name for name in rules} | {r.code for r in rules.values()}
    for unit in doc.units:
        for name in sorted(unit.ignore - known):
            yield Hit(
                unit,
                name,
                f"the ignore comment names '{name}', which is not a rule, so it switches nothing off",
                "use a rule's name or code from 'toolkit rules', like words-to-avoid or PE003",
            )
