"""The PDF edition as a reviewer reads it: A4, numbered contents that point right, vector charts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

NAMA = "LAKIP-2024-DP3AP2KB-PMD.pdf"
BAB = ["Ikhtisar Eksekutif", "Bab I Pendahuluan", "Bab II Perencanaan Kinerja",
       "Bab III Akuntabilitas Kinerja", "Bab IV Penutup", "Lampiran"]


@pytest.fixture(scope="module")
def pdf(situs_2024: Path) -> PdfReader:
    return PdfReader(situs_2024 / NAMA)


@pytest.fixture(scope="module")
def halaman(pdf: PdfReader) -> list[str]:
    return [" ".join((p.extract_text() or "").split()) for p in pdf.pages]


def test_a4_portrait(pdf):
    for p in pdf.pages:
        lebar, tinggi = float(p.mediabox.width), float(p.mediabox.height)
        assert abs(lebar - 595.3) < 2 and abs(tinggi - 841.9) < 2


def test_cover_then_foreword_with_head_of_agency(halaman):
    assert "LAPORAN AKUNTABILITAS KINERJA" in halaman[0].upper() and "2024" in halaman[0]
    assert "Halaman" not in halaman[0]
    pengantar = next(t for t in halaman if "Kata Pengantar" in t)
    assert "AKHMAD NASA" in pengantar and "NIP. 19650328 198603 1 008" in pengantar
    assert "Pembina Utama Muda / IV/c" in pengantar


def test_running_footer_on_every_page_but_the_cover(halaman):
    for i, t in enumerate(halaman[1:], start=2):
        assert f"Halaman {i} dari {len(halaman)}" in t, i


def test_daftar_isi_lists_every_chapter_with_the_right_page(halaman):
    daftar = next(t for t in halaman if t.startswith(("Laporan", "Daftar Isi")) and "Daftar Isi" in t)
    for bab in BAB:
        m = re.search(re.escape(bab) + r"[ .]*?(\d+)", daftar)
        assert m, bab
        nomor = int(m.group(1))
        assert bab in halaman[nomor - 1], (bab, nomor)


def test_daftar_tabel_and_gambar_point_to_their_captions(halaman):
    daftar_tabel = next(t for t in halaman if "Daftar Tabel" in t)
    m = re.search(r"Tabel 3\.1 (.+?) (\d{1,3}) (?=Tabel)", daftar_tabel)
    assert m and f"Tabel 3.1 {m.group(1)}" in halaman[int(m.group(2)) - 1]
    daftar_gambar = next(t for t in halaman if "Daftar Gambar" in t)
    m = re.search(r"Gambar 3\.1 (.+?) (\d{1,3}) (?=Gambar)", daftar_gambar)
    assert m and f"Gambar 3.1 {m.group(1)}" in halaman[int(m.group(2)) - 1]


def test_key_figures_in_indonesian_format(halaman):
    semua = " ".join(halaman)
    for angka in ["Rp97.000.169.679", "Rp90.960.332.708", "93,77%", "98,96%", "-1.272,73%",
                  "100,86%", "219,32%"]:
        assert angka in semua, angka


def test_no_code_parameters_or_web_widgets(halaman):
    semua = " ".join(halaman)
    for teks in ["year = 2024", "from lakip_lib", "Pencarian", "Ctrl+K", "Berikut", "Sebelum"]:
        assert teks not in semua, teks


def test_chart_pages_hold_vector_paths_not_only_images(pdf, halaman):
    nomor = next(i for i, t in enumerate(halaman) if "Gambar 3.1 Capaian IKU" in t
                 and "Daftar Gambar" not in t)
    isi = pdf.pages[nomor].get_contents().get_data().decode("latin-1")
    jalur = len(re.findall(r"(?m)\b(?:re|l|c|m)\s*$", isi)) + isi.count(" re\n")
    assert jalur > 20
    sumber = pdf.pages[nomor].get("/Resources") or {}
    assert "/XObject" not in sumber or len(sumber["/XObject"]) < 3


def test_every_html_page_links_the_pdf(situs_2024: Path):
    for path in situs_2024.glob("*.html"):
        if path.name in ("index.html", "search.html", "genindex.html"):
            continue
        assert f'href="{NAMA}"' in path.read_text(), path.name
