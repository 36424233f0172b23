"""The session library: a static website where work coaches find their jobcentre, see what each session
covers, look at its slides and download its deck, handouts and send packs (see docs/library.md).

It is its own site, not a mode of the review site (toolkit/review_site.py): it is for work coaches, not content
teams, it is made from what the build wrote, and it must be a folder that can be copied to an intranet
on its own, so it copies every file it offers into itself. It links to the review site where there is one.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..errors import ToolkitError
from ..files import check_writable
from ..i18n import Words, language
from ..i18n.catalogues import make_translator
from ..manifest import read_manifest
from ..project import ContentRoot, bundled_root
from ..render import is_deck
from . import pages, words
from .publish import Publisher
from .sessions import WELSH, Jobcentre, Session, jobcentres

LIBRARY = "library"
REVIEW = Path("report", "index.html")
ASSET_FILES = ("govuk-frontend/govuk-frontend.min.css", "govuk-frontend/LICENSE.txt", "library.css", "library.js")


@dataclass
class LibraryResult:
    index: Path
    written: list[str] = field(default_factory=list)
    kept: int = 0
    removed: list[str] = field(default_factory=list)
    sites: int = 0


def write_library(
    root: ContentRoot, out: Path, folder: Path | None = None, workers: int | None = None
) -> LibraryResult:
    """Write the library for every jobcentre the build in `out` made decks for; returns what it did."""
    entries = read_manifest(out, strict=True)
    if not any(is_deck(e["format"]) for e in entries.values()):
        raise ToolkitError("no built decks to put in the library: run 'toolkit build' first", out)
    folder = folder or out / LIBRARY
    check_writable(folder)
    publisher = Publisher(folder)
    sites, summaries = jobcentres(root, entries, publisher.record.get("summaries", {}), workers)
    if not sites:
        raise ToolkitError("the built decks are for sites that no longer exist: run 'toolkit build' first", out)
    site = _Site(root, out, folder, publisher)
    site.assets()
    for code in ["en", WELSH] if any(s.welsh for s in sites) else ["en"]:
        site.render("start.html.j2", pages.start_page(code), code, sites=sites)
    for jobcentre in sites:
        site.jobcentre(jobcentre)
    removed = publisher.finish(summaries)
    return LibraryResult(folder / "index.html", publisher.written, len(publisher.kept), removed, len(sites))


class _Site:
    """Writes the library's pages and files through one publisher, in each page's language."""

    def __init__(self, root: ContentRoot, out: Path, folder: Path, publisher: Publisher):
        self.out, self.folder, self.publisher = out, folder, publisher
        templates = bundled_root() / "templates" / "library"
        self.templates = templates
        self.env = Environment(
            loader=FileSystemLoader(templates),
            autoescape=select_autoescape(default=True),
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.globals["language"] = language
        self.env.globals["library_file"] = lambda target: folder / target
        self.words = {
            code: words.PageWords(Words(make_translator(root.templates, language(code)))) for code in ("en", WELSH)
        }

    def assets(self) -> None:
        """The stylesheets, the script that filters the list, and GOV.UK Frontend's licence."""
        for name in ASSET_FILES:
            self.publisher.write(f"{pages.ASSETS}/{Path(name).name}", (self.templates / name).read_bytes())

    def jobcentre(self, site: Jobcentre) -> None:
        """The files the jobcentre offers, then its page and its session pages in each of its languages."""
        for session in site.sessions:
            for code in session.languages:
                self.files(pages.downloads(self.out, site, session, code, self.words["en"]))
        members = [(pages.file_copy(site, e), self.out / e["path"]) for s in site.sessions for e in s.files]
        self.publisher.zip(pages.site_zip(site), members)
        for code in pages.page_languages(site):
            self.render("jobcentre.html.j2", pages.jobcentre_page(site, code), code, site=site)
            for session in site.sessions:
                self.session(site, session, code)

    def files(self, downloads: list[pages.Download]) -> None:
        """Copy each file into the library, and zip each send pack."""
        for download in downloads:
            if download.source.is_dir():
                members = [(p.name, p) for p in sorted(download.source.iterdir()) if p.is_file()]
                self.publisher.zip(download.target, members)
            else:
                self.publisher.copy(download.target, download.source)

    def session(self, site: Jobcentre, session: Session, code: str) -> None:
        """A session's page: the files in the page's language first, then in the others."""
        say = self.words[code]
        order = sorted(session.languages, key=lambda c: c != code)
        groups = [(language(c), pages.downloads(self.out, site, session, c, say)) for c in order]
        pictures = pages.thumbnails(self.out, site, session, code, say)
        for picture in pictures:
            self.publisher.copy(picture.target, picture.source)
        page = pages.session_page(site, session, code)
        self.render("session.html.j2", page, code, site=site, session=session, groups=groups, pictures=pictures)

    def render(self, template: str, page: str, code: str, site: Jobcentre | None = None, **values: object) -> None:
        """Render one page in one language and write it if it changed."""
        others = [c for c in pages.page_languages(site) if c != code]
        switch = [(pages.href(page, pages.same_page(page, code, c)), language(c)) for c in others]
        review = self.out / REVIEW
        html = self.env.get_template(template).render(
            page=page,
            link=lambda target: pages.href(page, target),
            w=self.words[code],
            forms=words,
            lang=language(code),
            switch=switch,
            site=site,
            pages=pages,
            review=Path(os.path.relpath(review, (self.folder / page).parent)).as_posix() if review.is_file() else None,
            **values,
        )
        self.publisher.write(page, html.encode("utf-8"))
