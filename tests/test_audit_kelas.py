"""The audit's classes keep apart what a reader keeps apart: a slip of spelling in an amount in
words, or the word "persen" for a change in points, is not arithmetic; a figure printed with a
zero beyond its column's precision is judged at the column's; a printed integer is judged once,
at its own precision; a Perjanjian Kinerja target other than the Renstra's is a note, not an
error; a figure the book shows as signed carries no correction marker."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from lakip_lib import audit, data
from lakip_lib.audit_dilaporkan import salah_ketik
from lakip_lib.temuan import Temuan, presisi_kolom, selisih_kelas, target_di_capaian


@pytest.fixture(scope="module")
def temuan() -> list[Temuan]:
    return audit.periksa(data.muat(2024))


def _satu(temuan: list[Temuan], lokasi: str, perihal: str) -> Temuan:
    (t,) = [t for t in temuan if t.lokasi.startswith(lokasi) and perihal in t.perihal
            and t.kelas != "ganda"]
    return t


def test_a_misspelt_amount_in_words_is_a_slip_of_spelling_not_arithmetic(temuan):
    t = _satu(temuan, "Subbab 3.4", "jumlah realisasi anggaran dalam huruf")
    assert t.kelas == "ejaan" and "Delapn (seharusnya Delapan)" in t.hitungan
    assert "Milyar" not in t.hitungan.split("Kata yang salah tulis")[1]  # a variant, not a slip


@pytest.mark.parametrize(("tercetak", "benar", "salah"), [
    ("Tujuh Ratus Delapn Rupiah", "Tujuh Ratus Delapan Rupiah", [("Delapn", "Delapan")]),
    ("Sembilan Milyar Rupiah", "Sembilan Miliar Rupiah", None),  # same words: no slip at all
    ("Tujuh Ratus Enam Rupiah", "Tujuh Ratus Delapan Rupiah", None),  # another amount
    ("Tujuh Ratus Rupiah", "Tujuh Ratus Delapan Rupiah", None),  # a word missing
])
def test_a_slip_of_spelling_is_a_close_word_not_another_word(tercetak, benar, salah):
    assert salah_ketik(tercetak, benar) == salah


def test_a_change_in_points_printed_as_percent_is_a_wording_slip(temuan):
    """IDG 70,03 → 73,27 printed as "naik 3 persen": 3,24 points, 4,63%."""
    t = _satu(temuan, "Sasaran 1 butir b", "perubahan realisasi dari tahun lalu")
    assert (t.kelas, t.dilaporkan) == ("ejaan", "3") and "kata persen" in t.hitungan


@pytest.mark.parametrize(("dilaporkan", "dihitung", "kolom", "jenis"), [
    ("96.780", "96.78462", 2, None),  # a zero beyond the column's two decimals
    ("96.780", "96.78462", None, "pembulatan"),  # alone it states three decimals
    ("104.30", "104.3112", 2, "pembulatan"),  # at the column's own precision: judged there
    ("96.781", "96.78462", 2, "hitungan"),  # a digit, not a zero: judged at its own three
])
def test_a_figure_is_judged_at_its_columns_precision(dilaporkan, dihitung, kolom, jenis):
    assert selisih_kelas(D(dilaporkan), D(dihitung), "hitungan", kolom) == jenis


def test_a_columns_precision_is_what_most_of_its_figures_print():
    assert presisi_kolom([D("96.58"), D("96.780"), D("88.02"), None]) == 2
    assert presisi_kolom([]) is None


@pytest.mark.parametrize(("dilaporkan", "dihitung", "jenis"), [
    ("115", "114.6777", None),  # an integer judged once, at its own precision
    ("3", "3.24", None),
    ("101", "100.4987", "pembulatan"),  # 100,50 at two decimals, yet 100 at none
])
def test_a_printed_integer_is_judged_once_at_its_own_precision(dilaporkan, dihitung, jenis):
    assert selisih_kelas(D(dilaporkan), D(dihitung), "hitungan") == jenis


def test_a_pk_target_other_than_the_renstras_is_a_note(temuan):
    t = _satu(temuan, "Tabel 2.2 dan Tabel 2.4", "Klasifikasi Desa Maju: target 2024")
    assert t.kelas == "struktur" and t.seharusnya == "45,00 (Perjanjian Kinerja); Renstra 33,77"


def test_pk_lines_shown_as_signed_carry_no_correction_marker(temuan):
    pk = [t for t in audit.perbandingan(data.muat(2024))
          if t.lokasi == "Lampiran Perjanjian Kinerja" and "anggaran sasaran" in t.perihal]
    assert len(pk) == 2 and all(t.fakta == "" for t in pk)
    assert [t.kelas for t in pk] == ["struktur", "konsistensi"]


def test_a_unit_printed_other_than_the_indicators_is_a_unit_slip(temuan):
    """TFR (anak per perempuan) printed with "%" in Tabel 3.1; the Ikhtisar's "Persentase IDG"
    calls an index a percentage: the printed unit against indikator.csv's satuan."""
    satuan = {t.perihal: t for t in temuan if t.kelas == "satuan"}
    assert set(satuan) == {"Angka Kelahiran Total (TFR): satuan",
                           "Indeks Pemberdayaan Gender (IDG): satuan"}
    tfr = satuan["Angka Kelahiran Total (TFR): satuan"]
    assert tfr.lokasi.startswith("Tabel 3.1,") and (tfr.dilaporkan, tfr.seharusnya) == (
        "%", "anak per perempuan")


