"""Build one edition: validate, execute the notebooks (`lakip_lib.eksekusi_notebook`), assemble
with Jupyter Book (`lakip_lib.penyusun`), print the PDF, publish atomically to
<build>/site/<year>/ (`lakip_lib.situs_terbit`); one build at a time per build folder, and a
published final edition never replaced by other inputs.

Work happens under <build>/jb/<year> (kept between builds so Sphinx can be incremental); the
published edition is replaced only once the new one is complete, and other years' editions are
never touched. Notebooks whose inputs did not change come from the execution cache
(`lakip_lib.cache`); when nothing changed at all, the build stops before Jupyter Book.
"""

from __future__ import annotations

import os
import re
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lakip_lib import (
    cache,
    cetak_edisi,
    csp,
    data,
    edisi,
    folder_data,
    makna_masukan,
    pdf,
    rilis,
    riwayat,
)
from lakip_lib.book import susunan
from lakip_lib.data_tahun import DataTahun
from lakip_lib.eksekusi_notebook import (
    Eksekusi,
    HasilEksekusi,
    eksekusi_semua,
    hangatkan,
    kunci_tersimpan,
    rencana_eksekusi,
)
from lakip_lib.forkserver_sphinx import siapkan_sphinx
from lakip_lib.format import BELUM_TERSEDIA, angka
from lakip_lib.json_terbit import json_terbit
from lakip_lib.langkah_build import BuildGagal, Lapor, gembok_build
from lakip_lib.masalah import ValidasiGagal
from lakip_lib.pencetak import Pencetak
from lakip_lib.penyusun import (
    bundel_vega,
    mulai_bundel_vega,
    mulai_jupyter_book,
    pasang_bundel_vega,
    siapkan_sumber,
    tunggu_jupyter_book,
    tunggu_sphinx,
)
from lakip_lib.sidik_edisi import STEMPEL, BahanSidik, bahan_sidik, sidik_masukan, stempel_terbit
from lakip_lib.situs_terbit import terbitkan, tulis_pengalihan


@dataclass
class HasilBuild:
    tahun: int
    situs: Path
    detik: float
    notebook: list[tuple[str, float]]  # notebooks executed in this build, with seconds
    halaman: int
    eksekusi: Any = None
    peringatan: list[Any] | None = None  # the year's validation warnings; None: not validated


def sidik_makna(bahan: BahanSidik, tahun: int) -> str:
    """`sidik_masukan` with each data file by what it means to the edition (`makna_masukan`: a
    YAML file by content, the year's head of agency resolved, a multi-year record without later
    years' rows) and without the code's commit (the code is its content): the same as a
    published final's means a rebuild would publish the same edition, so a data folder outside
    a checkout keeps its published final when a re-import only rewrote a file's form."""
    return cache.sidik({
        **bahan.lain,
        "makna": {p: makna_masukan.sidik(bahan.akar_data, p, tahun) for p in bahan.berkas_data}})


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


def jaga_final(situs: Path, d: DataTahun, kunci_situs: str, makna: str) -> None:
    """Refuse to replace the final edition published at `situs` (same revision as the data)
    with a build of other inputs: a published final is a record, changed only by a re-issue.
    Inputs of the same meaning (`sidik_makna`, when its stamp records it) are no other inputs."""
    isi = rilis.stempel(situs)
    if (d.edisi.draf or isi.get("status") != "final" or isi.get("kunci") == kunci_situs
            or isi.get("makna") == makna or int(isi.get("revisi", 0)) != len(d.edisi.revisi)):
        return
    raise FinalTerbit(
        f"Edisi final {d.tahun} ({isi.get('label') or rilis.label(d.edisi)}) sudah terbit di "
        f"{situs} dan tidak ditimpa: masukannya (data, uraian, atau kode) berubah sejak terbit. "
        f"Lihat hasil perubahan tanpa menerbitkannya: lakip serve {d.tahun} (pratinjau di "
        f"foldernya sendiri). Terbitkan perubahan itu sebagai revisi (ralat): lakip reissue "
        f"{d.tahun} --reason \"…\".")


