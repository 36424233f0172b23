"""Shared fixtures: a small content root, a CLI runner, and no network for any test."""

from __future__ import annotations

import shutil
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from toolkit.cli import main
from toolkit.project import ContentRoot

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail any test that tries to reach another machine; loopback and local sockets stay open."""
    real_connect = socket.socket.connect

    def connect(self: socket.socket, address: object) -> object:
        host = address[0] if isinstance(address, tuple) else None
        if host is not None and host not in ("127.0.0.1", "::1", "localhost"):
            raise OSError(f"test tried to reach the network: {address}")
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)


@pytest.fixture
def mini(tmp_path: Path) -> ContentRoot:
    """A copy of the small test content root, safe to change."""
    target = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", target)
    shutil.copy(REPO / "templates" / "master.pptx", target / "templates" / "master.pptx")
    return ContentRoot.at(target)


@pytest.fixture(scope="session")
def example_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled example content built once for all tests that read it."""
    out = tmp_path_factory.mktemp("example-output")
    result = CliRunner().invoke(main, ["--root", str(REPO), "build", "--out", str(out)])
    assert result.exit_code == 0, result.output + (result.stderr or "")
    return out


def toolkit(*args: str) -> Result:
    """Run the `toolkit` command in-process and return what it printed and its exit code."""
    return CliRunner().invoke(main, [str(a) for a in args])
