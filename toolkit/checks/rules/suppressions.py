"""An ignore comment must name real rules: a misspelt name would switch nothing off, and nobody would know."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Document, Hit
from ..registry import Context, all_rules, rule


@rule("TK001", "unknown-rule", "warning", "An ignore comment that names a rule that does not exist.")
def unknown_rule(doc: Document, ctx: Context) -> Iterator[Hit]:
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
