"""Audiences: who a session is written for.

Research found one generic session did not suit everyone: people with long work histories, people
already in work and people over 50 wanted different help. So each topic's front matter names the
audiences it is written for (`audiences: [general, experienced]`), and the template changes its
slides for the `audience` it is rendered for.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from ..errors import ToolkitError

GENERAL = "general"
AUDIENCES = {
    GENERAL: "everyone",
    "new-to-work": "people with little work or job-search experience",
    "experienced": "people with a long work history or high qualifications",
    "in-work": "people in part-time or zero-hours work",
    "over-50": "people aged 50 or over",
}
_FENCE = re.compile(r"^---\s*$")
_AUDIENCES_LINE = re.compile(r"^audiences:(.*)$")


def check_audience(name: str) -> str:
    """The name, if it is an audience we know; otherwise an error that lists them."""
    if name not in AUDIENCES:
        raise ToolkitError(f"no audience called '{name}': choose from {', '.join(AUDIENCES)}")
    return name


def declared_audiences(template: Path) -> tuple[str, ...]:
    """The audiences a topic template's front matter names, read without rendering it; (general,) if none.

    The line must be a plain list, like `audiences: [general, in-work]`, so a build can plan its jobs
    before it renders anything.
    """
    if not template.is_file():
        return (GENERAL,)  # rendering it says there is no such template
    lines = template.read_text(encoding="utf-8").splitlines()
    fences = [n for n, line in enumerate(lines) if _FENCE.match(line)][:2]
    if len(fences) < 2:
        return (GENERAL,)
    for n in range(fences[0] + 1, fences[1]):
        found = _AUDIENCES_LINE.match(lines[n])
        if found:
            return _audience_list(found.group(1), template, n + 1)
    return (GENERAL,)


def _audience_list(text: str, template: Path, line: int) -> tuple[str, ...]:
    try:
        value = yaml.safe_load(text)
    except yaml.YAMLError:
        value = None
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        raise ToolkitError("'audiences' must be a list on one line, like [general, in-work]", template, line)
    for name in value:
        if name not in AUDIENCES:
            raise ToolkitError(f"'audiences' names '{name}': choose from {', '.join(AUDIENCES)}", template, line)
    return tuple(dict.fromkeys(value))
