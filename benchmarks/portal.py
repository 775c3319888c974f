"""Many-edition benchmark: a kabupaten's agencies and one agency's years in one build, against one
clean single-agency build in the same run (issue 28's targets).

Cases (each `lakip` command a fresh process; peak RSS is the largest process of the command):
  A. one agency, one year, clean (the synthetic kabupaten's first agency alone)   — the unit;
  B. N agencies × 1 year, clean, `lakip build --all`            target ≤ 14 × A (N = 40);
  C. one value changed in one agency of B, `lakip build --all`  target ≤ 2 × the same change
     rebuilt in A's single-agency folder (C0, measured first);
  D. Y fiscal years of the shipped agency (benchmarks/build.py's shifted years), clean,
     against its one year clean (D0)                             target ≤ 5 × D0;
  peak memory: B's largest process against A's (flat in the number of agencies).

Usage: python benchmarks/portal.py [--agencies 40] [--years 10] [--no-pdf] [--smoke]
`--smoke` (CI): 3 agencies, 2 years, no PDF: proves the benchmark and the portal still work; its
timings are not figures to quote.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

RUMAH = Path(__file__).resolve().parent


def _modul(nama: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"bench_{nama}", RUMAH / f"{nama}.py")
    assert spec and spec.loader
    modul = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = modul  # dataclasses look their module up there
    spec.loader.exec_module(modul)
    return modul


kabupaten = _modul("kabupaten")
bench_build = _modul("build")


def lakip(*args: str) -> tuple[float, float, str]:
    """Run `lakip`; (seconds, peak RSS in MiB of its largest process, its output)."""
    ukur = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:]); "
            "print('RSS', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, "
            "file=sys.stderr); sys.exit(r.returncode)")
    # The builds measure the build itself: the synthetic agencies lie outside the checkout, so
    # each final edition, once built, is a record no build may replace with other inputs (the
    # one-value cases would be refused); the release logic is set aside as a frozen edition's
    # inner build does.
    env = {**os.environ, "LAKIP_TANPA_RILIS": "1"}
    mulai = time.perf_counter()
    hasil = subprocess.run([sys.executable, "-c", ukur, sys.executable, "-m", "lakip_lib.cli",
                            *args], cwd=RUMAH.parent, capture_output=True, text=True, env=env)
    detik = time.perf_counter() - mulai
    if hasil.returncode != 0:
        ekor = "\n".join((hasil.stdout + hasil.stderr).strip().splitlines()[-12:])
        raise SystemExit(f"`lakip {' '.join(args[:4])} …` exited {hasil.returncode}:\n{ekor}")
    rss = re.search(r"RSS (\d+)", hasil.stderr)
    return detik, (int(rss[1]) / 1024 if rss else 0.0), hasil.stdout


def notebook(keluaran: str) -> int:
    return sum(map(int, re.findall(r"\((\d+) notebook dijalankan", keluaran)))


def ubah_satu_nilai(akar: Path) -> None:
    """One realisasi of the agency's first IKU measured directly, up by 0,01."""
    berkas = akar / "realisasi.csv"
    with berkas.open(encoding="utf-8", newline="") as f:
        baris = list(csv.DictReader(f))
    b = next(b for b in baris if b["indikator"] == "STUNTING" and b["tahun"] == "2025")
    b["realisasi"] = f"{float(b['realisasi']) + 0.01:.2f}"
    bench_build.tulis_csv(berkas, baris)


def cetak(nama: str, detik: float, rss: float, catatan: str = "") -> None:
    print(f"{nama:<52}: {detik:7.1f} s  {rss:5.0f} MiB  {catatan}", flush=True)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--agencies", type=int, default=40)
    p.add_argument("--years", type=int, default=10, help="years of case D (0: skip it)")
    p.add_argument("--no-pdf", action="store_true", help="HTML only in every case")
    p.add_argument("--smoke", action="store_true")
    args = p.parse_args()
    n, y = (3, 2) if args.smoke else (args.agencies, args.years)
    pdf = ["--no-pdf"] if args.no_pdf or args.smoke else []
    print(f"lakip many-edition benchmark ({os.cpu_count()} cores, {bench_build.processor()}, "
          f"load {os.getloadavg()[0]:.1f}; one run each; {'HTML only' if pdf else 'HTML + PDF'})"
          + (" — smoke run, timings not representative" if args.smoke else ""), flush=True)
    with tempfile.TemporaryDirectory(prefix="lakip-portal-") as t:
        akar = Path(t)
        kab = akar / "kabupaten"
        kabupaten.tulis_kabupaten(kab, n, 1)
        satu = akar / "satu"
        kabupaten.tulis_kabupaten(satu, 1, 1)
        a, rss_a, _ = lakip("--data", str(satu / "dinas-contoh-01"), "build", "--all",
                            "--output", str(akar / "_a"), *pdf)
        cetak("A. one agency × 1 year, clean", a, rss_a)
        b, rss_b, keluaran = lakip("--data", str(kab), "build", "--all", "--output",
                                   str(akar / "_b"), *pdf)
        cetak(f"B. {n} agencies × 1 year, clean (+ portal)", b, rss_b,
              f"{b / a:.1f} × A (target ≤ 14 × at 40); {b / n:.1f} s an edition; "
              f"{notebook(keluaran)} notebooks")
        print(f"   peak RSS B / A: {rss_b / rss_a:.2f} (flat: ≈ 1)")
        ubah_satu_nilai(satu / "dinas-contoh-01")
        c0, _, k0 = lakip("--data", str(satu / "dinas-contoh-01"), "build", "--all",
                          "--output", str(akar / "_a"), *pdf)
        cetak("C0. one value changed, single agency", c0, 0, f"{notebook(k0)} notebooks")
        ubah_satu_nilai(kab / "dinas-contoh-01")
        c, _, k = lakip("--data", str(kab), "build", "--all", "--output", str(akar / "_b"), *pdf)
        cetak(f"C. one value changed in one of {n} agencies", c, 0,
              f"{c / c0:.1f} × C0 (target ≤ 2 ×); {notebook(k)} notebooks")
        if y:
            data_y, daftar = bench_build.data_beberapa_tahun(akar, y)
            d0, _, _ = lakip("--data", str(data_y), "build", str(daftar[-1]), "--output",
                             str(akar / "_d0"), *pdf)
            cetak("D0. shipped agency, 1 year, clean", d0, 0)
            d, _, _ = lakip("--data", str(data_y), "build", "--all", "--output",
                            str(akar / "_d"), *pdf)
            cetak(f"D. shipped agency, {y} years, clean", d, 0,
                  f"{d / d0:.1f} × D0 (target ≤ 5 ×)")
    print(f"peak RSS of this benchmark's largest process: "
          f"{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
