"""Headless Chromium (Debian package `chromium`): its switches, Playwright's browser for the
browser tests, and a localhost server. The PDF printer speaks to its own Chromium (`cdp`), the
headless shell where it is installed (`path_chromium_cetak`). Nothing here reaches beyond
127.0.0.1.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

# Chromium keeps only the last --disable-features switch, so ours names Playwright's own list
# (its Chromium launcher, the version pinned in requirements.lock) as well as the browser-UI
# pages every window of this headless Chrome would open in a renderer of its own (the omnibox
# popup and its AI-mode variant: about half a second of CPU per window, beside the build).
# The PDF printer's own browser (`cdp`) starts with these switches too. `tests/test_peramban.py`
# checks, in both browsers, that Playwright's list is kept and that no such page opens.
FITUR_PLAYWRIGHT = [
    "AvoidUnnecessaryBeforeUnloadCheckSync", "DestroyProfileOnBrowserClose", "HttpsUpgrades",
    "HttpsFirstBalancedModeAutoEnable", "LensOverlay", "MediaRouter", "PaintHolding",
    "ThirdPartyStoragePartitioning", "AvoidCorsURLLoaderRestartOnRedirect",
    "TcpPortRandomizationWin", "OptimizationHints", "NetworkTimeServiceQuerying", "AimEnabled",
    "PreconnectToSearch", "msForceBrowserSignIn", "msEdgeUpdateLaunchServicesPreferredVersion"]
FITUR_UI_PERAMBAN = ["WebUIOmniboxPopup", "WebUIOmniboxAimPopup"]
ARGUMEN = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic",
           "--disable-features=" + ",".join(FITUR_PLAYWRIGHT + FITUR_UI_PERAMBAN)]


def path_chromium() -> Path:
    ditemukan = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))
                      if p), None)
    if ditemukan is None:
        raise FileNotFoundError(
            "Chromium tidak ditemukan. Pasang dengan: apt-get install chromium")
    return Path(ditemukan)


# The printer's browser: Debian's `chromium-headless-shell`, the same Chromium build as
# `chromium` without the browser around it (no browser UI, no GPU process, no window). Measured
# on the two PDFs of 2024: the same 153 pages pixel for pixel (pdftoppm, 110 dpi) and the same
# tagged structure, started in 0,15 s for 0,3 s of CPU (the whole browser: 0,3 s for 0,9 s),
# and both documents printed in 1,55 s instead of 1,95 s.
# Debian's /usr/bin/chromium-headless-shell is a shell script that runs the binary as its child:
# where that is the one installed, the binary itself is started, so that the process the printer
# starts and watches (and a test kills) is the browser.
CHROMIUM_CETAK = "chromium-headless-shell"
PEMBUNGKUS_DEBIAN = Path("/usr/bin") / CHROMIUM_CETAK
BINER_CHROMIUM_CETAK = Path("/usr/lib/chromium") / CHROMIUM_CETAK


def path_chromium_cetak() -> Path:
    """The browser the PDF printer starts: the headless shell when installed (on PATH), else
    the browser (`path_chromium`). Which one printed is part of every print's record
    (`cetak_edisi.sidik_bersama`): a PDF is never kept from the other."""
    ditemukan = shutil.which(CHROMIUM_CETAK)
    if (ditemukan and Path(ditemukan).resolve() == PEMBUNGKUS_DEBIAN.resolve()
            and os.access(BINER_CHROMIUM_CETAK, os.X_OK)):
        return BINER_CHROMIUM_CETAK
    if ditemukan:
        return Path(ditemukan)
    try:
        return path_chromium()
    except FileNotFoundError:
        raise FileNotFoundError("Chromium tidak ditemukan (pencetak PDF). Pasang dengan: "
                                f"apt-get install {CHROMIUM_CETAK}") from None


class _Diam(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def _dengan_tambahan(kelas: type[http.server.SimpleHTTPRequestHandler],
                     tambahan: dict[str, Path]) -> type[http.server.SimpleHTTPRequestHandler]:
    """`kelas`, also serving each file of `tambahan` (kept elsewhere) under its name at the
    top of the folder."""
    class Penangan(kelas):  # type: ignore[misc, valid-type]
        def translate_path(self, path: str) -> str:
            nama = path.split("?", 1)[0].split("#", 1)[0].lstrip("/")
            return str(tambahan[nama]) if nama in tambahan else super().translate_path(path)

    return Penangan


@contextmanager
def server(folder: Path, kelas: type[http.server.SimpleHTTPRequestHandler] = _Diam,
           tambahan: dict[str, Path] | None = None) -> Iterator[str]:
    """Serve a folder on 127.0.0.1 with a free port (by `kelas`, a quiet static handler
    unless told otherwise), plus the files `tambahan` maps a name at the folder's top to;
    yield the base URL."""
    if tambahan:
        kelas = _dengan_tambahan(kelas, dict(tambahan))
    penangan = functools.partial(kelas, directory=str(folder))
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), penangan)
    # stopping waits for the serving loop's next look at its flag: every half second by
    # default, which a print waited for after its PDF was done
    threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.02},
                     daemon=True).start()
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