def final_tetap(situs: Path, makna: str) -> bool:
    """The final edition published at `situs` was built from inputs of this meaning: a rebuild
    would publish the same edition, so the record is kept as it is."""
    isi = rilis.stempel(situs)
    return isi.get("status") == "final" and isi.get("makna") == makna


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
    akar_data = (akar_data or folder_data.akar_data()).resolve()
    if dengan_pdf:
        _periksa_chromium()
    with gembok_build(folder_build):
        situs = akar_situs / str(tahun)
        situs_revisi = Path(os.environ.get(rilis.SITUS_REVISI) or akar_situs)
        bahan = bahan_sidik(tahun, akar_data, dengan_pdf, situs_revisi)
        masukan = sidik_masukan(bahan)
        if not paksa and terbit and stempel_terbit(situs, "masukan") == masukan:
            lapor("Tidak ada masukan yang berubah: edisi yang terbit sudah mutakhir.")
            return HasilBuild(tahun, situs, time.perf_counter() - mulai, [],
                              _jumlah_halaman(situs), HasilEksekusi())
        makna = sidik_makna(bahan, tahun)
        if rekaman and not paksa and terbit and final_tetap(situs, makna):
            lapor(f"Data edisi final {tahun} ditulis ulang tanpa mengubah isinya (misalnya "
                  "impor ulang buku kerja): edisi yang terbit tetap berlaku, tidak dibangun ulang.")
            return HasilBuild(tahun, situs, time.perf_counter() - mulai, [],
                              _jumlah_halaman(situs), HasilEksekusi())
        lapor(f"Memeriksa data tahun {tahun} …")
        # started first, they start beside the validation (one core) and the notebooks: the
        # Sphinx fork server's imports, and on a new build folder the Vega bundle (vl-convert,
        # about a second)
        siapkan_sphinx()
        pencetak = bundel = None
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
            bundel = mulai_bundel_vega(folder_build / "cache")
            lapor(f"Menjalankan notebook ({len(tugas)}, {pekerja} proses) …")
            simpanan = cache.CacheEksekusi(folder_build / "cache" / "eksekusi" / str(tahun))
            eksekusi = eksekusi_semua(tugas, src, d, pekerja, lapor, simpanan, paksa)
            # the browser for the PDF (about 0,3 s of CPU) starts once the notebooks no
            # longer need both cores: beside the Sphinx run, which needs one
            pencetak = Pencetak(kerja / PROFIL_PERAMBAN) if dengan_pdf else None
            _buang_notebook_basi(src, tugas)
            _simpan_turunan(d, warisan)
            tolak_final_belum_lengkap(d, src)
            sidik_riwayat = riwayat.tulis_halaman(d, src, situs_revisi)
            sidik_sumber = siapkan_sumber(d, src, folder_build / "cache", dengan_pdf)
            kunci_situs = cache.sidik({"notebook": eksekusi.kunci, "sumber": sidik_sumber,
                                       "kode": cache.sidik_kode(), "riwayat": sidik_riwayat})
            if not paksa and terbit and stempel_terbit(situs) == kunci_situs:
                lapor("Tidak ada masukan yang berubah: edisi yang terbit sudah mutakhir.")
                return HasilBuild(tahun, situs, time.perf_counter() - mulai, [],
                                  _jumlah_halaman(situs), eksekusi, d.peringatan)
            if rekaman:
                jaga_final(situs, d, kunci_situs, makna)
            def pasang_bundel(html: Path) -> None:
                if bundel:
                    bundel.wait()
                pasang_bundel_vega(html, folder_build / "cache")

            html = _susun(d, src, kerja, pencetak, lapor, pasang_bundel)
            edisi.tulis_csv_tabel([src / f"{t.berkas}.ipynb" for t in tugas], html)
            edisi.tulis_paket_data(d, html)
            riwayat.tulis_angka(d, html)
            csp.pasang_folder(html)  # after every page of the edition is written
            stempel = {"tahun": tahun, "kunci": kunci_situs, "masukan": masukan, "makna": makna,
                       "status": "draf" if d.edisi.draf else "final", "instansi": d.instansi.nama,
                       "kabupaten": d.instansi.kabupaten,
                       **rilis.info_stempel(tahun, d.edisi, akar_data)}
            (html / STEMPEL).write_text(json_terbit(stempel) + "\n", encoding="utf-8")
            if terbit:
                lapor("Menerbitkan edisi …")
                situs = terbitkan(html, akar_situs, tahun)
            else:
                situs = html
        finally:
            # after publishing: a printer with its jobs done closes its browser meanwhile
            if pencetak:
                pencetak.hentikan()
            if bundel and bundel.poll() is None:
                bundel.kill()
                bundel.wait()
    waktu = [(b, eksekusi.waktu[b]) for b in (t.berkas for t in tugas) if b in eksekusi.waktu]
    return HasilBuild(tahun, situs, time.perf_counter() - mulai, waktu, _jumlah_halaman(situs),
                      eksekusi, d.peringatan)


