"""Parsing one CSV cell (`lakip_lib.sel.parse`): the forms accepted, the forms an analyst types by
habit that are refused (decimal comma, thousands separators, "Rp", "%", other digits), and the
exact message that says what to write instead."""

from __future__ import annotations

from decimal import Decimal

import pytest

from lakip_lib import karakter
from lakip_lib.dataset import Kolom, Tipe
from lakip_lib.sel import parse

DESIMAL = Kolom("realisasi", Tipe.DESIMAL)
RUPIAH = Kolom("anggaran", Tipe.RUPIAH, boleh_negatif=False)
BULAT = Kolom("jumlah", Tipe.BULAT)
TAHUN = Kolom("tahun", Tipe.TAHUN)
ARAH = Kolom("arah", pilihan=("naik", "turun"))
KODE = Kolom("kode", nama_berkas=True)
BEBAS = Kolom("catatan", wajib=False)


def pesan(teks: str, kolom: Kolom) -> str | None:
    nilai, pesan_ = parse(teks, kolom)
    assert nilai is None
    return pesan_


# --- accepted ---------------------------------------------------------------------------------

def test_a_decimal_keeps_its_exact_written_form():
    nilai, _ = parse("1.50", DESIMAL)
    assert nilai == Decimal("1.50") and str(nilai) == "1.50"
    assert parse(" -0.25 ", DESIMAL) == (Decimal("-0.25"), None)
    assert parse("73", DESIMAL) == (Decimal(73), None)


def test_whole_numbers_and_rupiah_become_integers():
    assert parse("97000169679", RUPIAH) == (97000169679, None)
    assert parse("-3", BULAT) == (-3, None)
    assert parse("9" * 18, BULAT) == (10**18 - 1, None)  # the longest number accepted


def test_a_year_is_four_digits_between_1900_and_2200():
    assert parse("2024", TAHUN) == (2024, None)
    assert parse("1900", TAHUN) == (1900, None) and parse("2200", TAHUN) == (2200, None)


def test_an_empty_optional_cell_is_none_without_a_message():
    assert parse("", BEBAS) == (None, None) and parse("  ", BEBAS) == (None, None)


def test_text_of_the_allowed_choices_and_file_name_safe_codes():
    assert parse("turun", ARAH) == ("turun", None)
    assert parse("S1-b_2", KODE) == ("S1-b_2", None)
    assert parse("S" * 32, KODE) == ("S" * 32, None)


# --- refused, with what to write instead --------------------------------------------------------

def test_a_decimal_comma_gets_the_same_number_with_a_point():
    assert pesan("73,27", DESIMAL) == ('nilai "73,27" bukan angka yang valid. Gunakan titik sebagai '
                                       "pemisah desimal: 73.27")


def test_indonesian_formatting_gets_the_plain_number():
    assert pesan("1.234,56", DESIMAL) == (
        'nilai "1.234,56" memakai pemisah ribuan dan koma desimal. Tulis tanpa pemisah ribuan '
        "dengan titik desimal: 1234.56")


def test_a_percent_sign_is_refused_and_the_number_suggested():
    assert pesan("54.9%", DESIMAL) == 'nilai "54.9%" memuat tanda %. Tulis angkanya saja: 54.9'


@pytest.mark.parametrize("teks", ["156.590.000", "156,590,000"])
def test_thousands_separators_in_money_are_refused(teks):
    assert pesan(teks, RUPIAH) == (f'nilai "{teks}" memakai pemisah ribuan. Tulis tanpa pemisah: '
                                   "156590000")


def test_rp_in_money_is_refused():
    assert pesan("Rp 1.000", RUPIAH) == 'nilai "Rp 1.000" memuat "Rp". Tulis angkanya saja: 1000'


def test_a_fraction_in_a_whole_number_column_is_refused():
    assert pesan("12.5", BULAT) == ('nilai "12.5" bukan bilangan bulat. Isi dengan bilangan bulat, '
                                    "misalnya 26482.")


def test_a_negative_amount_is_refused_where_it_cannot_be():
    assert pesan("-5", RUPIAH) == 'nilai "-5" negatif, padahal harus 0 atau lebih.'


