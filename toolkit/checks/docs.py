"""The rules reference in Markdown: what docs/checks.md shows, made from each rule's docstring."""

from __future__ import annotations

from .registry import Rule, groups


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
