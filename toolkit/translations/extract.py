"""Extract the English strings, update each language's catalogue, and count what is translated.

Two domains: `sessions` from templates/sessions/*.md.j2 (each line of words, see deck/messages.py,
and `_()`, `ngettext()`, `pgettext()` in jinja2 data), and `toolkit` from the toolkit's own code
(strings marked `N_()`).
Babel does the work; babel.cfg at the content root says the same for people who use `pybabel`.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import write_po

from ..content.loader import DISTRICT, NATIONAL, find_sites, load_site
from ..content.translated import words_of
from ..deck.template import I18N_OPTIONS, JINJA_OPTIONS
from ..errors import ToolkitError
from ..files import write_atomic
from ..i18n.catalogues import (
    CONTENT,
    DOMAINS,
    REVIEWED_COMMENT,
    SESSIONS,
    TOOLKIT,
    Key,
    ReviewStatus,
    catalogue_languages,
    key_of,
    msgid_of,
    po_path,
    pot_path,
    read_catalogue,
    read_status,
    write_status,
)
from ..i18n.languages import language
from ..project import ContentRoot
from ..yamlfile import read_yaml

COMMENT_TAGS = ("Translators:",)
JINJA_EXTRACTOR = "jinja2.ext:babel_extract"
TOOLKIT_KEYWORDS = {"N_": None, "Nn_": (1, 2)}
FIXED_DATE = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)  # headers carry no clock time, so files change only with text
WIDTH = 100


def jinja_options() -> dict[str, str]:
    """The babel extractor's options, matching how the toolkit sets up the session templates."""
    options = {**JINJA_OPTIONS, **I18N_OPTIONS}
    return {k: str(v).lower() if isinstance(v, bool) else str(v) for k, v in options.items()} | {"silent": "false"}


def _package_folder() -> Path:
    return Path(__file__).resolve().parents[1]


def extract(root: ContentRoot, domain: str, code: str | None = None) -> Catalog:
    """The English strings of one domain as a template catalogue (.pot), with where each one is.

    For local content, only the sites translated into `code` (with no code, every site).
    """
    catalog = Catalog(
        project="Group session toolkit",
        domain=domain,
        creation_date=FIXED_DATE,
        revision_date=FIXED_DATE,
        fuzzy=False,
        header_comment=f"# English strings of the '{domain}' catalogue. Made by 'toolkit translations extract':\n"
        "# do not edit. Translators work on locale/<language>/LC_MESSAGES/*.po (see docs/translations.md).",
    )
    found = _content_strings(root, code) if domain == CONTENT else _code_strings(root, domain)
    try:
        for where, line, message, comments, context in found:
            catalog.add(message, None, [(where, line)], auto_comments=comments, context=context)
    except ToolkitError:
        raise
    except Exception as err:  # babel's extractors raise what the parser raises: name the template
        raise ToolkitError(f"cannot extract strings ({err}): fix the template", root.sessions) from None
    return catalog


Found = Iterator[
    tuple[str, int, str | tuple[str, ...], list[str], str | None]
]  # where, line, msgid (or plural pair), comments, context


def _code_strings(root: ContentRoot, domain: str) -> Found:
    """Strings marked in the session templates, or in the toolkit's own code."""
    if domain == SESSIONS:
        folder, base = root.sessions, root.path
        found = extract_from_dir(
            folder,
            method_map=[("**.j2", JINJA_EXTRACTOR)],
            options_map={"**.j2": jinja_options()},
            keywords=DEFAULT_KEYWORDS,
            comment_tags=COMMENT_TAGS,
            strip_comment_tags=True,
        )
    else:
        folder, base = _package_folder(), _package_folder().parent
        found = extract_from_dir(
            folder, method_map=[("**.py", "python")], keywords=TOOLKIT_KEYWORDS, comment_tags=COMMENT_TAGS
        )
    for filename, line, message, comments, context in found:
        yield (folder / filename).relative_to(base).as_posix(), line, message, comments, context


