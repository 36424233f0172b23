"""`toolkit serve`: the library in a browser on this computer only, to look at before it goes on the intranet.

It listens on 127.0.0.1, so no other computer can reach it. It answers GET and HEAD only, and serves a
file only if the file, with every link followed, is inside the library folder.
"""

from __future__ import annotations

import errno
import http.server
import io
import os
import socketserver
import urllib.parse
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import BinaryIO

from ..errors import ToolkitError
from ..files import real

HOST = "127.0.0.1"


class LibraryHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files from the library folder, and refuses anything that leaves it or would change something."""

    def send_head(self) -> io.BytesIO | BinaryIO | None:
        """Refuse a path that leads outside the folder, even through a link, before the standard handler opens it."""
        path = Path(self.translate_path(self.path))
        base = real(Path(self.directory))
        if not real(path).is_relative_to(base) or _hidden(self.path):
            self.send_error(404, "Not found")
            return None
        return super().send_head()

    def list_directory(self, path: str | os.PathLike[str]) -> io.BytesIO | None:
        """No folder listings: the library has an index page in every folder people need."""
        self.send_error(404, "Not found")
        return None

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        """Stay quiet: the command prints one line, and Ctrl+C stops it."""


for _method in ("POST", "PUT", "DELETE", "PATCH", "OPTIONS", "CONNECT", "TRACE"):
    setattr(LibraryHandler, f"do_{_method}", lambda self: self.send_error(405, "Read only"))


def _hidden(url_path: str) -> bool:
    """Files whose names start with a dot, like the library's record, are not for the browser."""
    parts = urllib.parse.unquote(urllib.parse.urlsplit(url_path).path).split("/")
    return any(part.startswith(".") for part in parts if part)


class LibraryServer(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = False  # a port in use is an error, not shared


def make_server(folder: Path, port: int) -> LibraryServer:
    """A server for the folder on 127.0.0.1; one clear error if the folder is missing or the port is taken."""
    if not (folder / "index.html").is_file():
        raise ToolkitError("has no library: run 'toolkit library' first", folder)
    handler = partial(LibraryHandler, directory=os.fspath(real(folder)))
    try:
        return LibraryServer((HOST, port), handler)
    except OSError as err:
        if err.errno == errno.EADDRINUSE:
            raise ToolkitError(f"port {port} is in use by another program: choose another with --port") from None
        raise


def serve_folder(folder: Path, port: int, ready: Callable[[str], None]) -> None:
    """Serve until Ctrl+C."""
    server = make_server(folder, port)
    ready(f"http://{HOST}:{server.server_port}/")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
