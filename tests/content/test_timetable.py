"""The week of support: a site's timetable is optional, but checked when it is there."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.helpers import REPO
from toolkit.content.loader import find_sites, load_site
from toolkit.errors import ToolkitError
from toolkit.i18n.clock import clock
from toolkit.project import ContentRoot

TIMETABLE = """
timetable:
  notice: You will get the times in your journal at least 48 hours before.
  source: test
  checked: 2026-01-01
  sessions:
    - day: Tuesday
      start: {start}
      end: "11:00"
      kind: group
      title: CV session
      topic: cv
      covers: Start your CV.
      room: Room 1
    - day: Monday
      start: "9:30"
      end: "10:00"
      kind: one-to-one
      title: Plan your week
      covers: Your plan for the week.
      room: Room 2
      bring: [Your phone]
"""


def load_with(root: ContentRoot, start: str = '"10:00"'):
    path = root.content / "north" / "testford-central.yaml"
    path.write_text(path.read_text() + TIMETABLE.format(start=start))
    return load_site(root.content, find_sites(root.content)[0])


def test_a_site_without_a_timetable_loads(mini: ContentRoot) -> None:
    assert load_site(mini.content, find_sites(mini.content)[0]).timetable is None


def test_a_timetable_gives_the_days_in_week_order_and_times_in_plain_words(mini: ContentRoot) -> None:
    timetable = load_with(mini).timetable
    assert [(day, [a.title for a in found]) for day, found in timetable.days] == [
        ("Monday", ["Plan your week"]),
        ("Tuesday", ["CV session"]),
    ]
    monday, tuesday = (found[0] for _, found in timetable.days)
    assert monday.times == "9:30am to 10am" and monday.bring == ["Your phone"]
    assert tuesday.times == "10am to 11am" and tuesday.bring == []


def test_a_time_without_quotes_still_reads_as_the_time(mini: ContentRoot) -> None:
    """YAML reads 10:00 as the number 600; the loader turns it back."""
    assert load_with(mini, start="10:00").timetable.days[1][1][0].start == dt.time(10, 0)


@pytest.mark.parametrize(
    ("start", "message"),
    [
        ('"11:30"', "'timetable.sessions.0' must end after it starts"),
        ('"half ten"', "'timetable.sessions.0.start' must be a time, like 10:00 or 13:30"),
    ],
)
def test_timetable_mistakes_are_named(mini: ContentRoot, start: str, message: str) -> None:
    with pytest.raises(ToolkitError, match=message) as problem:
        load_with(mini, start=start)
    assert "testford-central.yaml" in str(problem.value)


def test_clock_times_read_like_gov_uk() -> None:
    assert [clock(dt.time(*t)) for t in [(9, 0), (10, 30), (12, 0), (13, 15), (17, 0)]] == [
        "9am",
        "10:30am",
        "midday",
        "1:15pm",
        "5pm",
    ]


def test_every_example_site_has_a_week_of_support() -> None:
    """3 one-to-ones and 2 group sessions, as in the pilot the research looked at."""
    content = REPO / "local_content"
    for ref in find_sites(content):
        timetable = load_site(content, ref).timetable
        assert timetable is not None, ref.site
        kinds = sorted(a.kind for a in timetable.sessions)
        assert kinds == ["group", "group", "one-to-one", "one-to-one", "one-to-one"], ref.site
        assert all(a.room and a.covers for a in timetable.sessions)


def test_days_and_times_come_in_the_language_being_rendered() -> None:
    from toolkit.i18n.clock import day_name, rendering_in, time_span

    start, end = dt.time(10), dt.time(11, 30)
    assert (day_name(0), time_span(start, end)) == ("Monday", "10am to 11:30am")
    with rendering_in("cy"):
        assert (day_name(0), clock(start), time_span(start, end)) == ("Dydd Llun", "10:00", "10:00\u2009–\u200911:30")
    with rendering_in("pl"):
        assert day_name(4) == "piątek"
    assert clock(dt.time(12)) == "midday"  # English again once rendering ends


def test_each_thing_to_bring_is_listed_once_in_the_order_of_the_week(mini: ContentRoot) -> None:
    timetable = load_with(mini).timetable
    monday, tuesday = (found[0] for _, found in timetable.days)
    week = [
        monday.model_copy(update={"bring": ["Your CV, if you have one", "Swoje CV albo notatki"]}),
        tuesday.model_copy(update={"bring": ["Your CV, or what you wrote", "Swoje CV, jeśli masz", "A pen"]}),
    ]
    timetable = timetable.model_copy(update={"sessions": week})
    assert [a.title for a in timetable.in_order] == ["Plan your week", "CV session"]
    assert timetable.things_to_bring == ["Your CV, if you have one", "Swoje CV albo notatki", "A pen"]
