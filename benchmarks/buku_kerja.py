"""Workbook benchmark: `lakip template` and `lakip import` on the shipped 2024 data.

Measures (medians of --runs runs, in a throwaway copy of data/):
  1. template 2024: load + validate the year, write the .xlsx;
  2. import of the unchanged workbook (validates everything, writes no file);
  3. import after one changed cell (writes one file);
  4. import of a workbook with one error (validates, writes nothing).

Usage: python benchmarks/buku_kerja.py [--runs 5] [--smoke]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from openpyxl import load_workbook

RUMAH = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RUMAH))

from lakip_lib import buku_kerja  # noqa: E402
from lakip_lib.masalah import ValidasiGagal  # noqa: E402


def _ukur(langkah: Callable[[], object], runs: int) -> list[float]:
    hasil = []
    for _ in range(runs):
        mulai = time.perf_counter()
        langkah()
        hasil.append(time.perf_counter() - mulai)
    return hasil


def _ubah(xlsx: Path, tujuan: Path, lembar: str, sel: str, nilai: object) -> Path:
    wb = load_workbook(xlsx)
    wb[lembar][sel] = nilai
    wb.save(tujuan)
    return tujuan


def _gagal(xlsx: Path, akar: Path) -> None:
    try:
        buku_kerja.impor(2024, xlsx, akar)
    except ValidasiGagal:
        return
    raise AssertionError("the broken workbook was accepted")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--smoke", action="store_true", help="one run (CI: the benchmark works)")
    args = p.parse_args()
    runs = 1 if args.smoke else args.runs
    with tempfile.TemporaryDirectory() as tmp:
        akar = Path(tmp) / "data"
        shutil.copytree(RUMAH / "data", akar)
        xlsx = Path(tmp) / "isian-2024.xlsx"
        kasus: list[tuple[str, Callable[[], object]]] = [
            ("template 2024 (13 sheets)", lambda: buku_kerja.tulis_template(2024, xlsx, akar)),
        ]
        buku_kerja.tulis_template(2024, xlsx, akar)
        satu = _ubah(xlsx, Path(tmp) / "satu.xlsx", "cpr_kecamatan", "B2", 3300)
        salah = _ubah(xlsx, Path(tmp) / "salah.xlsx", "cpr_kecamatan", "B2", "banyak")
        cadangan = (akar / "2024" / "cpr_kecamatan.csv").read_bytes()

        def satu_sel() -> None:
            buku_kerja.impor(2024, satu, akar)
            (akar / "2024" / "cpr_kecamatan.csv").write_bytes(cadangan)

        kasus += [
            ("import, unchanged workbook", lambda: buku_kerja.impor(2024, xlsx, akar)),
            ("import, one cell changed", satu_sel),
            ("import, one error (nothing written)", lambda: _gagal(salah, akar)),
        ]
        print(f"lakip workbook benchmark (medians of {runs} runs)")
        for i, (nama, langkah) in enumerate(kasus, start=1):
            waktu = _ukur(langkah, runs)
            print(f"{i}. {nama:<38}: {statistics.median(waktu):6.2f} s  "
                  f"[{', '.join(f'{w:.2f}' for w in waktu)}]")
        print(f"workbook size: {xlsx.stat().st_size / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
