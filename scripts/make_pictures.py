"""Make the pictures of slides in docs/pictures/, which docs/authoring.md and README.md show.

Run it again whenever the templates, the slide master or the look of slides change:

    python scripts/make_pictures.py

It builds the example decks for one English site and one Arabic deck with the `toolkit` command,
makes pictures of every slide with `toolkit preview` (needs LibreOffice and Poppler), then copies a
few slides into docs/pictures/, about 960 pixels wide. It picks each slide by what is on it (its
layout and the names of its shapes, such as "Big fact" or "QR code"), not by its number, so it keeps
working when templates gain or lose slides. It prints what it wrote, and says what it could not find.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PIL import Image
from pptx import Presentation

ROOT = Path(__file__).resolve().parents[1]
PICTURES = ROOT / "docs" / "pictures"
WIDTH = 960  # pixels: sharp on a docs page, small in the repository
SITE = "leeds-eastgate"
ARABIC_SITE = "bradford-eastbrook"
# Topics in the order we prefer them, for ties and for the Arabic deck: transport uses the most parts.
TOPICS = ("transport", "support", "employers", "star", "cv", "welcome")


@dataclass(frozen=True)
class SlideInfo:
    """What a slide holds, read from the built .pptx."""

    deck: Path
    topic: str
    lang: str
    number: int  # from 1
    layout: str
    title: str
    shapes: tuple[str, ...]  # shape names, like "Title 1", "Icon: bus", "QR code"
    cover_lines: int  # lines of text under the cover's title: the jobcentre, then the day and time

    def has(self, prefix: str) -> int:
        return sum(1 for name in self.shapes if name.startswith(prefix))

    @property
    def continued(self) -> bool:
        return self.title.rstrip().endswith(")") and "continued" in self.title.lower()

    @property
    def picture(self) -> Path:
        """Where `toolkit preview` puts this slide's picture."""
        return self.deck.parent / "previews" / self.deck.stem / f"slide-{self.number:02d}.png"

    def describe(self) -> str:
        site = self.deck.parent.parent.name
        return f"{site} {self.lang}/{self.topic} slide {self.number} ({self.layout}): {self.title!r}"


# Each picture: its file name, what it shows, and a score for a slide (None: the slide does not fit).
Score = Callable[[SlideInfo], float | None]


def _cover(s: SlideInfo) -> float | None:
    if s.number != 1 or s.layout not in ("Cover", "Title Slide"):
        return None
    return 1.0 + (s.cover_lines >= 2)  # one that shows the day and time is better


def _activity(s: SlideInfo) -> float | None:
    if not s.has("Activity steps") or s.continued:
        return None
    return 1.0 + 2 * s.has("Outcome") + (s.has("Activity: ") >= 2)  # with an outcome and the minutes


def _key_fact(s: SlideInfo) -> float | None:
    return 1.0 if s.has("Big fact") and not s.continued else None


def _icons(s: SlideInfo) -> float | None:
    if s.layout in ("Activity", "Closing", "Cover") or s.continued:
        return None
    icons = s.has("Icon: ")
    if icons < 1 or not (s.has("Item ") or s.layout in ("Two Columns", "Two Content")):
        return None
    return icons - 3.0 * s.has("QR code")  # the most icons, and no QR codes to distract from them


def _diagram(s: SlideInfo) -> float | None:
    shapes = s.has("Step ") + s.has("Stop ") + s.has("Journey line")
    return 1.0 + shapes / 100 if shapes and not s.continued else None


def _qr_code(s: SlideInfo) -> float | None:
    if not s.has("QR code") or s.layout in ("Closing", "Cover") or s.continued:
        return None
    return 3.0 + s.has("QR code") - s.has("Icon: ") - s.has("Table")  # QR codes beside plain text


def _closing(s: SlideInfo) -> float | None:
    return 1.0 + s.has("Icon: ") / 100 if s.layout == "Closing" and not s.continued else None


def _arabic(s: SlideInfo) -> float | None:
    if s.lang != "ar" or s.number == 1 or s.continued:
        return None
    if s.has("Item ") and s.has("Icon: "):
        return 5.0 + s.has("QR code")  # icons and QR codes show how the slide is mirrored
    if s.has("Outcome"):
        return 4.0
    if s.has("Activity steps"):
        return 3.0
    return 2.0 if s.has("QR code") else None


@dataclass(frozen=True)
class Wanted:
    name: str
    what: str
    score: Score
    arabic: bool = False


WANTED = (
    Wanted("cover.png", "a cover", _cover),
    Wanted("activity.png", "an activity slide", _activity),
    Wanted("key-fact.png", "a key fact slide", _key_fact),
    Wanted("icons.png", "a slide with icons", _icons),
    Wanted("diagram.png", "a diagram (steps or journey)", _diagram),
    Wanted("qr-code.png", "a slide with a QR code", _qr_code),
    Wanted("closing.png", "a closing slide", _closing),
    Wanted("arabic.png", "an Arabic slide", _arabic, arabic=True),
)


