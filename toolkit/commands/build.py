"""Commands that make files: build, handout and clean."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..errors import EXIT_BAD_INPUT, EXIT_PROBLEMS, ToolkitError
from ..project import ContentRoot
from .progress import progress
from .shared import (
    ALLOW_MISSING_OPTION,
    AUDIENCE_OPTION,
    DELIVERY_OPTION,
    LANG_OPTION,
    OUT_OPTION,
    REQUIRE_REVIEWED_OPTION,
    STYLE_HELP,
    comma_list,
    console,
    count,
    err,
    print_error,
    root_of,
)

if TYPE_CHECKING:
    from ..build import BuildResult, Job, Shard
    from ..translations.outputs import TranslationRules


def _shard(ctx: click.Context, param: click.Parameter, value: str | None) -> Shard | None:
    """'2/8' as part 2 of 8."""
    from ..build import Shard

    if value is None:
        return None
    number, _, total = value.partition("/")
    if not (number.isdigit() and total.isdigit() and 1 <= int(number) <= int(total)):
        raise click.BadParameter(f"'{value}' should be a part and how many parts, like 2/8 (from 1/8 to 8/8)")
    return Shard(int(number), int(total))


@click.command()
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
@DELIVERY_OPTION
@LANG_OPTION
@ALLOW_MISSING_OPTION
@REQUIRE_REVIEWED_OPTION
@click.option("--jobs", type=click.IntRange(min=1), help="How many files to make at once. Default: one per core.")
@click.option("--force", is_flag=True, help="Make every file again, even if nothing it is made from has changed.")
@click.option("--strict", is_flag=True, help="Build nothing if a fact the decks use is not confirmed or is overdue.")
@click.option(
    "--shard",
    callback=_shard,
    metavar="K/N",
    help="Build only part K of N, so N jobs of a CI system can share a big build. Join the parts with"
    " 'toolkit merge'. See docs/national-builds.md.",
)
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
    deliveries: list[str],
    languages: list[str],
    allow_missing: bool,
    require_reviewed: bool,
    jobs: int | None,
    force: bool,
    strict: bool,
    shard: Shard | None,
) -> None:
    """Build decks (and handouts, with --format) for every site, or the ones you pick.

    Files whose templates, content, styles and fonts have not changed since the last build are kept.
    """
    from ..build import check_master, plan  # imported here so 'toolkit check' starts fast
    from ..translations.outputs import TranslationRules

    root = root_of(ctx)
    folder = out or root.path / "output"
    work = plan(root, district, site, topics, formats, styles, audiences, languages, strict, deliveries, shard)
    _notes(work.notes)
    _refuse(work.refused)
    rules = TranslationRules(allow_missing, require_reviewed)
    master = check_master(master) if master else None
    _report(_run(root, work.jobs, folder, master, workers=jobs, force=force, rules=rules), folder)


@click.command()
@click.option("--site", required=True, help="The site (jobcentre) the claimant goes to.")
@click.option("--topic", "topics", callback=comma_list, help="Only these topics, separated by commas. Default: all.")
@click.option("--style", "styles", callback=comma_list, default="standard", show_default=True, help=STYLE_HELP)
@click.option(
    "--format",
    "formats",
    callback=comma_list,
    help="File formats, separated by commas, such as pdf,txt. Default: html, docx, pdf and txt. "
    "Also: epub, ogg (audio) and brf (braille).",
)
@AUDIENCE_OPTION
@DELIVERY_OPTION
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
    deliveries: list[str],
    languages: list[str],
    allow_missing: bool,
    require_reviewed: bool,
    out: Path | None,
    pack: bool,
) -> None:
    """Make handouts for someone who cannot come to a group session."""
    from ..build import plan
    from ..pack import check_handout_formats, write_packs
    from ..render import handout_formats
    from ..translations.outputs import TranslationRules

    root = root_of(ctx)
    folder = out or root.path / "output"
    formats = formats or [name for name, fmt in handout_formats().items() if not fmt.on_request]
    check_handout_formats(formats)

    work = plan(root, None, site, topics, formats, styles, audiences, languages, deliveries=deliveries)
    _notes(work.notes)
    result = _run(root, work.jobs, folder, None, rules=TranslationRules(allow_missing, require_reviewed))
    if pack and result.written:
        for made in write_packs(root, folder, result.written):
            console().print(f"Send pack: {made}")
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
    """Run build jobs, showing progress."""
    from ..build import run

    with progress("Building", "file", len(jobs)) as tick:
        result = run(
            root,
            jobs,
            folder,
            master,
            tick=lambda job: tick(f"{job.site.site} {job.topic} {job.fmt}"),
            workers=workers,
            force=force,
            rules=rules,
        )
    return result


def _refuse(problems: list[ToolkitError]) -> None:
    """With --strict, name each fact not confirmed or overdue, one line each, and build nothing."""
    for problem in problems:
        print_error(problem)
    if problems:
        err().print(f"Nothing was built: {count(len(problems), 'fact')} to check first (--strict).")
        raise SystemExit(EXIT_PROBLEMS)


def _notes(notes: list[str]) -> None:
    for note in notes:
        err().print(f"Note: {note}", markup=False, soft_wrap=True)


def _report(result: BuildResult, folder: Path) -> None:
    """Say what was written and what failed, print each error on one line, and exit with the right code:
    1 if some files failed, 2 if the build stopped because nothing more could be written (a full disk)."""
    console().print(_summary(result, folder))
    examples = sorted({e["site"] for e in (*result.written, *result.unchanged) if e.get("example")})
    if examples and not result.stopped:  # a stopped build says only why it stopped
        sites = ", ".join(examples)
        _notes([f"{sites}: built from example content. Check every local fact before you use these files."])
    problems = [result.stopped] if result.stopped else result.errors
    for problem in dict.fromkeys(str(e) for e in problems):  # the same problem in many files, said once
        print_error(problem)
    if result.stopped:
        raise SystemExit(EXIT_BAD_INPUT)
    if result.errors:
        raise SystemExit(EXIT_PROBLEMS)


def _summary(result: BuildResult, folder: Path) -> str:
    """One line: what was made, what was already up to date, and what failed; never "nothing to do" after a failure."""
    sites = {(e["district"], e["site"]) for e in result.written}
    failed = (result.failed or len(result.errors)) if result.errors else 0
    kept = f"; {count(len(result.unchanged), 'file')} unchanged" if result.unchanged else ""
    lost = f"; {failed} failed" if failed else ""
    if result.stopped:
        return f"Stopped: {count(len(result.written), 'file')} made before the build stopped{kept}{lost}"
    if result.written:
        return f"Wrote {count(len(result.written), 'file')} for {count(len(sites), 'site')} to {folder}{kept}{lost}"
    if failed:
        return f"Failed: {count(failed, 'file')} not made{kept} in {folder}"
    return f"Nothing to do: {count(len(result.unchanged), 'file')} in {folder} already up to date"


@click.command()
@OUT_OPTION
@click.option("--dry-run", is_flag=True, help="Only list the files; do not remove them.")
@click.pass_context
def clean(ctx: click.Context, out: Path | None, dry_run: bool) -> None:
    """Remove built files for sites, topics or styles that no longer exist."""
    from ..build import clean as clean_output

    root = root_of(ctx)
    folder = out or root.path / "output"
    stale = clean_output(root, folder, dry_run)
    for path in stale:
        console().print(f"{'Would remove' if dry_run else 'Removed'} {path}")
    if not stale:
        console().print(f"Nothing to remove in {folder}")


@click.command()
@click.argument("parts", nargs=-1, required=True, type=click.Path(file_okay=False, exists=True, path_type=Path))
@OUT_OPTION
@click.pass_context
def merge(ctx: click.Context, parts: tuple[Path, ...], out: Path | None) -> None:
    """Join the output folders of a build made in parts (with --shard) into one folder with one manifest."""
    from ..manifest import merge as merge_parts

    folder = out or root_of(ctx).path / "output"
    files = merge_parts(folder, parts)
    console().print(f"Merged {count(files, 'file')} from {count(len(parts), 'part')} into {folder}")
