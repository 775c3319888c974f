"""`lakip serve`: the open page reloads itself after a data change and shows a build error."""

from __future__ import annotations

import os
import queue
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
from decimal import Decimal
from pathlib import Path
from typing import IO, cast

from lakip_lib import format as fmt

from .browser import peramban
from .conftest import DATA, REPO, sel, ubah_sel


class Pratinjau:
    """`lakip serve` in the background, its output lines in a queue."""

    def __init__(self, data: Path, folder: Path):
        self.proses = subprocess.Popen(
            [sys.executable, "-m", "lakip_lib.cli", "--data", str(data), "serve", "2024",
             "--output", str(folder), "--port", "0"], cwd=REPO, text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"}, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, start_new_session=True)
        self.baris: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._baca, daemon=True).start()

    def _baca(self) -> None:
        for b in cast(IO[str], self.proses.stdout):  # a pipe: stdout=PIPE above
            self.baris.put(b)

    def tunggu(self, pola: str, detik: float = 300) -> str:
        while True:
            b = self.baris.get(timeout=detik)
            if re.search(pola, b):
                return b

    def berhenti(self) -> None:
        os.killpg(self.proses.pid, signal.SIGTERM)
        try:
            self.proses.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.proses.pid, signal.SIGKILL)


def test_preview_reloads_the_open_page_after_a_data_change_and_shows_a_build_error(
        situs_2024: Path, tmp_path: Path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    folder = tmp_path / "_build"
    shutil.copytree(situs_2024.parent.parent, folder)  # the cache: the first build is short
    berkas = data / "2024" / "cpr_kecamatan.csv"
    baru = int(sel(berkas, 2, "kb_aktif")) + 1
    pratinjau = Pratinjau(data, folder)
    try:
        url = re.search(r"http://127\.0\.0\.1:\d+/2024/", pratinjau.tunggu("Pratinjau")).group(0)
        pratinjau.tunggu("diperbarui")
        with peramban() as b:
            page = b.new_page()
            page.goto(url + "sasaran_s3.html")
            page.evaluate("window.lakipBelumDimuatUlang = true")
            ubah_sel(berkas, 2, "kb_aktif", str(baru))
            page.wait_for_function(
                "t => window.lakipBelumDimuatUlang === undefined && document.body !== null && "
                "document.body.innerText.includes(t)", arg=fmt.angka(Decimal(baru), 0),
                timeout=300_000)
            ubah_sel(berkas, 2, "kb_aktif", "banyak")
            page.wait_for_selector("#lakip-galat", timeout=300_000)
            galat = page.inner_text("#lakip-galat")
            assert "cpr_kecamatan.csv, baris 2" in galat and "banyak" in galat
    finally:
        pratinjau.berhenti()


def _minta(port: int, *host: str) -> str:
    """The status line `lakip serve` answers to a raw GET of a page with these Host headers."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
        kepala = "".join(f"Host: {h}\r\n" for h in host)
        s.sendall(f"GET /2024/index.html HTTP/1.1\r\n{kepala}Connection: close\r\n\r\n".encode())
        jawaban = b""
        while bagian := s.recv(65536):
            jawaban += bagian
    return jawaban.decode("latin-1").split("\r\n", 1)[0]


def test_preview_answers_only_requests_naming_127_0_0_1_or_localhost(tmp_path: Path):
    """DNS rebinding: a page of evil.example whose name now resolves to 127.0.0.1 sends
    `Host: evil.example:<port>`; the preview must not answer it. (An empty data folder: the build
    fails at once, and the error page is what a right Host gets.)"""
    (tmp_path / "data").mkdir()
    p = Pratinjau(tmp_path / "data", tmp_path / "b")
    try:
        baris = p.tunggu(r"Pratinjau edisi 2024: http://127\.0\.0\.1:\d+/")
        port = int(re.findall(r"127\.0\.0\.1:(\d+)/", baris)[0])
        p.tunggu("Build gagal")
        for baik in (f"127.0.0.1:{port}", f"localhost:{port}", f"LOCALHOST:{port}"):
            assert _minta(port, baik).startswith("HTTP/1.0 200"), baik
        for buruk in ([f"evil.example:{port}"], [f"127.0.0.1:{port + 1}"], ["127.0.0.1"],
                      [f"localhost.evil.example:{port}"], [f"127.0.0.1:{port}.evil"],
                      [f"[::1]:{port}"], [], [f"127.0.0.1:{port}", f"evil.example:{port}"]):
            assert _minta(port, *buruk).startswith("HTTP/1.0 400"), buruk
    finally:
        p.berhenti()


def test_preview_has_its_own_folder(monkeypatch, tmp_path: Path):
    from lakip_lib import cli, pratinjau

    dipakai = []
    monkeypatch.setattr(pratinjau, "jalankan", lambda *a: dipakai.append(a))
    assert cli.main(["--data", str(DATA), "serve", "2024"]) == 0
    assert dipakai[0][2] == Path("_build") / "pratinjau"  # never the published _build/site


def test_preview_pages_show_every_validation_warning(monkeypatch, tmp_path: Path):
    """The warnings of the year's last build are on every page served, escaped."""
    import urllib.request

    from lakip_lib import build, eksekusi_notebook, pratinjau
    from lakip_lib.masalah import Masalah

    (tmp_path / "site" / "2025").mkdir(parents=True)
    (tmp_path / "site" / "2025" / "s2.html").write_text("<html><body><p>isi</p></body></html>")
    peringatan = [Masalah("data/2025/narasi/S2.md", 3, None,
                          'uraian memuat angka "12". <Tulis> angka di data.', "peringatan")]
    monkeypatch.setattr(build, "bangun", lambda *a, **k: build.HasilBuild(
        2025, tmp_path / "site" / "2025", 0.1, [], 1, eksekusi_notebook.HasilEksekusi(),
        peringatan))
    keadaan = pratinjau.Keadaan()
    pratinjau._bangun(2025, tmp_path, tmp_path, keadaan, lambda _: None)
    penangan = type("P", (pratinjau.Penangan,), {"keadaan": keadaan})
    import functools
    import http.server
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(penangan, directory=str(tmp_path / "site")))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/2025/s2.html"
        halaman = urllib.request.urlopen(url).read().decode()
    finally:
        server.shutdown()
    assert 'id="lakip-peringatan"' in halaman and "1 peringatan data" in halaman
    assert ("data/2025/narasi/S2.md, baris 3: Peringatan: uraian memuat angka &quot;12&quot;. "
            "&lt;Tulis&gt; angka di data.") in halaman
    assert "<p>isi</p>" in halaman
    assert "lakip-peringatan" not in (tmp_path / "site" / "2025" / "s2.html").read_text()


