"""The syllable table the checker ships is what scripts/make_syllables.py makes from the CMU dictionary."""

from __future__ import annotations

import runpy

from tests.helpers import REPO
from toolkit.checks.readability import Counts, count, is_ordinary_word, score


def test_shipped_table_matches_the_dictionary() -> None:
    make = runpy.run_path(str(REPO / "scripts" / "make_syllables.py"))
    shipped = (REPO / "toolkit" / "checks" / "syllables.txt").read_text(encoding="utf-8")
    assert shipped == make["table"](), "run 'python scripts/make_syllables.py' to make the table again"


def test_words_and_letters() -> None:
    assert is_ordinary_word("NOT") and is_ordinary_word("NATO") and is_ordinary_word("free")
    assert not is_ordinary_word("NHS") and not is_ordinary_word("BBC") and not is_ordinary_word("xyzzyq")


def test_syllables_from_the_table_give_textstat_scores() -> None:
    """Three one-syllable words and one of three syllables: the grade textstat gives those counts."""
    plain = score(["The cat sat. The dog ran."], "en-GB", 1)
    harder = score(["The important cat sat. The dog ran."], "en-GB", 1)
    assert plain.flesch_kincaid_grade is not None and harder.flesch_kincaid_grade is not None
    assert harder.flesch_kincaid_grade > plain.flesch_kincaid_grade


def test_table_is_in_word_order() -> None:
    """The checker finds words in the table by halving it, which works only while its lines are sorted."""
    lines = (REPO / "toolkit" / "checks" / "syllables.txt").read_text(encoding="utf-8").splitlines()[1:]
    assert lines == sorted(lines)


def test_counts_add_up_to_the_score_of_the_whole() -> None:
    """A long file is scored a unit at a time: the sum of the parts must score as the whole text does."""
    units = ["Universal Credit is paid monthly.", "You could be sanctioned if you do not go.", "Xylophonic words."]
    total = sum((count(unit) for unit in units), Counts())
    joined = count(" ".join(units))
    assert total == joined and score(units, "en-GB", 1) == score([" ".join(units)], "en-GB", 1)
