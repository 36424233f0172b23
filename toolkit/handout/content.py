"""Turn a Deck into a handout for someone who could not come to the group session.

A reader on their own gets what the group saw and heard: each slide's content, what the work
coach said (the speaker notes, without the instructions meant only for staff), activities
rewritten as things to try at home, web addresses written out in full, questions to bring to
their next appointment, and who to contact. Every sentence we add here is Plain English.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable

from ..deck.model import Activity, Block, BulletList, Deck, Image, Inline, ListItem, Paragraph, Run, Table, plain
from .model import Contact, Handout, HandoutBlock, Part

INTRO = (
    "This handout has everything from the group session. For each part, it shows what was on the screen "
    "and what the work coach said.",
    "Read it at your own pace. You can stop and come back to it at any time.",
    "At the end, there are questions to bring to your next appointment and details of who to contact.",
)
QUESTIONS_LEAD = "Your work coach will leave time to go through this handout with you. You could ask:"
QUESTIONS = (
    "Can we go through the parts of this handout I found hard?",
    "What should I do next?",
    "Can I get help with the cost of travel to interviews or training?",
    "Can I have this handout in another format or language?",
)
QUESTIONS_END = "Write down any other questions you have, and bring them with you."
WORK_COACH = "Your work coach", "Send a message to your work coach in your online account, or ask at the jobcentre."
ANOTHER_FORMAT = (
    "You can ask for this handout in large print, in a style for people with dyslexia, as a Word file or as plain text."
)

# Notes lines that are part of the talk, and lines that state a local fact such as a phone number.
SAY = re.compile(r"^say:\s*", re.IGNORECASE)
ASK = re.compile(r"^ask the group:\s*", re.IGNORECASE)
FACT = re.compile(r"^[^:]{1,80} (phone|website|address|opening hours|opening times|email): \S", re.IGNORECASE)
PLACEHOLDER = re.compile(r"\[[^\]]*\]")  # such as "[your name]", which the work coach fills in when speaking
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")

# The line that opens an activity, such as "In pairs (5 minutes)".
WHO_AND_HOW_LONG = re.compile(
    r"^(on your own|in pairs|in small groups|in groups|in a group|as a group)\b[\s,:-]*(?:\((?P<time>[^)]*)\))?",
    re.IGNORECASE,
)
# Words that only make sense in the room, and what a reader at home does instead.
AT_HOME = (
    ("your partner", "someone you trust"),
    ("your group", "someone you trust"),
    ("on the next slide", "in this handout"),
    ("from today", "in this handout"),
    ("the list below", "the list in this part"),
)


def make_handout(deck: Deck, contacts: Iterable[Contact] = ()) -> Handout:
    """The handout for a deck; `contacts` are the people and services the site's content names."""
    parts = [_slide_part(slide.title, slide.blocks, slide.notes) for slide in deck.slides]
    parts.append(_questions())
    parts.append(_who_to_contact(contacts, _words_of(deck)))
    parts.append(_about(deck.meta.date))
    return Handout(
        meta=deck.meta,
        title=deck.meta.title,
        intro=tuple(_paragraph(text) for text in INTRO),
        parts=tuple(parts),
    )


def _slide_part(title: str, blocks: tuple[Block, ...], notes: tuple[str, ...]) -> Part:
    shown = [_written_out(b) for b in blocks if not isinstance(b, Activity)]
    said = [p for p in (_spoken(note) for note in notes) if p is not None]
    at_home = tuple(_at_home(b) for b in blocks if isinstance(b, Activity))
    return Part(title, tuple(shown + said), at_home)


def _spoken(note: str) -> Paragraph | None:
    """A notes line as the reader should see it, or None for directions meant only for staff."""
    text = " ".join(note.split())
    if SAY.match(text):
        words = _without_placeholders(SAY.sub("", text))
        return _paragraph(words) if words else None
    if ASK.match(text):
        return Paragraph((Run("Think about this: ", bold=True), Run(ASK.sub("", text))))
    if FACT.match(text):
        return _paragraph(text)
    return None


def _without_placeholders(text: str) -> str:
    """Drop sentences with a gap for the work coach to fill, such as 'My name is [your name].'"""
    return " ".join(s for s in SENTENCE_END.split(text) if s and not PLACEHOLDER.search(s))


def _at_home(activity: Activity) -> Part:
    """A group exercise rewritten for one person at home, who brings what they write to their appointment."""
    blocks: list[HandoutBlock] = []
    for n, block in enumerate(activity.blocks):
        match = WHO_AND_HOW_LONG.match(plain(block.runs)) if n == 0 and isinstance(block, Paragraph) else None
        if match:
            blocks.extend(_how_to_start(match))
        elif not isinstance(block, Activity):
            blocks.append(_map_runs(block, _at_home_runs))
    blocks.append(_paragraph("Bring what you write to your next appointment."))
    return Part("Try this at home", tuple(blocks))


