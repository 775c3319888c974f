"""The agency is data: a fictitious second agency (tests/fixtures/instansi_contoh, a Dinas
Kesehatan with its own Renstra 2025–2029, two sasaran, lower-is-better IKU and two fiscal years)
builds into a complete book, and nothing of the shipped agency leaks into it."""

from __future__ import annotations

import base64
import csv
import io
import json
import re
import shutil
from contextlib import redirect_stderr, redirect_stdout
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from lakip_lib import cli, data

from .browser import peramban, server
from .conftest import DATA, ubah_sel
from .fakta import bentrok, bentrok_makna, halaman, kumpulkan
from .halaman import rencana_sasaran, teks

CONTOH = Path(__file__).resolve().parent / "fixtures" / "instansi_contoh"
TAHUN = (2025, 2026)
HALAMAN = ["sampul", "ikhtisar", "bab1_pendahuluan", "bab2_perencanaan", "bab3_capaian",
           "sasaran_ss1", "sasaran_ss2", "bab3_anggaran", "bab4_penutup", "lampiran"]


@pytest.fixture(scope="module")
def dibangun(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """`lakip build 2026` on the fixture's data, as on a fresh clone: the site, and what the
    command printed. 2025 is built too (the site holds every edition of the data)."""
    folder = tmp_path_factory.mktemp("instansi_lain")
    with redirect_stdout(io.StringIO()) as keluar, redirect_stderr(io.StringIO()) as galat:
        kode = cli.main(["--data", str(CONTOH), "build", "2026", "--output", str(folder)])
    assert kode == 0, keluar.getvalue() + galat.getvalue()
    return folder / "site", keluar.getvalue() + galat.getvalue()


@pytest.fixture(scope="module")
def situs(dibangun: tuple[Path, str]) -> Path:
    return dibangun[0]


def _id(nilai: Decimal | str) -> str:
    """Two decimals, half up, decimal comma (values below 1.000 need no thousands separator)."""
    return str(Decimal(nilai).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)).replace(".", ",")


def _persen_manual(target: str, realisasi: str) -> str:
    """Lower is better, by hand: (2 × target − realisasi) ÷ target × 100."""
    t, r = Decimal(target), Decimal(realisasi)
    return _id((2 * t - r) / t * 100)


def test_building_one_year_publishes_every_edition_of_the_data(dibangun: tuple[Path, str]):
    situs, keluaran = dibangun
    assert ("Edisi 2025 ada di data tetapi belum ada di situs: dibangun juga, agar halaman utama "
            "dan pemilih edisi memuat setiap edisi.") in keluaran
    edisi = json.loads((situs / "editions.json").read_text(encoding="utf-8"))
    assert [e["tahun"] for e in edisi] == [2026, 2025]


def test_both_editions_published_with_index(situs: Path):
    for tahun in TAHUN:
        assert (situs / str(tahun) / "index.html").exists(), tahun
        for nama in HALAMAN:
            assert (situs / str(tahun) / f"{nama}.html").exists(), (tahun, nama)
    assert "url=2026/index.html" in (situs / "index.html").read_text()
    assert (situs / "2026" / "LAKIP-2026-Dinkes.pdf").stat().st_size > 50_000


def test_agency_head_and_sasaran_from_the_fixture(situs: Path):
    for tahun in TAHUN:
        sampul = teks(situs / str(tahun) / "sampul.html")
        assert "Dinas Kesehatan Kabupaten Contoh" in sampul
        assert "dr. RATNA KUSUMAWARDANI, M.Kes" in sampul
        assert "NIP. 19790412 200502 2 011" in sampul
        assert "Sasaran 1: Meningkatnya kesehatan ibu dan anak" in teks(
            situs / str(tahun) / "sasaran_ss1.html")
        assert "Sasaran 2: Meningkatnya akses dan mutu pelayanan kesehatan" in teks(
            situs / str(tahun) / "sasaran_ss2.html")
    assert "Renstra instansi berlaku untuk periode 2025–2029" in teks(
        situs / "2025" / "bab2_perencanaan.html")


