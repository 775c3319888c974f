"""Build one edition: validate, execute the notebooks with papermill, assemble with Jupyter Book,
print the PDF, publish atomically to <build>/site/<year>/.

Work happens under <build>/jb/<year> (kept between builds so Sphinx can be incremental); the
published edition is replaced only once the new one is complete, and other years' editions are
never touched. Notebooks whose inputs did not change come from the execution cache
(`lakip_lib.cache`); when nothing changed at all, the build stops before Jupyter Book.
"""

from __future__ import annotations

import fcntl
import json
import multiprocessing
import multiprocessing.connection
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.context import ForkProcess
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import yaml

from lakip_lib import cache, csp, data, edisi, pdf, rilis, riwayat, sphinx_situs, tukar
from lakip_lib.book import susunan
from lakip_lib.book.reviu import HALAMAN as REVIU
from lakip_lib.data_tahun import DataTahun
from lakip_lib.format import BELUM_TERSEDIA, angka
from lakip_lib.markdown_terbatas import markdown_aman
from lakip_lib.pencetak import CetakGagal, Pencetak
from lakip_lib.tampilan import json_terbit

if TYPE_CHECKING:
    import nbformat

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
    notebook: list[tuple[str, float]]  # notebooks executed in this build, with seconds
    halaman: int
    eksekusi: Any = None
    peringatan: list[Any] | None = None  # the year's validation warnings; None: not validated


def rencana_eksekusi(d: DataTahun) -> list[Eksekusi]:
    return [Eksekusi(b.notebook, b.berkas, {"tahun": d.tahun, **b.parameter}, b.judul_halaman)
            for b in susunan.urutan(d)]


def daftar_isi(d: DataTahun) -> dict[str, Any]:
    """The Jupyter Book table of contents of the edition, from the book's outline
    (book/susunan.yml)."""
    return susunan.daftar_isi(d)


def _anak(kirim: Any, d: DataTahun, tugas: Eksekusi, tujuan: Path) -> None:
    """The body of one execution process, forked from the build: notebooks load the year the
    build validated (`data.pakai`) instead of validating it again; the result goes back
    through the pipe."""
    data.pakai(d)
    try:
        kirim.send(_jalankan_notebook(tugas, NOTEBOOKS, tujuan, str(d.akar)))
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


def _jalankan_notebook(tugas: Eksekusi, sumber: Path, tujuan: Path, akar_data: str
                       ) -> tuple[float, tuple[str, str, int] | None]:
    """Run in a fresh process forked from the warm build process: execute one notebook in
    process (`lakip_lib.eksekutor`), tidy it and write it to <tujuan>/<berkas>.ipynb. Returns
    the seconds it took and, if a cell failed, (error name, message, cell number). The data
    reads are recorded in <tujuan>/<berkas>.dibaca ($LAKIP_JEJAK)."""
    import nbformat

    from lakip_lib import eksekutor

    mulai = time.perf_counter()
    jejak = tujuan / f"{tugas.berkas}.dibaca"
    jejak.unlink(missing_ok=True)
    os.environ["LAKIP_DATA"] = akar_data
    os.environ["LAKIP_JEJAK"] = str(jejak)
    _alihkan_stderr(tujuan / "eksekusi.log")  # the notebooks' own chatter goes to a log
    nb = nbformat.read(sumber / f"{tugas.notebook}.ipynb", as_version=4)
    nb.metadata.setdefault("papermill", {})
    for sel in nb.cells:
        sel.metadata.setdefault("tags", [])
        if sel.cell_type == "code":
            sel.outputs, sel.execution_count = [], None
    nb = eksekutor.suntik_parameter(nb, tugas.parameter)
    os.chdir(tujuan)  # where a kernel would have run it; this process ends with the notebook
    galat = None
    try:
        eksekutor.jalankan(nb)
    except eksekutor.GagalSel as e:
        galat = (e.ename, e.evalue, e.exec_count)
    _rapikan(nb, tugas.berkas, tugas.judul)
    nbformat.write(nb, tujuan / f"{tugas.berkas}.ipynb")
    return time.perf_counter() - mulai, galat


def segarkan_notebook(lapor: Lapor = print) -> list[Path]:
    """Re-execute the stored notebooks in place with their default parameters (the 2024 edition),
    so that nbval compares against current outputs. Execution timestamps are not stored."""
    import nbformat
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
    return cache.kunci_eksekusi(NOTEBOOKS / f"{t.notebook}.ipynb", t.parameter, t.judul,
                                dibaca, d)


def hangatkan() -> None:
    """Import, once in the build process, what every notebook needs: each execution process
    is forked from it and starts with lakip_lib, Altair and IPython loaded."""
    import altair  # noqa: F401

    from lakip_lib import eksekutor

    eksekutor.hangatkan()


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
    for i, (t, detik, galat) in enumerate(_eksekusi_bercabang(sisa, d, kerja, pekerja), start=1):
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


