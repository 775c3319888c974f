"""The registry of indicator kinds (`lakip_lib.rumus`) on the small in-memory year of
`tests.tahun_kecil`: which kind an indicator is, the audit's arithmetic in words per kind, the
rows a kind asks the workbook for, and the supporting items a sasaran page draws for it (each
drawing exactly the item its plan entry announces)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from lakip_lib import audit, book, kinerja, rumus, schema
from lakip_lib.tampilan_grafik import Grafik
from lakip_lib.tampilan_tabel import TabelTampilan

from .tahun_kecil import TahunKecil


def dengan_iku3(rumus: str) -> TahunKecil:
    return (TahunKecil()
            .tambah("indikator", kode="IKU3", jenis="iku", induk="S1", nama="Indikator Tiga",
                    satuan="%", arah="naik", desimal=2, rumus=rumus)
            .target("IKU3", 50))


def test_an_indicator_has_the_kind_its_rumus_names():
    d = dengan_iku3("cpr").muat()
    assert [rumus.dari(d, k).nama for k in ("IKU1", "IKU3")] == ["langsung", "cpr"]
    with pytest.raises(KeyError, match="IKU9"):
        rumus.dari(d, "IKU9")


def test_a_rumus_that_is_no_registered_kind_is_refused_with_the_registry_as_choices():
    masalah = TahunKecil().ubah("indikator", {"kode": "IKU1"}, rumus="tebakan").masalah()
    (m,) = [m for m in masalah if (m.berkas, m.baris, m.kolom) == ("data/indikator.csv", 3,
                                                                   "rumus")]
    assert m.pesan == ('nilai "tebakan" tidak dikenal. Pilihan yang sah: '
                       + ", ".join(rumus.SEMUA) + ".")
    assert {"langsung", "penurunan_kasus", "desa_maju", "cpr"} <= set(rumus.SEMUA)


def test_the_audit_explains_each_kind_in_words():
    d = TahunKecil().muat()
    assert rumus.dari(d, "IKU1").cara(d, "IKU1", 2024) == (
        "Realisasi tahun 2024 menurut data.")
    kasus = dengan_iku3("penurunan_kasus").muat()  # 3 + 7 cases in 2023, 4 + 4 in 2024
    assert rumus.dari(kasus, "IKU3").cara(kasus, "IKU3", 2024) == (
        "(10 − 8) ÷ 10 × 100 kasus tahun 2023 dan 2024.")
    cpr = dengan_iku3("cpr").muat()
    assert rumus.dari(cpr, "IKU3").cara(cpr, "IKU3", 2024) == (
        "1150 peserta KB aktif ÷ 1500 PUS × 100.")
    assert rumus.dari(cpr, "IKU3").cara(cpr, "IKU3", 2023) == (
        "Realisasi tahun 2023 menurut data.")  # an earlier year's CPR is entered


def test_desa_maju_arithmetic_for_a_year_with_and_without_village_counts():
    d = dengan_iku3("desa_maju").muat()
    desa = rumus.dari(d, "IKU3")
    assert desa.cara(d, "IKU3", 2024) == ("(1 desa Maju + 1 desa Mandiri) ÷ 3 desa × 100 = "
                                          "2 ÷ 3 × 100.")
    assert desa.cara(d, "IKU3", 2022) == ("Jumlah desa tahun 2022 tidak lengkap; persentase "
                                          "tidak dihitung.")  # no IDM row for 2022


def test_the_workbook_asks_for_this_year_of_each_kind_dataset():
    d = dengan_iku3("penurunan_kasus").muat()
    assert rumus.baris_buku_kerja(d, "kasus_kekerasan") == [
        {"tahun": 2024, "kelompok": "perempuan"}, {"tahun": 2024, "kelompok": "anak"}]
    assert rumus.baris_buku_kerja(d, "realisasi") == [
        {"indikator": "IKU1", "tahun": 2024}, {"indikator": "IKU2", "tahun": 2024}]


def test_a_measured_indicator_adds_no_supporting_item():
    assert rumus.pendukung(TahunKecil().muat(), ["IKU1", "IKU2"]) == []


def test_supporting_items_follow_the_registry_order_and_each_draws_what_it_plans():
    t = dengan_iku3("cpr").tambah("indikator", kode="IKU4", jenis="iku", induk="S1",
                                  nama="Penurunan Kasus", satuan="%", arah="naik", desimal=2,
                                  rumus="penurunan_kasus").target("IKU4", 10)
    d = t.muat()
    butir = rumus.pendukung(d, ["IKU1", "IKU3", "IKU4"])
    assert [b.rencana for b in butir] == [("tabel", "kasus"), ("gambar", "kasus"),
                                          ("tabel", "cpr"), ("gambar", "cpr")]
    halaman = book.bab3_sasaran.Sasaran(d, "S1")
    for b in butir:
        isi = b.buat(halaman)
        assert isinstance(isi, {"tabel": TabelTampilan, "gambar": Grafik}[b.bentuk]), b.rencana


# --- the rasio kind (a ratio of two counts), which the 2024 data does not use ---------------

def dengan_rasio() -> TahunKecil:
    """The small year with a third IKU of S1, a ratio per 1.000 live births (target 15)."""
    return (TahunKecil()
            .tambah("indikator", kode="AKB", jenis="iku", induk="S1", nama="Angka Kematian Bayi",
                    satuan="per 1.000 kelahiran hidup", arah="turun", desimal=2, rumus="rasio")
            .target("AKB", 15)
            .tambah("rasio_definisi", indikator="AKB", pembilang="kematian bayi",
                    penyebut="kelahiran hidup", pengali=1000)
            .tambah("rasio", indikator="AKB", tahun=2023, pembilang=36, penyebut=2000)
            .tambah("rasio", indikator="AKB", tahun=2024, pembilang=28, penyebut=2000))


def test_every_kind_is_registered_under_its_rumus_and_listed_as_a_choice():
    assert list(rumus.SEMUA) == ["langsung", "penurunan_kasus", "desa_maju", "cpr", "rasio"]
    assert all(nama == r.nama for nama, r in rumus.SEMUA.items())
    kolom = schema.BY_NAME["indikator"].kolom_bernama("rumus")
    assert rumus.dengan_pilihan("indikator", kolom).pilihan == tuple(rumus.SEMUA)


def test_a_ratio_is_numerator_over_denominator_times_its_multiplier():
    d = dengan_rasio().muat()  # 28 ÷ 2000 × 1000 = 14; capaian (2 × 15 − 14) ÷ 15 × 100
    h = kinerja.hasil(d, "AKB")
    assert (h.realisasi, round(h.capaian, 2)) == (D(14), D("106.67"))
    assert kinerja.realisasi(d, "AKB", 2023) == D(18)
    assert kinerja.realisasi(d, "AKB", 2022) is None  # no row: not known, not zero


def test_the_audit_explains_a_ratio_with_its_counts():
    d = dengan_rasio().muat()
    assert rumus.dari(d, "AKB").cara(d, "AKB", 2024) == (
        "28 kematian bayi ÷ 2000 kelahiran hidup × 1.000 (tahun 2024).")
    assert not rumus.dari(d, "AKB").diukur  # a printed realisasi is arithmetic
    assert audit.periksa(d) == []  # no printed source: nothing to compare


def test_a_zero_denominator_is_refused_at_its_row():
    (m,) = dengan_rasio().ubah("rasio", {"tahun": "2024"}, penyebut=0).masalah()
    assert (m.berkas, m.baris, m.kolom) == ("data/rasio.csv", 3, "penyebut")
    assert m.pesan.startswith("penyebut AKB tahun 2024 bernilai 0, padahal harus lebih dari 0")


def test_a_ratio_indicator_needs_its_definition():
    (m,) = dengan_rasio().tanpa("rasio_definisi").masalah()
    assert (m.berkas, m.baris, m.kolom) == ("data/rasio_definisi.csv", None, "indikator")
    assert "indikator AKB berumus rasio, tetapi definisinya belum ada" in m.pesan


def test_counts_of_an_indicator_that_is_not_a_ratio_are_refused():
    masalah = dengan_rasio().tambah("rasio", indikator="IKU1", tahun=2024, pembilang=1,
                                    penyebut=2).masalah()
    assert [(m.berkas, m.baris, m.kolom) for m in masalah] == [("data/rasio.csv", 4, "indikator")]
    assert 'indikator "IKU1" tidak berumus rasio' in masalah[0].pesan


def test_a_missing_year_of_counts_is_a_warning_in_a_draft():
    d = dengan_rasio().hapus("rasio", tahun="2024").edisi(status="draf").muat()
    assert kinerja.realisasi(d, "AKB", 2024) is None
    assert any(m.berkas == "data/rasio.csv" and "AKB tahun 2024 belum lengkap" in m.pesan
               for m in d.peringatan)


def test_the_workbook_asks_this_years_counts_of_every_ratio_indicator():
    d = dengan_rasio().muat()
    assert rumus.baris_buku_kerja(d, "rasio") == [{"indikator": "AKB", "tahun": 2024}]
    assert [lb.dataset for lb in rumus.lembar()] == [
        "kasus_kekerasan", "desa", "cpr_kecamatan", "rasio"]


def test_a_sasaran_shows_one_counts_table_per_ratio_indicator_after_the_other_kinds():
    d = dengan_rasio().tambah("indikator", kode="IKU3", jenis="iku", induk="S1", nama="CPR",
                              satuan="%", arah="naik", desimal=2, rumus="cpr").target("IKU3", 50)
    butir = rumus.pendukung(d.muat(), ["AKB", "IKU1", "IKU3"])
    assert [b.rencana for b in butir] == [("tabel", "cpr"), ("gambar", "cpr"),
                                          ("tabel", "rasio-AKB")]