def test_preview_builds_a_narrative_saved_during_its_first_build(monkeypatch, tmp_path: Path):
    """A save while the first build runs is built next: the watch is set up before that build
    (it used to start after it, and the save was never built). In process, builds faked."""
    from lakip_lib import build, eksekusi_notebook, pratinjau

    narasi = tmp_path / "data" / "2024" / "narasi"
    narasi.mkdir(parents=True)
    dibangun: list[Path] = []

    class Berhenti(Exception):
        pass

    def bangun(tahun: int, akar_data: Path, *a: object, **k: object) -> build.HasilBuild:
        dibangun.append(akar_data)
        if len(dibangun) > 1:
            raise Berhenti  # the second build: the save was seen
        (narasi / "S2.md").write_text("Paragraf yang disimpan selama build pertama.\n")
        return build.HasilBuild(2024, tmp_path / "b" / "site" / "2024", 0.1, [], 0,
                                eksekusi_notebook.HasilEksekusi())

    monkeypatch.setattr(build, "bangun", bangun)
    monkeypatch.setattr(build, "panaskan", lambda *a: None)
    monkeypatch.setattr(signal, "signal", lambda *a: None)  # jalankan runs in a thread here
    galat: list[BaseException] = []

    def jalan() -> None:
        try:
            pratinjau.jalankan(2024, tmp_path / "data", tmp_path / "b", 0, lapor=lambda _: None)
        except BaseException as e:
            galat.append(e)

    t = threading.Thread(target=jalan, daemon=True)
    t.start()
    t.join(timeout=120)  # only bounds a hang: without the fix the second build never comes
    assert len(dibangun) == 2 and isinstance(galat[0], Berhenti)


def test_preview_warm_up_keeps_the_years_derived_values(monkeypatch, situs_2024: Path):
    """Before its first build `lakip serve` validates the year and computes the derived values
    its pages' cache keys read (`build.panaskan`): the build after a save inherits them instead
    of computing them (even when the first build found the edition up to date and did neither)."""
    from lakip_lib import build, data

    monkeypatch.setattr(build, "_TURUNAN", {})
    build.panaskan(2024, DATA.resolve(), situs_2024.parent.parent)
    d = data.muat(2024, DATA)
    assert build._warisi_turunan(d)  # the files the kept values read, unchanged
    berkas, nilai = d.turunan_terhitung()
    assert nilai and not berkas  # values there, none computed (nothing read for them)
