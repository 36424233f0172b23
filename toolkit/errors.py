"""The one error class users see: a message, and where the problem is."""

from __future__ import annotations

from pathlib import Path


class ToolkitError(Exception):
    """A problem the user can fix. The CLI prints it on one line and exits non-zero."""

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line

    def __reduce__(self) -> tuple:
        """Keep the path and line when an error travels back from a worker process."""
        return (type(self), (self.message, self.path, self.line))

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = self.path + (f":{self.line}" if self.line else "") + ": "
        return where + self.message
