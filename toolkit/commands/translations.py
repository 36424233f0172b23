"""The translations command: what is translated, and keeping catalogues up to date."""

from __future__ import annotations

import json

import click

from ..errors import ToolkitError
from .shared import (
    comma_list,
    console,
    root_of,
)


@click.group(invoke_without_command=True)
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
    from ..translations.extract import status_rows

    rows = status_rows(root_of(ctx), languages)
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    if not rows:
        console().print("No translations yet: run 'toolkit translations update --lang cy' to start one.")
        return
    from rich.table import Table

    table = Table(
        "Language", "Catalogue", "Strings", "Done", "Missing", "Out of date", "Drafts", "Reviewed", "Signed off"
    )
    for column in table.columns[:2]:
        column.no_wrap = True
    for row in rows:
        signed = f"{row['reviewer']}, {row['date']}" if row["signed_off"] else "no: a draft"
        counts = ("strings", "translated", "missing", "out_of_date", "drafts", "reviewed")
        table.add_row(f"{row['language']} {row['name']}", str(row["domain"]), *(str(row[k]) for k in counts), signed)
    console().print(table)


@translations.command("extract")
@click.pass_context
def translations_extract(ctx: click.Context) -> None:
    """Write the English strings to templates/locale/sessions.pot and toolkit.pot."""
    from ..translations.extract import write_templates

    for path in write_templates(root_of(ctx)):
        console().print(f"Wrote {path}")


@translations.command("update")
@click.option("--lang", "languages", callback=comma_list, help="Also start catalogues for these languages.")
@click.pass_context
def translations_update(ctx: click.Context, languages: list[str]) -> None:
    """Bring every language's .po files up to date with the English in the templates.

    New strings come in untranslated; strings whose English changed are marked fuzzy (out of date)
    with the old English beside them, and lose their reviewed mark.
    """
    from ..translations.extract import update_catalogues

    for path in update_catalogues(root_of(ctx), languages):
        console().print(f"Updated {path}")


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

    from ..translations.extract import mark_reviewed

    day = when or dt.date.today().isoformat()
    try:
        dt.date.fromisoformat(day)
    except ValueError:
        raise ToolkitError(f"'{day}' is not a date: write it as YYYY-MM-DD") from None
    for path in mark_reviewed(root_of(ctx), lang, reviewer, day):
        console().print(f"Marked reviewed: {path}")