def test_nothing_of_the_shipped_agency_in_any_page_or_pdf(situs: Path):
    asli = yaml.safe_load((DATA / "instansi.yaml").read_text(encoding="utf-8"))
    kepala = yaml.safe_load((DATA / "2024" / "edisi.yaml").read_text(encoding="utf-8"))["kepala"]
    jejak = ["Balangan", "DP3AP2KB", "Paringin", asli["nama"], kepala["nama"], kepala["nip"],
             "IDG", "TFR", "Indeks Desa Membangun", "kekerasan"]
    halaman = list(situs.rglob("*.html"))
    assert len(halaman) > 20
    for path in halaman:
        isi = path.read_text(encoding="utf-8")
        for kata in jejak:
            assert kata not in isi, (path.relative_to(situs), kata)
    pdf = " ".join((p.extract_text() or "")
                   for p in PdfReader(situs / "2026" / "LAKIP-2026-Dinkes.pdf").pages)
    assert "Dinas Kesehatan Kabupaten Contoh" in pdf
    assert not any(kata in pdf for kata in jejak)


@pytest.mark.parametrize("tahun, target, realisasi, tercapai", [
    (2025, "14.5", "14.3", True), (2026, "13.8", "13.9", False)])
def test_lower_is_better_capaian_uses_the_inverse_formula(situs: Path, tahun, target, realisasi,
                                                          tercapai):
    capaian = _persen_manual(target, realisasi)
    sasaran = teks(situs / str(tahun) / "sasaran_ss1.html")
    kalimat = (f"realisasi Angka Kematian Bayi sebesar {_id(realisasi)} per 1.000 kelahiran hidup "
               f"terhadap target {_id(target)} per 1.000 kelahiran hidup, sehingga capaiannya "
               f"{capaian}%")
    assert kalimat in sasaran
    # a missed target in the top band (capaian above 90% on the fixture's scale) says both in one
    # sentence that explains it
    assert ("Target tahun ini tercapai." if tercapai else
            "Target tahun ini belum tercapai, tetapi capaiannya tetap berkategori Sangat Tinggi "
            "karena kategori itu mencakup setiap capaian di atas 90%.") in sasaran
    assert f"{_id(Decimal(realisasi) / Decimal(target) * 100)}%" not in sasaran  # not r ÷ t
    assert f"Angka Kematian Bayi {_id(target)} per 1.000 kelahiran hidup {_id(realisasi)} per " \
           f"1.000 kelahiran hidup {capaian}%" in teks(situs / str(tahun) / "bab3_capaian.html")


def test_stunting_capaian_in_summary_table(situs: Path):
    ikhtisar = teks(situs / "2026" / "ikhtisar.html")
    assert f"Prevalensi Stunting pada Balita 16,50% 15,87% {_persen_manual('16.5', '15.87')}% " \
           "Sangat Tinggi" in ikhtisar


def test_second_year_states_the_change_since_the_first(situs: Path):
    s1 = teks(situs / "2026" / "sasaran_ss1.html")
    assert ("Dibandingkan tahun 2025 (14,30 per 1.000 kelahiran hidup), realisasi Angka Kematian "
            "Bayi tahun 2026 turun 0,40 per 1.000 kelahiran hidup") in s1
    assert "sehingga kinerjanya membaik (indikator ini makin baik bila makin rendah)" in s1
    s2 = teks(situs / "2026" / "sasaran_ss2.html")
    assert "Dibandingkan tahun 2025 (79,35), realisasi Indeks Kepuasan Masyarakat terhadap " \
           "Pelayanan Puskesmas tahun 2026 naik 2,75" in s2
    assert re.search(r"2025 80,00 79,35 99,19% 2026 81,00 82,10 101,36%", s2)


def test_first_renstra_year_compares_with_the_year_before_the_period(situs: Path):
    s1 = teks(situs / "2025" / "sasaran_ss1.html")
    assert "Dibandingkan tahun 2024 (19,60%), realisasi Prevalensi Stunting pada Balita tahun " \
           "2025 turun 2,37 poin persentase" in s1
    assert "belum dapat dibandingkan" not in s1


def test_editions_json_lists_both_years(situs: Path):
    edisi = json.loads((situs / "editions.json").read_text())
    assert [(e["tahun"], e["label"], e["url"]) for e in edisi] == [
        (2026, "Final, Januari 2027", "2026/index.html"),
        (2025, "Final, Januari 2026", "2025/index.html")]
    assert "LAKIP 2025 · Final, Januari 2026" in teks(situs / "2025" / "bab4_penutup.html")


def test_chapter_three_numbered_in_reading_order_with_two_iku_per_sasaran(situs: Path):
    for tahun in TAHUN:
        for jenis in ("Tabel", "Gambar"):
            nomor: list[int] = []
            for nama in ("bab3_capaian", "sasaran_ss1", "sasaran_ss2", "bab3_anggaran"):
                html = (situs / str(tahun) / f"{nama}.html").read_text()
                nomor += [int(n) for n in re.findall(
                    rf'<span class="lakip-nomor">{jenis} 3\.(\d+)</span>', html)]
            assert nomor == list(range(1, len(nomor) + 1)), (tahun, jenis, nomor)


