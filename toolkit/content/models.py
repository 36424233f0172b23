"""The shape of local content: what a session can say about a jobcentre and its area.

Every fact carries where it came from and when someone last checked it, because a work coach
must be able to trust, and re-check, what the slides say about their area.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    field_validator,
    model_validator,
)

from ..i18n.clock import clock, day_name, time_span
from .icons import sector_icon, service_icon, transport_icon

_WEB_ADDRESS = re.compile(r"^https?://[^\s/$.?#][^\s]*$")
_PHONE = re.compile(r"^[0-9+][0-9 ()+-]{5,}$")


def _web_address(value: str) -> str:
    if not _WEB_ADDRESS.match(value):
        raise ValueError("must be a full web address starting with https://")
    return value


def _phone(value: str) -> str:
    if not _PHONE.match(value):
        raise ValueError("must be a phone number made of digits and spaces, like 0800 328 5644")
    return value


def _not_in_future(value: dt.date) -> dt.date:
    if value > dt.date.today():
        raise ValueError("is in the future: use the date someone last checked this fact")
    return value


def _clock_time(value: Any) -> Any:
    """YAML reads an unquoted 10:00 as 600 (minutes in base 60): turn it back into the time it was."""
    if isinstance(value, int) and not isinstance(value, bool):
        if not 60 <= value < 24 * 60:
            raise ValueError("must be a time, like 10:00 or 13:30")
        return f"{value // 60:02d}:{value % 60:02d}"
    if isinstance(value, str) and re.match(r"^\d:\d\d$", value.strip()):
        return "0" + value.strip()  # 9:30 is 09:30
    return value


class Translatable:
    """Marks a field whose words a translator turns into another language (see docs/translations.md)."""


TRANSLATABLE = Translatable()


def _language_codes(value: list[str]) -> list[str]:
    from ..errors import ToolkitError
    from ..i18n.languages import language

    try:
        return [language(code).code for code in value]
    except ToolkitError:
        raise ValueError("must be a list of language codes, such as cy (Welsh), pl (Polish) or ar (Arabic)") from None


WebAddress = Annotated[str, AfterValidator(_web_address)]
Phone = Annotated[str, AfterValidator(_phone)]
Text = Annotated[str, Field(min_length=1)]
Words = Annotated[str, Field(min_length=1), TRANSLATABLE]  # text readers see: translated with the deck
OptionalWords = Annotated[str, TRANSLATABLE]
CheckedOn = Annotated[dt.date, AfterValidator(_not_in_future)]
ClockTime = Annotated[dt.time, BeforeValidator(_clock_time)]
TopicId = Annotated[str, Field(pattern=r"^([a-z0-9][a-z0-9-]*)?$")]


class Strict(BaseModel):
    """Refuses unknown fields, so a misspelt key is an error rather than silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Fact(Strict):
    """Anything a deck states about the real world.

    `unconfirmed` marks what nobody has confirmed yet, as data rather than a comment, so a report can list
    it, a strict build can refuse it and outputs can avoid stating it as plain fact: `true` for the whole
    fact, or the fields not confirmed, like `[address, postcode]`. A field of the items in a list is
    written with a dot: `[sessions.room]` (see docs/content.md).
    """

    source: Text
    checked: CheckedOn
    unconfirmed: bool | tuple[str, ...] = False

    @field_validator("unconfirmed", mode="before")
    @classmethod
    def _names_fields(cls, value: Any) -> Any:
        """Refuse a name that is not a field of this kind of fact, so a typo cannot hide an unconfirmed field."""
        if value is None or isinstance(value, bool):
            return bool(value)
        fields = _fact_fields(cls)
        if not isinstance(value, list) or not all(isinstance(name, str) for name in value):
            raise ValueError(f"must be true, or a list of the fields not confirmed yet, like [{fields[0]}]")
        wrong = next((name for name in value if name not in fields), None)
        if wrong is not None:
            raise ValueError(f"must name fields of this fact, and '{wrong}' is not one: use {', '.join(fields)}")
        return tuple(value)

    @property
    def unconfirmed_fields(self) -> tuple[str, ...]:
        """The fields marked as not confirmed: every field when the whole fact is, none when it is confirmed."""
        if self.unconfirmed is True:
            return _fact_fields(type(self))
        return self.unconfirmed or ()

    def is_unconfirmed(self, field: str = "") -> bool:
        """Whether `field` is not confirmed yet; with no field, whether any part of this fact is not.

        Outputs ask this before they state a value, so an unconfirmed one is never shown as plain fact.
        A field counts if it is listed, if the field around it is (`sessions` covers `sessions.room`), or if
        a field inside it is (`sessions.room` makes `sessions` partly unconfirmed).
        """
        listed = self.unconfirmed_fields
        if not field:
            return bool(listed)
        return any(name == field or name.startswith(f"{field}.") or field.startswith(f"{name}.") for name in listed)