def _content_strings(root: ContentRoot, code: str | None) -> Found:
    """The words of each site translated into `code`, with each place they are written and the field's name."""
    by_file: dict[Path, dict[str, list[tuple[str, int, str]]]] = {}  # national and district files: read once
    for ref in find_sites(root.content):
        site = load_site(root.content, ref)
        if code and code not in site.translations:
            continue
        places: dict[str, list[tuple[str, int, str]]] = {}
        for path in (root.content / NATIONAL, root.content / ref.district / DISTRICT, ref.path):
            if path not in by_file:
                by_file[path] = {}
                for msgid, place in _places(path, path.relative_to(root.path).as_posix()):
                    by_file[path].setdefault(msgid, []).append(place)
            for msgid, found in by_file[path].items():
                places.setdefault(msgid, []).extend(found)
        for msgid in words_of(site):
            for where, line, field_name in places.get(msgid, []):
                yield where, line, msgid, [field_name], None


def _places(path: Path, where: str) -> Iterator[tuple[str, tuple[str, int, str]]]:
    """Each text value in a content file, as a catalogue key with its file, line and field name."""
    doc = read_yaml(path)

    def walk(value: object, location: tuple) -> Iterator[tuple[str, tuple[str, int, str]]]:
        if isinstance(value, dict):
            for key, item in value.items():
                yield from walk(item, (*location, key))
        elif isinstance(value, list):
            for n, item in enumerate(value):
                yield from walk(item, (*location, n))
        elif isinstance(value, str):
            field_name = ".".join(part for part in location if isinstance(part, str))
            yield msgid_of(value), (where, doc.line_of(location) or 1, field_name)

    yield from walk(doc.data, ())


def source_lines(root: ContentRoot, domain: str) -> dict[Key, list[str]]:
    """Where each English string is used, as 'file:line', for error messages."""
    folder = {SESSIONS: root.sessions, CONTENT: root.content}.get(domain)
    files = sorted(folder.rglob("*")) if folder else []
    stamp = tuple((p.as_posix(), p.stat().st_mtime_ns) for p in files if p.is_file())
    return _source_lines(root.path, domain, stamp)


@cache
def _source_lines(root: Path, domain: str, stamp: tuple) -> dict[Key, list[str]]:
    catalog = extract(ContentRoot(root), domain)
    return {_key(m): [f"{file}:{line}" for file, line in m.locations] for m in catalog if m.id}


def _key(message) -> Key:
    first = message.id[0] if isinstance(message.id, (list, tuple)) else message.id
    return key_of(first, message.context)


def _po_bytes(catalog: Catalog, domain: str, **options: bool) -> bytes:
    """A catalogue as we write it: sorted by file; code references without line numbers, so editing code
    above a marked string does not change the catalogues; template and content references with them."""
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=WIDTH, sort_by_file=True, include_lineno=domain != TOOLKIT, **options)
    return buffer.getvalue()


def _write(path: Path, catalog: Catalog, domain: str, **options: bool) -> None:
    write_atomic(path, _po_bytes(catalog, domain, **options))


def template_bytes(root: ContentRoot, domain: str) -> bytes:
    """A domain's template catalogue (.pot) as `toolkit translations extract` writes it."""
    return _po_bytes(extract(root, domain), domain)


def write_templates(root: ContentRoot) -> list[Path]:
    """`toolkit translations extract`: write locale/<domain>.pot for every domain."""
    written = []
    for domain in DOMAINS:
        path = pot_path(root.templates, domain)
        write_atomic(path, template_bytes(root, domain))
        written.append(path)
    return written


def update_catalogues(root: ContentRoot, codes: list[str]) -> list[Path]:
    """`toolkit translations update`: bring every language's .po up to date with the English.

    New strings are added untranslated; strings whose English changed keep their old translation,
    marked fuzzy with the old English as the previous msgid (out of date), and lose their reviewed mark;
    strings no longer used are kept at the end as obsolete. A language in `codes` without catalogues
    gets new ones.
    """
    written = []
    for code in sorted(set(catalogue_languages(root.templates)) | {language(c).code for c in codes}):
        for domain in DOMAINS:
            template = extract(root, domain, code)
            path = po_path(root.templates, code, domain)
            catalog = updated(template, path, code)
            _write(path, catalog, domain, include_previous=True)
            written.append(path)
    return written


