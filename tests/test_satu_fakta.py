"""One fact, one value: across every page of the 2024 edition, the print edition's source and
the PDF, a fact (an indicator × year × measure, a budget line, a count) shows one value. The
edition carries no argument with the signed report; its review (reviu.html and its own PDF)
marks the figures that report printed differently where they appear."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from lakip_lib import audit, book, data
from lakip_lib.fakta import bab_sumber

from .browser import peramban, server
from .fakta import (
    bentrok,
    bentrok_makna,
    fakta_html,
    halaman,
    hitungan_desa_di_atas,
    kumpulkan,
)

PDF = "LAKIP-2024-DP3AP2KB-PMD.pdf"
PDF_REVIU = "LAKIP-2024-DP3AP2KB-PMD-reviu.pdf"
REVIU = "reviu.html"
TANDA = ("lakip-koreksi", "lakip-perbedaan", "Tercetak di dokumen sumber")


def _html(isi: object) -> str:
    """A display object's HTML (a table's bundle comes with its metadata: the CSV's name)."""
    bundel = isi._repr_mimebundle_()  # type: ignore[attr-defined]
    return str((bundel[0] if isinstance(bundel, tuple) else bundel)["text/html"])


def _teks_pdf(path: Path) -> list[str]:
    return [" ".join((p.extract_text() or "").split()) for p in PdfReader(path).pages]


def _dokumen_cetak(situs_2024: Path) -> Path:
    """The document the PDF is printed from (kept in the build folder of the session build)."""
    return situs_2024.parent.parent / "jb" / "2024" / "cetak.html"


@pytest.fixture(scope="module")
def fakta_2024(situs_2024: Path) -> dict[str, dict[str, list[str]]]:
    return kumpulkan(halaman(situs_2024))


def test_every_fact_shows_one_value_on_every_page(fakta_2024):
    assert len(fakta_2024) > 500
    berulang = [f for f, per in fakta_2024.items() if sum(map(len, per.values())) > 1]
    assert len(berulang) > 100  # the same facts really are shown in several places
    for fakta in ("IKU4.realisasi.2024", "CPR.capaian", "ASFR.capaian", "IKU1.capaian",
                  "anggaran.total.realisasi"):
        assert fakta in berulang, fakta
    assert bentrok(fakta_2024) == []


def test_a_figure_named_alike_shows_one_value_whatever_its_fact_is_called(situs_2024: Path):
    """Table rows that name the same indicator (of the same programme, where the row names
    one) and the same measure show one value on every page and in the print edition's source,
    even when the figures carry different fact names: a copy under a name of its own (the
    efficiency table's capaian typed from the source, 888,00% against 91,56%; Bab I's 64,71
    for the Indeks Pembangunan Keluarga against Bab III's 51,70) is caught. Over today's main
    this found 14 such figures."""
    sumber = {**halaman(situs_2024),
              "cetak": _dokumen_cetak(situs_2024).read_text(encoding="utf-8")}
    assert bentrok_makna(sumber, 2024) == []


def test_no_count_of_villages_exceeds_the_village_list(situs_2024: Path):
    """Five programme rows counted 154 villages where the list has 153 (the base the book
    uses everywhere else)."""
    jumlah = len(data.muat(2024)["desa"].baris)
    assert jumlah == 153
    assert hitungan_desa_di_atas(halaman(situs_2024), jumlah) == []
    assert "153 Desa" in (situs_2024 / "sasaran_s4.html").read_text(encoding="utf-8")


