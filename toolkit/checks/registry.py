"""The rule registry: each rule is a small function with a stable code, name and default severity."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from .model import Document, Hit, Severity
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
    code: str
    name: str
    severity: Severity
    summary: str
    check: Check
    defaults: dict[str, Any]
    languages: tuple[str, ...] = ()  # language codes the rule works for; empty for every language

    def applies_to(self, language: str) -> bool:
        return not self.languages or language.replace("_", "-").split("-")[0].lower() in self.languages


RULES: dict[str, Rule] = {}


def rule(
    code: str, name: str, severity: str, summary: str, languages: tuple[str, ...] = (), **defaults: Any
) -> Callable[[Check], Check]:
    """Register a rule; `defaults` are the options a team can change in toolkit.toml.

    `languages` limits a rule to documents in those languages, such as ("en",) for one that knows
    English grammar.
    """

    def add(check: Check) -> Check:
        RULES[name] = Rule(code, name, Severity.named(severity), summary, check, defaults, languages)
        return check

    return add


def all_rules() -> dict[str, Rule]:
    """Every rule, after importing the modules that register them."""
    from .rules import (  # noqa: F401
        accessibility_links,
        acronyms,
        local,
        pdf,
        plain_english,
        slide_legibility,
        slides,
        suppressions,
        words,
    )

    return RULES
