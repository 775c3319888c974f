"""Property-based tests of the domain functions: no crash, full coverage, round trips."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from lakip_lib import format as fmt
from lakip_lib.perhitungan import Arah, Pita, capaian, kategori

SKALA = [Pita("Sangat Rendah", None, Decimal(50)), Pita("Rendah", Decimal(50), Decimal(65)),
         Pita("Sedang", Decimal(65), Decimal(75)), Pita("Tinggi", Decimal(75), Decimal(90)),
         Pita("Sangat Tinggi", Decimal(90), None)]

angka = st.decimals(min_value=-10**9, max_value=10**9, allow_nan=False, allow_infinity=False,
                    places=4)


@given(nilai=angka)
def test_every_real_number_falls_in_exactly_one_band(nilai):
    cocok = [p for p in SKALA if p.memuat(nilai)]
    assert len(cocok) == 1 and kategori(nilai, SKALA) == cocok[0].kategori


@given(target=angka, realisasi=angka, arah=st.sampled_from(list(Arah)))
def test_capaian_never_crashes_and_is_none_only_for_target_zero(target, realisasi, arah):
    hasil = capaian(target, realisasi, arah)
    assert (hasil is None) == (target == 0)


@given(target=angka.filter(lambda t: t != 0), realisasi=angka)
def test_directions_mirror_around_100(target, realisasi):
    naik = capaian(target, realisasi, Arah.NAIK)
    turun = capaian(target, realisasi, Arah.TURUN)
    assert abs(naik + turun - Decimal(200)) < Decimal("1e-20")  # exact to Decimal precision


@given(nilai=angka, desimal=st.integers(min_value=0, max_value=4))
def test_angka_round_trips(nilai, desimal):
    assert fmt.baca_angka(fmt.angka(nilai, desimal)) == fmt.bulatkan(nilai, desimal)


@given(nilai=angka)
def test_persen_round_trips(nilai):
    assert fmt.baca_angka(fmt.persen(nilai)) == fmt.bulatkan(nilai, 2)


@given(nilai=st.integers(min_value=-10**15, max_value=10**15))
def test_rupiah_round_trips_and_terbilang_never_crashes(nilai):
    assert fmt.baca_angka(fmt.rupiah(nilai).replace("-Rp", "-")) == nilai
    assert fmt.terbilang(nilai)