def test_the_check_by_meaning_catches_a_typed_copy(situs_2024: Path, monkeypatch):
    """The efficiency table as main printed it (each row's capaian typed from the source, not
    the programme row's) fails the check by meaning, although no fact name shows two values."""
    from lakip_lib import kinerja

    asli = kinerja.efisiensi

    def tanpa_tautan(d):
        return [kinerja.HasilEfisiensi(b.kode_anggaran, b.nama, b.indikator,
                                       m["capaian_dilaporkan"] if b.kode_program else
                                       b.capaian_kinerja, b.penyerapan, b.efisiensi,
                                       b.kode_indikator, None)
                for b, m in zip(asli(d), d["efisiensi"].baris, strict=True)]

    monkeypatch.setattr(kinerja, "efisiensi", tanpa_tautan)
    d = data.muat(2024)
    rusak = "".join(_html(o) for o in book.bab3_anggaran.Anggaran(d).efisiensi()
                    if hasattr(o, "_repr_mimebundle_"))
    halaman_ = {**halaman(situs_2024), "bab3_anggaran.html": rusak}
    assert bentrok(kumpulkan(halaman_)) == []  # by name the copy looks like a fact of its own
    pesan = bentrok_makna(halaman_, 2024)
    assert any(p.startswith("jumlah desa yang selesai penetapan batas desa [capaian")
               and "'888,00%'" in p for p in pesan), pesan


def test_tables_that_once_copied_the_source_now_show_the_computed_fact(fakta_2024):
    """Tabel 1.2 (aspek strategis) and the efficiency table state the same facts as Bab III."""
    assert "bab1_pendahuluan.html" in fakta_2024["IKU4.realisasi.2024"]["98,69%"]
    assert "bab1_pendahuluan.html" in fakta_2024["ASFR.capaian"]["93,75%"]
    assert "bab3_anggaran.html" in fakta_2024["CPR.capaian"]["101,66%"]
    assert "sasaran_s3.html" in fakta_2024["CPR.capaian"]["101,66%"]


def test_print_edition_and_pdf_show_the_same_values(situs_2024: Path, fakta_2024):
    cetak = kumpulkan({**halaman(situs_2024),
                       "cetak": _dokumen_cetak(situs_2024).read_text(encoding="utf-8")})
    assert bentrok(cetak) == []
    teks_pdf = " ".join(" ".join((p.extract_text() or "").split())
                        for p in PdfReader(situs_2024 / PDF).pages)
    khas = {nilai for per in fakta_2024.values() for nilai in per
            if re.fullmatch(r"-?[\d.]+,\d+%?", nilai)}
    assert len(khas) > 200
    hilang = sorted(n for n in khas if n not in teks_pdf)
    assert hilang == []


def _html(objek) -> str:
    """A display object's HTML, as a notebook shows it (a table's bundle comes with metadata)."""
    bundel = objek._repr_mimebundle_()
    return (bundel[0] if isinstance(bundel, tuple) else bundel)["text/html"]


def test_a_deliberately_broken_book_fails(situs_2024: Path, tmp_path: Path, monkeypatch):
    """Two ways of breaking the book: a page whose figure was edited by hand, and Bab I's
    strategic-aspect table printing the source's figures again (this issue's bug)."""
    halaman_ = halaman(situs_2024)
    bab3 = halaman_["bab3_capaian.html"]
    asli = next(n for f, n in fakta_html(bab3) if f == "IKU1.capaian")
    halaman_["bab3_capaian.html"] = bab3.replace(
        f'data-fakta="IKU1.capaian">{asli}<', 'data-fakta="IKU1.capaian">98,62%<', 1)
    pesan = bentrok(kumpulkan(halaman_))
    assert len(pesan) == 1 and pesan[0].startswith("IKU1.capaian:")
    assert "'98,62%' di bab3_capaian.html" in pesan[0] and asli in pesan[0]

    d = data.muat(2024)
    tercetak = {t.fakta: t.dilaporkan for t in audit.perbandingan(d)
                if t.lokasi.startswith("Tabel 1.2")}

    bab1 = book.bab1_pendahuluan
    kondisi_asli = bab1._kondisi

    def kondisi_tercetak(k, tahun):  # the old Bab I: the source's figure under the fact's name
        fakta, teks = kondisi_asli(k, tahun)
        return fakta, tercetak.get(fakta, teks)

    monkeypatch.setattr(bab1, "_kondisi", kondisi_tercetak)
    # a year loaded after the change: its derived values (Bab I's conditions) not yet computed
    rusak = "".join(_html(o) for o in bab1.Pendahuluan(data.muat(2024)).aspek_strategis())
    halaman_ = {**halaman(situs_2024), "bab1_pendahuluan.html": rusak}
    pesan = bentrok(kumpulkan(halaman_))
    assert any(p.startswith("IKU4.realisasi.2024:") and "'54,9%'" in p for p in pesan), pesan
    assert any(p.startswith("ASFR.capaian:") for p in pesan), pesan


