"""Build one edition: validate, execute the notebooks with papermill, assemble with Jupyter Book,
publish atomically to <site>/<year>/.

Everything happens in a staging folder under <build>/staging; the published edition is replaced
only once the new one is complete, and other years' editions are never touched.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nbformat
import yaml

from lakip_lib import book, data, pdf
from lakip_lib.data import DataTahun

AKAR_PROYEK = Path(__file__).resolve().parent.parent
NOTEBOOKS = AKAR_PROYEK / "notebooks"
HALAMAN = AKAR_PROYEK / "book"
KONFIGURASI = AKAR_PROYEK / "_config.yml"

Lapor = Callable[[str], None]


class BuildGagal(Exception):
    """A build step failed; the message is for the analyst."""


@dataclass(frozen=True)
class Eksekusi:
    """One papermill run: a source notebook, the executed copy's name, its parameters."""

    notebook: str
    berkas: str
    parameter: dict[str, Any]
    judul: str | None = None


@dataclass
class HasilBuild:
    tahun: int
    situs: Path
    detik: float
    notebook: list[tuple[str, float]] = field(default_factory=list)
    halaman: int = 0


def rencana_eksekusi(d: DataTahun) -> list[Eksekusi]:
    return [Eksekusi(b.notebook, b.berkas, {"year": d.tahun, **b.parameter}, b.judul_halaman)
            for b in book.urutan(d)]


def daftar_isi(d: DataTahun) -> dict[str, Any]:
    """The Jupyter Book table of contents, from the parts of the book in reading order."""
    bagian = book.urutan(d)
    bab: list[dict[str, Any]] = []
    for b in bagian[1:]:
        if b.induk is None:
            bab.append({"file": b.berkas})
        else:
            induk = next(x for x in bab if x["file"] == b.induk)
            induk.setdefault("sections", []).append({"file": b.berkas})
    return {"format": "jb-book", "root": bagian[0].berkas, "chapters": bab}


def _jalankan_notebook(tugas: Eksekusi, sumber: Path, tujuan: Path, akar_data: str) -> float:
    """Run in a worker process: execute one notebook with papermill, set its page title."""
    import papermill

    mulai = time.perf_counter()
    os.environ["LAKIP_DATA"] = akar_data
    _alihkan_stderr(tujuan / "eksekusi.log")  # kernels' own chatter goes to a log, not the analyst
    keluaran = tujuan / f"{tugas.berkas}.ipynb"
    papermill.execute_notebook(
        str(sumber / f"{tugas.notebook}.ipynb"), str(keluaran), parameters=tugas.parameter,
        kernel_name="python3", progress_bar=False, log_output=False, cwd=str(tujuan))
    _rapikan(keluaran, tugas.judul)
    return time.perf_counter() - mulai


def segarkan_notebook(lapor: Lapor = print) -> list[Path]:
    """Re-execute the stored notebooks in place with their default parameters (the 2024 edition),
    so that nbval compares against current outputs. Execution timestamps are not stored."""
    from nbclient import NotebookClient

    hasil = []
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        NotebookClient(nb, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOKS)}},
                       timeout=600).execute()
        for sel in nb.cells:
            sel.metadata.pop("execution", None)
        nbformat.write(nb, path)
        lapor(f"  {path.relative_to(AKAR_PROYEK)} diperbarui")
        hasil.append(path)
    return hasil


def _alihkan_stderr(log: Path) -> None:
    fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    os.dup2(fd, 2)
    os.close(fd)


def _rapikan(path: Path, judul: str | None) -> None:
    """Hide papermill's injected parameters cell; set the page title from data if given."""
    nb = nbformat.read(path, as_version=4)
    for sel in nb.cells:
        tag = sel.metadata.setdefault("tags", [])
        if "injected-parameters" in tag and "remove-cell" not in tag:
            tag.append("remove-cell")
    if judul:
        for sel in nb.cells:
            if sel.cell_type == "markdown" and sel.source.lstrip().startswith("# "):
                sel.source = f"# {judul}"
                break
    nbformat.write(nb, path)


