"""Local content in other languages: translated from content.po, or shown in English, tagged and said so."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from pptx import Presentation

from tests.helpers import po, toolkit
from tests.helpers.browser import axe_violations
from toolkit.deck.markdown import parse_session
from toolkit.deck.model import Run
from toolkit.deck.template import escape_markdown
from toolkit.project import ContentRoot
from toolkit.text import Untranslated

FOLDER = "north/testford-central"
SITE_FILE = "local_content/north/testford-central.yaml"
WELSH_NOTE = "Mae rhai manylion am yr ardal hon yn Saesneg"


def build(root: ContentRoot, out: Path, *args: str):
    return toolkit("--root", root.path, "build", "--topic", "hello", "--lang", "cy", "--out", out, "--jobs", "1", *args)


def untranslate(root: ContentRoot, msgid: str) -> None:
    """Take one string's Welsh out of the content catalogue, as if nobody had translated it yet."""
    path = po(root, "cy", "content")
    text = path.read_text()
    start = text.index(f'msgid "{msgid}"')
    end = text.index("\n", text.index("msgstr", start))
    path.write_text(text[:start] + f'msgid "{msgid}"\nmsgstr ""' + text[end:])


def translate_into_welsh(root: ContentRoot) -> None:
    site = root.path / SITE_FILE
    site.write_text("translations: [cy]\n" + site.read_text())


def status(root: ContentRoot) -> dict:
    result = toolkit("--root", root.path, "translations", "--lang", "cy", "--format", "json")
    assert result.exit_code == 0, result.output + result.stderr
    return next(r for r in json.loads(result.output) if r["domain"] == "content")


def pptx_runs(path: Path) -> dict[str, str]:
    """Each run's text in a deck, with its language."""
    prs = Presentation(str(path))
    frames = [shape.text_frame for slide in prs.slides for shape in slide.shapes if shape.has_text_frame]
    return {run.text: run._r.rPr.get("lang") for frame in frames for p in frame.paragraphs for run in p.runs}


