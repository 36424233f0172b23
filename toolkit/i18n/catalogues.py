"""Translation catalogues (gettext .po files) and the translator that uses them while a build renders.

Layout, under a content root's templates/ folder:

    locale/sessions.pot                      the English strings of templates/sessions/*.md.j2
    locale/toolkit.pot                       the toolkit's own words in outputs (handouts, send packs, notes)
    locale/content.pot                       the words of local_content/ (names, descriptions, how to apply)
    locale/<lang>/LC_MESSAGES/<domain>.po    one language's translations of a .pot
    locale/<lang>/status.yaml                whether a qualified translator has checked the language

We read the .po files directly and compile them in memory (no .mo files are written anywhere), so a
build never writes into the toolkit's own folders. The toolkit's own words come from the content
root's catalogue if it has one, otherwise from the catalogue bundled with the toolkit.

A string counts as reviewed when it carries the translator comment `# reviewed: <name>, <date>` and
is not fuzzy. A fuzzy string ("out of date": its English changed since it was translated) is not
used: the English appears instead, as for a missing string.
"""

from __future__ import annotations

import gettext as gnu_gettext
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TypeGuard

from ..errors import ToolkitError
from ..project import bundled_root
from ..text import Untranslated
from ..yamlfile import read_yaml
from .languages import Language

LOCALE = "locale"
SESSIONS, TOOLKIT, CONTENT = "sessions", "toolkit", "content"
DOMAINS = (SESSIONS, TOOLKIT, CONTENT)
STATUS_FILE = "status.yaml"
REVIEWED_COMMENT = re.compile(r"^reviewed\b", re.IGNORECASE)

Key = str | tuple[str, str]  # a msgid, or (msgid, context) for a string with a context


def locale_folder(templates: Path) -> Path:
    return templates / LOCALE


def pot_path(templates: Path, domain: str) -> Path:
    return locale_folder(templates) / f"{domain}.pot"


def po_path(templates: Path, code: str, domain: str) -> Path:
    return locale_folder(templates) / code / "LC_MESSAGES" / f"{domain}.po"


def catalogue_languages(templates: Path) -> list[str]:
    """The language codes that have a folder of catalogues, sorted."""
    folder = locale_folder(templates)
    return sorted(p.name for p in folder.iterdir() if (p / "LC_MESSAGES").is_dir()) if folder.is_dir() else []


def find_po(templates: Path, code: str, domain: str) -> Path | None:
    """The catalogue a build uses: the content root's; for the toolkit's own words, else the bundled one."""
    own = po_path(templates, code, domain)
    if own.is_file():
        return own
    bundled = po_path(bundled_root() / "templates", code, domain)
    return bundled if domain == TOOLKIT and bundled.is_file() else None


@dataclass(frozen=True)
class Translation:
    string: str | tuple[str, ...]
    line: int
    fuzzy: bool = False
    reviewed: bool = False


@dataclass(frozen=True)
class Catalogue:
    """One .po file, read and checked: every msgid with its translation, and the language's plural rule."""

    path: Path | None
    entries: dict[Key, Translation] = field(default_factory=dict)
    plural: Callable[[int], int] = lambda n: int(n != 1)


def key_of(msgid: str, context: str | None = None) -> Key:
    return (msgid, context) if context else msgid


def read_catalogue(path: Path, code: str):
    """The .po file as a babel Catalog, or an error naming the line babel could not read."""
    from babel.messages.pofile import PoFileError, read_po

    try:
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=code, abort_invalid=True)
    except PoFileError as err:
        raise ToolkitError(f"cannot read this catalogue: {err}", path) from None
    except (OSError, ValueError) as err:
        raise ToolkitError(f"cannot read this catalogue ({err}): fix it or make it again", path) from None
    for message in catalog:
        _previous_english(message)
    return catalog


def _previous_english(message) -> None:
    """babel reads the '#| msgid' lines (the English before it changed) as comments: make them the previous
    msgid again on a fuzzy string, and drop them once a translator has cleared the fuzzy flag."""
    from babel.messages.pofile import denormalize

    lines = [c[2:] for c in message.user_comments if c.startswith("| ")]
    if not lines:
        return
    message.user_comments = [c for c in message.user_comments if not c.startswith("| ")]
    first, *rest = lines
    if message.fuzzy and first.startswith("msgid "):
        message.previous_id = [denormalize("\n".join([first.removeprefix("msgid "), *rest]))]


def load_catalogue(path: Path, code: str) -> Catalogue:
    """A catalogue, read once per process while the file is unchanged."""
    stat = path.stat()
    return _load(path, code, stat.st_size, stat.st_mtime_ns)