def _pesan_galat_notebook(tugas: Eksekusi, galat: BaseException, tujuan: Path) -> str:
    ename = getattr(galat, "ename", type(galat).__name__)
    evalue = getattr(galat, "evalue", str(galat))
    sel = getattr(galat, "exec_count", None)
    tempat = f", sel ke-{sel}" if sel else ""
    return (f"Notebook notebooks/{tugas.notebook}.ipynb (parameter {tugas.parameter}){tempat} "
            f"gagal: {ename}: {evalue}\nNotebook hasil eksekusi sebagian untuk diperiksa: "
            f"{tujuan / (tugas.berkas + '.ipynb')}")


def eksekusi_semua(tugas: list[Eksekusi], tujuan: Path, akar_data: Path, pekerja: int,
                   lapor: Lapor) -> list[tuple[str, float]]:
    """Execute every notebook, in parallel processes; stop with the first failure's message."""
    waktu: dict[str, float] = {}
    with ProcessPoolExecutor(max_workers=pekerja) as kolam:
        berjalan = {kolam.submit(_jalankan_notebook, t, NOTEBOOKS, tujuan, str(akar_data)): t
                    for t in tugas}
        for i, selesai in enumerate(as_completed(berjalan), start=1):
            t = berjalan[selesai]
            try:
                waktu[t.berkas] = selesai.result()
            except Exception as e:
                for lain in berjalan:
                    lain.cancel()
                raise BuildGagal(_pesan_galat_notebook(t, e, tujuan)) from e
            lapor(f"  [{i}/{len(tugas)}] {t.berkas}.ipynb selesai ({waktu[t.berkas]:.1f} dtk)")
    return [(t.berkas, waktu[t.berkas]) for t in tugas]


def bundel_vega(cache: Path) -> str:
    """The Vega + Vega-Lite + vega-embed bundle, served by the site itself (no CDN)."""
    import altair as alt
    import vl_convert as vlc

    versi = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
    path = cache / f"vega-{versi}-{vlc.__version__}.js"
    if not path.exists():
        cache.mkdir(parents=True, exist_ok=True)
        isi = "(function () {\n" + vlc.javascript_bundle(vl_version=versi) + "\n})();\n"
        sementara = path.with_suffix(".tmp")
        sementara.write_text(isi, encoding="utf-8")
        sementara.replace(path)
    return path.read_text(encoding="utf-8")


def siapkan_sumber(d: DataTahun, src: Path, cache: Path, dengan_pdf: bool = True) -> None:
    """Static pages, assets, configuration and table of contents of the edition."""
    shutil.copytree(HALAMAN, src, dirs_exist_ok=True)
    (src / "_static" / "vega-bundle.js").write_text(bundel_vega(cache), encoding="utf-8")
    konfigurasi = yaml.safe_load(KONFIGURASI.read_text(encoding="utf-8"))
    i = d.instansi
    konfigurasi["title"] = f"LAKIP {d.tahun} · {i['nama_singkat']} {i['kabupaten']}"
    konfigurasi["author"] = i["nama"]
    if dengan_pdf:
        tema = konfigurasi["sphinx"]["config"]["html_theme_options"]
        tema["announcement"] = (f'<a class="lakip-unduh" href="{pdf.nama_berkas(d)}" download>'
                                f"Unduh edisi PDF LAKIP {d.tahun}</a>")
    (src / "_config.yml").write_text(yaml.safe_dump(konfigurasi, allow_unicode=True,
                                                    sort_keys=False), encoding="utf-8")
    (src / "_toc.yml").write_text(yaml.safe_dump(daftar_isi(d), sort_keys=False),
                                  encoding="utf-8")


def jupyter_book(src: Path, keluaran: Path, builders: tuple[str, ...] = ("html",)) -> list[Path]:
    """Run Jupyter Book once per builder, concurrently (each is a separate Sphinx process)."""
    proses = []
    for builder in builders:
        perintah = [sys.executable, "-c", "from jupyter_book.cli.main import main; main()",
                    "build", str(src), "--path-output", str(keluaran / builder),
                    "--builder", builder]
        proses.append(subprocess.Popen(perintah, stdout=subprocess.PIPE,
                                       stderr=subprocess.STDOUT, text=True))
    for p in proses:
        keluaran_teks, _ = p.communicate()
        if p.returncode != 0:
            ekor = "\n".join(keluaran_teks.strip().splitlines()[-15:])
            raise BuildGagal(f"Jupyter Book gagal menyusun buku:\n{ekor}")
    return [keluaran / b / "_build" / b for b in builders]


