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
from ..yamlfile import YamlDoc, parse_yaml, read_yaml
from .models import SiteContent

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
    return read_site(content_dir, ref, site_text).content


@dataclass(frozen=True)
class LoadedSite:
    """A site's content, and where each value in it came from: for reports that name a fact's file and line."""

    content: SiteContent
    merged: dict[str, Any]
    origin: dict[tuple, YamlDoc]

    def where(self, location: tuple) -> tuple[Path, int]:
        """The file and line that set the value at `location` (such as `("employers", 2, "checked")`)."""
        return locate(location, self.merged, self.origin, self.origin[()])


@dataclass(frozen=True)
class _Merged:
    """The three files of a site merged, before validation."""

    data: dict[str, Any]
    origin: dict[tuple, YamlDoc]
    site_doc: YamlDoc


def _merge_site(content_dir: Path, ref: SiteRef, site_text: str | None = None) -> _Merged:
    site_doc = read_yaml(ref.path) if site_text is None else parse_yaml(site_text, ref.path)
    docs = [read_yaml(content_dir / NATIONAL), read_yaml(content_dir / ref.district / DISTRICT), site_doc]
    merged: dict[str, Any] = {}
    origin: dict[tuple, YamlDoc] = {}
    for doc in docs:
        merged = merge(merged, doc.data, (), doc, origin)
    merged.update(id=ref.site, district_id=ref.district)
    return _Merged(merged, origin, site_doc)


def read_site(content_dir: Path, ref: SiteRef, site_text: str | None = None) -> LoadedSite:
    """Like `load_site`, but keeps where each value came from; the first mistake is one ToolkitError."""
    found = _merge_site(content_dir, ref, site_text)
    try:
        return LoadedSite(SiteContent.model_validate(found.data), found.data, found.origin)
    except ValidationError as err:
        raise explain(err, found.site_doc, found.origin, found.data) from None


def site_problems(content_dir: Path, ref: SiteRef) -> list[tuple[tuple, ToolkitError]]:
    """Every mistake in a site's merged content, each with its location, not only the first.

    So someone filling in a new site's file sees all that is still missing at once.
    """
    found = _merge_site(content_dir, ref)
    try:
        SiteContent.model_validate(found.data)
    except ValidationError as err:
        return [(tuple(e["loc"]), describe(e, found.site_doc, found.origin, found.data)) for e in err.errors()]
    return []


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
        names = list(by_name)
        for item in override:  # each item this file sets is blamed on this file, wherever it lands in the list
            _claim({names.index(item["name"]): item}, location, doc, origin)
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


def explain(err: ValidationError, site_doc: YamlDoc, origin: dict[tuple, YamlDoc], merged: Any = None) -> ToolkitError:
    """Turn pydantic's first error into one line naming the file, line and field."""
    # A misspelt key also makes the real key "missing": report the misspelling, the cause.
    first = min(err.errors(), key=lambda e: e["type"] != "extra_forbidden")
    return describe(first, site_doc, origin, merged)


def describe(error: ErrorDetails, site_doc: YamlDoc, origin: dict[tuple, YamlDoc], merged: Any = None) -> ToolkitError:
    """One pydantic error as one line naming the file, line and field."""
    location = tuple(error["loc"])
    path, line = locate(location, merged, origin, site_doc)
    field = ".".join(str(part) for part in location) or "(top level)"
    if error["type"] == "missing":
        message = f"'{field}' is missing: add it"
    elif error["type"] == "extra_forbidden":
        message = f"'{field}' is not a field we know: check the spelling (see docs/content.md)"
    else:
        message = f"'{field}' {plain_reason(error)}"
    return ToolkitError(message, path, line)


def locate(location: tuple, merged: Any, origin: dict[tuple, YamlDoc], fallback: YamlDoc) -> tuple[Path, int]:
    """The file that set the value at `location` in the merged content, and its line there.

    An item of a list merged by name sits at another index in its own file: it is found there by its name.
    """
    prefixes = (location[:end] for end in range(len(location), -1, -1))
    doc = next((origin[prefix] for prefix in prefixes if prefix in origin), fallback)
    return doc.path, doc.line_of(_in_file(location, merged, doc.data))


def _in_file(location: tuple, merged: Any, data: Any) -> tuple:
    """`location` in the merged content, as one file writes it: list items merged by name found by name."""
    found = []
    for part in location:
        if isinstance(part, int) and _named_list(merged) and _named_list(data) and part < len(merged):
            name = merged[part]["name"]
            mine = next((i for i, item in enumerate(data) if item["name"] == name), part)
            merged, data, part = merged[part], _child(data, mine), mine
        else:
            merged, data = _child(merged, part), _child(data, part)
        found.append(part)
    return tuple(found)


def _child(value: Any, key: Any) -> Any:
    """`value[key]`, or None when there is no such key or index."""
    if isinstance(value, dict):
        return value.get(key)
    if isinstance(value, list) and isinstance(key, int) and 0 <= key < len(value):
        return value[key]
    return None


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
