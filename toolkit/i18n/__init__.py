"""Translations: languages, gettext catalogues per language, and their review status (see docs/translations.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .languages import SOURCE, Language, language

if TYPE_CHECKING:
    from .catalogues import Translator

__all__ = ["N_", "SOURCE", "Language", "Nn_", "Words", "language"]


def N_(text: str) -> str:
    """Mark English text for the toolkit's catalogue where it is defined; translate it where it is used."""
    return text


def Nn_(singular: str, plural: str) -> tuple[str, str]:
    """Mark a singular and plural pair for the toolkit's catalogue; translate it with `Words.n`."""
    return singular, plural


# Words about activities, shared by slides and handouts: who does it, how long, what each person ends with.
WHO_WORDS = {
    "alone": N_("On your own"),
    "pairs": N_("In pairs"),
    "groups": N_("In small groups"),
    "everyone": N_("As a whole group"),
}
ONLINE_WHO_WORDS = {  # on a video call, where pairs and groups go to breakout rooms
    **WHO_WORDS,
    "pairs": N_("In pairs, in breakout rooms"),
    "groups": N_("In small groups, in breakout rooms"),
}
MINUTES = Nn_("%(num)s minute", "%(num)s minutes")
OUTCOME = N_("You end with:")
ANSWER = N_("Answer:")
# How speaker notes name each kind of line (deck.model.NOTE_KINDS), in the deck's language.
NOTE_LABELS = {
    "say": N_("Say:"),
    "ask": N_("Ask:"),
    "listen": N_("Listen for:"),
    "answer": ANSWER,
    "example": N_("Example:"),
    "do": N_("Do:"),
    "tip": N_("Tip:"),
    "time": N_("Time:"),
}
LOCAL_IN_ENGLISH = N_("Some details about this area are in English, because nobody has translated them yet.")


class Words:
    """The toolkit's own words (headings, labels, the covering message) in one output's language.

    `words("Phone")`, `words("Page %(page)s", page=2)`, `words.n("%(num)s file", "%(num)s files", 3)`.
    Without a translator, or for English, the English comes back.
    """

    def __init__(self, translator: Translator | None = None):
        self.translator = translator

    @property
    def language(self) -> Language:
        return self.translator.language if self.translator else language(SOURCE)

    def __call__(self, msgid: str, **values: Any) -> str:
        from .catalogues import TOOLKIT

        text = self.translator.gettext(TOOLKIT, msgid) if self.translator else msgid
        return text % values if values else text

    def n(self, singular: str, plural: str, num: int, **values: Any) -> str:
        from .catalogues import TOOLKIT

        if self.translator:
            text = self.translator.ngettext(TOOLKIT, singular, plural, num)
        else:
            text = singular if num == 1 else plural
        return text % {"num": num, **values}

    def notices(self, draft: str) -> list[str]:
        """What an output says first about its translation: the `draft` note if it is a draft, and a note
        if some local content is in English because it has no translation."""
        usage = self.translator.usage if self.translator else None
        said = [self(draft)] if self.translator and self.translator.draft else []
        return said + ([self(LOCAL_IN_ENGLISH)] if usage and usage.local_in_english else [])

    def date(self, day: Any) -> str:
        """A date as people write it in this language: '5 March 2026' in English."""
        from babel.dates import format_date

        return format_date(day, format="d MMMM y", locale=self.language.code)
