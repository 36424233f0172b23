"""Days and times in the language a deck is rendered in: GOV.UK style in English, the language's own elsewhere.

Templates print a timetable's days and times through the content model (`a.day_name`, `a.times`), which
cannot be told the language; so rendering sets it here for its duration, as gettext's locale would be.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from babel.dates import format_interval, format_time, get_day_names

from .languages import SOURCE

_RENDERING: ContextVar[str] = ContextVar("rendering", default=SOURCE)


@contextmanager
def rendering_in(code: str) -> Iterator[None]:
    """Days and times come in this language until the block ends."""
    token = _RENDERING.set(code)
    try:
        yield
    finally:
        _RENDERING.reset(token)


def rendering_language() -> str:
    """The code of the language being rendered ("en" outside `rendering_in`)."""
    return _RENDERING.get()


def clock(time: dt.time) -> str:
    """A time: as GOV.UK writes it in English (9am, 10:30am, midday, 1:15pm), else the language's short form."""
    code = _RENDERING.get()
    if code != SOURCE:
        return format_time(time, "short", locale=code)
    if time == dt.time(12, 0):
        return "midday"
    hour = time.hour % 12 or 12
    minutes = f":{time.minute:02d}" if time.minute else ""
    return f"{hour}{minutes}{'am' if time.hour < 12 else 'pm'}"


def time_span(start: dt.time, end: dt.time) -> str:
    """From one time to another: "10am to 11:30am", or the language's own form, like "10:00-11:30" in Polish."""
    code = _RENDERING.get()
    if code != SOURCE:
        return format_interval(start, end, "Hm", locale=code)
    return f"{clock(start)} to {clock(end)}"


def day_name(index: int) -> str:
    """A day of the week by its number (Monday is 0), in the language being rendered."""
    return get_day_names("wide", locale=_RENDERING.get())[index]
