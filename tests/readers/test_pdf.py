"""PDFs: paragraphs with page locations, the PDF accessibility rules, and our own handouts passing them."""

from __future__ import annotations

import json
from pathlib import Path

import pikepdf
import pytest
from weasyprint import HTML

from tests.helpers import FIXTURES, toolkit
from tests.helpers.handouts import example_deck, example_options
from toolkit.checks.config import load_config
from toolkit.checks.model import Severity
from toolkit.checks.runner import Checker
from toolkit.readers import read_document
from toolkit.render.pdf import write_pdf

PDF_RULES = ["pdf-untagged", "pdf-language-missing", "pdf-title-missing", "pdf-bookmarks-missing"]
PAGE = "<p style='page-break-after: always'>Take the bus to the jobcentre.</p>"


def pdf(path: Path, body: str, head: str = "", lang: str = "", tagged: bool = False) -> Path:
    html = f"<html{f' lang={lang!r}' if lang else ''}><head>{head}</head><body>{body}</body></html>"
    HTML(string=html, base_url=str(FIXTURES)).write_pdf(path, pdf_variant="pdf/ua-1" if tagged else None)
    return path


def rules(path: Path) -> list[str]:
    report = Checker(load_config(None)).check(read_document(path))
    return sorted(f.rule for f in report.findings if f.code.startswith("AX2"))


def test_paragraphs_have_page_and_paragraph_locations(tmp_path: Path) -> None:
    body = "<h1>Getting there</h1><p>We will utilise the fund.</p><p style='page-break-before: always'>Bring a pen.</p>"
    doc = read_document(pdf(tmp_path / "a.pdf", body, "<title>Bus help</title>", "en-GB", tagged=True))
    assert [(u.text, u.location, u.heading) for u in doc.units] == [
        ("Getting there", {"page": 1, "paragraph": 1}, True),
        ("We will utilise the fund.", {"page": 1, "paragraph": 2}, False),
        ("Bring a pen.", {"page": 2, "paragraph": 1}, False),
    ]
    assert doc.language == "en-GB"


def test_an_accessible_pdf_passes_the_pdf_rules(tmp_path: Path) -> None:
    path = pdf(tmp_path / "a.pdf", "<h1>Getting there</h1>" + PAGE * 11, "<title>Bus help</title>", "en-GB", True)
    assert rules(path) == []


def test_a_bare_pdf_breaks_each_rule(tmp_path: Path) -> None:
    assert rules(pdf(tmp_path / "bare.pdf", PAGE * 11)) == sorted(PDF_RULES)


def test_a_short_pdf_needs_no_bookmarks(tmp_path: Path) -> None:
    assert "pdf-bookmarks-missing" not in rules(pdf(tmp_path / "short.pdf", PAGE * 3))


def test_a_page_that_is_only_a_picture_has_no_readable_text(tmp_path: Path) -> None:
    body = PAGE + "<img src='dot.png' alt='' style='width: 5cm'>"
    report = Checker(load_config(None)).check(read_document(pdf(tmp_path / "scan.pdf", body, lang="en-GB")))
    finding = next(f for f in report.findings if f.rule == "pdf-text-not-readable")
    assert finding.location == {"page": 2} and str(finding.severity) == "error"


def test_a_password_protected_pdf_is_one_line(tmp_path: Path) -> None:
    path = pdf(tmp_path / "open.pdf", PAGE)
    with pikepdf.open(path) as document:
        document.save(tmp_path / "locked.pdf", encryption=pikepdf.Encryption(user="secret", owner="secret"))
    result = toolkit("check", tmp_path / "locked.pdf")
    assert result.exit_code == 2 and "password-protected" in result.stderr and "locked.pdf" in result.stderr


def test_a_file_that_is_not_a_pdf_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.7 and then nothing")
    result = toolkit("check", "--format", "json", tmp_path / "notes.pdf")
    assert result.exit_code == 2 and "notes.pdf" in json.loads(result.stdout)["files"][0]["error"]


@pytest.mark.parametrize("style", ["standard", "large-print", "dyslexia"])
def test_our_own_pdf_handouts_have_no_errors(tmp_path: Path, style: str) -> None:
    path = tmp_path / f"transport.{style}.pdf"
    path.write_bytes(write_pdf(example_deck("transport"), example_options(style)))
    report = Checker(load_config(None)).check(read_document(path))
    assert report.error is None and report.skipped == ()
    assert [f for f in report.findings if f.severity == Severity.ERROR] == []
    assert rules(path) == []
    assert report.scores.words > 500 and report.scores.reading_age is not None
