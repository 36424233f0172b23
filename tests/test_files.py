"""Files: modes that follow the umask, one-line errors for a full disk or read-only folder, and confinement."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from toolkit import files
from toolkit.errors import OutputError, ToolkitError
from toolkit.files import check_writable, confined, inside, refuse_links_out, write_atomic


@pytest.fixture
def umask() -> Iterator[None]:
    """Restore the umask a test changes."""
    before = os.umask(0o022)
    yield
    os.umask(before)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize(("mask", "expected"), [(0o022, 0o644), (0o027, 0o640), (0o002, 0o664), (0o077, 0o600)])
def test_a_new_file_follows_the_umask(tmp_path: Path, umask: None, mask: int, expected: int) -> None:
    os.umask(mask)
    write_atomic(tmp_path / "deck.pptx", b"x")
    assert mode(tmp_path / "deck.pptx") == expected


def test_a_replaced_file_keeps_its_mode_unless_it_is_made_new(tmp_path: Path, umask: None) -> None:
    site = tmp_path / "site.yaml"
    site.write_text("a: 1\n")
    site.chmod(0o664)
    write_atomic(site, b"a: 2\n")
    assert mode(site) == 0o664 and site.read_bytes() == b"a: 2\n"
    deck = tmp_path / "old.pptx"
    deck.write_bytes(b"old")
    deck.chmod(0o600)  # made by an older toolkit
    write_atomic(deck, b"new", keep_mode=False)
    assert mode(deck) == 0o644


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.ENOSPC, "the disk is full"),
        (errno.EROFS, "the folder is read-only"),
        (errno.EACCES, "you do not have permission"),
        (errno.EDQUOT, "used all the space"),
    ],
)
def test_a_full_disk_or_read_only_folder_is_one_line_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, words: str
) -> None:
    target = tmp_path / "deck.pptx"
    target.write_bytes(b"old")

    def fails(fd: int) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(files.os, "fsync", fails)
    with pytest.raises(OutputError) as caught:
        write_atomic(target, b"new")
    assert words in caught.value.message and caught.value.path == str(target)
    assert "\n" not in str(caught.value)
    assert target.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["deck.pptx"]


def test_a_folder_that_cannot_be_written_is_found_before_any_work(tmp_path: Path, monkeypatch) -> None:
    def read_only(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    with pytest.raises(OutputError, match="read-only"):
        check_writable(tmp_path / "out")


def test_paths_and_links_that_leave_their_folder_are_refused(tmp_path: Path) -> None:
    root, elsewhere = tmp_path / "root", tmp_path / "elsewhere"
    (root / "sub").mkdir(parents=True)
    elsewhere.mkdir()
    (elsewhere / "secret.txt").write_text("secret")
    (root / "link.txt").symlink_to(elsewhere / "secret.txt")
    (root / "sub" / "away").symlink_to(elsewhere)
    (root / "here.txt").write_text("fine")
    (root / "near").symlink_to(root / "here.txt")
    assert confined(root, root / "near") == (root / "here.txt").resolve()  # a link inside the folder is fine
    with pytest.raises(ToolkitError) as caught:
        confined(root, root / "link.txt")
    assert caught.value.path == str(root / "link.txt") and "is a link to" in caught.value.message
    with pytest.raises(ToolkitError) as caught:
        confined(root, root / "sub" / "away" / "secret.txt")
    assert caught.value.path == str(root / "sub" / "away")  # names the link, not the file
    with pytest.raises(ToolkitError) as caught:
        inside(root, "../elsewhere/secret.txt")
    assert caught.value.message == "'../elsewhere/secret.txt' points outside root/: use a path inside it"
    with pytest.raises(ToolkitError) as caught:
        refuse_links_out(root)
    assert caught.value.path == str(root / "link.txt")


def test_a_folder_that_is_itself_a_link_is_fine(tmp_path: Path) -> None:
    real = tmp_path / "shared-drive" / "output"
    real.mkdir(parents=True)
    (tmp_path / "output").symlink_to(real)
    write_atomic(tmp_path / "output" / "a" / "deck.pptx", b"x", root=tmp_path / "output")
    assert (real / "a" / "deck.pptx").read_bytes() == b"x"


def test_a_link_loop_is_not_a_crash(tmp_path: Path) -> None:
    from toolkit.yamlfile import read_yaml

    root = tmp_path / "root"
    root.mkdir()
    (root / "a.yaml").symlink_to(root / "b.yaml")
    (root / "b.yaml").symlink_to(root / "a.yaml")
    refuse_links_out(root)  # it goes round in a circle, but never leaves
    with pytest.raises(ToolkitError, match="cannot be read"):
        read_yaml(root / "a.yaml")


def test_leftovers_are_removed_only_inside_the_folder(tmp_path: Path) -> None:
    from toolkit.files import remove_leftovers

    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    (out / "a").mkdir(parents=True)
    elsewhere.mkdir()
    (out / "a" / ".deck.pptx.x1.tmp").write_bytes(b"half")
    (elsewhere / ".victim.tmp").write_bytes(b"keep")
    (out / "link").symlink_to(elsewhere)
    remove_leftovers(out)
    assert not (out / "a" / ".deck.pptx.x1.tmp").exists() and (elsewhere / ".victim.tmp").read_bytes() == b"keep"
