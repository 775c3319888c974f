"""`lakip serve`: a live preview of one edition on 127.0.0.1.

The build process stays up and watches data/, notebooks/ and book/ with `watchfiles` (set up
before the first build, so a save during it is built next): a change rebuilds the HTML edition
(the cache re-executes only what the change touched) and every open page reloads itself. Before
the first build it pays what a rebuild would pay first (`build.panaskan`: Sphinx's fork server,
the notebooks' imports, the year validated and its derived values kept), so the first save is
as fast as the next ones. A failed build replaces every
page with the error until the next build succeeds. A change to lakip_lib itself restarts the
process, so the new code is what runs. The pages learn about a new build over Server-Sent Events
(`/__lakip/peristiwa`), from a script added to each page as it is served (never to the files).

Only requests naming this server answer: `Host` must be `127.0.0.1:<port>` or
`localhost:<port>`. Anything else (a DNS-rebound name a web page made resolve to 127.0.0.1, no
Host, two Hosts) gets 400 before any file is read, so no page elsewhere can read the preview.
"""

from __future__ import annotations

import functools
import html
import http.server
import os
import queue
import signal
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lakip_lib import build, langkah_build
from lakip_lib.format import angka
from lakip_lib.masalah import ValidasiGagal, laporan

AWALAN = "/__lakip/"
SKRIP = """(function () {
  var token = null, sumber = new EventSource("/__lakip/peristiwa");
  sumber.onmessage = function (e) {
    if (token === null) { token = e.data; } else if (e.data !== token) { location.reload(); }
  };
})();
"""


GAYA_GALAT = ("body{font-family:'DejaVu Sans',sans-serif;margin:1.5rem auto;max-width:60rem;"
              "padding:0 1rem;color:#222}h1{color:#b8404a;font-size:1.5rem}"
              "pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#fdf3f3;"
              "border-left:4px solid #b8404a;padding:.75rem 1rem;font-size:.9rem;line-height:1.45}")


class Keadaan:
    """The latest build: a token that changes with every build, and its error if it failed."""

    def __init__(self) -> None:
        self.syarat = threading.Condition()
        self.nomor = 0
        self.galat: str | None = None
        self.peringatan: list[str] = []  # the year's validation warnings, shown on every page

    @property
    def token(self) -> str:
        return f"{os.getpid()}-{self.nomor}"

    def selesai(self, galat: str | None, peringatan: list[str] | None = None) -> None:
        """`peringatan` None: the build did not validate (nothing changed), the last ones hold."""
        with self.syarat:
            self.nomor += 1
            self.galat = galat
            if peringatan is not None:
                self.peringatan = peringatan
            self.syarat.notify_all()


