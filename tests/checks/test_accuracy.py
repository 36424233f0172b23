"""Scores and findings as a reader sees the text: each wrong result once reported, with the corrected one."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn as wqn
from pptx import Presentation

from tests.helpers import REPO, toolkit
from toolkit.checks.config import load_config
from toolkit.checks.runner import Checker, FileReport
from toolkit.readers import read_document
from toolkit.readers.markdown import markdown_document


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(load_config(REPO))


def found(report: FileReport, rule: str) -> list[str]:
    return [f.text for f in report.findings if f.rule == rule]


# ---- sentences as a reader sees them ---------------------------------------------------------------
BULLETS = ["Bus times", "Train fares", "Ticket offices", "Journey planners", "Bike loans"] * 3


def test_a_title_with_fifteen_two_word_bullets_is_sixteen_sentences(checker: Checker, tmp_path: Path) -> None:
    """textstat skips 'sentences' of two words, which made this one 33-word sentence: reading age 16.6."""
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[1])
    slide.shapes.title.text = "Getting to work"
    slide.placeholders[1].text = "\n".join(BULLETS)
    prs.save(str(tmp_path / "deck.pptx"))
    scores = checker.check(read_document(tmp_path / "deck.pptx")).scores
    assert scores.words == 33 and scores.sentences == 16
    assert scores.reading_age is not None and scores.reading_age < 9


def test_txt_without_blank_lines_splits_at_each_line_and_findings_have_their_line(
    checker: Checker, tmp_path: Path
) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Getting there\nTake the bus.\nWe will utilise the fund to pay.\n", encoding="utf-8")
    doc = read_document(path)
    assert [u.text for u in doc.units] == ["Getting there", "Take the bus.", "We will utilise the fund to pay."]
    finding = next(f for f in checker.check(doc).findings if f.rule == "words-to-avoid")
    assert finding.location == {"line": 3, "column": 9}


def test_txt_paragraphs_split_at_blank_lines_and_a_heading_is_its_own_unit(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text(
        "Getting there\nTake the bus to the\njobcentre on Monday.\n\nBring your CV.\nAnd a pen.\n", encoding="utf-8"
    )
    units = read_document(path).units
    assert [(u.text, u.location["line"], u.heading) for u in units] == [
        ("Getting there", 1, True),
        ("Take the bus to the jobcentre on Monday.", 2, False),
        ("Bring your CV. And a pen.", 5, False),
    ]


def test_a_finding_on_a_wrapped_line_has_that_line_and_column(checker: Checker, tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Come to the session.\n\nWe pay for the bus and we\nwill utilise the fund.\n", encoding="utf-8")
    finding = next(f for f in checker.check(read_document(path)).findings if f.rule == "words-to-avoid")
    assert finding.location == {"line": 4, "column": 6}


def test_markdown_findings_have_a_column(checker: Checker) -> None:
    report = checker.check(markdown_document("# Travel\n\nPlease utilise the bus.\n", "page.md"))
    assert next(f for f in report.findings if f.rule == "words-to-avoid").location == {"line": 3, "column": 8}


# ---- language per run --------------------------------------------------------------------------------
WELSH = "Dewch i'r sesiwn grŵp yn y ganolfan waith gyda'ch CV. Byddwn yn eich cynorthwyo i gynllunio'ch taith. "


def _welsh_docx(path: Path) -> Path:
    """A Word file whose document default is English, with every run tagged Welsh (cy-GB), as Word saves it."""
    document = docx.Document()
    for _ in range(4):
        run = document.add_paragraph().add_run(WELSH)
        lang = run._r.get_or_add_rPr().makeelement(wqn("w:lang"), {wqn("w:val"): "cy-GB"})
        run._r.get_or_add_rPr().append(lang)
    document.core_properties.language = ""
    document.save(str(path))
    return path


def test_welsh_runs_in_a_docx_are_not_scored_as_english(checker: Checker, tmp_path: Path) -> None:
    report = checker.check(read_document(_welsh_docx(tmp_path / "cy.docx")))
    assert report.scores.reading_age is None and report.scores.note.startswith("not scored")
    assert found(report, "words-to-avoid") == ["cynorthwyo"] * 4  # from the Welsh list, not the English one
    assert found(report, "acronym-unexplained") == []  # an English-only rule


def test_welsh_runs_in_an_english_deck_are_left_out_of_its_score(checker: Checker, tmp_path: Path) -> None:
    english = "Take the bus to the jobcentre. Ask your work coach about help with fares. " * 3
    prs = Presentation()
    prs.core_properties.language = "en-GB"
    slide = prs.slides.add_slide(prs.slide_layouts[1])
    slide.shapes.title.text = "Getting to work"
    body = slide.placeholders[1].text_frame
    body.text = english
    body.add_paragraph().text = WELSH
    for run in body.paragraphs[1].runs:
        run._r.get_or_add_rPr().set("lang", "cy-GB")
    prs.save(str(tmp_path / "deck.pptx"))
    report = checker.check(read_document(tmp_path / "deck.pptx"))
    assert report.language == "en-GB"
    assert report.scores.words == 3 + len(english.split())
    assert report.scores.note == f"{len(WELSH.split())} words in other languages not scored"
    assert report.scores.reading_age is not None and report.scores.reading_age < 9
    assert found(report, "words-to-avoid") == ["cynorthwyo"]  # the Welsh paragraph, with the Welsh list


def test_text_in_a_language_we_cannot_score_says_so_in_json(tmp_path: Path) -> None:
    result = toolkit("check", "--format", "json", _welsh_docx(tmp_path / "cy.docx"))
    scores = json.loads(result.stdout)["files"][0]["scores"]
    assert scores["reading_age"] is None and scores["flesch_reading_ease"] is None
    assert scores["note"] == "not scored: no formula for language 'cy-GB'"


# ---- sharper rules ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "acronyms", "capitals"),
    [
        ("Do NOT bring food. It is FREE. You pay NONE of it.", [], ["NOT", "FREE", "NONE"]),
        ("Ask the DM (see page 3) about it.", ["DM"], []),
        ("Ask your Decision Maker (DM) about it.", [], []),
        ("Ask about JSA (Jobseeker's Allowance).", [], []),
        ("Ask about Jobseeker's Allowance, or JSA.", [], []),
        ("Apply for Universal Credit (UC) online.", [], []),
        ("Take the Glasgow Subway (SPT) into town.", ["SPT"], []),
        ("Bring your CV to the NHS open day.", [], []),
    ],
)
def test_acronyms_and_capitals(checker: Checker, text: str, acronyms: list[str], capitals: list[str]) -> None:
    report = checker.check(markdown_document(text, "x.md"))
    assert found(report, "acronym-unexplained") == acronyms
    assert found(report, "capitals") == capitals[:1]  # once a paragraph is enough to make the point


def test_an_ordinary_word_in_capitals_gets_sentence_case_advice(checker: Checker) -> None:
    finding = next(f for f in checker.check(markdown_document("Do NOT be late.", "x.md")).findings)
    assert (finding.code, str(finding.severity)) == ("PE007", "suggestion")
    assert "sentence case ('not')" in finding.suggestion


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("To book a place, click here.", ["click here"]),
        ("Tap on the link below to apply.", ["Tap on the link below"]),
        ("Follow this link for bus times.", ["Follow this link"]),
        ("For buses [click here](https://www.firstbus.co.uk).", ["click here"]),  # once, as a link
        ("Use [Traveline's journey planner](https://www.traveline.info).", []),
        ("Come here on Monday.", []),
    ],
)
def test_click_here_anywhere_in_the_text(checker: Checker, text: str, expected: list[str]) -> None:
    assert found(checker.check(markdown_document(text, "x.md")), "link-text") == expected


def test_an_ignore_comment_with_a_misspelt_rule_is_a_warning(checker: Checker) -> None:
    text = "<!-- toolkit: ignore word-to-avoid -- the job title -->\nApply to be a Key Worker.\n"
    report = checker.check(markdown_document(text, "x.md"))
    unknown = next(f for f in report.findings if f.rule == "unknown-rule")
    assert (unknown.text, str(unknown.severity), unknown.code) == ("word-to-avoid", "warning", "TK001")
    assert found(report, "words-to-avoid") == ["Key"]  # the misspelt name switched nothing off
    good = "<!-- toolkit: ignore words-to-avoid, PE004 -- the job title -->\nApply to be a Key Worker.\n"
    assert found(checker.check(markdown_document(good, "x.md")), "unknown-rule") == []


# ---- one report for people and one schema for programs ----------------------------------------------------
def test_json_locations_have_the_same_keys_in_every_format(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("We will utilise the room.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("We will utilise the room.\n", encoding="utf-8")
    document = docx.Document()
    document.add_paragraph("We will utilise the room.")
    document.save(str(tmp_path / "c.docx"))
    result = toolkit("check", "--format", "json", tmp_path)
    files = json.loads(result.stdout)["files"]
    keys = {tuple(f["location"]) for file in files for f in file["findings"]}
    assert keys == {("page", "slide", "shape", "part", "paragraph", "table", "row", "cell", "line", "column")}
    where = {Path(file["path"]).suffix: file["findings"][0]["location"] for file in files}
    assert (where[".txt"]["line"], where[".txt"]["column"]) == (1, 9)
    assert where[".docx"]["paragraph"] == 1 and where[".docx"]["line"] is None


def test_the_text_report_fits_80_columns(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    long = "We will utilise the Flexible Support Fund so that you can commence work prior to the end of the month."
    path.write_text(f"{long}\n\n{long}\n", encoding="utf-8")
    result = toolkit("check", path)
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines if str(tmp_path) not in line) <= 80
    assert "  line 1, column 9: error PE003 words-to-avoid: 'utilise' is on the GOV.UK list" in lines
