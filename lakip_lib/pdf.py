"""The PDF editions: the book's HTML pages, assembled into one print document, printed to A4
by headless Chromium; the review (a page of its own) the same way.

Why this route: Chromium prints the live Vega charts as vector graphics and keeps the site's
look, and wide tables wrap instead of overflowing (LaTeX handles them poorly). CSS @page margin
boxes give the running header and the page-numbered footer (none on the cover). Chromium cannot
number a table of contents by itself: the contents entries link to an anchor at each target,
and the page of each is found before printing by laying the document out in columns of the
page's size (`cetak.js`, lakipPerkiraHalaman), or taken from the previous print on a rebuild;
Chromium writes the links as named destinations, and their pages in the printed PDF (read with
pypdf, in milliseconds) confirm the numbers, or become those of one more print.

The print document is assembled from the built HTML pages by `dokumen_cetak`; the printed PDF
is read and finished with pypdf by `berkas_pdf`.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from lakip_lib import berkas_pdf, rilis
from lakip_lib import format as fmt
from lakip_lib.cdp import Halaman, Peramban, chromium_pipa
from lakip_lib.data_tahun import DataTahun
from lakip_lib.peramban import server

SKRIP = Path(__file__).with_name("cetak.js")
MARGIN = {"top": "20mm", "bottom": "18mm", "left": "17mm", "right": "17mm"}


def nama_berkas(d: DataTahun) -> str:
    singkat = re.sub(r"[^A-Za-z0-9-]+", "-", d.instansi.nama_singkat).strip("-")
    return f"LAKIP-{d.tahun}-{singkat}.pdf" if singkat else f"LAKIP-{d.tahun}.pdf"


def nama_berkas_reviu(d: DataTahun) -> str:
    """The review's PDF (book/reviu.py), beside the edition's."""
    return nama_berkas(d).removesuffix(".pdf") + "-reviu.pdf"  # riwayat.AKHIRAN_REVIU


def gaya_halaman(d: DataTahun, reviu: bool = False) -> str:
    """CSS paged media: A4, margins, running header and page-numbered footer on every page but
    the cover (Chromium supports @page margin boxes)."""
    judul = _css_string(f"{'Reviu ' if reviu else ''}Laporan Akuntabilitas Kinerja Instansi "
                        f"Pemerintah {d.tahun} · {d.instansi.nama_singkat} {d.instansi.kabupaten}")
    kotak = "font-family: 'DejaVu Sans', sans-serif; font-size: 7.5pt; color: #555;"
    return (
        f"@page {{ size: A4; margin: {MARGIN['top']} {MARGIN['right']} {MARGIN['bottom']} "
        f"{MARGIN['left']};\n"
        f"  @top-right {{ content: {judul}; {kotak} }}\n"
        f'  @bottom-center {{ content: "Halaman " counter(page) " dari " counter(pages); {kotak} }} }}\n'
        "@page :first { @top-right { content: none; } @bottom-center { content: none; } }\n"
    )


def _css_string(teks: str) -> str:
    """A CSS string literal of any text: quotes, backslashes and control characters as CSS hex
    escapes, so that text from data can never end the string or the rule."""
    return '"' + "".join(f"\\{ord(c):x} " if c in '"\\' or ord(c) < 0x20 or ord(c) == 0x7f
                         else c for c in teks) + '"'


def _mm(panjang: str) -> float:
    return float(panjang.removesuffix("mm"))


# The A4 sheet and its text block (the sheet less the margins), in mm
KERTAS = {"width": "210mm", "height": "297mm"}
BLOK = {"lebar": _mm(KERTAS["width"]) - _mm(MARGIN["left"]) - _mm(MARGIN["right"]),
        "tinggi": _mm(KERTAS["height"]) - _mm(MARGIN["top"]) - _mm(MARGIN["bottom"])}

# Print lays the document out at the text block's width, but matches media queries against the
# sheet's width (Chromium's paper size, A4 given explicitly: Letter by default). The prepared
# layout does the same: a window of the sheet's width (for the media queries), and the root
# element as wide as the text block from the document's start, so the charts are drawn once, at
# their printed width (a style sheet adopted before any of the page's scripts run).
_LEBAR_AKAR = ("(() => { const s = new CSSStyleSheet(); "
               f"s.replaceSync('html {{ width: {BLOK['lebar']}mm !important; }}'); "
               "document.adoptedStyleSheets = [...document.adoptedStyleSheets, s]; })()")

# Runs in the prepared print layout: every table, chart, caption or figure that is wider than
# the text block or whose content is cut by its own box, described for the build report.
_LUAPAN = """() => {
  const batas = document.documentElement.getBoundingClientRect().right + 1, hasil = [];
  const nama = e => {
    const c = e.closest('figure, .lakip-tabel-wrap');
    const judul = c && c.querySelector('caption, figcaption');
    return (judul ? judul.textContent : e.textContent).replace(/\\s+/g, ' ').trim().slice(0, 60);
  };
  for (const e of document.querySelectorAll(
      'article table, article figure, article caption, article figcaption, article svg, ' +
      'article .lakip-tabel-wrap, article pre, article img')) {
    const r = e.getBoundingClientRect();
    if (r.width && (r.right > batas || r.left < -1)) hasil.push('melebihi lebar halaman: ' + nama(e));
    else if (getComputedStyle(e).overflowX !== 'visible' && e.scrollWidth > e.clientWidth + 1)
      hasil.push('isi terpotong: ' + nama(e));
  }
  return [...new Set(hasil)];
}"""


DOKUMEN = "lakip-cetak.html"  # the print document's name on the print server
_CETAKAN_KOREKSI = 2  # prints again at most this often when the numbers were not the pages


async def _buka(page: Halaman, url: str) -> None:
    """Start loading the print document (`DOKUMEN`) in print media, laid out as Chromium lays
    out the printed pages (`_LEBAR_AKAR`): the charts are drawn once, at their printed size,
    and the page map found in columns is the printed one. Returns once the navigation started,
    the page loads on in its own renderer."""
    await page.skrip_awal(_LEBAR_AKAR)
    await page.media_cetak()
    await page.ukuran_jendela(round(_mm(KERTAS["width"]) / 25.4 * 96),
                              round(_mm(KERTAS["height"]) / 25.4 * 96))
    await page.buka(f"{url}/{DOKUMEN}")


async def _siapkan(page: Halaman, gaya: str) -> dict[str, int]:
    """A page opened by `_buka`, once loaded with its charts drawn: the page style
    (`gaya_halaman`) and the print preparation (cover first, contents lists) applied, wide
    tables fitted."""
    await page.tunggu_muat()
    await page.nilai(SKRIP.read_text(encoding="utf-8"))
    await page.panggil("lakipTungguGrafik", 60_000)
    await page.panggil("lakipGaya", gaya)
    jumlah: dict[str, int] = await page.nilai("lakipSiapkanCetak()")
    await page.nilai("lakipTunggu()")  # charts re-laid out after the preparation, fonts, images
    await page.nilai("lakipPaskan()")
    return jumlah


async def luapan(page: Halaman) -> list[str]:
    """What does not fit the width of the text block in the prepared print layout."""
    hasil: list[str] = await page.nilai(f"({_LUAPAN})()")
    return hasil


def periksa_cetak(folder_html: Path, dokumen: Path, d: DataTahun) -> list[str]:
    """`luapan` of the print document `dokumen` (`dokumen_cetak`) of the HTML pages in
    `folder_html`, without printing."""
    async def periksa() -> list[str]:
        with server(folder_html, tambahan={DOKUMEN: dokumen}) as url:
            async with chromium_pipa() as b:
                page = await b.halaman_baru()
                await _buka(page, url)
                await _siapkan(page, gaya_halaman(d))
                return await luapan(page)

    return asyncio.run(periksa())


def cetak(folder_html: Path, dokumen: Path, d: DataTahun, tujuan: Path,
          peta_lama: dict[str, int] | None = None) -> dict[str, Any]:
    """Print the edition's print document `dokumen` of the HTML pages in `folder_html` to
    `tujuan` (see `cetak_di`), in a browser of its own."""
    async def cetak_satu() -> dict[str, Any]:
        async with chromium_pipa() as b:
            return await cetak_di(b, Pesanan(
                folder_html, dokumen, gaya_halaman(d), info_dokumen(d), tujuan, peta_lama))

    return asyncio.run(cetak_satu())


@dataclass(frozen=True)
class Pesanan:
    """What a print needs, as plain values (a printer process gets it as JSON): the folder of
    the HTML pages, the print document (`dokumen_cetak`, served at the folder's top as
    `DOKUMEN`), the page style (`gaya_halaman`), the document info (`info_dokumen`), the
    PDF's path, and the page map of the document's previous print if any."""

    folder_html: Path
    dokumen: Path
    gaya: str
    info: dict[str, str]
    tujuan: Path
    peta_lama: dict[str, int] | None = None


async def cetak_di(peramban: Peramban, pesanan: Pesanan, siap: Halaman | None = None
                   ) -> dict[str, Any]:
    """Print in a new page of `peramban` (several documents print at once in one browser, each
    page in its own renderer); return counts for the report and the page map
    ("peta": anchor → page). The contents carry the previous print's page map, else the pages
    found in columns (lakipPerkiraHalaman, about a quarter of a second of the renderer's CPU):
    a small change moves no page, and the print checks its numbers anyway. A print whose own
    map is the numbers it carries is final; otherwise the numbers are filled in again from its
    map (they do not move the layout) and printed once more. `siap`: a blank page opened
    ahead, used for the first print.

    Finding the pages in columns and printing leave no trace (lakipLupakanTata drops the
    layout they leave behind): a page prints byte for byte the same with or without the
    columns, and printed again as a fresh page prints (`test_pdf`), so every path gives a
    clean build's bytes.
    """
    with server(pesanan.folder_html, tambahan={DOKUMEN: pesanan.dokumen}) as url:
        page = siap or await peramban.halaman_baru()
        await _buka(page, url)
        jumlah: dict[str, Any] = dict(await _siapkan(page, pesanan.gaya))
        jumlah["luapan"] = await luapan(page)
        nomor = pesanan.peta_lama
        if nomor is None:
            nomor = await page.panggil("lakipPerkiraHalaman", BLOK)
        jumlah["cetakan"] = 0
        while True:
            await page.panggil("lakipIsiHalaman", nomor)
            akhir = await page.pdf(_mm(KERTAS["width"]), _mm(KERTAS["height"]))
            jumlah["cetakan"] += 1
            # read once: its page map, then its catalog for `berkas_pdf.simpan` (pypdf works
            # in a thread: the other document's print goes on meanwhile)
            pembaca = await asyncio.to_thread(berkas_pdf.baca, akhir)
            peta = await asyncio.to_thread(berkas_pdf.halaman_penanda_pembaca, pembaca)
            if peta == nomor or jumlah["cetakan"] > _CETAKAN_KOREKSI:
                break
            # a page was not where the numbers said: print again with this print's own
            # numbers (they do not move the layout, so the next print's map is this one), as
            # on a freshly loaded page
            nomor = peta
            await page.nilai("lakipLupakanTata()")
        await page.tutup()
    jumlah["peta"] = peta
    penanda = [(x["teks"], x["tingkat"], peta[x["kunci"]]) for x in jumlah.pop("daftar_isi")
               if x["kunci"] in peta]
    jumlah["halaman"] = await asyncio.to_thread(berkas_pdf.simpan, akhir, pesanan.info,
                                                pesanan.tujuan, penanda, pembaca)
    jumlah["tanpa_nomor"] = sum(jumlah[k] for k in ("isi", "tabel", "gambar")) - len(peta)
    return jumlah


def info_dokumen(d: DataTahun, reviu: bool = False) -> dict[str, str]:
    """The PDF's document info: title, author, subject, keywords, and dates from the edition
    (not the clock)."""
    terbit = d.edisi.tanggal_terbit
    if isinstance(terbit, fmt.Bulan):  # known to the month: the PDF date says no more (D:YYYYMM)
        cap = f"D:{terbit.year:04d}{terbit.month:02d}"
    else:
        cap = datetime.combine(terbit, datetime.min.time(), UTC).strftime(
            "D:%Y%m%d%H%M%S+00'00'")
    return {
        "/Title": f"{'Reviu ' if reviu else ''}Laporan Akuntabilitas Kinerja Instansi "
                  f"Pemerintah {d.tahun}",
        "/Author": d.instansi.nama,
        "/Subject": f"LAKIP {d.tahun} {d.instansi.kabupaten} — {rilis.label(d.edisi)}",
        "/Keywords": f"LAKIP, {d.tahun}, {fmt.bulan_tahun(d.edisi.tanggal_terbit)}",
        "/CreationDate": cap, "/ModDate": cap, "/Producer": "lakip", "/Creator": "lakip",
    }

