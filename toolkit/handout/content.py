"""Turn a Deck into a handout for someone who could not come to the group session.

A reader on their own gets what the group saw and heard: each slide's content, what the work
coach said (the speaker notes, without the instructions meant only for staff), activities
rewritten as things to try at home, web addresses written out in full, questions to bring to
their next appointment, and who to contact. Every sentence we add here is Plain English.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..deck.model import (
    Activity,
    Block,
    BulletList,
    Deck,
    Diagram,
    Image,
    Inline,
    KeyFact,
    ListItem,
    Note,
    Paragraph,
    Run,
    Table,
    deck_text,
)
from ..deck.unconfirmed import HANDOUT_NOTICE
from ..i18n import ANSWER, MINUTES, N_, NOTE_LABELS, OUTCOME, Words
from ..i18n.languages import SOURCE, TAGS, semicolon_list
from ..text import Untranslated
from .model import Contact, Handout, HandoutBlock, Part

# Every sentence here is marked N_() for the toolkit's catalogue and translated where it is used.
INTRO = (
    N_(
        "This handout has everything from the group session. For each part, it shows what was on the screen "
        "and what the work coach said."
    ),
    N_("Read it at your own pace. You can stop and come back to it at any time."),
    N_("At the end, there are questions to bring to your next appointment and details of who to contact."),
)
DRAFT = N_(
    "This translation has not been checked by a qualified translator yet. "
    "If something is not clear, ask your work coach."
)
EXAMPLE = N_(
    "This handout is made from example content. The local details may not be right. "
    "Ask your work coach for the details that apply to you."
)
QUESTIONS_TITLE = N_("Questions for your next appointment")
QUESTIONS_LEAD = N_("Your work coach will leave time to go through this handout with you. You could ask:")
QUESTIONS = (
    N_("Can we go through the parts of this handout I found hard?"),
    N_("What should I do next?"),
    N_("Can I get help with the cost of travel to interviews or training?"),
    N_("Can I have this handout in another format or language?"),
)
QUESTIONS_END = N_("Write down any other questions you have, and bring them with you.")
CONTACT_TITLE = N_("Who to contact")
WORK_COACH = (
    N_("Your work coach"),
    N_("Send a message to your work coach in your online account, or ask at the jobcentre."),
)
CONTACT_LABELS = (N_("Phone"), N_("Website"), N_("Address"), N_("Open"))
ABOUT_TITLE = N_("About this handout")
CHECKED = N_(
    "The local facts in this handout were last checked on %(date)s. "
    "If something has changed, please tell your work coach."
)
ANOTHER_FORMAT = N_(
    "You can ask for this handout in large print, in a style for people with dyslexia, as a Word file or as plain text."
)
THINK = N_("Think about this:")
AT_HOME_TITLE = N_("Try this at home")
BRING = N_("Bring what you write to your next appointment.")
TAKES = N_("This takes about %(time)s.")
AS_LONG = N_("Take as long as you need.")
TOGETHER = N_("In the session, people did this together. You can do it with someone you trust, or on your own.")

GOOD_ANSWERS = N_("Good answers include:")
HANDOUT_LABELS = {"ask": THINK, "listen": GOOD_ANSWERS, "answer": ANSWER, "example": NOTE_LABELS["example"]}


def make_handout(deck: Deck, contacts: Iterable[Contact] = (), words: Words | None = None) -> Handout:
    """The handout for a deck; `contacts` are the people and services the site's content names.

    `words` gives the handout's own words in the deck's language; a draft translation says so first.
    """
    words = words or Words()
    maker = _Maker(words)
    parts = [maker.slide_part(s.title, s.blocks, s.notes) for s in deck.slides if not s.room_only]
    parts.append(maker.questions())
    parts.append(maker.who_to_contact(named_in(deck, contacts)))
    parts.append(maker.about(deck.meta.date))
    intro = [*first_notices(deck, words), *(_paragraph(words(text)) for text in INTRO)]
    return Handout(meta=deck.meta, title=deck.meta.title, intro=tuple(intro), parts=tuple(parts))


def first_notices(deck: Deck, words: Words) -> list[Paragraph]:
    """What a reader must know first, in bold: a draft translation, example content, facts not confirmed."""
    first = [*words.notices(DRAFT), *([words(EXAMPLE)] if deck.meta.example else [])]
    if deck.meta.unconfirmed:
        first.append(words(HANDOUT_NOTICE, facts=semicolon_list(deck.meta.unconfirmed, words.language.code)))
    return [Paragraph((Run(notice, bold=True),)) for notice in first]


@dataclass(frozen=True)
class _Maker:
    words: Words

    def slide_part(self, title: str, blocks: tuple[Block, ...], notes: tuple[Note, ...]) -> Part:
        shown = [_written_out(b) for b in (_shown(b) for b in blocks) if b is not None]
        said = [block for note in notes if note.for_claimants for block in self.said(note)]
        at_home = tuple(self.at_home(b) for b in blocks if isinstance(b, Activity))
        return Part(title, tuple(shown + said), at_home)

    def said(self, note: Note) -> list[HandoutBlock]:
        """A line the work coach says or asks, or a model answer, as the reader sees it; a question
        comes with what good answers include."""
        label = HANDOUT_LABELS.get(note.kind)
        lead = (Run(self.words(label) + " ", bold=True),) if label else ()
        blocks: list[HandoutBlock] = [Paragraph((*lead, *with_addresses(note.runs)))]
        if note.items:
            blocks.append(BulletList(tuple(ListItem(with_addresses(item)) for item in note.items)))
        return blocks

    def at_home(self, activity: Activity) -> Part:
        """A group exercise for one person at home, in its own words where the template gives them, who
        brings what they write to their appointment."""
        words = self.words
        time = words.n(*MINUTES, activity.minutes) if activity.minutes else ""
        blocks: list[HandoutBlock] = [_paragraph(words(TAKES, time=time) if time else words(AS_LONG))]
        if activity.who != "alone" and not activity.at_home:
            blocks.append(_paragraph(words(TOGETHER)))
        steps = (_shown(b) for b in activity.at_home or activity.blocks)
        blocks.extend(_written_out(s) for s in steps if s is not None)
        if activity.outcome:
            blocks.append(Paragraph((Run(words(OUTCOME) + " ", bold=True), *with_addresses(activity.outcome))))
        if activity.answer:
            blocks.append(Paragraph((Run(words(ANSWER) + " ", bold=True), *with_addresses(activity.answer))))
        blocks.append(_paragraph(words(BRING)))
        return Part(words(AT_HOME_TITLE), tuple(blocks))

    def questions(self) -> Part:
        words = self.words
        items = tuple(ListItem((Run(words(q)),)) for q in QUESTIONS)
        lead, end = _paragraph(words(QUESTIONS_LEAD)), _paragraph(words(QUESTIONS_END))
        return Part(words(QUESTIONS_TITLE), (lead, BulletList(items), end))

    def who_to_contact(self, contacts: Iterable[Contact]) -> Part:
        """Your work coach, then the contacts given: the jobcentre and the services the session talked about."""
        coach = Part(self.words(WORK_COACH[0]), (_paragraph(self.words(WORK_COACH[1])),))
        return Part(self.words(CONTACT_TITLE), (), (coach, *(self.contact(c) for c in contacts)))

    def contact(self, contact: Contact) -> Part:
        values = (contact.phone, contact.website, contact.address, contact.opening)
        items = tuple(
            ListItem((Run(f"{self.words(label)}: ", bold=True), _run(value)))
            for label, value in zip(CONTACT_LABELS, values, strict=True)
            if value
        )
        what = self.words(contact.what) if contact.always and contact.what else contact.what  # ours, or content
        blocks: list[HandoutBlock] = [_paragraph(what)] if what else []
        if items:
            blocks.append(BulletList(items))
        return Part(contact.name, tuple(blocks))

    def about(self, date: str) -> Part:
        blocks = [_paragraph(self.words(ANOTHER_FORMAT))]
        if date:
            day = dt.date.fromisoformat(date[:10])
            blocks.insert(0, _paragraph(self.words(CHECKED, date=self.words.date(day))))
        return Part(self.words(ABOUT_TITLE), tuple(blocks))


def _shown(block: Block) -> HandoutBlock | None:
    """What a slide showed, as a reader sees it on paper: icons are left out, since the words say the same."""
    if isinstance(block, KeyFact):
        return Paragraph((Run(block.value + " ", bold=True), *block.detail))
    if isinstance(block, Diagram):
        return BulletList(tuple(ListItem(i.runs) for i in block.items), ordered=True)
    if isinstance(block, BulletList):
        return BulletList(tuple(ListItem(i.runs, i.level) for i in block.items), block.ordered)
    if isinstance(block, Image):
        return None if block.icon else block
    if isinstance(block, Activity):
        return None
    return block


def _written_out(block: HandoutBlock) -> HandoutBlock:
    """The same block with each link's web address written after its words, for print and for copying."""
    return _map_runs(block, with_addresses)


