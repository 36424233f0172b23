"""The bundled Welsh, Polish and Arabic translations: every topic builds, in every format, with little English left."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from pptx import Presentation

from tests.helpers import REPO, TOPICS, need_tool, toolkit

SITE = "cardiff-north"
LANGUAGES = ("cy", "pl", "ar")
# Common English words that a translation should not leave behind (names and addresses are not in this list).
ENGLISH = set(
    [
        "the",
        "and",
        "you",
        "your",
        "of",
        "for",
        "with",
        "this",
        "that",
        "what",
        "how",
        "will",
        "can",
        "is",
        "are",
        "be",
        "we",
        "our",
        "they",
        "their",
        "it",
        "in",
        "at",
        "from",
        "if",
        "or",
        "not",
        "have",
        "has",
        "about",
        "when",
        "where",
        "who",
        "which",
        "there",
        "here",
        "job",
        "jobs",
        "work",
        "people",
        "ask",
        "tell",
        "help",
    ]
)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("languages")
    result = toolkit(
        "--root",
        REPO,
        "build",
        "--site",
        SITE,
        "--lang",
        ",".join(LANGUAGES),
        "--format",
        "pptx,html,docx,pdf",
        "--out",
        out,
    )
    assert result.exit_code == 0, result.stderr
    return out


def words_of(path: Path) -> list[str]:
    if path.suffix == ".pptx":
        prs = Presentation(str(path))
        text = " ".join(s.text_frame.text for slide in prs.slides for s in slide.shapes if s.has_text_frame)
    elif path.suffix == ".docx":
        text = " ".join(p.text for p in docx.Document(str(path)).paragraphs)
    elif path.suffix == ".pdf":
        need_tool(shutil.which("pdftotext") is not None, "pdftotext (apt-get install poppler-utils)")
        text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    else:
        text = re.sub(r"<[^>]+>", " ", re.sub(r"<(style|script)[^>]*>.*?</\1>", " ", path.read_text(), flags=re.S))
    return re.findall(r"[^\W\d_]+", text.lower())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_topic_builds_in_every_format(built: Path, lang: str) -> None:
    files = sorted((built / "south-east-wales" / SITE / lang).glob("*.*"))
    assert {p.name.split(".")[0] for p in files} == TOPICS
    assert {p.suffix for p in files} == {".pptx", ".html", ".docx", ".pdf"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_hardly_any_english_is_left(built: Path, lang: str) -> None:
    for path in sorted((built / "south-east-wales" / SITE / lang).glob("*.*")):
        words = words_of(path)
        english = [w for w in words if w in ENGLISH]
        assert len(english) / len(words) < 0.03, (path.name, english[:40])


def test_manifest_says_the_translations_are_drafts(built: Path) -> None:
    entries = json.loads((built / "manifest.json").read_text())["files"]
    for entry in entries:
        status = entry["translation_status"]
        assert status["language"] in LANGUAGES and status["reviewed"] is False and status["missing"] == 0
        assert status["local_in_english"] == 0  # the site's own facts are translated too


def test_every_example_site_has_its_local_content_in_the_languages_it_asks_for() -> None:
    result = toolkit("--root", REPO, "translations", "--format", "json")
    assert result.exit_code == 0, result.output + result.stderr
    content = {r["language"]: r for r in json.loads(result.output) if r["domain"] == "content"}
    assert set(content) == set(LANGUAGES)
    for code, row in content.items():
        assert row["strings"] > 100 and row["missing"] == row["out_of_date"] == 0, (code, row["missing_strings"])


def test_arabic_decks_and_documents_read_right_to_left(built: Path) -> None:
    folder = built / "south-east-wales" / SITE / "ar"
    deck = Presentation(str(folder / "transport.pptx"))
    paragraphs = [
        p for s in deck.slides for shape in s.shapes if shape.has_text_frame for p in shape.text_frame.paragraphs
    ]
    assert paragraphs and all(p._p.pPr is not None and p._p.pPr.get("rtl") == "1" for p in paragraphs if p.runs)
    with zipfile.ZipFile(folder / "transport.docx") as document:
        body = document.read("word/document.xml").decode()
    assert body.count("<w:bidi/>") >= 10
    assert 'dir="rtl"' in (folder / "transport.html").read_text()
