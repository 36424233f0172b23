"""Split a slide's blocks over as many slides as they need, so no text runs off a slide."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..deck.model import Activity, Block, BulletList, Image, Paragraph, Slide, Table
from ..errors import ToolkitError
from .measure import FontMetrics

GAP = 10.0  # points between blocks
INSET = 7.2  # points: the default top plus bottom inset of a text box
SIDE_INSET = 14.4  # points: the default left plus right inset
CELL_INSET = 7.2  # points: top plus bottom margin of a table cell
INDENT = (27.0, 58.5, 90.0)  # points: bullet indent per level, as in the slide master
MIN_IMAGE = 108.0  # points: an image smaller than 1.5 inches is not worth showing


@dataclass(frozen=True)
class Sizes:
    """Type sizes in points, and the body area in points."""

    body: float = 24
    table: float = 20
    width: float = 864.0
    height: float = 356.0


@dataclass(frozen=True)
class Measurer:
    metrics: FontMetrics
    sizes: Sizes

    def block(self, block: Block) -> float:
        """Height in points a block needs; an image asks for the smallest height it may have."""
        if isinstance(block, Paragraph):
            return INSET + self.metrics.height(block.runs, self.sizes.body, self.sizes.width - SIDE_INSET)
        if isinstance(block, BulletList):
            return INSET + sum(self.item(block, i) for i in range(len(block.items)))
        if isinstance(block, Table):
            return sum(self.row(block, row) for row in (block.header, *block.rows))
        if isinstance(block, Activity):
            return INSET + sum(self.block(inner) - INSET for inner in block.blocks)
        return MIN_IMAGE

    def item(self, block: BulletList, index: int) -> float:
        item = block.items[index]
        width = self.sizes.width - SIDE_INSET - INDENT[min(item.level, 2)]
        return self.metrics.height(item.runs, self.sizes.body, width) + self.sizes.body * 0.2

    def row(self, table: Table, cells: tuple) -> float:
        width = self.sizes.width / len(table.header) - SIDE_INSET
        lines = max(self.metrics.height(cell, self.sizes.table, width, 1.0) for cell in cells)
        return lines + CELL_INSET


def paginate(slide: Slide, measure: Measurer, source: str) -> list[Slide]:
    """The slide, or the slide and its continuations, each fitting the body area."""
    pages: list[list[Block]] = [[]]
    room = measure.sizes.height
    for block in slide.blocks:
        for piece in _pieces(block, measure, source, slide):
            need = measure.block(piece) + (GAP if pages[-1] else 0.0)
            if need > room and pages[-1]:
                pages.append([])
                room, need = measure.sizes.height, measure.block(piece)
            pages[-1].append(piece)
            room -= need
    return [
        Slide(
            _continued(slide.title, n),
            tuple(blocks),
            slide.notes if n == 0 else ("Continued from the previous slide.",),
            slide.line,
        )
        for n, blocks in enumerate(pages)
    ]


def _continued(title: str, n: int) -> str:
    return title if n == 0 else f"{title} (continued{'' if n == 1 else f' {n}'})"


def _pieces(block: Block, measure: Measurer, source: str, slide: Slide) -> list[Block]:
    """A block cut into parts that each fit on an empty slide; an error if it cannot be cut."""
    limit = measure.sizes.height
    if measure.block(block) <= limit or isinstance(block, Image):
        return [block]
    if isinstance(block, BulletList):
        return _split(block, "items", lambda b: measure.block(b), limit, source, slide)
    if isinstance(block, Table):
        return _split(block, "rows", lambda b: measure.block(b), limit, source, slide)
    what = "activity" if isinstance(block, Activity) else "paragraph"
    raise ToolkitError(
        f"an {what} on slide '{slide.title}' is too long for one slide: shorten it or split it", source, slide.line
    )


def _split(block: BulletList | Table, field: str, height, limit: float, source: str, slide: Slide) -> list[Block]:
    """Cut a list's items or a table's rows into runs that fit; a table keeps its header on each part."""
    parts: list[Block] = []
    current: list = []
    for entry in getattr(block, field):
        trial = replace(block, **{field: tuple([*current, entry])})
        if current and height(trial) > limit:
            parts.append(replace(block, **{field: tuple(current)}))
            current = []
        current.append(entry)
        if height(replace(block, **{field: (entry,)})) > limit:
            raise ToolkitError(
                f"one line on slide '{slide.title}' is too long for a slide: shorten it", source, slide.line
            )
    parts.append(replace(block, **{field: tuple(current)}))
    return parts
