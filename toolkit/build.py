"""Plan and run builds: one job per site, topic, audience, language, format and style.

Jobs run on all cores; a job whose inputs have not changed since the last build is skipped; every
file is written atomically, so a build stopped half-way leaves each file either old or new, never broken.
"""

from __future__ import annotations

import hashlib
import os
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import islice
from pathlib import Path

from .content.facts import gather, strict_problems
from .content.loader import SiteRef, find_sites, load_site, select_sites
from .content.models import SiteContent
from .content.review import load_review_periods
from .content.theme import Theme, load_theme, theme_inputs
from .content.translated import in_language
from .deck.audience import GENERAL, declared_audiences
from .deck.delivery import ROOM, declared_deliveries
from .deck.model import Deck
from .deck.session import choose_sessions, make_deck
from .deck.template import SessionTemplates
from .errors import OutputError, ToolkitError
from .files import check_file_size, check_writable, confined, file_sha256, remove_leftovers, write_atomic
from .fingerprint import digest, files_digest, folder_files
from .handout.contacts import contacts_for
from .handout.content import named_in
from .handout.model import Contact
from .handout.styles import STANDARD, Style, handout_assets, style_named
from .i18n import Language, Words, language
from .i18n.catalogues import Translator, make_translator, translation_inputs
from .i18n.languages import code_of
from .manifest import Entry, Manifest, read_manifest, write_manifest
from .project import ContentRoot
from .render import Format, RenderOptions, all_formats
from .translations.outputs import TranslationRules, acceptable, check_catalogues, check_languages, translation_problems

IN_FLIGHT = 3  # tasks queued per worker process
MAX_MASTER_BYTES = 50 * 2**20  # a slide master with pictures is a few MB


@dataclass(frozen=True)
class Job:
    site: SiteRef
    topic: str
    fmt: str
    style: str = STANDARD
    audience: str = GENERAL
    language: str = ""  # a language code or tag; empty for the site's own language
    delivery: str = ROOM

    def output(self, language: str) -> Path:
        """Where the file goes, relative to the output folder: <topic>[.<audience>][.online][.<style>].<format>."""
        audience = "" if self.audience == GENERAL else f".{self.audience}"
        delivery = "" if self.delivery == ROOM else f".{self.delivery}"
        style = "" if self.style == STANDARD else f".{self.style}"
        name = f"{self.topic}{audience}{delivery}{style}.{self.fmt}"
        return Path(self.site.district, self.site.site, code_of(language), name)


@dataclass(frozen=True)
class Shard:
    """One of `count` parts of a build, numbered from 1, so the jobs of a CI matrix can share a national build."""

    number: int
    count: int

    def has(self, job: Job) -> bool:
        """Whether this part builds the job. Each deck goes to one part by a hash of its name, so adding a
        site moves no other deck to another part, and each part's output folder can be kept between runs."""
        deck = "/".join((job.site.district, job.site.site, job.topic, job.audience, job.delivery, job.language))
        return int(hashlib.sha256(deck.encode("utf-8")).hexdigest(), 16) % self.count == self.number - 1


@dataclass(frozen=True)
class Plan:
    """The jobs to run, and notes on topics left out because they are not written for an audience or delivery
    asked for."""

    jobs: list[Job]
    notes: list[str] = field(default_factory=list)
    refused: list[ToolkitError] = field(default_factory=list)  # with --strict: facts not confirmed or overdue


@dataclass
class BuildResult:
    written: list[Entry] = field(default_factory=list)
    unchanged: list[Entry] = field(default_factory=list)
    errors: list[ToolkitError] = field(default_factory=list)
    planned: int = 0  # files asked for
    stopped: OutputError | None = None  # why the build stopped before the end: a full disk, a read-only folder

    @property
    def failed(self) -> int:
        """Files asked for that were neither made nor already up to date."""
        return max(self.planned - len(self.written) - len(self.unchanged), 0)


