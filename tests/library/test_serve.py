"""`toolkit serve`: on 127.0.0.1 only, read-only, and never a file outside the library folder."""

from __future__ import annotations

import http.client
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import toolkit
from toolkit.errors import ToolkitError
from toolkit.library.serve import HOST, make_server


@pytest.fixture
def served(library_build: Path, tmp_path: Path) -> Iterator[tuple[int, Path]]:
    """The library served on a free port, with a secret file beside it and a link out of it."""
    library = library_build / "library"
    (tmp_path / "secret.txt").write_text("secret")
    link = library / "link-out.txt"
    link.unlink(missing_ok=True)
    link.symlink_to(tmp_path / "secret.txt")
    server = make_server(library, 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1], library
    server.shutdown()
    server.server_close()
    link.unlink()


def _ask(port: int, method: str, path: str) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection(HOST, port, timeout=10)
    connection.request(method, path)
    response = connection.getresponse()
    return response.status, response.read()


def test_serves_the_library_on_loopback(served: tuple[int, Path]) -> None:
    port, library = served
    status, body = _ask(port, "GET", "/index.html")
    assert status == 200 and body == (library / "index.html").read_bytes()
    assert _ask(port, "HEAD", "/south-east-wales/cardiff-north/files/en/cv.pptx")[0] == 200


@pytest.mark.parametrize(
    "path", ["/../secret.txt", "/%2e%2e/secret.txt", "/link-out.txt", "/.library.json", "/south-east-wales/"]
)
def test_refuses_paths_that_leave_the_folder_links_out_hidden_files_and_listings(
    served: tuple[int, Path], path: str
) -> None:
    status, body = _ask(served[0], "GET", path)
    assert status == 404 and b"secret" not in body


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE"])
def test_is_read_only(served: tuple[int, Path], method: str) -> None:
    assert _ask(served[0], method, "/index.html")[0] == 405


def test_listens_on_loopback_only(library_build: Path) -> None:
    server = make_server(library_build / "library", 0)
    assert server.server_address[0] == "127.0.0.1"
    server.server_close()


def test_a_port_in_use_is_one_clear_line(library_build: Path) -> None:
    taken = socket.socket()
    taken.bind((HOST, 0))
    taken.listen()
    port = taken.getsockname()[1]
    result = toolkit("serve", "--out", library_build, "--port", port)
    taken.close()
    assert result.exit_code == 2
    assert f"port {port} is in use by another program" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_no_library_yet_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ToolkitError, match="run 'toolkit library' first"):
        make_server(tmp_path, 0)