def _map_runs(block: HandoutBlock, change: Callable[[Inline], Inline]) -> HandoutBlock:
    """The same block with `change` made to each stretch of text in it."""
    if isinstance(block, Paragraph):
        return Paragraph(change(block.runs))
    if isinstance(block, BulletList):
        return BulletList(tuple(ListItem(change(i.runs), i.level) for i in block.items), block.ordered)
    if isinstance(block, Table):
        return Table(tuple(change(c) for c in block.header), tuple(tuple(change(c) for c in r) for r in block.rows))
    return block


def with_addresses(runs: Inline) -> Inline:
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


def named_in(deck: Deck, contacts: Iterable[Contact]) -> tuple[Contact, ...]:
    """The contacts a handout lists: the jobcentre, and each service the session names."""
    return named_in_text(deck_text(deck), contacts)


def named_in_text(text: str, contacts: Iterable[Contact]) -> tuple[Contact, ...]:
    """The jobcentre, and each service the text names."""
    words = text.casefold()
    return tuple(c for c in contacts if c.always or c.name.casefold() in words)


def _paragraph(text: str) -> Paragraph:
    return Paragraph((_run(text),))


def _run(text: str) -> Run:
    """A run of text; local content shown in English because it has no translation is tagged English."""
    return Run(text, lang=TAGS[SOURCE] if isinstance(text, Untranslated) else None)
