"""The text report wraps long findings for an 80-column CI log, exactly as textwrap would."""

from __future__ import annotations

import textwrap

from hypothesis import given
from hypothesis import strategies as st

from toolkit.checks.report import wrap

WORD = st.text(st.sampled_from("abcdeé→'-./"), min_size=0, max_size=30)
SPACE = st.sampled_from([" ", " ", " ", "  ", "\t", "\n"])


@given(st.lists(st.tuples(WORD, SPACE), max_size=40), st.integers(min_value=20, max_value=100), st.booleans())
def test_wrap_makes_the_lines_textwrap_makes(pieces: list[tuple[str, str]], width: int, indented: bool) -> None:
    text = "".join(word + space for word, space in pieces).rstrip(" ") if indented else "".join(w for w, _ in pieces)
    first, later = ("  ", "    ") if indented else ("", "  ")
    expected = textwrap.wrap(text, width, initial_indent=first, subsequent_indent=later, break_on_hyphens=False)
    assert wrap(text, width, first, later) == (expected or [first])


def test_a_long_message_wraps_at_word_boundaries_with_later_lines_indented() -> None:
    text = "line 4: suggestion PE003 long-sentence: " + "this sentence goes on and on " * 5
    lines = wrap(text.strip(), 80, "  ", "    ")
    assert all(len(line) <= 80 for line in lines) and all(line[4] != " " for line in lines[1:])
    assert len(lines) == 3 and " ".join(line.strip() for line in lines) == text.strip()
