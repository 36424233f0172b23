"""HTML: text in block elements becomes units; links and the page language are kept."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from ..text import clean
from . import read_text_file
from .document import Document, Link, TextUnit
from .markdown import ignored_rules

BLOCKS = {
    "p",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "td",
    "th",
    "dt",
    "dd",
    "figcaption",
    "blockquote",
    "caption",
    "title",
}
SKIP = {"script", "style", "template"}


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.language = "en-GB"
        self.units: list[TextUnit] = []
        self.words: list[str] = []
        self.links: list[Link] = []
        self.href: str | None = None
        self.link_words: list[str] = []
        self.skipping = 0
        self.section = "start"
        self.line = 1
        self.pending: frozenset[str] = frozenset()
        self.heading = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "html" and values.get("lang"):
            self.language = str(values["lang"])
        if tag in SKIP:
            self.skipping += 1
        elif tag in BLOCKS:
            self.flush()
            self.line = self.getpos()[0]
            self.heading = tag in ("h1", "h2", "h3", "h4", "h5", "h6", "title", "caption")
            if tag in ("h1", "h2", "h3"):
                self.section = f"section at line {self.line}"
        elif tag == "a":
            self.href, self.link_words = values.get("href") or "", []
        elif tag == "br":
            self.words.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag == "a" and self.href is not None:
            self.links.append(Link("".join(self.link_words), self.href))
            self.href = None
        elif tag in BLOCKS:
            self.flush()

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.words.append(data)
            if self.href is not None:
                self.link_words.append(data)

    def handle_comment(self, data: str) -> None:
        self.pending = self.pending | ignored_rules(f"<!--{data}-->")

    def flush(self) -> None:
        text = clean(" ".join("".join(self.words).split()))
        if text:
            location: dict[str, int | str] = {"line": self.line}
            links = tuple(self.links)
            self.units.append(TextUnit(text, location, self.section, links, self.pending, heading=self.heading))
            self.pending = frozenset()
        self.words, self.links = [], []


def read_html(path: Path) -> Document:
    text = read_text_file(path)
    collector = _Collector()
    collector.feed(text)
    collector.close()
    collector.flush()
    return Document(str(path), collector.language, tuple(collector.units), lines=tuple(text.splitlines()))
