"""Plain English and jargon

These rules find words and sentences that make text hard to read, in every kind of file the checker
reads.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...readers.document import Document
from ..model import Hit
from ..readability import split_sentences
from ..registry import Context, rule

_WORD = re.compile(r"[\w’'-]+")
_IRREGULAR = (
    "been|born|brought|built|chosen|done|drawn|driven|eaten|found|given|gone|heard|held|hidden|kept|known|left|"
    "lost|made|meant|met|paid|put|read|run|said|seen|sent|set|shown|spent|taken|taught|told|thought|understood|"
    "won|written"
)
_PASSIVE = re.compile(
    rf"\b(am|is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?(\w+ed|{_IRREGULAR})\b(?!\s+(?:to|that)\b)",
    re.IGNORECASE,
)
_NOT_PARTICIPLES = {
    "interested",
    "tired",
    "worried",
    "scared",
    "excited",
    "bored",
    "need",
    "used",
    "based",
    "red",
    "bed",
}


@rule("PE001", "reading-age", "warning", target=9, min_words=30)
def reading_age(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A file whose text is above the target reading age.

    GOV.UK writes for a reading age of 9. The score leaves out speaker notes, which staff read. Text
    under `min_words` words gets no score, here or for PE006, because short text gives scores that
    swing wildly.
    """
    whole = ctx.file_scores
    if whole is not None and whole.reading_age is not None and whole.reading_age > ctx.options["target"]:
        message = f"the file has a reading age of {whole.reading_age:g}, above the target of {ctx.options['target']}"
        yield Hit(None, doc.path, message, "use shorter sentences and everyday words")


@rule("PE006", "reading-age-block", "suggestion", target=9, notes_target=12)
def reading_age_block(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A slide, its notes or a section above its target reading age.

    Speaker notes have their own target, `notes_target`, because work coaches read them. Short blocks
    give rough scores, so this is only a suggestion: the file's score (PE001) is the one to act on.
    """
    staff_blocks = {u.block for u in doc.units if u.for_staff}
    for block, scores in ctx.scores.items():
        target = ctx.options["notes_target"] if block in staff_blocks else ctx.options["target"]
        if scores.reading_age is not None and scores.reading_age > target:
            unit = next(u for u in doc.units if u.block == block)
            message = f"{block} has a reading age of {scores.reading_age:g}, above the target of {target}"
            yield Hit(unit, block, message, "use shorter sentences and everyday words")


@rule("PE002", "sentence-too-long", "warning", max_words=25)
def sentence_too_long(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A sentence longer than GOV.UK's limit.

    Long sentences are harder to follow. Split a long sentence into two or more.
    """
    limit = ctx.options["max_words"]
    for unit in doc.units:
        for sentence in split_sentences(unit.text):
            words = len(_WORD.findall(sentence))
            if words > limit:
                yield Hit(
                    unit,
                    sentence.strip(),
                    f"this sentence has {words} words; keep to {limit} or fewer",
                    "split it into two or more sentences",
                )


@rule("PE005", "passive-voice", "suggestion", languages=("en",))
def passive_voice(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A sentence in the passive voice.

    The passive voice can hide who does what. Say who does it: "we will pay you", not "you will be
    paid".
    """
    for unit in doc.units:
        for found in _PASSIVE.finditer(unit.text):
            if found.group(2).lower() not in _NOT_PARTICIPLES:
                yield Hit(
                    unit,
                    found.group(),
                    f"'{found.group()}' is passive",
                    "say who does it: 'we will pay' rather than 'it will be paid'",
                )
