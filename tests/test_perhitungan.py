from decimal import Decimal as D

import pytest

from lakip_lib.perhitungan import (
    Arah,
    AturanKesimpulan,
    Penilaian,
    Pita,
    capaian,
    capaian_rumus,
    cpr,
    efisiensi,
    jumlah_paling_banyak,
    kategori,
    penurunan_kasus,
    penyerapan,
    persentase_desa_maju,
)

SKALA = [
    Pita("Sangat Rendah", None, D(50)),
    Pita("Rendah", D(50), D(65)),
    Pita("Sedang", D(65), D(75)),
    Pita("Tinggi", D(75), D(90)),
    Pita("Sangat Tinggi", D(90), None),
]


def r2(nilai: D | None) -> D:
    assert nilai is not None
    return round(nilai, 2)


def test_capaian_higher_is_better_is_realisasi_over_target():
    assert r2(capaian(D("74.04"), D("73.27"), Arah.NAIK)) == D("98.96")


def test_capaian_lower_is_better_beats_target():
    assert r2(capaian(D("2.33"), D("2.31"), Arah.TURUN)) == D("100.86")


def test_capaian_lower_is_better_misses_target():
    assert r2(capaian(D("16"), D("17"), Arah.TURUN)) == D("93.75")


def test_capaian_target_zero_is_undefined():
    assert capaian(D(0), D(5), Arah.NAIK) is None
    assert capaian(D(0), D(5), Arah.TURUN) is None


def test_capaian_missing_realisasi_is_undefined():
    assert capaian(D(5), None, Arah.NAIK) is None


def test_capaian_of_a_level_below_zero_stays_negative():
    assert r2(capaian(D("5.5"), D("-70"), Arah.NAIK)) == D("-1272.73")


def test_capaian_of_a_change_in_the_wrong_direction_is_zero_not_negative():
    # cases rose 70% against a target of a 5,50% decrease: no part of the target achieved
    assert capaian(D("5.5"), D("-70"), Arah.NAIK, Penilaian.PERUBAHAN) == 0
    assert r2(capaian_rumus(D("5.5"), D("-70"), Arah.NAIK)) == D("-1272.73")
    assert capaian(D(2), D(5), Arah.TURUN, Penilaian.PERUBAHAN) == 0


def test_capaian_of_a_change_in_the_right_direction_is_the_formula():
    assert r2(capaian(D("5.5"), D("2.2"), Arah.NAIK, Penilaian.PERUBAHAN)) == D(40)
    assert r2(capaian(D("5.5"), D("11"), Arah.NAIK, Penilaian.PERUBAHAN)) == D(200)


def test_capaian_lower_is_better_far_above_target_goes_negative():
    assert capaian(D(2), D(5), Arah.TURUN) == D(-50)


@pytest.mark.parametrize(
    ("nilai", "harapan"),
    [
        ("-1272.73", "Sangat Rendah"),
        ("0", "Sangat Rendah"),
        ("50", "Sangat Rendah"),
        ("50.0001", "Rendah"),
        ("65", "Rendah"),
        ("65.01", "Sedang"),
        ("75", "Sedang"),
        ("75.000001", "Tinggi"),
        ("90", "Tinggi"),
        ("90.01", "Sangat Tinggi"),
        ("219.32", "Sangat Tinggi"),
    ],
)
def test_kategori_bands_are_half_open_at_50_65_75_90(nilai, harapan):
    assert kategori(D(nilai), SKALA) == harapan


def test_kategori_of_no_value_is_none():
    assert kategori(None, SKALA) is None


def test_kategori_raises_when_scale_has_a_gap():
    with pytest.raises(ValueError):
        kategori(D(70), [Pita("Rendah", None, D(60)), Pita("Tinggi", D(80), None)])


def test_penyerapan_is_realisasi_over_anggaran():
    assert r2(penyerapan(90960332708, 97000169679)) == D("93.77")


def test_penyerapan_of_zero_budget_is_undefined():
    assert penyerapan(0, 0) is None


def test_efisiensi_is_capaian_over_penyerapan():
    assert r2(efisiensi(D(100), D("94.68"))) == D("105.62")


def test_efisiensi_without_absorption_is_undefined():
    assert efisiensi(D(100), D(0)) is None
    assert efisiensi(None, D(50)) is None


def test_penurunan_kasus_rise_is_negative():
    assert penurunan_kasus(10, 17) == D(-70)


def test_penurunan_kasus_fall_is_positive():
    assert penurunan_kasus(20, 15) == D(25)


def test_penurunan_kasus_without_previous_cases_is_undefined():
    assert penurunan_kasus(0, 3) is None


def test_persentase_desa_maju():
    assert r2(persentase_desa_maju(151, 153)) == D("98.69")


def test_cpr_is_kb_aktif_over_pus():
    assert r2(cpr(20703, 26482)) == D("78.18")


# --- the year's verdict rule: each rule on the same four capaian --------------------------------
# 2024's IKU capaian (IDG, case decline, TFR, villages): one far below zero, one far above 100.
CAPAIAN_2024 = [D("98.96"), D("-1272.73"), D("100.86"), D("219.32")]


@pytest.mark.parametrize("penilaian, nilai, kategori_", [
    ({"kesimpulan": "rata_rata"}, D("-213.40"), "Sangat Rendah"),
    ({"kesimpulan": "rata_rata_terbatas", "batas_capaian": [0, 120]}, D("79.96"), "Tinggi"),
    ({"kesimpulan": "median"}, D("99.91"), "Sangat Tinggi"),
    ({"kesimpulan": "persen_tercapai"}, D("50.00"), "Sangat Rendah"),
])
def test_each_verdict_rule_gives_its_own_figure_and_category(penilaian, nilai, kategori_):
    aturan = AturanKesimpulan.dari(penilaian)
    hasil = aturan.nilai(CAPAIAN_2024)
    assert r2(hasil) == nilai
    assert kategori(hasil, SKALA) == kategori_


def test_bounded_mean_counts_each_capaian_within_its_bounds():
    aturan = AturanKesimpulan.dari({"kesimpulan": "rata_rata_terbatas", "batas_capaian": [0, 100]})
    assert aturan.nilai([D(-50), D(150)]) == D(50)
    assert "paling rendah 0% dan paling tinggi 100%" in aturan.uraian


def test_default_rule_is_the_bounded_mean_and_no_capaian_gives_no_verdict():
    assert AturanKesimpulan.dari({}).cara == "rata_rata_terbatas"
    assert AturanKesimpulan.dari({}).nilai([]) is None


@pytest.mark.parametrize("penilaian, pesan", [
    ({"kesimpulan": "modus"}, 'cara kesimpulan "modus" tidak dikenal'),
    ({"batas_capaian": [120, 0]}, "batas bawah harus lebih kecil"),
    ({"batas_capaian": "nol"}, "harus dua angka"),
])
def test_malformed_verdict_rule_is_refused_in_indonesian(penilaian, pesan):
    with pytest.raises(ValueError, match=pesan):
        AturanKesimpulan.dari(penilaian)


def test_the_largest_count_that_meets_a_target_decrease_is_rounded_down():
    assert jumlah_paling_banyak(17, D("5.5")) == 16  # 17 × 0,945 = 16,065
    assert jumlah_paling_banyak(20, D(5)) == 19  # exactly 5%: 19 still meets it
    assert jumlah_paling_banyak(10, D(0)) == 10
