"""Plan and run builds: one job per site, topic, format and style; every file written atomically."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from .content.loader import SiteRef, check_id, find_sites, load_site, select_sites
from .content.models import SiteContent
from .deck.session import make_deck
from .deck.template import SessionTemplates
from .errors import ToolkitError
from .files import write_atomic
from .handout.contacts import contacts_for
from .handout.styles import style_named
from .project import ContentRoot
from .render import STYLED, RenderOptions, load_writers

MANIFEST = "manifest.json"
STANDARD = "standard"


@dataclass(frozen=True)
class Job:
    site: SiteRef
    topic: str
    fmt: str
    style: str = STANDARD

    def output(self, language: str) -> Path:
        """Where the file goes, relative to the output folder: <topic>[.<style>].<format>."""
        style = "" if self.style == STANDARD else f".{self.style}"
        name = f"{self.topic}{style}.{self.fmt}"
        return Path(self.site.district, self.site.site, language.split("-")[0].lower(), name)


@dataclass
class BuildResult:
    written: list[dict[str, str]] = field(default_factory=list)
    errors: list[ToolkitError] = field(default_factory=list)


def plan(
    root: ContentRoot,
    district: str | None,
    site: str | None,
    topics: list[str],
    formats: list[str],
    styles: list[str] | None = None,
) -> list[Job]:
    """Every job the filters ask for, in a stable order; styles apply to the formats that have them."""
    known = SessionTemplates(root.sessions).topics()
    for topic in topics:
        if check_id(topic, "topic") not in known:
            raise ToolkitError(f"no topic called '{topic}': choose from {', '.join(known)}")
    writers = load_writers()
    for fmt in formats:
        if fmt not in writers:
            raise ToolkitError(f"no format called '{fmt}': choose from {', '.join(sorted(writers))}")
    for style in styles or ():
        style_named(style)
    refs = select_sites(find_sites(root.content), district, site)
    jobs = [
        Job(ref, topic, fmt, style if fmt in STYLED else STANDARD)
        for ref in refs
        for topic in (topics or known)
        for fmt in formats
        for style in (styles or [STANDARD])
    ]
    return list(dict.fromkeys(jobs))  # a format without styles is built once


def run(
    root: ContentRoot,
    jobs: list[Job],
    out: Path,
    master: Path | None = None,
    tick: Callable[[Job], None] = lambda job: None,
) -> BuildResult:
    """Build each job; an error in one site's content skips that site's jobs but not the others."""
    result = BuildResult()
    options = RenderOptions(master=master or root.master, assets=root.templates)
    writers = load_writers()
    for job, site in _with_content(root, jobs, result):
        try:
            deck = make_deck(root, site, job.topic)
            data = writers[job.fmt](deck, replace(options, style=job.style, contacts=contacts_for(site)))
            relative = job.output(site.language)
            write_atomic(out / relative, data)
            result.written.append(_entry(job, site, relative, data))
        except ToolkitError as err:
            result.errors.append(err)
        tick(job)
    if result.written:
        update_manifest(out, result.written)
    return result


def _with_content(root: ContentRoot, jobs: list[Job], result: BuildResult) -> Iterator[tuple[Job, SiteContent]]:
    """Pair each job with its site's content, loading each site once."""
    loaded: dict[SiteRef, SiteContent | None] = {}
    for job in jobs:
        if job.site not in loaded:
            try:
                loaded[job.site] = load_site(root.content, job.site)
            except ToolkitError as err:
                result.errors.append(err)
                loaded[job.site] = None
        site = loaded[job.site]
        if site is not None:
            yield job, site


def _entry(job: Job, site: SiteContent, relative: Path, data: bytes) -> dict[str, str]:
    return {
        "path": relative.as_posix(),
        "district": job.site.district,
        "site": job.site.site,
        "topic": job.topic,
        "language": site.language,
        "format": job.fmt,
        "style": job.style,
        "sha256": hashlib.sha256(data).hexdigest(),
    }


def update_manifest(out: Path, written: list[dict[str, str]]) -> None:
    """Add what was written to manifest.json, keeping earlier entries whose files still exist."""
    path = out / MANIFEST
    entries: dict[str, dict[str, str]] = {}
    if path.is_file():
        try:
            entries = {e["path"]: e for e in json.loads(path.read_text(encoding="utf-8"))["files"]}
        except (ValueError, KeyError, TypeError):
            entries = {}  # a damaged manifest is rebuilt from what this build wrote
    entries = {p: e for p, e in entries.items() if (out / p).is_file()}
    entries.update({e["path"]: e for e in written})
    body = {"files": [entries[p] for p in sorted(entries)]}
    write_atomic(path, (json.dumps(body, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
