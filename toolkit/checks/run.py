"""What `toolkit check` checks: files and folders, or the session templates rendered for sites."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Protocol

from ..errors import ToolkitError
from ..project import CONTENT_FOLDERS, ContentRoot
from ..readers import READERS, read_document
from .config import CheckConfig, find_config, load_config
from .runner import Checker, FileReport

OnBug = Callable[[BaseException], str]  # records a bug and returns the one line that says where the details are


class Progress(Protocol):
    """Progress shown to the user (commands/progress.py): how many items there are, then each as it is done."""

    def __call__(self, what: str) -> None: ...

    def expect(self, total: int) -> None: ...


class _Quiet:
    def __call__(self, what: str) -> None:
        pass

    def expect(self, total: int) -> None:
        pass


def run_checks(
    root_path: Path,
    files: tuple[Path, ...],
    district: str | None,
    site: str | None,
    topics: list[str],
    select: Sequence[str] = (),
    audiences: Sequence[str] = (),
    languages: Sequence[str] = (),
    on_bug: OnBug | None = None,
    deliveries: Sequence[str] = (),
    progress: Progress | None = None,
) -> list[FileReport]:
    """Reports for the files given, or for every topic rendered for every chosen site, audience, delivery and
    language.

    A file that cannot be read gets a report with an error, and the other files are still checked.
    A bug while reading or checking one file does the same when `on_bug` is given."""
    progress = progress or _Quiet()
    root = _root_or_none(root_path)
    checker = Checker(load_config(root.path if root else None).only(select))
    if files:
        checkers = _Checkers(checker, select)
        paths = _expand(files, checkers)
        progress.expect(len(paths))
        reports = []
        for path in paths:
            reports.append(_check_file(path, checkers, on_bug))
            progress(str(path))
        return reports
    if root is None:
        raise ToolkitError("name files to check, or run in a content folder to check its templates", root_path)
    return _template_reports(root, checker, progress, district, site, topics, audiences, languages, deliveries)


def _template_reports(
    root: ContentRoot,
    checker: Checker,
    progress: Progress,
    district: str | None,
    site: str | None,
    topics: list[str],
    audiences: Sequence[str] = (),
    languages: Sequence[str] = (),
    deliveries: Sequence[str] = (),
) -> list[FileReport]:
    """Each topic rendered for each chosen site, and each audience and delivery it is written for, read as
    session Markdown.

    In each language asked for (default: the site's own), with the English where a translation is missing.
    """
    from ..content.loader import find_sites, load_site, select_sites  # only needed here: keeps file checks quick
    from ..content.local import local_facts
    from ..deck.markdown import parse_session
    from ..deck.session import choose_sessions, render_session
    from ..deck.template import SessionTemplates
    from ..i18n import language
    from ..i18n.catalogues import make_translator
    from ..readers.markdown import markdown_document
    from ..text import without_marks

    decks, _ = choose_sessions(SessionTemplates(root.sessions), topics, audiences, deliveries)
    codes = languages or [""]
    reports = []
    refs = select_sites(find_sites(root.content), district, site)
    progress.expect(len(refs) * len(decks) * len(codes))
    for ref in refs:
        content = load_site(root.content, ref)
        translators = {code: make_translator(root.templates, language(code or content.language)) for code in codes}
        local = {code: local_facts(root.content, ref, translators[code].local) for code in codes}
        for (topic, audience, delivery), code in ((d, c) for d in decks for c in codes):
            rendered = render_session(root, content, topic, audience, translators[code], delivery)
            # Refuse what a build would refuse, such as an activity with no Online: steps.
            parse_session(rendered.markdown, rendered.name, delivery)
            document = markdown_document(without_marks(rendered.markdown), rendered.name)
            reports.append(checker.check(replace(document, local=local[code], language=rendered.language)))
            progress(rendered.name)
    return reports


def _root_or_none(path: Path) -> ContentRoot | None:
    """The content root at `path`, or None if it is not one; a content root with a link out of it is an error."""
    if not all((path / folder).is_dir() for folder in CONTENT_FOLDERS):
        return None
    return ContentRoot.at(path)


class _Checkers:
    """A checker for each settings file, found like other linters find theirs.

    The nearest toolkit.toml, or pyproject.toml with a [tool.toolkit] table, in the file's folder or
    above it; else the content root's settings. Each settings file is read once."""

    def __init__(self, fallback: Checker, select: Sequence[str]):
        self.fallback = fallback
        self.select = select
        self.by_config: dict[Path, Checker] = {}

    def for_file(self, path: Path) -> Checker:
        found = find_config(path.resolve().parent)
        if found is None:
            return self.fallback
        if found not in self.by_config:
            self.by_config[found] = Checker(load_config(found.parent, found).only(self.select))
        return self.by_config[found]

    def config(self, path: Path) -> CheckConfig:
        return self.for_file(path).config


def _check_file(path: Path, checkers: _Checkers, on_bug: OnBug | None) -> FileReport:
    """The file's report, or a report that says in one line why it could not be checked."""
    try:
        if not path.exists():
            raise ToolkitError("does not exist: check the name", path)
        return checkers.for_file(path).check(read_document(path))
    except ToolkitError as problem:
        return FileReport.failed(str(path), str(problem))
    except OSError as problem:
        return FileReport.failed(str(path), f"{path}: {problem.strerror or problem}: check the file, then run it again")
    except Exception as problem:  # a bug: the other files are still checked, and the report says which file
        if on_bug is None:
            raise
        return FileReport.failed(str(path), f"{path}: {on_bug(problem)}", bug=True)


def _expand(paths: tuple[Path, ...], checkers: _Checkers) -> list[Path]:
    """Files as given; folders as every file inside them we can read, skipping those their settings ignore."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.suffix.lower() in READERS and not _ignored(p, checkers))
        else:
            found.append(path)  # a file that is not there gets its own error line in the report
    return found


def _ignored(path: Path, checkers: _Checkers) -> bool:
    """Whether the file's settings skip it; a file whose settings are broken is kept, to report the mistake."""
    try:
        return checkers.config(path).ignored(path)
    except ToolkitError:
        return False
