"""The one error class users see: a message, and where the problem is."""

from __future__ import annotations

import re
from pathlib import Path

# Exit codes, the same for every command (see docs/errors.md).
EXIT_OK = 0  # it did what was asked
EXIT_PROBLEMS = 1  # it ran, and found problems (check, validate, import) or some files failed (build, handout)
EXIT_BAD_INPUT = 2  # it could not run: a wrong option, a file or folder it cannot use, a full disk
EXIT_BUG = 3  # a bug in the toolkit: the message names a log file with the details


_LINE_BREAKS = re.compile("[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+")


def one_line(text: str) -> str:
    """`text` with any line breaks in it (from a value quoted in a message) made spaces: an error is one line."""
    return _LINE_BREAKS.sub(" ", text)


class ToolkitError(Exception):
    """A problem the user can fix. The CLI prints it on one line and exits non-zero."""

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None):
        message = one_line(message)
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


class OutputError(ToolkitError):
    """A file could not be written: a full disk, a read-only folder. Nothing more can be written, so work stops."""