@dataclass(frozen=True)
class _Task:
    """One deck, rendered once in a worker and written in each format and style asked for."""

    root: Path
    ref: SiteRef  # the site's content is loaded in the worker: see _Site
    topic: str
    audience: str
    delivery: str
    jobs: tuple[tuple[Job, str], ...]  # each job with the fingerprint of its inputs
    out: Path
    master: Path
    language: Language
    rules: TranslationRules
    theme: Theme


@dataclass(frozen=True)
class _Site:
    """What planning needs of a site's content: its language, and a digest of it for the jobs' fingerprints.

    The content itself is loaded again where its decks are made, so a national build never holds every
    site's content at once, and its memory stays flat however many sites there are."""

    language: str
    digest: str


def plan(
    root: ContentRoot,
    district: str | None,
    site: str | None,
    topics: list[str],
    formats: list[str],
    styles: list[str] | None = None,
    audiences: list[str] | None = None,
    languages: list[str] | None = None,
    strict: bool = False,
    deliveries: list[str] | None = None,
    shard: Shard | None = None,
) -> Plan:
    """Every job the filters ask for, in a stable order; styles apply to the formats that have them.

    A topic not written for an audience or delivery asked for is left out with a note; if the topic was asked
    for by name, that is an error. With no languages, each site is built in its own language. With `strict`,
    the plan lists each fact the sites use that is not confirmed or is overdue, so nothing is built from them.
    With `shard`, only that part of the jobs.
    """
    templates = SessionTemplates(root.sessions)
    decks, notes = choose_sessions(templates, topics, audiences or [GENERAL], deliveries or [ROOM])
    known = all_formats()
    for fmt in formats:
        if fmt not in known:
            raise ToolkitError(f"no format called '{fmt}': choose from {', '.join(sorted(known))}")
    chosen = [style_named(style) for style in styles or [STANDARD]]
    check_catalogues(root.templates, [language(lang) for lang in languages or ()])
    refs = select_sites(find_sites(root.content), district, site)
    jobs = [
        Job(ref, topic, fmt, style.name if _has_style(known[fmt], style) else STANDARD, audience, lang, delivery)
        for ref in refs
        for topic, audience, delivery in decks
        for lang in languages or [""]
        for fmt in formats
        for style in chosen
    ]
    jobs = [job for job in jobs if shard.has(job)] if shard else jobs
    refused = strict_problems(gather(root.content, refs, load_review_periods(root.path))[0]) if strict else []
    return Plan(list(dict.fromkeys(jobs)), notes, refused)  # a format without styles is built once


