"""Measure blocks, and split a slide's blocks over as many slides as they need, so nothing runs off a slide.

Heights come from the font's character widths and the same sizes and gaps the PowerPoint writer
draws with, so what we measure here is what people see.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TypeVar

from ..deck.measure import LINE_HEIGHT, FontMetrics
from ..deck.model import Activity, Block, BulletList, Diagram, KeyFact, ListItem, Paragraph, Run, Slide, Table
from ..errors import ToolkitError

GAP = 12.0  # points between blocks
INSET = 7.2  # points: the default top plus bottom inset of a text box
SIDE_INSET = 14.4  # points: the default left plus right inset
CELL_INSET = 7.2  # points: top plus bottom margin of a table cell

_Entry = TypeVar("_Entry")  # a list's item or a table's row


def indent(level: int, size: float) -> float:
    """Points from the left of a text box to a list item's words: room for "10." at any type size."""
    return size * (1.25 + 1.3 * level)


ICON = 36.0  # points: an icon beside a list item
ICON_GAP = 14.0  # points between an icon and its words
PAD = 18.0  # points of room inside a panel, so words never touch its edge
FACT_SIZE = 96.0  # points: the big number of a key fact
FACT_DETAIL = 28.0
ACTIVITY_HEADER = 52.0  # points: who and how long, above an activity's steps
ARROW = 44.0  # points between two steps of a diagram
STOP = 26.0  # points: the circle of a journey's stop


@dataclass(frozen=True)
class Sizes:
    """Type sizes in points, and the body area in points."""

    body: float = 24
    table: float = 20
    width: float = 864.0
    height: float = 356.0
    spacing: float = 0.2  # space after each list item, as a share of the type size

    @property
    def icon(self) -> float:
        """An icon beside a list item: a little taller than a line of its words."""
        return self.body * 1.5


@dataclass(frozen=True)
class Measurer:
    metrics: FontMetrics
    sizes: Sizes

    def block(self, block: Block) -> float:
        """Height in points a block needs. Pictures do not flow with the text: they go beside it."""
        if isinstance(block, Paragraph):
            return INSET + self.metrics.height(block.runs, self.sizes.body, self.sizes.width - SIDE_INSET)
        if isinstance(block, BulletList):
            return INSET + sum(self.item(block, i) for i in range(len(block.items)))
        if isinstance(block, Table):
            return sum(self.row(block, row) for row in (block.header, *block.rows))
        if isinstance(block, Activity):
            return self.activity(block)
        if isinstance(block, KeyFact):
            return self.key_fact(block)
        if isinstance(block, Diagram):
            return self.diagram(block)
        raise TypeError(f"{type(block).__name__} goes beside the text, not in it")  # a bug, not a user's mistake

    def item(self, block: BulletList, index: int) -> float:
        item = block.items[index]
        space = self.sizes.body * self.sizes.spacing
        if item.icon:
            return max(self.sizes.icon, self.icon_item(item)) + space
        width = self.sizes.width - SIDE_INSET - indent(min(item.level, 2), self.sizes.body)
        return self.metrics.height(item.runs, self.sizes.body, width) + space

    def icon_item(self, item: ListItem) -> float:
        """Height of the words of an item drawn beside its icon, in their own box."""
        width = self.sizes.width - self.sizes.icon - ICON_GAP - SIDE_INSET
        return INSET + self.metrics.height(item.runs, self.sizes.body, width)

    def row(self, table: Table, cells: tuple) -> float:
        width = self.sizes.width / len(table.header) - SIDE_INSET
        lines = max(self.metrics.height(cell, self.sizes.table, width, 1.0) for cell in cells)
        return lines + CELL_INSET

    def panel_text(self, blocks: tuple[Block, ...], width: float) -> float:
        """Height of paragraphs and lists inside a panel `width` points wide."""
        inner = replace(self, sizes=replace(self.sizes, width=width - 2 * PAD + SIDE_INSET))
        return sum(inner.block(b) - INSET for b in blocks) + INSET

    def activity(self, activity: Activity) -> float:
        height = ACTIVITY_HEADER + GAP + self.panel_text(activity.blocks, self.sizes.width) + 2 * PAD
        if activity.outcome:
            words = self.metrics.height(activity.outcome, self.sizes.body, self.outcome_width())
            height += 2 * GAP + max(ICON, words + INSET)
        return height

    def outcome_width(self) -> float:
        return self.sizes.width - ICON - ICON_GAP - SIDE_INSET

    def key_fact(self, fact: KeyFact) -> float:
        width = self.sizes.width - 2 * PAD - SIDE_INSET
        value = self.metrics.line_count((Run(fact.value, bold=True),), FACT_SIZE, width) * FACT_SIZE * LINE_HEIGHT
        detail = self.metrics.height(fact.detail, FACT_DETAIL, width) if fact.detail else 0.0
        return max(2 * PAD + value + detail + INSET, self.sizes.height * 0.6)  # a fact stands out

    def step_width(self, count: int) -> float:
        return (self.sizes.width - (count - 1) * ARROW) / count

    def diagram(self, diagram: Diagram) -> float:
        if diagram.kind == "journey":
            width = self.sizes.width / len(diagram.items) - SIDE_INSET
            words = max(self.metrics.height(i.runs, self.sizes.body, width) for i in diagram.items)
            return STOP + GAP + words + INSET
        width = self.step_width(len(diagram.items)) - 2 * PAD
        words = max(self.metrics.height(i.runs, self.sizes.body, width) for i in diagram.items)
        return max(words + 2 * PAD, self.sizes.height * 0.4)


