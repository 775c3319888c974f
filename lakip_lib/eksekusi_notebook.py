"""The notebooks of an edition executed: the plan (one run per page of the book's outline), each
run in its own process forked from the warm build process, the others copied from the execution
cache (`lakip_lib.cache`) when their inputs did not change; and the reference notebooks
re-executed in place (`lakip refresh-notebooks`).
"""

from __future__ import annotations

import json
import multiprocessing
import multiprocessing.connection
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.context import ForkProcess
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from lakip_lib import cache, langkah_build
from lakip_lib.book import TURUNAN, susunan
from lakip_lib.book.notebook import DIMUAT
from lakip_lib.data_tahun import DataTahun
from lakip_lib.format import angka
from lakip_lib.langkah_build import BuildGagal, Lapor
from lakip_lib.markdown_terbatas import markdown_aman

if TYPE_CHECKING:
    import nbformat


@dataclass(frozen=True)
class Eksekusi:
    """One papermill run: a source notebook, the executed copy's name, its parameters."""

    notebook: str
    berkas: str
    parameter: dict[str, Any]
    judul: str | None = None


def rencana_eksekusi(d: DataTahun) -> list[Eksekusi]:
    return [Eksekusi(b.notebook, b.berkas, {"tahun": d.tahun, **b.parameter}, b.judul_halaman)
            for b in susunan.urutan(d)]


def _anak(kirim: Any, d: DataTahun, tugas: Eksekusi, tujuan: Path) -> None:
    """The body of one execution process, forked from the build: the notebook is handed the
    year the build validated instead of validating it again; the result goes back through
    the pipe."""
    try:
        kirim.send(_jalankan_notebook(tugas, langkah_build.NOTEBOOKS, tujuan, d))
    except Exception as e:  # a failure outside the cells (unreadable notebook, full disk)
        kirim.send((0.0, (type(e).__name__, str(e), None)))
    finally:
        kirim.close()


def _eksekusi_bercabang(tugas: list[Eksekusi], d: DataTahun, tujuan: Path, pekerja: int
                        ) -> Iterator[tuple[Eksekusi, float, tuple[str, str, int | None] | None]]:
    """Execute each notebook in its own process forked from this one, at most `pekerja` at a
    time; yield (task, seconds, error) as they finish. Every fork happens here, on the build's
    own thread (forking from a helper thread, as a multiprocessing.Pool replacing its workers
    does, can hand a child a lock held by another thread: it then waits forever)."""
    konteks = multiprocessing.get_context("fork")
    antre = list(tugas)
    berjalan: dict[Connection, tuple[ForkProcess, Eksekusi]] = {}
    try:
        while antre or berjalan:
            while antre and len(berjalan) < pekerja:
                t = antre.pop(0)
                terima, kirim = konteks.Pipe(duplex=False)
                proses = konteks.Process(target=_anak, args=(kirim, d, t, tujuan), daemon=True)
                proses.start()
                kirim.close()
                berjalan[terima] = (proses, t)
            for siap in multiprocessing.connection.wait(list(berjalan)):
                selesai = cast(Connection, siap)  # wait returns some of the objects it was given
                proses, t = berjalan.pop(selesai)
                try:
                    detik, galat = selesai.recv()
                except EOFError:
                    detik, galat = 0.0, ("ProsesBerhenti", "proses eksekusi berhenti tanpa "
                                         f"hasil (kode keluar {proses.exitcode})", None)
                proses.join()
                yield t, detik, galat
    finally:
        for proses, _ in berjalan.values():
            proses.terminate()


