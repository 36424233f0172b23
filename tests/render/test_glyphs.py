"""Every letter of every language we ship is drawn from a font that has it: no empty boxes.

The example handouts in Welsh (cardiff-north), Polish and Arabic (bradford-eastbrook), in every style, are
checked letter by letter against the glyphs of the font that draws each one:

- PDF: each glyph drawn is traced to the embedded font that drew it; that font must be one of our bundled
  files, the glyph must not be .notdef, and the bundled file's cmap must have every letter the glyph stands for.
- HTML: each letter goes down the page's own font-family list, as a browser does, honouring each
  @font-face's unicode-range; it must reach a bundled file that has it, before any font we do not ship.
- Word: a .docx can only name fonts. Each run's font for each letter (w:rFonts ascii, hAnsi or cs, through the
  styles) must be one whose letters we know: Arial and Verdana have Microsoft's WGL4 set, and for Latin letters
  also Liberation Sans, which LibreOffice draws Arial with; Arial, the complex-script font, has Arabic (code
  page 1256).
"""

from __future__ import annotations

import base64
import io
import json
import re
import shutil
import subprocess
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import pikepdf
import pytest
from click.testing import CliRunner
from docx import Document
from docx.oxml.ns import qn
from fontTools.ttLib import TTFont

from tests.helpers import REPO, need_tool
from toolkit.cli import main
from toolkit.handout.styles import STYLES, handout_assets

BUILDS = {"cardiff-north": ("cy",), "bradford-eastbrook": ("pl", "ar")}
FORMATS = ("html", "docx", "pdf")
WELSH_ONLY = "ŵŷ"  # the letters the Welsh handouts lost (issue 13)
FONT_CSS = ("fonts.css", "fonts-arabic.css")


# Building the handouts ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Output:
    path: Path
    lang: str  # cy, pl or ar
    style: str
    format: str

    @property
    def name(self) -> str:
        return f"{self.lang}/{self.path.name}"


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> list[Output]:
    """Every topic's handout for each site and language, in every style and format but text."""
    found = []
    for site, langs in BUILDS.items():
        out = tmp_path_factory.mktemp(site)
        args = ["--root", str(REPO), "handout", "--site", site, "--lang", ",".join(langs)]
        args += ["--style", ",".join(STYLES), "--format", ",".join(FORMATS), "--out", str(out)]
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
        for entry in json.loads((out / "manifest.json").read_text(encoding="utf-8"))["files"]:
            lang = entry["language"].split("-")[0]
            found.append(Output(out / entry["path"], lang, entry["style"], entry["format"]))
    made = {(o.lang, o.style, o.format) for o in found}
    wanted = {(lang, style, f) for langs in BUILDS.values() for lang in langs for style in STYLES for f in FORMATS}
    assert made == wanted
    return found


def of_format(outputs: list[Output], kind: str) -> list[Output]:
    return [o for o in outputs if o.format == kind]


def drawn(char: str) -> bool:
    """Whether a letter needs a glyph: controls and invisible format marks (LRM, ZWJ) draw nothing."""
    return char not in "\n\r\t" and unicodedata.category(char) not in ("Cc", "Cf")


def assert_welsh_letters(outputs: list[Output], letters: dict[Output, set[str]]) -> None:
    """Each style's Welsh handouts, taken together, draw ŵ and ŷ (already checked to come from a font with them)."""
    for style in STYLES:
        seen = set().union(*(letters[o] for o in outputs if o.lang == "cy" and o.style == style))
        assert set(WELSH_ONLY) <= seen, (style, sorted(set(WELSH_ONLY) - seen))


# Bundled fonts -----------------------------------------------------------------------------------------------------


@cache
def bundled_fonts() -> dict[str, TTFont]:
    """Our font files, by file name."""
    return {p.name: TTFont(p) for p in sorted((handout_assets() / "fonts").glob("*.woff2"))}


@cache
def cmap_of(name: str) -> frozenset[int]:
    return frozenset(bundled_fonts()[name].getBestCmap())


