"""Issue 14, case by case, through the command line: each bad input gives one line and the right exit code,
and no file outside the content or output folder is read, written or deleted.

Exit codes (docs/errors.md): 0 success, 1 problems found or files failed, 2 cannot run, 3 a bug.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import stat
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import Result

from tests.helpers import toolkit
from tests.helpers.spreadsheets import employer, xlsx
from toolkit import files
from toolkit.project import ContentRoot

SECRET = "root:x:0:0:secret-words-from-outside"
DECK = "north/testford-central/en/demo.pptx"

# Every file opened while a test watches a folder: an audit hook sees the opens of every library too.
_WATCHED: list[str] = []
_OPENED: list[str] = []


def _audit(event: str, args: tuple) -> None:
    if event != "open" or not _WATCHED or not args or not isinstance(args[0], str | bytes | os.PathLike):
        return
    try:
        path = os.path.realpath(os.fsdecode(args[0]))
    except (TypeError, ValueError):
        return
    if any(path == w or path.startswith(w + os.sep) for w in _WATCHED):
        _OPENED.append(path)


sys.addaudithook(_audit)


@dataclass
class Outside:
    """A folder outside the content and output folders, with a secret file in it."""

    folder: Path
    secret: Path
    before: dict[str, bytes]

    def untouched(self) -> None:
        """Nothing in it was read, written or deleted."""
        assert _OPENED == [], f"read outside the root: {_OPENED}"
        _WATCHED.clear()  # the check below reads the files itself
        now = {p.name: p.read_bytes() for p in self.folder.iterdir()}
        assert now == self.before, "a file outside the root was written or deleted"


@pytest.fixture
def outside(tmp_path: Path) -> Iterator[Outside]:
    folder = tmp_path / "outside"
    folder.mkdir()
    secret = folder / "victim.txt"
    secret.write_text(SECRET)
    (folder / "victim.yaml").write_text(f"name: {SECRET}\n")
    found = Outside(folder, secret, {p.name: p.read_bytes() for p in folder.iterdir()})
    watched = str(folder.resolve())
    _WATCHED.append(watched)
    _OPENED.clear()
    yield found
    _WATCHED.clear()


def one_line(result: Result, code: int, *words: str) -> str:
    """The run exited with `code` and printed exactly one error line holding `words`; returns it."""
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.exit_code == code, result.output + result.stderr
    assert len(errors) == 1, result.stderr
    assert "Traceback" not in result.output + result.stderr
    for word in words:
        assert word in errors[0], errors[0]
    return errors[0]


@pytest.fixture
def built(mini: ContentRoot, tmp_path: Path) -> Path:
    out = tmp_path / "out"
    result = toolkit("--root", mini.path, "build", "--out", out, "--format", "pptx,txt")
    assert result.exit_code == 0, result.stderr
    return out


def add_entry(out: Path, path: str, **changes: str) -> None:
    manifest = json.loads((out / "manifest.json").read_text())
    entry = {**manifest["files"][0], "path": path, **changes}
    manifest["files"].append(entry)
    (out / "manifest.json").write_text(json.dumps(manifest))


def site_file(root: ContentRoot) -> Path:
    return root.content / "north" / "testford-central.yaml"


def manifest_matches_disk(out: Path) -> None:
    """Every entry in manifest.json describes the file on disk, byte for byte."""
    for entry in json.loads((out / "manifest.json").read_text())["files"]:
        assert hashlib.sha256((out / entry["path"]).read_bytes()).hexdigest() == entry["sha256"], entry["path"]


# Data loss and escape ---------------------------------------------------------------------------


def test_clean_never_deletes_a_file_the_manifest_names_outside_the_output(
    mini: ContentRoot, built: Path, outside: Outside
) -> None:
    add_entry(built, os.path.relpath(outside.secret, built), site="gone")
    result = toolkit("--root", mini.path, "clean", "--out", built)
    one_line(result, 2, "manifest.json: entry 3 names '../outside/victim.txt', which is outside out/")
    assert (built / DECK).is_file()  # nothing else was removed either
    outside.untouched()


def test_clean_never_deletes_through_a_link_out_of_the_output(mini: ContentRoot, built: Path, outside: Outside) -> None:
    (built / "north" / "gone").symlink_to(outside.folder)
    add_entry(built, "north/gone/victim.txt", site="gone")
    result = toolkit("--root", mini.path, "clean", "--out", built)
    one_line(result, 2, "entry 3 names 'north/gone/victim.txt', which leads outside out/ through a link")
    outside.untouched()


@pytest.mark.parametrize("command", ["report", "preview"])
def test_report_and_preview_never_follow_a_path_out_of_the_output(
    mini: ContentRoot, built: Path, outside: Outside, command: str
) -> None:
    add_entry(built, "../outside/victim.txt", format="pptx")
    result = toolkit("--root", mini.path, command, "--out", built)
    one_line(result, 2, "entry 3 names '../outside/victim.txt'")
    outside.untouched()


def test_a_build_never_writes_through_a_link_out_of_the_output(
    mini: ContentRoot, tmp_path: Path, outside: Outside
) -> None:
    out = tmp_path / "out"
    (out / "north").mkdir(parents=True)
    (out / "north" / "testford-central").symlink_to(outside.folder)
    result = toolkit("--root", mini.path, "build", "--out", out)
    one_line(result, 1, "testford-central: is a link to", "which is outside out/")
    assert "Failed: 1 file not made" in result.stdout
    outside.untouched()


def test_a_build_drops_manifest_entries_that_point_outside(mini: ContentRoot, built: Path, outside: Outside) -> None:
    add_entry(built, "../outside/victim.txt")
    result = toolkit("--root", mini.path, "build", "--out", built, "--format", "pptx,txt")
    assert result.exit_code == 0, result.stderr
    assert "victim" not in (built / "manifest.json").read_text()
    outside.untouched()


@pytest.mark.parametrize("command", [["build"], ["validate"], ["sites"], ["check"], ["translations"]])
def test_a_template_part_linked_to_a_file_outside_is_refused_naming_the_link(
    mini: ContentRoot, outside: Outside, command: list[str]
) -> None:
    link = mini.sessions / "part.md.j2"
    link.symlink_to(outside.secret)
    result = toolkit("--root", mini.path, *command)
    one_line(result, 2, f"{link}: is a link to {outside.secret}, which is outside templates/")
    assert SECRET not in result.output + result.stderr
    outside.untouched()


@pytest.mark.parametrize("what", ["site", "district"])
def test_content_linked_from_outside_is_refused_naming_the_link(mini: ContentRoot, outside: Outside, what: str) -> None:
    if what == "site":
        link = mini.content / "north" / "elsewhere.yaml"
        link.symlink_to(outside.folder / "victim.yaml")
    else:
        (outside.folder / "district.yaml").write_text("name: x\n")
        outside.before["district.yaml"] = b"name: x\n"
        _OPENED.clear()
        link = mini.content / "south"
        link.symlink_to(outside.folder)
    result = toolkit("--root", mini.path, "validate")
    one_line(result, 2, f"{link}: is a link to", "which is outside local_content/")
    outside.untouched()


def test_a_word_list_outside_the_content_folder_is_refused(mini: ContentRoot, outside: Outside) -> None:
    (mini.path / "toolkit.toml").write_text(f'[check]\nword_lists = ["{os.path.relpath(outside.secret, mini.path)}"]\n')
    result = toolkit("--root", mini.path, "check")
    one_line(result, 2, "toolkit.toml:2: word list '../outside/victim.txt' is outside the content folder")
    outside.untouched()


def test_a_master_on_the_command_line_is_checked_before_use(mini: ContentRoot, outside: Outside) -> None:
    result = toolkit("--root", mini.path, "build", "--master", outside.secret)
    one_line(result, 2, "victim.txt: is not a .pptx file")
    fake = outside.folder / "fake.pptx"
    fake.write_text("not a deck")
    outside.before["fake.pptx"] = b"not a deck"
    _OPENED.clear()
    result = toolkit("--root", mini.path, "build", "--master", fake)
    one_line(result, 2, "fake.pptx: is damaged or not really an Office file")


def test_a_master_whose_notes_page_has_no_box_for_notes_is_refused(mini: ContentRoot, tmp_path: Path) -> None:
    """Every slide has speaker notes, so a notes page without its body box cannot hold them."""
    from pptx import Presentation
    from pptx.enum.shapes import PP_PLACEHOLDER

    deck = Presentation(str(mini.master))
    notes_page = deck.notes_master
    for box in [p for p in notes_page.placeholders if p.placeholder_format.type == PP_PLACEHOLDER.BODY]:
        box._element.getparent().remove(box._element)
    deck.save(str(tmp_path / "no-notes.pptx"))
    result = toolkit("--root", mini.path, "build", "--master", tmp_path / "no-notes.pptx", "--out", tmp_path / "out")
    one_line(result, 2, "no-notes.pptx: has no box for speaker notes on its notes page")
    assert not (tmp_path / "out" / "manifest.json").exists()


# Hangs -------------------------------------------------------------------------------------------


def test_a_yaml_alias_bomb_is_refused_at_once(mini: ContentRoot) -> None:
    laughs = ['lol: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    laughs += [f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]" for p, n in zip("abcdefgh", "bcdefghi", strict=True)]
    site_file(mini).write_text(site_file(mini).read_text() + "\n".join(laughs) + "\n")
    start = time.monotonic()
    result = toolkit("--root", mini.path, "validate")
    assert time.monotonic() - start < 10
    one_line(result, 1, "testford-central.yaml:", "values once its aliases (*name) are filled in")


@pytest.mark.parametrize(
    ("template", "words"),
    [
        ("{% for a in range(9999) %}{% for b in range(9999) %}{% endfor %}{% endfor %}", "the loops ran more than"),
        ("{% include 'demo.md.j2' %}", "template stopped"),
        ("{% macro m(n) %}{{ m(n + 1) }}{% endmacro %}{{ m(1) }}", "calls go more than 50 deep"),
        ("{{ range(10**9) | list }}", "range() asks for 1,000,000,000 numbers"),
    ],
)
def test_a_runaway_template_stops_with_its_file_and_line(mini: ContentRoot, template: str, words: str) -> None:
    demo = mini.sessions / "demo.md.j2"
    lines = demo.read_text().count("\n")
    demo.write_text(demo.read_text() + template + "\n")
    start = time.monotonic()
    result = toolkit("--root", mini.path, "build")
    assert time.monotonic() - start < 20
    one_line(result, 1, f"demo.md.j2:{lines + 1}: ", words)
    assert "Nothing to do" not in result.stdout and "Failed: 1 file not made" in result.stdout


# Tracebacks instead of one line ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "line", "words"),
    [
        ("checked: 2026-02-01", "checked: 2026-13-45", 8, "'checked' is '2026-13-45', which is not a real date"),
        ("checked: 2026-02-01", "checked: 2026-11-31", 8, "'checked' is '2026-11-31', which is not a real date"),
        ("  step_free_access: true", "  <<: {step_free_access: true}", 5, "'<<' (a merge key) cannot be used"),
        ("  postcode: TE1 1ST", "  postcode: !!python/name:os.system", 4, "uses the tag '!!python/name:os.system'"),
        ("checked: 2026-02-01", "checked: !!timestamp soon", 8, "'checked' is 'soon', which is not a real date"),
        ("  postcode: TE1 1ST", "  postcode: " + "7" * 5000, 4, "a number with 5,000 digits"),
        ("  - name: Testford Food Bank", "  - name: [a, b]", 10, "'services.0.name' must be text"),
        ("  postcode: TE1 1ST", "  postcode: &p [*p]", 4, "an alias (*name) is used inside the value it names"),
        ("  postcode: TE1 1ST", "  postcode: TE1\u200b 1ST", 4, "a zero-width space (U+200B)"),
        ("  postcode: TE1 1ST", "  postcode: " + "A" * 10 * 2**20, 4, "'postcode' is 10,485,760 characters long"),
    ],
)
def test_content_mistakes_are_one_line_with_file_and_line(
    mini: ContentRoot, old: str, new: str, line: int, words: str
) -> None:
    text = site_file(mini).read_text()
    assert old in text
    site_file(mini).write_text(text.replace(old, new, 1))
    for command in ("validate", "build"):
        result = toolkit("--root", mini.path, command)
        one_line(result, 1, f"testford-central.yaml:{line}: ", words)


@pytest.mark.parametrize(
    ("toml", "line", "words"),
    [
        ("[check]\nrules = 5\n", 2, "'rules' must be tables"),
        ("[check]\nword_lists = 5\n", 2, "'word_lists' must be a list of file names"),
        ("[check]\nignore_files = [1]\n", 2, "'ignore_files' must be a list of file names"),
        ("[check.rules.sentence-too-long]\nmax_words = 'long'\n", 2, "max_words must be a whole number"),
        ("[check.rules.passive-voice]\nenabled = 'no'\n", 2, "enabled must be true or false"),
        ("[check.rules.passive-voice]\nseverity = 3\n", 2, "severity must be error, warning or suggestion"),
        ("[check.rules]\npassive-voice = 1\n", 2, "rule 'passive-voice' must be a table"),
        ("check = 5\n", 1, "'check' must be a table"),
        ("[check\n", 1, "is not valid TOML"),
    ],
)
def test_wrong_types_in_toolkit_toml_are_one_line(mini: ContentRoot, toml: str, line: int, words: str) -> None:
    (mini.path / "toolkit.toml").write_text(toml)
    one_line(toolkit("--root", mini.path, "check"), 2, f"toolkit.toml:{line}: ", words)


@pytest.mark.parametrize(("code", "words"), [(errno.ENOSPC, "the disk is full"), (errno.EROFS, "read-only")])
def test_a_full_disk_or_read_only_folder_mid_build_is_one_line_and_the_manifest_matches_the_disk(
    mini: ContentRoot, built: Path, monkeypatch: pytest.MonkeyPatch, code: int, words: str
) -> None:
    site_file(mini).write_text(site_file(mini).read_text().replace("1 High Street", "3 High Street"))
    writes = []
    real_fsync = files.os.fsync

    def fills_up(fd: int) -> None:
        writes.append(fd)
        if len(writes) > 2:  # the manifest and the first file fit; then the disk is full
            raise OSError(code, os.strerror(code))
        real_fsync(fd)

    monkeypatch.setattr(files.os, "fsync", fills_up)
    result = toolkit("--root", mini.path, "build", "--out", built, "--format", "pptx,txt")
    one_line(result, 2, words)
    assert "Stopped:" in result.stdout and "Nothing to do" not in result.stdout
    manifest_matches_disk(built)
    assert not list(built.rglob("*.tmp"))
    monkeypatch.setattr(files.os, "fsync", real_fsync)
    again = toolkit("--root", mini.path, "build", "--out", built, "--format", "pptx,txt")
    assert again.exit_code == 0 and "Wrote 2 files" in again.stdout  # files made but not listed are made again
    manifest_matches_disk(built)
    assert len(json.loads((built / "manifest.json").read_text())["files"]) == 2


def test_a_read_only_output_folder_is_one_line_before_any_work(
    mini: ContentRoot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def read_only(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    result = toolkit("--root", mini.path, "build", "--out", tmp_path / "out")
    one_line(result, 2, "out: cannot write this file: the folder is read-only")


def test_a_bug_is_one_line_exit_3_and_a_log_with_the_traceback(
    mini: ContentRoot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))

    def broken(*args: object) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr("toolkit.content.loader.find_sites", broken)
    line = one_line(toolkit("--root", mini.path, "sites"), 3, "the toolkit hit a bug (ZeroDivisionError)")
    log = Path(line.split("The details are in ")[1].split(":")[0])
    assert log.is_relative_to(tmp_path / "cache") and log.suffix == ".log"
    text = log.read_text()
    assert "Traceback" in text and "ZeroDivisionError: division by zero" in text and "in broken" in text


def test_a_file_or_folder_the_system_refuses_is_one_line_not_a_bug(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("x")
    result = toolkit("init", tmp_path / "a-file" / "ours")
    one_line(result, 2, "a-file/ours", "check the file or folder, then run it again")


# Files nobody else can open ----------------------------------------------------------------------


def test_outputs_follow_the_umask(mini: ContentRoot, tmp_path: Path) -> None:
    before = os.umask(0o022)
    try:
        out = tmp_path / "out"
        assert toolkit("--root", mini.path, "build", "--out", out, "--format", "pptx,html").exit_code == 0
        made = [p for p in out.rglob("*") if p.is_file()]
        assert made and all(stat.S_IMODE(p.stat().st_mode) == 0o644 for p in made)
        os.umask(0o027)
        assert toolkit("--root", mini.path, "build", "--out", out, "--force").exit_code == 0
        assert stat.S_IMODE((out / DECK).stat().st_mode) == 0o640
    finally:
        os.umask(before)


@pytest.mark.parametrize("mode", [0o644, 0o664, 0o600])
def test_import_keeps_the_site_file_mode(mini: ContentRoot, tmp_path: Path, mode: int) -> None:
    site_file(mini).chmod(mode)
    sheet = xlsx(tmp_path / "e.xlsx", [employer()])
    result = toolkit("--root", mini.path, "import", sheet, "--site", "testford-central", "--kind", "employers")
    assert result.exit_code == 0, result.stderr
    assert "Changed" in result.stdout and stat.S_IMODE(site_file(mini).stat().st_mode) == mode


# Quiet wrong answers -----------------------------------------------------------------------------


def test_a_failed_build_says_what_failed_not_nothing_to_do(mini: ContentRoot, built: Path) -> None:
    text = site_file(mini).read_text()
    site_file(mini).write_text(text.replace("  postcode: TE1 1ST\n", ""))
    result = toolkit("--root", mini.path, "build", "--out", built, "--format", "pptx,txt")
    one_line(result, 1, "'jobcentre.postcode' is missing")
    assert result.stdout.strip() == f"Failed: 2 files not made in {built}"


def test_a_language_with_no_catalogue_is_one_line(mini: ContentRoot) -> None:
    result = toolkit("--root", mini.path, "build", "--lang", "fr")
    one_line(result, 2, "there is no French (fr) translation of the templates", "--lang fr")
    assert not (mini.path / "output").exists() or not any((mini.path / "output").rglob("*.pptx"))


def test_an_invisible_character_in_a_spreadsheet_names_the_row_and_column(mini: ContentRoot, tmp_path: Path) -> None:
    before = site_file(mini).read_bytes()
    sheet = xlsx(tmp_path / "e.xlsx", [employer(name="Testford\u200bBakery")])
    result = toolkit("--root", mini.path, "import", sheet, "--site", "testford-central", "--kind", "employers")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr.splitlines() == [
        f"Error: {sheet}: sheet 'Employers', row 2, column A (name): contains a zero-width space (U+200B), which "
        "cannot be seen: delete it",
        "1 problem. Nothing was changed.",
    ]
    assert site_file(mini).read_bytes() == before


@pytest.mark.parametrize("line", ["date: 2026-13-45", "count: " + "9" * 5000, "a: &a [*a]", "<<: {x: 1}"])
def test_front_matter_mistakes_are_one_line(line: str) -> None:
    from toolkit.deck.markdown import parse_session
    from toolkit.errors import ToolkitError

    with pytest.raises(ToolkitError):
        parse_session(f"---\ntitle: T\n{line}\n---\n\n# Slide\n\nText.\n", "odd.md.j2")