def test_budget_total_and_absorption(situs: Path):
    ikhtisar = teks(situs / "2025" / "ikhtisar.html")
    assert "Rp25.460.000.000" in ikhtisar and "Rp24.629.671.350" in ikhtisar
    assert "96,74%" in ikhtisar and "Dua Puluh Lima Miliar Empat Ratus Enam Puluh Juta Rupiah" \
        in ikhtisar


def test_datasets_the_agency_does_not_use_are_not_shown(situs: Path):
    lampiran = teks(situs / "2025" / "lampiran.html")
    assert "Daftar Desa" not in lampiran and "desa.csv" not in lampiran
    assert "Temuan" not in lampiran and "Catatan Lain atas Dokumen Sumber" not in lampiran
    assert "Sasaran ini tidak memiliki indikator pendukung" in teks(
        situs / "2025" / "sasaran_ss2.html")


def test_one_fact_one_value_and_no_correction_marks_without_a_signed_source(situs: Path):
    """The fixture agency has no printed predecessor (no dilaporkan data): its figures carry
    their fact names, each shows one value, and nothing is marked as a correction."""
    for tahun in TAHUN:
        halaman_ = halaman(situs / str(tahun))
        fakta = kumpulkan(halaman_)
        assert len(fakta) > 100
        assert bentrok(fakta) == []
        assert bentrok_makna(halaman_, tahun) == []  # by meaning too, whatever the names
        for nama, isi in halaman_.items():
            assert "lakip-koreksi" not in isi and "lakip-perbedaan" not in isi, (tahun, nama)


def test_a_draft_review_lists_the_checks_passed_and_what_is_open(situs: Path):
    """Without a signed report there is nothing printed to compare: the review says so, what
    the data passed, and lists what is still open (the loader's warnings), with its own PDF."""
    for tahun in TAHUN:
        reviu = teks(situs / str(tahun) / "reviu.html")
        assert "Belum ada laporan yang ditandatangani" in reviu, tahun
        assert "lolos seluruh pemeriksaan" in reviu, tahun
        assert "Kesimpulan Kinerja Menurut Aturan yang Lazim" in reviu, tahun
        if tahun == 2026:  # built with its PDF (2025 without)
            assert (situs / "2026" / "LAKIP-2026-Dinkes-reviu.pdf").exists()
        assert 'href="reviu.html">Reviu draf LAKIP' in \
            (situs / str(tahun) / "tentang.html").read_text(encoding="utf-8")


def test_cover_shows_the_coat_of_arms_from_data(situs: Path):
    """instansi.yaml names lambang.png: the cover holds that very image (embedded, the data
    folder's path is never referenced), drawn at both widths, and the PDF's cover carries it."""
    berkas = (CONTOH / "lambang.png").read_bytes()
    halaman = situs / "2026" / "sampul.html"
    src = re.findall(r'<img class="lakip-lambang" src="data:image/png;base64,([^"]+)" '
                     r'alt="Lambang Pemerintah Kabupaten Contoh">', halaman.read_text("utf-8"))
    assert [base64.b64decode(s) for s in src] == [berkas]
    assert not any(re.search(r'(?:src|href)="[^"]*lambang\.png', p.read_text("utf-8"))
                   for p in situs.rglob("*.html"))  # its name is only named, on the data page
    terbit = sorted((situs / "2026" / "data" / "gambar").iterdir())
    assert berkas in [p.read_bytes() for p in terbit]  # published under a name of ours
    assert all(re.fullmatch(r"[0-9a-f]{16}\.png", p.name) for p in terbit)
    with server(situs / "2026") as url, peramban() as b:
        for lebar in (390, 1366):
            p = b.new_page(viewport={"width": lebar, "height": 844})
            p.goto(f"{url}/sampul.html")
            kotak = p.evaluate("""() => { const i = document.querySelector('img.lakip-lambang');
                const r = i.getBoundingClientRect();
                return [i.complete && i.naturalWidth, r.left >= 0 && r.right <= innerWidth]; }""")
            assert kotak == [64, True], lebar
            p.close()
    sampul_pdf = PdfReader(situs / "2026" / "LAKIP-2026-Dinkes.pdf").pages[0]
    assert len(sampul_pdf.images) == 1


