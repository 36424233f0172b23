"""The library's own words, marked for the toolkit's catalogue so pages can be in Welsh (or any language).

Templates name them by key: `say("find_label")`. Keeping them here, not in the templates, lets
'toolkit translations extract' find them with the rest of the toolkit's words.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..i18n import N_, Nn_, Words

TEXT = {
    "service": N_("Group session library"),
    "skip": N_("Skip to main content"),
    "home": N_("All jobcentres"),
    "footer": N_("Your content team made these pages with the group session toolkit."),
    "start_title": N_("Find the sessions for your jobcentre"),
    "start_intro": N_("Find your jobcentre. Then look at its group sessions and get the slides and handouts."),
    "find_label": N_("Type part of your jobcentre's name, town or district"),
    "find_none": N_("No jobcentre matches. Check the spelling, or look through the list below."),
    "list_title": N_("All jobcentres"),
    "example": N_("These sessions are made from example content. Check every fact before you use it."),
    "address": N_("Address"),
    "checked": N_("Facts checked"),
    "checked_range": N_("Between %(oldest)s and %(newest)s"),
    "languages": N_("Languages"),
    "sessions": N_("Sessions"),
    "session": N_("Session"),
    "length": N_("Length"),
    "who": N_("Who it is for"),
    "how": N_("Where it is run"),
    "room": N_("At the jobcentre"),
    "online": N_("On a video call"),
    "download_all": N_("Download all the sessions for %(name)s (zip file, %(size)s)"),
    "covers": N_("What it covers"),
    "notes": N_("Speaker notes"),
    "slides": N_("Slides"),
    "no_slides": N_("There are no pictures of these slides yet."),
    "slide_alt": N_("Slide %(number)s: %(title)s"),
    "downloads": N_("Downloads"),
    "deck": N_("PowerPoint slides"),
    "handout": N_("Handout: %(kind)s, %(style)s"),
    "handout_plain": N_("Handout: %(kind)s"),
    "pdf": N_("PDF"),
    "docx": N_("Word document"),
    "html": N_("web page"),
    "txt": N_("plain text"),
    "epub": N_("e-book (EPUB)"),
    "ogg": N_("audio (Ogg)"),
    "brf": N_("braille (BRF)"),
    "pack": N_("Send pack in %(style)s: the handouts and a message to send (zip file)"),
    "review": N_("Scores and problems for each deck (for content teams)"),
    "kilobytes": N_("%(size)s kilobytes"),
    "megabytes": N_("%(size)s megabytes"),
    "unknown_length": N_("Not given"),
    "for_everyone": N_("Everyone"),
    "new-to-work": N_("People new to work"),
    "experienced": N_("People with a long work history"),
    "in-work": N_("People in part-time or zero-hours work"),
    "over-50": N_("People aged 50 or over"),
}
MINUTES = Nn_("%(num)s minute", "%(num)s minutes")
MATCHES = Nn_("%(num)s jobcentre matches", "%(num)s jobcentres match")
NOTES = (
    Nn_("The notes say what to say on %(num)s slide.", "The notes say what to say on %(num)s slides."),
    Nn_("They have %(num)s question to ask the group.", "They have %(num)s questions to ask the group."),
    Nn_("There is %(num)s activity.", "There are %(num)s activities."),
    Nn_("There is %(num)s tip for you.", "There are %(num)s tips for you."),
)


class PageWords:
    """The library's words in one page's language: `say("key", name=...)` and `count(MINUTES, 45)`."""

    def __init__(self, words: Words):
        self.words = words

    def say(self, key: str, **values: Any) -> str:
        return self.words(TEXT[key], **values)

    def count(self, forms: tuple[str, str], num: int) -> str:
        return self.words.n(*forms, num)

    def audience(self, name: str) -> str:
        """Who a session is for, in a few words."""
        return self.say("for_everyone" if name == "general" else name)

    def delivery(self, name: str) -> str:
        """Where a session is run: at the jobcentre or on a video call."""
        return self.say(name)

    def size(self, path: Path) -> str:
        """How big a file is, in words a screen reader says well: 340 kilobytes, 1.2 megabytes."""
        size = path.stat().st_size
        if size >= 2**20:
            return self.say("megabytes", size=f"{size / 2**20:.1f}")
        return self.say("kilobytes", size=max(size // 2**10, 1))

    def date(self, day: Any) -> str:
        return self.words.date(day)
