"""The translation tests use the i18n_root fixture from tests/conftest.py."""

from __future__ import annotations

from pathlib import Path

from toolkit.project import ContentRoot


def po(root: ContentRoot, code: str, domain: str = "sessions") -> Path:
    return root.templates / "locale" / code / "LC_MESSAGES" / f"{domain}.po"
