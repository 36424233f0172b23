"""Send packs: a claimant's handouts in one folder, with a message a work coach can paste into their journal."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .content.loader import find_sites, load_site, select_sites
from .deck.audience import GENERAL
from .deck.session import make_deck
from .errors import ToolkitError
from .files import write_atomic
from .handout.styles import STANDARD, STYLES, Style, style_named
from .i18n import N_, Words, language
from .i18n.catalogues import make_translator
from .project import ContentRoot
from .render import format_order, handout_formats

MESSAGE = "message.txt"


def check_handout_formats(formats: Iterable[str]) -> None:
    """Refuse formats that are not handouts, such as pptx, with the choices in the message."""
    known = handout_formats()
    for fmt in formats:
        if fmt not in known:
            raise ToolkitError(f"handouts come as {', '.join(sorted(known))}, not '{fmt}'")


def write_packs(root: ContentRoot, out: Path, written: list[dict[str, str]]) -> list[Path]:
    """One folder for each site, topic, audience and style, beside the handouts: copies of them and message.txt.

    Formats without styles, such as plain text, go in every style's pack.
    """
    groups: dict[tuple[str, str, str, str, str], list[dict[str, str]]] = {}
    for entry in written:
        key = (entry["district"], entry["site"], entry["topic"], entry.get("audience", GENERAL), entry["language"])
        groups.setdefault(key, []).append(entry)
    folders = []
    for (district, site, topic, audience, tag), entries in sorted(groups.items()):
        ref = select_sites(find_sites(root.content), district, site)[0]
        translator = make_translator(root.templates, language(tag))
        title = make_deck(root, load_site(root.content, ref), topic, audience, translator, easy_read=False).meta.title
        for style, chosen in _packs(entries):
            folders.append(_write_pack(out, chosen, topic, style.name, title, Words(translator.fork())))
    return folders


def _packs(entries: list[dict[str, str]]) -> list[tuple[Style, list[dict[str, str]]]]:
    """A pack for each style asked for, and the files in it: those made in the style, and, for a style that
    only changes the look, the standard files of formats with no look of their own, like plain text. Easy Read
    has its own words, so its pack holds only Easy Read files. Plain text alone makes one standard pack."""
    styled = {name for name, fmt in handout_formats().items() if fmt.styled}
    names = {e["style"] for e in entries if e["format"] in styled or style_named(e["style"]).rewrites}
    packs = []
    for style in (style_named(name) for name in sorted(names) or [STANDARD]):
        own = [e for e in entries if e["style"] == style.name]
        shared = [] if style.rewrites else [e for e in entries if e["style"] == STANDARD and e["format"] not in styled]
        packs.append((style, own + [e for e in shared if e not in own]))
    return packs


def _write_pack(
    out: Path, entries: list[dict[str, str]], topic: str, style: str, title: str, words: Words | None = None
) -> Path:
    """The pack goes beside the handouts and is named like them: <topic>[.<audience>][.<style>]-pack."""
    audience = entries[0].get("audience", GENERAL)
    suffix = ("" if audience == GENERAL else f".{audience}") + ("" if style == "standard" else f".{style}")
    folder = out / Path(entries[0]["path"]).parent / f"{topic}{suffix}-pack"
    files = sorted((out / e["path"] for e in entries), key=lambda p: format_order(p.suffix[1:]))
    for path in files:
        write_atomic(folder / path.name, path.read_bytes())
    message = pack_message(title, [p.name for p in files], style, words)
    write_atomic(folder / MESSAGE, message.encode("utf-8"))
    return folder


MESSAGE_PARTS = (
    N_('I have attached a handout from the group session "%(title)s".'),
    N_("It has everything the group saw and heard, so you do not miss anything. Read it when it suits you."),
    N_("What is attached:"),
    N_(
        "The handout is in %(style)s. If you would like it in another format, like %(others)s or another language, "
        "send me a message here or tell me at your next appointment."
    ),
    N_(
        "At the end of the handout there are some questions. Bring your questions to your next appointment, "
        "and we will go through them together."
    ),
)
DRAFT_MESSAGE = N_("This translation has not been checked by a qualified translator yet.")
# The same message in Easy Read, for an Easy Read pack: short sentences, one idea each.
EASY_READ_MESSAGE_PARTS = (
    N_('I have sent you an Easy Read booklet about the group session "%(title)s".'),
    N_("It tells you what we talked about. Read it when you like."),
    N_("What I have sent:"),
    N_("You can ask for it in other ways, like large print or audio. Send me a message, or tell me when we meet."),
    N_("At the end there are hard words and who can help. We can go through it together at your next appointment."),
)


def pack_message(title: str, files: list[str], style: str, words: Words | None = None) -> str:
    """A short covering message in Plain English: what is attached, and how to ask for another format."""
    words = words or Words()
    kinds = handout_formats()
    attached = "\n".join(f"- {name}: {words(kinds[name.rsplit('.', 1)[-1]].handout)}" for name in files)
    chosen = style_named(style)
    label = words(chosen.label)
    others = [words(s.label) for s in STYLES.values() if s.name not in (style, STANDARD)]
    opening, everything, what, formats, questions = EASY_READ_MESSAGE_PARTS if chosen.rewrites else MESSAGE_PARTS
    paragraphs = [
        words(opening, title=title),
        words(everything),
        f"{words(what)}\n{attached}",
        words(formats, style=label, others=", ".join(others)),
        words(questions),
    ]
    paragraphs[:0] = words.notices(DRAFT_MESSAGE)
    return "\n\n".join(paragraphs) + "\n"