@cache
def _load(path: Path, code: str, size: int, mtime_ns: int) -> Catalogue:
    catalog = read_catalogue(path, code)
    placeholders = path.stem != CONTENT  # local content has no %(name)s: in '50% off', % is just a word
    for message, errors in catalog.check() if placeholders else ():
        if errors and message.string and not message.fuzzy:
            raise ToolkitError(
                f"the translation of '{_short(message.id)}' is wrong: {errors[0]}. Keep every %(name)s as it is",
                path,
                message.lineno,
            )
    entries = {}
    for message in catalog:
        if not message.id:
            continue  # the header
        first = message.id[0] if isinstance(message.id, (list, tuple)) else message.id
        string = tuple(message.string) if isinstance(message.string, (list, tuple)) else message.string
        reviewed = any(REVIEWED_COMMENT.match(c.strip()) for c in message.user_comments)
        entries[key_of(first, message.context)] = Translation(
            string, message.lineno or 0, message.fuzzy, reviewed and not message.fuzzy
        )
    return Catalogue(path, entries, gnu_gettext.c2py(catalog.plural_expr))


def _short(text: str | tuple | list) -> str:
    text = text[0] if isinstance(text, (list, tuple)) else text
    return text if len(text) <= 60 else text[:57] + "..."


@dataclass(frozen=True)
class ReviewStatus:
    """A language's status.yaml: has a qualified translator checked it, who, and when."""

    reviewed: bool = False
    reviewer: str = ""
    date: str = ""
    path: Path | None = None


def status_path(templates: Path, code: str) -> Path:
    return locale_folder(templates) / code / STATUS_FILE


def read_status(templates: Path, code: str) -> ReviewStatus:
    path = status_path(templates, code)
    if not path.is_file():
        return ReviewStatus()
    data = read_yaml(path).data
    if not isinstance(data, dict) or not isinstance(data.get("reviewed", False), bool):
        raise ToolkitError("needs 'reviewed: true' or 'reviewed: false'", path)
    when = data.get("date") or ""
    return ReviewStatus(bool(data.get("reviewed")), str(data.get("reviewer") or ""), str(when), path)


def write_status(templates: Path, code: str, status: ReviewStatus, name: str) -> Path:
    from ..files import write_atomic

    path = status_path(templates, code)
    text = (
        f"# Review status of the {name} translation. Drafts are marked as drafts in every output, and\n"
        "# 'toolkit build --require-reviewed' refuses them. Only a qualified translator sets reviewed: true,\n"
        "# with 'toolkit translations review'. See docs/translations.md.\n"
        f"reviewed: {'true' if status.reviewed else 'false'}\n"
        f"reviewer: {_yaml_text(status.reviewer)}\n"
        f"date: {_yaml_text(status.date)}\n"
    )
    write_atomic(path, text.encode("utf-8"))
    return path


def _yaml_text(value: str) -> str:
    import json

    return json.dumps(value, ensure_ascii=False) if value else '""'


@dataclass
class Usage:
    """What one output used of the catalogues: each string once, and how it stood."""

    translated: set[tuple[str, Key]] = field(default_factory=set)
    drafts: set[tuple[str, Key]] = field(default_factory=set)  # translated but not marked reviewed
    missing: set[tuple[str, Key]] = field(default_factory=set)  # shown in English
    out_of_date: set[tuple[str, Key]] = field(default_factory=set)  # fuzzy: also counted in missing

    def merged(self, other: Usage) -> Usage:
        return Usage(
            self.translated | other.translated,
            self.drafts | other.drafts,
            self.missing | other.missing,
            self.out_of_date | other.out_of_date,
        )

    @property
    def local_in_english(self) -> set[tuple[str, Key]]:
        """Local content shown in English: allowed, and the output says so."""
        return {used for used in self.missing if used[0] == CONTENT}

    @property
    def missing_strings(self) -> set[tuple[str, Key]]:
        """Template and toolkit strings shown in English: a build refuses them unless --allow-missing."""
        return self.missing - self.local_in_english


def msgid_of(text: str) -> str:
    """The catalogue key of a content value: its words with spaces and line breaks made single spaces."""
    return " ".join(text.split())


