"""What the library shows: each jobcentre in a build's manifest, its sessions, and what each deck says.

A deck's summary (title, length, plan, notes) comes from the Deck model, the same one the writers used.
Making a Deck takes a while, so each summary is kept in the library's record with the fingerprint the
manifest gives the deck's inputs: a summary is made again only when the deck would be.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path, PurePosixPath

from .. import __version__
from ..content.loader import find_sites, load_site
from ..content.models import SiteContent
from ..deck.audience import GENERAL
from ..deck.delivery import ROOM
from ..deck.model import Activity, BulletList, Deck, plain
from ..deck.session import make_deck
from ..handout.styles import STYLES
from ..i18n import language
from ..i18n.catalogues import make_translator
from ..manifest import Entry
from ..project import ContentRoot
from ..render import format_order, is_deck

PLAN_ICONS = {"clock", "coffee"}  # the plan slide's steps, and its break (templates/sessions/parts/plan.md.j2)
WELSH = "cy"


@dataclass(frozen=True)
class Summary:
    """What one built deck says about itself, for its session page."""

    title: str
    minutes: int | None
    covers: tuple[str, ...]  # the steps on the plan slide
    slides: tuple[str, ...]  # slide titles: the alt text of the slide pictures
    say: int  # slides whose notes say what to say
    ask: int  # questions for the group
    activities: int
    tips: int


@dataclass(frozen=True)
class Session:
    """One topic for one audience and one delivery at one jobcentre, in every language built."""

    topic: str
    audience: str
    delivery: str
    files: tuple[Entry, ...]  # the decks and handouts, in every language
    summaries: dict[str, Summary]  # by language code

    @property
    def name(self) -> str:
        """The file name the build uses, without the format: cv, cv.in-work, cv.in-work.online."""
        audience = "" if self.audience == GENERAL else f".{self.audience}"
        return self.topic + audience + ("" if self.delivery == ROOM else f".{self.delivery}")

    @property
    def languages(self) -> list[str]:
        return sorted({code_of_entry(e) for e in self.files}, key=lambda code: (code != "en", code))

    def summary(self, code: str) -> Summary:
        """The summary in the language asked for if its deck was built, otherwise in the first language."""
        return self.summaries.get(code) or self.summaries[self.languages[0]]


@dataclass(frozen=True)
class Jobcentre:
    """One site and its sessions, with what a work coach needs to find it."""

    content: SiteContent
    sessions: tuple[Session, ...]

    @property
    def folder(self) -> PurePosixPath:
        return PurePosixPath(self.content.district_id, self.content.id)

    @property
    def welsh(self) -> bool:
        """Whether the site offers Welsh: its own language, or one it asks translations for."""
        return language(self.content.language).code == WELSH or WELSH in self.content.translations

    @property
    def checked(self) -> tuple[dt.date, dt.date]:
        """The oldest and the newest date its facts were checked."""
        dates = [fact.checked for _, fact in self.content.facts()]
        return min(dates), max(dates)

    @property
    def find_words(self) -> str:
        """What someone might type to find it: its name, address, postcode, district and area."""
        c = self.content
        return " ".join([c.jobcentre.name, c.jobcentre.address, c.jobcentre.postcode, c.district.name, c.district.area])


def code_of_entry(entry: Entry) -> str:
    return language(entry["language"]).code


def jobcentres(
    root: ContentRoot, entries: dict[str, Entry], known: dict[str, dict], workers: int | None = None
) -> tuple[list[Jobcentre], dict[str, dict]]:
    """Every site in the manifest whose content still exists, with its sessions, and the summaries by deck.

    `known` holds summaries from the last run, by deck path; only decks with new inputs are summarised again.
    """
    refs = {(r.district, r.site): r for r in find_sites(root.content)}
    groups: dict[tuple[str, str], dict[tuple[str, str, str], list[Entry]]] = defaultdict(lambda: defaultdict(list))
    for entry in entries.values():
        if (entry["district"], entry["site"]) in refs:
            kind = (entry["topic"], entry.get("audience", GENERAL), entry.get("delivery", ROOM))
            groups[(entry["district"], entry["site"])][kind].append(entry)
    decks = [e for e in entries.values() if is_deck(e["format"]) and (e["district"], e["site"]) in refs]
    summaries = _summaries(root, decks, known, workers)
    found = []
    for key in sorted(groups):
        made = [_session(*kind, files, summaries) for kind, files in groups[key].items()]
        sessions = tuple(sorted((s for s in made if s.summaries), key=_session_order))
        if sessions:
            found.append(Jobcentre(load_site(root.content, refs[key]), sessions))
    return sorted(found, key=lambda j: j.content.jobcentre.name), summaries


def _session(topic: str, audience: str, delivery: str, files: list[Entry], summaries: dict[str, dict]) -> Session:
    decks = [e for e in files if is_deck(e["format"]) and e["path"] in summaries]
    by_language = {code_of_entry(e): Summary(**_fields(summaries[e["path"]])) for e in decks}
    order = sorted(files, key=_file_order)
    return Session(topic, audience, delivery, tuple(order), by_language)


def _session_order(session: Session) -> tuple:
    """Each topic together: for everyone first, then each audience; in the room before on a video call."""
    return session.topic, session.audience != GENERAL, session.audience, session.delivery != ROOM


def _file_order(entry: Entry) -> tuple:
    """English first, then the deck, then handouts by format and style, so every page lists them the same way."""
    fmt, style = entry["format"], entry.get("style", "standard")
    return (
        code_of_entry(entry) != "en",
        entry["language"],
        format_order(fmt),
        list(STYLES).index(style) if style in STYLES else len(STYLES),
        entry["path"],
    )


def _fields(record: dict) -> dict:
    return {k: tuple(v) if isinstance(v, list) else v for k, v in record["summary"].items()}


def _summaries(root: ContentRoot, decks: list[Entry], known: dict[str, dict], workers: int | None) -> dict[str, dict]:
    """Each deck's summary, from `known` when its inputs have not changed, else made again on all cores."""
    kept = {e["path"]: known[e["path"]] for e in decks if known.get(e["path"], {}).get("inputs") == _stamp(e)}
    todo = [e for e in decks if e["path"] not in kept]
    count = min(workers or os.cpu_count() or 1, len(todo))
    jobs = [(root.path, e) for e in todo]
    if count <= 1:
        made = [_summarise_entry(job) for job in jobs]
    else:
        with ProcessPoolExecutor(max_workers=count) as pool:
            made = list(pool.map(_summarise_entry, jobs))
    return kept | {e["path"]: {"inputs": _stamp(e), "summary": asdict(s)} for e, s in zip(todo, made, strict=True)}


