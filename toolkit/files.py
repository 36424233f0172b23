"""Files: written all at once or not at all, with the same bytes for the same inputs; read and deleted only
inside their own folder.

The one confinement rule (docs/errors.md): every path the toolkit reads is resolved and must stay inside
its root (templates/, local_content/ or the content folder), and every path it writes or deletes must stay
inside the output folder. A root may itself be a link; nothing inside it may lead out of it.
"""

from __future__ import annotations

import errno
import json
import os
from contextlib import suppress
from pathlib import Path
from typing import Any

from .errors import OutputError, ToolkitError

# What an OS error means for someone saving files, and what to do about it.
_WRITE_PROBLEMS = {
    errno.ENOSPC: "the disk is full: free some space, then run it again",
    errno.EDQUOT: "you have used all the space you are allowed on this drive: free some space, then run it again",
    errno.EROFS: "the folder is read-only: choose another folder with --out, or ask for write access",
    errno.EACCES: "you do not have permission to write here: choose another folder with --out, or ask for access",
    errno.EPERM: "you do not have permission to write here: choose another folder with --out, or ask for access",
}


def cache_folder() -> Path:
    """Where the toolkit keeps what it can make again, and bug logs: the user's cache folder."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "group-session-toolkit"


def read_cached(name: str) -> Any:
    """JSON the toolkit saved in its cache folder, or None if it is missing or damaged."""
    try:
        return json.loads((cache_folder() / name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def save_cached(name: str, data: object) -> None:
    """Save JSON in the cache folder, to read next time instead of making it again. Data JSON cannot hold, or
    a cache folder that cannot be written, only means it is made again next time."""
    with suppress(ToolkitError, TypeError, ValueError):
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        write_atomic(cache_folder() / name, text.encode("utf-8"), keep_mode=False)


def file_sha256(path: Path) -> str:
    """The sha256 of a file's bytes, as the manifest records it: how a build, a merge and a preview tell a file
    is still the one they made."""
    import hashlib  # here, not at the top: every command loads this module, and few need a digest

    return hashlib.sha256(path.read_bytes()).hexdigest()


def real(path: Path) -> Path:
    """`path` with every link followed; never raises, even for a link that leads round in a circle."""
    return Path(os.path.realpath(path))


def confined(root: Path, path: Path) -> Path:
    """`path` with its links followed, if it stays inside `root`; otherwise one error naming the link or path.

    `root` may itself be a link (a user may keep a folder anywhere); nothing inside it may lead out.
    """
    base = real(root)
    target = real(path)
    if target.is_relative_to(base):
        return target
    link = _link_out(root, path, base)
    if link is not None:
        raise ToolkitError(
            f"is a link to {real(link)}, which is outside {root.name}/: put a copy in {root.name}/ instead of a link",
            link,
        )
    try:
        shown = path.relative_to(root).as_posix()
    except ValueError:
        shown = str(path)
    raise ToolkitError(f"'{shown}' points outside {root.name}/: use a path inside it", root)


def _link_out(root: Path, path: Path, base: Path) -> Path | None:
    """The first link on the way from `root` to `path` that leads outside `root`, if there is one."""
    try:
        parts = path.relative_to(root).parts
    except ValueError:
        return None
    current = root
    for part in parts:
        current = current / part
        if current.is_symlink() and not real(current).is_relative_to(base):
            return current
    return None


def refuse_links_out(folder: Path) -> None:
    """Refuse any link under `folder` that leads outside it, naming the first one; links inside are fine."""
    if not folder.is_dir():
        return
    base = real(folder)
    for here, folders, files in os.walk(folder):  # does not follow links to folders: each is checked as a link
        for name in sorted(folders + files):
            path = Path(here, name)
            if path.is_symlink() and not real(path).is_relative_to(base):
                confined(folder, path)


def inside(folder: Path, relative: str) -> Path:
    """Join `relative` onto `folder`, refusing any path or link that would end up outside it."""
    return confined(folder, folder / relative)


def _new_file_mode() -> int:
    """What the user's umask gives a new file: 0644 under the usual umask of 022."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def write_atomic(path: Path, data: bytes, root: Path | None = None, keep_mode: bool = True) -> None:
    """Write to a temporary file beside `path`, then rename: a crash never leaves half a file.

    The file gets the mode the user's umask gives (0644 as a rule), like any file a program makes; one
    that is replaced keeps its mode, unless `keep_mode` is off (built files: each is made new). With
    `root`, refuses a path that leads outside it. A full disk or a read-only folder is an OutputError
    that says what to do.
    """
    if root is not None:
        confined(root, path)
    mode = _new_file_mode()
    if keep_mode and path.is_file():
        mode = path.stat().st_mode & 0o7777
    tmp = None
    try:
        import tempfile  # here: a check that writes nothing starts sooner without it

        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), mode)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as err:
        if tmp:
            Path(tmp).unlink(missing_ok=True)
        raise write_error(err, path) from None
    except BaseException:
        if tmp:
            Path(tmp).unlink(missing_ok=True)
        raise


def write_error(err: OSError, path: Path) -> ToolkitError:
    """An OS error met while writing `path`, as one line that says what to do."""
    known = _WRITE_PROBLEMS.get(err.errno or 0)
    if known:
        return OutputError(f"cannot write this file: {known}", path)
    return OutputError(f"cannot write this file ({err.strerror or err}): check the folder, then run it again", path)


def check_writable(folder: Path) -> None:
    """Make `folder` if needed and check a file can be made in it, so a read-only folder is one error up front."""
    try:
        import tempfile

        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".toolkit-check.", suffix=".tmp", dir=folder)
        os.close(fd)
        os.unlink(tmp)
    except OSError as err:
        raise write_error(err, folder) from None


def remove_leftovers(folder: Path) -> None:
    """Delete temporary files a build left when it was stopped part-way through writing them.

    Links to folders are not followed, so nothing outside `folder` is ever removed.
    """
    for here, _, names in os.walk(folder):
        for name in names:
            if name.startswith(".") and name.endswith(".tmp"):
                Path(here, name).unlink(missing_ok=True)


def check_file_size(path: Path, limit: int, doing: str) -> None:
    """Refuse a file that cannot be read, is empty or is too big, before any library opens it."""
    try:
        size = path.stat().st_size
    except OSError as err:
        raise ToolkitError(f"cannot be read ({err.strerror})", path) from None
    if size == 0:
        raise ToolkitError("is empty: check you chose the right file", path)
    if size > limit:
        raise ToolkitError(f"is too big to {doing} (over {limit // 2**20} MB): check you chose the right file", path)
