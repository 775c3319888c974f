"""The PDF edition: Jupyter Book's singlehtml printed to A4 by headless Chromium.

Why this route: Chromium prints the live Vega charts as vector graphics and keeps the site's
look, and wide tables wrap instead of overflowing (LaTeX handles them poorly). Chromium cannot
number a table of contents by itself, so printing takes two passes: the first PDF tells on which
page each invisible marker landed; the second fills in the numbers (markers are absolutely
positioned, so removing them changes no layout). The cover is printed without running header and
footer and merged in front with pypdf.
"""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pypdf import PdfReader, PdfWriter

from lakip_lib import format as fmt
from lakip_lib.data import DataTahun
from lakip_lib.peramban import chromium, server

SKRIP = Path(__file__).with_name("cetak.js")
PENANDA = re.compile(r"zq(\d+)qz")
MARGIN = {"top": "20mm", "bottom": "18mm", "left": "17mm", "right": "17mm"}


def nama_berkas(d: DataTahun) -> str:
    singkat = re.sub(r"[^A-Za-z0-9-]+", "-", d.instansi["nama_singkat"]).strip("-")
    return f"LAKIP-{d.tahun}-{singkat}.pdf"


def _templat(d: DataTahun) -> tuple[str, str]:
    gaya = "font-size:7.5pt;font-family:DejaVu Sans,sans-serif;color:#555;width:100%;margin:0 17mm;"
    judul = (f"Laporan Akuntabilitas Kinerja Instansi Pemerintah {d.tahun} · "
             f"{d.instansi['nama_singkat']} {d.instansi['kabupaten']}")
    kepala = f'<div style="{gaya}text-align:right;">{_aman(judul)}</div>'
    kaki = (f'<div style="{gaya}text-align:center;">Halaman <span class="pageNumber"></span> '
            'dari <span class="totalPages"></span></div>')
    return kepala, kaki


def _aman(teks: str) -> str:
    return teks.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def halaman_penanda(pdf: bytes) -> dict[str, int]:
    """Marker key → 1-based page number, read from the text of each page."""
    peta: dict[str, int] = {}
    for i, hal in enumerate(PdfReader(io.BytesIO(pdf)).pages, start=1):
        for m in PENANDA.finditer((hal.extract_text() or "").replace(" ", "")):
            peta.setdefault(m.group(0), i)
    return peta


def cetak(folder_html: Path, d: DataTahun, tujuan: Path) -> dict[str, Any]:
    """Print the singlehtml build in `folder_html` to `tujuan`; return counts for the report."""
    kepala, kaki = _templat(d)
    with server(folder_html) as url, chromium() as b:
        page = b.new_page()
        page.goto(f"{url}/sampul.html", wait_until="load")
        page.wait_for_function(
            "() => [...document.querySelectorAll('.lakip-vega')].every(d => d.querySelector('svg'))",
            timeout=60_000)
        page.add_script_tag(content=SKRIP.read_text(encoding="utf-8"))
        jumlah = page.evaluate("lakipSiapkanCetak()")
        page.emulate_media(media="print")
        opsi = {"format": "A4", "margin": MARGIN, "print_background": True}
        pertama = page.pdf(**opsi)
        peta = halaman_penanda(pertama)
        page.evaluate("peta => lakipIsiHalaman(peta)", peta)
        sampul = page.pdf(**opsi, page_ranges="1")
        isi = page.pdf(**opsi, display_header_footer=True, header_template=kepala,
                       footer_template=kaki)
    jumlah["halaman"] = _gabung(sampul, isi, d, tujuan)
    jumlah["tanpa_nomor"] = sum(jumlah[k] for k in ("isi", "tabel", "gambar")) - len(peta)
    return jumlah


def _gabung(sampul: bytes, isi: bytes, d: DataTahun, tujuan: Path) -> int:
    """Cover (no header/footer) + pages 2… of the body, with stable metadata."""
    penulis = PdfWriter()
    penulis.append(PdfReader(io.BytesIO(sampul)))
    badan = PdfReader(io.BytesIO(isi))
    for hal in badan.pages[1:]:
        penulis.add_page(hal)
    tanggal = datetime.combine(d.edisi["tanggal_terbit"], datetime.min.time(), UTC)
    cap = tanggal.strftime("D:%Y%m%d%H%M%S+00'00'")
    penulis.add_metadata({
        "/Title": f"Laporan Akuntabilitas Kinerja Instansi Pemerintah {d.tahun}",
        "/Author": d.instansi["nama"],
        "/Subject": f"LAKIP {d.tahun} {d.instansi['kabupaten']} — {d.edisi['label']}",
        "/Keywords": f"LAKIP, {d.tahun}, {fmt.bulan_tahun(d.edisi['tanggal_terbit'])}",
        "/CreationDate": cap, "/ModDate": cap, "/Producer": "lakip", "/Creator": "lakip",
    })
    sementara = tujuan.with_suffix(".tmp")
    with sementara.open("wb") as f:
        penulis.write(f)
    sementara.replace(tujuan)
    return len(penulis.pages)