def terbitkan(html: Path, situs: Path, tahun: int) -> Path:
    """Replace <situs>/<tahun> with the new build: rename into place, then drop the old one."""
    situs.mkdir(parents=True, exist_ok=True)
    tujuan = situs / str(tahun)
    baru = situs / f".{tahun}.baru"
    lama = situs / f".{tahun}.lama"
    for sisa in (baru, lama):
        if sisa.exists():
            shutil.rmtree(sisa)
    shutil.copytree(html, baru)
    if tujuan.exists():
        tujuan.rename(lama)
    baru.rename(tujuan)
    if lama.exists():
        shutil.rmtree(lama)
    tulis_indeks(situs)
    return tujuan


def tulis_indeks(situs: Path) -> None:
    """The site root sends the reader to the latest published edition."""
    edisi = sorted(int(p.name) for p in situs.iterdir() if p.is_dir() and p.name.isdigit())
    if not edisi:
        return
    terbaru = edisi[-1]
    (situs / "index.html").write_text(
        '<!DOCTYPE html>\n<html lang="id"><head><meta charset="utf-8">'
        f'<meta http-equiv="refresh" content="0; url={terbaru}/index.html">'
        f"<title>LAKIP {terbaru}</title></head><body><p>Menuju edisi terbaru: "
        f'<a href="{terbaru}/index.html">LAKIP {terbaru}</a>.</p></body></html>\n',
        encoding="utf-8")
    (situs / "editions.json").write_text(json.dumps(edisi) + "\n", encoding="utf-8")


@contextmanager
def kunci_build(folder: Path) -> Iterator[None]:
    """One build at a time per build folder: a second one refuses with a clear message."""
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / ".kunci").open("w") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildGagal(f"Build lain sedang berjalan di {folder}. Tunggu hingga selesai, "
                             "lalu jalankan ulang.") from None
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def bangun(tahun: int, akar_data: Path | None = None, folder_build: Path | None = None,
           pekerja: int | None = None, lapor: Lapor = print,
           dengan_pdf: bool = True) -> HasilBuild:
    mulai = time.perf_counter()
    folder_build = (folder_build or Path("_build")).resolve()
    akar_data = (akar_data or data.akar_data()).resolve()
    with kunci_build(folder_build):
        lapor(f"Memeriksa data tahun {tahun} …")
        d = data.muat(tahun, akar_data)
        staging = folder_build / "staging" / str(tahun)
        if staging.exists():
            shutil.rmtree(staging)
        src = staging / "src"
        src.mkdir(parents=True)
        tugas = rencana_eksekusi(d)
        pekerja = pekerja or os.cpu_count() or 1
        lapor(f"Menjalankan {len(tugas)} notebook dengan {pekerja} proses …")
        waktu = eksekusi_semua(tugas, src, akar_data, pekerja, lapor)
        lapor("Menyusun halaman dengan Jupyter Book …")
        siapkan_sumber(d, src, folder_build / "cache", dengan_pdf)
        keluaran = jupyter_book(src, staging, ("html", "singlehtml") if dengan_pdf else ("html",))
        html = keluaran[0]
        if dengan_pdf:
            lapor("Mencetak PDF dengan Chromium …")
            mulai_pdf = time.perf_counter()
            info_pdf = pdf.cetak(keluaran[1], d, html / pdf.nama_berkas(d))
            lapor(f"  {pdf.nama_berkas(d)}: {info_pdf['halaman']} halaman "
                  f"({time.perf_counter() - mulai_pdf:.1f} dtk)")
        lapor("Menerbitkan edisi …")
        situs = terbitkan(html, folder_build / "site", tahun)
        shutil.rmtree(staging)
    halaman = sum(1 for _ in situs.glob("*.html"))
    return HasilBuild(tahun, situs, time.perf_counter() - mulai, waktu, halaman)
