"""Pictures of slides: each deck's slides as PNG files and one contact sheet, made with LibreOffice.

A work coach can see their decks before opening PowerPoint, and the review site shows the sheets.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from .errors import ToolkitError
from .files import confined, file_sha256, write_atomic

INSTALL_HINT = (
    "install LibreOffice and Poppler (Debian or Ubuntu: sudo apt-get install libreoffice-impress poppler-utils)"
)
SLIDE_WIDTH = 480  # pixels of each slide on the contact sheet
COLUMNS = 4
MARGIN = 16
LABEL = 24
PREVIEWS = "previews.json"  # which deck bytes each preview was made from, so unchanged decks are skipped
TIMEOUT = 600
BATCH = 12  # decks per LibreOffice run: few enough to show progress often, enough that its start-up cost is shared


@dataclass(frozen=True)
class Preview:
    deck: Path
    slides: tuple[Path, ...]
    sheet: Path


def sheet_path(deck: Path) -> Path:
    return deck.with_name(deck.stem + ".contact.png")


def slides_folder(deck: Path) -> Path:
    return deck.parent / "previews" / deck.stem


def make_previews(
    decks: list[Path], out: Path, resolution: int = 60, tick: Callable[[Path], None] = lambda deck: None
) -> tuple[list[Preview], int]:
    """Previews for every deck whose bytes changed since its last preview; returns them and how many were skipped.

    `tick` is told of each deck as its preview is made, or as it is skipped."""
    soffice, pdftoppm = shutil.which("soffice"), shutil.which("pdftoppm")
    if not soffice or not pdftoppm:
        raise ToolkitError(f"previews need LibreOffice and pdftoppm: {INSTALL_HINT}")
    record_path = out / PREVIEWS
    record = _read_record(record_path)
    stale = [d for d in decks if record.get(_key(d, out)) != file_sha256(d) or not sheet_path(d).is_file()]
    for deck in (d for d in decks if d not in stale):
        tick(deck)
    made = []
    with tempfile.TemporaryDirectory() as work:
        for start in range(0, len(stale), BATCH):
            batch = stale[start : start + BATCH]
            for deck, pdf in zip(batch, _to_pdf(soffice, batch, Path(work), first=start), strict=True):
                made.append(_pictures(pdftoppm, deck, pdf, Path(work), resolution, out))
                record[_key(deck, out)] = file_sha256(deck)
                tick(deck)
    if made:
        write_atomic(record_path, (json.dumps(record, indent=2, sort_keys=True) + "\n").encode(), out, keep_mode=False)
    return made, len(decks) - len(stale)


def _read_record(path: Path) -> dict[str, str]:
    """Which deck bytes each preview was made from; a missing or damaged record counts as empty."""
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return record if isinstance(record, dict) else {}


def _key(deck: Path, out: Path) -> str:
    return deck.resolve().relative_to(out.resolve()).as_posix()


def _to_pdf(soffice: str, decks: list[Path], work: Path, first: int) -> list[Path]:
    """One LibreOffice run converts every deck given: starting it costs more than converting one."""
    if not decks:
        return []
    copies = []
    for n, deck in enumerate(decks, start=first):  # numbered copies: decks in different folders share names
        copies.append(work / f"{n:04d}-{deck.name}")
        shutil.copy(deck, copies[-1])
    profile = f"-env:UserInstallation=file://{work}/profile"
    command = [soffice, profile, "--headless", "--convert-to", "pdf", "--outdir", str(work), *map(str, copies)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    pdfs = [copy.with_suffix(".pdf") for copy in copies]
    for deck, pdf in zip(decks, pdfs, strict=True):
        if not pdf.is_file():
            raise ToolkitError(f"LibreOffice could not open the deck ({done.stderr.strip()[:200]})", deck)
    return pdfs


def _pictures(pdftoppm: str, deck: Path, pdf: Path, work: Path, resolution: int, out: Path) -> Preview:
    prefix = work / (pdf.stem + "-slide")
    subprocess.run([pdftoppm, "-r", str(resolution), "-png", str(pdf), str(prefix)], check=True, timeout=TIMEOUT)
    pages = sorted(work.glob(prefix.name + "-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    folder = slides_folder(deck)
    confined(out, folder)  # never remove or write anything outside the output folder, even through a link
    if folder.is_dir():
        shutil.rmtree(folder)  # a deck may have lost slides since last time
    slides = []
    for number, page in enumerate(pages, start=1):
        target = folder / f"slide-{number:02d}.png"
        write_atomic(target, page.read_bytes(), out, keep_mode=False)
        slides.append(target)
    write_atomic(sheet_path(deck), _contact_sheet(pages), out, keep_mode=False)
    return Preview(deck, tuple(slides), sheet_path(deck))


def _contact_sheet(pages: list[Path]) -> bytes:
    """Every slide, numbered, on one image."""
    images = [Image.open(p).convert("RGB") for p in pages]
    height = round(SLIDE_WIDTH * images[0].height / images[0].width)
    rows = -(-len(images) // COLUMNS)
    sheet = Image.new(
        "RGB", (COLUMNS * (SLIDE_WIDTH + MARGIN) + MARGIN, rows * (height + LABEL + MARGIN) + MARGIN), "white"
    )
    draw = ImageDraw.Draw(sheet)
    font = ImageFont.load_default(size=18)
    for n, image in enumerate(images):
        x = MARGIN + (n % COLUMNS) * (SLIDE_WIDTH + MARGIN)
        y = MARGIN + (n // COLUMNS) * (height + LABEL + MARGIN)
        draw.text((x, y), f"Slide {n + 1}", fill="#0b0c0c", font=font)
        sheet.paste(image.resize((SLIDE_WIDTH, height)), (x, y + LABEL))
        draw.rectangle((x - 1, y + LABEL - 1, x + SLIDE_WIDTH, y + LABEL + height), outline="#505a5f")
    buffer = BytesIO()
    sheet.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()