def test_local_content_comes_in_the_decks_language(i18n_root: ContentRoot, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = build(i18n_root, out, "--format", "pptx,html", "--allow-missing")  # the test toolkit.po is partial
    assert result.exit_code == 0, result.output + result.stderr
    runs = pptx_runs(out / FOLDER / "cy/hello.pptx")
    assert runs["Sesiwn i bobl yn Canolfan Byd Gwaith Canol Testford."] == "cy-GB"
    page = (out / FOLDER / "cy/hello.html").read_text()
    assert "Dydd Llun i ddydd Gwener, 9am i 5pm" in page  # the jobcentre's opening hours, in its contacts
    assert "Testford Central Jobcentre" not in page and 'lang="en-GB"' not in page and WELSH_NOTE not in page
    entry = json.loads((out / "manifest.json").read_text())["files"][0]
    assert entry["translation_status"]["local_in_english"] == 0


def test_untranslated_content_is_english_tagged_as_english_and_the_output_says_so(
    i18n_root: ContentRoot, tmp_path: Path
) -> None:
    untranslate(i18n_root, "Testford Central Jobcentre")
    out = tmp_path / "out"
    result = build(i18n_root, out, "--format", "pptx")
    assert result.exit_code == 0, result.output + result.stderr  # no --allow-missing needed for local content
    assert build(i18n_root, out, "--format", "html,docx", "--allow-missing").exit_code == 0
    runs = pptx_runs(out / FOLDER / "cy/hello.pptx")
    assert runs["Testford Central Jobcentre"] == "en-GB" and runs["Sesiwn i bobl yn "] == "cy-GB"
    prs = Presentation(str(out / FOLDER / "cy/hello.pptx"))
    assert any(p.text.startswith(WELSH_NOTE) for p in prs.slides[0].notes_slide.notes_text_frame.paragraphs)
    page = (out / FOLDER / "cy/hello.html").read_text()
    assert '<span lang="en-GB">Testford Central Jobcentre</span>' in page and WELSH_NOTE in page
    with zipfile.ZipFile(out / FOLDER / "cy/hello.docx") as document:
        body = document.read("word/document.xml").decode()
    assert 'w:val="en-GB"' in body and body.count("Testford Central Jobcentre") >= 1
    for entry in json.loads((out / "manifest.json").read_text())["files"]:
        status = entry["translation_status"]
        assert status["local_in_english"] == 1 and status["reviewed"] is False
        assert status["missing"] == 0 if entry["format"] == "pptx" else status["missing"] > 0


def test_pages_with_english_content_pass_axe_in_welsh_and_arabic(
    i18n_root: ContentRoot, tmp_path: Path, browser, axe_source: str
) -> None:
    (po(i18n_root, "ar", "content")).unlink()  # nothing of the site's content in Arabic
    untranslate(i18n_root, "Testford Central Jobcentre")
    out = tmp_path / "out"
    result = build(i18n_root, out, "--lang", "cy,ar", "--format", "html", "--allow-missing")
    assert result.exit_code == 0, result.output + result.stderr
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    for code in ("cy", "ar"):
        url = (out / FOLDER / code / "hello.html").as_uri()
        assert axe_violations(page, axe_source, url) == [], code
        english = page.evaluate("[...document.querySelectorAll('[lang=\"en-GB\"]')].map(e => e.textContent)")
        assert "Testford Central Jobcentre" in english, code
    context.close()


def test_content_an_output_does_not_show_is_not_counted(i18n_root: ContentRoot, tmp_path: Path) -> None:
    untranslate(i18n_root, "Monday to Friday, 9am to 5pm")  # only the handouts' contacts show opening hours
    out = tmp_path / "out"
    assert build(i18n_root, out, "--format", "pptx,txt", "--allow-missing").exit_code == 0
    entries = {e["format"]: e["translation_status"] for e in json.loads((out / "manifest.json").read_text())["files"]}
    assert entries["pptx"]["local_in_english"] == 0 and entries["txt"]["local_in_english"] == 1
    assert WELSH_NOTE in (out / FOLDER / "cy/hello.txt").read_text()


def test_require_reviewed_refuses_local_content_left_in_english(i18n_root: ContentRoot, tmp_path: Path) -> None:
    signed = toolkit("--root", i18n_root.path, "translations", "review", "cy", "--reviewer", "A Translator")
    assert signed.exit_code == 0, signed.output + signed.stderr
    assert build(i18n_root, tmp_path / "ok", "--require-reviewed").exit_code == 0
    untranslate(i18n_root, "Testford Central Jobcentre")
    refused = build(i18n_root, tmp_path / "out", "--require-reviewed")
    assert refused.exit_code == 1
    assert "1 local detail has no Welsh (cy) translation" in refused.stderr
    assert f'{SITE_FILE}:2 "Testford Central Jobcentre"' in refused.stderr


def test_translations_lists_local_content_for_the_sites_translated_into_a_language(i18n_root: ContentRoot) -> None:
    assert status(i18n_root)["strings"] == 0  # no site says it is translated into Welsh yet
    translate_into_welsh(i18n_root)
    row = status(i18n_root)
    assert row["translated"] == 3 and row["missing"] + row["out_of_date"] == row["strings"] - 3 > 5
    assert "Food parcels with a referral." in row["missing_strings"]
    updated = toolkit("--root", i18n_root.path, "translations", "update")
    assert updated.exit_code == 0, updated.output + updated.stderr
    catalogue = po(i18n_root, "cy", "content").read_text()
    assert '#. services.what\n#: local_content/north/testford-central.yaml:13\nmsgid "Food parcels' in catalogue
    assert 'msgstr "Canolfan Byd Gwaith Canol Testford"' in catalogue  # kept


def test_changed_content_is_out_of_date_and_shown_in_english(i18n_root: ContentRoot, tmp_path: Path) -> None:
    translate_into_welsh(i18n_root)
    site = i18n_root.path / SITE_FILE
    site.write_text(site.read_text().replace("Monday to Friday, 9am to 5pm", "Monday to Friday, 9am to 4pm"))
    row = status(i18n_root)
    assert "Monday to Friday, 9am to 4pm" in row["out_of_date_strings"]
    out = tmp_path / "out"
    assert build(i18n_root, out, "--format", "txt", "--allow-missing").exit_code == 0
    handout = (out / FOLDER / "cy/hello.txt").read_text()
    assert "9am to 4pm" in handout and "9am i 5pm" not in handout  # never the old translation of an old fact


def test_a_percent_sign_in_content_is_just_a_character(i18n_root: ContentRoot, tmp_path: Path) -> None:
    for path in (i18n_root.path / SITE_FILE, po(i18n_root, "cy", "content")):
        path.write_text(path.read_text().replace("Testford Central Jobcentre", "Testford 100% Jobcentre"))
    path = po(i18n_root, "cy", "content")
    path.write_text(path.read_text().replace("Canolfan Byd Gwaith Canol Testford", "Canolfan 100% Testford"))
    out = tmp_path / "out"
    result = build(i18n_root, out)
    assert result.exit_code == 0, result.output + result.stderr
    assert "Sesiwn i bobl yn Canolfan 100% Testford." in pptx_runs(out / FOLDER / "cy/hello.pptx")


def test_untranslated_marks_become_english_runs_and_never_reach_titles() -> None:
    name = escape_markdown(Untranslated("Cardiff *Bus*"))
    notes = f"::: notes\nSay: Ffoniwch {name}.\n:::\n"
    text = f"---\ntitle: x\n---\n# Bws {name}\n\nDal [{name}](https://example.org) heddiw.\n\n{notes}"
    slide = parse_session(text, "test").slides[0]
    assert slide.title == "Bws Cardiff *Bus*"
    assert slide.notes[0].runs == (Run("Ffoniwch "), Run("Cardiff *Bus*", lang="en-GB"), Run("."))
    assert slide.blocks[0].runs == (
        Run("Dal "),
        Run("Cardiff *Bus*", link="https://example.org", lang="en-GB"),
        Run(" heddiw."),
    )


def test_content_may_not_hold_the_marks(i18n_root: ContentRoot) -> None:
    site = i18n_root.path / SITE_FILE
    site.write_text(site.read_text().replace("Testford Central Jobcentre", "Testford \ue000Central"))
    result = toolkit("--root", i18n_root.path, "validate")
    assert result.exit_code != 0 and "U+E000" in result.stderr and "testford-central.yaml:2" in result.stderr


def test_the_review_site_says_which_decks_have_local_content_in_english(i18n_root: ContentRoot, tmp_path: Path) -> None:
    untranslate(i18n_root, "Testford Central Jobcentre")
    out = tmp_path / "out"
    assert build(i18n_root, out).exit_code == 0
    result = toolkit("--root", i18n_root.path, "report", "--out", out)
    assert result.exit_code == 0, result.output + result.stderr
    index = (out / "report" / "index.html").read_text()
    assert "Draft translation" in index and "(1 local detail in English)" in index
