"""The PDF edition as a reviewer reads it: A4, numbered contents that point right, vector charts."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from .conftest import DATA, beda, isi_edisi, ubah_sel

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
    daftar_tabel = next(t for t in halaman if "Daftar Tabel Tabel " in t)
    m = re.search(r"Tabel 3\.1 (.+?) (\d{1,3}) (?=Tabel)", daftar_tabel)
    assert m and f"Tabel 3.1 {m.group(1)}" in halaman[int(m.group(2)) - 1]
    daftar_gambar = next(t for t in halaman if "Daftar Gambar Gambar " in t)
    m = re.search(r"Gambar 3\.1 (.+?) (\d{1,3}) (?=Gambar)", daftar_gambar)
    assert m and f"Gambar 3.1 {m.group(1)}" in halaman[int(m.group(2)) - 1]


def test_key_figures_in_indonesian_format(halaman):
    semua = " ".join(halaman)
    for angka in ["Rp97.000.169.679", "Rp90.960.332.708", "93,77%", "98,96%", "-70,00%",
                  "100,86%", "219,32%"]:
        assert angka in semua, angka


def test_no_code_parameters_or_web_widgets(halaman):
    semua = " ".join(halaman)
    for teks in ["tahun = 2024", "from lakip_lib", "Pencarian", "Ctrl+K", "Berikut", "Sebelum"]:
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


# --- Print that fits -----------------------------------------------------------------------

def dicetak(situs: Path) -> tuple[Path, Path]:
    """The HTML pages the PDF was printed from and its print document (kept in the build
    folder)."""
    kerja = situs.parent.parent / "jb" / situs.name
    return kerja / "out" / "html" / "_build" / "html", kerja / "cetak.html"


def test_nothing_is_wider_than_the_text_block_in_print(situs_2024):
    from lakip_lib import data, pdf

    assert pdf.periksa_cetak(*dicetak(situs_2024), data.muat(2024)) == []


def test_print_check_finds_a_table_wider_than_the_page(tmp_path):
    from lakip_lib import data, pdf

    sel = "".join(f"<td>{'x' * 40}</td>" for _ in range(8))
    (tmp_path / "sampul.html").write_text(
        f'<article class="bd-article"><div class="lakip-tabel-wrap" style="overflow:auto">'
        f'<table class="lakip-tabel"><caption>Tabel X Lebar</caption><tr>{sel}</tr></table>'
        f"</div></article>", encoding="utf-8")
    assert pdf.periksa_cetak(tmp_path, tmp_path / "sampul.html", data.muat(2024)) == [
        "isi terpotong: Tabel X Lebar", "melebihi lebar halaman: Tabel X Lebar"]


def _baris_isi(path: Path) -> list[list[str]]:
    """Per page, the text lines without the running header and footer."""
    teks = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    return [[b.strip() for b in hal.splitlines() if b.strip() and not b.strip().startswith(
        ("Laporan Akuntabilitas Kinerja Instansi Pemerintah 2024 ·", "Halaman "))]
            for hal in teks.split("\f")[:-1]]


@pytest.fixture(scope="module")
def baris(situs_2024) -> list[list[str]]:
    return _baris_isi(situs_2024 / NAMA)


def test_no_page_holds_only_a_heading_or_a_lone_line(baris):
    hampir_kosong = {i: b for i, b in enumerate(baris, start=1) if len(b) < 3}
    assert hampir_kosong == {}


def _isi_terpakai(path: Path) -> list[float]:
    """Per page, how far down the A4 text block (20 mm top and 18 mm bottom margin) its content
    reaches, from 0 to 1; the running header and footer are left out."""
    bbox = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    atas, bawah = 20 / 25.4 * 72, 841.9 - 18 / 25.4 * 72
    hasil = []
    for hal in re.findall(r"<page [^>]*>(.*?)</page>", bbox, re.S):
        kata = re.findall(r'yMax="([\d.]+)">([^<]*)<', hal)
        baris: dict[float, list[str]] = {}
        for y, k in kata:
            baris.setdefault(float(y), []).append(k)
        isi = [y for y, k in baris.items()
               if not " ".join(k).startswith(("Laporan Akuntabilitas", "Halaman "))]
        hasil.append((max(isi, default=atas) - atas) / (bawah - atas))
    return hasil


def halaman_setengah_kosong(path: Path, awal_bab: set[int]) -> list[int]:
    """Pages whose content ends above the middle of the text block while the next page goes on
    with the same chapter and opens (within its first three lines) with a table: a table that
    could have started there was moved whole to the next page (with the heading before it).
    A chart, which cannot break, may still move on and leave space."""
    terpakai, baris = _isi_terpakai(path), _baris_isi(path)
    return [i for i, t in enumerate(terpakai[:-1], start=1)
            if t < 0.5 and i + 1 not in awal_bab
            and any(re.match(r"Tabel [\w.]+\.\d+ ", b) for b in baris[i][:3])]


def test_no_page_is_left_half_empty_before_a_table(situs_2024, pdf):
    awal_bab = {nomor for tingkat, _, nomor in _penanda(pdf) if tingkat == 1}
    assert halaman_setengah_kosong(situs_2024 / NAMA, awal_bab) == []


def _penanda(pdf: PdfReader) -> list[tuple[int, str, int]]:
    hasil = []

    def jalan(daftar, tingkat):
        for x in daftar:
            if isinstance(x, list):
                jalan(x, tingkat + 1)
            else:
                hasil.append((tingkat, x.title, pdf.get_destination_page_number(x) + 1))
    jalan(pdf.outline, 1)
    return hasil


def test_bookmarks_list_every_chapter_and_section_at_its_page(pdf, baris):
    penanda = _penanda(pdf)
    utama = [j for t, j, _ in penanda if t == 1]
    assert utama[:4] == ["Kata Pengantar", "Daftar Isi", "Daftar Tabel", "Daftar Gambar"]
    assert [j for j in utama if j in BAB] == BAB
    assert any(t == 2 and j == "1.1 Latar Belakang" for t, j, _ in penanda)
    for _, judul, nomor in penanda:
        assert judul in " ".join(" ".join(baris[nomor - 1]).split()), (judul, nomor)


def test_headings_keep_with_what_follows(pdf, baris):
    for _, judul, nomor in _penanda(pdf):
        isi = baris[nomor - 1]
        letak = next(i for i, b in enumerate(isi) if b.startswith(judul[:30]))
        assert len(isi) - letak >= 2, (judul, nomor, isi[letak:])  # not last on its page


def test_pdf_is_tagged_and_in_indonesian(pdf):
    akar = pdf.trailer["/Root"]
    assert akar["/Lang"] == "id"
    assert bool(akar["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in akar
    assert pdf.metadata.title.startswith("Laporan Akuntabilitas Kinerja Instansi Pemerintah")


def test_links_point_into_the_pdf_or_outside_never_to_the_print_server(pdf):
    alamat = [a["/A"].get("/URI", "") for hal in pdf.pages for a in
              (x.get_object() for x in hal.get("/Annots") or []) if "/A" in a]
    assert not [u for u in alamat if "127.0.0.1" in u or "localhost" in u]


def test_penutup_is_signed_by_the_head_of_agency(baris):
    import yaml

    kepala = yaml.safe_load((Path(__file__).parent.parent / "data" / "2024" / "edisi.yaml")
                            .read_text(encoding="utf-8"))["kepala"]
    awal = next(i for i, b in enumerate(baris) if "Bab IV Penutup" in b)  # the heading line
    lampiran = next(i for i in range(awal + 1, len(baris)) if "Lampiran" in baris[i])
    penutup = " ".join(" ".join(b) for b in baris[awal:lampiran])
    assert kepala["nama"] in penutup and f"NIP. {kepala['nip']}" in penutup


def test_print_document_nests_the_pages_as_the_singlehtml_builder_does(tmp_path: Path):
    """The root page holds every part in the order of the table of contents, a section's page
    inside its chapter's, each after an anchor `document-<page>`, headings one level deeper per
    level of nesting but rubrics (as the singlehtml builder wrote the book the PDF was printed
    from until it was assembled from the pages); what lies outside the root's article (head,
    scripts) stays the root's, titled as the book, without the page's security policy (an
    incremental build's unchanged pages carry it: it would refuse the print's scripts)."""
    from lakip_lib import csp, dokumen_cetak

    def halaman(nama: str, isi: str) -> None:
        (tmp_path / f"{nama}.html").write_text(csp.pasang(
            f'<html><head><meta charset="utf-8"><title>{nama} &#8212; Buku &amp; Co</title>'
            f'</head><body><nav>menu {nama}</nav><article class="bd-article">\n  {isi}\n'
            f"</article><footer>{nama}</footer></body></html>"), encoding="utf-8")

    halaman("sampul", '<section id="lakip"><h1>LAKIP</h1><p>sampul</p>\n'
            '<div class="toctree-wrapper compound">\n</div>\n</section>')
    halaman("bab1", '<section id="bab-1"><h1>Bab 1</h1><section id="s"><h2>1.1</h2></section>'
            "</section>")
    halaman("bab3", '<section id="bab-3"><h1>Bab 3</h1><p>x</p></section>')
    halaman("s1", '<section id="s-1"><h1>Sasaran 1</h1><h2 class="rubric">Konteks</h2>'
            "<h2>a.</h2></section>")
    toc = {"root": "sampul", "chapters": [{"file": "bab1"},
                                          {"file": "bab3", "sections": [{"file": "s1"}]}]}
    teks = dokumen_cetak.susun(tmp_path, toc)
    assert teks.startswith('<html><head><meta charset="utf-8"><title>Buku &amp; Co</title>')
    assert "Content-Security-Policy" not in teks and "menu sampul" in teks
    assert "menu bab1" not in teks and teks.endswith("<footer>sampul</footer></body></html>")
    urutan = [teks.index(t) for t in ("<h1>LAKIP", 'id="document-bab1"', "<h2>Bab 1",
                                      "<h3>1.1", 'id="document-bab3"', "<h2>Bab 3",
                                      'id="document-s1"', "<h3>Sasaran 1",
                                      '<h2 class="rubric">Konteks</h2>', "<h4>a.</h4>")]
    assert urutan == sorted(urutan)
    bab3 = teks[teks.index('<section id="bab-3">'):]
    assert bab3.index('id="document-s1"') < bab3.index("</section>")  # nested in its chapter
    assert teks.count("<article") == 1 and teks.count('<div class="toctree-wrapper') == 2
    reviu = dokumen_cetak.susun(tmp_path, {"root": "bab3"})  # a page alone keeps its title
    assert "<title>bab3 &#8212; Buku &amp; Co</title>" in reviu and "document-" not in reviu


def test_incremental_pdf_is_the_clean_pdf_byte_for_byte(situs_2024: Path, tmp_path: Path):
    """IDG 2024 changed, then changed back, in a copy of the session build: each rebuild
    re-executes only the pages that show it and prints from the previous print's page numbers
    (one pass); the second one's edition, both PDFs included, is byte for byte the clean
    session build's (which printed twice). It once differed in the tagged structure's element
    ids and by a pixel on some pages: a second print of the same page lays it out again."""
    from lakip_lib import build

    folder = tmp_path / "_build"
    shutil.copytree(situs_2024.parent.parent, folder, symlinks=True)
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    berkas = data / "realisasi.csv"
    asli = berkas.read_bytes()
    baris = next(i for i, b in enumerate(asli.decode().splitlines(), start=1)
                 if b.startswith("IKU1,2024,"))
    ubah_sel(berkas, baris, "realisasi", "73.75")
    diubah = build.bangun(2024, data, folder, lapor=lambda _: None)
    assert "73,75" in (diubah.situs / "ikhtisar.html").read_text(encoding="utf-8")
    assert (diubah.situs / NAMA).read_bytes() != (situs_2024 / NAMA).read_bytes()
    berkas.write_bytes(asli)
    laporan: list[str] = []
    hasil = build.bangun(2024, data, folder, lapor=laporan.append)
    assert hasil.eksekusi.dari_cache and "ikhtisar" in hasil.eksekusi.waktu
    assert any(NAMA in b and "1 kali cetak" in b for b in laporan), laporan
    for nama in (NAMA, NAMA.replace(".pdf", "-reviu.pdf")):
        assert (hasil.situs / nama).read_bytes() == (situs_2024 / nama).read_bytes(), nama
    # the build stamp records where the inputs came from (a git checkout or not), no content
    assert set(beda(isi_edisi(situs_2024), isi_edisi(hasil.situs))) <= {build.STEMPEL}


class _PencetakCatat:
    """A printer that records the jobs it is handed and prints each as the session build's
    PDF of that document with a comment appended."""

    def __init__(self, situs: Path) -> None:
        self.situs = situs
        self.pesanan: list[Any] = []

    def cetak(self, pesanan: Any) -> None:
        self.pesanan.append(pesanan)
        nama = NAMA if pesanan.dokumen.stem == "cetak" else NAMA.replace(".pdf", "-reviu.pdf")
        pesanan.tujuan.write_bytes((self.situs / nama).read_bytes() + b"% pengganti\n")

    def hasil(self) -> dict[str, Any]:
        return {"peta": {}, "halaman": 1, "cetakan": 1, "luapan": []}


@pytest.mark.parametrize("peta_lama", ["tidak_ada", "benar", "salah"])
def test_one_print_from_the_columns_or_the_previous_map_and_a_wrong_map_costs_a_print(
        situs_2024: Path, tmp_path: Path, peta_lama: str):
    """Without a previous page map the contents numbers are found in columns
    (lakipPerkiraHalaman): for 2024 they are the printed pages, one print. With the previous
    print's right map the columns are skipped, and the bytes are the same: the columns leave
    no trace in the printed layout. With a wrong map (every anchor on page 1) the print finds
    its own map, prints again, and publishes the same bytes."""
    from lakip_lib import berkas_pdf, data, pdf

    diterbitkan = (situs_2024 / NAMA).read_bytes()
    benar = berkas_pdf.halaman_penanda(diterbitkan)
    peta = {"tidak_ada": None, "benar": benar, "salah": dict.fromkeys(benar, 1)}[peta_lama]
    hasil = pdf.cetak(*dicetak(situs_2024), data.muat(2024, DATA), tmp_path / NAMA, peta)
    assert hasil["cetakan"] == (2 if peta_lama == "salah" else 1)
    assert (tmp_path / NAMA).read_bytes() == diterbitkan


@pytest.mark.parametrize("peta", [{"lakip-hal-1": "3"}, {"lakip-hal-1": -1}, [3], {"x": 10**12},
                                  {"lakip-hal-1": True}, "x"])
def test_a_page_map_read_back_of_another_shape_is_ignored(tmp_path: Path, peta: object):
    from lakip_lib import cetak_edisi

    def peta_dibaca() -> dict[str, int] | None:
        return cetak_edisi.peta_lama(cetak_edisi.baca_catatan(tmp_path, cetak_edisi.CETAK_BUKU),
                                     "b")

    catatan = tmp_path / f"sidik-{cetak_edisi.CETAK_BUKU}.json"
    catatan.write_text(json.dumps({"bentuk": "b", "peta": peta}), encoding="utf-8")
    assert peta_dibaca() is None
    catatan.write_text(json.dumps({"bentuk": "b", "peta": {"lakip-hal-1": 3}}), encoding="utf-8")
    assert peta_dibaca() == {"lakip-hal-1": 3}
    catatan.write_text("{", encoding="utf-8")
    assert peta_dibaca() is None


def test_a_previous_page_map_is_used_only_for_a_document_of_the_same_structure(tmp_path: Path):
    """A changed figure or word keeps the structure (the previous print's map is the first
    guess); a row, a paragraph or a section more or less does not (its pages moved: they are
    found in columns instead of printing twice)."""
    from lakip_lib import cetak_edisi

    dokumen = "<h2>Temuan</h2><p>Realisasi 73,27%.</p><table><tr><td>1</td></tr></table>"
    bentuk = cetak_edisi.bentuk_dokumen(dokumen)
    assert cetak_edisi.bentuk_dokumen(dokumen.replace("73,27", "73,28 persen")) == bentuk
    for berubah in (dokumen.replace("</table>", "<tr><td>2</td></tr></table>"),
                    dokumen.replace("</p>", "</p><p>Temuan baru.</p>"),
                    dokumen.replace("<h2>Temuan</h2>", "")):
        assert cetak_edisi.bentuk_dokumen(berubah) != bentuk
    peta = {"lakip-hal-1": 3}
    assert cetak_edisi.peta_lama({"bentuk": bentuk, "peta": peta}, bentuk) == peta
    assert cetak_edisi.peta_lama({"bentuk": "lain", "peta": peta}, bentuk) is None
    assert cetak_edisi.peta_lama({"peta": peta}, bentuk) is None  # a record of an older build


def test_a_document_whose_print_input_did_not_change_is_not_printed_again(situs_2024: Path,
                                                                          tmp_path: Path):
    """In a copy of the session build's work folder: with nothing changed neither document is
    handed to a printer and both PDFs stay; a changed review page prints the review only; a PDF
    whose bytes are not the recorded print's is printed again."""
    from lakip_lib import cetak_edisi, data

    kerja = tmp_path / "2024"
    shutil.copytree(situs_2024.parent.parent / "jb" / "2024", kerja, symlinks=True)
    html = kerja / "out" / "html" / "_build" / "html"
    buku, reviu = html / NAMA, html / NAMA.replace(".pdf", "-reviu.pdf")
    asli = buku.read_bytes()
    d = data.muat(2024, DATA)

    def cetak() -> tuple[list[str], list[str]]:
        pencetak, laporan = _PencetakCatat(situs_2024), []
        cetak_edisi.cetak(pencetak, d, html, kerja, laporan.append)  # type: ignore[arg-type]
        return [p.dokumen.stem for p in pencetak.pesanan], laporan

    diserahkan, laporan = cetak()
    assert diserahkan == [], laporan
    assert sum("tidak dicetak ulang" in b for b in laporan) == 2, laporan
    assert buku.read_bytes() == asli == (situs_2024 / NAMA).read_bytes()

    halaman_reviu = html / "reviu.html"
    halaman_reviu.write_text(halaman_reviu.read_text(encoding="utf-8").replace(
        "</article>", "<p>Catatan baru.</p></article>", 1), encoding="utf-8")
    assert cetak()[0] == [cetak_edisi.CETAK_REVIU]
    assert reviu.read_bytes().endswith(b"% pengganti\n")
    assert buku.read_bytes() == asli
    assert cetak()[0] == []  # the review's new print is recorded as such

    buku.write_bytes(asli + b"\n")
    assert cetak()[0] == [cetak_edisi.CETAK_BUKU]

    # the record is read back as input: any other shape, or a warning with a control
    # character (it would be written to the terminal), means the document is printed
    catatan = kerja / f"sidik-{cetak_edisi.CETAK_REVIU}.json"
    benar = json.loads(catatan.read_text(encoding="utf-8"))
    for rusak in ({**benar, "luapan": ["isi terpotong: \x1b[2J"]}, {**benar, "halaman": "76"},
                  {**benar, "sha256": None}, [benar]):
        catatan.write_text(json.dumps(rusak), encoding="utf-8")
        assert cetak()[0] == [cetak_edisi.CETAK_REVIU], rusak


