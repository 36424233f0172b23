"""Template limits: a runaway template stops fast with one line naming the template and the line."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from toolkit.deck.limits import MAX_DEPTH, MAX_LOOP_TURNS, MAX_OUTPUT, MAX_RANGE
from toolkit.deck.template import SessionTemplates
from toolkit.errors import ToolkitError


def refused(folder: Path, source: str, name: str = "topic") -> ToolkitError:
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.md.j2").write_text(source)
    start = time.monotonic()
    with pytest.raises(ToolkitError) as caught:
        SessionTemplates(folder).render(name)
    assert time.monotonic() - start < 5, "a limit must stop the template quickly"
    assert "\n" not in str(caught.value)
    return caught.value


@pytest.mark.parametrize(
    ("source", "line", "words"),
    [
        (
            "# Slide\n{% for a in range(10000) %}\n{% for b in range(10000) %}{% endfor %}\n{% endfor %}\n",
            3,
            f"the loops ran more than {MAX_LOOP_TURNS:,} times",
        ),
        ("# Slide\n\n{{ range(10**9) | list | length }}\n", 3, f"a template may count up to {MAX_RANGE:,}"),
        (
            "# Slide\n{% macro again(n) %}{{ again(n + 1) }}{% endmacro %}\n{{ again(1) }}\n",
            2,
            f"calls go more than {MAX_DEPTH} deep",
        ),
        ("# Slide\n{{ 'x' * 10**9 }}\n", 2, "repeating text or a list this many times"),
        ("# Slide\n{{ 10 ** 100000 }}\n", 2, "far too big a number"),
        ("# Slide\n{{ 'x' | center(10**9) }}\n", 2, "a number of a million or more was given to 'center'"),
        ("# Slide\n{{ '%1000000000d' % 1 }}\n", 2, "a width of a million or more"),
        ("# Slide\n{{ '{:>1000000000}'.format(1) }}\n", 2, "a width of a million or more"),
        (
            "{% set ns = namespace(x='ab') %}\n{% for i in range(60) %}{% set ns.x = ns.x ~ ns.x %}{% endfor %}\n",
            2,
            "a value grew to",
        ),
        (
            "{% for i in range(10000) %}\n{% for j in range(9) %}\n" + "x" * 100 + "\n{% endfor %}\n{% endfor %}\n",
            3,
            f"the template made more than {MAX_OUTPUT:,} characters",
        ),
    ],
)
def test_runaway_templates_stop_with_their_line(tmp_path: Path, source: str, line: int, words: str) -> None:
    err = refused(tmp_path / "sessions", source)
    assert err.path == str(tmp_path / "sessions" / "topic.md.j2") and err.line == line, err
    assert words in err.message


def test_a_template_that_includes_itself_stops_at_once(tmp_path: Path) -> None:
    err = refused(tmp_path / "sessions", "# Slide\n\nHello.\n{% include 'topic.md.j2' %}\n")
    assert err.path == str(tmp_path / "sessions" / "topic.md.j2") and err.line == 4
    assert "template stopped" in err.message


def test_an_error_in_an_included_part_names_the_part(tmp_path: Path) -> None:
    folder = tmp_path / "sessions"
    folder.mkdir()
    (folder / "part.md.j2").write_text(
        "Fine.\n{% for a in range(9999) %}{% for b in range(9999) %}{% endfor %}{% endfor %}\n"
    )
    err = refused(folder, "# Slide\n{% include 'part.md.j2' %}\n")
    assert err.path == str(folder / "part.md.j2") and err.line == 2


def test_a_part_linked_from_outside_is_refused_before_it_is_read(tmp_path: Path) -> None:
    folder = tmp_path / "sessions"
    folder.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0")
    (folder / "part.md.j2").symlink_to(secret)
    err = refused(folder, "# Slide\n{% include 'part.md.j2' %}\n")
    assert err.path == str(folder / "part.md.j2") and "is a link to" in err.message and "root:x" not in str(err)


def test_an_invisible_character_in_a_template_is_refused_with_its_line(tmp_path: Path) -> None:
    err = refused(tmp_path / "sessions", "# Slide\n\nHello\u200b there.\n")
    assert err.line == 3 and "a zero-width space (U+200B)" in err.message


def test_ordinary_templates_are_untouched_by_the_limits(tmp_path: Path) -> None:
    folder = tmp_path / "sessions"
    folder.mkdir()
    (folder / "topic.md.j2").write_text(
        "{% macro m(n) %}{{ n }}{% endmacro %}{{ m(3) ~ 'a' }}"
        " {% for x in [1, 2] %}{{ loop.index }}{{ x }}{% if loop.last %}.{% endif %}{% endfor %}"
        " {{ range(3) | join(',') }} {{ '%02d' % 7 }} {{ 'ab' * 2 }} {{ 2 ** 10 }} {{ '{}!'.format('hi') }}\n"
    )
    assert (
        SessionTemplates(folder).render("topic") == "3a 1122. 0,1,2 07 abab 1024 hi\\!\n"
    )  # the value is escaped for Markdown