class Penangan(http.server.SimpleHTTPRequestHandler):
    """Serves the site folder; pages get the reload script, or the build error instead."""

    keadaan: Keadaan

    def log_message(self, *args: Any) -> None:
        pass

    def parse_request(self) -> bool:
        if not super().parse_request():
            return False
        if not host_diizinkan(self.headers.get_all("Host") or [], self.connection.getsockname()[1]):
            self.send_error(400, "Host tidak diizinkan",
                            "Pratinjau lakip hanya melayani http://127.0.0.1:<port>/ dan "
                            "http://localhost:<port>/.")
            return False
        return True

    def do_GET(self) -> None:
        jalur = self.path.split("?", 1)[0]
        if jalur == AWALAN + "peristiwa":
            return self._peristiwa()
        if jalur == AWALAN + "muat-ulang.js":
            return self._kirim(SKRIP.encode(), "text/javascript; charset=utf-8")
        berkas = Path(self.translate_path(self.path))
        if berkas.is_dir():
            berkas = berkas / "index.html"
        if berkas.suffix == ".html" and (self.keadaan.galat or berkas.is_file()):
            return self._halaman(berkas)
        return super().do_GET()

    def _halaman(self, berkas: Path) -> None:
        skrip = f'<script src="{AWALAN}muat-ulang.js"></script>'
        if self.keadaan.galat:
            isi = ('<!DOCTYPE html>\n<html lang="id"><head><meta charset="utf-8">'
                   '<meta name="viewport" content="width=device-width, initial-scale=1">'
                   f"<title>Build gagal</title><style>{GAYA_GALAT}</style></head><body>"
                   "<h1>Build gagal</h1>"
                   "<p>Halaman akan dimuat ulang sendiri begitu build berikutnya berhasil.</p>"
                   f'<pre id="lakip-galat">{html.escape(self.keadaan.galat)}</pre>{skrip}'
                   "</body></html>\n")
        else:
            isi = berkas.read_text(encoding="utf-8").replace(
                "</body>", _kotak_peringatan(self.keadaan.peringatan) + skrip + "</body>", 1)
        self._kirim(isi.encode("utf-8"), "text/html; charset=utf-8")

    def _kirim(self, isi: bytes, jenis: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", jenis)
        self.send_header("Content-Length", str(len(isi)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(isi)

    def _peristiwa(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        k = self.keadaan
        try:
            while True:
                with k.syarat:
                    token = k.token
                self.wfile.write(f"data: {token}\n\n".encode())
                self.wfile.flush()
                with k.syarat:
                    k.syarat.wait_for(_berubah_dari(k, token), timeout=15)
        except (BrokenPipeError, ConnectionResetError):
            return


def host_diizinkan(host: list[str], port: int) -> bool:
    """Whether the request's Host header(s) name this server: exactly one, 127.0.0.1:<port> or
    localhost:<port> (host names compare without case)."""
    return len(host) == 1 and host[0].strip().lower() in (f"127.0.0.1:{port}",
                                                          f"localhost:{port}")


GAYA_PERINGATAN = ("position:fixed;bottom:0;left:0;right:0;max-height:40vh;overflow:auto;"
                   "z-index:9999;margin:0;padding:.5rem 1rem;background:#fff8e1;color:#222;"
                   "border-top:3px solid #b26a00;font:14px/1.4 'DejaVu Sans',sans-serif")


def _kotak_peringatan(peringatan: list[str]) -> str:
    """Every validation warning of the year, on the previewed page (never in the files)."""
    if not peringatan:
        return ""
    butir = "".join(f"<li>{html.escape(p)}</li>" for p in peringatan)
    return (f'<aside id="lakip-peringatan" role="status" style="{GAYA_PERINGATAN}">'
            f"<strong>Pratinjau: {len(peringatan)} peringatan data</strong><ul>{butir}</ul>"
            "</aside>")


def _berubah_dari(k: Keadaan, token: str) -> Callable[[], bool]:
    """Whether a build after the one of `token` has finished."""
    return lambda: k.token != token


def _bangun(tahun: int, akar_data: Path, folder_build: Path, keadaan: Keadaan,
            lapor: langkah_build.Lapor) -> None:
    """One build; the pages show its result (reload, or its error) before it is reported."""
    galat: str | None
    peringatan: list[str] | None = None
    try:
        hasil = build.bangun(tahun, akar_data, folder_build, lapor=lambda _: None,
                             dengan_pdf=False)
    except ValidasiGagal as e:
        galat = f"Data tahun {tahun} tidak valid:\n{laporan(e.masalah)}"
    except langkah_build.BuildGagal as e:
        galat = str(e)
    else:
        galat = None
        if hasil.peringatan is not None:
            peringatan = [str(m) for m in hasil.peringatan]
    keadaan.selesai(galat, peringatan)
    if galat:
        lapor(f"Build gagal:\n{galat}")
    else:
        lapor(f"Edisi {tahun} diperbarui ({len(hasil.notebook)} notebook dijalankan, "
              f"{len(hasil.eksekusi.sia_sia)} eksekusi sia-sia, "
              f"{angka(hasil.detik, 1)} detik).")


def pantau(folder: list[Path]) -> queue.Queue[set[tuple[Any, str]] | BaseException]:
    """Watch `folder` (watchfiles) from a thread of its own; each batch of changes goes into the
    queue returned (an error of the watch too). Returns once the watch is set up: a change
    saved after it, during a build included, is never missed."""
    import watchfiles

    antre: queue.Queue[set[tuple[Any, str]] | BaseException] = queue.Queue()
    siap = threading.Event()

    def jalan() -> None:
        try:
            # a batch is handed over once `step` ms pass without a new change (a save seen in
            # 20–40 ms; a later write of the same save starts another build, so the last one
            # always holds); rust_timeout: an empty batch when nothing changed, the sign the
            # watch is set up
            for perubahan in watchfiles.watch(*folder, debounce=400, step=20, rust_timeout=100,
                                              yield_on_timeout=True):
                siap.set()
                if perubahan:
                    antre.put(perubahan)
        except BaseException as e:  # handed to the build loop, which raises it
            antre.put(e)
        finally:
            siap.set()

    threading.Thread(target=jalan, daemon=True).start()
    siap.wait()
    return antre


def ambil_perubahan(antre: queue.Queue[set[tuple[Any, str]] | BaseException]
                    ) -> set[tuple[Any, str]]:
    """Every change waiting (one rebuild for all saved during the last build); waits for one."""
    perubahan: set[tuple[Any, str]] = set()
    while True:
        try:
            batch = antre.get(block=not perubahan)
        except queue.Empty:
            return perubahan
        if isinstance(batch, BaseException):
            raise batch
        perubahan |= batch


def jalankan(tahun: int, akar_data: Path, folder_build: Path, port: int,
             lapor: langkah_build.Lapor = print) -> None:
    """Build, serve on 127.0.0.1:<port>, and rebuild on every change until interrupted."""
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # stopped like Ctrl+C: server closed
    keadaan = Keadaan()
    folder_build = folder_build.resolve()
    situs = folder_build / "site"
    situs.mkdir(parents=True, exist_ok=True)
    penangan = type("PenanganIni", (Penangan,), {"keadaan": keadaan})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", port), functools.partial(penangan, directory=str(situs)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    lapor(f"Pratinjau edisi {tahun}: http://127.0.0.1:{server.server_address[1]}/{tahun}/ "
          "(hentikan dengan Ctrl+C)")
    kode = langkah_build.AKAR_PROYEK / "lakip_lib"
    antre = pantau([akar_data, langkah_build.NOTEBOOKS, langkah_build.HALAMAN, kode])
    try:
        build.panaskan(tahun, akar_data.resolve(), folder_build)
        _bangun(tahun, akar_data, folder_build, keadaan, lapor)
        while True:
            perubahan = ambil_perubahan(antre)
            if any(Path(p).is_relative_to(kode) for _, p in perubahan):
                lapor("Kode lakip_lib berubah: pratinjau dimulai ulang.")
                server.server_close()
                os.execv(sys.executable, [sys.executable, *sys.orig_argv[1:]])
            _bangun(tahun, akar_data, folder_build, keadaan, lapor)
    finally:
        server.shutdown()