class Translator:
    """Looks strings up in one language's catalogues and remembers what each output used.

    For the source language (English) it gives back the English and records nothing.
    """

    def __init__(self, language: Language, catalogues: dict[str, Catalogue], status: ReviewStatus):
        self.language, self.catalogues, self.status = language, catalogues, status
        self.usage = Usage()
        self.looked: dict[str, str] = {}  # local content looked up, as shown: counted once an output shows it

    def fork(self) -> Translator:
        """A translator for one output of a deck: it starts from what the deck itself used."""
        child = Translator(self.language, self.catalogues, self.status)
        child.usage = Usage().merged(self.usage)
        return child

    def gettext(self, domain: str, msgid: str, context: str | None = None) -> str:
        found = self._lookup(domain, msgid, context)
        return found if isinstance(found, str) and found else msgid

    def ngettext(self, domain: str, singular: str, plural: str, n: int, context: str | None = None) -> str:
        found = self._lookup(domain, singular, context)
        if isinstance(found, tuple) and found:
            index = self.catalogues[domain].plural(n)
            if 0 <= index < len(found) and found[index]:
                return found[index]
        return singular if n == 1 else plural

    def local(self, text: str) -> str:
        """A value of the site's content in this language, or the English as Untranslated where it has none.

        Not counted yet: a site has more content than one output shows, so `shown` counts what it shows.
        """
        if self.language.is_source:
            return text
        key = msgid_of(text)
        entry = self._entry(CONTENT, key)
        shown = entry.string if _usable(entry) and isinstance(entry.string, str) else Untranslated(text)
        self.looked[key] = shown
        return shown

    def shown(self, text: str) -> None:
        """Count the local content an output shows: each value looked up whose words are in `text`."""
        folded = text.casefold()
        for key, value in self.looked.items():
            if msgid_of(value).casefold() in folded:
                self._lookup(CONTENT, key, None)

    def _entry(self, domain: str, key: Key) -> Translation | None:
        return (self.catalogues.get(domain) or Catalogue(None)).entries.get(key)

    def _lookup(self, domain: str, msgid: str, context: str | None) -> str | tuple[str, ...] | None:
        """The translation of a string, counted as used by this output."""
        if self.language.is_source or not msgid:
            return None
        key = key_of(msgid, context)
        used = (domain, key)
        entry = self._entry(domain, key)
        if not _usable(entry):
            self.usage.missing.add(used)
            if entry is not None and entry.fuzzy:
                self.usage.out_of_date.add(used)
            return None
        self.usage.translated.add(used)
        if not entry.reviewed:
            self.usage.drafts.add(used)
        return entry.string

    # What the manifest and the build say -------------------------------------------------------

    @property
    def draft(self) -> bool:
        """Not checked by a qualified translator: the language is not signed off, or a string used is not."""
        if self.language.is_source:
            return False
        return not self.status.reviewed or bool(self.usage.drafts) or bool(self.usage.missing_strings)

    @property
    def reviewed(self) -> bool:
        """Wholly in this language and checked: not a draft, and no local content left in English."""
        return not self.draft and not self.usage.local_in_english

    def manifest_status(self) -> dict[str, object]:
        """The manifest's translation_status for an output made with this translator."""
        if self.language.is_source:
            return {"language": self.language.code, "source": True, "reviewed": True, "missing": 0}
        usage = self.usage
        return {
            "language": self.language.code,
            "reviewed": self.reviewed,
            "strings": len(usage.translated) + len(usage.missing),
            "missing": len(usage.missing_strings),
            "out_of_date": len(usage.out_of_date - usage.local_in_english),
            "local_in_english": len(usage.local_in_english),
            "drafts": len(usage.drafts),
            "reviewer": self.status.reviewer,
            "date": self.status.date,
        }


def _has_string(value: str | tuple[str, ...]) -> bool:
    return all(value) if isinstance(value, tuple) else bool(value)


def _usable(entry: Translation | None) -> TypeGuard[Translation]:
    """Translated and up to date: a fuzzy (out of date) or empty translation is not used."""
    return entry is not None and not entry.fuzzy and _has_string(entry.string)


def make_translator(templates: Path, language: Language) -> Translator:
    """The translator for a language, with its catalogues for each domain (an empty one where none exists)."""
    if language.is_source:
        return Translator(language, {}, ReviewStatus(True))
    catalogues = {}
    for domain in DOMAINS:
        path = find_po(templates, language.code, domain)
        catalogues[domain] = (
            load_catalogue(path, language.code) if path else Catalogue(po_path(templates, language.code, domain))
        )
    return Translator(language, catalogues, read_status(templates, language.code))


def translation_inputs(templates: Path, language: Language) -> list[Path]:
    """The files a build in this language depends on: its catalogues and its review status."""
    if language.is_source:
        return []
    found = [find_po(templates, language.code, domain) for domain in DOMAINS]
    status = status_path(templates, language.code)
    return [p for p in found if p] + ([status] if status.is_file() else [])
