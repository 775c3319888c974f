"""Open data: every table downloadable as the CSV of what it shows, the data package with the
book's results, and the PDF's accessibility metadata (read as a reader or a program would)."""

from __future__ import annotations

import csv
import io
import re
from decimal import Decimal
from html import unescape
from itertools import pairwise
from pathlib import Path

import pytest

from lakip_lib.csv_terbit import angka_tampilan
from lakip_lib.tampilan import Nilai
from lakip_lib.tampilan_tabel import Lajur, tabel_dari


@pytest.mark.parametrize(("teks", "hasil"), [
    ("98,96%", ("98.96", "%")),
    ("-1.272,73%", ("-1272.73", "%")),
    ("13.330.460.029", ("13330460029", "")),
    ("100,00%", ("100.00", "%")),
    ("2,31 anak per perempuan", ("2.31", "anak per perempuan")),
    ("34 per 1.000 perempuan 15–19 tahun", ("34", "per 1.000 perempuan 15–19 tahun")),
    ("Rp1.500", ("1500", "Rp")),
    ("-Rp1.500", ("-1500", "Rp")),
    ("2024", ("2024", "")),
])
def test_a_displayed_figure_reads_back_as_a_plain_number_and_its_unit(teks, hasil):
    assert angka_tampilan(teks) == hasil


@pytest.mark.parametrize("teks", ["≤ 50,00", "belum tersedia", "73,27 ÷ 74,04", "1,2,3",
                                  "P01.K01", "12.34", "=1+1", ""])
def test_text_that_is_not_one_figure_stays_text(teks):
    assert angka_tampilan(teks) is None


def _baca(teks: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(teks)))


def test_table_csv_puts_a_shared_unit_in_the_header_and_a_varying_one_in_a_column():
    t = tabel_dari("3.1", "Capaian", [Lajur("Indikator"), Lajur("Target", True),
                                       Lajur("Realisasi", True), Lajur("Capaian", True)], [
        ("IDG", "74,04", "73,27", Nilai("98,96%", "IKU1.capaian")),
        ("TFR", "2,33 anak per perempuan", "2,31 anak per perempuan", "100,86%"),
        ("Kasus", "5,50%", "belum tersedia", "belum tersedia"),
    ])
    assert _baca(t.csv()) == [
        ["Indikator", "Target", "Realisasi", "Satuan", "Capaian (%)"],
        ["IDG", "74.04", "73.27", "", "98.96"],
        ["TFR", "2.33", "2.31", "anak per perempuan", "100.86"],
        ["Kasus", "5.50", "", "%", ""],
    ]


def test_table_csv_names_each_rows_level_so_a_column_sums_without_a_trap():
    t = tabel_dari("3.32", "Anggaran", [Lajur("Kode"), Lajur("Anggaran (Rp)", True)], [
        ("P01", "300"), ("P01.K01", "300"), ("P01.K01.S01", "1.300")],
        kelas_baris=("program", "kegiatan", "subkegiatan"))
    assert _baca(t.csv()) == [["Tingkat", "Kode", "Anggaran (Rp)"], ["program", "P01", "300"],
                              ["kegiatan", "P01.K01", "300"],
                              ["sub kegiatan", "P01.K01.S01", "1300"]]


def test_table_csv_opens_formulas_as_text_and_keeps_negative_figures_numbers():
    t = tabel_dari("L.6", "Temuan", [Lajur("Hitungan"), Lajur("Capaian", True)],
                   [("=HYPERLINK(\"x\")", "-70,00%"), ("@SUM(A1)", "1,00%")])
    assert _baca(t.csv())[1:] == [["'=HYPERLINK(\"x\")", "-70.00"], ["'@SUM(A1)", "1.00"]]


def test_the_download_link_travels_with_its_csv_and_a_plain_table_has_none():
    t = tabel_dari("IE.2", "Jumlah", [Lajur("Kategori"), Lajur("Jumlah IKU", True)],
                   [("Tinggi", "2")])
    data, metadata = t._repr_mimebundle_()
    assert 'href="tabel/tabel-ie-2.csv" download>Unduh CSV' in data["text/html"]
    assert data["text/csv"] == t.csv() and metadata == {"text/csv": {"berkas": "tabel-ie-2.csv"}}
    assert "Unduh CSV" not in t.html()


# --- the built edition ------------------------------------------------------------------------

def _tabel_halaman(situs: Path) -> list[tuple[str, str, str]]:
    """(page, table number, the table's HTML) of every table on every page."""
    hasil = []
    for halaman in sorted(situs.glob("*.html")):
        isi = halaman.read_text(encoding="utf-8")
        for m in re.finditer(r'<table class="lakip-tabel">.*?</table>.*?(?=<table class|$)', isi,
                             re.S):
            nomor = re.search(r'<span class="lakip-nomor">Tabel ([^<]+)</span>', m.group(0))
            assert nomor, halaman
            hasil.append((halaman.name, nomor.group(1), m.group(0)))
    return hasil