def run(
    root: ContentRoot,
    jobs: list[Job],
    out: Path,
    master: Path | None = None,
    tick: Callable[[Job], None] = lambda job: None,
    workers: int | None = None,
    force: bool = False,
    rules: TranslationRules | None = None,
) -> BuildResult:
    """Build the jobs whose inputs changed (all with `force`) on `workers` processes (default: all cores).

    An error in one site's content or one deck is listed and the other jobs go on. `rules` say whether
    missing translations are allowed and whether draft translations are refused.
    """
    rules = rules or TranslationRules()
    result = BuildResult(planned=len(jobs))
    master = master or root.master
    check_writable(out)
    remove_leftovers(out)
    previous = read_manifest(out)
    templates = SessionTemplates(root.sessions)
    sites: dict[SiteRef, _Site | None] = {}
    themes: dict[str, Theme | None] = {}
    tasks = []
    groups = _by_deck(jobs)
    _content.cache_clear()  # content loaded by an earlier build in this process may have changed since
    for ref, *_ in groups:
        if ref.district not in themes:
            themes[ref.district] = _load_theme(root, ref.district, result)
        if ref not in sites:
            content = _load(root, ref, result) if themes[ref.district] else None
            sites[ref] = _Site(content.language, digest(content.model_dump_json())) if content else None
    check_languages(root.templates, {_language(j, site) for j in jobs if (site := sites[j.site])}, rules)
    memo: dict[tuple, str] = {}  # digests shared by many jobs, worked out once per build
    for (ref, topic, audience, delivery, _lang), group in groups.items():
        site, theme = sites[ref], themes[ref.district]
        if site is None or theme is None:  # the error is listed once, above; its jobs count as done
            for job in group:
                tick(job)
            continue
        lang = _language(group[0], site)
        todo = []
        for job in group:
            inputs = _inputs(root, templates, site, theme, job, master, lang, memo)
            entry = previous.get(job.output(lang.tag).as_posix())
            if force or not _still_good(out, entry, inputs) or not acceptable(entry, rules):
                todo.append((job, inputs))
            else:
                result.unchanged += [entry] if entry else []
                tick(job)
        if todo:
            tasks.append(_Task(root.path, ref, topic, audience, delivery, tuple(todo), out, master, lang, rules, theme))
    _forget_outputs(out, previous, tasks)
    for entries, errors, done in _execute(tasks, workers):
        result.written += entries
        result.errors += errors
        for job in done:
            tick(job)
        result.stopped = next((e for e in errors if isinstance(e, OutputError)), None)
        if result.stopped:
            break  # the rest would fail the same way; the files already made are kept
    if result.written or not previous.tidy or any(not (out / p).is_file() for p in previous):
        try:
            write_manifest(out, {**previous, **{e["path"]: e for e in result.written}})
        except OutputError as err:
            result.stopped = result.stopped or err
            result.errors.append(err)
    return result


def _forget_outputs(out: Path, previous: Manifest, tasks: list[_Task]) -> None:
    """Before any file is replaced, write the manifest without the entries of the files about to be made.

    However a build ends (a full disk, a crash, Ctrl+C), every entry left in manifest.json then still
    describes the file on disk; a file made but not listed is made again by the next build.
    """
    about_to_change = {job.output(task.language.tag).as_posix() for task in tasks for job, _ in task.jobs}
    if about_to_change & previous.keys():
        write_manifest(out, {p: e for p, e in previous.items() if p not in about_to_change})


def check_master(path: Path) -> Path:
    """A slide master a user names with --master: a real .pptx file we can open, not too big.

    A path typed on the command line is the user's own choice, like a file given to 'toolkit check', so it
    is not confined to the content folder; but it is checked before any worker opens it.
    """
    from .zips import check_office_zip

    if path.suffix.lower() != ".pptx":
        raise ToolkitError("is not a .pptx file: save your slide master from PowerPoint as .pptx", path)
    if not path.is_file():
        raise ToolkitError("is not a file: name your slide master (.pptx)", path)
    check_file_size(path, MAX_MASTER_BYTES, "use as a slide master")
    check_office_zip(path)
    try:
        from pptx import Presentation
        from pptx.enum.shapes import PP_PLACEHOLDER

        notes_page = Presentation(str(path)).notes_master
    except Exception:  # python-pptx raises many kinds of error on a file that is not a presentation
        raise ToolkitError(
            "could not be opened as a PowerPoint file: open it in PowerPoint and save it again", path
        ) from None
    if not any(s.is_placeholder and s.placeholder_format.type == PP_PLACEHOLDER.BODY for s in notes_page.shapes):
        raise ToolkitError(
            "has no box for speaker notes on its notes page: in PowerPoint, open View, Notes Master, tick Body,"
            " and save it again",
            path,
        )
    return path.resolve()


def _by_deck(jobs: list[Job]) -> dict[tuple[SiteRef, str, str, str, str], list[Job]]:
    groups: dict[tuple[SiteRef, str, str, str, str], list[Job]] = defaultdict(list)
    for job in jobs:
        groups[(job.site, job.topic, job.audience, job.delivery, job.language)].append(job)
    return groups


