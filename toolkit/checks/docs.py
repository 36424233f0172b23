"""The rules reference in Markdown: what docs/checks.md shows, made from each rule's docstring."""

from __future__ import annotations

import inspect
import sys
from dataclasses import dataclass

from .registry import Rule, all_rules


@dataclass(frozen=True)
class Group:
    """Rules the docs list together: a heading, an introduction, and the rules in code order."""

    heading: str
    intro: str
    rules: tuple[Rule, ...]


def groups() -> list[Group]:
    """The rules in groups, in the order of their modules' names; each group's rules in code order."""
    by_module: dict[str, list[Rule]] = {}
    for each in all_rules().values():
        by_module.setdefault(each.check.__module__, []).append(each)
    found: dict[str, tuple[list[str], list[Rule]]] = {}
    for module in sorted(by_module):
        doc = sys.modules[module].__doc__ or ""
        if not doc.strip():
            raise TypeError(f"{module} needs a docstring: its first line is the heading for its rules")
        heading, _, intro = inspect.cleandoc(doc).partition("\n")
        intros, rules = found.setdefault(heading.strip(), ([], []))
        intros += [intro.strip()] if intro.strip() else []
        rules += by_module[module]
    return [
        Group(heading, "\n\n".join(intros), tuple(sorted(rules, key=lambda r: r.code)))
        for heading, (intros, rules) in found.items()
    ]


def rules_markdown() -> str:
    """The rules by group: a heading, the introduction, a table, then each rule's longer text.

    Each rule's longer text may quote what the rule finds, so an ignore comment switches that one rule
    off for it: docs/checks.md can then pass its own checks.
    """
    parts: list[str] = []
    for group in groups():
        parts.append(f"### {group.heading}")
        parts += [group.intro] if group.intro else []
        table = [_row("Code", "Name", "Severity", "What it finds", "Settings"), "|---" * 5 + "|"]
        table += [_row(r.code, r.name, str(r.severity), r.summary, _settings(r)) for r in group.rules]
        parts.append("\n".join(table))
        for rule in group.rules:
            for number, paragraph in enumerate(rule.details.split("\n\n") if rule.details else []):
                lead = f"**{rule.code} {rule.name}.** " if number == 0 else ""
                ignore = f"<!-- toolkit: ignore {rule.name} -- the rule's own description -->"
                parts.append(f"{ignore}\n{lead}{paragraph}")
    return "\n\n".join(parts) + "\n"


def _row(*cells: str) -> str:
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"


def _settings(rule: Rule) -> str:
    return ", ".join(f"`{name}` ({value})" for name, value in rule.defaults.items())
