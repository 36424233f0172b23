"""Commands for reviewing built decks: preview and report."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import ToolkitError
from .progress import progress
from .shared import (
    OUT_OPTION,
    comma_list,
    console,
    count,
    root_of,
)


@click.command()
@click.option("--district", help="Only decks for sites in this district.")
@click.option("--site", help="Only decks for this site.")
@click.option("--topic", "topics", callback=comma_list, help="Only these topics, separated by commas.")
@OUT_OPTION
@click.pass_context
def preview(ctx: click.Context, district: str | None, site: str | None, topics: list[str], out: Path | None) -> None:
    """Make a picture of every slide of the built decks, and one contact sheet per deck.

    Needs LibreOffice. Decks that have not changed since their last preview are skipped.
    """
    from ..manifest import read_manifest
    from ..preview import make_previews
    from ..render import is_deck

    folder = out or root_of(ctx).path / "output"
    decks = [
        folder / path
        for path, e in read_manifest(folder, strict=True).items()
        if is_deck(e["format"])
        and district in (None, e["district"])
        and site in (None, e["site"])
        and (not topics or e["topic"] in topics)
    ]
    if not decks:
        raise ToolkitError("no built decks match: run 'toolkit build' first", folder)
    with progress("Making previews", "deck", len(decks)) as tick:
        made, skipped = make_previews(decks, folder, tick=lambda deck: tick(deck.relative_to(folder).as_posix()))
    for preview in made:
        console().print(f"{preview.sheet} ({count(len(preview.slides), 'slide')})")
    console().print(f"Made previews of {count(len(made), 'deck')}; {skipped} unchanged")


@click.command()
@OUT_OPTION
@click.pass_context
def report(ctx: click.Context, out: Path | None) -> None:
    """Write a review site into the output folder: every deck, its scores and its problems.

    Open report/index.html in a browser. Run 'toolkit preview' first to show the slides too.
    """
    from ..review_site import built_decks, write_report

    root = root_of(ctx)
    folder = out or root.path / "output"
    with progress("Checking decks", "deck", len(built_decks(folder))) as tick:
        index = write_report(folder, root.path, tick)
    console().print(f"Wrote the review site: {index}")