def parse_unicode_range(value: str) -> frozenset[int]:
    points: set[int] = set()
    for part in value.replace(" ", "").split(","):
        start, _, end = part.upper().removeprefix("U+").partition("-")
        if "?" in start:
            start, end = start.replace("?", "0"), start.replace("?", "F")
        points.update(range(int(start, 16), int(end or start, 16) + 1))
    return frozenset(points)


@dataclass(frozen=True)
class Face:
    family: str
    weight: int
    cmap: frozenset[int]
    unicode_range: frozenset[int] | None  # None: every letter

    def claims(self, char: str) -> bool:
        return self.unicode_range is None or ord(char) in self.unicode_range


FACE = re.compile(r"@font-face\s*\{(.*?)\}", re.DOTALL)


def faces_in(css: str, read: Callable[[str], bytes]) -> list[Face]:
    """The @font-face rules in a stylesheet; `read` turns a src url() into the font's bytes."""
    faces = []
    for body in FACE.findall(css):
        props = dict(re.findall(r"([\w-]+)\s*:\s*([^;]+);", body))
        src = re.search(r"src\s*:\s*url\(([^)]+)\)", body).group(1).strip("\"'")  # a data: URL holds a ';'
        ranges = props.get("unicode-range")
        faces.append(
            Face(
                props["font-family"].strip().strip("\"'"),
                int(props.get("font-weight", "400")),
                frozenset(TTFont(io.BytesIO(read(src))).getBestCmap()),
                parse_unicode_range(ranges) if ranges else None,
            )
        )
    return faces


def test_each_face_is_one_file_whose_unicode_range_it_has() -> None:
    """WeasyPrint takes a face's unicode-range as the letters it has: a range wider than the file draws empty boxes
    (Welsh ŵ and ŷ, issue 13) where the next font in the list would have drawn the letter. And it names a PDF font
    by family and weight, so a second file under the same family and weight is drawn with the first one's glyphs."""
    folder = handout_assets() / "fonts"
    css = "\n".join((folder / name).read_text(encoding="utf-8") for name in FONT_CSS)
    faces = faces_in(css, lambda src: (folder / src).read_bytes())
    keys = [(face.family, face.weight) for face in faces]
    assert faces and len(keys) == len(set(keys)), keys
    for face in faces:
        assert face.unicode_range is not None, face.family
        missing = sorted(face.unicode_range - face.cmap)
        assert not missing, (face.family, face.weight, [f"U+{c:04X}" for c in missing[:20]])


def test_every_bundled_font_is_used_and_has_its_licence_beside_it() -> None:
    """Each file is named by a stylesheet, and its copyright notice heads an OFL text in the same folder."""
    folder = handout_assets() / "fonts"
    licences = [p.read_text(encoding="utf-8") for p in folder.glob("OFL*.txt")]
    assert licences and all("SIL OPEN FONT LICENSE Version 1.1" in text for text in licences)
    css = "\n".join((folder / name).read_text(encoding="utf-8") for name in FONT_CSS)
    for name, font in bundled_fonts().items():
        assert f"url({name})" in css, f"{name} is bundled but no stylesheet uses it"
        notice = font["name"].getDebugName(0)
        assert notice and any(text.startswith(notice) for text in licences), (name, notice)


# PDF ---------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PdfFont:
    """One font resource of a PDF: how its codes become glyphs and letters, and the bundled file it came from."""

    name: str
    code_to_gid: dict[int, int] | None  # None: the code is the glyph id
    to_unicode: dict[int, str]
    source: str  # the bundled file's name

    def gid(self, code: int) -> int:
        return code if self.code_to_gid is None else self.code_to_gid.get(code, 0)


CMAP_CHAR = re.compile(r"<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]+>|\d+)")
CMAP_RANGE = re.compile(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]+>|\d+)")


def _cmap_sections(text: str, kind: str) -> Iterator[str]:
    yield from re.findall(rf"begin{kind}(.*?)end{kind}", text, re.DOTALL)


