"""Check settings from toolkit.toml at the content root: rules on or off, severities, thresholds."""

from __future__ import annotations

import fnmatch
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..errors import ToolkitError
from ..project import bundled_root
from .model import Severity
from .registry import Rule, all_rules

CONFIG_FILE = "toolkit.toml"


@dataclass(frozen=True)
class RuleSettings:
    enabled: bool
    severity: Severity
    options: dict[str, Any]


@dataclass(frozen=True)
class CheckConfig:
    rules: dict[str, RuleSettings]
    word_lists: tuple[Path, ...]
    ignore_files: tuple[str, ...] = ()
    path: Path | None = field(default=None, compare=False)
    language_lists: dict[str, tuple[Path, ...]] = field(default_factory=dict)  # other languages' own word lists

    def only(self, select: list[str] | tuple[str, ...]) -> CheckConfig:
        """The same settings with every rule off but those whose code, code prefix or name is selected."""
        if not select:
            return self
        rules = all_rules()
        wanted = {n for n, r in rules.items() for s in select if n == s or r.code.startswith(s.upper())}
        if not wanted:
            raise ToolkitError(f"no rule matches '{', '.join(select)}': run 'toolkit rules' to list them")
        chosen = {n: replace(s, enabled=s.enabled and n in wanted) for n, s in self.rules.items()}
        return replace(self, rules=chosen)

    def ignored(self, path: Path) -> bool:
        return any(fnmatch.fnmatch(path.as_posix(), pattern) for pattern in self.ignore_files)


def load_config(root: Path | None) -> CheckConfig:
    """Settings from `root/toolkit.toml` over the rules' defaults; a mistake names the line's key."""
    path = root / CONFIG_FILE if root else None
    data: dict[str, Any] = {}
    if path and path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8")).get("check", {})
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
            raise ToolkitError(f"is not valid TOML ({err}): fix it", path) from None
    overrides = data.get("rules", {})
    rules = all_rules()
    for name in overrides:
        if name not in rules:
            raise ToolkitError(f"no rule called '{name}': run 'toolkit rules' to list them", path)
    settings = {name: _settings(rule, overrides.get(name, {}), path) for name, rule in rules.items()}
    own = root / "templates" / "wordlists" if root else None
    folder = own if own and own.is_dir() else bundled_root() / "templates" / "wordlists"
    lists = sorted(folder.glob("*.yaml"))
    extra = tuple(root / p for p in data.get("word_lists", [])) if root else ()
    languages = {sub.name: tuple(sorted(sub.glob("*.yaml"))) for sub in sorted(folder.iterdir()) if sub.is_dir()}
    return CheckConfig(settings, (*lists, *extra), tuple(data.get("ignore_files", [])), path, languages)


def _settings(rule: Rule, given: dict[str, Any], path: Path | None) -> RuleSettings:
    unknown = set(given) - {"enabled", "severity", *rule.defaults}
    if unknown:
        raise ToolkitError(f"rule '{rule.name}' has no setting '{sorted(unknown)[0]}'", path)
    try:
        severity = Severity.named(given.get("severity", rule.severity.name))
    except KeyError:
        raise ToolkitError(f"rule '{rule.name}': severity must be error, warning or suggestion", path) from None
    options = {**rule.defaults, **{k: v for k, v in given.items() if k in rule.defaults}}
    return RuleSettings(bool(given.get("enabled", True)), severity, options)
