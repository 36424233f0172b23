"""The committed catalogue templates are what `toolkit translations extract` makes from the sources today."""

from __future__ import annotations

import pytest

from toolkit.i18n.catalogues import DOMAINS, TOOLKIT, pot_path
from toolkit.project import ContentRoot
from toolkit.translations.extract import template_bytes

from ..helpers import REPO


@pytest.mark.parametrize("domain", DOMAINS)
def test_committed_template_is_current(domain: str) -> None:
    root = ContentRoot.at(REPO)
    committed = pot_path(root.templates, domain).read_bytes()
    assert template_bytes(root, domain) == committed, (
        f"templates/locale/{domain}.pot is out of date: run 'toolkit translations extract', then"
        " 'toolkit translations update'"
    )


def test_code_references_have_no_line_numbers() -> None:
    """Editing code above a marked string must not change the catalogues; templates keep their lines."""
    root = ContentRoot.at(REPO)
    references = [
        line for line in template_bytes(root, TOOLKIT).decode().splitlines() if line.startswith("#: toolkit/")
    ]
    assert references
    assert not [line for line in references if ":" in line.removeprefix("#:")]
    sessions = template_bytes(root, "sessions").decode()
    assert "#: templates/sessions/cv.md.j2:" in sessions
