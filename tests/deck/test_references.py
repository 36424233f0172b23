"""The includes a build fingerprints are found by a pattern: it must never miss one jinja2 would follow."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from jinja2 import Environment, meta

from tests.helpers import REPO
from toolkit.deck.references import referenced_names
from toolkit.deck.template import JINJA_OPTIONS

TEMPLATES = sorted((REPO / "templates" / "sessions").rglob("*.j2"))


def jinja_names(source: str) -> set[str]:
    return {n for n in meta.find_referenced_templates(Environment(**JINJA_OPTIONS).parse(source)) if n}


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_every_bundled_template_finds_what_jinja2_finds(path) -> None:
    source = path.read_text(encoding="utf-8")
    assert jinja_names(source) <= set(referenced_names(source))


@pytest.mark.parametrize(
    "source",
    [
        '{% include "parts/a.md.j2" %}',
        "{%- include 'parts/a.md.j2' -%}",
        '{% include "parts/a.md.j2" ignore missing %}',
        '{% include ["parts/a.md.j2", "parts/b.md.j2"] %}',
        '{% extends "parts/a.md.j2" %}',
        '{% import "parts/a.md.j2" as a with context %}',
        '{% from "parts/a.md.j2" import clock %}',
        '{%+ include\n  "parts/a.md.j2"\n%}',
    ],
)
def test_each_way_of_naming_a_template_is_found(source: str) -> None:
    assert jinja_names(source) <= set(referenced_names(source))
    assert "parts/a.md.j2" in referenced_names(source)


def test_a_name_built_from_a_variable_is_left_out_as_jinja2_leaves_it() -> None:
    assert referenced_names("{% include topic ~ '.md.j2' %}") == [".md.j2"]  # not a file: the build skips it
    assert jinja_names("{% include topic ~ '.md.j2' %}") == set()


@given(st.lists(st.from_regex(r"[a-z][a-z/._-]{0,20}", fullmatch=True), max_size=4), st.text(max_size=40))
def test_names_among_other_text_are_all_found(names: list[str], other: str) -> None:
    other = other.replace("{", "(").replace("%", "p")  # plain text between the tags
    source = other.join(f'{{% include "{name}" %}}' for name in names)
    assert referenced_names(source) == names