def test_the_edition_carries_one_set_of_numbers_and_no_argument(situs_2024: Path):
    """No page of the edition (the review aside) and no page of its PDF marks a figure as
    printed differently, opens with a box of differences or lists the findings."""
    for path in sorted(situs_2024.glob("*.html")):
        if path.name != REVIU:
            isi = path.read_text(encoding="utf-8")
            assert not [t for t in TANDA if t in isi], path.name
            assert 'id="temuan-' not in isi, path.name
    teks = " ".join(_teks_pdf(situs_2024 / PDF))
    assert "Tercetak di dokumen sumber" not in teks and "Temuan" not in teks
    assert "angka yang berbeda" not in teks.lower()


def test_about_the_edition_says_what_it_is_and_links_the_review(situs_2024: Path):
    tentang = (situs_2024 / "tentang.html").read_text(encoding="utf-8")
    assert 'href="reviu.html">Reviu LAKIP 2024</a>' in tentang
    assert f'href="{PDF_REVIU}" download>PDF</a>' in tentang
    assert "Edisi ini memuat satu set angka" in tentang


def test_the_review_marks_a_figure_the_signed_report_printed_differently(situs_2024: Path):
    reviu = (situs_2024 / REVIU).read_text(encoding="utf-8")
    penanda = re.findall(r'<details class="lakip-koreksi"', reviu)
    assert len(penanda) >= 80
    sel = re.search(r'data-fakta="IKU1\.capaian">98,96%</span><details class="lakip-koreksi"'
                    r"[^>]*>(.*?)</details>", reviu)
    assert sel and "<b>98,62%</b>" in sel.group(1) and "73,27 ÷ 74,04 × 100" in sel.group(1)
    nomor = re.search(r'href="#temuan-(\d+)"', sel.group(1))
    assert nomor and f'id="temuan-{nomor.group(1)}"' in reviu  # the finding, same document
    # the tables keep the edition's numbers, only those with a difference are shown
    assert "Tabel IE.1" in reviu and "Tabel 3.33" in reviu and "Tabel 2.1<" not in reviu
    # every finding of `lakip audit` is listed, each with its number
    temuan = audit.periksa(data.muat(2024))
    assert len(re.findall(r'<tr id="temuan-\d+"', reviu)) == len(temuan)


def test_the_review_shows_the_verdict_under_each_rule(situs_2024: Path):
    reviu = re.sub(r"<[^>]+>", " ", (situs_2024 / REVIU).read_text(encoding="utf-8"))
    reviu = " ".join(reviu.split())
    assert "Kesimpulan Kinerja Menurut Aturan yang Lazim" in reviu
    for baris in ("Rata-rata capaian seluruh IKU", "Median capaian seluruh IKU",
                  "Persentase IKU yang mencapai targetnya"):
        assert baris in reviu
    assert "79,95% Tinggi dipilih instansi" in reviu


def test_marker_opens_from_the_keyboard_and_is_announced(situs_2024: Path):
    with server(situs_2024.parent) as url, peramban() as b:
        page = b.new_page(viewport={"width": 390, "height": 800})
        page.goto(f"{url}/2024/{REVIU}")
        ringkas = page.locator("details.lakip-koreksi > summary").first
        assert "berbeda dari yang tercetak di dokumen sumber" in ringkas.inner_text()
        assert not page.locator(".lakip-koreksi-isi").first.is_visible()
        ringkas.focus()
        page.keyboard.press("Enter")
        isi = page.locator(".lakip-koreksi-isi").first
        assert isi.is_visible() and "Tercetak di dokumen sumber" in isi.inner_text()