def _language(job: Job, site: _Site) -> Language:
    """The language a job is built in: the one asked for, or the site's own."""
    return language(job.language or site.language)


def _load(root: ContentRoot, ref: SiteRef, result: BuildResult) -> SiteContent | None:
    """A site's content, or None with the error listed once for all its jobs."""
    try:
        return load_site(root.content, ref)
    except ToolkitError as err:
        result.errors.append(err)
        return None


def _load_theme(root: ContentRoot, district: str, result: BuildResult) -> Theme | None:
    """A district's theme, or None with the error listed once for all its sites' jobs."""
    try:
        return load_theme(root.content, district)
    except ToolkitError as err:
        result.errors.append(err)
        return None


def _inputs(
    root: ContentRoot,
    templates: SessionTemplates,
    site: _Site,
    theme: Theme,
    job: Job,
    master: Path,
    lang: Language,
    memo: dict[tuple, str],
) -> str:
    """A fingerprint of everything the job's output is made from: templates, images, look, content, format,
    audience, delivery, language and its catalogues, and for themed formats the district's theme files and logo.
    The parts many jobs share are kept in `memo`."""
    fmt = all_formats()[job.fmt]
    files_key = ("files", job.topic, fmt.is_handout, lang.tag)
    if files_key not in memo:
        used = templates.sources(job.topic) + folder_files(root.templates / "images")
        used += folder_files(handout_assets()) if fmt.is_handout else [master]
        used += translation_inputs(root.templates, lang)
        memo[files_key] = files_digest(used)
    look = []
    if fmt.themed:
        theme_key = ("theme", job.site.district)
        if theme_key not in memo:
            memo[theme_key] = files_digest(theme_inputs(root.content, job.site.district, theme))
        look = [memo[theme_key]]
    way = [job.delivery] if job.delivery != ROOM else []  # so room files made before deliveries are still good
    return digest(memo[files_key], site.digest, *look, job.fmt, job.style, job.audience, *way, lang.tag)


def _still_good(out: Path, entry: Entry | None, inputs: str) -> bool:
    """The last build made this file from the same inputs, and the file is still what it wrote."""
    if entry is None or entry.get("inputs") != inputs:
        return False
    path = out / entry["path"]
    return path.is_file() and file_sha256(path) == entry["sha256"]


def _execute(tasks: list[_Task], workers: int | None):
    """Run tasks in a pool of processes, or here when one worker is asked for, yielding each as it ends."""
    count = min(workers or os.cpu_count() or 1, len(tasks))
    if count <= 1:
        yield from map(_build_deck, tasks)
        return
    waiting = iter(tasks)
    with ProcessPoolExecutor(max_workers=count) as pool:
        # A few tasks per worker in flight, not all of them: memory stays flat however many sites there are.
        running = {pool.submit(_build_deck, task) for task in islice(waiting, count * IN_FLIGHT)}
        try:
            while running:
                done, running = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    yield future.result()
                    running |= {pool.submit(_build_deck, task) for task in islice(waiting, 1)}
        finally:  # the build stopped early (a full disk, a bug): start nothing more
            pool.shutdown(cancel_futures=True)


