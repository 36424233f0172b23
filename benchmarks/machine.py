"""Describe the machine and the versions a benchmark ran with, so figures can be compared fairly."""

from __future__ import annotations

import importlib.metadata
import os
import platform
from pathlib import Path


def machine() -> dict[str, object]:
    info = Path("/proc/cpuinfo")
    lines = info.read_text(encoding="utf-8").splitlines() if info.is_file() else []
    names = [line.split(":", 1)[1].strip() for line in lines if line.startswith("model name")]
    cpu = names[0] if names else platform.processor() or platform.machine()
    return {"cpu": cpu, "cores": os.cpu_count(), "python": platform.python_version(), "system": platform.platform()}


def versions(*packages: str) -> dict[str, str]:
    """The installed version of each package."""
    return {name: importlib.metadata.version(name) for name in packages}
