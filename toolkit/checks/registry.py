"""The rule registry: each rule is a small function with a stable code, name and default severity.

Rules are plug-ins: each module in toolkit.checks.rules registers its rules with `@rule`, and
`all_rules()` imports every module there. To add a rule, add a module, or a function to one.

A rule's docstring is its documentation. Its first line says what the rule finds; the rest, if any,
says why that matters or what to do. A rules module's docstring names the group its rules go in:
the first line is the group's heading, and the rest is the group's introduction. Modules with the
same heading make one group: docs.py groups them for `toolkit rules --format markdown`, which docs/checks.md shows.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from ..i18n.languages import code_of
from ..plugins import import_all
from ..readers.document import Document
from .model import Hit, Severity
from .readability import Scores
from .wordlists import WordLists


@dataclass(frozen=True)
class Context:
    """What a rule may use besides the document: its options, the word lists and the scores."""

    options: dict[str, Any]
    words: WordLists
    scores: dict[str, Scores] = field(default_factory=dict)
    file_scores: Scores | None = None


Check = Callable[[Document, Context], Iterable[Hit]]


@dataclass(frozen=True)
class Rule:
    """A registered rule: the check, and what `toolkit rules` and the docs say of it."""

    code: str
    name: str
    severity: Severity
    summary: str  # what the rule finds: the first line of its docstring
    details: str  # the rest of its docstring, paragraphs apart by a blank line; may be empty
    check: Check
    defaults: dict[str, Any]
    languages: tuple[str, ...] = ()  # language codes the rule works for; empty for every language

    def applies_to(self, language: str) -> bool:
        return not self.languages or code_of(language) in self.languages


RULES: dict[str, Rule] = {}


def rule(
    code: str, name: str, severity: str, languages: tuple[str, ...] = (), **defaults: Any
) -> Callable[[Check], Check]:
    """Register a rule; `defaults` are the options a team can change in toolkit.toml.

    The rule's docstring says what it finds: a rule without one is a bug. `languages` limits a rule to
    documents in those languages, such as ("en",) for one that knows English grammar.
    """

    def add(check: Check) -> Check:
        if not (check.__doc__ or "").strip():
            raise TypeError(f"rule {code} ({check.__qualname__}) needs a docstring that says what it finds")
        summary, details = _split(check.__doc__)
        RULES[name] = Rule(code, name, Severity.named(severity), summary, details, check, defaults, languages)
        return check

    return add


def _split(doc: str | None) -> tuple[str, str]:
    """A docstring's first paragraph on one line, and the paragraphs after it, each on one line."""
    paragraphs = [" ".join(p.split()) for p in inspect.cleandoc(doc or "").split("\n\n") if p.strip()]
    return (paragraphs[0] if paragraphs else ""), "\n\n".join(paragraphs[1:])


def all_rules() -> dict[str, Rule]:
    """Every rule, after importing each module in toolkit.checks.rules: a module registers its rules."""
    import_all(f"{__package__}.rules")
    return RULES
