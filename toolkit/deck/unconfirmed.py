"""Facts nobody has confirmed yet: outputs mark them, never state them as plain fact, and say so first.

Content marks a fact, or some of its fields, `unconfirmed` (see docs/content.md). Before a template
sees the site, each unconfirmed piece of text becomes `Unconfirmed`: it prints with "(not confirmed)"
after it, in the output's language. Names are left unmarked, since a name appears on every slide; the
notice at the start lists them with the other unconfirmed facts the output shows.
"""

from __future__ import annotations

from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel

from ..content.models import Fact, SiteContent
from ..i18n import N_, Words
from ..text import Unconfirmed

NOT_CONFIRMED = N_("not confirmed")
DECK_NOTICE = N_("Check these facts before you use this deck. Nobody has confirmed them yet: %(facts)s.")
HANDOUT_NOTICE = N_(
    "Some details in this handout are not confirmed yet: %(facts)s. Ask your work coach before you rely on them."
)
TIMES_TOO = N_("the days and times of the week")
TIMES = ("day", "start", "end")  # shown as "Monday, 10am to 11am": the notice names them together
UNMARKED = ("name",)  # shown on every slide: the notice names it instead


def marked(site: SiteContent, words: Words) -> SiteContent:
    """The site with each unconfirmed piece of text marked, to print with "(not confirmed)" after it."""
    unconfirmed = [(location, fact) for location, fact in site.facts() if fact.unconfirmed_fields]
    note = words(NOT_CONFIRMED) if unconfirmed else ""  # looked up only when used: a catalogue may lack it
    for location, fact in unconfirmed:
        site = _replace(site, location, _marked_fact(fact, note))
    return site


def unconfirmed_shown(site: SiteContent, shown: str, words: Words) -> list[str]:
    """The unconfirmed facts an output shows (its words are `shown`), as a reader would name them.

    Call it while rendering in the output's language (i18n.clock.rendering_in), so times read as shown."""
    found: list[str] = []
    shown = " ".join(shown.split())  # outputs print thin spaces and line breaks as plain spaces
    for _, fact in site.facts():
        for field in fact.unconfirmed_fields:
            if field.split(".")[-1] in TIMES:
                found += [words(TIMES_TOO)] if any(t in shown for t in _times(fact)) else []
                continue
            if is_keyword(fact, field):
                continue  # a template shows it in its own words, so it marks it there (see is_keyword)
            value = _value(fact, field)
            texts = value if isinstance(value, list) else [value]
            found += [str(t) for t in texts if isinstance(t, str) and t and " ".join(t.split()) in shown]
    return list(dict.fromkeys(found))


def _marked_fact(fact: Fact, note: str) -> Fact:
    updates: dict[str, Any] = {}
    for field in fact.unconfirmed_fields:
        name, _, inner = field.partition(".")
        value = getattr(fact, name)
        if inner and isinstance(value, list):
            updates[name] = [_with_note(item, inner, note) for item in value]
        elif name not in UNMARKED and isinstance(value, str) and value:
            updates[name] = Unconfirmed.of(value, note)
    return fact.model_copy(update=updates)


def _with_note(item: Any, field: str, note: str) -> Any:
    value = getattr(item, field, None) if isinstance(item, BaseModel) else None
    if not isinstance(value, str) or not value or field in UNMARKED:
        return item
    return item.model_copy(update={field: Unconfirmed.of(value, note)})


def _replace(model: Any, location: tuple, new: Any) -> Any:
    """A copy of `model` with the value at `location` (names and list indexes) replaced."""
    if not location:
        return new
    first, rest = location[0], location[1:]
    if isinstance(first, int):
        items = list(model)
        items[first] = _replace(items[first], rest, new)
        return items
    return model.model_copy(update={first: _replace(getattr(model, first), rest, new)})


def _value(fact: Fact, field: str) -> Any:
    name, _, inner = field.partition(".")
    value = getattr(fact, name, None)
    if inner and isinstance(value, list):
        return [getattr(item, inner, None) for item in value]
    return value


def is_keyword(fact: Fact, field: str) -> bool:
    """Whether a field holds one of a few set words, like a Disability Confident level ("employer").

    A template shows such a value in its own words ("Disability Confident leader"), so the words cannot be
    found in the output to list in the notice; the template marks it where it shows it, after asking
    `fact.is_unconfirmed(field)`."""
    annotation = type(fact).model_fields[field.partition(".")[0]].annotation
    return get_origin(annotation) is Literal or any(get_origin(arg) is Literal for arg in get_args(annotation))


def _times(fact: Fact) -> list[str]:
    """The times of a timetable's appointments, as outputs show them."""
    return [" ".join(a.times.split()) for a in getattr(fact, "sessions", [])]
