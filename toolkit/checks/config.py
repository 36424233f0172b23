"""Check settings from toolkit.toml: rules on or off, severities, thresholds.

The settings for a file are in the nearest toolkit.toml (or pyproject.toml with a [tool.toolkit] table)
in its folder or above it, as ruff and other linters find theirs; else in the content root."""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..errors import ToolkitError
from ..files import confined, inside
from ..project import bundled_root
from .model import Severity
from .registry import Rule, all_rules

CONFIG_FILE = "toolkit.toml"
PYPROJECT = "pyproject.toml"


@dataclass(frozen=True)
class RuleSettings:
    """One rule's settings: its defaults, with what toolkit.toml changes."""

    enabled: bool
    severity: Severity
    options: dict[str, Any]


@dataclass(frozen=True)
class CheckConfig:
    """The settings for the files under one settings file, or for the content root."""

    rules: dict[str, RuleSettings]
    word_lists: tuple[Path, ...]
    ignore_files: tuple[str, ...] = ()
    path: Path | None = field(default=None, compare=False)
    language_lists: dict[str, tuple[Path, ...]] = field(default_factory=dict)  # other languages' own word lists

    def only(self, select: Sequence[str]) -> CheckConfig:
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
        """Whether `ignore_files` names the file, as given or as a path from the settings file's folder."""
        names = [path.as_posix()]
        if self.path is not None and path.resolve().is_relative_to(self.path.parent.resolve()):
            names.append(path.resolve().relative_to(self.path.parent.resolve()).as_posix())
        return any(fnmatch.fnmatch(name, pattern) for name in names for pattern in self.ignore_files)


def find_config(folder: Path) -> Path | None:
    """The nearest toolkit.toml, or pyproject.toml with a [tool.toolkit] table, in `folder` or above it."""
    for place in (folder, *folder.parents):
        if (place / CONFIG_FILE).is_file():
            return place / CONFIG_FILE
        if (place / PYPROJECT).is_file() and _has_toolkit_table(place / PYPROJECT):
            return place / PYPROJECT
    return None


def _has_toolkit_table(path: Path) -> bool:
    """A quick look for [tool.toolkit...] before parsing: most pyproject.toml files are not ours."""
    try:
        return re.search(r"^\s*\[\s*tool\.toolkit\b", path.read_text(encoding="utf-8"), re.MULTILINE) is not None
    except (OSError, UnicodeDecodeError):
        return False


def load_config(root: Path | None, path: Path | None = None) -> CheckConfig:
    """Settings from `path` (default `root/toolkit.toml`) over the rules' defaults; a mistake names the file and line.

    In pyproject.toml the settings sit under [tool.toolkit], so [check] there is [tool.toolkit.check]."""
    path = path or (root / CONFIG_FILE if root else None)
    data: dict[str, Any] = {}
    text = ""
    if root and path and path.is_file():
        import tomllib  # loads only when there is a settings file to read

        confined(root, path)
        try:
            text = path.read_text(encoding="utf-8")
            parsed = tomllib.loads(text)
            if path.name == PYPROJECT:
                parsed = parsed.get("tool", {}).get("toolkit", {})
            data = parsed.get("check", {})
        except UnicodeDecodeError:
            raise ToolkitError("is not UTF-8 text: save it as UTF-8 and try again", path) from None
        except tomllib.TOMLDecodeError as err:
            found = re.search(r"line (\d+)", str(err))
            reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(err))
            line = int(found[1]) if found else None
            raise ToolkitError(f"is not valid TOML ({reason}): fix it", path, line) from None
    where = _Where(path, text)
    _need(isinstance(data, dict), "'check' must be a table, written [check]", where, "check")
    overrides = data.get("rules", {})
    _need(isinstance(overrides, dict), "'rules' must be tables, like [check.rules.sentence-too-long]", where, "rules")
    rules = all_rules()
    for name in overrides:
        if name not in rules:
            raise ToolkitError(f"no rule called '{name}': run 'toolkit rules' to list them", path, where.line(name))
    settings = {name: _settings(rule, overrides.get(name, {}), where) for name, rule in rules.items()}
    own = root / "templates" / "wordlists" if root else None
    folder = own if own and own.is_dir() else bundled_root() / "templates" / "wordlists"
    lists = sorted(folder.glob("*.yaml"))
    extra = tuple(_word_list(root, name, where) for name in _strings(data, "word_lists", where)) if root else ()
    ignore = tuple(_strings(data, "ignore_files", where))
    languages = {sub.name: tuple(sorted(sub.glob("*.yaml"))) for sub in sorted(folder.iterdir()) if sub.is_dir()}
    return CheckConfig(settings, (*lists, *extra), ignore, path, languages)