def _fact_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of a kind of fact that can be unconfirmed, with `list.field` for the fields of its items."""
    names = []
    for name, info in model.model_fields.items():
        if name in ("source", "checked", "unconfirmed"):
            continue
        names.append(name)
        inner = [arg for arg in get_args(info.annotation) if isinstance(arg, type) and issubclass(arg, BaseModel)]
        names += [f"{name}.{sub}" for model in inner for sub in model.model_fields]
    return tuple(names)


class Tip(Fact):
    """One piece of advice, such as how to claim travel costs."""

    text: Words


class Jobcentre(Fact):
    name: Words
    address: Text
    postcode: Text
    step_free_access: bool
    access_notes: OptionalWords = ""
    opening_hours: Words


class Operator(Fact):
    """A bus, train, tram, subway or ferry company."""

    name: Words
    mode: Literal["bus", "rail", "tram", "subway", "ferry"]
    website: WebAddress
    phone: Phone | None = None
    tickets: Words

    @property
    def icon(self) -> str:
        """The icon shown beside the company: a bus, a train..."""
        return transport_icon(self.mode)


class JourneyPlanner(Fact):
    name: Words
    website: WebAddress
    phone: Phone | None = None


class Route(Fact):
    """How to get from the jobcentre's area to a place where many people work."""

    name: Words
    how: Words
    time: Words


class Transport(Strict):
    operators: list[Operator] = []
    journey_planners: list[JourneyPlanner] = []
    fares: list[Tip] = []
    routes: list[Route] = []


class TravelCosts(Strict):
    """Help with the cost of getting to interviews and sessions."""

    interviews: Tip
    sessions: Tip
    how_to_claim: Tip


DisabilityConfident = Literal["committed", "employer", "leader"]


class Employer(Fact):
    name: Words
    sector: Words
    # The icon beside the employer, from its sector as written in English (translations keep it).
    _icon: str = PrivateAttr(default="")
    entry_roles: list[Words] = Field(min_length=1)
    how_to_apply: Words
    website: WebAddress
    recruitment_events: OptionalWords = ""
    # The date of the next recruitment event. `toolkit import` refuses one that has passed; in a YAML
    # file an old date is allowed, because events pass while the file stays the same.
    event_date: dt.date | None = None
    getting_there: Words
    # The employer's level in the Disability Confident scheme, where someone has checked it.
    disability_confident: DisabilityConfident | None = None

    def model_post_init(self, context: Any) -> None:
        self._icon = sector_icon(self.sector)

    @property
    def icon(self) -> str:
        """The icon shown beside the employer: a shopping trolley for retail, a hospital for health..."""
        return self._icon


ServiceKind = Literal["debt", "food", "mental_health", "housing", "english", "digital", "carers", "disability", "other"]


class Service(Fact):
    """A local or national service a work coach can point people to."""

    name: Words
    kind: ServiceKind
    what: Words
    phone: Phone | None = None
    website: WebAddress | None = None
    address: str = ""
    opening_times: OptionalWords = ""

    @property
    def icon(self) -> str:
        """The icon shown beside the service: a pound coin for debt advice, a house for housing..."""
        return service_icon(self.kind)


