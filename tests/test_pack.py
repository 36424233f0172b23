"""Send packs: a claimant's handouts in one folder, with a message to send with them."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import toolkit
from toolkit.project import ContentRoot


def test_send_pack_has_the_files_and_a_message(mini: ContentRoot, tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["handout", "--site", "testford-central", "--style", "large-print", "--format", "pdf,txt", "--pack"]
    result = toolkit("--root", mini.path, *args, "--out", out)
    assert result.exit_code == 0, result.output + result.stderr
    pack = out / "north/testford-central/en/demo.large-print-pack"
    assert sorted(p.name for p in pack.iterdir()) == ["demo.large-print.pdf", "demo.txt", "message.txt"]
    assert not (out / "north/testford-central/en/demo-pack").exists()  # plain text alone makes no pack of its own
    message = (pack / "message.txt").read_text()
    assert '"Getting to work in Testford"' in message
    assert "- demo.large-print.pdf: a PDF file, to read on screen or to print" in message
    assert "The handout is in large print." in message and "another format" in message
    assert (pack / "demo.txt").read_bytes() == (out / "north/testford-central/en/demo.txt").read_bytes()


def test_an_easy_read_pack_holds_only_easy_read_files_and_an_easy_read_message(
    mini: ContentRoot, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    args = ["handout", "--site", "testford-central", "--style", "standard,easy-read", "--format", "pdf,txt", "--pack"]
    result = toolkit("--root", mini.path, *args, "--out", out)
    assert result.exit_code == 0, result.output + result.stderr
    folder = out / "north/testford-central/en"
    easy = folder / "demo.easy-read-pack"
    assert sorted(p.name for p in easy.iterdir()) == ["demo.easy-read.pdf", "demo.easy-read.txt", "message.txt"]
    assert sorted(p.name for p in (folder / "demo-pack").iterdir()) == ["demo.pdf", "demo.txt", "message.txt"]
    message = (easy / "message.txt").read_text()
    assert 'I have sent you an Easy Read booklet about the group session "Getting to work in Testford".' in message
    assert "- demo.easy-read.txt: plain text" in message
    text = (easy / "demo.easy-read.txt").read_text()
    assert "You can take a bus to work." in text and "bus: a big car that lots of people ride in." in text