def _berkas_bundel_vega(cache: Path) -> tuple[Path, str]:
    """Where the Vega bundle of the installed Altair and vl-convert is kept, and the Vega-Lite
    version it is made for."""
    import altair as alt
    import vl_convert as vlc

    versi = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
    # vl_convert's own stub omits __version__ and marks javascript_bundle's optional snippet as
    # required (both exist as used here at run time)
    return cache / f"vega-{versi}-{vlc.__version__}.js", versi  # type: ignore[attr-defined]


def tulis_bundel_vega(path: Path, versi: str) -> None:
    import vl_convert as vlc

    path.parent.mkdir(parents=True, exist_ok=True)
    bundel = vlc.javascript_bundle(vl_version=versi)  # type: ignore[call-arg]  # stub: see above
    isi = "(function () {\n" + bundel + "\n})();\n"
    sementara = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    sementara.write_text(isi, encoding="utf-8")
    sementara.replace(path)


def bundel_vega(cache: Path) -> str:
    """The Vega + Vega-Lite + vega-embed bundle, served by the site itself (no CDN)."""
    path, versi = _berkas_bundel_vega(cache)
    if not path.exists():
        tulis_bundel_vega(path, versi)
    return path.read_text(encoding="utf-8")


def _mulai_bundel_vega(cache: Path) -> subprocess.Popen[bytes] | None:
    """Write the Vega bundle in a process of its own (`bundel_vega` reads it), when missing."""
    path, versi = _berkas_bundel_vega(cache)
    if path.exists():
        return None
    skrip = ("import sys; from pathlib import Path; from lakip_lib.build import "
             "tulis_bundel_vega; tulis_bundel_vega(Path(sys.argv[1]), sys.argv[2])")
    return subprocess.Popen([sys.executable, "-c", skrip, str(path), versi], cwd=AKAR_PROYEK,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def siapkan_sumber(d: DataTahun, src: Path, cache_umum: Path, dengan_pdf: bool = True) -> str:
    """Static pages, assets, configuration and table of contents of the edition, written only
    where they changed. Returns a fingerprint of all of them."""
    for asal in sorted(p for p in HALAMAN.rglob("*") if p.is_file() and p != susunan.BERKAS):
        cache.salin_jika_berbeda(asal, src / asal.relative_to(HALAMAN))
    cache.tulis_jika_berbeda(src / "_static" / "vega-bundle.js", bundel_vega(cache_umum))
    konfigurasi = yaml.safe_load(KONFIGURASI.read_text(encoding="utf-8"))
    i = d.instansi
    konfigurasi["title"] = f"LAKIP {d.tahun} · {i.nama_singkat} {i.kabupaten}"
    konfigurasi["author"] = i.nama
    tema = konfigurasi["sphinx"]["config"]["html_theme_options"]
    tema["announcement"] = edisi.pengumuman(d, dengan_pdf)
    tema["extra_footer"] = edisi.catatan_kaki(d)
    # canonical and Open Graph URLs of this edition's pages (lakip_lib.sphinx_situs)
    dasar = str(konfigurasi.get("html", {}).get("baseurl") or "").strip()
    if dasar:
        konfigurasi["html"]["baseurl"] = f"{dasar.rstrip('/')}/{d.tahun}/"
    if dengan_pdf and sphinx_situs.bisa_gambar_bagikan():
        konfigurasi["sphinx"]["config"]["lakip_gambar_bagikan"] = sphinx_situs.GAMBAR_BAGIKAN
    teks_konfigurasi = yaml.safe_dump(konfigurasi, allow_unicode=True, sort_keys=False)
    teks_toc = yaml.safe_dump(daftar_isi(d), sort_keys=False)
    cache.tulis_jika_berbeda(src / "_config.yml", teks_konfigurasi)
    cache.tulis_jika_berbeda(src / "_toc.yml", teks_toc)
    return cache.sidik({"halaman": {str(p.relative_to(HALAMAN)): cache.sha_berkas(p)
                                    for p in HALAMAN.rglob("*") if p.is_file()},
                        "konfigurasi": teks_konfigurasi, "toc": teks_toc, "pdf": dengan_pdf})


def jupyter_book(src: Path, keluaran: Path, builders: tuple[str, ...] = ("html",)) -> list[Path]:
    """Run Jupyter Book once per builder, concurrently (each is a separate Sphinx process)."""
    proses = [_mulai_jupyter_book(src, keluaran, b) for b in builders]
    return [_tunggu_jupyter_book(p, keluaran, b) for p, b in zip(proses, builders, strict=True)]


# What a Sphinx run of the book imports (Jupyter Book, Sphinx, MyST-NB, the theme and the
# extensions of _config.yml): about a second, paid by every Sphinx process started afresh.
# The second line on are what a run imports when it sets up (Sphinx's built-in builders,
# domains and writers, MyST-NB's Sphinx extension with its execution cache and SQLAlchemy, the
# parts of Jupyter Book that build): measured at about half of a one-page rebuild's CPU time.
MODUL_SPHINX = ["jupyter_book.cli.main", "sphinx.application", "sphinx.builders.html",
                "sphinx.builders.singlehtml", "myst_nb", "sphinx_book_theme",
                "sphinx_external_toc", "sphinx.ext.intersphinx", "lakip_lib.sphinx_aman",
                "lakip_lib.sphinx_id", "lakip_lib.sphinx_situs", "lakip_lib.sphinx_cepat",
                "lakip_lib.build",
                "sphinx_design", "jupyter_book.sphinx", "jupyter_book.config",
                "myst_nb.sphinx_ext", "myst_parser.sphinx_ext.main", "sphinx_design.extension",
                "sphinx_external_toc.collectors", "sphinx_external_toc.events",
                "sphinx_external_toc.parsing", "sphinx_jupyterbook_latex", "sphinx.ext.doctest",
                "sphinx.builders.latex", "sphinx.builders.texinfo", "sphinx.builders.manpage",
                "sphinx.builders.epub3", "sphinx.builders.text", "sphinx.builders.xml",
                "sphinx.domains.c", "sphinx.domains.cpp", "sphinx.domains.python",
                "sphinx.domains.changeset", "sphinx.domains.math", "sphinx.domains.javascript",
                "sphinx.domains.rst", "sphinx.domains.std",
                "docutils.parsers.rst.directives.admonitions",
                "docutils.parsers.rst.directives.tables", "docutils.parsers.rst.directives.misc",
                "babel.numbers", "jinja2.ext"]


def _konteks_sphinx() -> Any:
    """Sphinx runs are forked from a fork server that imported MODUL_SPHINX once (the server
    outlives a build: `lakip serve` and a build of several years pay the imports once). The
    server is a fresh single-threaded process, so forking from it is safe."""
    konteks = multiprocessing.get_context("forkserver")
    konteks.set_forkserver_preload(MODUL_SPHINX)
    return konteks


def siapkan_sphinx() -> None:
    """Start the fork server now, so that its imports happen beside the notebooks' execution."""
    from multiprocessing import forkserver

    _konteks_sphinx()
    forkserver.ensure_running()


@dataclass
class _Sphinx:
    """One Jupyter Book run in a process forked from the fork server; its output in `log`."""

    proses: Any
    log: Path

    def tunggu(self) -> tuple[int, str]:
        self.proses.join()
        teks = self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""
        return self.proses.exitcode, teks

    def dibaca(self) -> int:
        """How many documents this run (re-)read, from Sphinx's own report."""
        teks = self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""
        cocok = re.search(r"(\d+) added, (\d+) changed", teks)
        return int(cocok[1]) + int(cocok[2]) if cocok else 0

    def hentikan(self) -> None:
        if self.proses.exitcode is None:
            self.proses.kill()
            self.proses.join()


def _jalankan_jupyter_book(argumen: list[str], log: str, lingkungan: dict[str, str], cwd: str
                           ) -> None:
    """The body of a Sphinx process: the build's environment and folder (the fork server's may
    be older), output to the log, then Jupyter Book's own command line."""
    os.environ.clear()
    os.environ.update(lingkungan)
    os.chdir(cwd)
    fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.dup2(fd, 1)
    os.dup2(fd, 2)
    os.close(fd)
    from jupyter_book.cli.main import main

    main(argumen)


def _mulai_jupyter_book(src: Path, keluaran: Path, builder: str) -> _Sphinx:
    # myst-nb writes its stylesheet only when Sphinx finishes: pages written while an older
    # copy exists link it with "?v=<checksum>", pages of a clean build without. Removing the
    # old copy makes an incremental build write pages as a clean one does.
    for lama in (keluaran / builder / "_build" / builder / "_static").glob("mystnb.*.css"):
        lama.unlink()
    _statis_mutakhir(src, keluaran / builder / "_build" / builder)
    (keluaran / builder).mkdir(parents=True, exist_ok=True)
    log = keluaran / builder / "jupyter-book.log"
    argumen = ["build", str(src), "--path-output", str(keluaran / builder), "--builder", builder]
    proses = _konteks_sphinx().Process(
        target=_jalankan_jupyter_book, args=(argumen, str(log), dict(os.environ), os.getcwd()))
    proses.start()
    return _Sphinx(proses, log)


def _tunggu_jupyter_book(proses: _Sphinx, keluaran: Path, builder: str) -> Path:
    """Wait for one Sphinx process; its output folder, or BuildGagal with the end of its log."""
    kode, keluaran_teks = proses.tunggu()
    if kode != 0:
        if any(t in keluaran_teks for t in ("No space left", "Disk quota", "File too large")):
            raise BuildGagal(f"ruang disk tidak cukup untuk menyusun buku di {keluaran}. "
                             "Kosongkan ruang disk, lalu jalankan ulang.")
        ekor = "\n".join(keluaran_teks.strip().splitlines()[-15:])
        raise BuildGagal(f"Jupyter Book gagal menyusun buku:\n{ekor}")
    folder = keluaran / builder / "_build" / builder
    _rapikan_indeks_pencarian(folder / "searchindex.js")
    return folder


def _rapikan_indeks_pencarian(path: Path) -> None:
    """Drop the search terms an incremental Sphinx run leaves with no page (it prunes the pages
    of re-read documents but keeps their words as empty lists), so that the index is the one a
    clean build writes."""
    awal, akhir = "Search.setIndex(", ")"
    if not path.is_file():
        return
    indeks = json.loads(path.read_text(encoding="utf-8")[len(awal):-len(akhir)])
    for kunci in ("terms", "titleterms"):
        indeks[kunci] = {k: v for k, v in indeks.get(kunci, {}).items() if v != []}
    cache.tulis_jika_berbeda(path, awal + json_terbit(indeks, sort_keys=True) + akhir)


def terbitkan(html: Path, situs: Path, tahun: int | str) -> Path:
    """Replace <situs>/<tahun> with a copy of the new build in one atomic exchange
    (`tukar.ganti_folder`: at no instant is the edition missing), then drop the old one."""
    situs.mkdir(parents=True, exist_ok=True)
    tujuan = situs / str(tahun)
    baru = situs / f".{tahun}.baru"
    lama = situs / f".{tahun}.lama"
    tukar.pulihkan(tujuan, lama)
    if baru.exists():
        shutil.rmtree(baru)  # left by a killed publication
    try:
        shutil.copytree(html, baru, ignore=shutil.ignore_patterns(".buildinfo"))  # Sphinx's own
        tukar.ganti_folder(baru, tujuan, lama)
    except OSError:
        shutil.rmtree(baru, ignore_errors=True)  # e.g. the disk filled up while copying
        raise
    tulis_indeks(situs)
    return tujuan


def tulis_indeks(situs: Path) -> None:
    """The site root sends the reader to the latest final edition (the latest draft only when
    no edition is final yet); editions.json lists every published edition for the switcher."""
    terbit = sorted(int(p.name) for p in situs.iterdir() if p.is_dir() and p.name.isdigit())
    if not terbit:
        return
    daftar = []
    for tahun in reversed(terbit):
        stempel = rilis.stempel(situs / str(tahun))
        daftar.append({"tahun": tahun, "label": stempel.get("label", ""),
                       "status": stempel.get("status", "final"), "revisi": stempel.get("revisi", 0),
                       "url": f"{tahun}/index.html", "halaman": halaman_html(situs / str(tahun))})
        daftar += _revisi_digantikan(situs, tahun)
    terbaru = next((e for e in daftar if e["status"] != "draf"), daftar[0])["tahun"]
    tulis_pengalihan(situs / "index.html", f"{terbaru}/index.html", f"LAKIP {terbaru}")
    isi = json_terbit(daftar, indent=1)  # no literal <, >, &
    tukar.tulis_atomik(situs / "editions.json", isi + "\n")
    # The same list as a script: a page opened from disk (file://) cannot fetch() a JSON file,
    # but it can load a script.
    tukar.tulis_atomik(situs / "editions.js", f"window.lakipEdisi = {isi};\n")
    tukar.tulis_atomik(situs / "robots.txt", sphinx_situs.robots(situs))


def halaman_html(folder: Path) -> list[str]:
    """The pages of a published edition (the switcher opens the same page when it exists)."""
    return sorted(p.name for p in folder.glob("*.html"))


def _revisi_digantikan(situs: Path, tahun: int) -> list[dict[str, Any]]:
    """editions.json entries of the superseded revisions of a year published beside it, newest
    first (only those older than the revision at <situs>/<tahun>)."""
    kini = rilis.revisi_terbit(situs / str(tahun)) or 0
    hasil = []
    for k in range(kini - 1, -1, -1):
        folder = situs / rilis.folder_revisi(tahun, k)
        isi = rilis.stempel(folder)
        if not isi or isi.get("revisi", 0) != k:
            continue
        hasil.append({"tahun": tahun, "label": isi.get("label", ""), "status": "final",
                      "revisi": k, "digantikan": True, "url": f"{folder.name}/index.html",
                      "halaman": halaman_html(folder)})
    return hasil


def tulis_pengalihan(path: Path, tujuan: str, judul: str) -> None:
    """A redirect page (Indonesian, with a visible link for readers without refresh)."""
    tukar.tulis_atomik(path, csp.pasang(
        '<!DOCTYPE html>\n<html lang="id"><head><meta charset="utf-8">'
        f'<meta http-equiv="refresh" content="0; url={tujuan}"><title>{judul}</title></head>'
        f'<body><p>Menuju <a href="{tujuan}">{judul}</a>.</p></body></html>\n'))


_KUNCI_DIPEGANG: set[Path] = set()  # build folders this process (or the one it was forked
# from: `lakip_lib.bangun_semua` builds several editions of one folder at once) holds the lock of


@contextmanager
def kunci_build(folder: Path) -> Iterator[None]:
    """One build at a time per build folder: a second one refuses with a clear message."""
    folder.mkdir(parents=True, exist_ok=True)
    if folder.resolve() in _KUNCI_DIPEGANG:
        yield
        return
    with (folder / ".kunci").open("w") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildGagal(f"Build lain sedang berjalan di {folder}. Tunggu hingga selesai, "
                             "lalu jalankan ulang.") from None
        _KUNCI_DIPEGANG.add(folder.resolve())
        try:
            yield
        finally:
            _KUNCI_DIPEGANG.discard(folder.resolve())
            fcntl.flock(f, fcntl.LOCK_UN)


STEMPEL = ".lakip-build.json"


def _stempel_terbit(situs: Path, kunci: str = "kunci") -> str | None:
    nilai = rilis.stempel(situs).get(kunci)
    return nilai if isinstance(nilai, str) else None


def sidik_masukan(tahun: int, akar_data: Path, dengan_pdf: bool, situs_revisi: Path) -> str:
    """Fingerprint of every input of an edition, read byte for byte without validating or
    importing the book: the data files (other years' folders aside), the notebooks, pages,
    configuration, code and code commit, and the stamps of this year's earlier revisions
    published beside it (the "Riwayat edisi" page reads them; other years' editions are not an
    input, so editions built at once, or in shards, stamp what one at a time would). The same
    fingerprint as the published edition's means nothing can have changed (checked before
    anything else, so an unchanged build is instant)."""
    tahun_lain = {p for p in akar_data.glob("[0-9][0-9][0-9][0-9]") if p.name != str(tahun)}
    berkas = [p for p in akar_data.rglob("*")  # images named in data may lie in any folder
              if p.is_file() and not any(p.is_relative_to(t) for t in tahun_lain)]
    lain = [*NOTEBOOKS.glob("*.ipynb"), *(p for p in HALAMAN.rglob("*") if p.is_file()),
            KONFIGURASI]
    return cache.sidik({
        "tahun": tahun, "folder_data": akar_data.name, "pdf": dengan_pdf,
        "data": {str(p.relative_to(akar_data)): cache.sha_berkas(p) for p in sorted(berkas)},
        "lain": {str(p.relative_to(AKAR_PROYEK)): cache.sha_berkas(p) for p in sorted(lain)},
        "kode": cache.sidik_kode(), "komit": rilis.komit_kode(),
        "revisi": {p.name: cache.sha_berkas(p / STEMPEL)
                   for p in sorted(situs_revisi.glob(f"{tahun}-*")) if p.is_dir()}})


def mutakhir(tahun: int, akar_data: Path, folder_build: Path, dengan_pdf: bool = True,
             folder_situs: Path | None = None) -> bool:
    """The published edition was built from exactly these inputs (its stamp's input
    fingerprint is today's): a build would stop at once. Lets a build of many editions skip the
    unchanged ones before it starts anything."""
    akar_situs = (folder_situs or folder_build / "site").resolve()
    situs_revisi = Path(os.environ.get(rilis.SITUS_REVISI) or akar_situs)
    return _stempel_terbit(akar_situs / str(tahun), "masukan") == sidik_masukan(
        tahun, akar_data.resolve(), dengan_pdf, situs_revisi)


_BELUM = re.compile(r'data-fakta=\\"([^"\\]+)\\">' + BELUM_TERSEDIA + "<")


def belum_tersedia(src: Path) -> dict[str, list[str]]:
    """The facts each executed page shows as "belum tersedia", by page."""
    hasil = {}
    for nb in sorted(src.glob("*.ipynb")):
        if fakta := sorted(set(_BELUM.findall(nb.read_text(encoding="utf-8")))):
            hasil[nb.stem] = fakta
    return hasil


def tolak_final_belum_lengkap(d: DataTahun, src: Path) -> None:
    """A final edition is refused while a page would print "belum tersedia", unless the analyst
    confirmed it (edisi.yaml `konfirmasi_belum_tersedia`, the workbook's edisi sheet)."""
    if d.edisi.draf or d.edisi.konfirmasi_belum_tersedia:
        return
    if not (kurang := belum_tersedia(src)):
        return
    rincian = "; ".join(f"{halaman}.html ({', '.join(fakta)})" for halaman, fakta in kurang.items())
    raise BuildGagal(
        f"Edisi final {d.tahun} ditolak: {len(kurang)} halaman masih mencetak \"{BELUM_TERSEDIA}\": "
        f"{rincian}. Lengkapi datanya (selama status draf, lakip build {d.tahun} menampilkan yang "
        "masih kurang per berkas dan lembar), atau bila angka itu memang tidak ada, tulis "
        "alasannya di lembar edisi buku kerja, isian konfirmasi_belum_tersedia (di "
        f"data/{d.tahun}/edisi.yaml: konfirmasi_belum_tersedia: \"…\").")


class FinalTerbit(BuildGagal):
    """The build would replace a published final edition with different content."""


def jaga_final(situs: Path, d: DataTahun, kunci_situs: str) -> None:
    """Refuse to replace the final edition published at `situs` (same revision as the data)
    with a build of other inputs: a published final is a record, changed only by a re-issue."""
    isi = rilis.stempel(situs)
    if (d.edisi.draf or isi.get("status") != "final" or isi.get("kunci") == kunci_situs
            or int(isi.get("revisi", 0)) != len(d.edisi.revisi)):
        return
    raise FinalTerbit(
        f"Edisi final {d.tahun} ({isi.get('label') or rilis.label(d.edisi)}) sudah terbit di "
        f"{situs} dan tidak ditimpa: masukannya (data, uraian, atau kode) berubah sejak terbit. "
        f"Lihat hasil perubahan tanpa menerbitkannya: lakip serve {d.tahun} (pratinjau di "
        f"foldernya sendiri). Terbitkan perubahan itu sebagai revisi (ralat): lakip reissue "
        f"{d.tahun} --reason \"…\".")


def bangun(tahun: int, akar_data: Path | None = None, folder_build: Path | None = None,
           pekerja: int | None = None, lapor: Lapor = print, dengan_pdf: bool = True,
           paksa: bool = False, folder_situs: Path | None = None, rekaman: bool = False,
           terbit: bool = True) -> HasilBuild:
    """Validate, execute what changed, assemble, print and publish one edition, in
    <folder_situs>/<tahun> (default site root: <folder_build>/site; an agency of a kabupaten
    publishes under its own, `lakip_lib.kabupaten`).

    `rekaman`: the final edition published in the site is the record (`jaga_final`).
    `terbit=False`: build but do not publish; the result's `situs` is the finished HTML folder,
    for the caller to publish (`terbitkan`) once it has recorded what it built."""
    mulai = time.perf_counter()
    folder_build = (folder_build or Path("_build")).resolve()
    akar_situs = (folder_situs or folder_build / "site").resolve()
    akar_data = (akar_data or data.akar_data()).resolve()
    if dengan_pdf:
        _periksa_chromium()
    with kunci_build(folder_build):
        situs = akar_situs / str(tahun)
        situs_revisi = Path(os.environ.get(rilis.SITUS_REVISI) or akar_situs)
        masukan = sidik_masukan(tahun, akar_data, dengan_pdf, situs_revisi)
        if not paksa and terbit and _stempel_terbit(situs, "masukan") == masukan:
            lapor("Tidak ada masukan yang berubah: edisi yang terbit sudah mutakhir.")
            return HasilBuild(tahun, situs, time.perf_counter() - mulai, [],
                              _jumlah_halaman(situs), HasilEksekusi())
        lapor(f"Memeriksa data tahun {tahun} …")
        # started first, they start beside the validation (one core) and the notebooks: the
        # Sphinx fork server's imports, the browser for the PDF, and on a new build folder the
        # Vega bundle (vl-convert, about a second)
        siapkan_sphinx()
        pencetak = Pencetak() if dengan_pdf else None
        bundel = None
        try:
            d = data.muat(tahun, akar_data)
            warisan = _warisi_turunan(d)
            kerja = folder_build / "jb" / str(tahun)
            if paksa and kerja.exists():
                shutil.rmtree(kerja)
            src = kerja / "src"
            src.mkdir(parents=True, exist_ok=True)
            tugas = rencana_eksekusi(d)
            pekerja = pekerja or os.cpu_count() or 1
            bundel = _mulai_bundel_vega(folder_build / "cache")
            lapor(f"Menjalankan notebook ({len(tugas)}, {pekerja} proses) …")
            simpanan = cache.CacheEksekusi(folder_build / "cache" / "eksekusi" / str(tahun))
            eksekusi = eksekusi_semua(tugas, src, d, pekerja, lapor, simpanan, paksa)
            _buang_notebook_basi(src, tugas)
            _simpan_turunan(d, warisan)
            tolak_final_belum_lengkap(d, src)
            if bundel:
                bundel.wait()
            sidik_riwayat = riwayat.tulis_halaman(d, src, situs_revisi)
            sidik_sumber = siapkan_sumber(d, src, folder_build / "cache", dengan_pdf)
            kunci_situs = cache.sidik({"notebook": eksekusi.kunci, "sumber": sidik_sumber,
                                       "kode": cache.sidik_kode(), "riwayat": sidik_riwayat})
            if not paksa and terbit and _stempel_terbit(situs) == kunci_situs:
                lapor("Tidak ada masukan yang berubah: edisi yang terbit sudah mutakhir.")
                return HasilBuild(tahun, situs, time.perf_counter() - mulai, [],
                                  _jumlah_halaman(situs), eksekusi, d.peringatan)
            if rekaman:
                jaga_final(situs, d, kunci_situs)
            html = _susun(d, src, kerja, pencetak, lapor)
        finally:
            if pencetak:
                pencetak.hentikan()
            if bundel and bundel.poll() is None:
                bundel.kill()
                bundel.wait()
        edisi.tulis_csv_tabel([src / f"{t.berkas}.ipynb" for t in tugas], html)
        edisi.tulis_paket_data(d, html)
        riwayat.tulis_angka(d, html)
        csp.pasang_folder(html)  # after every page of the edition is written
        stempel = {"tahun": tahun, "kunci": kunci_situs, "masukan": masukan,
                   "status": "draf" if d.edisi.draf else "final", "instansi": d.instansi.nama,
                   "kabupaten": d.instansi.kabupaten,
                   **rilis.info_stempel(tahun, d.edisi, akar_data)}
        (html / STEMPEL).write_text(json_terbit(stempel) + "\n", encoding="utf-8")
        if terbit:
            lapor("Menerbitkan edisi …")
            situs = terbitkan(html, akar_situs, tahun)
        else:
            situs = html
    waktu = [(b, eksekusi.waktu[b]) for b in (t.berkas for t in tugas) if b in eksekusi.waktu]
    return HasilBuild(tahun, situs, time.perf_counter() - mulai, waktu, _jumlah_halaman(situs),
                      eksekusi, d.peringatan)


# A process that builds again (`lakip serve`, several years) keeps each year's derived values
# (the audit's corrections that key the pages, about a fifth of a second to compute) with the
# sha256 of every data file their computation read: (year, data folder) → (file → sha, values).
_TURUNAN: dict[tuple[int, Path], tuple[dict[str, str], dict[tuple[Any, ...], Any]]] = {}


def _simpan_turunan(d: DataTahun, warisan: dict[str, str]) -> None:
    """Keep this build's derived values with the files read for them: those the inherited
    values read (`warisan`) and those read to compute the others."""
    berkas, nilai = d.turunan_terhitung()
    _TURUNAN[(d.tahun, d.akar)] = (
        {**warisan, **{p: cache.sha_data(d.akar, p, d.tahun) for p in berkas}}, nilai)


def _warisi_turunan(d: DataTahun) -> dict[str, str]:
    """Give `d` the previous build's derived values of this year when none of the files they
    read changed (a narrative edited in `lakip serve`: the audit reads no narrative); returns
    those files' sha256 (none when nothing was inherited)."""
    lama = _TURUNAN.get((d.tahun, d.akar))
    if not lama or not lama[1] or any(cache.sha_data(d.akar, p, d.tahun) != sha
                                      for p, sha in lama[0].items()):
        return {}
    d.warisi_turunan(lama[1])
    return lama[0]


def _berkas_toc(toc: dict[str, Any]) -> set[str]:
    """Every page named in a table of contents (root, chapters, sections)."""
    hasil = {toc[k] for k in ("root", "file") if k in toc}
    for anak in (*toc.get("chapters", []), *toc.get("sections", [])):
        hasil |= _berkas_toc(anak)
    return hasil


def _periksa_chromium() -> None:
    """Before any work: the PDF step needs Chromium (known in a second, not after a minute)."""
    from lakip_lib.peramban import path_chromium

    try:
        path_chromium()
    except FileNotFoundError as e:
        raise BuildGagal(f"{e}. Atau bangun tanpa PDF: lakip build --no-pdf.") from None


def _susun(d: DataTahun, src: Path, kerja: Path, pencetak: Pencetak | None, lapor: Lapor
           ) -> Path:
    """Jupyter Book (incremental in <kerja>/out); with a printer, the PDF is printed from the
    singlehtml build as soon as it is done, while the html build finishes. Returns the HTML
    folder."""
    lapor("Menyusun halaman dengan Jupyter Book …")
    mulai = time.perf_counter()
    keluaran = kerja / "out"
    proses: dict[str, _Sphinx] = {}
    try:
        proses = {b: _mulai_jupyter_book(src, keluaran, b)
                  for b in (("html", "singlehtml") if pencetak else ("html",))}
        if pencetak:
            singlehtml = _tunggu_jupyter_book(proses.pop("singlehtml"), keluaran, "singlehtml")
            lapor("Mencetak PDF dengan Chromium …")
            mulai_pdf = time.perf_counter()
            pencetak.cetak(pdf.Pesanan(singlehtml, pdf.gaya_halaman(d), pdf.info_dokumen(d),
                                       kerja / "cetak.pdf", _peta_lama(kerja, CETAK_BUKU)))
        sphinx_html = proses.pop("html")
        html = _tunggu_jupyter_book(sphinx_html, keluaran, "html")
    except BuildGagal:
        for p in proses.values():
            p.hentikan()
        shutil.rmtree(keluaran, ignore_errors=True)  # never reuse a half-written Sphinx env
        raise
    lapor(f"  Jupyter Book selesai: {sphinx_html.dibaca()} halaman dibaca ulang "
          f"({angka(time.perf_counter() - mulai, 1)} dtk)")
    _buang_basi(html, d, pencetak is not None)
    tulis_pengalihan(html / "index.html", f"{rencana_eksekusi(d)[0].berkas}.html",
                     f"LAKIP {d.tahun}")
    if pencetak:
        # the review, a document of its own, is printed from its html page by the same browser
        # once the edition's print is done (it needs the html build, which ends later)
        pencetak.cetak(pdf.Pesanan(html, pdf.gaya_halaman(d, reviu=True),
                                   pdf.info_dokumen(d, reviu=True), kerja / "cetak-reviu.pdf",
                                   _peta_lama(kerja, CETAK_REVIU), f"{REVIU}.html"))
        _terima_cetakan(pencetak, kerja, CETAK_BUKU, html / pdf.nama_berkas(d), mulai_pdf, lapor)
        sphinx_situs.tulis_gambar_bagikan(html / pdf.nama_berkas(d), html)
        _terima_cetakan(pencetak, kerja, CETAK_REVIU, html / pdf.nama_berkas_reviu(d),
                        time.perf_counter(), lapor)
    return html


CETAK_BUKU, CETAK_REVIU = "cetak", "cetak-reviu"  # prints under <kerja>/: <name>.pdf and its map


def _terima_cetakan(pencetak: Pencetak, kerja: Path, nama: str, tujuan: Path, mulai: float,
                    lapor: Lapor) -> None:
    """Wait for the printer's next print (<kerja>/<nama>.pdf), put it in place as `tujuan`,
    keep its page map for the next build's print, and report it."""
    try:
        info = pencetak.hasil()
    except CetakGagal as e:
        raise BuildGagal(str(e)) from None
    (kerja / f"{nama}.pdf").replace(tujuan)
    (kerja / f"peta-{nama}.json").write_text(json.dumps(info["peta"], sort_keys=True),
                                             encoding="utf-8")
    lapor(f"  {tujuan.name}: {info['halaman']} halaman, {info['cetakan']} kali cetak "
          f"({angka(time.perf_counter() - mulai, 1)} dtk)")
    for luapan in info["luapan"]:
        lapor(f"  Peringatan (PDF {tujuan.name}): {luapan}")


def salin_statis(sumber: Path, tujuan: Path) -> bool:
    """Copy our static files (stylesheet, scripts, the chart bundle) where they differ; returns
    whether any did."""
    salinan = [cache.salin_jika_berbeda(asal, tujuan / asal.relative_to(sumber))
               for asal in sorted(p for p in sumber.rglob("*") if p.is_file())]
    return any(salinan)


def _statis_mutakhir(src: Path, folder: Path) -> None:
    """Before an incremental Sphinx run: when one of our static files changed, put it in place
    and mark every page out of date. Sphinx itself copies static files only when it rewrites
    some page ("no targets are out of date" skips its finishing step), and pages link each file
    with a checksum of the copy it finds (`lakip.css?v=…`): a stylesheet edited alone would
    otherwise never reach the edition, or reach it under pages naming the old checksum."""
    if folder.is_dir() and salin_statis(src / "_static", folder / "_static"):
        for halaman in folder.rglob("*.html"):
            os.utime(halaman, (0, 0))


def _peta_lama(kerja: Path, nama: str) -> dict[str, int] | None:
    """The page map of this year's previous print `nama` (`CETAK_BUKU`, `CETAK_REVIU`), if any:
    read back as input, only an object of anchor to page number (else the print starts without
    it, as on a clean build)."""
    peta = rilis.baca_json_terbit(kerja / f"peta-{nama}.json")
    if not isinstance(peta, dict) or not all(
            isinstance(k, str) and type(v) is int and 0 < v < 100_000 for k, v in peta.items()):
        return None
    return peta


def _buang_basi(html: Path, d: DataTahun, dengan_pdf: bool) -> None:
    """The edition holds exactly this build's files. Sphinx's incremental output folder keeps
    pages of parts no longer in the book (a removed sasaran) and the PDF under an earlier name
    (a renamed agency); `_images` and `_downloads` could only hold copies of files the book
    never links (it has no image or download of its own)."""
    halaman = (_berkas_toc(daftar_isi(d)) | {b.berkas for b in susunan.urutan(d)}
               | {"genindex", "search", "index"})
    for path in (*html.glob("*.html"), *html.glob("_sources/*")):
        if path.name.split(".")[0] not in halaman:
            path.unlink()
    for path in html.glob("LAKIP-*.pdf"):
        if not dengan_pdf or path.name not in (pdf.nama_berkas(d), pdf.nama_berkas_reviu(d)):
            path.unlink()
    for folder in ("_images", "_downloads"):
        shutil.rmtree(html / folder, ignore_errors=True)


def _buang_notebook_basi(src: Path, tugas: list[Eksekusi]) -> None:
    """Remove executed notebooks of parts no longer in the year (a removed sasaran): Sphinx
    builds every notebook in the folder (the review is a page outside the contents)."""
    for path in src.glob("*.ipynb"):
        if path.stem not in {t.berkas for t in tugas}:
            path.unlink()


def _jumlah_halaman(situs: Path) -> int:
    return sum(1 for _ in situs.glob("*.html"))
