"""Right to left, done properly: an Arabic deck and handouts in every format, from the test catalogues."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import docx
import pikepdf
import pytest
from docx.oxml.ns import qn
from fontTools.ttLib import TTFont
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER

from tests.helpers import FIXTURES, REPO, need_tool, toolkit
from tests.helpers.browser import axe_violations
from toolkit.deck.measure import arial
from toolkit.handout.styles import handout_assets
from toolkit.render.bidi import LRM, segments

PHONE = "0113 496 0000"
FOLDER = "north/testford-central/ar"


@pytest.fixture(scope="module")
def arabic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test session built in Arabic in every format; the toolkit's own words are partly translated."""
    root = tmp_path_factory.mktemp("rtl") / "root"
    shutil.copytree(FIXTURES / "mini" / "local_content", root / "local_content")
    shutil.copytree(FIXTURES / "i18n" / "templates", root / "templates")
    shutil.copy(REPO / "templates" / "master.pptx", root / "templates" / "master.pptx")
    out = root / "out"
    args = ["--lang", "ar", "--format", "pptx,html,docx,pdf,txt", "--allow-missing", "--jobs", "1", "--out", out]
    result = toolkit("--root", root, "build", *args)
    assert result.exit_code == 0, result.output + result.stderr
    return out / FOLDER


def test_latin_words_and_numbers_are_cut_out_of_right_to_left_text() -> None:
    text = "اتصل بالرقم 0113 496 0000 أو زر www.example.org لإرسال CV."
    assert [p for p, ltr in segments(text) if ltr] == [PHONE, "www.example.org", "CV"]
    assert [p for p, ltr in segments("اتصل بـ Carers' Resource اليوم") if ltr] == ["Carers' Resource"]
    assert segments("Questions for your next appointment.") == [("Questions for your next appointment.", True)]


def test_html_is_right_to_left_with_numbers_kept_left_to_right(arabic: Path) -> None:
    page = (arabic / "hello.html").read_text()
    assert '<html lang="ar" dir="rtl">' in page
    assert f'<span dir="ltr">{PHONE}</span>' in page and '<span dir="ltr">www.example.org</span>' in page
    assert "IBM Plex Sans Arabic" in page


def test_arabic_html_passes_axe_and_mirrors(browser, axe_source: str, arabic: Path) -> None:
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    assert axe_violations(page, axe_source, (arabic / "hello.html").as_uri()) == []
    direction = page.evaluate("getComputedStyle(document.body).direction")
    heading = page.evaluate("document.querySelector('h1').getBoundingClientRect().right")
    width = page.evaluate("document.querySelector('main').getBoundingClientRect().right")
    phone = page.evaluate(
        "[...document.querySelectorAll('span[dir=ltr]')].find(s => s.textContent.includes('0113'))"
        ".getClientRects().length"
    )
    context.close()
    assert direction == "rtl"
    assert width - heading < 40  # the title starts at the right-hand edge
    assert phone == 1  # the number stays in one piece


def test_arabic_pdf_text_comes_out_as_arabic_in_reading_order(arabic: Path, tmp_path: Path) -> None:
    need_tool(shutil.which("pdftotext") is not None, "pdftotext (apt-get install poppler-utils)")
    pdf = arabic / "hello.pdf"
    text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, check=True).stdout.decode()
    text = re.sub("[\u202a-\u202e\u200e\u200f]", "", text)  # the direction marks pdftotext adds
    assert "مرحبا بالجميع." in text  # words in the order they are read, right to left
    line = next(line for line in text.splitlines() if PHONE in line)
    assert line.index("اتصل بالرقم") < line.index(PHONE) < line.index("www.example.org")
    with pikepdf.open(pdf) as opened:
        assert str(opened.Root.Lang) == "ar"
        fonts = {str(f.BaseFont) for page in opened.pages for f in page.Resources.Font.values()}
    assert any("IBM-Plex-Sans-Arabic" in f for f in fonts)


def test_arabic_docx_paragraphs_and_runs_are_right_to_left(arabic: Path) -> None:
    document = docx.Document(arabic / "hello.docx")
    paragraphs = [p for p in document.paragraphs if p.text.strip()]
    assert paragraphs and all(p._p.pPr.find(qn("w:bidi")) is not None for p in paragraphs)
    runs = [r for p in paragraphs for r in p.runs]
    arabic_runs = [r for r in runs if re.search("[\u0600-\u06ff]", r.text)]
    assert arabic_runs and all(r.font.rtl for r in arabic_runs)
    assert all(r._r.rPr.find(qn("w:lang")).get(qn("w:bidi")) == "ar" for r in runs)
    phone = next(r for r in runs if PHONE in r.text)
    assert phone.text == f"{LRM}{PHONE}{LRM}" and not phone.font.rtl
    normal = document.styles["Normal"].element
    assert normal.rPr.find(qn("w:szCs")) is not None and normal.rPr.rFonts.get(qn("w:cs")) == "Arial"


