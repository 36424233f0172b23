"""The `toolkit` command group and what its sub-commands share: options, consoles, the content root.

Commands parse the words, call the engine and report; no logic lives only in them (see toolkit/commands/).
"""

from __future__ import annotations

import errno
import os
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import NoReturn

import click
from rich.console import Console
from rich.markup import escape

from . import __version__
from .errors import EXIT_BAD_INPUT, EXIT_BUG, ToolkitError
from .project import ContentRoot

console = Console(highlight=False, soft_wrap=True)  # never break a path over two lines
err = Console(stderr=True, highlight=False)


class ToolkitGroup(click.Group):
    """Every problem is one line with the right exit code (see docs/errors.md), never a traceback.

    A ToolkitError is the user's to fix: exit 2 (commands that find problems exit 1 themselves). A file
    the system will not let us read or write is the same. Anything else is a bug: one line, exit 3, and
    the traceback in a log file the line names.
    """

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Accept --root after the command as well as before it: `toolkit build --root ours` works."""
        return super().parse_args(ctx, root_first(args))

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ToolkitError as problem:
            fail(problem, EXIT_BAD_INPUT)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except OSError as problem:
            if problem.errno not in SYSTEM_PROBLEMS:
                bug(problem)
            where = f"{problem.filename}: " if problem.filename else ""
            fail(f"{where}{problem.strerror or problem}: check the file or folder, then run it again", EXIT_BAD_INPUT)
        except Exception as problem:
            bug(problem)


# Errors from the system about a file or folder, not bugs: full, read-only, not there, not allowed.
SYSTEM_PROBLEMS = {
    errno.ENOSPC,
    errno.EDQUOT,
    errno.EROFS,
    errno.EACCES,
    errno.EPERM,
    errno.ENOENT,
    errno.ENOTDIR,
    errno.EISDIR,
    errno.ELOOP,
    errno.ENAMETOOLONG,
    errno.EEXIST,
}


def root_first(args: list[str]) -> list[str]:
    """`args` with every --root option moved to the front, where the group reads it; the last one wins.

    Words after `--` are left alone: they are file names, not options.
    """
    end = args.index("--") if "--" in args else len(args)
    moved: list[str] = []
    rest: list[str] = []
    words = iter(args[:end])
    for word in words:
        if word == "--root":
            value = next(words, None)
            if value is None:
                raise click.UsageError("--root needs a folder, like --root our-sessions")
            moved += [word, value]
        elif word.startswith("--root="):
            moved.append(word)
        else:
            rest.append(word)
    return [*moved, *rest, *args[end:]]


def fail(problem: ToolkitError | str, code: int) -> NoReturn:
    """Print one error line and exit with `code`."""
    err.print(f"[bold red]Error:[/] {escape(str(problem))}", markup=True, soft_wrap=True)
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
    text = f"toolkit {__version__}, {' '.join(sys.argv)}\n\n" + "".join(traceback.format_exception(problem))
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "group-session-toolkit"
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


@click.group(cls=ToolkitGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    help="The content folder: it holds templates/ and local_content/. Default: the folder you are in, or the"
    " nearest folder above it that is one. It can go before or after the command.",
)
@click.version_option(__version__, prog_name="toolkit")
@click.pass_context
def main(ctx: click.Context, root: Path | None) -> None:
    """Make slides and handouts for jobcentre group sessions, using local facts."""
    ctx.obj = root or ContentRoot.find(Path.cwd()) or Path(".")


def root_of(ctx: click.Context) -> ContentRoot:
    """The content root the --root option names."""
    return ContentRoot.at(ctx.obj)


def count(n: int, noun: str) -> str:
    """'1 file', '2 files'."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


# The commands live in toolkit/commands/, one module per family; importing them adds them to `main`.
from .commands import build, check, content, facts, library, review, translations  # noqa: E402, F401
