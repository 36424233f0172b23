"""Text hygiene in one place: every string reaches a writer through here or the content loader."""

from __future__ import annotations

import re
import unicodedata

# XML 1.0 forbids C0 controls except tab and newlines; C1 controls and bidi overrides
# cause confusing output, so we refuse those too.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]")


def find_control_character(text: str) -> str | None:
    """Name the first character no document format can hold, such as 'U+0007'."""
    match = _CONTROL.search(text)
    return f"U+{ord(match.group()):04X}" if match else None


def clean(text: str) -> str:
    """Remove characters documents cannot hold and normalise to NFC; for text we did not write."""
    return unicodedata.normalize("NFC", _CONTROL.sub("", text))
