"""The `toolkit` command: parse the words, call the engine, report. No logic lives only here."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from . import __version__
from .checks.model import Severity
from .checks.registry import all_rules
from .checks.report import as_json, print_text
from .checks.run import run_checks
from .errors import ToolkitError
from .project import ContentRoot, init_root

if TYPE_CHECKING:
    from .build import BuildResult, Job
    from .i18n.outputs import TranslationRules

console = Console(highlight=False, soft_wrap=True)  # never break a path over two lines
err = Console(stderr=True, highlight=False)


class ToolkitGroup(click.Group):
    """Shows a ToolkitError as one line and exits with 1, instead of a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ToolkitError as problem:
            err.print(f"[bold red]Error:[/] {problem}", markup=True, soft_wrap=True)
            sys.exit(1)


STYLE_HELP = "Handout styles, separated by commas: standard, large-print, dyslexia."
OUT_OPTION = click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Output folder. Default: output/ in the content folder.",
)


def comma_list(ctx: click.Context, param: click.Parameter, value: str | None) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()] if value else []


AUDIENCE_OPTION = click.option(
    "--audience",
    "audiences",
    callback=comma_list,
    help="Who the session is for, separated by commas: general (the default), new-to-work, experienced, in-work,"
    " over-50. Topics not written for an audience are left out; naming one with --topic is an error.",
)
LANG_OPTION = click.option(
    "--lang",
    "languages",
    callback=comma_list,
    help="Languages, separated by commas, such as cy,pl,ar. Default: each site's own language.",
)
ALLOW_MISSING_OPTION = click.option(
    "--allow-missing",
    is_flag=True,
    help="Build even if some text has no translation: the English appears, and the manifest says so.",
)
REQUIRE_REVIEWED_OPTION = click.option(
    "--require-reviewed",
    is_flag=True,
    help="Refuse translations a qualified translator has not checked yet (drafts).",
)


@click.group(cls=ToolkitGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    default=".",
    show_default=True,
    help="The content folder: it holds templates/ and local_content/.",
)
@click.version_option(__version__, prog_name="toolkit")
@click.pass_context
def main(ctx: click.Context, root: Path) -> None:
    """Make slides and handouts for jobcentre group sessions, using local facts."""
    ctx.obj = root


def _root(ctx: click.Context) -> ContentRoot:
    return ContentRoot.at(ctx.obj)


@main.command()
@click.option("--district", help="Only build sites in this district.")
@click.option("--site", help="Only build this site (jobcentre).")
@click.option("--topic", "topics", callback=comma_list, help="Only these topics, separated by commas. Default: all.")
@click.option(
    "--format",
    "formats",
    callback=comma_list,
    default="pptx",
    show_default=True,
    help="File formats, separated by commas.",
)
@OUT_OPTION
@click.option(
    "--master", type=click.Path(dir_okay=False, exists=True, path_type=Path), help="Use your own slide master (.pptx)."
)
@click.option("--style", "styles", callback=comma_list, default="standard", show_default=True, help=STYLE_HELP)
@AUDIENCE_OPTION
@LANG_OPTION
@ALLOW_MISSING_OPTION
@REQUIRE_REVIEWED_OPTION
@click.option("--jobs", type=click.IntRange(min=1), help="How many files to make at once. Default: one per core.")
@click.option("--force", is_flag=True, help="Make every file again, even if nothing it is made from has changed.")
@click.pass_context
def build(
    ctx: click.Context,
    district: str | None,
    site: str | None,
    topics: list[str],
    formats: list[str],
    out: Path | None,
    master: Path | None,
    styles: list[str],
    audiences: list[str],
    languages: list[str],
    allow_missing: bool,
    require_reviewed: bool,
    jobs: int | None,
    force: bool,
) -> None:
    """Build decks (and handouts, with --format) for every site, or the ones you pick.

    Files whose templates, content, styles and fonts have not changed since the last build are kept.
    """
    from .build import plan  # imported here so 'toolkit check' starts fast
    from .i18n.outputs import TranslationRules

    root = _root(ctx)
    folder = out or root.path / "output"
    work = plan(root, district, site, topics, formats, styles, audiences, languages)
    _notes(work.notes)
    rules = TranslationRules(allow_missing, require_reviewed)
    _report(_run(root, work.jobs, folder, master, workers=jobs, force=force, rules=rules), folder)