def test_every_table_links_its_csv_with_what_it_shows(situs_2024: Path):
    tabel = _tabel_halaman(situs_2024)
    assert len(tabel) >= 45
    terbit = sorted(p.name for p in (situs_2024 / "tabel").iterdir())
    # the review (reviu.html) shows the edition's tables again under their numbers: one file each
    assert terbit == sorted({f"tabel-{n.lower().replace('.', '-')}.csv" for _, n, _ in tabel})
    for halaman, nomor, isi in tabel:
        nama = f"tabel-{nomor.lower().replace('.', '-')}.csv"
        assert (f'<a href="tabel/{nama}" download>Unduh CSV<span class="lakip-sr"> Tabel '
                f"{nomor}</span></a>") in isi, (halaman, nomor)
        mentah = (situs_2024 / "tabel" / nama).read_bytes()
        assert mentah.startswith("\ufeff".encode())
        baris = _baca(mentah.decode("utf-8-sig"))
        kepala = len(re.findall(r'<th scope="col"', isi.split("</thead>")[0]))
        assert len(baris) - 1 == isi.split("<tbody>")[1].split("</tbody>")[0].count("<tr")
        assert kepala <= len(baris[0]) <= kepala + 3, (nama, baris[0])
        for j, judul in enumerate(baris[0]):  # a figure in a column with a unit is a plain
            if judul.endswith(("(%)", "(Rp)")):  # number ("≤ 50,00", a band, stays text)
                assert not any(re.fullmatch(r"-?[\d.]+,\d+%?|-?\d{1,3}(\.\d{3})+", b[j])
                               for b in baris[1:]), (nama, judul)


def test_a_tables_csv_holds_the_figures_the_page_shows(situs_2024: Path):
    with (situs_2024 / "tabel" / "tabel-3-1.csv").open(encoding="utf-8-sig") as f:
        baris = list(csv.DictReader(f))
    isi = unescape((situs_2024 / "bab3_capaian.html").read_text(encoding="utf-8"))
    for b in baris:
        capaian = Decimal(b["Capaian (%)"])
        assert f"{capaian:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".") + "%" \
            in isi
    anggaran = list(csv.DictReader(
        (situs_2024 / "tabel" / "tabel-3-32.csv").open(encoding="utf-8-sig")))
    program = sum(int(b["Anggaran (Rp)"]) for b in anggaran if b["Tingkat"] == "program")
    sub = sum(int(b["Anggaran (Rp)"]) for b in anggaran if b["Tingkat"] == "sub kegiatan")
    assert program == sub > 0


# --- the data package ------------------------------------------------------------------------

def _paket(situs: Path) -> dict:
    import json

    return json.loads((situs / "data" / "datapackage.json").read_text(encoding="utf-8"))


def test_every_field_of_the_data_package_has_a_title_and_a_description(situs_2024: Path):
    kolom = [k for s in _paket(situs_2024)["resources"] for k in s["schema"]["fields"]]
    assert len(kolom) > 120
    tanpa = [k["name"] for k in kolom if not k.get("title") or not k.get("description")]
    assert tanpa == []
    assert all(k["description"].endswith(".") for k in kolom)


def test_the_data_package_validates_with_frictionless(situs_2024: Path):
    from frictionless import Package

    laporan = Package(str(situs_2024 / "data" / "datapackage.json")).validate()
    galat = [(t.name, e.message) for t in laporan.tasks for e in t.errors]
    assert laporan.valid, galat[:10]
    assert laporan.stats["tasks"] >= 25


def test_the_book_results_are_in_the_data_package_as_the_book_shows_them(situs_2024: Path):
    hasil = {s["name"]: s for s in _paket(situs_2024)["resources"] if s["path"].startswith(
        "2024/hasil/")}
    assert set(hasil) >= {"hasil-capaian-indikator", "hasil-anggaran-program",
                          "hasil-anggaran-kegiatan", "hasil-anggaran-subkegiatan",
                          "hasil-kinerja-program", "hasil-efisiensi"}

    def baca(nama: str) -> list[dict[str, str]]:
        with (situs_2024 / "data" / hasil[nama]["path"]).open(encoding="utf-8") as f:
            return list(csv.DictReader(f))

    capaian = {(b["indikator"], b["tahun"]): b for b in baca("hasil-capaian-indikator")}
    idg = capaian[("IKU1", "2024")]
    assert (idg["target"], idg["realisasi"], idg["capaian"], idg["kategori"]) == (
        "74.04", "73.27", "98.96", "Sangat Tinggi")
    assert capaian[("IKU2", "2024")]["capaian"] == "0.00"  # a change: bounded at 0%
    assert len({t for _, t in capaian}) >= 3  # earlier years too
    # each budget level sums to the same total: no column adds a level to its own parts
    total = {t: sum(int(b["anggaran"]) for b in baca(f"hasil-anggaran-{t}"))
             for t in ("program", "kegiatan", "subkegiatan")}
    assert len(set(total.values())) == 1, total
    ikhtisar = unescape((situs_2024 / "ikhtisar.html").read_text(encoding="utf-8"))
    assert f"{total['program']:,}".replace(",", ".") in ikhtisar
    halaman = (situs_2024 / "data" / "index.html").read_text(encoding="utf-8")
    masukan, _, hasil_ = halaman.partition("<h2>Hasil perhitungan</h2>")
    assert 'href="2024/hasil/anggaran_program.csv"' in hasil_
    assert "hasil/" not in masukan and 'href="2024/anggaran.csv"' in masukan


