"""Building in other languages: folders, language tags, missing strings, drafts and the manifest."""

from __future__ import annotations

import json
from pathlib import Path

from pptx import Presentation

from tests.helpers import po, toolkit
from toolkit.project import ContentRoot

FOLDER = "north/testford-central"


def build(root: ContentRoot, out: Path, *args: str):
    return toolkit("--root", root.path, "build", "--topic", "hello", "--out", out, "--jobs", "1", *args)


def manifest(out: Path) -> dict[str, dict]:
    return {e["path"]: e for e in json.loads((out / "manifest.json").read_text())["files"]}


def test_a_deck_in_welsh_goes_in_the_welsh_folder_with_its_language_and_a_draft_note(
    i18n_root: ContentRoot, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = build(i18n_root, out, "--lang", "cy,en")
    assert result.exit_code == 0, result.output + result.stderr
    entries = manifest(out)
    assert set(entries) == {f"{FOLDER}/cy/hello.pptx", f"{FOLDER}/en/hello.pptx"}
    welsh = entries[f"{FOLDER}/cy/hello.pptx"]
    assert welsh["language"] == "cy-GB"
    status = welsh["translation_status"]
    assert status["language"] == "cy" and status["reviewed"] is False and status["missing"] == 0
    assert entries[f"{FOLDER}/en/hello.pptx"]["translation_status"]["source"] is True
    prs = Presentation(out / f"{FOLDER}/cy/hello.pptx")
    assert prs.slides[0].shapes.title.text == "Croeso"
    notes = [p.text for p in prs.slides[0].notes_slide.notes_text_frame.paragraphs]
    assert notes[0].startswith("Drafft yw'r cyfieithiad hwn")  # the draft note, in Welsh
    assert "Dywedwch: Croeso, bawb." in notes  # notes markers in the deck's language
    langs = {r.get("lang") for s in prs.slides for sh in s.shapes if sh.has_text_frame for r in sh._element.iter()}
    assert "cy-GB" in langs and "en-GB" not in langs


def test_missing_translations_fail_the_build_with_a_list(i18n_root: ContentRoot, tmp_path: Path) -> None:
    path = po(i18n_root, "cy")
    path.write_text(path.read_text().replace('msgstr "Bysiau"', 'msgstr ""'))
    out = tmp_path / "out"
    result = build(i18n_root, out, "--lang", "cy")
    assert result.exit_code == 1
    assert "1 string has no Welsh (cy) translation" in result.stderr
    assert 'templates/sessions/hello.md.j2:26 "Buses"' in result.stderr
    assert "--allow-missing" in result.stderr
    assert not (out / f"{FOLDER}/cy/hello.pptx").exists()


def test_allow_missing_uses_the_english_and_the_manifest_says_so(i18n_root: ContentRoot, tmp_path: Path) -> None:
    path = po(i18n_root, "cy")
    path.write_text(path.read_text().replace('msgstr "Bysiau"', 'msgstr ""'))
    out = tmp_path / "out"
    result = build(i18n_root, out, "--lang", "cy", "--allow-missing")
    assert result.exit_code == 0, result.output + result.stderr
    status = manifest(out)[f"{FOLDER}/cy/hello.pptx"]["translation_status"]
    assert status["missing"] == 1 and status["reviewed"] is False
    slide = Presentation(out / f"{FOLDER}/cy/hello.pptx").slides[1]
    assert "Buses" in [p.text for sh in slide.shapes if sh.has_text_frame for p in sh.text_frame.paragraphs]
    assert build(i18n_root, out, "--lang", "cy").exit_code == 1  # a file made with English in it is not kept


def test_handouts_need_the_toolkit_words_translated_too(i18n_root: ContentRoot, tmp_path: Path) -> None:
    result = build(i18n_root, tmp_path / "out", "--lang", "cy", "--format", "txt")
    assert result.exit_code == 1
    assert "toolkit/handout/content.py:" in result.stderr and "Questions for your next appointment" in result.stderr


def test_require_reviewed_refuses_drafts_until_a_translator_signs_off(i18n_root: ContentRoot, tmp_path: Path) -> None:
    out = tmp_path / "out"
    refused = build(i18n_root, out, "--lang", "cy", "--require-reviewed")
    assert refused.exit_code == 2
    assert "Welsh (cy) translation is a draft" in refused.stderr and "qualified translator" in refused.stderr
    assert not out.exists() or not any(out.rglob("*.pptx"))
    signed = toolkit(
        "--root", i18n_root.path, "translations", "review", "cy", "--reviewer", "A Translator", "--date", "2026-11-20"
    )
    assert signed.exit_code == 0, signed.output + signed.stderr
    assert "# reviewed: A Translator, 2026-11-20" in po(i18n_root, "cy").read_text()
    result = build(i18n_root, out, "--lang", "cy", "--require-reviewed")
    assert result.exit_code == 0, result.output + result.stderr
    status = manifest(out)[f"{FOLDER}/cy/hello.pptx"]["translation_status"]
    assert status["reviewed"] is True and status["reviewer"] == "A Translator" and status["date"] == "2026-11-20"
    notes = Presentation(out / f"{FOLDER}/cy/hello.pptx").slides[0].notes_slide.notes_text_frame.text
    assert "Drafft" not in notes


def test_a_string_translated_after_the_review_is_a_draft_again(i18n_root: ContentRoot, tmp_path: Path) -> None:
    toolkit("--root", i18n_root.path, "translations", "review", "cy", "--reviewer", "A Translator")
    path = po(i18n_root, "cy")
    path.write_text(path.read_text().replace('"Bysiau"', '"Bysus"').replace("# reviewed: A Translator", "# draft", 1))
    result = build(i18n_root, tmp_path / "out", "--lang", "cy", "--require-reviewed")
    assert result.exit_code == 1 and "not marked reviewed" in result.stderr


def test_an_arabic_send_pack_has_a_translated_message_with_the_draft_line(i18n_root: ContentRoot, tmp_path) -> None:
    out = tmp_path / "out"
    args = ["handout", "--site", "testford-central", "--lang", "ar", "--format", "txt,html", "--pack", "--out", out]
    result = toolkit("--root", i18n_root.path, *args)
    assert result.exit_code == 0, result.output + result.stderr  # the test catalogues have every Arabic string
    message = (out / "north/testford-central/ar/hello-pack/message.txt").read_text()
    assert message.startswith("لم يراجع مترجم مؤهل هذه الترجمة بعد.")  # the draft line, in Arabic
    assert 'أرفقت نشرة من الجلسة الجماعية "الوصول إلى العمل في Testford".' in message
    assert "- hello.html: صفحة ويب تعمل جيدا على الهاتف" in message
    handout = (out / "north/testford-central/ar/hello.txt").read_text()
    assert handout.splitlines()[2].startswith("لم يراجع مترجم مؤهل")  # the first line under the title
    assert "أسئلة لموعدك القادم" in handout and "Questions for your next appointment" not in handout


def test_no_catalogues_yet_says_how_to_start(mini: ContentRoot) -> None:
    result = toolkit("--root", mini.path, "translations")
    assert result.exit_code == 0 and "toolkit translations update --lang" in result.output
