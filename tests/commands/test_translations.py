"""`toolkit translations`: the status table, extract, update, and out-of-date strings."""

from __future__ import annotations

import json

from tests.helpers import po, toolkit
from toolkit.project import ContentRoot


def status(root: ContentRoot) -> dict[tuple[str, str], dict]:
    result = toolkit("--root", root.path, "translations", "--format", "json")
    assert result.exit_code == 0, result.output + result.stderr
    return {(r["language"], r["domain"]): r for r in json.loads(result.output)}


def test_the_status_counts_each_language(i18n_root: ContentRoot) -> None:
    rows = status(i18n_root)
    assert set(rows) == {(code, domain) for code in ("ar", "cy") for domain in ("sessions", "toolkit", "content")}
    welsh = rows[("cy", "sessions")]
    assert (welsh["strings"], welsh["translated"], welsh["missing"], welsh["out_of_date"]) == (10, 10, 0, 0)
    assert (welsh["drafts"], welsh["reviewed"], welsh["signed_off"]) == (10, 0, False)
    assert rows[("cy", "toolkit")]["missing"] > 0
    table = toolkit("--root", i18n_root.path, "translations")
    assert "cy Welsh" in table.output and "draft" in table.output


def test_an_english_string_changed_in_a_template_is_out_of_date_in_every_language(i18n_root: ContentRoot) -> None:
    template = i18n_root.sessions / "hello.md.j2"
    template.write_text(template.read_text().replace("Who takes the bus?", "Who takes a bus?"))
    rows = status(i18n_root)
    for code in ("cy", "ar"):
        row = rows[(code, "sessions")]
        assert row["out_of_date"] == 1 and row["out_of_date_strings"] == ["Who takes a bus?"], row
        assert row["translated"] == 9
    updated = toolkit("--root", i18n_root.path, "translations", "update")
    assert updated.exit_code == 0, updated.output + updated.stderr
    for code in ("cy", "ar"):
        text = po(i18n_root, code).read_text()
        entry = text[text.index('#| msgid "Who takes the bus?"') - 40 :]
        assert "#, fuzzy" in entry[:80] and 'msgid "Who takes a bus?"' in entry  # old English beside the new
    assert status(i18n_root)[("cy", "sessions")]["out_of_date"] == 1


def test_the_old_english_stays_once_through_updates_and_goes_when_the_translator_is_done(
    i18n_root: ContentRoot,
) -> None:
    template = i18n_root.sessions / "hello.md.j2"
    template.write_text(template.read_text().replace("Who takes the bus?", "Who takes a bus?"))
    for _ in range(2):
        assert toolkit("--root", i18n_root.path, "translations", "update").exit_code == 0
    text = po(i18n_root, "cy").read_text()
    assert text.count('#| msgid "Who takes the bus?"') == 1 and "# |" not in text
    po(i18n_root, "cy").write_text(text.replace("#, fuzzy\n#| msgid", "#| msgid", 1))  # the translator is done
    assert toolkit("--root", i18n_root.path, "translations", "update").exit_code == 0
    assert "Who takes the bus?" not in po(i18n_root, "cy").read_text()


def test_a_fuzzy_string_is_not_used_and_loses_its_reviewed_mark(i18n_root: ContentRoot, tmp_path) -> None:
    toolkit("--root", i18n_root.path, "translations", "review", "cy", "--reviewer", "A Translator")
    template = i18n_root.sessions / "hello.md.j2"
    template.write_text(template.read_text().replace("Who takes the bus?", "Who takes a bus?"))
    toolkit("--root", i18n_root.path, "translations", "update")
    text = po(i18n_root, "cy").read_text()
    fuzzy = text[text.index('#| msgid "Who takes the bus?"') - 120 :][:400]
    assert "reviewed:" not in fuzzy
    result = toolkit("--root", i18n_root.path, "build", "--lang", "cy", "--out", tmp_path / "out", "--jobs", "1")
    assert result.exit_code == 1 and "(1 of them out of date)" in result.stderr


def test_extract_writes_both_templates(i18n_root: ContentRoot) -> None:
    result = toolkit("--root", i18n_root.path, "translations", "extract")
    assert result.exit_code == 0, result.output + result.stderr
    sessions = (i18n_root.templates / "locale" / "sessions.pot").read_text()
    assert "#: templates/sessions/hello.md.j2:" in sessions and 'msgid "Welcome, everyone."' in sessions
    assert 'msgid_plural "%(count)s tickets"' in sessions
    toolkit_pot = (i18n_root.templates / "locale" / "toolkit.pot").read_text()
    assert 'msgid "Questions for your next appointment"' in toolkit_pot and 'msgid "Say:"' in toolkit_pot
    again = toolkit("--root", i18n_root.path, "translations", "extract")
    assert again.exit_code == 0 and (i18n_root.templates / "locale" / "sessions.pot").read_text() == sessions


def test_update_starts_a_new_language(i18n_root: ContentRoot) -> None:
    result = toolkit("--root", i18n_root.path, "translations", "update", "--lang", "pl")
    assert result.exit_code == 0, result.output + result.stderr
    text = po(i18n_root, "pl").read_text()
    assert "Language: pl" in text and "nplurals=3" in text and 'msgid "Welcome"' in text
    assert status(i18n_root)[("pl", "sessions")]["missing"] == 10
