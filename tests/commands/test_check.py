"""The check commands: `toolkit rules` lists every rule `toolkit check` runs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.helpers import toolkit


def test_rules_lists_every_rule() -> None:
    result = toolkit("rules")
    for name in (
        "reading-age",
        "sentence-too-long",
        "words-to-avoid",
        "wordy",
        "jargon",
        "acronym-unexplained",
        "passive-voice",
        "link-text",
    ):
        assert name in result.stdout


def test_checking_text_loads_no_library_for_other_files(tmp_path: Path) -> None:
    """Start-up time (issue 19): decks, PDFs, Markdown, HTML and textstat load only for the files that need them.

    Only the reader for the file's ending loads (readers/__init__.py), the rules load no reader, and the
    report loads textwrap only for text that needs it."""
    page = tmp_path / "one-line.txt"
    page.write_text("You can get help with the cost of getting to work.\n", encoding="utf-8")
    script = (
        "import sys\nfrom toolkit.cli import main\n"
        "try:\n    main(['check', sys.argv[1]])\nexcept SystemExit:\n    pass\n"
        "print('loaded:', *sorted(m for m in sys.modules for h in sys.argv[2:] if m == h or m.startswith(h + '.')))"
    )
    heavy = [
        *("pptx", "lxml", "docx", "pdfminer", "markdown_it", "textstat", "pyphen", "nltk", "PIL"),
        *(f"toolkit.readers.{name}" for name in ("markdown", "html", "office", "pdf", "slides")),
        *("toolkit.zips", "toolkit.checks.docs", "zipfile", "html.parser", "textwrap"),
    ]
    result = subprocess.run([sys.executable, "-c", script, str(page), *heavy], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "loaded:", result.stdout


def test_json_report_is_what_json_dumps_makes(tmp_path: Path) -> None:
    """The report is written a finding at a time, and must be the same text as json.dumps makes of it all."""
    from toolkit.checks.report import summary, write_json
    from toolkit.checks.run import run_checks

    (tmp_path / "words.txt").write_text("It is imperative that you utilise this.\n\nThe DWP will commence.\n")
    (tmp_path / "plain.txt").write_text("Come along.\n")
    files = (tmp_path / "words.txt", tmp_path / "plain.txt", tmp_path / "missing.txt")
    reports = run_checks(tmp_path, files, None, None, [])
    written: list[str] = []
    write_json(reports, written.append)
    counts = {**summary(reports), "files_not_checked": 1}
    whole = {"files": [r.as_dict() for r in reports], "summary": counts}
    assert "".join(written) == json.dumps(whole, indent=2, ensure_ascii=False) + "\n"
    write_json([], written.append)
    assert json.loads("".join(written[-1:])) == {"files": [], "summary": {**summary([]), "files_not_checked": 0}}
