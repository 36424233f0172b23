"""Markdown, including our session Markdown, where units know their slide and whether they are notes."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from ..text import clean
from . import read_text_file
from .document import Document, Link, TextUnit

if TYPE_CHECKING:
    from markdown_it.token import Token

EASY_READ_OPEN = ("container_easy-read_open", "container_hard-words_open")
EASY_READ_CLOSE = ("container_easy-read_close", "container_hard-words_close")
IGNORE = re.compile(r"<!--\s*toolkit:\s*ignore\s+([\w\s,-]+?)\s+--\s+\S.*?-->", re.DOTALL)


def ignored_rules(html: str) -> frozenset[str]:
    """Rules named in `<!-- toolkit: ignore RULE -- reason -->`; a comment without a reason ignores nothing."""
    return frozenset(name for m in IGNORE.finditer(html) for name in re.split(r"[\s,]+", m.group(1)) if name)


def read_markdown(path: Path) -> Document:
    return markdown_document(read_text_file(path), str(path))


def markdown_document(text: str, name: str) -> Document:
    from ..deck.markdown import MARKDOWN  # the Markdown parser loads when a Markdown file is read

    tokens = MARKDOWN.parse(text)
    front = next((t for t in tokens if t.type == "front_matter"), None)
    meta = _front(front.content) if front else {}
    session = front is not None  # session Markdown has front matter and a slide per '# Title'
    units: list[TextUnit] = []
    slide, in_notes, in_easy_read, pending = 0, False, False, frozenset[str]()
    section = "start"
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            if session and token.tag == "h1":
                slide += 1
            if session:
                section = f"slide {slide}"
            else:
                assert token.map is not None  # markdown-it gives every block token its lines
                section = f"section at line {token.map[0] + 1}"
        elif token.type == "container_notes_open":
            in_notes = True
        elif token.type == "container_notes_close":
            in_notes = False
        elif token.type in EASY_READ_OPEN:  # the Easy Read handout's words: scored apart from the slide's
            in_easy_read = True
        elif token.type in EASY_READ_CLOSE:
            in_easy_read = False
        elif token.type == "html_block":
            pending = pending | ignored_rules(token.content)
        elif token.type == "inline" and token.map:
            location: dict[str, int | str] = {"line": token.map[0] + 1}
            heading = tokens[index - 1].type == "heading_open"
            if session:
                location.update(slide=slide, part="notes" if in_notes else "Easy Read" if in_easy_read else "body")
                if heading and not in_easy_read:
                    location["part"] = "title"
            block = f"{section} notes" if in_notes else f"{section} Easy Read" if in_easy_read else section
            words, links, inline_ignore, pictures = _inline(token)
            ignore = pending | inline_ignore
            if words.strip():  # a picture beside words, as in Easy Read, is a unit of its own: not part of a sentence
                units.extend(TextUnit(clean(alt), location, block, (), ignore, heading=True) for alt in pictures)
                words = words.lstrip() if pictures else words
            else:
                words = " ".join(pictures)
            if words.strip():
                units.append(TextUnit(clean(words), location, block, links, ignore, in_notes, heading=heading))
                pending = frozenset()
    return Document(name, str(meta.get("language", "en-GB")), tuple(units), lines=tuple(text.splitlines()))


def _front(content: str) -> dict:
    import yaml

    try:
        data = yaml.safe_load(content)
    except yaml.YAMLError:
        return {}
    return data if isinstance(data, dict) else {}


def _inline(token: Token) -> tuple[str, tuple[Link, ...], frozenset[str], list[str]]:
    """The words of a line, its links, the rules its comments ignore, and its pictures' alt text."""
    words: list[str] = []
    pictures: list[str] = []
    links: list[Link] = []
    ignore: frozenset[str] = frozenset()
    target: str | None = None
    link_words: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            words.append(child.content)
            if target is not None:
                link_words.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            words.append(" ")
        elif child.type == "link_open":
            target, link_words = str(child.attrs.get("href", "")), []
        elif child.type == "link_close" and target is not None:
            links.append(Link("".join(link_words), target))
            target = None
        elif child.type == "image" and child.content.strip():
            pictures.append(child.content)
        elif child.type == "html_inline":
            ignore = ignore | ignored_rules(child.content)
    return "".join(words), tuple(links), ignore, pictures