@main.command()
@click.option("--site", required=True, help="The site (jobcentre) the claimant goes to.")
@click.option("--topic", "topics", callback=comma_list, help="Only these topics, separated by commas. Default: all.")
@click.option("--style", "styles", callback=comma_list, default="standard", show_default=True, help=STYLE_HELP)
@click.option(
    "--format",
    "formats",
    callback=comma_list,
    default="html,docx,pdf,txt",
    show_default=True,
    help="File formats, separated by commas.",
)
@AUDIENCE_OPTION
@LANG_OPTION
@ALLOW_MISSING_OPTION
@REQUIRE_REVIEWED_OPTION
@OUT_OPTION
@click.option("--pack", is_flag=True, help="Also put the files in one folder with a message to send with them.")
@click.pass_context
def handout(
    ctx: click.Context,
    site: str,
    topics: list[str],
    styles: list[str],
    formats: list[str],
    audiences: list[str],
    languages: list[str],
    allow_missing: bool,
    require_reviewed: bool,
    out: Path | None,
    pack: bool,
) -> None:
    """Make handouts for someone who cannot come to a group session."""
    from .build import plan
    from .handout.pack import check_handout_formats, write_packs

    root = _root(ctx)
    folder = out or root.path / "output"
    check_handout_formats(formats)
    from .i18n.outputs import TranslationRules

    work = plan(root, None, site, topics, formats, styles, audiences, languages)
    _notes(work.notes)
    result = _run(root, work.jobs, folder, None, rules=TranslationRules(allow_missing, require_reviewed))
    if pack and result.written:
        for made in write_packs(root, folder, result.written):
            console.print(f"Send pack: {made}")
    _report(result, folder)


def _run(
    root: ContentRoot,
    jobs: list[Job],
    folder: Path,
    master: Path | None,
    workers: int | None = None,
    force: bool = False,
    rules: TranslationRules | None = None,
) -> BuildResult:
    """Run build jobs with a progress bar."""
    from .build import run

    columns = (TextColumn("Building"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"))
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("", total=len(jobs))
        result = run(
            root,
            jobs,
            folder,
            master,
            tick=lambda job: progress.update(task, advance=1, description=f"{job.site.site} {job.topic} {job.fmt}"),
            workers=workers,
            force=force,
            rules=rules,
        )
    return result


def _notes(notes: list[str]) -> None:
    for note in notes:
        err.print(f"Note: {note}", markup=False, soft_wrap=True)


def _report(result: BuildResult, folder: Path) -> None:
    """Say what was written, print each error on one line, and exit with 1 if there were any."""
    sites = {(e["district"], e["site"]) for e in result.written}
    kept = f"; {_count(len(result.unchanged), 'file')} unchanged" if result.unchanged else ""
    if result.written:
        console.print(f"Wrote {_count(len(result.written), 'file')} for {_count(len(sites), 'site')} to {folder}{kept}")
    else:
        console.print(f"Nothing to do: {_count(len(result.unchanged), 'file')} in {folder} already up to date")
    for problem in dict.fromkeys(str(e) for e in result.errors):  # the same problem in many files, said once
        err.print(f"[bold red]Error:[/] {escape(problem)}", markup=True, soft_wrap=True)
    if result.errors:
        raise SystemExit(1)


@main.command()
@OUT_OPTION
@click.option("--dry-run", is_flag=True, help="Only list the files; do not remove them.")
@click.pass_context
def clean(ctx: click.Context, out: Path | None, dry_run: bool) -> None:
    """Remove built files for sites, topics or styles that no longer exist."""
    from .build import clean as clean_output

    root = _root(ctx)
    folder = out or root.path / "output"
    stale = clean_output(root, folder, dry_run)
    for path in stale:
        console.print(f"{'Would remove' if dry_run else 'Removed'} {path}")
    if not stale:
        console.print(f"Nothing to remove in {folder}")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


@main.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_context
def sites(ctx: click.Context, fmt: str) -> None:
    """List the sites (jobcentres) you can build for."""
    from .content.loader import find_sites, load_site

    root = _root(ctx)
    rows = [
        {"district": r.district, "site": r.site, "name": load_site(root.content, r).jobcentre.name}
        for r in find_sites(root.content)
    ]
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    table = Table("District", "Site", "Name")
    for row in rows:
        table.add_row(row["district"], row["site"], row["name"])
    console.print(table)


@main.command()
@click.pass_context
def validate(ctx: click.Context) -> None:
    """Check every content file, without building anything."""
    from .content.loader import find_sites, load_site

    root = _root(ctx)
    refs = find_sites(root.content)
    problems = []
    for ref in refs:
        try:
            load_site(root.content, ref)
        except ToolkitError as problem:
            problems.append(problem)
    for problem in problems:
        err.print(f"[bold red]Error:[/] {problem}", markup=True, soft_wrap=True)
    if problems:
        raise SystemExit(1)
    console.print(f"All {len(refs)} sites are valid.")


@main.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
def init(folder: Path) -> None:
    """Start a new content folder with the example templates and content."""
    init_root(folder)
    console.print(f"Made a content folder in {folder}. Next: cd {folder} and run 'toolkit build'.")


@main.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option("--district", help="Check the templates as rendered for this district's sites.")
@click.option("--site", help="Check the templates as rendered for this site.")
@click.option("--topic", "topics", callback=comma_list, help="Only these topics, separated by commas.")
@click.option(
    "--audience",
    "audiences",
    callback=comma_list,
    help="Only these audiences, separated by commas. Default: every audience each topic is written for.",
)
@LANG_OPTION
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option(
    "--select", callback=comma_list, help="Only rules with these codes, code prefixes or names, like AX or PE003."
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "suggestion"]),
    default="error",
    show_default=True,
    help="Exit with 1 when there are findings this serious or worse.",
)
@click.pass_context
def check(
    ctx: click.Context,
    files: tuple[Path, ...],
    district: str | None,
    site: str | None,
    topics: list[str],
    audiences: list[str],
    languages: list[str],
    fmt: str,
    select: list[str],
    fail_on: str,
) -> None:
    """Check files for Plain English and accessibility. With no files, check the templates for every site.

    Exit codes: 0 nothing found, 1 findings at or above --fail-on, 2 a file could not be read.
    """
    try:
        reports = run_checks(ctx.obj, files, district, site, topics, select, audiences, languages)
    except ToolkitError as problem:
        err.print(f"[bold red]Error:[/] {problem}", markup=True, soft_wrap=True)
        sys.exit(2)
    if fmt == "json":
        click.echo(as_json(reports))
    else:
        print_text(reports, console)
    threshold = Severity.named(fail_on)
    sys.exit(1 if any(f.severity >= threshold for r in reports for f in r.findings) else 0)