@pytest.mark.parametrize("teks", ["1e5", "NaN", "Infinity", "1.234.567", "tujuh"])
def test_forms_python_would_read_as_numbers_or_that_are_words_are_refused(teks):
    assert pesan(teks, DESIMAL) == (f'nilai "{teks}" bukan angka. Isi dengan angka dengan titik '
                                    "sebagai pemisah desimal, misalnya 73.27.")


def test_other_digits_than_0_to_9_get_their_ascii_form():
    assert pesan("٧٣", BULAT) == ('nilai "٧٣" memakai angka selain 0–9 (misalnya angka Arab atau '
                                  "lebar penuh). Tulis dengan angka 0–9: 73")
    assert pesan("７３.２７", DESIMAL).endswith("Tulis dengan angka 0–9: 73.27")  # type: ignore[union-attr]


@pytest.mark.parametrize("teks", ["24", "2201", "1899", "tahun"])
def test_a_year_outside_four_digits_1900_to_2200_is_refused(teks):
    assert pesan(teks, TAHUN) == (f'nilai "{teks}" bukan tahun. Isi dengan tahun empat angka, '
                                  "misalnya 2024.")


def test_an_empty_required_cell_says_what_it_needs():
    assert pesan("", DESIMAL) == ("sel kosong, padahal wajib diisi (angka dengan titik sebagai "
                                  "pemisah desimal, misalnya 73.27).")
    assert pesan("   ", ARAH) == ("sel hanya berisi spasi, padahal wajib diisi (pilih salah satu: "
                                   "naik, turun).")


def test_a_value_outside_the_choices_lists_them():
    assert pesan("Naik", ARAH) == 'nilai "Naik" tidak dikenal. Pilihan yang sah: naik, turun.'


@pytest.mark.parametrize("teks", ["../x", "S 1", "S" * 33, "-S1"])
def test_a_code_that_becomes_a_file_name_is_refused_unless_plain(teks):
    assert pesan(teks, KODE).startswith(  # type: ignore[union-attr]
        f'nilai "{teks}" menjadi bagian nama halaman dan berkas narasi, jadi hanya boleh berisi '
        "huruf A–Z, angka, tanda hubung, dan garis bawah (paling banyak 32 karakter)")


def test_an_invisible_character_is_named_by_its_code_point():
    assert pesan("73\u200b.27", DESIMAL) == (
        "sel memuat karakter tak terlihat U+200B (spasi lebar nol). Hapus karakter itu (sering "
        "terbawa saat menyalin dari web atau PDF).")


def test_text_longer_than_2000_characters_is_refused():
    assert parse("x" * 2000, BEBAS) == ("x" * 2000, None)
    assert pesan("x" * 2001, BEBAS) == ("teks terlalu panjang (2001 karakter; batas 2000). Periksa "
                                        "apakah isi beberapa sel tergabung menjadi satu.")


def test_numbers_too_long_to_be_true_are_refused_and_quoted_shortly():
    assert pesan("1" * 19, BULAT) == ('nilai "1111111111111111111" terlalu panjang (19 karakter): '
                                      "paling banyak 18 angka sebelum titik dan 20 sesudahnya.")
    assert pesan("0." + "1" * 21, DESIMAL).startswith(  # type: ignore[union-attr]
        'nilai "0.111111111111111111111" terlalu panjang (23 karakter)')
    assert pesan("1" * 41, DESIMAL).startswith(  # type: ignore[union-attr]
        'nilai "' + "1" * 27 + '…" terlalu panjang (41 karakter)')


def test_control_characters_are_found_where_they_are_and_line_breaks_only_in_long_texts():
    assert karakter.terlarang("ab\x07c") == (2, "karakter kendali U+0007 (BEL)")
    assert karakter.terlarang("a\tb\r\nc", banyak_baris=True) is None
    assert karakter.terlarang("ab\nc") == (2, "karakter kendali U+000A (ganti baris)")
    assert pesan("Final\nRevisi", BEBAS).startswith(  # type: ignore[union-attr]
        "sel memuat karakter kendali U+000A (ganti baris), padahal isian ini harus satu baris")
