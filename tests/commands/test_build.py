"""The build commands (commands/build.py): `toolkit handout`, and handouts in `toolkit build`: names, manifest,
choices, the same bytes twice, safety. Send packs are in tests/test_pack.py; whole builds in tests/test_build.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers import manifest, toolkit
from toolkit.project import ContentRoot

HOSTILE = '<img src="file:///etc/passwd"> url(http://example.org/x.css) <script>alert(1)</script>'


def test_handout_writes_each_format_and_style_with_the_core_names(mini: ContentRoot, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = toolkit(
        "--root", mini.path, "handout", "--site", "testford-central", "--style", "standard,dyslexia", "--out", out
    )
    assert result.exit_code == 0, result.output + result.stderr
    paths = sorted(e["path"] for e in manifest(out))
    folder = "north/testford-central/en"
    assert paths == sorted(
        [f"{folder}/demo.{ext}" for ext in ("html", "docx", "pdf", "txt")]
        + [f"{folder}/demo.dyslexia.{ext}" for ext in ("html", "docx", "pdf")]
    )
    styles = {e["path"].rsplit("/", 1)[1]: (e["format"], e["style"]) for e in manifest(out)}
    assert styles["demo.dyslexia.pdf"] == ("pdf", "dyslexia") and styles["demo.txt"] == ("txt", "standard")


def test_build_makes_decks_and_handouts_together(mini: ContentRoot, tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["build", "--format", "pptx,html,txt", "--style", "large-print,easy-read", "--out", out]
    result = toolkit("--root", mini.path, *args)
    assert result.exit_code == 0, result.output + result.stderr
    names = sorted(Path(e["path"]).name for e in manifest(out))
    # A deck has no styles, and plain text no look of its own; Easy Read has its own words, so every handout has it.
    assert names == ["demo.easy-read.html", "demo.easy-read.txt", "demo.large-print.html", "demo.pptx", "demo.txt"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "pptx"], "handouts come as brf, docx, epub, html, ogg, pdf, txt, not 'pptx'"),
        (["--style", "tiny"], "no style called 'tiny'"),
        (["--topic", "cooking"], "no topic called 'cooking'"),
    ],
)
def test_bad_choices_are_one_line_errors(mini: ContentRoot, args: list[str], message: str) -> None:
    result = toolkit("--root", mini.path, "handout", "--site", "testford-central", *args)
    assert result.exit_code == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_building_twice_gives_identical_bytes(mini: ContentRoot, tmp_path: Path) -> None:
    for name in ("one", "two"):
        args = ["handout", "--site", "testford-central", "--style", "standard,dyslexia", "--out", tmp_path / name]
        assert toolkit("--root", mini.path, *args).exit_code == 0
    one, two = manifest(tmp_path / "one"), manifest(tmp_path / "two")
    assert one == two and len(one) == 7
    for entry in one:
        assert (tmp_path / "one" / entry["path"]).read_bytes() == (tmp_path / "two" / entry["path"]).read_bytes()


def test_hostile_content_loads_nothing_and_runs_nothing(
    mini: ContentRoot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Markup in a local fact prints as words: no file read, no request, no script in any format."""
    district = mini.content / "north" / "district.yaml"
    district.write_text(district.read_text().replace("tickets: A day ticket costs £5.", f"tickets: '{HOSTILE}'"))
    site = mini.content / "north" / "testford-central.yaml"
    site.write_text(
        site.read_text().replace("opening_hours: Monday to Friday, 9am to 5pm", f"opening_hours: '{HOSTILE}'")
    )
    opened: list[str] = []
    real_open = Path.open

    def watch_open(path: Path, *args, **kwargs):
        opened.append(str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(Path, "open", watch_open)
    fetched = _watch_pdf_fetcher(monkeypatch)
    out = tmp_path / "out"
    result = toolkit("--root", mini.path, "handout", "--site", "testford-central", "--pack", "--out", out)
    assert result.exit_code == 0, result.output + result.stderr
    assert not [p for p in opened if p.startswith(("/etc", "http"))]
    assert fetched and all(url.startswith("data:") for url in fetched)
    folder = out / "north/testford-central/en"
    html = (folder / "demo.html").read_text()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and html.count("&lt;img src=") == 2
    assert not re.search(r"<script|<img", html, re.IGNORECASE)
    style = html[html.index("<style>") : html.index("</style>")]
    assert "url(http" not in style and "example.org" not in style  # it is only words on the page
    text = (folder / "demo.txt").read_text()
    assert text.count(HOSTILE) == 2  # plain text shows the words as they are, which is harmless
    from docx import Document

    docx_text = "\n".join(p.text for p in Document(str(folder / "demo.docx")).paragraphs)
    assert docx_text.count(HOSTILE) == 2


def _watch_pdf_fetcher(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record every URL WeasyPrint asks our fetcher for."""
    from toolkit.render import pdf

    fetched: list[str] = []
    real = pdf.own_assets_fetcher

    def watching(folders):
        fetcher = real(folders)
        original = fetcher.fetch

        def fetch(url, headers=None):
            fetched.append(url)
            return original(url, headers)

        fetcher.fetch = fetch
        return fetcher

    monkeypatch.setattr(pdf, "own_assets_fetcher", watching)
    return fetched


def test_a_missing_speech_program_names_the_file_and_the_package_to_install(
    mini: ContentRoot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no espeak-ng here
    args = ["handout", "--site", "testford-central", "--format", "ogg", "--out", tmp_path / "out"]
    result = toolkit("--root", mini.path, *args)
    assert result.exit_code != 0
    assert "north/testford-central/en/demo.ogg: the audio handout needs espeak-ng" in result.stderr
    assert "install the Debian package espeak-ng" in result.stderr and "Traceback" not in result.stderr
