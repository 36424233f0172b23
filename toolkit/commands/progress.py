"""Progress of long commands: a bar in a terminal, a short line every few seconds in a log.

A build of many sites can run for minutes in CI or a scheduled job, where nobody sees a bar. There,
a line now and then ("Building: 120 of 792 files done, 672 left") shows it is still working.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from .shared import count, err, in_colour

if TYPE_CHECKING:
    from ..checks.run import Progress

EVERY_SECONDS = 5.0  # how often a log gets a line


@contextmanager
def progress(doing: str, unit: str, total: int = 0) -> Iterator[Progress]:
    """Show progress of `total` items: `doing` names the work ("Building"), `unit` the items ("file")."""
    if in_colour(sys.stderr):
        with _bar(doing, total) as bar:
            yield bar
    else:
        yield _LogLines(doing, unit, total)


@contextmanager
def _bar(doing: str, total: int) -> Iterator[Progress]:
    from rich import progress as rich

    what = rich.TextColumn("{task.description}")
    columns = (rich.TextColumn(doing), rich.BarColumn(), rich.MofNCompleteColumn(), what)
    with rich.Progress(*columns, console=err(), transient=True) as shown:
        task = shown.add_task("", total=total)

        class Bar:
            def __call__(self, what: str) -> None:
                shown.update(task, advance=1, description=what)

            def expect(self, total: int) -> None:
                shown.update(task, total=total)

        yield Bar()


class _LogLines:
    """Counts items done, and prints a line when a few seconds have passed since the last one."""

    def __init__(self, doing: str, unit: str, total: int):
        self.doing, self.unit, self.total = doing, unit, total
        self.done = 0
        self.last = time.monotonic()

    def __call__(self, what: str) -> None:
        self.done += 1
        now = time.monotonic()
        if now - self.last >= EVERY_SECONDS and self.done < self.total:
            self.last = now
            left = self.total - self.done
            err().print(f"{self.doing}: {self.done} of {count(self.total, self.unit)} done, {left} left", markup=False)

    def expect(self, total: int) -> None:
        self.total = total
