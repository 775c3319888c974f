"""Headless Chromium spoken to in its own DevTools protocol over the pipe it opens for that
(`--remote-debugging-pipe`: commands in on descriptor 3, answers and events out on
descriptor 4, each message a JSON object ending in a NUL byte): the PDF printer's browser
(Chromium's headless shell where installed: `peramban.path_chromium_cetak`).

Why not Playwright, which the browser tests use: its Node.js driver is one more process
between us and the browser. It took about 0,3 s to start, beside a build's Sphinx run, and
relayed every message of a print (about 0,4 s of CPU for both documents) on a 2-core machine
that the print keeps busy. A print needs a dozen commands, all of them here; the PDFs came out
byte for byte as they did through Playwright with the same browser (same switches, same print
parameters).
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import shutil
import signal
import tempfile
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager, suppress
from pathlib import Path
from typing import IO, Any

from lakip_lib.peramban import ARGUMEN, path_chromium_cetak

# Playwright's own switches for a headless Chromium (its chromiumSwitches and headless ones)
# that change how a page is laid out, painted or scheduled, or keep the browser off the
# network; `ARGUMEN` adds ours, with the disabled features.
ARGUMEN_CETAK = [
    "--headless", "--hide-scrollbars", "--mute-audio", "--force-color-profile=srgb",
    "--blink-settings=primaryHoverType=2,availableHoverTypes=2,primaryPointerType=4,"
    "availablePointerTypes=4",
    "--disable-field-trial-config", "--disable-background-timer-throttling",
    "--disable-backgrounding-occluded-windows", "--disable-renderer-backgrounding",
    "--disable-back-forward-cache", "--disable-breakpad", "--disable-extensions",
    "--disable-component-extensions-with-background-pages", "--disable-default-apps",
    "--disable-dev-shm-usage", "--disable-hang-monitor", "--disable-ipc-flooding-protection",
    "--disable-popup-blocking", "--disable-prompt-on-repost", "--no-default-browser-check",
    "--metrics-recording-only", "--password-store=basic", "--use-mock-keychain",
    "--no-service-autorun", "--disable-search-engine-choice-screen", *ARGUMEN,
    "--remote-debugging-pipe", "--no-startup-window"]

BATAS_WAKTU = 120.0  # seconds a command or a page load may take (a 77-page print: ~1 s)
_PAMIT = 5.0  # seconds the browser has to close before it is killed


class GalatPeramban(Exception):
    """The browser answered a command with an error, a page's script threw, or the browser or
    the page is gone."""


class _Pipa(asyncio.Protocol):
    """Reads the browser's messages from its descriptor 4, one JSON object per NUL byte."""

    def __init__(self, terima: Callable[[dict[str, Any]], None],
                 putus: Callable[[], None]) -> None:
        self._sisa = bytearray()
        self._terima, self._putus = terima, putus

    def data_received(self, data: bytes) -> None:
        self._sisa += data
        while (akhir := self._sisa.find(0)) >= 0:
            pesan = json.loads(self._sisa[:akhir])
            del self._sisa[:akhir + 1]
            self._terima(pesan)

    def connection_lost(self, exc: Exception | None) -> None:
        self._putus()