# --- the PDF's accessibility -------------------------------------------------------------------

STANDAR_PDF17 = {
    "/Document", "/Part", "/Art", "/Sect", "/Div", "/BlockQuote", "/Caption", "/TOC", "/TOCI",
    "/Index", "/NonStruct", "/Private", "/P", "/H", "/H1", "/H2", "/H3", "/H4", "/H5", "/H6",
    "/L", "/LI", "/Lbl", "/LBody", "/Table", "/TR", "/TH", "/TD", "/THead", "/TBody", "/TFoot",
    "/Span", "/Quote", "/Note", "/Reference", "/BibEntry", "/Code", "/Link", "/Annot", "/Ruby",
    "/RB", "/RT", "/RP", "/Warichu", "/WT", "/WP", "/Figure", "/Formula", "/Form"}


@pytest.fixture(scope="module")
def pdf(situs_2024: Path):
    from pypdf import PdfReader

    return PdfReader(situs_2024 / "LAKIP-2024-DP3AP2KB-PMD.pdf")


def _unsur(pdf) -> list[tuple[str, object]]:
    """(structure type, /Alt) of every structure element, in reading order."""
    hasil: list[tuple[str, object]] = []

    def jalan(e) -> None:
        e = e.get_object()
        if not hasattr(e, "get"):
            return
        if e.get("/S") is not None:
            hasil.append((str(e["/S"]), e.get("/Alt")))
        anak = e.get("/K")
        for a in anak if isinstance(anak, list) else [anak] if anak is not None else []:
            jalan(a)

    jalan(pdf.trailer["/Root"]["/StructTreeRoot"])
    return hasil


def test_pdf_carries_xmp_metadata_from_the_edition(pdf):
    xmp = pdf.xmp_metadata
    assert xmp.dc_title == {"x-default": "Laporan Akuntabilitas Kinerja Instansi Pemerintah 2024"}
    assert xmp.dc_language == ["id"] and xmp.dc_creator == [pdf.metadata.author]
    # the edition's date, known to the month ("Januari 2025"): the XMP says 2025-01, no day
    assert xmp.xmp_create_date.isoformat() == "2025-01-01T00:00:00"
    assert b"<xmp:CreateDate>2025-01</xmp:CreateDate>" in xmp.stream.get_data()
    assert xmp.xmp_modify_date == xmp.xmp_create_date


def test_pdf_structure_types_are_valid_for_the_declared_version(pdf):
    akar = pdf.trailer["/Root"]
    assert akar["/Version"] == "/1.7"
    peta = akar["/StructTreeRoot"].get("/RoleMap", {})
    assert all(str(v) in STANDAR_PDF17 for v in peta.values())
    tipe = {s for s, _ in _unsur(pdf)}
    assert {"/Strong", "/Table", "/Figure"} <= tipe
    assert tipe <= STANDAR_PDF17 | set(peta), tipe - STANDAR_PDF17 - set(peta)


def test_pdf_has_one_h1_per_chapter_and_headings_start_at_h1(pdf):
    from tests.test_pdf import BAB

    judul = [s for s, _ in _unsur(pdf) if re.fullmatch(r"/H\d", s)]
    assert judul[0] == "/H1"
    assert judul.count("/H1") >= len(BAB) + 3  # the chapters, the foreword and the three lists
    assert all(int(b[2]) <= int(a[2]) + 1 for a, b in pairwise(judul))  # no level skipped


def test_every_pdf_figure_has_alternative_text_with_figures_as_printed(pdf):
    alt = [a for s, a in _unsur(pdf) if s == "/Figure"]
    assert len(alt) >= 100
    assert all(alt), sum(1 for a in alt if not a)
    mentah = [str(a) for a in alt if re.search(r"\d[.,]\d{4,}", str(a))]
    assert mentah == []
    assert any(re.search(r"Capaian: 98,96%", str(a)) for a in alt)


def test_every_chart_mark_is_named_by_its_tooltip_or_left_out(situs_2024: Path):
    import json

    def unit(spec: dict) -> list[dict]:
        anak = [u for k in ("layer", "vconcat", "hconcat") for s in spec.get(k, ()) for u in unit(s)]
        return anak + ([spec] if "mark" in spec else [])

    spec = [json.loads(unescape(m)) for h in situs_2024.glob("*.html") for m in re.findall(
        r'<script type="application/json" id="spec-[0-9a-f]+">(.*?)</script>',
        h.read_text(encoding="utf-8"))]
    assert len(spec) >= 8
    for s in spec:
        for u in unit(s):
            assert u["mark"].get("aria") is False or u["encoding"]["description"] == {
                "field": "_nama", "type": "nominal"}, u
