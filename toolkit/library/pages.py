"""The library's pages: where each one goes, the links between them, and the files each session offers.

Every link is relative, so the folder works from a shared drive (file://) or any web server, wherever it is put.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path

from ..handout.styles import STYLES, style_named
from ..manifest import Entry
from ..preview import slides_folder
from ..render import all_formats, is_deck
from .sessions import WELSH, Jobcentre, Session, code_of_entry
from .words import TEXT, PageWords

ASSETS = "assets"
PACK = "-pack"


def href(page: str, target: str) -> str:
    """A link from one page to another file of the library, relative to the page's folder."""
    return posixpath.relpath(target, posixpath.dirname(page) or ".")


def same_page(page: str, code: str, other: str) -> str:
    """The same page in another language: Welsh pages sit in a cy/ folder beside the English ones."""
    parts = page.split("/")
    name = parts.pop()
    if code != "en":
        parts.pop()
    if other != "en":
        parts.append(other)
    return "/".join([*parts, name])


def start_page(code: str) -> str:
    return "index.html" if code == "en" else f"{code}/index.html"


def jobcentre_page(site: Jobcentre, code: str) -> str:
    return f"{site.folder}/index.html" if code == "en" else f"{site.folder}/{code}/index.html"


def session_page(site: Jobcentre, session: Session, code: str) -> str:
    folder = site.folder if code == "en" else site.folder / code
    return f"{folder}/{session.name}.html"


def file_copy(site: Jobcentre, entry: Entry) -> str:
    """Where a built file's copy goes: files/<language>/<name>, under the jobcentre's folder."""
    return f"{site.folder}/files/{code_of_entry(entry)}/{Path(entry['path']).name}"


def site_zip(site: Jobcentre) -> str:
    return f"{site.folder}/{site.content.id}-sessions.zip"


@dataclass(frozen=True)
class Download:
    """One link on a session page: what it is, where it goes in the library, and how big it is."""

    label: str
    source: Path  # the file in the output folder (a pack's zip has none: it is made here)
    target: str


@dataclass(frozen=True)
class Thumbnail:
    source: Path  # the picture `toolkit preview` made
    target: str
    alt: str


def downloads(out: Path, site: Jobcentre, session: Session, code: str, say: PageWords) -> list[Download]:
    """The deck and every handout built in one language, then its send packs, in a stable order."""
    found = [
        Download(_label(entry, say), out / entry["path"], file_copy(site, entry))
        for entry in session.files
        if code_of_entry(entry) == code
    ]
    for style, folder in packs(out, session, code).items():
        label = say.say("pack", style=say.words(style_named(style).label))
        found.append(Download(label, folder, pack_zip(site, session, code, style)))
    return found


def _label(entry: Entry, say: PageWords) -> str:
    if is_deck(entry["format"]):
        return say.say("deck")
    kind = say.say(entry["format"]) if entry["format"] in TEXT else entry["format"]
    style = entry.get("style", "standard")
    if style == "standard" and not all_formats()[entry["format"]].styled:  # plain text, audio: made in one look
        return say.say("handout_plain", kind=kind)
    return say.say("handout", kind=kind, style=say.words(style_named(style).label))


def packs(out: Path, session: Session, code: str) -> dict[str, Path]:
    """Send packs `toolkit handout --pack` made for the session in one language, by style: folders beside it."""
    handouts = [e for e in session.files if code_of_entry(e) == code and not is_deck(e["format"])]
    if not handouts:
        return {}
    folder = out / Path(handouts[0]["path"]).parent
    found = {}
    for style in STYLES:
        name = session.name + ("" if style == "standard" else f".{style}") + PACK
        if (folder / name / "message.txt").is_file():
            found[style] = folder / name
    return found


def pack_zip(site: Jobcentre, session: Session, code: str, style: str) -> str:
    suffix = "" if style == "standard" else f".{style}"
    return f"{site.folder}/files/{code}/{session.name}{suffix}{PACK}.zip"


def thumbnails(out: Path, site: Jobcentre, session: Session, code: str, say: PageWords) -> list[Thumbnail]:
    """The slide pictures `toolkit preview` made of the deck in this language (or the first), if any."""
    deck_code = code if code in session.summaries else session.languages[0]
    deck = next(e for e in session.files if is_deck(e["format"]) and code_of_entry(e) == deck_code)
    folder = slides_folder(out / deck["path"])
    titles = session.summary(code).slides
    found = []
    for number, title in enumerate(titles, start=1):
        picture = folder / f"slide-{number:02d}.png"
        if not picture.is_file():
            return []
        target = f"{site.folder}/slides/{deck_code}/{session.name}/{picture.name}"
        found.append(Thumbnail(picture, target, say.say("slide_alt", number=number, title=title)))
    return found


def page_languages(site: Jobcentre | None) -> list[str]:
    """The languages a page is written in: English, and Welsh where the site offers it."""
    return ["en", WELSH] if site is None or site.welsh else ["en"]