class Peramban:
    """A launched browser: `kirim` sends a command to it or to one of its pages."""

    def __init__(self, tulis: asyncio.WriteTransport, galat: IO[bytes]) -> None:
        self._tulis, self._galat = tulis, galat
        self._nomor = 0
        self._menunggu: dict[int, tuple[asyncio.Future[dict[str, Any]], str | None]] = {}
        self._hilang: set[str | None] = set()  # pages that crashed or were closed
        # (page, navigation) whose document has loaded, and the waits for one that has not yet
        self._dimuat: set[tuple[str | None, str]] = set()
        self._menunggu_muat: dict[tuple[str | None, str], list[asyncio.Future[None]]] = {}
        self.putus = False

    def _terima(self, pesan: dict[str, Any]) -> None:
        sesi = pesan.get("sessionId")
        if "id" in pesan:
            tunggu, _ = self._menunggu.pop(pesan["id"], (None, None))
            if tunggu is None or tunggu.done():
                return
            if "error" in pesan:
                tunggu.set_exception(GalatPeramban(pesan["error"].get("message", "")))
            else:
                tunggu.set_result(pesan.get("result", {}))
            return
        metode = pesan.get("method", "")
        param = pesan.get("params", {})
        if metode == "Page.lifecycleEvent" and param.get("name") == "load":
            # kept, not only handed to a waiter: the load may come before anyone waits for it
            dimuat = (sesi, str(param.get("loaderId")))
            self._dimuat.add(dimuat)
            for tunggu_muat in self._menunggu_muat.pop(dimuat, []):
                if not tunggu_muat.done():
                    tunggu_muat.set_result(None)
        if metode == "Target.detachedFromTarget":
            sesi = param.get("sessionId")
        if metode in ("Inspector.targetCrashed", "Target.detachedFromTarget"):
            self._hilang.add(sesi)
            self._gagalkan(lambda s: s == sesi, f"halaman peramban berhenti ({metode})")

    def _gagalkan(self, kena: Callable[[str | None], bool], alasan: str) -> None:
        """Fail every command and load awaited of the pages `kena` picks."""
        for nomor, (tunggu, sesi) in list(self._menunggu.items()):
            if kena(sesi):
                del self._menunggu[nomor]
                if not tunggu.done():
                    tunggu.set_exception(GalatPeramban(alasan))
        for dimuat, daftar in list(self._menunggu_muat.items()):
            if kena(dimuat[0]):
                del self._menunggu_muat[dimuat]
                for tunggu_muat in daftar:
                    if not tunggu_muat.done():
                        tunggu_muat.set_exception(GalatPeramban(alasan))

    def _putus(self) -> None:
        """The browser's end of the pipe closed: it ended, or was closed by `chromium_pipa`."""
        self.putus = True
        if self._menunggu or self._menunggu_muat:  # it ended while awaited: say what it said
            self._galat.seek(0)
            ekor = self._galat.read().decode("utf-8", "replace").splitlines()[-10:]
            self._gagalkan(lambda _: True, "\n".join(["Chromium berhenti.", *ekor]))

    async def kirim(self, metode: str, param: dict[str, Any] | None = None,
                    sesi: str | None = None) -> dict[str, Any]:
        """Send a command (to page `sesi` if given) and return its result; GalatPeramban when
        it failed, or the browser or the page ended first."""
        if self.putus or (sesi is not None and sesi in self._hilang):
            raise GalatPeramban(f"peramban atau halamannya sudah berhenti ({metode})")
        self._nomor += 1
        pesan: dict[str, Any] = {"id": self._nomor, "method": metode, "params": param or {}}
        if sesi is not None:
            pesan["sessionId"] = sesi
        tunggu: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._menunggu[self._nomor] = (tunggu, sesi)
        self._tulis.write(json.dumps(pesan).encode() + b"\0")
        return await asyncio.wait_for(tunggu, BATAS_WAKTU)

    async def dimuat(self, loader: str, sesi: str) -> None:
        """Wait until the document of navigation `loader` (Page.navigate's loaderId) in page
        `sesi` has fired its load event, which may have come already."""
        if (sesi, loader) in self._dimuat:
            return
        tunggu: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._menunggu_muat.setdefault((sesi, loader), []).append(tunggu)
        await asyncio.wait_for(tunggu, BATAS_WAKTU)

    async def halaman_baru(self) -> Halaman:
        """A blank page (a window of its own, its own renderer process)."""
        target = (await self.kirim("Target.createTarget", {"url": "about:blank"}))["targetId"]
        sesi = (await self.kirim("Target.attachToTarget",
                                 {"targetId": target, "flatten": True}))["sessionId"]
        await asyncio.gather(self.kirim("Inspector.enable", sesi=sesi),
                             self.kirim("Page.enable", sesi=sesi),
                             self.kirim("Page.setLifecycleEventsEnabled", {"enabled": True},
                                        sesi=sesi))
        return Halaman(self, target, sesi)


class Halaman:
    """A page of the browser, and what a print does with it."""

    def __init__(self, peramban: Peramban, target: str, sesi: str) -> None:
        self._peramban, self._target, self._sesi = peramban, target, sesi
        self._loader: str | None = None  # the navigation `buka` started

    async def _kirim(self, metode: str, **param: Any) -> dict[str, Any]:
        return await self._peramban.kirim(metode, param, self._sesi)

    async def skrip_awal(self, skrip: str) -> None:
        """Run `skrip` in every document the page loads from now on, before its own scripts."""
        await self._kirim("Page.addScriptToEvaluateOnNewDocument", source=skrip)

    async def media_cetak(self) -> None:
        """Match `@media print`, as a print does, from the next layout on."""
        await self._kirim("Emulation.setEmulatedMedia", media="print")

    async def ukuran_jendela(self, lebar: int, tinggi: int) -> None:
        """The window's size in CSS pixels (as Playwright's `set_viewport_size`)."""
        await self._kirim("Emulation.setDeviceMetricsOverride", width=lebar, height=tinggi,
                          deviceScaleFactor=1, mobile=False, screenWidth=lebar,
                          screenHeight=tinggi,
                          screenOrientation={"angle": 0, "type": "portraitPrimary"})

    async def buka(self, url: str) -> None:
        """Navigate to `url`. Returns once the navigation is committed: the document loads on
        in its renderer (`tunggu_muat`)."""
        hasil = await self._kirim("Page.navigate", url=url)
        if hasil.get("errorText"):
            raise GalatPeramban(f"{url}: {hasil['errorText']}")
        self._loader = hasil["loaderId"]

    async def tunggu_muat(self) -> None:
        """Wait for the load event of the document `buka` opened (not of the blank page before
        it, whose events may still be on their way)."""
        if self._loader is None:
            raise GalatPeramban("belum ada dokumen yang dibuka")
        await self._peramban.dimuat(self._loader, self._sesi)

    async def nilai(self, ekspresi: str) -> Any:
        """The value of a script expression in the page, as JSON (a promise is awaited);
        GalatPeramban with the script's error if it throws."""
        hasil = await self._kirim("Runtime.evaluate", expression=ekspresi, awaitPromise=True,
                                  returnByValue=True)
        if "exceptionDetails" in hasil:
            rinci = hasil["exceptionDetails"]
            raise GalatPeramban(rinci.get("exception", {}).get("description")
                                or rinci.get("text", "galat skrip"))
        return hasil["result"].get("value")

    async def panggil(self, fungsi: str, argumen: Any) -> Any:
        """The value of the page's function `fungsi` called with `argumen`, passed as JSON
        (a value, never code: a JSON text is a script expression)."""
        return await self.nilai(f"({fungsi})({json.dumps(argumen)})")

    async def pdf(self, lebar_mm: float, tinggi_mm: float) -> bytes:
        """Print to PDF on paper `lebar_mm` × `tinggi_mm` with the page's own CSS page size
        and margins, its backgrounds and the tagged structure: Playwright's `page.pdf` with
        the same options sends the same parameters (its mm → inch conversion included)."""
        inci = {"paperWidth": lebar_mm * 3.78 / 96, "paperHeight": tinggi_mm * 3.78 / 96}
        hasil = await self._kirim(
            "Page.printToPDF", landscape=False, displayHeaderFooter=False, headerTemplate="",
            footerTemplate="", printBackground=True, scale=1, marginTop=0, marginBottom=0,
            marginLeft=0, marginRight=0, pageRanges="", preferCSSPageSize=True,
            generateTaggedPDF=True, generateDocumentOutline=False, **inci)
        return base64.b64decode(hasil["data"])

    async def tutup(self) -> None:
        await self._peramban.kirim("Target.closeTarget", {"targetId": self._target})