Day = Literal["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
DAYS: tuple[str, ...] = get_args(Day)


class Appointment(Strict):
    """One part of the week of support: a one-to-one with a work coach, or a group session."""

    day: Day
    start: ClockTime
    end: ClockTime
    kind: Literal["one-to-one", "group"]
    title: Words
    topic: TopicId = ""  # the session template that goes with it, such as "cv"
    covers: Words
    room: Words
    bring: list[Words] = []

    @model_validator(mode="after")
    def _ends_after_it_starts(self) -> Appointment:
        if self.end <= self.start:
            raise ValueError("must end after it starts: check 'start' and 'end'")
        return self

    @property
    def day_name(self) -> str:
        """The day in the language being rendered: "Monday", "Dydd Llun"."""
        return day_name(DAYS.index(self.day))

    @property
    def starts(self) -> str:
        """Like "10am"."""
        return clock(self.start)

    @property
    def times(self) -> str:
        """Like "10am to 11:30am"."""
        return time_span(self.start, self.end)


class Timetable(Fact):
    """The week of support at this jobcentre: each appointment, and the notice people get before it."""

    sessions: list[Appointment] = Field(min_length=1)
    notice: Words
    adjustments: OptionalWords = ""  # how to ask for changes at this jobcentre, such as a quiet room

    @property
    def days(self) -> list[tuple[str, list[Appointment]]]:
        """Each day with something on it, in week order, with its appointments in time order."""
        by_day = {day: sorted((a for a in self.sessions if a.day == day), key=lambda a: a.start) for day in DAYS}
        return [(day, found) for day, found in by_day.items() if found]

    @property
    def in_order(self) -> list[Appointment]:
        """Every appointment of the week, in day and time order."""
        return [a for _, found in self.days for a in found]

    @property
    def things_to_bring(self) -> list[str]:
        """What to bring in the week, each thing once, in the order of the week.

        "Your CV, if you have one" and "Your CV, or what you wrote on Tuesday" are the same thing, so
        things are compared by their words before the first comma (Arabic's too), and by their first two
        words, for a translation with no comma ("Swoje CV albo ...")."""
        seen: set[str] = set()
        kept: list[str] = []
        for item in (item for a in self.in_order for item in a.bring):
            words = item.replace("\u060c", ",")
            keys = {words.split(",")[0].strip().casefold(), " ".join(words.replace(",", " ").split()[:2]).casefold()}
            if not keys & seen:
                kept.append(item)
            seen |= keys
        return kept


Pounds = Annotated[Decimal, Field(ge=0, max_digits=9, decimal_places=2)]


class Amount(Fact):
    """A sum of money set nationally, such as the National Living Wage: a session shows it, and works sums
    out from it, so the figures change when the content team changes the fact."""

    amount: Pounds
    per: Literal["hour", "week", "month", "year"]


class Percent(Fact):
    """A share set nationally, such as the Universal Credit taper rate."""

    percent: Annotated[Decimal, Field(ge=0, le=100, decimal_places=2)]

    @property
    def share(self) -> Decimal:
        return self.percent / 100


class Rates(Strict):
    """Pay and Universal Credit figures that are the same across England, Scotland and Wales.

    They change each April, so each has its GOV.UK source and the date someone checked it; templates
    show them with the `money` and `percent` filters and use the sums below, never numbers of their own.
    """

    national_living_wage: Amount  # an hour, for workers aged 21 and over
    work_allowance_with_housing: Amount  # a month, when Universal Credit helps with housing costs
    work_allowance_without_housing: Amount  # a month
    taper: Percent  # how much Universal Credit goes down for each pound earned over the work allowance
    childcare: Percent  # the most of childcare costs Universal Credit pays back

    def pay_a_month(self, hours_a_week: int | float) -> Decimal:
        """Pay a month, to the nearest pound, for `hours_a_week` at the National Living Wage: 52 weeks in 12 months."""
        return _pounds(self.national_living_wage.amount * Decimal(str(hours_a_week)) * 52 / 12)

    def universal_credit_cut(self, earnings: Decimal | int, allowance: Amount | int = 0) -> Decimal:
        """How much a month's Universal Credit goes down for `earnings` in that month, to the nearest pound: the taper
        on what is over the work allowance (none for people who do not get one)."""
        free = allowance.amount if isinstance(allowance, Amount) else Decimal(allowance)
        return _pounds(max(Decimal(earnings) - free, Decimal(0)) * self.taper.share)

    def kept(self, earnings: Decimal | int, allowance: Amount | int = 0) -> Decimal:
        """How much more someone has in a month from `earnings`, after Universal Credit goes down."""
        return Decimal(earnings) - self.universal_credit_cut(earnings, allowance)


def _pounds(value: Decimal) -> Decimal:
    """To the nearest pound: a sum on a slide is an example, not someone's payment."""
    return value.quantize(Decimal(1), rounding=ROUND_HALF_UP)


class District(Strict):
    name: Words
    nation: Literal["England", "Wales", "Scotland"]
    area: Words


class SiteContent(Strict):
    """Everything known about one jobcentre after national, district and site files are merged."""

    id: str
    district_id: str
    example: bool = False
    language: str = "en-GB"
    # Other languages this site's content is translated into: 'toolkit translations update' puts its
    # words in their catalogues. Content is written in English, like the templates.
    translations: Annotated[list[str], AfterValidator(_language_codes)] = []
    district: District
    jobcentre: Jobcentre
    transport: Transport
    travel_costs: TravelCosts
    remote_options: list[Tip] = Field(min_length=1)
    employers: list[Employer] = Field(min_length=1)
    services: list[Service] = Field(min_length=1)
    timetable: Timetable | None = None
    rates: Rates | None = None  # national pay and Universal Credit figures, from national.yaml

    def services_of(self, *kinds: str) -> list[Service]:
        """The services of the given kinds, in file order: templates use this to signpost."""
        return [s for s in self.services if s.kind in kinds]

    def facts(self) -> list[tuple[tuple, Fact]]:
        """Every fact in the content, with its location (such as `("employers", 2)`), in the order the model holds
        them: so reports and checks need not know which sections hold facts."""
        return list(_facts_in(self, ()))

    def is_unconfirmed(self, location: str) -> bool:
        """Whether the value at a dotted `location`, like "jobcentre.postcode" or "services.3.address", is not
        confirmed yet: by its own fact's `unconfirmed`, or because the whole fact is."""
        parts = [int(part) if part.isdigit() else part for part in location.split(".")]
        value: Any = self
        for at, part in enumerate(parts):
            value = value[part] if isinstance(part, int) else getattr(value, part)
            if isinstance(value, Fact):
                rest = ".".join(str(p) for p in parts[at + 1 :] if not isinstance(p, int))
                return value.is_unconfirmed(rest)
        return False

    def oldest_check_in(self, shown: str) -> dt.date:
        """The oldest `checked` date of the facts whose words an output shows (`shown`): the date it can
        honestly give for its facts. With none shown, the newest date of all."""
        dates = [fact.checked for _, fact in self.facts() if any(text in shown for text in _texts_of(fact))]
        return min(dates) if dates else self.latest_check

    @property
    def latest_check(self) -> dt.date:
        """The newest `checked` date: a stable, content-derived date for file metadata."""
        dates = [self.jobcentre.checked]
        dates += [f.checked for f in self.transport.operators + self.employers + self.services]
        dates += [self.timetable.checked] if self.timetable else []
        return max(dates)


def _texts_of(fact: Fact) -> list[str]:
    """The words a fact can show, such as its name and address: not its source."""
    values = [getattr(fact, name) for name in type(fact).model_fields if name != "source"]
    return [v for v in values if isinstance(v, str) and len(v) > 3]


def _facts_in(value: Any, location: tuple) -> Iterator[tuple[tuple, Fact]]:
    if isinstance(value, Fact):
        yield location, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _facts_in(getattr(value, name), (*location, name))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _facts_in(item, (*location, index))
