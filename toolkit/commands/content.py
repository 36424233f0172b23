"""Commands for the content folder: sites, validate, init and import."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.markup import escape
from rich.table import Table

from ..cli import (
    console,
    err,
    main,
    root_of,
)
from ..errors import EXIT_PROBLEMS, ToolkitError, one_line
from ..project import init_root


@main.command()
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
    table = Table("District", "Site", "Name")
    for row in rows:
        table.add_row(row["district"], row["site"], row["name"])
    console.print(table)


@main.command()
@click.pass_context
def validate(ctx: click.Context) -> None:
    """Check every content file and every district's theme, without building anything."""
    from ..content.loader import find_sites, load_site
    from ..content.theme import load_theme

    root = root_of(ctx)
    refs = find_sites(root.content)
    problems = []
    for district in dict.fromkeys(ref.district for ref in refs):
        try:
            load_theme(root.content, district)
        except ToolkitError as problem:
            problems.append(problem)
    for ref in refs:
        try:
            load_site(root.content, ref)
        except ToolkitError as problem:
            problems.append(problem)
    for problem in dict.fromkeys(str(p) for p in problems):  # a district's mistake shows once, not per site
        err.print(f"[bold red]Error:[/] {escape(problem)}", markup=True, soft_wrap=True)
    if problems:
        raise SystemExit(EXIT_PROBLEMS)
    console.print(f"All {len(refs)} sites and their themes are valid.")


@main.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
def init(folder: Path) -> None:
    """Start a new content folder with the example templates and content."""
    init_root(folder)
    console.print(f"Made a content folder in {folder}. Next: cd {folder} and run 'toolkit build'.")


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

    from ..content.importer import ImportProblems, find_site, plan_import, write_import

    root = root_of(ctx)
    try:
        plan = plan_import(root.content, find_site(root.content, site, district), file, kind, replace)
    except ImportProblems as problems:
        for problem in problems.problems:
            err.print(f"[bold red]Error:[/] {escape(one_line(f'{file}: {problem}'))}", markup=True, soft_wrap=True)
        count = len(problems.problems)
        err.print(f"{count} problem{'s' if count > 1 else ''}. Nothing was changed.")
        raise SystemExit(EXIT_PROBLEMS) from None
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
