from datetime import date
from decimal import Decimal as D

from lakip_lib import format as fmt


def test_angka_uses_dot_thousands():
    assert fmt.angka(97000169679, 0) == "97.000.169.679"


def test_angka_uses_comma_decimals_and_rounds_half_up():
    assert fmt.angka(D("73.265"), 2) == "73,27"


def test_angka_negative_uses_hyphen_minus():
    assert fmt.angka(D("-1272.7272"), 2) == "-1.272,73"


def test_persen():
    assert fmt.persen(D("93.7733")) == "93,77%"


def test_rupiah():
    assert fmt.rupiah(97000169679) == "Rp97.000.169.679"


def test_missing_value_reads_belum_tersedia():
    assert fmt.angka(None) == "belum tersedia"
    assert fmt.persen(None) == "belum tersedia"
    assert fmt.rupiah(None) == "belum tersedia"


def test_tanggal():
    assert fmt.tanggal(date(2025, 1, 31)) == "31 Januari 2025"


def test_a_date_known_to_the_month_prints_as_the_month():
    bulan = fmt.Bulan.dari_teks("2025-01")
    assert bulan == date(2025, 1, 1) and bulan.isoformat() == "2025-01"
    assert fmt.tanggal(bulan) == "Januari 2025"
    assert fmt.Bulan.dari_teks("2025-13") is None and fmt.Bulan.dari_teks("2025-01-31") is None


def test_terbilang_rupiah():
    assert fmt.terbilang_rupiah(97000169679) == (
        "Sembilan Puluh Tujuh Miliar Seratus Enam Puluh Sembilan Ribu Enam Ratus Tujuh Puluh "
        "Sembilan Rupiah"
    )


def test_terbilang_small_amounts():
    assert fmt.terbilang(0) == "Nol"
    assert fmt.terbilang(1000) == "Seribu"
    assert fmt.terbilang(-5) == "Minus Lima"


def test_baca_angka_inverts_persen():
    assert fmt.baca_angka(fmt.persen(D("1234.5"))) == D("1234.50")


def test_angka_persis_keeps_every_decimal_typed():
    assert fmt.angka_persis(D("0.7412")) == "0,7412"
    assert fmt.angka_persis(D("1000.50")) == "1.000,5"
    assert fmt.angka_persis(D("772")) == "772"


def test_detik_is_angka_with_one_decimal():
    for nilai in (0.0, 0.04, 0.05, 0.25, 2.65, 9.95, 999.95, 1234.46, 1234567.0, -0.04, -3.25):
        assert fmt.detik(nilai) == fmt.angka(nilai, 1), nilai
