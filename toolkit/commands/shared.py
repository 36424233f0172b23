"""What the sub-commands share: the consoles, the error line, common options and the content root."""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

import click

from .. import __version__
from ..errors import EXIT_BUG, ToolkitError
from ..files import cache_folder
from ..project import ContentRoot

if TYPE_CHECKING:
    from rich.console import Console


@cache
def console() -> Console:
    """Where commands print: made when first used, as rich takes a while to load and `toolkit --help` needs none.

    Soft wrap, so a path is never broken over two lines."""
    from rich.console import Console

    return Console(highlight=False, soft_wrap=True)


@cache
def err() -> Console:
    """Where errors and progress go: standard error."""
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def in_colour(stream: TextIO | None = None) -> bool:
    """Whether output (standard output, unless `stream` is named) goes to a terminal, or FORCE_COLOR is set, as rich
    decides. If not, commands print plain text without loading rich, which takes a while."""
    return (stream or sys.stdout).isatty() or bool(os.environ.get("FORCE_COLOR"))


def columns() -> int:
    """The width of output that is not a terminal, as rich has it: COLUMNS if set, else 80."""
    try:
        return int(os.environ.get("COLUMNS", ""))
    except ValueError:
        return 80


def escape(text: str) -> str:
    """Text with its square brackets escaped, so rich prints them and does not read them as markup."""
    from rich.markup import escape

    return escape(text)


def print_error(problem: ToolkitError | str) -> None:
    """One error line on stderr: how every command reports a problem."""
    err().print(f"[bold red]Error:[/] {escape(str(problem))}", markup=True, soft_wrap=True)


def fail(problem: ToolkitError | str, code: int) -> NoReturn:
    """Print one error line and exit with `code`."""
    print_error(problem)
    sys.exit(code)


def bug(problem: BaseException) -> NoReturn:
    """Say in one line that the toolkit hit a bug, and write the traceback to a log file for whoever fixes it."""
    log = write_bug_log(problem)
    fail(
        f"the toolkit hit a bug ({type(problem).__name__}), not a problem with your files. The details are in "
        f"{log}: please send that file to whoever looks after the toolkit",
        EXIT_BUG,
    )


def write_bug_log(problem: BaseException) -> Path:
    """Write the traceback to a new file in the user's cache folder (or the temporary folder); returns its path."""
    import tempfile  # here, not at the top: only a bug needs them, and every command starts sooner without
    import time
    import traceback

    text = f"toolkit {__version__}, {' '.join(sys.argv)}\n\n" + "".join(traceback.format_exception(problem))
    cache = cache_folder()
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for folder in (cache, Path(tempfile.gettempdir())):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(prefix=f"toolkit-bug-{stamp}-", suffix=".log", dir=folder)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
            return Path(name)
        except OSError:
            continue
    return Path("(no log: the cache and temporary folders cannot be written)")


STYLE_HELP = "Handout styles, separated by commas: standard, large-print, dyslexia, easy-read."
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
DELIVERY_OPTION = click.option(
    "--delivery",
    "deliveries",
    callback=comma_list,
    help="How the session is run, separated by commas: room (the default, at the jobcentre) or online (on a video"
    " call). Topics that cannot be run that way are left out; naming one with --topic is an error.",
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


def root_of(ctx: click.Context) -> ContentRoot:
    """The content root the --root option names."""
    return ContentRoot.at(ctx.obj)


def count(n: int, noun: str) -> str:
    """'1 file', '2 files'."""
    return f"{n} {noun}{'' if n == 1 else 's'}"