def _value(token: str) -> int | str:
    return int(token) if token.isdigit() else token.strip("<>")


def _utf16(hex_text: str) -> str:
    return bytes.fromhex(hex_text).decode("utf-16-be")


def parse_to_unicode(stream: pikepdf.Stream) -> dict[int, str]:
    text = stream.read_bytes().decode("latin-1")
    found: dict[int, str] = {}
    for section in _cmap_sections(text, "bfchar"):
        for code, target in CMAP_CHAR.findall(section):
            found[int(code, 16)] = _utf16(target.strip("<>"))
    for section in _cmap_sections(text, "bfrange"):
        for start, end, target in CMAP_RANGE.findall(section):
            first = ord(_utf16(target.strip("<>")))
            for n, code in enumerate(range(int(start, 16), int(end, 16) + 1)):
                found[code] = chr(first + n)
    return found


def parse_cid_encoding(encoding: object) -> dict[int, int] | None:
    """Code to CID: None for Identity-H, else the cidchar and cidrange entries of an embedded CMap."""
    if isinstance(encoding, pikepdf.Name):
        assert str(encoding) == "/Identity-H", encoding
        return None
    text = encoding.read_bytes().decode("latin-1")
    found: dict[int, int] = {}
    for section in _cmap_sections(text, "cidchar"):
        for code, cid in CMAP_CHAR.findall(section):
            found[int(code, 16)] = int(cid)
    for section in _cmap_sections(text, "cidrange"):
        for start, end, cid in CMAP_RANGE.findall(section):
            for n, code in enumerate(range(int(start, 16), int(end, 16) + 1)):
                found[code] = int(cid) + n
    return found


