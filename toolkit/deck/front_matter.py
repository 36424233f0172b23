"""Names a topic template's front matter lists, read without rendering it, so a build can plan its jobs first."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

import yaml

from ..errors import ToolkitError

_FENCE = re.compile(r"^---\s*$")


def one_of(name: str, known: Mapping[str, str], kind: str) -> str:
    """The name, if it is one of `known`; otherwise an error that lists them."""
    if name not in known:
        raise ToolkitError(f"no {kind} called '{name}': choose from {', '.join(known)}")
    return name


def declared(template: Path, key: str, known: Mapping[str, str], default: str) -> tuple[str, ...]:
    """The names a front matter line like `key: [a, b]` lists, each one of `known`; (default,) with no such line.

    The line must be a plain list on one line, with no `{{ }}` in it.
    """
    if not template.is_file():
        return (default,)  # rendering it says there is no such template
    lines = template.read_text(encoding="utf-8").splitlines()
    fences = [n for n, line in enumerate(lines) if _FENCE.match(line)][:2]
    if len(fences) < 2:
        return (default,)
    line = re.compile(rf"^{re.escape(key)}:(.*)$")
    for n in range(fences[0] + 1, fences[1]):
        found = line.match(lines[n])
        if found:
            return _names(found.group(1), key, known, template, n + 1)
    return (default,)


def _names(text: str, key: str, known: Mapping[str, str], template: Path, line: int) -> tuple[str, ...]:
    try:
        value = yaml.safe_load(text)
    except yaml.YAMLError:
        value = None
    example = ", ".join(list(known)[:2])
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        raise ToolkitError(f"'{key}' must be a list on one line, like [{example}]", template, line)
    for name in value:
        if name not in known:
            raise ToolkitError(f"'{key}' names '{name}': choose from {', '.join(known)}", template, line)
    return tuple(dict.fromkeys(value))