def toolkit(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the toolkit command on this checkout's templates and content."""
    command = [sys.executable, "-m", "toolkit", "--root", str(ROOT), *args]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


def run(*args: str) -> None:
    done = toolkit(*args)
    if done.returncode:
        sys.exit(f"toolkit {' '.join(args)} failed:\n{done.stdout}{done.stderr}")


def build_arabic(out: Path, site: str, topics: tuple[str, ...]) -> str:
    """Build one Arabic deck: the first topic whose translation is complete, or the first with English gaps."""
    for topic in topics:
        if toolkit("build", "--site", site, "--lang", "ar", "--topic", topic, "--out", str(out)).returncode == 0:
            return topic
    print(f"No Arabic deck is fully translated: building '{topics[0]}' with --allow-missing", file=sys.stderr)
    run("build", "--site", site, "--lang", "ar", "--topic", topics[0], "--out", str(out), "--allow-missing")
    return topics[0]


def read_slides(out: Path) -> list[SlideInfo]:
    """Every slide of every deck under `out`, in a fixed order: English before Arabic, topics as in TOPICS."""
    decks = sorted(out.rglob("*.pptx"), key=_deck_order)
    slides = []
    for deck in decks:
        prs = Presentation(str(deck))
        for number, slide in enumerate(prs.slides, start=1):
            title = slide.shapes.title.text_frame.text if slide.shapes.title is not None else ""
            subtitle = next((p for p in slide.placeholders if p.placeholder_format.idx == 1), None)
            lines = sum(1 for p in subtitle.text_frame.paragraphs if p.text.strip()) if subtitle is not None else 0
            slides.append(
                SlideInfo(
                    deck,
                    deck.stem.split(".")[0],
                    deck.parent.name,
                    number,
                    slide.slide_layout.name,
                    title,
                    tuple(shape.name for shape in slide.shapes),
                    lines,
                )
            )
    return slides


def _deck_order(deck: Path) -> tuple:
    topic = deck.stem.split(".")[0]
    return (deck.parent.name == "ar", TOPICS.index(topic) if topic in TOPICS else len(TOPICS), deck.as_posix())


def choose(slides: list[SlideInfo]) -> dict[str, SlideInfo | None]:
    """The best slide for each picture; ties go to the first, and no slide is used twice."""
    chosen: dict[str, SlideInfo | None] = {}
    used: set[tuple[Path, int]] = set()
    for wanted in WANTED:
        best, best_score = None, None
        for s in slides:
            if (s.lang == "ar") != wanted.arabic or (s.deck, s.number) in used:
                continue
            score = wanted.score(s)
            if score is not None and (best_score is None or score > best_score):
                best, best_score = s, score
        chosen[wanted.name] = best
        if best is not None:
            used.add((best.deck, best.number))
    return chosen


def save(source: Path, target: Path) -> tuple[int, int]:
    """Copy a slide picture, no wider than WIDTH, as an optimised PNG with no metadata."""
    with Image.open(source) as image:
        picture = image.convert("RGB")
    if picture.width > WIDTH:
        picture = picture.resize((WIDTH, round(picture.height * WIDTH / picture.width)), Image.Resampling.LANCZOS)
    target.parent.mkdir(parents=True, exist_ok=True)
    picture.save(target, "PNG", optimize=True)
    return picture.size


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", default=SITE, help=f"the English site (default: {SITE})")
    parser.add_argument("--arabic-site", default=ARABIC_SITE, help=f"the Arabic site (default: {ARABIC_SITE})")
    parser.add_argument("--arabic-topic", help="the Arabic topic (default: the first fully translated one)")
    parser.add_argument("--work", type=Path, help="build in this folder and keep it (default: a temporary folder)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="make-pictures-") as temporary:
        out = (args.work or Path(temporary)).resolve()
        print(f"Building decks for {args.site} in {out}")
        run("build", "--site", args.site, "--out", str(out))
        topics = (args.arabic_topic,) if args.arabic_topic else TOPICS
        topic = build_arabic(out, args.arabic_site, topics)
        print(f"Built the Arabic '{topic}' deck for {args.arabic_site}")
        print("Making pictures of the slides (LibreOffice)")
        run("preview", "--out", str(out))

        missing = []
        chosen = choose(read_slides(out))
        for wanted in WANTED:
            target = PICTURES / wanted.name
            slide = chosen[wanted.name]
            if slide is None:
                missing.append(wanted)
                continue
            if not slide.picture.is_file():
                sys.exit(f"toolkit preview made no picture for {slide.describe()}: expected {slide.picture}")
            width, height = save(slide.picture, target)
            print(f"Wrote {target.relative_to(ROOT)} ({width}x{height}): {slide.describe()}")
    for wanted in missing:
        print(
            f"Not found: {wanted.what}. No slide in these decks has one, so docs/pictures/{wanted.name} "
            "was not changed.",
            file=sys.stderr,
        )
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
