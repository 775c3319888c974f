"""Headless Chromium (Debian package `chromium`) driven by Playwright, and a localhost server.

Used by the PDF step and by the browser tests; nothing here reaches beyond 127.0.0.1.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ARGUMEN = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]


def path_chromium() -> Path:
    ditemukan = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))
                      if p), None)
    if ditemukan is None:
        raise FileNotFoundError(
            "Chromium tidak ditemukan. Pasang dengan: apt-get install chromium")
    return Path(ditemukan)


class _Diam(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def server(folder: Path, kelas: type[http.server.SimpleHTTPRequestHandler] = _Diam
           ) -> Iterator[str]:
    """Serve a folder on 127.0.0.1 with a free port (by `kelas`, a quiet static handler
    unless told otherwise); yield the base URL."""
    penangan = functools.partial(kelas, directory=str(folder))
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), penangan)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{srv.server_address[1]}"
    finally:
        srv.shutdown()
        srv.server_close()


@contextmanager
def chromium() -> Iterator[Any]:
    """A launched headless Chromium browser (Playwright `Browser`)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(path_chromium()), args=ARGUMEN)
        try:
            yield b
        finally:
            b.close()
