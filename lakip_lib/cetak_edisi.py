"""The edition's two PDFs, printed from its built HTML pages: the edition, its pages assembled
as one print document (`dokumen_cetak.susun`, kept as <kerja>/cetak.html), and the review, a
document of its own (<kerja>/cetak-reviu.html), printed side by side by the build's printers
(`lakip_lib.pencetak`).

A document is printed only when what its print reads changed: the print document, the files it
loads (`_static/`), its page style and document info, the code and the browser. Chromium's
print of the same input is the same bytes (an incremental build's PDF is the clean build's), so
the previous print, still in place in the HTML folder, is kept when its record says it was
printed from that input and its bytes are the ones recorded.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from pathlib import Path
from typing import Any

from lakip_lib import cache, csp, dokumen_cetak, pdf, rilis, sphinx_situs
from lakip_lib.book import susunan
from lakip_lib.book.reviu import HALAMAN as REVIU
from lakip_lib.data_tahun import DataTahun
from lakip_lib.format import angka
from lakip_lib.langkah_build import BuildGagal, Lapor
from lakip_lib.pencetak import CetakGagal, Pencetak
from lakip_lib.peramban import path_chromium_cetak

CETAK_BUKU, CETAK_REVIU = "cetak", "cetak-reviu"  # prints under <kerja>/: <name>.pdf, its record


def cetak(pencetak: Pencetak, d: DataTahun, html: Path, kerja: Path, lapor: Lapor) -> None:
    """Print the edition and the review of the HTML pages in `html` into it (the edition's
    cover also as the site's share image), each only if its print input changed."""
    mulai = time.perf_counter()
    bersama = sidik_bersama(html)
    dipesan = []
    for nama, toc, reviu in ((CETAK_BUKU, susunan.daftar_isi(d), False),
                             (CETAK_REVIU, {"root": REVIU}, True)):
        tujuan = html / (pdf.nama_berkas_reviu(d) if reviu else pdf.nama_berkas(d))
        dokumen = kerja / f"{nama}.html"
        isi = dokumen_cetak.susun(html, toc)
        dokumen.write_text(isi, encoding="utf-8")
        catatan, bentuk = baca_catatan(kerja, nama), bentuk_dokumen(isi)
        pesanan = pdf.Pesanan(html, dokumen, pdf.gaya_halaman(d, reviu=reviu),
                              pdf.info_dokumen(d, reviu=reviu), kerja / f"{nama}.pdf",
                              peta_lama(catatan, bentuk))
        sidik = sidik_cetak(pesanan, isi, bersama)
        if (tetap := cetakan_tetap(catatan, sidik, tujuan)) is not None:
            lapor(f"  {tujuan.name}: {tetap['halaman']} halaman, tidak dicetak ulang (yang "
                  "dicetaknya tidak berubah)")
            _laporkan_luapan(tujuan, tetap["luapan"], lapor)
            continue
        pencetak.cetak(pesanan)
        dipesan.append((nama, tujuan, {"sidik": sidik, "bentuk": bentuk}))
    for nama, tujuan, asal in dipesan:
        _terima(pencetak, kerja, nama, tujuan, asal, mulai, lapor)
        if nama == CETAK_BUKU:
            sphinx_situs.tulis_gambar_bagikan(tujuan, html)


def sidik_bersama(html: Path) -> str:
    """Fingerprint of what every print of the HTML folder `html` reads alike, computed once a
    build: every file under its `_static/` (the styles, scripts, fonts a print document loads;
    the pages it links are not loaded), the code (the print scripts are part of it) and the
    browser binary."""
    statis = html / "_static"
    chromium = path_chromium_cetak().resolve()
    info = chromium.stat()
    return cache.sidik({
        "statis": {p.relative_to(statis).as_posix(): _sha_statis(p)
                   for p in sorted(statis.rglob("*")) if p.is_file()},
        "kode": cache.sidik_kode(), "chromium": [str(chromium), info.st_size, info.st_mtime_ns]})


def sidik_cetak(pesanan: pdf.Pesanan, isi: str, bersama: str) -> str:
    """Fingerprint of what a print reads: the print document `isi`, its page style and
    document info, and what every print reads (`sidik_bersama`)."""
    return cache.sidik({"dokumen": hashlib.sha256(isi.encode("utf-8")).hexdigest(),
                        "gaya": pesanan.gaya, "info": pesanan.info, "bersama": bersama})


def _sha_statis(path: Path) -> str:
    """A static file's sha256; Sphinx's `translations.js` as the published edition has it
    (`csp.terjemahan_tanpa_eval`, the same catalogue: the build rewrites it after the print,
    and the next build's Sphinx run may or may not copy its own again)."""
    if path.name != "translations.js":
        return cache.sha_berkas(path)
    teks = csp.terjemahan_tanpa_eval(path.read_text(encoding="utf-8"))
    return hashlib.sha256(teks.encode("utf-8")).hexdigest()


def baca_catatan(kerja: Path, nama: str) -> Any:
    """The record of the document `nama`'s previous print (<kerja>/sidik-<nama>.json, written
    by `_terima`), read once a build, as untrusted input: `cetakan_tetap` and `peta_lama`
    check what they take from it."""
    return rilis.baca_json_terbit(_berkas_catatan(kerja, nama))


def _berkas_catatan(kerja: Path, nama: str) -> Path:
    return kerja / f"sidik-{nama}.json"


def cetakan_tetap(catatan: Any, sidik: str, tujuan: Path) -> dict[str, Any] | None:
    """The record `catatan` (`baca_catatan`) when the PDF at `tujuan` is that print of this
    very input: it names `sidik` and the sha256 of the bytes now there, its warnings plain text
    (they are reported again); None otherwise: the document is printed."""
    if not (isinstance(catatan, dict) and catatan.get("sidik") == sidik
            and type(catatan.get("halaman")) is int and isinstance(catatan.get("luapan"), list)
            and all(isinstance(x, str) and x.isprintable() for x in catatan["luapan"])
            and isinstance(catatan.get("sha256"), str) and tujuan.is_file()
            and cache.sha_berkas(tujuan) == catatan["sha256"]):
        return None
    return catatan


# The elements whose number moves pages: a document whose sequence of them changed (a finding
# added to the review, a row to a table) has pages elsewhere than its previous print's
_BLOK = re.compile(r"<(h[1-6]|p|li|tr|table|figure|pre|img|svg|hr)[\s>]")


def bentuk_dokumen(isi: str) -> str:
    """The structure of a print document: the fingerprint of the sequence of its block
    elements (`_BLOK`), which a changed figure or word leaves as it is."""
    return hashlib.sha256(" ".join(_BLOK.findall(isi)).encode()).hexdigest()


def peta_lama(catatan: Any, bentuk: str) -> dict[str, int] | None:
    """The page map of the previous print from its record `catatan` (`baca_catatan`), if that
    print had the structure `bentuk` (`bentuk_dokumen`) and the map is an object of anchor to page
    number; else None: the pages are found in columns, as on a clean build. A changed
    structure moves pages: its previous map would cost a second print (about a second), the
    columns about a quarter of a second of the renderer's CPU."""
    if not isinstance(catatan, dict) or catatan.get("bentuk") != bentuk:
        return None
    peta = catatan.get("peta")
    if not isinstance(peta, dict) or not all(
            isinstance(k, str) and type(v) is int and 0 < v < 100_000 for k, v in peta.items()):
        return None
    return peta


def _terima(pencetak: Pencetak, kerja: Path, nama: str, tujuan: Path, asal: dict[str, str],
            mulai: float, lapor: Lapor) -> None:
    """Wait for the printer's next print (<kerja>/<nama>.pdf), put it in place as `tujuan`,
    keep the record of what it was printed from (`asal`: its fingerprint and structure, and
    its page map, for the next print of the document), and report it."""
    try:
        info = pencetak.hasil()
    except CetakGagal as e:
        raise BuildGagal(str(e)) from None
    catatan = _berkas_catatan(kerja, nama)
    catatan.unlink(missing_ok=True)  # no record names a PDF being replaced
    (kerja / f"{nama}.pdf").replace(tujuan)
    catatan.write_text(json.dumps({**asal, "sha256": cache.sha_berkas(tujuan),
                                   "halaman": info["halaman"], "luapan": info["luapan"],
                                   "peta": info["peta"]}, sort_keys=True), encoding="utf-8")
    lapor(f"  {tujuan.name}: {info['halaman']} halaman, {info['cetakan']} kali cetak "
          f"({angka(time.perf_counter() - mulai, 1)} dtk)")
    _laporkan_luapan(tujuan, info["luapan"], lapor)


def _laporkan_luapan(tujuan: Path, luapan: list[str], lapor: Lapor) -> None:
    for teks in luapan:
        lapor(f"  Peringatan (PDF {tujuan.name}): {teks}")