def test_dokumentasi_shows_each_photo_with_its_caption(situs: Path):
    """2026 has a dokumentasi folder: a page under the Lampiran shows each photo (the file's own
    bytes) as a numbered figure with its caption, in the CSV's order; 2025 has none, no page."""
    folder = CONTOH / "2026" / "dokumentasi"
    with (folder / "keterangan.csv").open(encoding="utf-8") as f:
        foto = [(b["berkas"], b["keterangan"]) for b in csv.DictReader(f)]
    assert len(foto) == 2
    html = (situs / "2026" / "dokumentasi.html").read_text(encoding="utf-8")
    gambar = re.findall(r'<figure class="lakip-foto" id="gambar-l-(\d)"><img class="lakip-foto-isi" '
                        r'src="data:image/png;base64,([^"]+)" alt="([^"]+)"><figcaption><span '
                        r'class="lakip-nomor">Gambar L\.(\d)</span> ([^<]+)</figcaption>', html)
    assert [(base64.b64decode(b), alt, n, ket) for _, b, alt, n, ket in gambar] == \
        [((folder / berkas).read_bytes(), ket, str(i), ket)
         for i, (berkas, ket) in enumerate(foto, start=1)]
    assert 'href="dokumentasi.html"' in (situs / "2026" / "lampiran.html").read_text("utf-8")
    assert not (situs / "2025" / "dokumentasi.html").exists()
    assert not (DATA / "2024" / "dokumentasi").exists()  # the shipped edition shows none


def _ribuan(n: str) -> str:
    return f"{int(n):,}".replace(",", ".")


def test_ratio_indicator_is_computed_from_its_counts_and_shows_them(situs: Path):
    """AKB is a `rasio` indicator: infant deaths ÷ live births × 1.000 from rasio.csv. Its
    realisasi is computed from the counts, and the sasaran page shows them year by year up to
    the edition's year, with the formula."""
    with (CONTOH / "rasio.csv").open(encoding="utf-8") as f:
        hitung = list(csv.DictReader(f))
    for tahun in TAHUN:
        s1 = teks(situs / str(tahun) / "sasaran_ss1.html")
        assert ("Angka Kematian Bayi: Jumlah Kematian Bayi dan Kelahiran Hidup per Tahun Tahun "
                "Jumlah kematian bayi Jumlah kelahiran hidup Angka Kematian Bayi") in s1
        for b in hitung:
            akb = _id(Decimal(b["pembilang"]) / Decimal(b["penyebut"]) * 1000)
            baris = (f"{b['tahun']} {_ribuan(b['pembilang'])} {_ribuan(b['penyebut'])} {akb} "
                     "per 1.000 kelahiran hidup")
            assert (baris in s1) == (int(b["tahun"]) <= tahun), (tahun, baris)
        assert "Angka Kematian Bayi = jumlah kematian bayi ÷ jumlah kelahiran hidup × 1.000." in s1
        sekarang = next(b for b in hitung if int(b["tahun"]) == tahun)
        akb = _id(Decimal(sekarang["pembilang"]) / Decimal(sekarang["penyebut"]) * 1000)
        assert f"realisasi Angka Kematian Bayi sebesar {akb} per 1.000 kelahiran hidup" in s1


def test_every_sasaran_page_shows_what_its_plan_and_its_kinds_declare(situs: Path):
    """The numbers planned for a sasaran page (which number every later table of the chapter)
    are exactly the tables and figures the page shows, in order; the supporting items its
    indicators' kinds declare (here the ratio's counts) are among them."""
    for tahun in TAHUN:
        halaman_ = rencana_sasaran(data.muat(tahun, CONTOH), situs / str(tahun))
        for nama, tampil, rencana, jenis in halaman_:
            assert tampil == rencana, (tahun, nama)
            assert set(jenis) <= set(tampil), (tahun, nama)
        assert [len(j) for _, _, _, j in halaman_] == [1, 0]  # SS1: AKB's counts; SS2: none


def test_validate_names_the_ratio_row_with_a_zero_denominator(tmp_path: Path, capsys):
    salinan = tmp_path / "instansi_contoh"
    shutil.copytree(CONTOH, salinan)
    ubah_sel(salinan / "rasio.csv", 5, "penyebut", "0")  # AKB 2026
    assert cli.main(["--data", str(salinan), "validate", "2025"]) == 0  # a later year's row
    capsys.readouterr()
    assert cli.main(["--data", str(salinan), "validate", "2026"]) == 1
    keluaran = capsys.readouterr()
    assert ('instansi_contoh/rasio.csv, baris 5, kolom "penyebut": penyebut AKB tahun 2026 '
            "bernilai 0, padahal harus lebih dari 0") in keluaran.out + keluaran.err
