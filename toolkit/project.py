"""The content root: the folder holding templates/ and local_content/, like an mkdocs project."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import ToolkitError
from .files import refuse_links_out

CONTENT_FOLDERS = ("templates", "local_content")


@dataclass(frozen=True)
class ContentRoot:
    path: Path

    @classmethod
    def at(cls, path: Path) -> ContentRoot:
        """The content root at `path`, or an error saying how to make one.

        Refuses a link inside templates/ or local_content/ that leads out of that folder, naming it:
        nothing the toolkit reads from a content folder can come from elsewhere (see docs/errors.md).
        """
        root = cls(path.resolve())
        for folder in CONTENT_FOLDERS:
            if not (root.path / folder).is_dir():
                raise ToolkitError(
                    f"no {folder}/ folder here: run the command in a content folder, use --root, or run 'toolkit init'",
                    root.path,
                )
        for folder in CONTENT_FOLDERS:
            refuse_links_out(root.path / folder)
        return root

    @classmethod
    def find(cls, start: Path) -> Path | None:
        """The nearest folder at or above `start` that holds templates/ and local_content/, as git finds its
        repository: so any command works from any folder inside a content folder. None if there is none."""
        start = start.resolve()
        return next((folder for folder in (start, *start.parents) if is_content_root(folder)), None)

    @property
    def templates(self) -> Path:
        return self.path / "templates"

    @property
    def sessions(self) -> Path:
        return self.templates / "sessions"

    @property
    def content(self) -> Path:
        return self.path / "local_content"

    @property
    def master(self) -> Path:
        return self.templates / "master.pptx"


def is_content_root(folder: Path) -> bool:
    """Whether `folder` holds both content folders: the mark of a content root."""
    return all((folder / name).is_dir() for name in CONTENT_FOLDERS)


def bundled_root() -> Path:
    """Where the example templates and content ship: inside the package when installed, else the repo."""
    packaged = Path(__file__).parent / "bundled"
    return packaged if packaged.is_dir() else Path(__file__).parents[1]


def init_root(target: Path) -> ContentRoot:
    """Copy the bundled templates and example content into a new content root."""
    if target.exists() and any(target.iterdir()):
        raise ToolkitError("folder is not empty: choose a new or empty folder", target)
    import shutil  # here: only `toolkit init` copies folders, and other commands start sooner without it

    source = bundled_root()
    for folder in CONTENT_FOLDERS:
        shutil.copytree(source / folder, target / folder)
    return ContentRoot.at(target)
