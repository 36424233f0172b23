"""Text hygiene in one place: every string reaches a writer through here or the content loader."""

from __future__ import annotations

import re
import unicodedata

# XML 1.0 forbids C0 controls except tab and newlines; C1 controls and bidi overrides
# cause confusing output, so we refuse those too.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ue000\ue001\ufffe\uffff]")

# In session Markdown, these two private-use characters start and end a stretch of local content
# shown in English because it has no translation, so writers can tag its language for screen
# readers. Only the toolkit writes them: content and templates may not hold them (see _CONTROL).
UNTRANSLATED_START, UNTRANSLATED_END = "\ue000", "\ue001"


class Untranslated(str):
    """Local content in English inside a translated output, because it has no translation yet."""


class Unconfirmed(str):
    """Local content nobody has confirmed yet: outputs print it with its `note`, never as plain fact.

    `original` is the value as it came, which may be `Untranslated`."""

    original: str
    note: str

    @classmethod
    def of(cls, value: str, note: str) -> Unconfirmed:
        made = cls(value)
        made.original, made.note = value, note
        return made


def as_shown(value: str) -> str:
    """A content value as an output prints it: an unconfirmed one with its note, "CF14 (not confirmed)"."""
    return f"{value.original} ({value.note})" if isinstance(value, Unconfirmed) else value


# Characters that take no space and cannot be seen: pasted from web pages and chat apps, they break
# searches, line breaks and screen readers. Content and templates may not hold them. The zero-width
# joiner and non-joiner (U+200D, U+200C) are allowed: emoji and some scripts need them.
INVISIBLE = {
    "\u200b": "a zero-width space",
    "\u2060": "a word joiner",
    "\ufeff": "a zero-width no-break space",
    "\u180e": "a Mongolian vowel separator",
}
_INVISIBLE = re.compile(f"[{''.join(INVISIBLE)}]")


def find_invisible_character(text: str) -> tuple[int, str] | None:
    """Where the first invisible character is (its index) and what it is, like 'a zero-width space (U+200B)'."""
    match = _INVISIBLE.search(text)
    if not match:
        return None
    return match.start(), f"{INVISIBLE[match.group()]} (U+{ord(match.group()):04X})"


def without_marks(text: str) -> str:
    """The text without the marks around untranslated local content."""
    return text.replace(UNTRANSLATED_START, "").replace(UNTRANSLATED_END, "")


def find_control_character(text: str) -> str | None:
    """Name the first character no document format can hold, such as 'U+0007'."""
    match = _CONTROL.search(text)
    return f"U+{ord(match.group()):04X}" if match else None


def clean(text: str) -> str:
    """Remove characters documents cannot hold and normalise to NFC; for text we did not write.

    Untranslated text stays Untranslated, so its language can still be tagged.
    """
    cleaned = unicodedata.normalize("NFC", _CONTROL.sub("", text))
    return Untranslated(cleaned) if isinstance(text, Untranslated) else cleaned
