"""`lakip serve`: the open page reloads itself after a data change and shows a build error."""

from __future__ import annotations

import os
import queue
import re
import shutil
import signal
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
                "t => window.lakipBelumDimuatUlang === undefined && "
                "document.body.innerText.includes(t)", arg=fmt.angka(Decimal(baru), 0),
                timeout=300_000)
            ubah_sel(berkas, 2, "kb_aktif", "banyak")
            page.wait_for_selector("#lakip-galat", timeout=300_000)
            galat = page.inner_text("#lakip-galat")
            assert "cpr_kecamatan.csv, baris 2" in galat and "banyak" in galat
    finally:
        pratinjau.berhenti()
