"""Commands for the content folder: sites, validate, init and import."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..content.review import DUE_SOON, OVERDUE, UNCONFIRMED
from ..errors import EXIT_PROBLEMS, ToolkitError, one_line
from ..project import ContentRoot, init_root
from .shared import (
    console,
    err,
    escape,
    print_error,
    root_of,
)

if TYPE_CHECKING:
    from ..content.facts import FactRecord
    from ..content.loader import SiteRef


@click.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_context
def sites(ctx: click.Context, fmt: str) -> None:
    """List the sites (jobcentres) you can build for."""
    from ..content.loader import find_sites, load_site

    root = root_of(ctx)
    rows = [
        {"district": r.district, "site": r.site, "name": load_site(root.content, r).jobcentre.name}
        for r in find_sites(root.content)
    ]
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    from rich.table import Table

    table = Table("District", "Site", "Name")
    for row in rows:
        table.add_row(row["district"], row["site"], row["name"])
    console().print(table)


@click.command()
@click.option("--site", help="Check only this site (jobcentre), and say what each topic still needs.")
@click.pass_context
def validate(ctx: click.Context, site: str | None) -> None:
    """Check every content file and every district's theme, without building anything.

    Also warns about facts past their review date, notes those due soon, and lists facts not confirmed yet.
    """
    from ..content.facts import gather
    from ..content.loader import find_sites, select_sites
    from ..content.review import load_review_periods

    root = root_of(ctx)
    refs = select_sites(find_sites(root.content), site=site)
    records, load_problems = gather(root.content, refs, load_review_periods(root.path))
    problems = _theme_problems(root, refs) + (_site_needs(root, refs[0]) if site else load_problems)
    for problem in dict.fromkeys(str(p) for p in problems):  # a district's mistake shows once, not per site
        print_error(problem)
    if problems:
        raise SystemExit(EXIT_PROBLEMS)
    for label, warning, advice in _fact_warnings(records):
        err().print(f"{label}: {warning}: {advice}", markup=False, soft_wrap=True)
    console().print(f"{_valid(refs, site)}{_fact_summary(records)}")


def _theme_problems(root: ContentRoot, refs: list[SiteRef]) -> list[ToolkitError]:
    from ..content.theme import load_theme

    problems = []
    for district in dict.fromkeys(ref.district for ref in refs):
        try:
            load_theme(root.content, district)
        except ToolkitError as problem:
            problems.append(problem)
    return problems


def _site_needs(root: ContentRoot, ref: SiteRef) -> list[ToolkitError]:
    """Every mistake in one site's content, then what each topic still needs, so a new site's file can be
    filled in at one go."""
    from ..content.loader import load_site, site_problems
    from ..content.needs import section_of, topic_needs
    from ..deck.template import SessionTemplates

    templates = SessionTemplates(root.sessions)
    needs = [topic_needs(t, [p.read_text(encoding="utf-8") for p in templates.sources(t)]) for t in templates.topics()]
    found = site_problems(root.content, ref)
    for topic in needs:
        missing = sorted({section_of(location) for location, _ in found if topic.uses(section_of(location))})
        gaps = topic.gaps(load_site(root.content, ref)) if not found else []
        if missing or gaps:
            console().print(f"{topic.topic}: needs {', '.join(missing + gaps)}", markup=False)
        else:
            console().print(f"{topic.topic}: has what it needs", markup=False)
    return [problem for _, problem in found]


def _fact_warnings(records: list[FactRecord]) -> list[tuple[str, ToolkitError, str]]:
    """Overdue facts, facts due soon and facts not confirmed, each with what to do."""
    found = []
    for record in records:
        checks = (
            ("Warning", record.overdue(), "check it, then change 'checked' to the date you did"),
            ("Note", record.due_soon(), "check it soon"),
            ("Unconfirmed", record.not_confirmed(), "once you confirm one, take it out of 'unconfirmed'"),
        )
        found += [(label, problem, advice) for label, problem, advice in checks if problem is not None]
    return found


def _valid(refs: list[SiteRef], site: str | None) -> str:
    return f"{site} and its theme are valid." if site else f"All {len(refs)} sites and their themes are valid."


def _fact_summary(records: list[FactRecord]) -> str:
    """' Facts: 2 overdue, 18 unconfirmed. Run ...', or nothing when every fact is fresh."""
    totals = Counter(record.status for record in records)
    parts = [f"{totals[status]} {status}" for status in (OVERDUE, DUE_SOON, UNCONFIRMED) if totals[status]]
    return f" Facts: {', '.join(parts)}. Run 'toolkit facts' to see them all." if parts else ""


@click.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
def init(folder: Path) -> None:
    """Start a new content folder with the example templates and content."""
    init_root(folder)
    console().print(f"Made a content folder in {folder}. Next: cd {folder} and run 'toolkit build'.")


@click.command("import")
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

    from ..content.importer import ImportProblems, find_site, plan_import, write_import

    root = root_of(ctx)
    try:
        plan = plan_import(root.content, find_site(root.content, site, district), file, kind, replace)
    except ImportProblems as problems:
        for problem in problems.problems:
            print_error(one_line(f"{file}: {problem}"))
        count = len(problems.problems)
        err().print(f"{count} problem{'s' if count > 1 else ''}. Nothing was changed.")
        raise SystemExit(EXIT_PROBLEMS) from None
    from rich.table import Table

    table = Table("What", "Name", "Change", "Details")
    for change in plan.changes:
        table.add_row(change.what, escape(change.name), change.status, escape(", ".join(change.fields) or change.note))
    console().print(table)
    for note in plan.notes:
        console().print(escape(note))
    if not plan.changes_anything:
        console().print("Nothing to change.")
    elif dry_run:
        console().print(f"Nothing was changed (--dry-run). Run it again without --dry-run to change {plan.path}")
    else:
        write_import(plan)
        console().print(f"Changed {plan.path}")


@click.command("new-site")
@click.argument("site")
@click.option("--district", required=True, help="The district the jobcentre is in: its folder in local_content/.")
@click.pass_context
def new_site(ctx: click.Context, site: str, district: str) -> None:
    """Start a file for a new jobcentre, with every field a session uses, empty and marked unconfirmed."""
    from ..content.starter import new_site as write_site

    path = write_site(root_of(ctx).content, district, site)
    console().print(f"Made {path}. Fill it in, then run 'toolkit validate --site {site}'.")


@click.command("new-district")
@click.argument("district")
@click.pass_context
def new_district(ctx: click.Context, district: str) -> None:
    """Start a folder and district.yaml for a new district."""
    from ..content.starter import new_district as write_district

    path = write_district(root_of(ctx).content, district)
    console().print(
        f"Made {path}. Fill it in, then add a jobcentre with 'toolkit new-site SITE --district {district}'."
    )
