"""The system programs some formats need, found on the PATH, with the Debian package to install when one is missing."""

from __future__ import annotations

import shutil
import subprocess

from ..errors import ToolkitError


def program(name: str, package: str, making: str) -> str:
    """The full path of `name`, or an error that says which Debian package gives it."""
    found = shutil.which(name)
    if not found:
        raise ToolkitError(f"{making} needs {name}: install the Debian package {package} (sudo apt install {package})")
    return found


def run_program(args: list[str], data: bytes, making: str) -> bytes:
    """Run a program with `data` on its standard input and return its output; a failure is one clear line."""
    try:
        done = subprocess.run(args, input=data, capture_output=True, check=False)
    except OSError as err:
        raise ToolkitError(f"{making}: could not run {args[0]} ({err.strerror})") from None
    if done.returncode:
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ToolkitError(f"{making}: {args[0]} failed ({said[-1] if said else f'exit code {done.returncode}'})")
    return done.stdout
