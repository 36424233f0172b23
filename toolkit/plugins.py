"""Plug-in points: a writer, reader or rule registers itself where it is defined, so adding one adds one module."""

from __future__ import annotations

import pkgutil
from functools import cache
from importlib import import_module


@cache
def import_all(package: str) -> None:
    """Import every module in `package`, so each one that registers something has done so."""
    for module in pkgutil.iter_modules(import_module(package).__path__):
        import_module(f"{package}.{module.name}")