@main.group(invoke_without_command=True)
@click.option(
    "--lang", "languages", callback=comma_list, help="Only these languages. Default: every one with catalogues."
)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_context
def translations(ctx: click.Context, languages: list[str], fmt: str) -> None:
    """How each language stands: strings translated, missing, out of date (the English changed), drafts, reviewed.

    Counts compare the catalogues with the English in the templates as they are now. Sub-commands
    write the catalogues for translators: see docs/translations.md.
    """
    if ctx.invoked_subcommand:
        return
    from .i18n.extract import status_rows

    rows = status_rows(_root(ctx), languages)
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    if not rows:
        console.print("No translations yet: run 'toolkit translations update --lang cy' to start one.")
        return
    table = Table(
        "Language", "Catalogue", "Strings", "Done", "Missing", "Out of date", "Drafts", "Reviewed", "Signed off"
    )
    for column in table.columns[:2]:
        column.no_wrap = True
    for row in rows:
        signed = f"{row['reviewer']}, {row['date']}" if row["signed_off"] else "no: a draft"
        counts = ("strings", "translated", "missing", "out_of_date", "drafts", "reviewed")
        table.add_row(f"{row['language']} {row['name']}", str(row["domain"]), *(str(row[k]) for k in counts), signed)
    console.print(table)


@translations.command("extract")
@click.pass_context
def translations_extract(ctx: click.Context) -> None:
    """Write the English strings to templates/locale/sessions.pot and toolkit.pot."""
    from .i18n.extract import write_templates

    for path in write_templates(_root(ctx)):
        console.print(f"Wrote {path}")


@translations.command("update")
@click.option("--lang", "languages", callback=comma_list, help="Also start catalogues for these languages.")
@click.pass_context
def translations_update(ctx: click.Context, languages: list[str]) -> None:
    """Bring every language's .po files up to date with the English in the templates.

    New strings come in untranslated; strings whose English changed are marked fuzzy (out of date)
    with the old English beside them, and lose their reviewed mark.
    """
    from .i18n.extract import update_catalogues

    for path in update_catalogues(_root(ctx), languages):
        console.print(f"Updated {path}")


@translations.command("review")
@click.argument("lang")
@click.option("--reviewer", required=True, help="Who checked it: the qualified translator's name.")
@click.option("--date", "when", help="When they checked it, as YYYY-MM-DD. Default: today.")
@click.pass_context
def translations_review(ctx: click.Context, lang: str, reviewer: str, when: str | None) -> None:
    """Record that a qualified translator has checked a language: its outputs stop being drafts.

    Marks every translated string that is not out of date as reviewed, and sets status.yaml.
    """
    import datetime as dt

    from .i18n.extract import mark_reviewed

    day = when or dt.date.today().isoformat()
    try:
        dt.date.fromisoformat(day)
    except ValueError:
        raise ToolkitError(f"'{day}' is not a date: write it as YYYY-MM-DD") from None
    for path in mark_reviewed(_root(ctx), lang, reviewer, day):
        console.print(f"Marked reviewed: {path}")


