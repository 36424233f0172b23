"""The `toolkit` command group and what its sub-commands share: options, consoles, the content root.

Commands parse the words, call the engine and report; no logic lives only in them (see toolkit/commands/).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console

from . import __version__
from .errors import ToolkitError
from .project import ContentRoot

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


def root_of(ctx: click.Context) -> ContentRoot:
    """The content root the --root option names."""
    return ContentRoot.at(ctx.obj)


def count(n: int, noun: str) -> str:
    """'1 file', '2 files'."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


# The commands live in toolkit/commands/, one module per family; importing them adds them to `main`.
from .commands import build, check, content, review, translations  # noqa: E402, F401
