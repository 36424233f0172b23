"""Find sites and load their content: national, then district, then site, each overriding the last."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from ..errors import ToolkitError
from ..files import confined
from .models import SiteContent
from .yamlfile import YamlDoc, parse_yaml, read_yaml

_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
NATIONAL = "national.yaml"
DISTRICT = "district.yaml"
THEME = "theme.yaml"  # how decks look: national or district, never a site (see theme.py)


@dataclass(frozen=True)
class SiteRef:
    """Where a site's content lives, before it is read."""

    district: str
    site: str
    path: Path


def check_id(value: str, what: str) -> str:
    """Refuse ids that could escape the content folder or break file names (`../x`, spaces)."""
    if not _ID.match(value):
        raise ToolkitError(f"'{value}' is not a valid {what} id: use lower-case letters, digits and hyphens only")
    return value


def find_sites(content_dir: Path) -> list[SiteRef]:
    """Every jobcentre file under `content_dir`, sorted so builds are repeatable.

    A district folder or file that is a link leading out of `content_dir` is refused, naming the link.
    """
    if not (content_dir / NATIONAL).is_file():
        raise ToolkitError(f"{NATIONAL} is missing: run 'toolkit init' to start a content folder", content_dir)
    confined(content_dir, content_dir / NATIONAL)
    refs = []
    for district_dir in sorted(p for p in content_dir.iterdir() if p.is_dir()):
        if not (district_dir / DISTRICT).is_file():
            continue
        confined(content_dir, district_dir / DISTRICT)
        for site_file in sorted(district_dir.glob("*.yaml")):
            if site_file.name not in (DISTRICT, THEME):
                confined(content_dir, site_file)
                refs.append(SiteRef(district_dir.name, site_file.stem, site_file))
    for ref in refs:
        check_id(ref.district, "district")
        check_id(ref.site, "site")
    return refs


def select_sites(refs: list[SiteRef], district: str | None = None, site: str | None = None) -> list[SiteRef]:
    """Filter sites, with a helpful error when a name matches nothing."""
    if district is not None and not any(r.district == check_id(district, "district") for r in refs):
        raise ToolkitError(f"no district called '{district}': run 'toolkit sites' to list them")
    if site is not None and not any(r.site == check_id(site, "site") for r in refs):
        raise ToolkitError(f"no site called '{site}': run 'toolkit sites' to list them")
    return [r for r in refs if district in (None, r.district) and site in (None, r.site)]


def load_site(content_dir: Path, ref: SiteRef, site_text: str | None = None) -> SiteContent:
    """Merge the three files for `ref` and validate the result.

    With `site_text`, use that text in place of the site file: so a change can be checked before it is written.
    """
    site_doc = read_yaml(ref.path) if site_text is None else parse_yaml(site_text, ref.path)
    docs = [read_yaml(content_dir / NATIONAL), read_yaml(content_dir / ref.district / DISTRICT), site_doc]
    merged: dict[str, Any] = {}
    origin: dict[tuple, YamlDoc] = {}
    for doc in docs:
        merged = merge(merged, doc.data, (), doc, origin)
    merged.update(id=ref.site, district_id=ref.district)
    try:
        return SiteContent.model_validate(merged)
    except ValidationError as err:
        raise explain(err, docs[-1], origin) from None


def merge(base: Any, override: Any, location: tuple, doc: YamlDoc, origin: dict[tuple, YamlDoc]) -> Any:
    """Mappings merge key by key; lists of named items merge by name; anything else is replaced."""
    origin[location] = doc
    if isinstance(base, dict) and isinstance(override, dict):
        result = dict(base)
        for key, value in override.items():
            result[key] = merge(base.get(key), value, (*location, key), doc, origin)
        return result
    if override and _named_list(base) and _named_list(override):  # an empty list empties the list
        by_name = {item["name"]: item for item in base}
        for item in override:
            by_name[item["name"]] = item
        return list(by_name.values())
    _claim(override, location, doc, origin)
    return override


def _claim(value: Any, location: tuple, doc: YamlDoc, origin: dict[tuple, YamlDoc]) -> None:
    """Record `doc` as where everything inside a value it set whole came from, so a later file that
    changes one key inside it does not take the blame for the keys it left alone."""
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        origin[(*location, key)] = doc
        _claim(item, (*location, key), doc, origin)


def _named_list(value: Any) -> bool:
    """A list of items with names, merged by name; a name that is not text (`name: [a, b]`) is for the model
    to refuse, with its line."""
    return isinstance(value, list) and all(isinstance(i, dict) and isinstance(i.get("name"), str) for i in value)


def explain(err: ValidationError, site_doc: YamlDoc, origin: dict[tuple, YamlDoc]) -> ToolkitError:
    """Turn pydantic's first error into one line naming the file, line and field."""
    # A misspelt key also makes the real key "missing": report the misspelling, the cause.
    first = min(err.errors(), key=lambda e: e["type"] != "extra_forbidden")
    location = tuple(first["loc"])
    doc = next((origin[location[:end]] for end in range(len(location), -1, -1) if location[:end] in origin), site_doc)
    field = ".".join(str(part) for part in location) or "(top level)"
    if first["type"] == "missing":
        message = f"'{field}' is missing: add it"
    elif first["type"] == "extra_forbidden":
        message = f"'{field}' is not a field we know: check the spelling (see docs/content.md)"
    else:
        message = f"'{field}' {plain_reason(first)}"
    return ToolkitError(message, doc.path, doc.line_of(location))


PLAIN_REASONS = {
    "bool_parsing": "must be true or false",
    "bool_type": "must be true or false",
    "date_from_datetime_parsing": "must be a date written like 2026-11-01",
    "date_parsing": "must be a date written like 2026-11-01",
    "date_type": "must be a date written like 2026-11-01",
    "string_type": "must be text",
    "time_parsing": "must be a time, like 10:00 or 13:30",
    "time_type": "must be a time, like 10:00 or 13:30",
    "list_type": "must be a list: put each item on a line starting with '- '",
    "dict_type": "must be a group of 'name: value' lines, indented under it",
    "model_type": "must be a group of 'name: value' lines, indented under it",
    "too_short": "must have at least one item",
    "string_too_short": "must not be empty",
}


def plain_reason(error: ErrorDetails) -> str:
    """What is wrong with a value, in Plain English: 'must be text', 'must be one of ...'."""
    if error["type"] == "literal_error":
        return f"must be one of {error.get('ctx', {}).get('expected', 'the values in docs/content.md')}"
    if error["type"] == "string_too_long":
        return f"is too long: use at most {error.get('ctx', {}).get('max_length')} characters"
    return PLAIN_REASONS.get(error["type"]) or _reason(error["msg"])


def _reason(msg: str) -> str:
    msg = msg.removeprefix("Value error, ")
    return msg if msg.startswith(("must", "is ")) else f"is not right: {msg[0].lower()}{msg[1:]}"
