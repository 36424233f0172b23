"""The `toolkit` command group: one error line for every problem, and the sub-commands in toolkit/commands/.

Commands parse the words, call the engine and report; no logic lives only in them.
"""

from __future__ import annotations

import errno
from importlib import import_module
from pathlib import Path

import click

from . import __version__, commands
from .commands import COMMANDS
from .commands.shared import bug, fail
from .errors import EXIT_BAD_INPUT, ToolkitError
from .project import ContentRoot


class ToolkitGroup(click.Group):
    """Every problem is one line with the right exit code (see docs/errors.md), never a traceback.

    A ToolkitError is the user's to fix: exit 2 (commands that find problems exit 1 themselves). A file
    the system will not let us read or write is the same. Anything else is a bug: one line, exit 3, and
    the traceback in a log file the line names.
    """

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Accept --root after the command as well as before it: `toolkit build --root ours` works."""
        return super().parse_args(ctx, root_first(args))

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        """The command, its module loaded now: see commands/__init__.py."""
        if name not in COMMANDS:
            return None
        module, function = COMMANDS[name]
        command: click.Command = getattr(import_module(f"{commands.__name__}.{module}"), function)
        return command

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ToolkitError as problem:
            fail(problem, EXIT_BAD_INPUT)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except OSError as problem:
            if problem.errno == errno.EPIPE:
                raise  # whoever read the output stopped (`toolkit check | head`): click ends quietly
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
