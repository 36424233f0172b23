"""Commands that check: check and rules."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..errors import EXIT_BAD_INPUT, EXIT_BUG, EXIT_OK, EXIT_PROBLEMS, ToolkitError
from .progress import progress
from .shared import (
    LANG_OPTION,
    columns,
    comma_list,
    console,
    fail,
    in_colour,
    print_error,
    write_bug_log,
)

if TYPE_CHECKING:
    from ..checks.model import Severity
    from ..checks.runner import FileReport


@click.command()
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
@click.option(
    "--delivery",
    "deliveries",
    callback=comma_list,
    help="Only these deliveries, room or online, separated by commas. Default: every way each topic can be run.",
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
    deliveries: list[str],
    languages: list[str],
    fmt: str,
    select: list[str],
    fail_on: str,
) -> None:
    """Check files for Plain English and accessibility. With no files, check the templates for every site.

    Exit codes: 0 nothing found, 1 findings at or above --fail-on, 2 a file could not be read,
    3 a bug in the toolkit. Every file that can be read is checked and reported either way.
    """
    from ..checks.model import Severity  # the checker loads only when a check runs: help stays quick
    from ..checks.report import ColourPrinter, Printer, print_text, write_json
    from ..checks.run import run_checks

    try:
        with progress("Checking", "file") as shown:
            reports = run_checks(
                ctx.obj, files, district, site, topics, select, audiences, languages, _log_bug, deliveries, shown
            )
    except ToolkitError as problem:
        fail(problem, EXIT_BAD_INPUT)
    if fmt == "json":
        write_json(reports, lambda text: click.echo(text, nl=False))
    else:
        print_text(reports, ColourPrinter(console()) if in_colour() else Printer(sys.stdout, columns()))
    for report in reports:
        if report.error:
            print_error(report.error)
    sys.exit(_exit_code(reports, Severity.named(fail_on)))


def _log_bug(problem: BaseException) -> str:
    """Write the details of a bug to a log file; the one line for the report says where it is."""
    log = write_bug_log(problem)
    return (
        f"the toolkit hit a bug ({type(problem).__name__}) checking this file, not a problem with the file. "
        f"The details are in {log}: please send that file to whoever looks after the toolkit"
    )


def _exit_code(reports: list[FileReport], threshold: Severity) -> int:
    """A bug outranks a file that could not be read, which outranks findings (see docs/errors.md)."""
    if any(r.bug for r in reports):
        return EXIT_BUG
    if any(r.error for r in reports):
        return EXIT_BAD_INPUT
    return EXIT_PROBLEMS if any(f.severity >= threshold for r in reports for f in r.findings) else EXIT_OK


@click.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "markdown"]),
    default="text",
    show_default=True,
    help="text: a table. markdown: the rules part of docs/checks.md, with each rule's whole docstring.",
)
def rules(fmt: str) -> None:
    """List every check with its code, name, default severity and settings."""
    from rich.table import Table

    from ..checks.docs import rules_markdown
    from ..checks.registry import all_rules

    if fmt == "markdown":
        click.echo(rules_markdown(), nl=False)
        return
    table = Table("Code", "Name", "Severity", "What it finds", "Settings")
    for column in table.columns[:3]:
        column.no_wrap = True
    for rule in sorted(all_rules().values(), key=lambda r: r.code):
        settings = ", ".join(f"{k} = {v}" for k, v in rule.defaults.items())
        table.add_row(rule.code, rule.name, str(rule.severity), rule.summary, settings)
    console().print(table)