def _build_deck(task: _Task) -> tuple[list[Entry], list[ToolkitError], list[Job]]:
    """Render one deck and write it in each format and style; runs in a worker process."""
    root = ContentRoot(task.root)
    options = RenderOptions(master=task.master, assets=root.templates, theme=task.theme)
    writers = all_formats()
    entries, errors = [], []
    all_jobs = [job for job, _ in task.jobs]
    try:
        site = _content(task.root, task.ref)
        translator = make_translator(root.templates, task.language)
        easy_read = any(style_named(job.style).rewrites for job, _ in task.jobs)
        deck = make_deck(root, site, task.topic, task.audience, translator, task.delivery, easy_read)
        problems = translation_problems(root, translator, task.rules, task.topic)
        if problems:
            return [], problems[:1], all_jobs
    except ToolkitError as err:
        return [], [err], all_jobs
    for job, inputs in task.jobs:
        try:
            own = translator.fork()  # what this output adds: the handout's own words
            fmt = writers[job.fmt]
            contacts = _contacts(site, deck, own) if fmt.is_handout else ()
            data = fmt.write(deck, replace(options, style=job.style, contacts=contacts, translator=own))
            problems = translation_problems(root, own, task.rules, task.topic, job.output(task.language.tag))
            if problems:
                errors += problems
                continue
            relative = job.output(task.language.tag)
            write_atomic(task.out / relative, data, root=task.out, keep_mode=False)
            entries.append(_entry(job, relative, data, inputs, own, deck.meta.example))
        except ToolkitError as err:  # a writer's error names the file it was making, unless it names another
            errors.append(err if err.path else ToolkitError(err.message, job.output(task.language.tag)))
    return entries, errors, all_jobs


@lru_cache(maxsize=4)
def _content(root: Path, ref: SiteRef) -> SiteContent:
    """A site's content, loaded where its decks are made, and kept for the next few: they are mostly the same
    site's. `run` empties it, so a build never uses content an earlier build in the same process loaded."""
    return load_site(ContentRoot(root).content, ref)


def _contacts(site: SiteContent, deck: Deck, translator: Translator) -> tuple[Contact, ...]:
    """Who a handout lists, in its language; the local content they show counts as used by the handout."""
    contacts = named_in(deck, contacts_for(in_language(site, translator), Words(translator)))
    translator.shown(" ".join(f"{c.name} {c.what} {c.opening}" for c in contacts))
    return contacts


def _entry(job: Job, relative: Path, data: bytes, inputs: str, translator: Translator, example: bool) -> Entry:
    return {
        "path": relative.as_posix(),
        "district": job.site.district,
        "site": job.site.site,
        "topic": job.topic,
        "audience": job.audience,
        "delivery": job.delivery,
        "language": translator.language.tag,
        "format": job.fmt,
        "style": job.style,
        "sha256": hashlib.sha256(data).hexdigest(),
        "inputs": inputs,
        "translation_status": translator.manifest_status(),
        "example": example,
    }


def clean(root: ContentRoot, out: Path, dry_run: bool = False) -> list[str]:
    """Files a build made whose site, topic, audience, delivery, format or style no longer exists; removed unless
    `dry_run`.

    Only files inside `out` are ever removed: a manifest entry that points outside it stops the clean before
    anything is removed. The manifest is written first, so it never lists a file that is gone.
    """
    entries = read_manifest(out, strict=True)
    sites = {(ref.district, ref.site) for ref in find_sites(root.content)}
    templates = SessionTemplates(root.sessions)
    audiences = {topic: declared_audiences(templates.path(topic)) for topic in templates.topics()}
    ways = {topic: declared_deliveries(templates.path(topic)) for topic in templates.topics()}
    known = all_formats()
    stale = sorted(
        path
        for path, e in entries.items()
        if (e["district"], e["site"]) not in sites
        or e.get("audience", GENERAL) not in audiences.get(e["topic"], ())
        or e.get("delivery", ROOM) not in ways.get(e["topic"], ())
        or e["format"] not in known
        or not _known_style(e.get("style", STANDARD))
    )
    if not dry_run and stale:
        for path in stale:
            confined(out, out / path)
        write_manifest(out, {p: e for p, e in entries.items() if p not in stale})
        for path in stale:
            (out / path).unlink(missing_ok=True)
    return stale


def _has_style(fmt: Format, style: Style) -> bool:
    """Whether a format comes in a style: a handout format has every style with its own words, like Easy
    Read, and a styled one every style; the rest are made once, in the standard style."""
    return fmt.styled or (fmt.is_handout and style.rewrites)


def _known_style(name: str) -> bool:
    try:
        style_named(name)
    except ToolkitError:
        return False
    return True