# A process that builds again (`lakip serve`, several years) keeps each year's derived values
# (the audit's corrections that key the pages, about a fifth of a second to compute) with the
# sha256 of every data file their computation read: (year, data folder) → (file → sha, values).
_TURUNAN: dict[tuple[int, Path], tuple[dict[str, str], dict[tuple[Any, ...], Any]]] = {}


def panaskan(tahun: int, akar_data: Path, folder_build: Path) -> None:
    """In a process that builds again (`lakip serve`), pay now what its next build would pay
    first: the Sphinx fork server started and its imports done, the notebooks' and the Vega
    bundle's imports done, and the year validated with the derived values its pages' cache keys
    read computed and kept (`_TURUNAN`). Invalid data is left for the build to report."""
    siapkan_sphinx()  # its imports run beside the rest, on the other core
    hangatkan()
    try:
        d = data.muat(tahun, akar_data)
    except ValidasiGagal:
        return
    bundel_vega(folder_build / "cache")
    warisan = _warisi_turunan(d)
    kunci_tersimpan(rencana_eksekusi(d), d,
                    cache.CacheEksekusi(folder_build / "cache" / "eksekusi" / str(tahun)))
    _simpan_turunan(d, warisan)
    tunggu_sphinx()


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
    from lakip_lib.peramban import path_chromium_cetak

    try:
        path_chromium_cetak()
    except FileNotFoundError as e:
        raise BuildGagal(f"{e}. Atau bangun tanpa PDF: lakip build --no-pdf.") from None


SPHINX_BERJALAN = "sphinx-berjalan"  # in <kerja>/ while a Sphinx run writes <kerja>/out
PROFIL_PERAMBAN = "profil-chromium"  # in <kerja>/: the printer's browser profile


def _susun(d: DataTahun, src: Path, kerja: Path, pencetak: Pencetak | None, lapor: Lapor,
           pasang_bundel: Callable[[Path], None]) -> Path:
    """Jupyter Book's html build (incremental in <kerja>/out), the Vega bundle put beside it
    (`pasang_bundel`, waiting for it on a new build folder); with a printer, the edition and
    the review are printed from print documents assembled from its pages (`cetak_edisi`).
    Returns the HTML folder."""
    lapor("Menyusun halaman dengan Jupyter Book …")
    mulai = time.perf_counter()
    keluaran = kerja / "out"
    shutil.rmtree(keluaran / "singlehtml", ignore_errors=True)  # left by earlier versions
    # A Sphinx run that was killed (the build's process group, a power cut) leaves pages half
    # written that its environment records as up to date, so the next run would keep them:
    # the mark says a run was under way, and a folder that still has it is started afresh
    berjalan = kerja / SPHINX_BERJALAN
    if berjalan.exists():
        shutil.rmtree(keluaran, ignore_errors=True)
    berjalan.touch()
    sphinx_html = mulai_jupyter_book(src, keluaran, "html")
    try:
        html = tunggu_jupyter_book(sphinx_html, keluaran, "html")
    except BuildGagal:
        shutil.rmtree(keluaran, ignore_errors=True)  # never reuse a half-written Sphinx env
        raise
    berjalan.unlink()
    lapor(f"  Jupyter Book selesai: {sphinx_html.dibaca()} halaman dibaca ulang "
          f"({angka(time.perf_counter() - mulai, 1)} dtk)")
    pasang_bundel(html)
    _buang_basi(html, d, pencetak is not None)
    tulis_pengalihan(html / "index.html", f"{rencana_eksekusi(d)[0].berkas}.html",
                     f"LAKIP {d.tahun}")
    if pencetak:
        lapor("Mencetak PDF dengan Chromium …")
        cetak_edisi.cetak(pencetak, d, html, kerja, lapor)
        pencetak.selesai()
    return html


def _buang_basi(html: Path, d: DataTahun, dengan_pdf: bool) -> None:
    """The edition holds exactly this build's files. Sphinx's incremental output folder keeps
    pages of parts no longer in the book (a removed sasaran) and the PDF under an earlier name
    (a renamed agency); `_images` and `_downloads` could only hold copies of files the book
    never links (it has no image or download of its own)."""
    halaman = (_berkas_toc(susunan.daftar_isi(d)) | {b.berkas for b in susunan.urutan(d)}
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