def test_arabic_pptx_paragraphs_are_right_to_left_with_a_complex_script_font(arabic: Path) -> None:
    prs = Presentation(arabic / "hello.pptx")
    paragraphs = [
        p
        for s in prs.slides
        for sh in s.shapes
        if sh.has_text_frame and not _slide_number(sh)  # a number sits at the slide's left edge, aligned left
        for p in sh.text_frame.paragraphs
    ]
    paragraphs = [p for p in paragraphs if p.text.strip()]
    assert paragraphs
    for paragraph in paragraphs:
        ppr = paragraph._p.pPr
        assert ppr.get("rtl") == "1" and ppr.get("algn") == "r", paragraph.text
        for run in paragraph.runs:
            rpr = run._r.rPr
            assert rpr.get("lang") == "ar" and rpr.find(qn("a:cs")).get("typeface") == "Arial"
    assert any(r.text == f"{LRM}{PHONE}{LRM}" for p in paragraphs for r in p.runs)


def _slide_number(shape) -> bool:
    return shape.is_placeholder and shape.placeholder_format.type == PP_PLACEHOLDER.SLIDE_NUMBER


def test_plain_text_keeps_numbers_left_to_right(arabic: Path) -> None:
    assert f"{LRM}{PHONE}{LRM}" in (arabic / "hello.txt").read_text()


def test_slide_measurement_does_not_under_measure_arabic() -> None:
    """Letters Arial's table lacks count as wide as 'W'; real Arabic text is narrower than that."""
    font = TTFont(handout_assets() / "fonts" / "ibm-plex-sans-arabic-arabic-400-normal.woff2")
    cmap, advances, em = font.getBestCmap(), font["hmtx"], font["head"].unitsPerEm
    for sentence in ("مرحبا بالجميع في الجلسة", "اتصل بالرقم للحصول على المساعدة في تكاليف السفر"):
        real = sum(advances[cmap[ord(c)]][0] for c in sentence if ord(c) in cmap) / em * 24
        real += sentence.count(" ") * arial().width(" ", 24)
        assert arial().width(sentence, 24) > 1.2 * real


def test_a_label_keeps_its_colon_and_a_number_stays_in_one_piece() -> None:
    """Writers cut each run alone: a Latin label's colon and the spaces round a value belong to the Arabic line."""
    assert segments("Asda:") == [("Asda", True), (":", False)]
    assert segments(f" {PHONE}") == [(" ", False), (PHONE, True)]
    assert segments(f"الهاتف: {PHONE}") == [("الهاتف: ", False), (PHONE, True)]
    assert segments(" 09:30–10:00") == [(" ", False), ("09:30–10:00", True)]
    assert segments(":") == [(":", False)]


def test_an_arabic_comma_between_latin_words_keeps_the_list_right_to_left() -> None:
    """Between 2 left-to-right pieces, "، " alone would run left to right too; a right-to-left mark stops it."""
    assert segments(f"Christians Against Poverty (CAP)، {PHONE}") == [
        ("Christians Against Poverty (CAP)", True),
        ("،\u200f ", False),
        (PHONE, True),
    ]
    assert segments("موظف، عامل") == [("موظف، عامل", False)]  # Arabic words need no mark


@pytest.fixture(scope="module")
def bradford(bradford_build: Path) -> Path:
    return bradford_build / "ar"


def labelled(path: Path) -> list[list[tuple[str, bool]]]:
    """The runs (text, bold) of each paragraph that starts with a bold label ending in a colon."""
    prs = Presentation(path)
    found = []
    for slide in prs.slides:
        for shape in slide.shapes:
            if not shape.has_text_frame:
                continue
            for paragraph in shape.text_frame.paragraphs:
                runs = [(r.text, bool(r.font.bold)) for r in paragraph.runs]
                label = "".join(text for text, bold in runs if bold)
                if runs and runs[0][1] and label.endswith(":"):
                    found.append(runs)
    return found


def test_arabic_pptx_labels_have_the_colon_straight_after_them(bradford: Path) -> None:
    paragraphs = labelled(bradford / "support.pptx") + labelled(bradford / "employers.pptx")
    assert len(paragraphs) > 5
    for runs in paragraphs:
        bold = [text for text, is_bold in runs if is_bold]
        assert bold[-1].endswith(":") and not bold[-1].endswith(f":{LRM}"), runs  # not inside the Latin piece
        after = runs[len(bold)][0]
        assert after.startswith(" ") and not after.startswith(LRM), runs  # the space is not inside it either
    latin = [runs for runs in paragraphs if runs[1] == (":", True)]  # "Asda:", "Mind in Bradford:"
    assert len(latin) > 5
    assert all(re.fullmatch(f"{LRM}[A-Za-z' ()]+{LRM}", runs[0][0]) for runs in latin), latin


def test_arabic_pptx_phone_numbers_are_one_piece_after_their_label(bradford: Path) -> None:
    """ "الهاتف الخاص بـ Shelter: 0808 800 4444": the colon follows the label, the number reads left to right."""
    phone = re.compile(r"0\d{3} \d{3} \d{4}")
    texts = []
    for name in ("employers.pptx", "support.pptx"):
        for slide in Presentation(bradford / name).slides:
            frames = [sh.text_frame for sh in slide.shapes if sh.has_text_frame]
            frames += [slide.notes_slide.notes_text_frame] if slide.has_notes_slide else []
            texts += [p.text for frame in frames for p in frame.paragraphs if phone.search(p.text)]
    assert texts
    for text in texts:
        assert all(f"{LRM}{number}{LRM}" in text for number in phone.findall(text)), text
        assert not re.search(f"\\S:{LRM}", text), text  # no colon at the end of a left-to-right piece
        before = text[: text.index(f"{LRM}{phone.search(text).group()}")]
        assert not before or before.endswith(" "), text  # the space before the number is not inside its piece
