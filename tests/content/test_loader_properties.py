"""Property-based tests of site YAML, made by Hypothesis: the good site file with values changed, removed or
added, and tricky lines. The site loads, or there is one error naming the file and line (see
tests/helpers/strategies.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml
from hypothesis import event, given, settings
from hypothesis import strategies as st

from tests.helpers import FIXTURES
from tests.helpers.strategies import EXAMPLES, SETTINGS, nice_text, odd_text
from toolkit.content.loader import find_sites, load_site
from toolkit.errors import ToolkitError
from toolkit.project import ContentRoot

scalars = st.one_of(
    odd_text,
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)),
    st.sampled_from(["2026-01-01", "https://example.org", "0800 123 4567", "bus", "food", "Monday", "10:00"]),
)
values = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(odd_text, inner, max_size=3), max_leaves=8
)
# Lines of YAML that are tricky on their own: anchors and aliases, tags, merge keys, bad dates, big numbers.
TRICKS = [
    "x: &a [*a]",
    "x: !!python/name:os.system",
    "x: !!python/object/apply:os.system [ls]",
    "x: !!timestamp 2026",
    "checked: 2026-13-45",
    "checked: 2026-02-30",
    "x: !!binary aGVsbG8=",
    "x: !!set {a, b}",
    "x: !custom 1",
    "<<: {a: 1}",
    f"x: {'9' * 5000}",
    "x: &b [1, 2]\ny: [*b, *b, *b]",
    "? [a, b]\n: c",
    "--- \nsecond: document",
    "%YAML 1.1\n---",
    "x:\n\t- tab",
    "x: 'unclosed",
    "  bad: indent",
    "x: [" * 60,
    "name: [a, b]",
    "x: 1\nx: 2",
    "x: 10:00",
    "x: 0x1F",
    "x: .inf",
    "x: ~",
]


def mutate(data: Any, draw: Any, top: bool = False) -> Any:
    """Change, remove or add one value somewhere in `data` (the whole file stays a mapping, as a rule)."""
    if isinstance(data, str) and draw(st.booleans()):
        return draw(nice_text)  # unusual but allowed: the content should still load
    if not isinstance(data, dict | list) or not data or draw(st.integers(0, 30 if top else 3)) == 0:
        return draw(values)
    if isinstance(data, dict):
        key = draw(st.sampled_from([*data, "new-key"]))
        if key in data and draw(st.booleans()):
            return {k: v for k, v in data.items() if k != key}  # leave a field out
        return {**data, key: mutate(data.get(key), draw)}
    index = draw(st.integers(0, len(data)))
    return [*data[:index], mutate(data[index] if index < len(data) else None, draw), *data[index + 1 :]]


@st.composite
def site_yaml(draw: Any, base: dict[str, Any]) -> str:
    """A site file: the good one with a few values changed, removed or added, and maybe a tricky line."""
    data = base
    for _ in range(draw(st.integers(0, 3))):
        data = mutate(data, draw, top=True)
    try:
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False) if isinstance(data, dict) else str(data)
    except (ValueError, yaml.YAMLError):
        text = "x: 1\n"
    if draw(st.integers(0, 3)) == 0:
        lines = text.splitlines()
        at = draw(st.integers(0, len(lines)))
        lines.insert(at, draw(st.sampled_from(TRICKS) | odd_text))
        text = "\n".join(lines) + "\n"
    return text


BASE = yaml.safe_load((FIXTURES / "mini" / "local_content" / "north" / "testford-central.yaml").read_text())


@settings(max_examples=EXAMPLES, **SETTINGS)
@given(text=site_yaml(BASE))
def test_site_yaml_gives_content_or_one_error_with_file_and_line(mini: ContentRoot, text: str) -> None:
    ref = find_sites(mini.content)[0]
    files = {str(mini.content / "national.yaml"), str(mini.content / "north" / "district.yaml"), str(ref.path)}
    try:
        load_site(mini.content, ref, site_text=text)
        event("content")
    except ToolkitError as err:
        event("error")
        assert err.path in files and err.line is not None, err
        assert "\n" not in err.message
