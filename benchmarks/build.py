"""Build-time benchmark: lakip's build against the naive Jupyter Book way, on this machine.

Measures, side by side (medians of --runs runs, peak RSS of the largest process):
  1. clean build of 2024, HTML + PDF (`lakip build`, empty build folder);
  2. the naive way on the same content: Jupyter Book executes the same notebooks itself,
     sequentially (execute_notebooks: cache, fresh cache, so html executes all and singlehtml
     reuses them), followed by the same PDF step;
  3. rebuild with nothing changed;
  4. rebuild after changing one realisasi value in one sasaran's data (S3: KB aktif of one
     kecamatan, data/2024/cpr_kecamatan.csv);
  5. ten fiscal years generated from the 2024 data with the years shifted (one run).

Usage: python benchmarks/build.py [--runs 3] [--years 10]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import yaml
from papermill.parameterize import parameterize_notebook

RUMAH = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RUMAH))

from lakip_lib import build, data, pdf  # noqa: E402


def lakip(*args: str) -> float:
    mulai = time.perf_counter()
    subprocess.run([sys.executable, "-m", "lakip_lib.cli", *args], cwd=RUMAH, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - mulai


def puncak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def bersih(akar: Path) -> float:
    folder = akar / "_build-bersih"
    shutil.rmtree(folder, ignore_errors=True)
    return lakip("--data", str(RUMAH / "data"), "build", "2024", "--keluaran", str(folder))


def naif(akar: Path) -> float:
    """Jupyter Book executes the notebooks (sequentially), then the same PDF step."""
    kerja = akar / "naif"
    shutil.rmtree(kerja, ignore_errors=True)
    src = kerja / "src"
    src.mkdir(parents=True)
    mulai = time.perf_counter()
    d = data.muat(2024, RUMAH / "data")
    for t in build.rencana_eksekusi(d):
        nb = nbformat.read(RUMAH / "notebooks" / f"{t.notebook}.ipynb", as_version=4)
        nb.metadata.setdefault("papermill", {})
        for sel in nb.cells:
            sel.metadata.setdefault("tags", [])
            if sel.cell_type == "code":
                sel.outputs, sel.execution_count = [], None
        nb = parameterize_notebook(nb, t.parameter)
        nbformat.write(nb, src / f"{t.berkas}.ipynb")
    build.siapkan_sumber(d, src, akar / "cache-vega")
    konfigurasi = yaml.safe_load((src / "_config.yml").read_text())
    konfigurasi["execute"] = {"execute_notebooks": "cache", "timeout": 600,
                              "cache": str(kerja / "jupyter_cache")}
    (src / "_config.yml").write_text(yaml.safe_dump(konfigurasi, allow_unicode=True))
    env = {**os.environ, "LAKIP_DATA": str(RUMAH / "data")}
    for builder in ("html", "singlehtml"):
        subprocess.run([sys.executable, "-c", "from jupyter_book.cli.main import main; main()",
                        "build", str(src), "--path-output", str(kerja / builder), "--builder",
                        builder], check=True, env=env, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
    pdf.cetak(kerja / "singlehtml" / "_build" / "singlehtml", d, kerja / "naif.pdf")
    return time.perf_counter() - mulai


def siapkan_inkremental(akar: Path) -> tuple[Path, Path]:
    salinan = akar / "data-inkremental"
    shutil.rmtree(salinan, ignore_errors=True)
    shutil.copytree(RUMAH / "data", salinan)
    folder = akar / "_build-inkremental"
    shutil.rmtree(folder, ignore_errors=True)
    lakip("--data", str(salinan), "build", "2024", "--keluaran", str(folder))
    return salinan, folder


def ubah_satu_nilai(salinan: Path, langkah: int) -> None:
    berkas = salinan / "2024" / "cpr_kecamatan.csv"
    baris = list(csv.reader(berkas.open(encoding="utf-8")))
    baris[1][2] = str(int(baris[1][2]) + langkah)
    with berkas.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(baris)


def data_sepuluh_tahun(akar: Path, jumlah: int) -> tuple[Path, list[int]]:
    """The 2024 data copied to `jumlah` years ending in 2024, inputs shifted year by year."""
    tujuan = akar / f"data-{jumlah}-tahun"
    shutil.rmtree(tujuan, ignore_errors=True)
    shutil.copytree(RUMAH / "data", tujuan)
    tahun = list(range(2024 - jumlah + 1, 2025))
    instansi = yaml.safe_load((tujuan / "instansi.yaml").read_text())
    instansi["renstra"]["periode"] = [tahun[0] - 1, 2026]
    (tujuan / "instansi.yaml").write_text(yaml.safe_dump(instansi, allow_unicode=True))
    _tambah_baris(tujuan / "renstra_target.csv", "tahun", 2024, tahun)
    _tambah_baris(tujuan / "realisasi.csv", "tahun", 2024, tahun)
    _tambah_baris(tujuan / "idm_status.csv", "tahun", 2024, tahun)
    _tambah_baris(tujuan / "kasus_kekerasan.csv", "tahun", 2024, [t - 1 for t in tahun] + tahun)
    for t in tahun[:-1]:
        folder = tujuan / str(t)
        shutil.copytree(tujuan / "2024", folder)
        edisi = (folder / "edisi.yaml").read_text().replace("tahun: 2024", f"tahun: {t}")
        (folder / "edisi.yaml").write_text(edisi)
    return tujuan, tahun


def _tambah_baris(berkas: Path, kolom: str, dari: int, ke: list[int]) -> None:
    """Add copies of year `dari`'s rows for every year in `ke` that has no rows yet."""
    with berkas.open(encoding="utf-8") as f:
        baris = list(csv.DictReader(f))
    ada = {b[kolom] for b in baris}
    contoh = [b for b in baris if b[kolom] == str(dari)]
    for t in sorted(set(ke)):
        if str(t) not in ada:
            baris += [{**b, kolom: str(t)} for b in contoh]
    with berkas.open("w", encoding="utf-8", newline="") as f:
        penulis = csv.DictWriter(f, fieldnames=list(baris[0]), lineterminator="\n")
        penulis.writeheader()
        penulis.writerows(baris)