def _stamp(entry: Entry) -> str:
    """What a summary was made from: the deck's inputs, as the manifest gives them, and this toolkit."""
    return f"{entry.get('inputs', entry['sha256'])} {__version__}"


def _summarise_entry(job: tuple[Path, Entry]) -> Summary:
    """Make the deck's model again, in a worker process, and summarise it."""
    path, entry = job
    root = ContentRoot.at(path)
    ref = next(r for r in find_sites(root.content) if (r.district, r.site) == (entry["district"], entry["site"]))
    translator = make_translator(root.templates, language(entry["language"]))
    site = load_site(root.content, ref)
    deck = make_deck(
        root, site, entry["topic"], entry.get("audience", GENERAL), translator, entry.get("delivery", ROOM)
    )
    return summarise(deck)


def summarise(deck: Deck) -> Summary:
    """The plan, the slide titles and what the speaker notes hold, from the deck's types (not its words)."""
    notes = [note for slide in deck.slides for note in slide.notes]
    return Summary(
        title=deck.meta.title,
        minutes=deck.meta.duration,
        covers=_plan(deck),
        slides=tuple(slide.title for slide in deck.slides),
        say=sum(1 for slide in deck.slides if any(n.kind == "say" for n in slide.notes)),
        ask=sum(1 for n in notes if n.kind == "ask"),
        activities=sum(1 for slide in deck.slides for b in slide.blocks if isinstance(b, Activity)),
        tips=sum(1 for n in notes if n.kind == "tip"),
    )


def _plan(deck: Deck) -> tuple[str, ...]:
    """The steps of the plan slide: the list whose items all carry a clock or a coffee cup."""
    for slide in deck.slides:
        for block in slide.blocks:
            if isinstance(block, BulletList) and block.items and all(i.icon in PLAN_ICONS for i in block.items):
                return tuple(plain(item.runs) for item in block.items)
    return ()