def test_a_correction_note_is_given_once_per_page_and_later_marks_point_back(situs_2024: Path):
    """The same printed figure marked in a sentence and two tables of a page: one full note
    (with its number), the later marks carry that number and link back up to it."""
    for path in sorted(situs_2024.glob("*.html")):
        html_ = path.read_text(encoding="utf-8")
        jangkar = re.findall(r'id="(koreksi-[^"]+)"', html_)
        assert len(jangkar) == len(set(jangkar)), path.name
        for m in re.finditer(r'href="#(koreksi-[^"]+)"[^>]*>([^<]*)<', html_):
            assert m.group(1) in jangkar, (path.name, m.group(1))
            if "*" in m.group(2):  # a reference back ("*2"), not a footnote reference ("2")
                assert html_.index(f'id="{m.group(1)}"') < m.start(), (path.name, m.group(1))
    reviu = (situs_2024 / REVIU).read_text(encoding="utf-8")
    # given once in the document: in the first mark's disclosure and the note under its table
    assert reviu.count("Tercetak di dokumen sumber (Sasaran 1 butir b, data grafik)") == 2
    nomor = re.search(r'data-fakta="IKU1\.realisasi\.2024">73,27</span><sup class='
                      r'"lakip-koreksi-rujuk"><a href="#(koreksi-reviu-\d+)"', reviu)
    assert nomor and reviu.count(f'href="#{nomor.group(1)}"') >= 4  # in b, c and two tables
    assert re.search(r"Angka bertanda <a [^>]*>\*\d+</a>(, <a [^>]*>\*\d+</a>)*( dan <a [^>]*>"
                     r"\*\d+</a>)? pada Tabel 3\.\d+ dijelaskan pada catatan bernomor sama di atas",
                     reviu)


def test_review_pdf_note_sits_on_the_page_of_its_marker(situs_2024: Path):
    halaman_pdf = _teks_pdf(situs_2024 / PDF_REVIU)
    nomor = next(i for i, t in enumerate(halaman_pdf) if "Tabel IE.1 Capaian IKU" in t
                 and "Daftar Tabel" not in t)
    tanda = re.search(r"98,96% \*(\d+)", halaman_pdf[nomor])  # numbered through the page
    assert tanda, halaman_pdf[nomor]
    assert (f"*{tanda.group(1)} Tercetak di dokumen sumber (Ikhtisar Eksekutif): 98,62%"
            in halaman_pdf[nomor])


@pytest.mark.parametrize("lokasi, bab", [
    ("Ikhtisar Eksekutif, paragraf ketiga", "IE"), ("Tabel 1.2 (aspek strategis)", "1"),
    ("Tabel 3.41, baris rata-rata", "3"), ("Subbab 3.4", "3"), ("Bab IV Penutup", "4"),
    ("Sasaran 2 butir a", "3"), ("Lampiran Perjanjian Kinerja", "L"), ("Uraian CPR", None),
])
def test_a_printed_place_names_its_chapter(lokasi, bab):
    assert bab_sumber(lokasi) == bab


def test_sentences_state_their_facts_and_the_verdict_names_its_rule(situs_2024: Path,
                                                                    fakta_2024):
    assert sorted(set(fakta_2024["kategori.keseluruhan"]["Tinggi"])) == [
        "bab3_capaian.html", "bab4_penutup.html", "ikhtisar.html", "reviu.html"]
    assert len(fakta_2024["kategori.keseluruhan"]) == 1
    ikhtisar = (situs_2024 / "ikhtisar.html").read_text(encoding="utf-8")
    assert ("dinilai dari rata-rata capaian seluruh IKU, dengan capaian tiap IKU dihitung paling "
            "rendah 0% dan paling tinggi 120%, yaitu 79,95%, sehingga berkategori") in ikhtisar
    reviu = (situs_2024 / REVIU).read_text(encoding="utf-8")
    rujukan = re.search(r'data-fakta="anggaran\.total\.realisasi">Rp90\.960\.332\.708</span>'
                        r'<sup class="lakip-koreksi-rujuk"><a href="#([^"]+)"', reviu)
    assert rujukan
    catatan = re.search(rf'<li id="{rujukan.group(1)}">(.*?)</li>', reviu)  # under it
    assert catatan and "<b>90.961.032.708</b>" in catatan.group(1)