def _jalankan_notebook(tugas: Eksekusi, sumber: Path, tujuan: Path, d: DataTahun
                       ) -> tuple[float, tuple[str, str, int] | None]:
    """Run in a fresh process forked from the warm build process: execute one notebook in
    process (`lakip_lib.eksekutor`), handing it the loaded year `d` (its parameter `dimuat`),
    tidy it and write it to <tujuan>/<berkas>.ipynb. Returns the seconds it took and, if a cell
    failed, (error name, message, cell number). The data reads are recorded in
    <tujuan>/<berkas>.dibaca ($LAKIP_JEJAK)."""
    import nbformat

    from lakip_lib import eksekutor

    mulai = time.perf_counter()
    jejak = tujuan / f"{tugas.berkas}.dibaca"
    jejak.unlink(missing_ok=True)
    os.environ["LAKIP_DATA"] = str(d.akar)
    os.environ["LAKIP_JEJAK"] = str(jejak)
    diberikan = {DIMUAT: d.salinan()}  # after $LAKIP_JEJAK: the copy records its reads there
    _alihkan_stderr(tujuan / "eksekusi.log")  # the notebooks' own chatter goes to a log
    nb = nbformat.read(sumber / f"{tugas.notebook}.ipynb", as_version=4)
    nb.metadata.setdefault("papermill", {})
    for sel in nb.cells:
        sel.metadata.setdefault("tags", [])
        if sel.cell_type == "code":
            sel.outputs, sel.execution_count = [], None
    nb = eksekutor.suntik_parameter(nb, tugas.parameter, diberikan)
    os.chdir(tujuan)  # where a kernel would have run it; this process ends with the notebook
    galat = None
    try:
        eksekutor.jalankan(nb, diberikan)
    except eksekutor.GagalSel as e:
        galat = (e.ename, e.evalue, e.exec_count)
    _rapikan(nb, tugas.berkas, tugas.judul)
    nbformat.write(nb, tujuan / f"{tugas.berkas}.ipynb")
    return time.perf_counter() - mulai, galat


def segarkan_notebook(lapor: Lapor = print) -> list[Path]:
    """Write every part's notebook from its declaration and execute it in place with the
    default parameters (the 2024 edition), so that nbval compares against current outputs."""
    from lakip_lib.book import notebook

    return notebook.segarkan(langkah_build.NOTEBOOKS, lapor)


def _alihkan_stderr(log: Path) -> None:
    fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    os.dup2(fd, 2)
    os.close(fd)


def _rapikan(nb: nbformat.NotebookNode, nama: str, judul: str | None) -> None:
    """Give papermill's injected parameters cell a stable id (papermill draws a random one) and
    hide it; drop papermill's and the executor's metadata (run times, build-machine paths: not
    part of the book); set the page title from data if given."""
    nb.metadata.pop("papermill", None)
    for sel in nb.cells:
        for kunci in ("papermill", "execution"):
            sel.metadata.pop(kunci, None)
        tag = sel.metadata.setdefault("tags", [])
        if "injected-parameters" in tag:
            sel["id"] = f"{nama}-parameter"
            if "remove-cell" not in tag:
                tag.append("remove-cell")
    if judul:
        for sel in nb.cells:
            if sel.cell_type == "markdown" and sel.source.lstrip().startswith("# "):
                sel.source = f"# {markdown_aman(judul)}"  # MyST reads it: literal text only
                break


def _pesan_galat_notebook(tugas: Eksekusi, galat: tuple[str, str, int | None], tujuan: Path
                          ) -> str:
    ename, evalue, sel = galat
    tempat = f", sel ke-{sel}" if sel else ""
    return (f"Notebook notebooks/{tugas.notebook}.ipynb (parameter {tugas.parameter}){tempat} "
            f"gagal: {ename}: {evalue}\nNotebook hasil eksekusi sebagian untuk diperiksa: "
            f"{tujuan / (tugas.berkas + '.ipynb')}")


@dataclass
class HasilEksekusi:
    waktu: dict[str, float] = field(default_factory=dict)  # executed now: seconds each
    dari_cache: list[str] = field(default_factory=list)
    kunci: dict[str, str] = field(default_factory=dict)
    # executed now, and came out byte for byte as the page's previous execution: wasted re-runs
    sia_sia: list[str] = field(default_factory=list)


def _kunci(t: Eksekusi, dibaca: list[tuple[str, str]], d: DataTahun) -> str:
    return cache.kunci_eksekusi(langkah_build.NOTEBOOKS / f"{t.notebook}.ipynb", t.parameter,
                                t.judul, dibaca, d, TURUNAN)


def kunci_tersimpan(tugas: list[Eksekusi], d: DataTahun, simpanan: cache.CacheEksekusi
                    ) -> dict[str, str]:
    """The cache key of each task stored in `simpanan`, from what its stored execution read:
    computes, in `d`, every derived value those keys read."""
    return {t.berkas: _kunci(t, entri.dibaca, d) for t in tugas
            if (entri := simpanan.entri(t.berkas))}