def median(fungsi, runs: int) -> tuple[float, list[float]]:
    nilai = [fungsi() for _ in range(runs)]
    return statistics.median(nilai), nilai


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--years", type=int, default=10)
    args = p.parse_args()
    hasil: dict[str, object] = {"cores": os.cpu_count()}
    with tempfile.TemporaryDirectory(prefix="lakip-bench-") as t:
        akar = Path(t)
        hasil["1_bersih"], semua1 = median(lambda: bersih(akar), args.runs)
        hasil["2_naif"], semua2 = median(lambda: naif(akar), args.runs)
        salinan, folder = siapkan_inkremental(akar)
        hasil["3_tanpa_perubahan"], semua3 = median(
            lambda: lakip("--data", str(salinan), "build", "2024", "--keluaran", str(folder)),
            args.runs)
        langkah = iter(range(1, 100))

        def satu_nilai() -> float:
            ubah_satu_nilai(salinan, next(langkah))
            return lakip("--data", str(salinan), "build", "2024", "--keluaran", str(folder))

        hasil["4_satu_nilai"], semua4 = median(satu_nilai, args.runs)
        data10, tahun = data_sepuluh_tahun(akar, args.years)
        folder10 = akar / "_build-10"
        mulai = time.perf_counter()
        lakip("--data", str(data10), "build", *map(str, tahun), "--keluaran", str(folder10))
        hasil["5_sepuluh_tahun"] = time.perf_counter() - mulai
        hasil["puncak_rss_mib"] = puncak_rss_mib()
    print(f"lakip build benchmark ({hasil['cores']} cores, medians of {args.runs} runs)")
    print(f"1. clean build 2024 (HTML + PDF), ours   : {hasil['1_bersih']:6.1f} s  {_r(semua1)}")
    print(f"2. naive (Jupyter Book executes) + PDF   : {hasil['2_naif']:6.1f} s  {_r(semua2)}")
    print(f"   ratio ours / naive                    : {hasil['1_bersih'] / hasil['2_naif']:6.2f}")
    print(f"3. rebuild, nothing changed              : {hasil['3_tanpa_perubahan']:6.1f} s  "
          f"{_r(semua3)}")
    print(f"4. rebuild, one realisasi value changed  : {hasil['4_satu_nilai']:6.1f} s  {_r(semua4)}")
    print(f"5. {args.years} fiscal years, one clean build   : {hasil['5_sepuluh_tahun']:6.1f} s  "
          f"({hasil['5_sepuluh_tahun'] / args.years:.1f} s per year; "
          f"{hasil['5_sepuluh_tahun'] / hasil['1_bersih']:.1f} × one year)")
    print(f"peak RSS of the largest process         : {hasil['puncak_rss_mib']:6.0f} MiB")
    print(json.dumps(hasil))


def _r(nilai: list[float]) -> str:
    return "[" + ", ".join(f"{v:.1f}" for v in nilai) + "]"


if __name__ == "__main__":
    main()