@dataclass(frozen=True)
class _Where:
    """toolkit.toml and its text, to find the line a setting is on (tomllib does not say)."""

    path: Path | None
    text: str

    def line(self, *keys: str) -> int | None:
        """The line of the last key, looking for each key after the line of the one before it."""
        lines = self.text.splitlines()
        start, found = 0, None
        for key in keys:
            pattern = re.compile(rf"(^|[\s.\[\"']){re.escape(key)}([\s.\]\"'=]|$)")
            found = next((n for n in range(start, len(lines)) if pattern.search(lines[n].split("#")[0])), None)
            if found is None:
                return None
            start = found
        return None if found is None else found + 1


def _need(ok: bool, message: str, where: _Where, *keys: str) -> None:
    if not ok:
        raise ToolkitError(message, where.path, where.line(*keys))


def _strings(data: dict[str, Any], key: str, where: _Where) -> list[str]:
    value = data.get(key, [])
    ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
    _need(ok, f"'{key}' must be a list of file names in quotes, like [\"our-words.yaml\"]", where, key)
    return value


def _word_list(root: Path, name: str, where: _Where) -> Path:
    """A word list toolkit.toml names: a file inside the content folder."""
    line = where.line("word_lists")
    try:
        path = inside(root, name)
    except ToolkitError:
        raise ToolkitError(
            f"word list '{name}' is outside the content folder: put it in {root.name}/", where.path, line
        ) from None
    if not path.is_file():
        raise ToolkitError(f"word list '{name}' is not there: check its name", where.path, line)
    return root / name


def _settings(rule: Rule, given: Any, where: _Where) -> RuleSettings:
    path = where.path
    _need(isinstance(given, dict), f"rule '{rule.name}' must be a table of settings", where, rule.name)
    unknown = set(given) - {"enabled", "severity", *rule.defaults}
    if unknown:
        first = sorted(unknown)[0]
        raise ToolkitError(f"rule '{rule.name}' has no setting '{first}'", path, where.line(rule.name, first))
    enabled = given.get("enabled", True)
    _need(isinstance(enabled, bool), f"rule '{rule.name}': enabled must be true or false", where, rule.name, "enabled")
    try:
        severity = Severity.named(given.get("severity", rule.severity.name))
    except (KeyError, AttributeError, TypeError):
        line = where.line(rule.name, "severity")
        raise ToolkitError(f"rule '{rule.name}': severity must be error, warning or suggestion", path, line) from None
    for key, default in rule.defaults.items():
        if key in given and not _same_kind(given[key], default):
            kind = _KINDS.get(type(default), "text")
            raise ToolkitError(
                f"rule '{rule.name}': {key} must be {kind}, like {key} = {default!r}", path, where.line(rule.name, key)
            )
    options = {**rule.defaults, **{k: v for k, v in given.items() if k in rule.defaults}}
    return RuleSettings(enabled, severity, options)


_KINDS = {bool: "true or false", int: "a whole number", float: "a number"}


def _same_kind(value: Any, default: Any) -> bool:
    """A setting has the same kind of value as its default: a whole number where the default is one."""
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(value, bool) and isinstance(default, bool)
    if isinstance(default, int):
        return isinstance(value, int)
    if isinstance(default, float):
        return isinstance(value, int | float)
    return isinstance(value, type(default))
