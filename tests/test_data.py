"""Every kind of analyst mistake gets a message naming file, row and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from lakip_lib import data
from lakip_lib.masalah import PERINGATAN, Masalah, ValidasiGagal

from .conftest import DATA
from .tahun_kecil import TahunKecil


def masalah_dari(akar: Path, tahun: int = 2024) -> list[Masalah]:
    with pytest.raises(ValidasiGagal) as e:
        data.muat(tahun, akar)
    return e.value.masalah


def satu(masalah: list[Masalah], berkas: str, baris: int | None, kolom: str | None) -> Masalah:
    cocok = [m for m in masalah if m.berkas == berkas and m.baris == baris and m.kolom == kolom]
    assert cocok, "\n".join(map(str, masalah))
    return cocok[0]


def test_shipped_2024_data_is_valid():
    hasil = data.muat(2024)
    assert hasil.tahun == 2024
    assert [m for m in hasil.peringatan if m.tingkat != PERINGATAN] == []


def teks_2024() -> dict[str, str]:
    """The shipped files of the 2024 edition as texts keyed by their path under data/."""
    return {str(f.relative_to(DATA)): f.read_text(encoding="utf-8") for f in DATA.rglob("*")
            if f.is_file() and (f.parent == DATA or f.relative_to(DATA).parts[0] == "2024")}


def test_a_year_held_in_memory_loads_as_its_files_do():
    dari_berkas, dari_teks = data.muat(2024), data.muat_teks(2024, teks_2024())
    for nama in ("sasaran", "target", "anggaran", "realisasi"):
        assert dari_teks[nama].baris == dari_berkas[nama].baris
    assert dari_teks.narasi("penutup") == dari_berkas.narasi("penutup")
    assert dari_teks.edisi == dari_berkas.edisi and dari_teks.instansi == dari_berkas.instansi


def test_a_year_held_in_memory_is_validated_as_files_are():
    berkas = teks_2024()
    berkas["realisasi.csv"] = berkas["realisasi.csv"].replace("IKU1,2022,70.57,",
                                                              "IKU1,2022,\"70,57\",")
    del berkas["2024/target.csv"]
    with pytest.raises(ValidasiGagal) as e:
        data.muat_teks(2024, berkas)
    assert '"70,57"' in satu(e.value.masalah, "data/realisasi.csv", 3, "realisasi").pesan
    assert "tidak ditemukan" in satu(e.value.masalah, "data/2024/target.csv", None, None).pesan


def test_the_small_year_of_the_unit_tests_is_valid_without_warnings():
    assert TahunKecil().muat().peringatan == []


def test_decimal_comma_names_file_row_column_and_fix():
    m = satu(TahunKecil().realisasi("IKU1", 2022, "75,5").masalah(), "data/realisasi.csv", 3,
             "realisasi")
    assert '"75,5"' in m.pesan and "75.5" in m.pesan
    assert str(m).startswith('data/realisasi.csv, baris 3, kolom "realisasi": ')


def test_thousands_separator_in_money():
    t = TahunKecil().ubah("anggaran", {"kode": "P01.K01.S01"}, anggaran="600.000.000")
    m = satu(t.masalah(), "data/2024/anggaran.csv", 4, "anggaran")
    assert "pemisah ribuan" in m.pesan and "600000000" in m.pesan


def test_empty_required_cell():
    t = TahunKecil().ubah("cpr_kecamatan", {"kecamatan": "HALONG"}, pus="")
    assert "kosong" in satu(t.masalah(), "data/2024/cpr_kecamatan.csv", 3, "pus").pesan


def test_whitespace_only_cell():
    t = TahunKecil().ubah("cpr_kecamatan", {"kecamatan": "HALONG"}, kb_aktif="   ")
    assert "spasi" in satu(t.masalah(), "data/2024/cpr_kecamatan.csv", 3, "kb_aktif").pesan


def test_text_in_number_column():
    t = TahunKecil().target("IKU1", "tujuh puluh")
    assert "bukan angka" in satu(t.masalah(), "data/2024/target.csv", 2, "target").pesan


def test_unknown_sasaran():
    t = TahunKecil().ubah("program_kinerja", {"kode": "S1.P1"}, sasaran="S9")
    m = satu(t.masalah(), "data/2024/program_kinerja.csv", 2, "sasaran")
    assert '"S9" tidak dikenal' in m.pesan and "data/sasaran.csv" in m.pesan


def test_unknown_kecamatan_suggests_closest():
    t = TahunKecil().ubah("desa", {"desa": "DESA TIGA"}, kecamatan="HALNG")
    m = satu(t.masalah(), "data/2024/desa.csv", 4, "kecamatan")
    assert "tidak dikenal" in m.pesan and 'Mungkin maksud Anda "HALONG"' in m.pesan


def test_target_year_outside_renstra():
    t = TahunKecil().ubah("renstra_target", {"indikator": "IKU1", "tahun": 2021}, tahun=2027)
    m = satu(t.masalah(), "data/renstra_target.csv", 2, "tahun")
    assert "di luar periode Renstra 2021–2026" in m.pesan


def test_edition_year_outside_renstra():
    t = TahunKecil().instansi(renstra={"periode": [2025, 2029]})
    m = satu(t.masalah(), "data/instansi.yaml", None, "renstra.periode")
    assert "tahun 2024 berada di luar periode Renstra 2025–2029" in m.pesan


def test_missing_year_folder_lists_available_years():
    with pytest.raises(ValidasiGagal) as e:
        data.muat_teks(2031, TahunKecil().teks())
    (m,) = e.value.masalah
    assert m.berkas == "data/2031" and m.pesan.endswith("Tahun yang tersedia: 2024.")


def test_duplicated_row():
    t = TahunKecil().tambah("cpr_kecamatan", kecamatan="JUAI", pus=1000, kb_aktif=750)
    m = satu(t.masalah(), "data/2024/cpr_kecamatan.csv", 4, "kecamatan")
    assert "baris ganda" in m.pesan and "baris 2" in m.pesan


def test_negative_money():
    t = TahunKecil().ubah("anggaran", {"kode": "P01.K01.S01"}, anggaran=-5)
    assert "negatif" in satu(t.masalah(), "data/2024/anggaran.csv", 4, "anggaran").pesan


def test_unknown_choice_lists_valid_values():
    t = TahunKecil().ubah("indikator", {"kode": "IKU1"}, arah="atas")
    assert "naik, turun" in satu(t.masalah(), "data/indikator.csv", 3, "arah").pesan


def test_missing_column():
    masalah = TahunKecil().berkas("kecamatan.csv", "nama\nJUAI\n").masalah()
    assert "tidak ada di baris judul" in satu(masalah, "data/kecamatan.csv", 1, "kecamatan").pesan
    assert "tidak dikenal" in satu(masalah, "data/kecamatan.csv", 1, "nama").pesan


def test_all_problems_reported_at_once():
    masalah = (TahunKecil().realisasi("IKU1", 2022, "75,5")
               .ubah("desa", {"desa": "DESA SATU"}, kecamatan="X").target("IKU1", "").masalah())
    satu(masalah, "data/realisasi.csv", 3, "realisasi")
    satu(masalah, "data/2024/desa.csv", 2, "kecamatan")
    satu(masalah, "data/2024/target.csv", 2, "target")


def test_unknown_verdict_rule_names_the_edition_file_and_key(salinan_data):
    edisi = salinan_data / "2024" / "edisi.yaml"
    edisi.write_text(edisi.read_text().replace("kesimpulan: rata_rata_terbatas",
                                               "kesimpulan: modus"))
    m = satu(masalah_dari(salinan_data, 2024), "data/2024/edisi.yaml", None, "penilaian")
    assert 'cara kesimpulan "modus" tidak dikenal' in m.pesan and "median" in m.pesan


@pytest.mark.parametrize(("batas", "pesan"), [
    ("[0, 1e99999]", 'nilai "1e99999" bukan angka'),
    ("[0, 120%]", "memuat tanda %. Tulis angkanya saja: 120"),
    ("[0, ١٢٠]", "0–9"),
])
def test_verdict_bounds_are_numbers_in_the_documented_form(salinan_data, batas, pesan):
    """The bounds are read as strictly as a CSV cell: no exponent, no %, no other digits."""
    edisi = salinan_data / "2024" / "edisi.yaml"
    edisi.write_text(edisi.read_text().replace("batas_capaian: [0, 120]", f"batas_capaian: {batas}"))
    m = satu(masalah_dari(salinan_data, 2024), "data/2024/edisi.yaml", None,
             "penilaian.batas_capaian")
    assert pesan in m.pesan, m.pesan
