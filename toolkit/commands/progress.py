"""Progress of long commands: a bar in a terminal, a short line every few seconds in a log.

A build of many sites can run for minutes in CI or a scheduled job, where nobody sees a bar. There,
a line now and then ("Building: 120 of 792 files done, 672 left") shows it is still working.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from .shared import count, err

EVERY_SECONDS = 5.0  # how often a log gets a line

Tick = Callable[[str], None]  # one item done; the text says which


@contextmanager
def progress(doing: str, total: int, unit: str) -> Iterator[Tick]:
    """Show progress of `total` items: `doing` names the work ("Building"), `unit` the items ("file")."""
    if err().is_terminal:
        with _bar(doing, total) as tick:
            yield tick
    else:
        yield _LogLines(doing, total, unit)


@contextmanager
def _bar(doing: str, total: int) -> Iterator[Tick]:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    columns = (TextColumn(doing), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"))
    with Progress(*columns, console=err(), transient=True) as bar:
        task = bar.add_task("", total=total)
        yield lambda what: bar.update(task, advance=1, description=what)


class _LogLines:
    """Counts items done, and prints a line when a few seconds have passed since the last one."""

    def __init__(self, doing: str, total: int, unit: str):
        self.doing, self.total, self.unit = doing, total, unit
        self.done = 0
        self.last = time.monotonic()

    def __call__(self, what: str) -> None:
        self.done += 1
        now = time.monotonic()
        if now - self.last >= EVERY_SECONDS and self.done < self.total:
            self.last = now
            left = self.total - self.done
            err().print(f"{self.doing}: {self.done} of {count(self.total, self.unit)} done, {left} left", markup=False)