def paginate(slide: Slide, measure: Measurer, source: str, side: int = 0) -> list[Slide]:
    """The slide, or the slide and its continuations, each fitting the body area. Continuations have no
    notes: the writer gives them a "(continued)" title and a note, in the deck's language.

    `side` is how many web addresses fit in the column beside the text; each page keeps within it.
    """
    pages: list[list[Block]] = [[]]
    room = measure.sizes.height
    for block in slide.blocks:
        for piece in _pieces(block, measure, source, slide, side):
            need = measure.block(piece) + (GAP if pages[-1] else 0.0)
            too_many = side and len(addresses([*pages[-1], piece])) > side
            if (need > room or too_many) and pages[-1]:
                pages.append([])
                room, need = measure.sizes.height, measure.block(piece)
            pages[-1].append(piece)
            room -= need
    return [
        Slide(
            slide.title,
            tuple(blocks),
            slide.notes if n == 0 else (),
            slide.line,
            slide.layout,
        )
        for n, blocks in enumerate(pages)
    ]


def addresses(blocks: list[Block] | tuple[Block, ...]) -> list[str]:
    """The web addresses that blocks link to, once each, in order: each gets a QR code beside the text."""
    found: list[str] = []
    for block in blocks:
        for runs in _inlines(block):
            found.extend(r.link for r in runs if r.link and r.link.startswith(("http://", "https://")))
    return list(dict.fromkeys(found))


def _inlines(block: Block):
    if isinstance(block, Paragraph):
        yield block.runs
    elif isinstance(block, (BulletList, Diagram)):
        yield from (i.runs for i in block.items)
    elif isinstance(block, Table):
        yield from (c for row in (block.header, *block.rows) for c in row)
    elif isinstance(block, Activity):
        for inner in block.blocks:
            yield from _inlines(inner)
        yield block.outcome
    elif isinstance(block, KeyFact):
        yield block.detail


def _pieces(block: Block, measure: Measurer, source: str, slide: Slide, side: int) -> list[Block]:
    """A block cut into parts that each fit on an empty slide; an error if it cannot be cut."""
    limit = measure.sizes.height
    many = side and len(addresses([block])) > side
    if measure.block(block) <= limit and not many:
        return [block]
    if isinstance(block, BulletList):
        return _split(block.items, lambda items: replace(block, items=items), measure, limit, source, slide, side)
    if isinstance(block, Table):
        return _split(block.rows, lambda rows: replace(block, rows=rows), measure, limit, source, slide, side)
    what = {Activity: "activity", KeyFact: "key fact", Diagram: "diagram"}.get(type(block), "paragraph")
    raise ToolkitError(
        f"an {what} on slide '{slide.title}' is too long for one slide: shorten it or split it", source, slide.line
    )


def _split(
    entries: tuple[_Entry, ...],
    rebuild: Callable[[tuple[_Entry, ...]], Block],
    measure: Measurer,
    limit: float,
    source: str,
    slide: Slide,
    side: int,
) -> list[Block]:
    """Cut a list's items or a table's rows into runs that fit; `rebuild` makes the block for a run
    (a table keeps its header on each part)."""
    parts: list[Block] = []
    current: list[_Entry] = []

    def fits(trial: Block) -> bool:
        return measure.block(trial) <= limit and (not side or len(addresses([trial])) <= side)

    for entry in entries:
        if current and not fits(rebuild((*current, entry))):
            parts.append(rebuild(tuple(current)))
            current = []
        current.append(entry)
        if not fits(rebuild((entry,))):
            raise ToolkitError(
                f"one line on slide '{slide.title}' is too long for a slide: shorten it", source, slide.line
            )
    parts.append(rebuild(tuple(current)))
    return parts
