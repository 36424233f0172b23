"""Commands for the session library: write it, and look at it in a browser on this computer."""

from __future__ import annotations

from pathlib import Path

import click

from .shared import OUT_OPTION, console, count, root_of

LIBRARY_OPTION = click.option(
    "--to",
    "folder",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where to put the library. Default: library/ in the output folder.",
)


@click.command()
@OUT_OPTION
@LIBRARY_OPTION
@click.option("--jobs", type=click.IntRange(min=1), help="How many decks to read at once. Default: one per core.")
@click.pass_context
def library(ctx: click.Context, out: Path | None, folder: Path | None, jobs: int | None) -> None:
    """Write the session library: a website where work coaches find, look at and download their sessions.

    It uses what 'toolkit build' made. Run 'toolkit preview' first to show the slides, and 'toolkit report'
    to link to the checks. Open library/index.html, or copy the library folder to your intranet.
    """
    from ..library import write_library

    root = root_of(ctx)
    done = write_library(root, out or root.path / "output", folder, jobs)
    changed = f"wrote {count(len(done.written), 'file')}" if done.written else "nothing changed"
    console().print(f"Library for {count(done.sites, 'jobcentre')}: {done.index} ({changed})")


@click.command()
@OUT_OPTION
@LIBRARY_OPTION
@click.option("--port", type=click.IntRange(min=1, max=65535), default=8000, show_default=True, help="The port.")
@click.pass_context
def serve(ctx: click.Context, out: Path | None, folder: Path | None, port: int) -> None:
    """Show the session library in your browser, from this computer only. Press Ctrl+C to stop.

    Nobody else can reach it, and it only reads files: it shows nothing outside the library folder.
    """
    from ..library import LIBRARY
    from ..library.serve import serve_folder

    root = root_of(ctx)
    served = folder or (out or root.path / "output") / LIBRARY
    serve_folder(served, port, lambda url: console().print(f"Open {url} in your browser. Press Ctrl+C to stop."))
