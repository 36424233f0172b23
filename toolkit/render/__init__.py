"""Writers: one module per output format, each turning a Deck into the bytes of one file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..deck.model import Deck


@dataclass(frozen=True)
class RenderOptions:
    """What a writer may use besides the Deck: the slide master and the folder images come from."""

    master: Path
    assets: Path
    style: str = "standard"


Writer = Callable[[Deck, RenderOptions], bytes]
WRITERS: dict[str, Writer] = {}


def register(fmt: str) -> Callable[[Writer], Writer]:
    """Add a writer for a format; adding a format means one new module that calls this."""

    def add(writer: Writer) -> Writer:
        WRITERS[fmt] = writer
        return writer

    return add


def load_writers() -> dict[str, Writer]:
    """Import every writer module so each registers itself."""
    from . import pptx  # noqa: F401

    return WRITERS