@main.command()
def rules() -> None:
    """List every check with its code, name, default severity and settings."""
    table = Table("Code", "Name", "Severity", "What it finds", "Settings")
    for column in table.columns[:3]:
        column.no_wrap = True
    for rule in sorted(all_rules().values(), key=lambda r: r.code):
        settings = ", ".join(f"{k} = {v}" for k, v in rule.defaults.items())
        table.add_row(rule.code, rule.name, str(rule.severity), rule.summary, settings)
    console.print(table)


@main.command("import")
@click.argument("file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option("--site", required=True, help="The site (jobcentre) whose file gets the rows.")
@click.option(
    "--kind", required=True, type=click.Choice(["employers", "transport", "services"]), help="What the rows are."
)
@click.option("--district", help="The site's district. Only needed if 2 districts have a site with this name.")
@click.option("--replace", is_flag=True, help="Also remove items that are in the site file but not in the spreadsheet.")
@click.option("--dry-run", is_flag=True, help="Only show what would change. Change nothing.")
@click.pass_context
def import_(
    ctx: click.Context, file: Path, site: str, kind: str, district: str | None, replace: bool, dry_run: bool
) -> None:
    """Add or update employers, transport or services from a spreadsheet (.xlsx or .csv).

    Checks every row first. If any row is wrong, it lists every problem and changes nothing.
    Items with the same name are updated; new ones go at the end. See docs/import.md for the columns.
    """
    from rich.markup import escape

    from .content.importer import ImportProblems, find_site, plan_import, write_import

    root = _root(ctx)
    try:
        plan = plan_import(root.content, find_site(root.content, site, district), file, kind, replace)
    except ImportProblems as problems:
        for problem in problems.problems:
            err.print(f"[bold red]Error:[/] {escape(f'{file}: {problem}')}", markup=True, soft_wrap=True)
        count = len(problems.problems)
        err.print(f"{count} problem{'s' if count > 1 else ''}. Nothing was changed.")
        raise SystemExit(1) from None
    table = Table("What", "Name", "Change", "Details")
    for change in plan.changes:
        table.add_row(change.what, escape(change.name), change.status, escape(", ".join(change.fields) or change.note))
    console.print(table)
    for note in plan.notes:
        console.print(escape(note))
    if not plan.changes_anything:
        console.print("Nothing to change.")
    elif dry_run:
        console.print(f"Nothing was changed (--dry-run). Run it again without --dry-run to change {plan.path}")
    else:
        write_import(plan)
        console.print(f"Changed {plan.path}")


@main.command()
@click.option("--district", help="Only decks for sites in this district.")
@click.option("--site", help="Only decks for this site.")
@click.option("--topic", "topics", callback=comma_list, help="Only these topics, separated by commas.")
@OUT_OPTION
@click.pass_context
def preview(ctx: click.Context, district: str | None, site: str | None, topics: list[str], out: Path | None) -> None:
    """Make a picture of every slide of the built decks, and one contact sheet per deck.

    Needs LibreOffice. Decks that have not changed since their last preview are skipped.
    """
    from .manifest import read_manifest
    from .preview import make_previews

    folder = out or _root(ctx).path / "output"
    decks = [
        folder / path
        for path, e in read_manifest(folder).items()
        if e["format"] == "pptx"
        and district in (None, e["district"])
        and site in (None, e["site"])
        and (not topics or e["topic"] in topics)
    ]
    if not decks:
        raise ToolkitError("no built decks match: run 'toolkit build' first", folder)
    made, skipped = make_previews(decks, folder)
    for preview in made:
        console.print(f"{preview.sheet} ({_count(len(preview.slides), 'slide')})")
    console.print(f"Made previews of {_count(len(made), 'deck')}; {skipped} unchanged")


@main.command()
@OUT_OPTION
@click.pass_context
def report(ctx: click.Context, out: Path | None) -> None:
    """Write a review site into the output folder: every deck, its scores and its problems.

    Open report/index.html in a browser. Run 'toolkit preview' first to show the slides too.
    """
    from .report import write_report

    root = _root(ctx)
    index = write_report(out or root.path / "output", root.path)
    console.print(f"Wrote the review site: {index}")