def read_pdf_font(font: pikepdf.Dictionary) -> PdfFont:
    """A WeasyPrint font: Type 0, two-byte codes, TrueType outlines embedded as a subset that keeps glyph ids."""
    name = re.sub(r"^/\w{6}\+", "", str(font.BaseFont))
    assert font.Subtype == "/Type0", (name, font.Subtype)
    cid_font = font.DescendantFonts[0]
    codes = parse_cid_encoding(font.Encoding)
    cid_to_gid = cid_font.get("/CIDToGIDMap", pikepdf.Name.Identity)
    if not isinstance(cid_to_gid, pikepdf.Name):
        table = cid_to_gid.read_bytes()
        gids = {cid: int.from_bytes(table[2 * cid : 2 * cid + 2], "big") for cid in range(len(table) // 2)}
        codes = {code: gids.get(cid, 0) for code, cid in (codes or {c: c for c in gids}).items()}
    assert "/FontFile2" in cid_font.FontDescriptor, f"{name} is not embedded as TrueType"
    embedded = TTFont(io.BytesIO(cid_font.FontDescriptor.FontFile2.read_bytes()))
    return PdfFont(name, codes, parse_to_unicode(font.ToUnicode), bundled_source(name, embedded))


def bundled_source(name: str, embedded: TTFont) -> str:
    """The bundled file an embedded subset was cut from: the same PostScript name, and the letters it kept map to
    the same glyph ids (WeasyPrint keeps them), which tells the Latin file from the Latin Extended one."""
    postscript = embedded["name"].getDebugName(6)
    kept = {char: embedded.getGlyphID(glyph) for char, glyph in embedded.getBestCmap().items()}
    for file, font in bundled_fonts().items():
        if font["name"].getDebugName(6) != postscript or font["maxp"].numGlyphs < embedded["maxp"].numGlyphs:
            continue
        full = font.getBestCmap()
        if all(char in full and font.getGlyphID(full[char]) == gid for char, gid in kept.items()):
            return file
    raise AssertionError(f"the PDF draws with {name} ({postscript}), which is none of our bundled fonts")


def shown_strings(contents: pikepdf.Object, resources: pikepdf.Dictionary) -> Iterator[tuple[str, bytes]]:
    """(font resource name, bytes) for each string a content stream shows, following q/Q and form XObjects."""
    font_stack: list[str | None] = [None]
    for operands, operator in pikepdf.parse_content_stream(contents):
        op = str(operator)
        if op == "q":
            font_stack.append(font_stack[-1])
        elif op == "Q":
            font_stack.pop()
        elif op == "Tf":
            font_stack[-1] = str(operands[0])
        elif op in ("Tj", "'", '"'):
            yield font_stack[-1], bytes(operands[-1])
        elif op == "TJ":
            for item in operands[0]:
                if isinstance(item, pikepdf.String):
                    yield font_stack[-1], bytes(item)
        elif op == "Do":
            xobject = resources.XObject[operands[0]]
            if xobject.Subtype == "/Form":
                yield from shown_strings(xobject, xobject.get("/Resources", resources))


def pdf_letters(data: bytes, label: str) -> set[str]:
    """Every letter the PDF draws, each checked against the bundled font that draws it."""
    letters: set[str] = set()
    problems: list[str] = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        fonts: dict[tuple[int, str], PdfFont] = {}
        for page in pdf.pages:
            resources = page.Resources
            for font_key, raw in shown_strings(page.obj, resources):
                assert font_key is not None, f"{label}: text shown before any font was set"
                font_object = resources.Font[font_key]
                key = (font_object.objgen, font_key)
                if key not in fonts:
                    fonts[key] = read_pdf_font(font_object)
                font = fonts[key]
                cmap = cmap_of(font.source)
                for i in range(0, len(raw) - 1, 2):
                    code = int.from_bytes(raw[i : i + 2], "big")
                    text = font.to_unicode.get(code, "")
                    if font.gid(code) == 0:
                        problems.append(f"{text!r} is .notdef (an empty box) in {font.source}")
                    for char in filter(drawn, text):
                        letters.add(char)
                        if ord(char) not in cmap:
                            problems.append(f"{char!r} U+{ord(char):04X} is not in {font.source}")
    assert not problems, f"{label}: {sorted(set(problems))[:10]}"
    return letters


def test_pdf_draws_every_letter_from_a_bundled_font_that_has_it(outputs: list[Output]) -> None:
    pdfs = of_format(outputs, "pdf")
    letters = {o: pdf_letters(o.path.read_bytes(), o.name) for o in pdfs}
    assert_welsh_letters(pdfs, letters)
    for o in pdfs:  # "grŵp" is in the first paragraph of every Welsh handout
        assert o.lang != "cy" or "ŵ" in letters[o], o.name
    arabic = set().union(*(letters[o] for o in pdfs if o.lang == "ar"))
    polish = set().union(*(letters[o] for o in pdfs if o.lang == "pl"))
    assert any("\u0600" <= c <= "\u06ff" for c in arabic) and set("ąęłśżź") <= polish


# HTML --------------------------------------------------------------------------------------------------------------


class _PageText(HTMLParser):
    """The words a page shows: the body's text, and the strings of CSS generated content (the page numbers)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.css: list[str] = []
        self._in: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self._in.append(tag)

    def handle_endtag(self, tag: str) -> None:
        while self._in and self._in.pop() != tag:
            pass

    def handle_data(self, data: str) -> None:
        if "style" in self._in:
            self.css.append(data)
        elif "body" in self._in:
            self.text.append(data)


def _font_family_lists(css: str) -> set[tuple[str, ...]]:
    outside_faces = FACE.sub("", css)
    return {
        tuple(name.strip().strip("\"'") for name in value.split(","))
        for value in re.findall(r"font-family\s*:\s*([^;}]+)", outside_faces)
    }


def html_letters(page: str, label: str) -> set[str]:
    """Every letter the page shows, each followed down the font list to the bundled file that draws it."""
    parser = _PageText()
    parser.feed(page)
    css = "\n".join(parser.css)
    family_lists = _font_family_lists(css)  # the body's, and the printed page footer's
    assert family_lists, f"{label}: no font-family"
    faces = faces_in(css, lambda src: base64.b64decode(src.split(",", 1)[1]))
    generated = "".join(re.findall(r'content:[^;]*?"([^"]*)"', css))
    letters = set(filter(drawn, "".join(parser.text) + generated))
    problems = set()
    for char in sorted(letters):
        for weight in sorted({f.weight for f in faces}):  # every letter, regular and bold, in every list
            for families in family_lists:
                problem = _browser_font(char, weight, families, faces)
                if problem:
                    problems.add(problem)
    assert not problems, f"{label}: {sorted(problems)[:10]}"
    return letters


def _browser_font(char: str, weight: int, families: tuple[str, ...], faces: list[Face]) -> str | None:
    """None if the first family whose faces claim the letter has it in a bundled file, else what went wrong."""
    for family in families:
        ours = [f for f in faces if f.family == family and f.weight == weight]
        if not ours:
            return f"{char!r} U+{ord(char):04X} ({weight}) falls through to {family}, which we do not bundle"
        claimed = [f for f in ours if f.claims(char)]
        if any(ord(char) in f.cmap for f in claimed):
            return None
        if claimed:
            return f"{char!r} U+{ord(char):04X} is in the unicode-range of {family} {weight}, which lacks it"
    return f"{char!r} U+{ord(char):04X} ({weight}) is in no font"


def test_html_names_a_bundled_font_with_every_letter(outputs: list[Output]) -> None:
    pages = of_format(outputs, "html")
    letters = {o: html_letters(o.path.read_text(encoding="utf-8"), o.name) for o in pages}
    assert_welsh_letters(pages, letters)


# Word --------------------------------------------------------------------------------------------------------------


def _ranges(*pairs: tuple[int, int]) -> frozenset[str]:
    return frozenset(chr(c) for start, end in pairs for c in range(start, end + 1))


# The Latin, punctuation and arrow part of WGL4, the set every Windows core font has (Arial, Verdana): Latin-1,
# all of Latin Extended-A (Polish; Welsh ŵ ŷ), the Welsh ẁ ẃ ẅ ỳ, and typographic punctuation.
WGL4_LATIN = _ranges(
    (0x20, 0x7E), (0xA0, 0x17F), (0x192, 0x192), (0x1FA, 0x1FF), (0x2C6, 0x2C7), (0x2C9, 0x2C9), (0x2D8, 0x2DD),
    (0x1E80, 0x1E85), (0x1EF2, 0x1EF3), (0x2013, 0x2015), (0x2017, 0x201E), (0x2020, 0x2022), (0x2026, 0x2026),
    (0x2030, 0x2030), (0x2032, 0x2033), (0x2039, 0x203A), (0x203C, 0x203C), (0x203E, 0x203E), (0x2044, 0x2044),
    (0x20AC, 0x20AC), (0x2122, 0x2122), (0x2190, 0x2195),
)  # fmt: skip
# Arial's Arabic: Windows code page 1256, which Arial's Windows and Office for Mac versions support.
CP1256 = frozenset(bytes(range(0x20, 0x100)).decode("cp1256", errors="ignore"))
KNOWN_FONTS = {"Arial": WGL4_LATIN | CP1256, "Verdana": WGL4_LATIN}
STAND_INS = {"Arial": "Liberation Sans"}  # what LibreOffice draws a named font with, for Latin letters
COMPLEX_SCRIPT = _ranges((0x0590, 0x08FF), (0xFB1D, 0xFDFF), (0xFE70, 0xFEFF))  # Hebrew, Arabic: the w:cs font
SLOT_THEME = {"w:ascii": "w:asciiTheme", "w:hAnsi": "w:hAnsiTheme", "w:cs": "w:cstheme"}


@cache
def stand_in_cmap(family: str) -> frozenset[int]:
    need_tool(shutil.which("fc-match") is not None, "fontconfig (fc-match)")
    found = subprocess.run(["fc-match", "-f", "%{family}\n%{file}", family], capture_output=True, text=True)
    name, _, path = found.stdout.partition("\n")
    need_tool(family in name.split(","), f"{family} (apt-get install fonts-liberation2)")
    return frozenset(TTFont(path).getBestCmap())


class _Styles:
    """Font resolution in a .docx: direct run formatting, then the run style, then the paragraph style (each
    with the styles it is based on), then the document defaults. A theme font there would hide the name."""

    def __init__(self, doc: Document) -> None:
        root = doc.styles.element
        self.by_id = {s.get(qn("w:styleId")): s for s in root.findall(qn("w:style"))}
        self.default_paragraph = next(
            s.get(qn("w:styleId"))
            for s in root.findall(qn("w:style"))
            if s.get(qn("w:type")) == "paragraph" and s.get(qn("w:default")) in ("1", "true")
        )
        self.defaults = root.find(qn("w:docDefaults") + "/" + qn("w:rPrDefault") + "/" + qn("w:rPr"))

    def chain(self, style_id: str | None) -> Iterator:
        while style_id and style_id in self.by_id:
            style = self.by_id[style_id]
            yield style.find(qn("w:rPr"))
            based = style.find(qn("w:basedOn"))
            style_id = based.get(qn("w:val")) if based is not None else None

    def font(self, run, paragraph_style: str | None, slot: str) -> str:
        rpr = run.find(qn("w:rPr"))
        run_style = rpr.find(qn("w:rStyle")) if rpr is not None else None
        levels = [rpr]
        levels += self.chain(run_style.get(qn("w:val")) if run_style is not None else None)
        levels += self.chain(paragraph_style or self.default_paragraph)
        levels.append(self.defaults)
        for level in levels:
            fonts = level.find(qn("w:rFonts")) if level is not None else None
            if fonts is None:
                continue
            if fonts.get(qn(SLOT_THEME[slot])):
                return "theme " + fonts.get(qn(SLOT_THEME[slot]))
            if fonts.get(qn(slot)):
                return fonts.get(qn(slot))
        return "(none)"


def docx_letters(path: Path, label: str) -> set[str]:
    """Every letter of the Word file, each checked against the font its run names for it."""
    doc = Document(str(path))
    styles = _Styles(doc)
    letters: set[str] = set()
    problems = set()
    for paragraph in doc.element.body.iter(qn("w:p")):
        ppr = paragraph.find(qn("w:pPr"))
        pstyle = ppr.find(qn("w:pStyle")) if ppr is not None else None
        paragraph_style = pstyle.get(qn("w:val")) if pstyle is not None else None
        for run in paragraph.iter(qn("w:r")):
            rpr = run.find(qn("w:rPr"))
            complex_run = rpr is not None and (rpr.find(qn("w:rtl")) is not None or rpr.find(qn("w:cs")) is not None)
            text = "".join(t.text or "" for t in run.iter(qn("w:t")))
            for char in filter(drawn, text):
                letters.add(char)
                slot = "w:cs" if complex_run or char in COMPLEX_SCRIPT else "w:ascii" if ord(char) < 0x80 else "w:hAnsi"
                problem = _word_font_problem(char, styles.font(run, paragraph_style, slot), slot)
                if problem:
                    problems.add(problem)
    assert not problems, f"{label}: {sorted(problems)[:10]}"
    return letters


def _word_font_problem(char: str, font: str, slot: str) -> str | None:
    if char not in KNOWN_FONTS.get(font, ()):
        return f"{char!r} U+{ord(char):04X} in {font} ({slot}), which may not have it"
    stand_in = STAND_INS.get(font)
    if stand_in and char not in COMPLEX_SCRIPT and ord(char) not in stand_in_cmap(stand_in):
        return f"{char!r} U+{ord(char):04X} is not in {stand_in}, which LibreOffice draws {font} with"
    return None


def test_word_names_fonts_with_every_letter(outputs: list[Output]) -> None:
    files = of_format(outputs, "docx")
    letters = {o: docx_letters(o.path, o.name) for o in files}
    assert_welsh_letters(files, letters)
    assert any("\u0600" <= c <= "\u06ff" for o in files if o.lang == "ar" for c in letters[o])
