"""Send packs: a claimant's handouts in one folder, with a message a work coach can paste into their journal."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..content.loader import find_sites, load_site, select_sites
from ..deck.audience import GENERAL
from ..deck.session import make_deck
from ..errors import ToolkitError
from ..files import write_atomic
from ..project import ContentRoot
from ..render import STYLED
from .styles import STYLES, style_named

HANDOUT_FORMATS = {
    "pdf": "a PDF file, to read on screen or to print",
    "docx": "a Word file",
    "html": "a web page, which works well on a phone",
    "txt": "plain text",
}
MESSAGE = "message.txt"


def check_handout_formats(formats: Iterable[str]) -> None:
    """Refuse formats that are not handouts, such as pptx, with the choices in the message."""
    for fmt in formats:
        if fmt not in HANDOUT_FORMATS:
            raise ToolkitError(f"handouts come as {', '.join(sorted(HANDOUT_FORMATS))}, not '{fmt}'")


def write_packs(root: ContentRoot, out: Path, written: list[dict[str, str]]) -> list[Path]:
    """One folder for each site, topic, audience and style, beside the handouts: copies of them and message.txt.

    Formats without styles, such as plain text, go in every style's pack.
    """
    groups: dict[tuple[str, str, str, str], list[dict[str, str]]] = {}
    for entry in written:
        key = (entry["district"], entry["site"], entry["topic"], entry.get("audience", GENERAL))
        groups.setdefault(key, []).append(entry)
    folders = []
    for (district, site, topic, audience), entries in sorted(groups.items()):
        ref = select_sites(find_sites(root.content), district, site)[0]
        title = make_deck(root, load_site(root.content, ref), topic, audience).meta.title
        for style in sorted({e["style"] for e in entries if e["format"] in STYLED}) or ["standard"]:
            chosen = [e for e in entries if e["style"] == style or e["format"] not in STYLED]
            folders.append(_write_pack(out, chosen, topic, style, title))
    return folders


def _write_pack(out: Path, entries: list[dict[str, str]], topic: str, style: str, title: str) -> Path:
    """The pack goes beside the handouts and is named like them: <topic>[.<audience>][.<style>]-pack."""
    audience = entries[0].get("audience", GENERAL)
    suffix = ("" if audience == GENERAL else f".{audience}") + ("" if style == "standard" else f".{style}")
    folder = out / Path(entries[0]["path"]).parent / f"{topic}{suffix}-pack"
    files = sorted((out / e["path"] for e in entries), key=lambda p: list(HANDOUT_FORMATS).index(p.suffix[1:]))
    for path in files:
        write_atomic(folder / path.name, path.read_bytes())
    write_atomic(folder / MESSAGE, pack_message(title, [p.name for p in files], style).encode("utf-8"))
    return folder


def pack_message(title: str, files: list[str], style: str) -> str:
    """A short covering message in Plain English: what is attached, and how to ask for another format."""
    attached = "\n".join(f"- {name}: {HANDOUT_FORMATS[name.rsplit('.', 1)[-1]]}" for name in files)
    label = style_named(style).label
    others = [s.label for s in STYLES.values() if s.name not in (style, "standard")]
    return (
        f'I have attached a handout from the group session "{title}".\n\n'
        "It has everything the group saw and heard, so you do not miss anything. "
        "Read it when it suits you.\n\n"
        f"What is attached:\n{attached}\n\n"
        f"The handout is in {label}. If you would like it in another format, like {', '.join(others)} or another "
        "language, send me a message here or tell me at your next appointment.\n\n"
        "At the end of the handout there are some questions. Bring your questions to your next appointment, "
        "and we will go through them together.\n"
    )