def test_a_failed_print_ends_the_printer_with_its_error(tmp_path: Path):
    """The printer prints the jobs it is handed at once; when one fails (here its PDF cannot be
    written) the process ends and the build gets the error, instead of waiting for an answer
    that never comes; a job it cannot read ends it the same way."""
    from lakip_lib import pdf
    from lakip_lib.pencetak import CetakGagal, Pencetak

    (tmp_path / "dokumen.html").write_text(
        '<!DOCTYPE html><html lang="id"><body><article class="bd-article"><h2 id="a">Bab</h2>'
        "<p>Isi.</p></article></body></html>", encoding="utf-8")
    pencetak = Pencetak()
    try:
        pencetak.cetak(pdf.Pesanan(tmp_path, tmp_path / "dokumen.html", "@page { size: A4 }", {},
                                   tmp_path / "tidak-ada" / "hasil.pdf"))
        with pytest.raises(CetakGagal, match="FileNotFoundError"):
            pencetak.hasil()
    finally:
        pencetak.hentikan()
    pencetak = Pencetak()
    try:
        assert pencetak.proses.stdin is not None
        pencetak.proses.stdin.write('{"folder_html": "/"}\n')
        pencetak.proses.stdin.flush()
        with pytest.raises(CetakGagal, match="KeyError"):
            pencetak.hasil()
    finally:
        pencetak.hentikan()
