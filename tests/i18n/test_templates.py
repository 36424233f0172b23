"""Translatable session templates: jinja2's i18n extension, Markdown escaping, catalogues, plurals."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import po
from toolkit.content.loader import find_sites, load_site
from toolkit.deck.template import SessionTemplates
from toolkit.errors import ToolkitError
from toolkit.i18n import language
from toolkit.i18n.catalogues import make_translator
from toolkit.project import ContentRoot


def render(root: ContentRoot, code: str | None, **changes) -> str:
    site = load_site(root.content, find_sites(root.content)[0])
    site = site.model_copy(update=changes) if changes else site
    translator = make_translator(root.templates, language(code)) if code else None
    return SessionTemplates(root.sessions).render("hello", translator, site=site, topic="hello")


def test_english_is_the_source_and_needs_no_catalogue(i18n_root: ContentRoot) -> None:
    text = render(i18n_root, None)
    assert 'title: "Getting to work in Testford"' in text
    assert "A session for people at Testford Central Jobcentre." in text
    assert "- 2 tickets" in text


def test_welsh_comes_from_its_catalogue_with_plurals(i18n_root: ContentRoot) -> None:
    text = render(i18n_root, "cy")
    assert 'title: "Cyrraedd y gwaith yn Testford"' in text
    assert "# Croeso\n\nSesiwn i bobl yn Testford Central Jobcentre.\n\n::: notes" in text  # line breaks kept
    assert "- Dau docyn" in text  # Welsh has a form for two


def test_content_put_into_a_translation_is_escaped_but_not_the_translation(i18n_root: ContentRoot) -> None:
    site = load_site(i18n_root.content, find_sites(i18n_root.content)[0])
    hostile = site.jobcentre.model_copy(update={"name": "[Click](http://x.example) & *me*"})
    district = site.district.model_copy(update={"area": 'Brighton & "Hove"'})
    text = render(i18n_root, "cy", jobcentre=hostile, district=district)
    assert r"Sesiwn i bobl yn \[Click\](http://x.example) \& \*me\*." in text
    assert 'title: "Cyrraedd y gwaith yn Brighton & \\"Hove\\""' in text  # front matter gets plain text


def test_a_broken_placeholder_in_a_translation_names_the_catalogue_line(i18n_root: ContentRoot) -> None:
    path = po(i18n_root, "cy")
    path.write_text(path.read_text().replace("Sesiwn i bobl yn %(site_jobcentre_name)s.", "Sesiwn i bobl yn %(enw)s."))
    with pytest.raises(ToolkitError) as caught:
        render(i18n_root, "cy")
    assert caught.value.path == str(path) and caught.value.line
    assert "%(enw)s" in caught.value.message or "'enw'" in caught.value.message


def test_arabic_plural_forms_follow_the_catalogue_rule(i18n_root: ContentRoot) -> None:
    translator = make_translator(i18n_root.templates, language("ar"))
    forms = [translator.ngettext("sessions", "One ticket", "%(count)s tickets", n) for n in (0, 1, 2, 5, 11)]
    assert forms == ["لا تذاكر", "تذكرة واحدة", "تذكرتان", "%(count)s تذاكر", "%(count)s تذكرة"]


def test_babel_cfg_matches_how_the_toolkit_reads_templates() -> None:
    from toolkit.translations.extract import jinja_options

    text = (Path(__file__).parents[2] / "babel.cfg").read_text()
    for key, value in jinja_options().items():
        if key != "silent":
            assert f"{key} = {value}" in text