def test_a_target_printed_in_the_capaian_column_names_that_cause(temuan):
    """Tabel 3.41 prints the row's target (4 laporan) where its capaian (4.250%) belongs."""
    (t,) = [t for t in temuan if t.kelas == "target_capaian"]
    assert t.lokasi.startswith("Tabel 3.41, Pendayagunaan Mitra Kerja")
    assert (t.dilaporkan, t.seharusnya) == ("4", "4.250,00") and "adalah targetnya" in t.hitungan


@pytest.mark.parametrize(("capaian", "target", "kelas"), [
    ("4", "4", "target_capaian"),
    ("45.00", "45", "target_capaian"),  # the target at the capaian's printed precision
    ("8", "2", "konsistensi"),  # another figure: the finding keeps its class
    ("4", None, "konsistensi"),
])
def test_only_a_capaian_equal_to_its_rows_target_is_a_target_in_the_capaian_column(
        capaian, target, kelas):
    t = Temuan("konsistensi", "Tabel", "capaian", capaian, "100,00", "Hitungan.")
    hasil = target_di_capaian(t, D(capaian), None if target is None else D(target))
    assert hasil.kelas == kelas and (hasil is t) == (kelas == "konsistensi")


def test_a_sasaran_printed_under_another_name_than_the_renstras_is_a_naming_finding(temuan):
    """Sasaran 4 is "Meningkatnya status pembangunan desa" in the Renstra; the Ikhtisar, Tabel
    3.1 and Bab IV print another name. Tabel 2.4's capitals alone are no finding."""
    nama = [t for t in temuan if t.kelas == "nama"]
    assert [t.lokasi for t in nama] == ["Ikhtisar Eksekutif", "Tabel 3.1", "Bab IV Penutup"]
    assert all(t.perihal == "Sasaran S4: nama"
               and t.seharusnya == "Meningkatnya status pembangunan desa" for t in nama)


def test_a_claim_about_last_year_the_data_cannot_check_is_listed_as_such(temuan):
    """ASFR's capaian 2023 (109,04%) and target 2023 (19): the data holds neither year's
    target nor its realisasi."""
    tak = [t for t in temuan if t.kelas == "tak_teruji"]
    assert [(t.perihal.split(": ")[-1], t.dilaporkan) for t in tak] == [
        ("capaian 2023", "109,04"), ("target 2023", "19")]
