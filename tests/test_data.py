"""Every kind of analyst mistake gets a message naming file, row and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from lakip_lib import data
from lakip_lib.masalah import PERINGATAN, Masalah, ValidasiGagal

from .conftest import DATA, sel, ubah_sel
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


def test_decimal_comma_names_file_row_column_and_fix(salinan_data):
    ubah_sel(salinan_data / "realisasi.csv", 5, "realisasi", "73,27")
    m = satu(masalah_dari(salinan_data), "data/realisasi.csv", 5, "realisasi")
    assert '"73,27"' in m.pesan and "73.27" in m.pesan
    assert str(m).startswith('data/realisasi.csv, baris 5, kolom "realisasi": ')


def test_thousands_separator_in_money(salinan_data):
    berkas = salinan_data / "2024" / "anggaran.csv"
    ubah_sel(berkas, 4, "anggaran", "156.590.000")
    m = satu(masalah_dari(salinan_data), "data/2024/anggaran.csv", 4, "anggaran")
    assert "pemisah ribuan" in m.pesan and "156590000" in m.pesan


def test_empty_required_cell(salinan_data):
    ubah_sel(salinan_data / "2024" / "cpr_kecamatan.csv", 3, "pus", "")
    m = satu(masalah_dari(salinan_data), "data/2024/cpr_kecamatan.csv", 3, "pus")
    assert "kosong" in m.pesan


def test_whitespace_only_cell(salinan_data):
    ubah_sel(salinan_data / "2024" / "cpr_kecamatan.csv", 3, "kb_aktif", "   ")
    m = satu(masalah_dari(salinan_data), "data/2024/cpr_kecamatan.csv", 3, "kb_aktif")
    assert "spasi" in m.pesan


def test_text_in_number_column(salinan_data):
    ubah_sel(salinan_data / "2024" / "target.csv", 2, "target", "tujuh puluh")
    m = satu(masalah_dari(salinan_data), "data/2024/target.csv", 2, "target")
    assert "bukan angka" in m.pesan


def test_unknown_sasaran(salinan_data):
    ubah_sel(salinan_data / "2024" / "program_kinerja.csv", 2, "sasaran", "S9")
    masalah = masalah_dari(salinan_data)
    m = satu(masalah, "data/2024/program_kinerja.csv", 2, "sasaran")
    assert '"S9" tidak dikenal' in m.pesan and "data/sasaran.csv" in m.pesan


def test_unknown_kecamatan_suggests_closest(salinan_data):
    ubah_sel(salinan_data / "2024" / "desa.csv", 2, "kecamatan", "PARINGIN SELATN")
    m = satu(masalah_dari(salinan_data), "data/2024/desa.csv", 2, "kecamatan")
    assert "tidak dikenal" in m.pesan and 'Mungkin maksud Anda "PARINGIN SELATAN"' in m.pesan


def test_target_year_outside_renstra(salinan_data):
    ubah_sel(salinan_data / "renstra_target.csv", 2, "tahun", "2027")
    m = satu(masalah_dari(salinan_data), "data/renstra_target.csv", 2, "tahun")
    assert "di luar periode Renstra 2021–2026" in m.pesan


def test_edition_year_outside_renstra(salinan_data):
    (salinan_data / "2024").rename(salinan_data / "2030")
    ubah_yaml = salinan_data / "2030" / "edisi.yaml"
    ubah_yaml.write_text(ubah_yaml.read_text().replace("tahun: 2024", "tahun: 2030"))
    m = satu(masalah_dari(salinan_data, 2030), "data/instansi.yaml", None, "renstra.periode")
    assert "di luar periode Renstra" in m.pesan


def test_missing_year_folder_lists_available_years(salinan_data):
    m = masalah_dari(salinan_data, 2031)[0]
    assert m.berkas == "data/2031" and "2024" in m.pesan


def test_realisasi_anggaran_above_anggaran(salinan_data):
    berkas = salinan_data / "2024" / "anggaran.csv"
    ubah_sel(berkas, 4, "realisasi", str(int(sel(berkas, 4, "anggaran")) + 1))
    masalah = masalah_dari(salinan_data)
    m = satu(masalah, "data/2024/anggaran.csv", 4, "realisasi")
    assert "melebihi anggaran" in m.pesan


def test_stated_total_differs_from_sum_of_parts(salinan_data):
    berkas = salinan_data / "2024" / "anggaran.csv"
    ubah_sel(berkas, 3, "anggaran", "300000000")  # P01.K01: its parts sum to 305.640.000
    m = satu(masalah_dari(salinan_data), "data/2024/anggaran.csv", 3, "anggaran")
    assert "berbeda dari jumlah rinciannya Rp305.640.000" in m.pesan
    assert "selisih -Rp5.640.000" in m.pesan


def test_budget_parts_must_sum_to_pagu(salinan_data):
    berkas = salinan_data / "2024" / "anggaran.csv"
    ubah_sel(berkas, 4, "anggaran", str(int(sel(berkas, 4, "anggaran")) + 1000))
    m = satu(masalah_dari(salinan_data), "data/2024/edisi.yaml", None, "pagu_anggaran")
    assert "selisih -Rp1.000" in m.pesan


def test_duplicated_row(salinan_data):
    berkas = salinan_data / "2024" / "cpr_kecamatan.csv"
    berkas.write_text(berkas.read_text() + "JUAI,3252,2504,77.00\n")
    m = satu(masalah_dari(salinan_data), "data/2024/cpr_kecamatan.csv", 10, "kecamatan")
    assert "baris ganda" in m.pesan and "baris 2" in m.pesan


def test_negative_money(salinan_data):
    ubah_sel(salinan_data / "2024" / "anggaran.csv", 4, "anggaran", "-5")
    m = satu(masalah_dari(salinan_data), "data/2024/anggaran.csv", 4, "anggaran")
    assert "negatif" in m.pesan


def test_unknown_choice_lists_valid_values(salinan_data):
    ubah_sel(salinan_data / "indikator.csv", 2, "arah", "atas")
    m = satu(masalah_dari(salinan_data), "data/indikator.csv", 2, "arah")
    assert "naik, turun" in m.pesan


def test_missing_column(salinan_data):
    berkas = salinan_data / "kecamatan.csv"
    berkas.write_text("nama\nJUAI\n")
    masalah = masalah_dari(salinan_data)
    assert satu(masalah, "data/kecamatan.csv", 1, "kecamatan")
    assert "tidak dikenal" in satu(masalah, "data/kecamatan.csv", 1, "nama").pesan


def test_scale_with_gap(salinan_data):
    ubah_sel(salinan_data / "2024" / "skala_kategori.csv", 3, "batas_bawah", "51")
    m = satu(masalah_dari(salinan_data), "data/2024/skala_kategori.csv", 3, "batas_bawah")
    assert "celah" in m.pesan


def test_all_problems_reported_at_once(salinan_data):
    ubah_sel(salinan_data / "realisasi.csv", 5, "realisasi", "73,27")
    ubah_sel(salinan_data / "2024" / "desa.csv", 2, "kecamatan", "X")
    ubah_sel(salinan_data / "2024" / "target.csv", 2, "target", "")
    assert len(masalah_dari(salinan_data)) >= 3


def test_missing_realisasi_is_a_warning_not_an_error(salinan_data):
    berkas = salinan_data / "realisasi.csv"
    baris = [b for b in berkas.read_text().splitlines() if not b.startswith("IKU3,2024")]
    berkas.write_text("\n".join(baris) + "\n")
    hasil = data.muat(2024, salinan_data)
    assert any("IKU3" in m.pesan and m.tingkat == PERINGATAN for m in hasil.peringatan)


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