def hangatkan() -> None:
    """Import, once in the build process, what every notebook needs: each execution process
    is forked from it and starts with lakip_lib, Altair and IPython loaded, the notebook schema's
    validator compiled and Babel's Indonesian number format loaded (each about a twentieth of a
    second that every forked process paid on first use)."""
    import altair  # noqa: F401

    from lakip_lib import eksekutor

    eksekutor.hangatkan()
    angka(0)  # loads Babel and its Indonesian locale data


def _terberat_dulu(tugas: list[Eksekusi], src: Path) -> list[Eksekusi]:
    """The executions ordered longest first, so that the workers finish together (the review,
    the longest page, used to start last, alone at the end): each weighed by the size of its
    page's previous output (else its reference notebook's), a stand-in for its work. The order
    changes nothing a page shows: each runs in its own process."""
    def ukuran(t: Eksekusi) -> int:
        for path in (src / f"{t.berkas}.ipynb", langkah_build.NOTEBOOKS / f"{t.notebook}.ipynb"):
            try:
                return path.stat().st_size
            except OSError:
                continue
        return 0

    return sorted(tugas, key=ukuran, reverse=True)


def eksekusi_semua(tugas: list[Eksekusi], src: Path, d: DataTahun, pekerja: int,
                   lapor: Lapor, simpanan: cache.CacheEksekusi, paksa: bool = False
                   ) -> HasilEksekusi:
    """Execute every notebook whose inputs changed (all with `paksa`), each in its own process
    forked from this one (`pekerja` at a time); copy the others from the cache. Stop with the
    first failure's message."""
    hasil = HasilEksekusi()
    sisa = []
    for t in tugas:
        entri = None if paksa else simpanan.entri(t.berkas)
        kunci = _kunci(t, entri.dibaca, d) if entri else ""
        tersimpan = simpanan.ambil(t.berkas, kunci) if entri else None
        if tersimpan is None:
            sisa.append(t)
            continue
        cache.salin_jika_berbeda(tersimpan, src / f"{t.berkas}.ipynb")
        hasil.dari_cache.append(t.berkas)
        hasil.kunci[t.berkas] = kunci
    if hasil.dari_cache:
        lapor(f"  {len(hasil.dari_cache)} notebook tidak berubah (dari cache)")
    if not sisa:
        return hasil
    kerja = src.parent / "eksekusi"
    kerja.mkdir(parents=True, exist_ok=True)
    hangatkan()
    antre = _terberat_dulu(sisa, src)
    for i, (t, detik, galat) in enumerate(_eksekusi_bercabang(antre, d, kerja, pekerja), start=1):
        if galat:
            raise BuildGagal(_pesan_galat_notebook(t, galat, kerja))
        hasil.waktu[t.berkas] = detik
        lapor(f"  [{i}/{len(sisa)}] {t.berkas}.ipynb dijalankan ({angka(detik, 1)} dtk)")
        hasil.kunci[t.berkas], berubah = _simpan_hasil(t, kerja, src, d, simpanan)
        if not berubah:
            hasil.sia_sia.append(t.berkas)
    lapor(f"  {len(hasil.sia_sia)} eksekusi sia-sia (keluaran sama persis dengan sebelumnya)"
          + (f": {', '.join(hasil.sia_sia)}" if hasil.sia_sia else ""))
    return hasil


def _simpan_hasil(t: Eksekusi, kerja: Path, src: Path, d: DataTahun,
                  simpanan: cache.CacheEksekusi) -> tuple[str, bool]:
    """Store an execution in the cache and put it in the book's sources; its key, and whether
    its output differs from the page's previous one."""
    jejak = kerja / f"{t.berkas}.dibaca"
    baris = jejak.read_text(encoding="utf-8").splitlines() if jejak.exists() else []
    dibaca = sorted({tuple(json.loads(b)) for b in baris})
    kunci = _kunci(t, dibaca, d)
    keluaran = kerja / f"{t.berkas}.ipynb"
    simpanan.simpan(t.berkas, keluaran, kunci, dibaca)
    return kunci, cache.salin_jika_berbeda(keluaran, src / f"{t.berkas}.ipynb")