def _how_to_start(match: re.Match[str]) -> list[HandoutBlock]:
    time = match.group("time")
    start = [_paragraph(f"This takes about {time}." if time else "Take as long as you need.")]
    if not match.group(1).lower().startswith("on your own"):
        start.append(
            _paragraph(
                "In the session, people did this together. You can do it with someone you trust, or on your own."
            )
        )
    return start


def _at_home_runs(runs: Inline) -> Inline:
    return _with_addresses(tuple(Run(_rewrite_text(r.text), r.bold, r.link) for r in runs))


def _rewrite_text(text: str) -> str:
    for room, home in AT_HOME:
        text = re.sub(
            re.escape(room),
            lambda m, home=home: home.capitalize() if m.group()[0].isupper() else home,
            text,
            flags=re.IGNORECASE,
        )
    return text


def _written_out(block: HandoutBlock) -> HandoutBlock:
    """The same block with each link's web address written after its words, for print and for copying."""
    return _map_runs(block, _with_addresses)


def _map_runs(block: HandoutBlock, change: Callable[[Inline], Inline]) -> HandoutBlock:
    """The same block with `change` made to each stretch of text in it."""
    if isinstance(block, Paragraph):
        return Paragraph(change(block.runs))
    if isinstance(block, BulletList):
        return BulletList(tuple(ListItem(change(i.runs), i.level) for i in block.items), block.ordered)
    if isinstance(block, Table):
        return Table(tuple(change(c) for c in block.header), tuple(tuple(change(c) for c in r) for r in block.rows))
    return block


def _with_addresses(runs: Inline) -> Inline:
    out: list[Run] = []
    for run in runs:
        out.append(run)
        address = _address(run.link) if run.link else ""
        if address and address.rstrip("/") != run.text.strip().rstrip("/"):
            out.append(Run(f" ({address})"))
    return tuple(out)


def _address(link: str) -> str:
    """A link as a reader would type or dial it."""
    for scheme in ("mailto:", "tel:"):
        if link.lower().startswith(scheme):
            return link[len(scheme) :]
    return link


def _questions() -> Part:
    items = tuple(ListItem((Run(q),)) for q in QUESTIONS)
    return Part(
        "Questions for your next appointment",
        (_paragraph(QUESTIONS_LEAD), BulletList(items), _paragraph(QUESTIONS_END)),
    )


def _who_to_contact(contacts: Iterable[Contact], deck_words: str) -> Part:
    """Your work coach and jobcentre, and the services the session talked about."""
    coach = Part(WORK_COACH[0], (_paragraph(WORK_COACH[1]),))
    chosen = [c for c in contacts if c.always or c.name.casefold() in deck_words]
    return Part("Who to contact", (), (coach, *(_contact(c) for c in chosen)))


def _contact(contact: Contact) -> Part:
    details = [
        ("Phone", contact.phone),
        ("Website", contact.website),
        ("Address", contact.address),
        ("Open", contact.opening),
    ]
    items = tuple(ListItem((Run(f"{label}: ", bold=True), Run(value))) for label, value in details if value)
    blocks: list[HandoutBlock] = [_paragraph(contact.what)] if contact.what else []
    if items:
        blocks.append(BulletList(items))
    return Part(contact.name, tuple(blocks))


def _about(date: str) -> Part:
    blocks = [_paragraph(ANOTHER_FORMAT)]
    if date:
        day = dt.date.fromisoformat(date[:10])
        blocks.insert(
            0,
            _paragraph(
                f"The local facts in this handout were last checked on {day.day} {day:%B %Y}. "
                "If something has changed, please tell your work coach."
            ),
        )
    return Part("About this handout", tuple(blocks))


def _words_of(deck: Deck) -> str:
    """All the words in a deck, to find which services it names."""
    words: list[str] = [deck.meta.title]
    for slide in deck.slides:
        words.append(slide.title)
        words.extend(slide.notes)
        words.extend(_block_words(slide.blocks))
    return " ".join(words).casefold()


def _block_words(blocks: Iterable[Block]) -> Iterable[str]:
    for block in blocks:
        if isinstance(block, Paragraph):
            yield plain(block.runs)
        elif isinstance(block, BulletList):
            yield from (plain(i.runs) for i in block.items)
        elif isinstance(block, Table):
            yield from (plain(c) for row in (block.header, *block.rows) for c in row)
        elif isinstance(block, Activity):
            yield from _block_words(block.blocks)
        elif isinstance(block, Image):
            yield block.alt


def _paragraph(text: str) -> Paragraph:
    return Paragraph((Run(text),))
