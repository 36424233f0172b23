"""What a build does about translations: refuse drafts when asked, and fail on missing strings unless allowed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..errors import ToolkitError
from ..i18n.catalogues import (
    CONTENT,
    SESSIONS,
    TOOLKIT,
    Key,
    Translator,
    find_po,
    locale_folder,
    read_status,
    status_path,
)
from ..i18n.languages import Language
from ..project import ContentRoot

SHOWN = 8  # missing strings listed in one error; the rest are counted
PLACES = {SESSIONS: "templates/sessions", TOOLKIT: "the toolkit", CONTENT: "local_content"}


@dataclass(frozen=True)
class TranslationRules:
    allow_missing: bool = False  # build anyway, with the English where a translation is missing
    require_reviewed: bool = False  # refuse translations a qualified translator has not checked


def check_languages(templates: Path, languages: Iterable[Language], rules: TranslationRules) -> None:
    """With --require-reviewed, refuse the whole build if any language asked for is a draft."""
    if not rules.require_reviewed:
        return
    drafts = [lang for lang in sorted(set(languages), key=lambda x: x.code) if not lang.is_source]
    drafts = [lang for lang in drafts if not read_status(templates, lang.code).reviewed]
    if drafts:
        names = ", ".join(f"{lang.name} ({lang.code})" for lang in drafts)
        raise ToolkitError(
            f"the {names} translation is a draft: a qualified translator has not checked it, so --require-reviewed "
            "refuses it. Build without --require-reviewed to make drafts, which say they are drafts; see "
            "docs/translations.md for how a translator signs one off",
            status_path(templates, drafts[0].code),
        )


def check_catalogues(templates: Path, languages: Iterable[Language]) -> None:
    """Refuse a language asked for that has no translation of the templates at all, in one line.

    Without this, `--lang fr` would list every string as missing, file by file.
    """
    for lang in languages:
        if not lang.is_source and find_po(templates, lang.code, SESSIONS) is None:
            raise ToolkitError(
                f"there is no {lang.name} ({lang.code}) translation of the templates: start one with 'toolkit "
                f"translations update --lang {lang.code}' (see docs/translations.md), or build without it",
                locale_folder(templates),
            )


def acceptable(entry: dict | None, rules: TranslationRules) -> bool:
    """Whether a file an earlier build made still meets the rules: nothing missing, reviewed if required."""
    status = (entry or {}).get("translation_status") or {}
    if not rules.allow_missing and status.get("missing"):
        return False
    return not (rules.require_reviewed and status.get("reviewed") is False)


def translation_problems(
    root: ContentRoot, translator: Translator, rules: TranslationRules, topic: str, output: Path | None = None
) -> list[ToolkitError]:
    """Errors for what an output used: missing strings (unless allowed), draft strings (if refused)."""
    if translator.language.is_source:
        return []
    lang = translator.language
    usage = translator.usage
    where = f"{output.as_posix()}: " if output else f"'{topic}': "
    problems = []
    missing = usage.missing_strings
    if missing and not rules.allow_missing:
        listed = missing_list(root, sorted(missing, key=str))
        out_of_date = usage.out_of_date & missing
        stale = f" ({len(out_of_date)} of them out of date)" if out_of_date else ""
        problems.append(
            ToolkitError(
                f"{where}{_strings(len(missing))} no {lang.name} ({lang.code}) translation{stale}: "
                f"{listed}. Translate them (see docs/translations.md), or build with --allow-missing to use the "
                "English for them"
            )
        )
    elif rules.require_reviewed and translator.draft:
        problems.append(
            ToolkitError(
                f"{where}{len(usage.drafts)} of the {lang.name} strings it uses are not marked reviewed, so "
                "--require-reviewed refuses it: a qualified translator must check them (see docs/translations.md)"
            )
        )
    elif rules.require_reviewed and usage.local_in_english:
        english = sorted(usage.local_in_english, key=str)
        details = "1 local detail has" if len(english) == 1 else f"{len(english)} local details have"
        problems.append(
            ToolkitError(
                f"{where}{details} no {lang.name} ({lang.code}) translation, so "
                f"--require-reviewed refuses it: {missing_list(root, english)}. Run 'toolkit translations update' "
                "and send content.po to a translator"
            )
        )
    return problems


def _strings(n: int) -> str:
    return "1 string has" if n == 1 else f"{n} strings have"


def missing_list(root: ContentRoot, missing: list[tuple[str, Key]]) -> str:
    """Missing strings as `file:line "msgid"`, the first few of them, and how many more there are."""
    from .extract import source_lines

    shown = []
    for domain, key in missing[:SHOWN]:
        msgid = key[0] if isinstance(key, tuple) else key
        places = source_lines(root, domain).get(key, [])
        place = places[0] if places else PLACES[domain]
        short = msgid if len(msgid) <= 50 else msgid[:47] + "..."
        shown.append(f'{place} "{short}"')
    more = f"; and {len(missing) - SHOWN} more (run 'toolkit translations')" if len(missing) > SHOWN else ""
    return "; ".join(shown) + more