@asynccontextmanager
async def chromium_pipa(profil: Path | None = None) -> AsyncIterator[Peramban]:
    """A headless Chromium spoken to over its pipe, closed after. Its profile is the folder
    `profil` (emptied first: a killed printer leaves its profile behind, see
    `pencetak.Pencetak`), else a temporary folder; removed after either way."""
    if profil is None:  # made only when none is given: a killed printer would leave it behind
        async with chromium_pipa(Path(tempfile.mkdtemp(prefix="lakip-chromium-"))) as peramban:
            yield peramban
        return
    loop = asyncio.get_running_loop()
    shutil.rmtree(profil, ignore_errors=True)
    profil.mkdir(parents=True)
    with tempfile.TemporaryFile() as galat:
        pid, ke_peramban, dari_peramban = _jalankan(profil, galat)
        tulis: asyncio.WriteTransport | None = None
        baca: asyncio.ReadTransport | None = None
        try:
            tulis, _ = await loop.connect_write_pipe(asyncio.Protocol, ke_peramban)
            peramban = Peramban(tulis, galat)
            baca, _ = await loop.connect_read_pipe(
                lambda: _Pipa(peramban._terima, peramban._putus), dari_peramban)
            yield peramban
            with suppress(GalatPeramban, TimeoutError):
                await asyncio.wait_for(peramban.kirim("Browser.close"), _PAMIT)
        finally:
            # closing our end of its commands ends a browser still running
            for ujung, berkas in ((tulis, ke_peramban), (baca, dari_peramban)):
                (ujung or berkas).close()
            await asyncio.to_thread(_tunggu_akhir, pid)
            shutil.rmtree(profil, ignore_errors=True)


def _jalankan(profil: Path, galat: IO[bytes]) -> tuple[int, IO[bytes], IO[bytes]]:
    """Start the browser, in a process group of its own, with its pipe on descriptors 3 and 4
    and its error output in `galat` (posix_spawn: no Python code runs in the child, safe
    beside threads); return its pid and our ends of the pipe (commands, answers)."""
    perintah_baca, perintah_tulis = os.pipe()
    jawab_baca, jawab_tulis = os.pipe()
    chromium = str(path_chromium_cetak())
    try:
        pid = os.posix_spawn(chromium, [chromium, *ARGUMEN_CETAK, f"--user-data-dir={profil}"],
                             os.environ, setpgroup=0, file_actions=[
                                 (os.POSIX_SPAWN_DUP2, perintah_baca, 3),
                                 (os.POSIX_SPAWN_DUP2, jawab_tulis, 4),
                                 (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
                                 (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
                                 (os.POSIX_SPAWN_DUP2, galat.fileno(), 2)])
    except BaseException:
        os.close(perintah_tulis)
        os.close(jawab_baca)
        raise
    finally:
        os.close(perintah_baca)
        os.close(jawab_tulis)
    return pid, os.fdopen(perintah_tulis, "wb", 0), os.fdopen(jawab_baca, "rb", 0)


def _tunggu_akhir(pid: int) -> None:
    """Wait for the browser process to end (killed if it has not within `_PAMIT`), then end
    what is left of its process group: a helper still shutting down would write into the
    profile while it is removed."""
    batas = time.monotonic() + _PAMIT
    while not os.waitpid(pid, os.WNOHANG)[0]:
        if time.monotonic() > batas:
            with suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            break
        time.sleep(0.01)
    with suppress(ProcessLookupError):
        os.killpg(pid, signal.SIGKILL)
