"""Parse session Markdown (see docs/authoring.md) into a Deck, with markdown-it-py."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode
from mdit_py_plugins.container import container_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from ..content.icons import ICONS, unknown_icon
from ..errors import ToolkitError
from ..i18n.languages import SOURCE, TAGS
from ..text import UNTRANSLATED_END, UNTRANSLATED_START, find_control_character, without_marks
from ..yamlfile import parse_yaml
from .delivery import ONLINE, ROOM
from .model import (
    DIAGRAMS,
    LAYOUTS,
    WHO,
    Activity,
    Block,
    BulletList,
    Diagram,
    EasyLine,
    EasyRead,
    HardWord,
    Image,
    Inline,
    KeyFact,
    ListItem,
    Note,
    Paragraph,
    Run,
    Slide,
    Table,
    plain,
)

MARKDOWN = (
    MarkdownIt("commonmark", {"html": True})  # so raw HTML is found and refused
    .enable("table")
    .use(front_matter_plugin)
    .use(container_plugin, "notes")
    .use(container_plugin, "activity")
    .use(container_plugin, "fact")
    .use(container_plugin, "steps")
    .use(container_plugin, "journey")
    .use(container_plugin, "easy-read")
    .use(container_plugin, "hard-words")
)
EASY_READ_BLOCK = re.compile(r"\s{0,3}:::\s*(?:easy-read|hard-words)\b")
LAYOUT_CHOICE = re.compile(r"\s*\{([a-z -]+)\}\s*$")  # "# Plan for today {section}", "# Ground rules {room}"
LIVE_ONLY = "room"  # a title choice: the slide is about the live session itself, and handouts leave it out
OUTCOME = "You end with:"  # starts the line of an activity that says what each person ends with
ANSWER = "Answer:"  # starts the line of an activity with its answer, or a model answer
AT_HOME = "At home:"  # starts the part of an activity written for someone on their own, for handouts
ONLINE_STEPS = "Online:"  # starts the part of an activity that says how to run it on a video call
# Each line of speaker notes starts with what it is (see docs/authoring.md, "Speaker notes").
NOTE_TYPES = {
    "Say:": "say",
    "Ask:": "ask",
    "Listen for:": "listen",
    "Answer:": "answer",
    "Example:": "example",
    "Do:": "do",
    "Tip:": "tip",
    "Time:": "time",
}
# Words that start a line, stay English, and are never translated.
LINE_TYPES = (*NOTE_TYPES, OUTCOME, AT_HOME, ONLINE_STEPS)
_TYPE_LIKE = re.compile(r"^([A-Z][a-z]+(?: [a-z]+)?):")  # "Note:", to name an unknown type in the error


@dataclass(frozen=True)
class ParsedSession:
    front_matter: dict[str, Any]
    slides: tuple[Slide, ...]


def parse_session(text: str, source: str, delivery: str = ROOM, easy_read: bool = True) -> ParsedSession:
    """Split Markdown into front matter and slides; `source` names the file in errors.

    Activities keep the steps for the `delivery`: their `Online:` steps on a video call, the others in a room.
    Without `easy_read`, the Easy Read blocks are left out unread: a build that makes no Easy Read handout
    skips a third of the parsing.
    """
    if not easy_read:
        text = without_easy_read(text)
    bad = find_control_character(without_marks(text))
    if bad:
        bad_line = text[: text.find(chr(int(bad[2:], 16)))].count("\n") + 1
        raise ToolkitError(f"contains a control character ({bad}): delete it", source, bad_line)
    root = SyntaxTreeNode(MARKDOWN.parse(text))
    front: dict[str, Any] = {}
    slides: list[_SlideBuilder] = []
    for node in root.children:
        line = node.map[0] + 1 if node.map else None
        if _is_comment(node):
            continue
        if node.type == "front_matter":
            front = _front_matter(without_marks(node.content), source)
        elif node.type == "hr":
            slides.append(_SlideBuilder(source, line, delivery))
        elif node.type == "heading" and node.tag == "h1":
            if not slides or slides[-1].title is not None:
                slides.append(_SlideBuilder(source, line, delivery))
            title, choices = _title_and_choices(plain(_inline(node, source)), source, line)
            slides[-1].title, slides[-1].layout, slides[-1].room = title, choices.layout, choices.room
            slides[-1].line = line
        elif not slides:
            raise ToolkitError("text before the first slide: start each slide with '# Title'", source, line)
        else:
            slides[-1].add(node, line)
    built = tuple(s.build() for s in slides if not s.empty)
    if not built:
        raise ToolkitError("has no slides: start each slide with '# Title'", source)
    _check_unique_titles(built, source)
    return ParsedSession(front, built)


def without_easy_read(text: str) -> str:
    """The Markdown with each '::: easy-read' and '::: hard-words' block made blank lines, so the lines after
    them keep their numbers for errors. These blocks hold no other blocks, so the first ':::' ends one."""
    lines = text.splitlines(keepends=True)
    inside = False
    for number, line in enumerate(lines):
        if not inside and EASY_READ_BLOCK.match(line):
            inside = True
        if inside:
            lines[number] = "\n" if line.endswith("\n") else ""
            inside = line.strip() != ":::"
    return "".join(lines)


@dataclass(frozen=True)
class _Choices:
    layout: str | None = None
    room: bool = False


def _title_and_choices(text: str, source: str, line: int | None) -> tuple[str, _Choices]:
    """A title may end with choices in braces: the layout its slide should use ('# Plan for today
    {section}'), and 'room' for a slide only the group needs, such as ground rules."""
    found = LAYOUT_CHOICE.search(text)
    if not found:
        return text, _Choices()
    words = found.group(1).split()
    layouts = [w for w in words if w != LIVE_ONLY]
    unknown = [w for w in layouts if w not in LAYOUTS]
    if unknown or len(layouts) > 1:
        raise ToolkitError(
            f"unknown choice '{{{found.group(1)}}}': "
            f"use one layout of {', '.join(LAYOUTS)}, and '{LIVE_ONLY}' if you need it",
            source,
            line,
        )
    layout = layouts[0] if layouts else None
    return text[: found.start()], _Choices(layout, LIVE_ONLY in words or layout == "break")


def _front_matter(content: str, source: str) -> dict[str, Any]:
    """The settings between the '---' lines, read with the same limits as content files."""
    if not content.strip():
        return {}
    try:
        return parse_yaml(content, Path(source)).data
    except ToolkitError as err:
        line = err.line + 1 if err.line else 1  # the front matter starts on the file's second line
        if not err.message.startswith("YAML error"):
            raise ToolkitError(f"front matter: {err.message}", source, line) from None
        hint = 'quote content values with the yaml filter: title: {{ ("Jobs in " ~ area) | yaml }}'
        raise ToolkitError(f"front matter is not valid YAML: {hint}", source, line) from None


def _text_runs(text: str, bold: bool, link: str | None) -> list[Run]:
    """Runs for some text: a stretch of untranslated local content gets a run of its own, tagged English."""
    runs, untranslated = [], False
    for piece in text.replace(UNTRANSLATED_END, UNTRANSLATED_START).split(UNTRANSLATED_START):
        runs.append(Run(piece, bold, link, TAGS[SOURCE] if untranslated else None))
        untranslated = not untranslated
    return runs


def _is_comment(node: SyntaxTreeNode) -> bool:
    """Comments are for authors and checks, such as '<!-- toolkit: ignore ... -->'; slides skip them."""
    return node.type == "html_block" and node.content.lstrip().startswith("<!--")


def _check_unique_titles(slides: tuple[Slide, ...], source: str) -> None:
    seen: set[str] = set()
    for slide in slides:
        if slide.title.casefold() in seen:
            raise ToolkitError(
                f"two slides are called '{slide.title}': give each slide its own title", source, slide.line
            )
        seen.add(slide.title.casefold())


class _SlideBuilder:
    def __init__(self, source: str, line: int | None, delivery: str):
        self.source, self.line, self.delivery = source, line, delivery
        self.title: str | None = None
        self.layout: str | None = None
        self.room = False
        self.blocks: list[Block] = []
        self.notes: list[Note] = []
        self.easy_read: EasyRead | None = None
        self.hard_words: list[HardWord] = []

    @property
    def empty(self) -> bool:
        return self.title is None and not self.blocks and not self.notes

    def add(self, node: SyntaxTreeNode, line: int | None) -> None:
        if _is_comment(node):
            return
        if node.type == "container_notes":
            self.notes.extend(_notes(node, self.source))
        elif node.type == "container_activity":
            self.blocks.append(_activity(node, self.source, line, self.delivery))
        elif node.type == "container_fact":
            self.blocks.append(_key_fact(node, self.source, line))
        elif node.type in ("container_steps", "container_journey"):
            self.blocks.append(_diagram(node, self.source, line))
        elif node.type == "container_easy-read":
            if self.easy_read is not None:
                raise ToolkitError("a slide can have one '::: easy-read' block: join them", self.source, line)
            self.easy_read = _easy_read(node, self.source, line)
        elif node.type == "container_hard-words":
            self.hard_words.extend(_hard_words(node, self.source, line))
        else:
            self.blocks.append(_block(node, self.source))

    def build(self) -> Slide:
        if not self.title:
            raise ToolkitError("a slide has no title: start it with '# Title'", self.source, self.line)
        easy = self.easy_read
        if self.hard_words:
            if easy is None:
                raise ToolkitError("'::: hard-words' explains words in a '::: easy-read' block: add one", self.source)
            easy = replace(easy, hard_words=tuple(self.hard_words))
        slide = Slide(self.title, tuple(self.blocks), tuple(self.notes), self.line, self.layout, self.room, easy)
        return replace(slide, easy_read=replace(easy, title=easy.title or self.title)) if easy else slide


def _inside(node: SyntaxTreeNode, source: str) -> list[Block]:
    return [_block(child, source) for child in node.children if not _is_comment(child)]


def _activity(node: SyntaxTreeNode, source: str, line: int | None, delivery: str) -> Activity:
    """'::: activity pairs 5': who does it and for how many minutes; 'You end with:' starts its outcome,
    'Answer:' its answer or a model answer, 'Online:' the steps on a video call, and 'At home:' the steps
    for someone on their own. The steps shown are those for the delivery."""
    who, minutes = _activity_settings(node.info, source, line)
    parts: dict[str, list[Block]] = {"": [], ONLINE_STEPS: [], AT_HOME: []}
    part = ""
    outcome: Inline = ()
    answer: Inline = ()
    for block in _inside(node, source):
        text = plain(block.runs) if isinstance(block, Paragraph) else ""
        if text.startswith(OUTCOME):
            outcome = _without_prefix(block.runs, OUTCOME)  # type: ignore[union-attr]
        elif text.startswith(ANSWER):
            answer = _without_prefix(block.runs, ANSWER)  # type: ignore[union-attr]
        elif text.startswith((ONLINE_STEPS, AT_HOME)):
            part = ONLINE_STEPS if text.startswith(ONLINE_STEPS) else AT_HOME
            parts[part].append(Paragraph(_without_prefix(block.runs, part)))  # type: ignore[union-attr]
        elif isinstance(block, (Paragraph, BulletList)):
            parts[part].append(block)
        else:
            raise ToolkitError("an activity can hold only paragraphs and lists: put a table on the slide", source, line)
    online, at_home = (tuple(b for b in parts[name] if _has_text(b)) for name in (ONLINE_STEPS, AT_HOME))
    if delivery == ONLINE and not online:
        raise ToolkitError(
            "this activity has no 'Online:' steps: add how to run it on a video call (see docs/authoring.md)",
            source,
            line,
        )
    room = tuple(parts[""])
    if delivery == ONLINE:  # someone at home does it as they would in the room, not as on a call
        return Activity(online, who, minutes, outcome, answer, at_home or room, online=True)
    return Activity(room, who, minutes, outcome, answer, at_home)


def _has_text(block: Block) -> bool:
    return not isinstance(block, Paragraph) or bool(plain(block.runs).strip())


def _activity_settings(info: str, source: str, line: int | None) -> tuple[str, int | None]:
    words = info.split()[1:]
    hint = f"write '::: activity WHO MINUTES', where WHO is {', '.join(WHO)}, like '::: activity pairs 5'"
    if not words or words[0] not in WHO or len(words) > 2 or (len(words) == 2 and not words[1].isdigit()):
        raise ToolkitError(f"an activity must say who does it: {hint}", source, line)
    return words[0], int(words[1]) if len(words) == 2 else None


def _without_prefix(runs: Inline, prefix: str) -> Inline:
    """Runs with their first `prefix` characters cut off."""
    left, out = len(prefix), []
    for run in runs:
        cut = min(left, len(run.text))
        left -= cut
        text = run.text[cut:].lstrip() if cut else run.text
        if text:
            out.append(Run(text, run.bold, run.link, run.lang))
    return tuple(out)


def _key_fact(node: SyntaxTreeNode, source: str, line: int | None) -> KeyFact:
    """'::: fact': a first paragraph with the big number or phrase, then one that says what it means."""
    blocks = _inside(node, source)
    if not 1 <= len(blocks) <= 2 or not all(isinstance(b, Paragraph) for b in blocks):
        raise ToolkitError(
            "a '::: fact' block holds a short number or phrase, then one paragraph that says what it means",
            source,
            line,
        )
    value = plain(blocks[0].runs).strip()  # type: ignore[union-attr]
    if len(value) > 24:
        raise ToolkitError(f"the key fact '{value}' is too long: use a number or a few words", source, line)
    return KeyFact(value, blocks[1].runs if len(blocks) == 2 else ())  # type: ignore[union-attr]


def _diagram(node: SyntaxTreeNode, source: str, line: int | None) -> Diagram:
    """'::: steps' or '::: journey' around a numbered list: one shape for each item."""
    kind = node.type.removeprefix("container_")
    blocks = _inside(node, source)
    if len(blocks) != 1 or not isinstance(blocks[0], BulletList) or not 2 <= len(blocks[0].items) <= 6:
        raise ToolkitError(f"a '::: {kind}' block holds one list of 2 to 6 items", source, line)
    if any(item.level for item in blocks[0].items):
        raise ToolkitError(f"a '::: {kind}' list cannot have a list inside it", source, line)
    assert kind in DIAGRAMS
    return Diagram(kind, blocks[0].items)


def _easy_read(node: SyntaxTreeNode, source: str, line: int | None) -> EasyRead:
    """'::: easy-read': an optional '## Title', then a list whose every item starts with a picture with alt
    text, like '- ![A bus](icon:bus) You can take a bus.' (see docs/authoring.md, "Easy Read")."""
    children = [child for child in node.children if not _is_comment(child)]
    title = ""
    if children and children[0].type == "heading" and children[0].tag == "h2":
        title = plain(_inline(children.pop(0), source)).strip()
    if len(children) != 1 or children[0].type != "bullet_list":
        raise ToolkitError(
            "a '::: easy-read' block holds a '## Title' if you want one, then one list: "
            "'- ![A bus](icon:bus) You can take a bus.'",
            source,
            line,
        )
    items = _list_items(children[0], source, 0)
    return EasyRead(title, tuple(_easy_line(item, source, line) for item in items))


def _easy_line(item: ListItem, source: str, line: int | None) -> EasyLine:
    if item.level:
        raise ToolkitError("an Easy Read list cannot have a list inside it: give each idea a line", source, line)
    if not item.icon or not item.alt.strip():
        words = plain(item.runs)[:40]
        raise ToolkitError(
            f"the Easy Read line '{words}' needs a picture with alt text first, like '- ![A bus](icon:bus)'",
            source,
            line,
        )
    if item.icon not in ICONS:
        problem = unknown_icon("icon", item.icon, list(ICONS))
        raise ToolkitError(problem.message, source, line)
    return EasyLine(item.runs, item.icon, item.alt.strip())


def _hard_words(node: SyntaxTreeNode, source: str, line: int | None) -> list[HardWord]:
    """'::: hard-words': a list of '**word**: what it means', for the list of hard words in Easy Read."""
    blocks = _inside(node, source)
    hint = "a '::: hard-words' block holds one list of '- **word**: what it means'"
    if len(blocks) != 1 or not isinstance(blocks[0], BulletList):
        raise ToolkitError(hint, source, line)
    words = []
    for item in (i.runs for i in blocks[0].items):
        text = plain(item)
        word = text.split(":", 1)[0]  # the bold word, and any words after it, like "(fit note)" in a translation
        meaning = _without_prefix(item, word + ":")
        if not item or not item[0].bold or ":" not in text or not word.strip() or not plain(meaning).strip():
            raise ToolkitError(f"{hint}, not '{text[:40]}'", source, line)
        words.append(HardWord(word.strip(), meaning))
    return words


def _block(node: SyntaxTreeNode, source: str) -> Block:
    line = node.map[0] + 1 if node.map else None
    if node.type == "paragraph":
        runs = _inline(node, source)
        images = [r for r in runs if isinstance(r, Image)]
        if images:
            if len(runs) > 1:
                raise ToolkitError("put an image in a paragraph of its own", source, line)
            return images[0]
        if plain(runs).lstrip().startswith(":::"):
            raise ToolkitError(
                "unknown block: use '::: notes', '::: activity', '::: fact', '::: steps' or '::: journey', "
                "closed by ':::'",
                source,
                line,
            )
        return Paragraph(runs)
    if node.type in ("bullet_list", "ordered_list"):
        return BulletList(tuple(_list_items(node, source, 0)), ordered=node.type == "ordered_list")
    if node.type == "table":
        return _table(node, source)
    if node.type == "hr":
        raise ToolkitError(
            "'---' inside a '::: notes' or '::: activity' block: close the block with ':::' first", source, line
        )
    if node.type == "heading":
        if node.markup in ("-", "="):
            raise ToolkitError("a line of text sits right above '---': put a blank line before it", source, line)
        raise ToolkitError("only '# Title' headings are allowed: use **bold** text for a sub-heading", source, line)
    raise ToolkitError(f"this kind of Markdown ({node.type}) is not supported on slides", source, line)


def _list_items(node: SyntaxTreeNode, source: str, level: int) -> list[ListItem]:
    items: list[ListItem] = []
    for item in node.children:
        for child in item.children:
            if child.type == "paragraph":
                items.append(_list_item(_inline(child, source), level, source, child))
            elif child.type in ("bullet_list", "ordered_list"):
                items.extend(_list_items(child, source, level + 1))
    return items


def _list_item(runs: tuple, level: int, source: str, node: SyntaxTreeNode) -> ListItem:
    """A list item; one that starts with an icon, like '- ![](icon:bus) First Bus', shows it beside the words."""
    icon = runs[0].icon if runs and isinstance(runs[0], Image) else None
    alt = runs[0].alt if icon else ""
    rest = runs[1:] if icon else runs
    if any(isinstance(r, Image) for r in rest):
        line = node.map[0] + 1 if node.map else None
        raise ToolkitError("a list item can only start with an icon, like '- ![](icon:bus) Buses'", source, line)
    if icon and rest:
        first = rest[0]
        rest = (Run(first.text.lstrip(), first.bold, first.link, first.lang), *rest[1:])
    return ListItem(tuple(r for r in rest if r.text), level, icon, alt)


def _table(node: SyntaxTreeNode, source: str) -> Table:
    sections = {child.type: child for child in node.children}
    header = tuple(_inline(cell, source) for cell in sections["thead"].children[0].children)
    body = sections.get("tbody")
    rows = tuple(tuple(_inline(cell, source) for cell in row.children) for row in body.children) if body else ()
    return Table(header, rows)


def _notes(node: SyntaxTreeNode, source: str) -> list[Note]:
    """Typed lines of speaker notes; a list belongs to the line before it."""
    notes: list[Note] = []
    for child in node.children:
        if _is_comment(child):
            continue
        line = child.map[0] + 1 if child.map else None
        block = _block(child, source)
        if isinstance(block, Paragraph):
            notes.append(_note(block.runs, notes[-1] if notes else None, source, line))
        elif isinstance(block, BulletList) and notes:
            notes[-1] = replace(notes[-1], items=notes[-1].items + tuple(item.runs for item in block.items))
        elif isinstance(block, BulletList):
            raise ToolkitError("a list in the notes must follow a line, like 'Say: You need:'", source, line)
        else:
            raise ToolkitError("speaker notes can hold only lines and lists", source, line)
    return notes


def _note(runs: Inline, before: Note | None, source: str, line: int | None) -> Note:
    """A notes line by the type it starts with: 'Say:', 'Ask:', 'Do:' and so on."""
    text = plain(runs)
    kind = next((k for word, k in NOTE_TYPES.items() if text.startswith(word)), None)
    if kind is None:
        found = _TYPE_LIKE.match(text)
        what = f"unknown note type '{found.group(1)}:'" if found else f"the note '{text[:40]}' does not say what it is"
        raise ToolkitError(f"{what}: start it with one of {', '.join(NOTE_TYPES)}", source, line)
    if kind == "listen" and (before is None or before.kind not in ("ask", "listen")):
        raise ToolkitError("'Listen for:' must come straight after the 'Ask:' line it answers", source, line)
    word = next(w for w, k in NOTE_TYPES.items() if k == kind)
    return Note(kind, _without_prefix(runs, word))


def _inline(node: SyntaxTreeNode, source: str) -> Any:
    """Runs for a node's inline content; an image comes back as an Image in the tuple."""
    inline = node.children[0] if node.children and node.children[0].type == "inline" else node
    runs: list[Run | Image] = []
    line = inline.map[0] + 1 if inline.map else None
    _walk(inline.children, runs, bold=False, link=None, where=(source, line))
    return _join(runs)


def _walk(children: list[SyntaxTreeNode], runs: list, bold: bool, link: str | None, where: tuple) -> None:
    for child in children:
        if child.type == "text" or child.type == "code_inline":
            runs.extend(_text_runs(child.content, bold, link))
        elif child.type in ("softbreak", "hardbreak"):
            runs.append(Run(" ", bold, link))
        elif child.type == "strong":
            _walk(child.children, runs, True, link, where)
        elif child.type == "em":
            _walk(child.children, runs, bold, link, where)  # italics are hard to read: drop them
        elif child.type == "link":
            _walk(child.children, runs, bold, str(child.attrs.get("href", "")), where)
        elif child.type == "html_inline" and child.content.startswith("<!--"):
            continue
        elif child.type == "image":
            runs.append(Image(str(child.attrs.get("src", "")), plain(_join_text(child.children))))
        else:
            raise ToolkitError(f"this kind of Markdown ({child.type}) is not supported", *where)


def _join_text(children: list[SyntaxTreeNode]) -> Inline:
    return tuple(Run(without_marks(c.content)) for c in children if c.type == "text")


def _join(runs: list) -> tuple:
    """Merge neighbouring runs that look the same, so writers make fewer, cleaner runs."""
    joined: list = []
    for run in runs:
        if isinstance(run, Run) and not run.text:
            continue
        if (
            joined
            and isinstance(run, Run)
            and isinstance(joined[-1], Run)
            and (joined[-1].bold, joined[-1].link, joined[-1].lang) == (run.bold, run.link, run.lang)
        ):
            joined[-1] = Run(joined[-1].text + run.text, run.bold, run.link, run.lang)
        else:
            joined.append(run)
    return tuple(joined)
