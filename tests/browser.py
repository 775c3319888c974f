"""Headless Chromium (Debian package) driven by Playwright, on a site served from localhost."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
ARGUMEN = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]


class _Diam(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def server(folder: Path) -> Iterator[str]:
    """Serve a folder on 127.0.0.1 with a free port; yield the base URL."""
    penangan = functools.partial(_Diam, directory=str(folder))
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), penangan)
    benang = threading.Thread(target=srv.serve_forever, daemon=True)
    benang.start()
    try:
        yield f"http://127.0.0.1:{srv.server_address[1]}"
    finally:
        srv.shutdown()
        srv.server_close()


@contextmanager
def peramban() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    assert CHROMIUM.exists(), "Chromium tidak ada: apt-get install chromium (lihat Makefile)"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGUMEN)
        try:
            yield b
        finally:
            b.close()
