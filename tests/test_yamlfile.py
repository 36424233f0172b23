"""Reading content YAML: every mistake, trick or oversized value is one error with its file and line, fast."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from toolkit.content.loader import find_sites, load_site
from toolkit.errors import ToolkitError
from toolkit.project import ContentRoot
from toolkit.yamlfile import MAX_TEXT, MAX_VALUES, parse_yaml

FILE = Path("site.yaml")
LAUGHS = "\n".join(
    [
        'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
        *(f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]" for p, n in zip("abcdefgh", "bcdefghi", strict=True)),
    ]
)


def refused(text: str) -> ToolkitError:
    with pytest.raises(ToolkitError) as caught:
        parse_yaml(text, FILE)
    assert caught.value.path == str(FILE) and "\n" not in str(caught.value)
    return caught.value


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("name: x\nchecked: 2026-13-45\n", 2, "'checked' is '2026-13-45', which is not a real date"),
        ("name: x\nchecked: 2026-11-31\n", 2, "not a real date: check the month and the day"),
        ("base: &b {a: 1}\nx:\n  <<: *b\n", 3, "'<<' (a merge key) cannot be used"),
        ("x: !!python/name:os.system\n", 1, "uses the tag '!!python/name:os.system'"),
        ("x: !!python/object/apply:os.system [ls]\n", 1, "uses the tag '!!python/object/apply:os.system'"),
        ("x: !!timestamp yesterday\n", 1, "'x' is 'yesterday', which is not a real date"),
        ("x: !!set {a, b}\n", 1, "uses the tag '!!set'"),
        ("x: !custom 1\n", 1, "uses the tag '!custom'"),
        ("x: !!int ten\n", 1, "cannot be read as a whole number"),
        ("x: !!bool maybe\n", 1, "cannot be read as true or false"),
        (f"x: {'9' * 5000}\n", 1, "a number with 5,000 digits, too long to read"),
        ("a: 1\nx: &a [*a]\n", 2, "an alias (*name) is used inside the value it names"),
        ("x: &a {b: *a}\n", 1, "an alias (*name) is used inside the value it names"),
        ('x: "a\\u200bb"\n', 1, "a zero-width space (U+200B)"),
        ("a: 1\nx: a\u2060b\n", 2, "a word joiner (U+2060)"),
        ("a: 1\nb: 2\nx: a\ufeffb\n", 3, "(U+FEFF)"),
        ('x: "\\x07"\n', 1, "control character (U+0007)"),
        (f"a: 1\nx: {'w' * (MAX_TEXT + 1)}\n", 2, f"'x' is {MAX_TEXT + 1:,} characters long"),
        ("x: " + "[" * 40 + "]" * 40 + "\n", 1, "nested too deeply"),
    ],
)
def test_each_mistake_is_one_line_with_its_line(text: str, line: int, words: str) -> None:
    err = refused(text)
    assert err.line == line and words in err.message


def test_a_billion_laughs_is_refused_at_once(tmp_path: Path) -> None:
    start = time.monotonic()
    err = refused(LAUGHS)
    assert f"more than {MAX_VALUES:,} values once its aliases" in err.message and err.line
    assert time.monotonic() - start < 1


def test_a_few_aliases_still_work() -> None:
    doc = parse_yaml("base: &b [bus, train]\nx: *b\ny: {k: *b}\n", FILE)
    assert doc.data["x"] == ["bus", "train"] == doc.data["y"]["k"]
    assert doc.line_of(("x",)) == 2 and doc.line_of(("y", "k", 0)) == 3


def test_a_byte_order_mark_at_the_start_is_allowed() -> None:
    assert parse_yaml("\ufeffa: 1\n", FILE).data == {"a": 1}


def test_the_zero_width_joiner_is_allowed_for_emoji() -> None:
    assert parse_yaml("x: 👩\u200d💻 coders\n", FILE).data["x"].startswith("👩")


def test_a_ten_megabyte_value_names_the_content_file_and_line(mini: ContentRoot) -> None:
    site = mini.content / "north" / "testford-central.yaml"
    site.write_text(site.read_text().replace("  postcode: TE1 1ST", "  postcode: " + "A" * 10 * 2**20))
    with pytest.raises(ToolkitError) as caught:
        load_site(mini.content, find_sites(mini.content)[0])
    assert caught.value.path == str(site) and caught.value.line == 4
    assert "'postcode' is 10,485,760 characters long" in caught.value.message


def test_a_list_where_a_name_belongs_is_one_line(mini: ContentRoot) -> None:
    site = mini.content / "north" / "testford-central.yaml"
    site.write_text(site.read_text().replace("  - name: Testford Food Bank", "  - name: [a, b]"))
    with pytest.raises(ToolkitError) as caught:
        load_site(mini.content, find_sites(mini.content)[0])
    assert caught.value.path == str(site) and caught.value.line == 10
    assert "'services.0.name' must be text" in caught.value.message