def updated(template: Catalog, path: Path, code: str) -> Catalog:
    """The language's catalogue at `path` (or a new one) brought up to date with `template`, in memory."""
    if path.is_file():
        catalog = read_catalogue(path, code)
    else:
        catalog = Catalog(locale=code, domain=template.domain, creation_date=FIXED_DATE, fuzzy=False)
        catalog.revision_date = FIXED_DATE
    before = {m.id: m.previous_id for m in catalog if m.id and m.fuzzy and m.previous_id}
    catalog.update(template, update_header_comment=False, keep_user_comments=True, update_creation_date=False)
    for message in catalog:
        if message.id and message.fuzzy:
            message.user_comments = [c for c in message.user_comments if not REVIEWED_COMMENT.match(c.strip())]
            message.previous_id = message.previous_id or before.get(message.id, [])  # babel drops it when kept
    return catalog


@dataclass
class DomainCounts:
    strings: int = 0
    translated: int = 0
    missing: int = 0
    out_of_date: int = 0
    reviewed: int = 0
    drafts: int = 0
    missing_strings: list[str] = field(default_factory=list)
    out_of_date_strings: list[str] = field(default_factory=list)


def counts(root: ContentRoot, code: str) -> dict[str, DomainCounts]:
    """How one language stands against the English as it is now (extracted afresh, not the .pot)."""
    from ..i18n.catalogues import find_po

    result = {}
    for domain in DOMAINS:
        template = extract(root, domain, code)
        path = find_po(root.templates, code, domain) or po_path(root.templates, code, domain)
        catalog = updated(template, path, code)
        tally = DomainCounts()
        for message in catalog:
            if not message.id:
                continue
            text = message.id[0] if isinstance(message.id, (list, tuple)) else message.id
            tally.strings += 1
            strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
            if message.fuzzy:
                tally.out_of_date += 1
                tally.out_of_date_strings.append(text)
            elif not all(strings):
                tally.missing += 1
                tally.missing_strings.append(text)
            else:
                tally.translated += 1
                reviewed = any(REVIEWED_COMMENT.match(c.strip()) for c in message.user_comments)
                tally.reviewed += reviewed
                tally.drafts += not reviewed
        result[domain] = tally
    return result


def status_rows(root: ContentRoot, codes: list[str]) -> list[dict[str, object]]:
    """One row per language and domain for `toolkit translations`."""
    rows = []
    for code in codes or catalogue_languages(root.templates):
        lang = language(code)
        status = read_status(root.templates, lang.code)
        for domain, tally in counts(root, lang.code).items():
            rows.append(
                {
                    "language": lang.code,
                    "name": lang.name,
                    "domain": domain,
                    "strings": tally.strings,
                    "translated": tally.translated,
                    "missing": tally.missing,
                    "out_of_date": tally.out_of_date,
                    "drafts": tally.drafts,
                    "reviewed": tally.reviewed,
                    "signed_off": status.reviewed,
                    "reviewer": status.reviewer,
                    "date": status.date,
                    "missing_strings": tally.missing_strings,
                    "out_of_date_strings": tally.out_of_date_strings,
                }
            )
    return rows


def mark_reviewed(root: ContentRoot, code: str, reviewer: str, date: str) -> list[Path]:
    """`toolkit translations review`: a qualified translator signs off a language.

    Every translated string that is not out of date gets the comment `reviewed: <name>, <date>`, and
    status.yaml says the language is reviewed. Strings translated later are drafts until marked.
    """
    lang = language(code)
    if not reviewer.strip():
        raise ToolkitError("say who checked the translation: --reviewer 'Name, qualification'")
    written = []
    for domain in DOMAINS:
        path = po_path(root.templates, lang.code, domain)
        if not path.is_file():
            continue
        catalog = read_catalogue(path, lang.code)
        for message in catalog:
            strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
            if not message.id or message.fuzzy or not all(strings):
                continue
            message.user_comments = [c for c in message.user_comments if not REVIEWED_COMMENT.match(c.strip())]
            message.user_comments.append(f"reviewed: {reviewer.strip()}, {date}")
        _write(path, catalog, domain, include_previous=True)
        written.append(path)
    if not written:
        raise ToolkitError(
            f"there are no {lang.name} catalogues to review: run 'toolkit translations update --lang {code}'"
        )
    written.append(write_status(root.templates, lang.code, ReviewStatus(True, reviewer.strip(), date), lang.name))
    return written
