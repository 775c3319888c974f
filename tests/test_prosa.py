"""Generated sentences (`lakip_lib.prosa`) an editor would sign: every figure with its unit, the
direction of a change judged by the indicator's direction, a missing value said as missing, and
item b's sentence shaped by the pattern of the years, item c's by the pace so far against the
yearly progress still needed to reach the end-of-Renstra target. Expected sentences are
written out by hand from the small year of `tests.tahun_kecil`."""

from __future__ import annotations

from decimal import Decimal

import pytest

from lakip_lib import kinerja, prosa, prosa_tren
from lakip_lib.kinerja import HasilIndikator, TotalAnggaran
from lakip_lib.perhitungan import Arah
from lakip_lib.prosa_tren import Laju, Pola

from .tahun_kecil import TahunKecil


def _iku(satuan: str, realisasi: str | None, arah: Arah = Arah.NAIK) -> HasilIndikator:
    return HasilIndikator("X", "Indeks X", "S1", satuan, arah, 2, Decimal("74"),
                          None if realisasi is None else Decimal(realisasi), Decimal("99"),
                          "Sangat Tinggi")


# --- values with their units --------------------------------------------------------------------

def test_a_value_carries_its_unit():
    assert prosa.nilai(Decimal("73.27"), "indeks") == "73,27"  # an index has no unit word
    assert prosa.nilai(Decimal("54.9"), "%") == "54,90%"
    assert prosa.nilai(Decimal("17"), "per 1.000 perempuan") == "17,00 per 1.000 perempuan"
    assert prosa.nilai(Decimal("2.345"), "", 2) == "2,35"  # rounded half up, once
    assert prosa.nilai(1234567, "rupiah", 0) == "1.234.567 rupiah"


def test_a_count_shows_no_decimals_and_a_score_two():
    assert prosa.nilai(13, "Laporan", None) == "13 Laporan"
    assert prosa.nilai(Decimal("6.634"), "", None) == "6,63"


def test_a_missing_value_is_said_to_be_not_yet_available():
    assert prosa.nilai(None, "%") == "belum tersedia"


def test_a_count_is_written_with_its_words():
    assert prosa.bilangan(4) == "4 (empat)" and prosa.bilangan(11) == "11 (sebelas)"


# --- item a: the IKU's result ------------------------------------------------------------------

def test_a_missed_target_sentence_gives_figures_capaian_and_category():
    d = TahunKecil().muat()
    assert prosa.capaian_indikator(kinerja.hasil(d, "IKU1"), 2024, kinerja.skala(d)) == (
        "Pada tahun 2024, realisasi Indeks Pemberdayaan Gender sebesar 68,00 terhadap target "
        "80,00, sehingga capaiannya 85,00% dengan kategori **Tinggi**. Target tahun ini belum "
        "tercapai.")


def test_a_lower_is_better_sentence_explains_its_formula():
    d = TahunKecil().muat()
    assert prosa.capaian_indikator(kinerja.hasil(d, "IKU2"), 2024, kinerja.skala(d)) == (
        "Pada tahun 2024, realisasi Angka Kelahiran Total sebesar 2,40 anak per perempuan "
        "terhadap target 2,50 anak per perempuan, sehingga capaiannya 104,00% dengan kategori "
        "**Sangat Tinggi**. Indikator ini makin baik bila makin rendah, sehingga capaian dihitung "
        "dengan rumus (2 × target − realisasi) ÷ target × 100. Target tahun ini tercapai.")


def test_a_missed_target_in_the_band_that_holds_100_is_explained_in_one_sentence():
    d = TahunKecil().realisasi("IKU1", 2024, 76).muat()  # 95%: (90, …) holds 100% too
    assert prosa.capaian_indikator(kinerja.hasil(d, "IKU1"), 2024, kinerja.skala(d)) == (
        "Pada tahun 2024, realisasi Indeks Pemberdayaan Gender sebesar 76,00 terhadap target "
        "80,00, sehingga capaiannya 95,00%. Target tahun ini belum tercapai, tetapi capaiannya "
        "tetap berkategori **Sangat Tinggi** karena kategori itu mencakup setiap capaian di atas "
        "90%.")


def test_a_missing_realisasi_is_said_and_no_capaian_is_stated():
    d = TahunKecil().realisasi("IKU1", 2024, None).muat()
    assert prosa.capaian_indikator(kinerja.hasil(d, "IKU1"), 2024, kinerja.skala(d)) == (
        "Realisasi Indeks Pemberdayaan Gender tahun 2024 belum tersedia, sehingga capaiannya "
        "terhadap target 80,00 belum dapat dihitung.")


def test_names_from_data_read_as_literal_text():
    d = TahunKecil().ubah("indikator", {"kode": "IKU1"}, nama="Indeks *IDG* [baru]").muat()
    kalimat = prosa.capaian_indikator(kinerja.hasil(d, "IKU1"), 2024, kinerja.skala(d))
    assert "realisasi Indeks \\*IDG\\* \\[baru\\] sebesar" in kalimat


# --- item b: the pattern of the years; item c: the pace to the end of the Renstra -------

def _deret(*realisasi: str | None, awal: int = 2021, target: str | None = "70"):
    """(year, Renstra target, realisasi) for consecutive years from `awal`."""
    return [(awal + i, None if target is None else Decimal(target),
             None if r is None else Decimal(r)) for i, r in enumerate(realisasi)]


def _tren(*realisasi: str | None, satuan: str = "indeks", arah: Arah = Arah.NAIK,
          target: str | None = "70") -> prosa.Uraian:
    deret = _deret(*realisasi, target=target)
    return prosa_tren.tren(_iku(satuan, realisasi[-1], arah), deret, deret[-1][0])


@pytest.mark.parametrize(("realisasi", "pola"), [
    (("70", "71", None), Pola.BELUM_ADA),
    ((None, None, "73"), Pola.TITIK_PERTAMA),
    ((None, "70", "73"), Pola.DUA_TAHUN),
    (("70.10", "70.30", "70.20", "70.40"), Pola.DATAR),
    (("70.14", "70.57", "70.03", "73.27"), Pola.KELUAR_DATAR),
    (("16.88", "66.88", "81.17", "98.69"), Pola.MENERUS),
    (("9", "8", "7.5"), Pola.MENERUS),
    (("60", "65", "62", "66"), Pola.BERBALIK),
    (("60", "65", "62", "60"), Pola.BERTURUT),
    (("60", "65", "62", "62"), Pola.NAIK_TURUN),
])
def test_the_pattern_of_the_years(realisasi, pola):
    assert prosa_tren.pola_tren(_deret(*realisasi)) is pola


def test_two_years_say_the_change_with_its_unit_and_whether_it_is_good():
    kalimat = _tren("70.03", "73.27").markdown
    assert kalimat == ("Dibandingkan tahun 2021 (70,03), realisasi Indeks X tahun 2022 naik "
                       "3,24 poin (4,63%), sehingga kinerjanya membaik.")


def test_a_percentage_moves_in_percentage_points_and_a_rise_can_be_bad_news():
    kalimat = _tren("40", "45.5", satuan="%", arah=Arah.TURUN).markdown
    assert "naik 5,50 poin persentase (13,75%), sehingga kinerjanya memburuk, karena " \
           "indikator ini makin baik bila makin rendah." in kalimat


def test_a_flat_series_is_called_flat_with_its_band():
    kalimat = _tren("70.10", "70.30", "70.20", "70.40").markdown
    assert kalimat.startswith("Realisasi Indeks X relatif datar selama 2021–2024: angkanya hanya "
                              "bergerak antara 70,10 dan 70,40")


def test_a_jump_out_of_a_plateau_names_the_band_and_the_new_high():
    kalimat = _tren("70.14", "70.57", "70.03", "73.27").markdown
    assert kalimat == ("Setelah bertahan di kisaran 70,03–70,57 selama 2021–2023, realisasi "
                       "Indeks X naik 3,24 poin (4,63%) pada tahun 2024 menjadi 73,27, angka "
                       "tertinggi sejak tahun 2021; kinerjanya membaik.")


def test_a_steady_rise_gives_the_whole_rise_and_its_largest_jump():
    kalimat = _tren("16.88", "66.88", "81.17", "98.69", satuan="%").markdown
    assert ("naik pada setiap tahun yang tercatat sejak 2021: dari 16,88% menjadi 98,69% pada "
            "tahun 2024, atau naik 81,81 poin persentase dalam 3 (tiga) tahun, dengan lonjakan "
            "terbesar pada tahun 2022: naik 50,00 poin persentase.") in kalimat


def test_an_even_fall_names_no_jump():
    kalimat = _tren("9", "8", "7", "6", arah=Arah.TURUN).markdown
    assert "turun pada setiap tahun" in kalimat and "lonjakan" not in kalimat


def test_a_reversal_says_what_it_reverses():
    kalimat = _tren("60", "65", "62", "66").markdown
    assert kalimat.startswith("Arah realisasi Indeks X berbalik pada tahun 2024: setelah turun "
                              "3,00 poin (4,62%) pada tahun 2023 menjadi 62,00, tahun ini naik "
                              "4,00 poin (6,45%) menjadi 66,00")


def test_a_run_since_a_turn_says_how_long_and_from_where():
    kalimat = _tren("60", "65", "62", "60").markdown
    assert kalimat == ("Realisasi Indeks X turun 2 (dua) tahun berturut-turut setelah naik pada "
                       "tahun 2022: dari 65,00 menjadi 60,00 pada tahun 2024. Tahun ini saja "
                       "angkanya turun 2,00 poin (3,23%) dari tahun 2023, sehingga kinerjanya "
                       "memburuk, karena indikator ini makin baik bila makin tinggi.")


def test_an_up_and_down_series_gives_its_range_with_years():
    kalimat = _tren("60", "65", "62", "62").markdown
    assert kalimat.startswith("Realisasi Indeks X naik-turun selama 2021–2024, antara 60,00 "
                              "(tahun 2021) dan 65,00 (tahun 2022).")


def test_a_first_year_names_the_years_that_had_a_target_but_no_realisasi():
    beberapa = _tren(None, None, "73").markdown
    satu = _tren(None, "73").markdown
    tanpa_target = _tren(None, "73", target=None).markdown
    assert "sejak tahun 2021, tetapi realisasi tahun 2021–2022 tidak tercatat" in beberapa
    assert satu.startswith("Target Indeks X tahun 2021 sudah ditetapkan dalam Renstra, tetapi "
                           "realisasinya tidak tersedia")
    assert tanpa_target.startswith("Realisasi Indeks X sebelum tahun 2022 tidak tercatat")


def test_a_missing_year_points_to_the_last_known_one():
    kalimat = _tren("70", "71", None).markdown
    assert "angka terakhir yang tercatat adalah 71,00 pada tahun 2022" in kalimat


def test_every_realisasi_in_item_b_is_stated_as_its_fact():
    uraian = _tren("70.14", "70.57", "70.03", "73.27")
    assert uraian.fakta == (("70,03", "X.realisasi.2023"), ("70,57", "X.realisasi.2022"),
                            ("73,27", "X.realisasi.2024"))


def _akhir(realisasi: tuple[str, ...], target_akhir: str | None, tahun_akhir: int = 2026,
           satuan: str = "indeks", arah: Arah = Arah.NAIK) -> tuple[Laju, str]:
    deret = _deret(*realisasi)
    tahun, h = deret[-1][0], _iku(satuan, realisasi[-1], arah)
    akhir = None if target_akhir is None else Decimal(target_akhir)
    capaian = None if akhir is None or h.realisasi is None else (
        h.realisasi / akhir * 100 if arah is Arah.NAIK else (2 * akhir - h.realisasi) / akhir * 100)
    return (prosa_tren.pola_laju(h, deret, akhir, tahun_akhir, capaian, tahun),
            prosa_tren.akhir_renstra(h, deret, akhir, tahun_akhir, capaian, tahun).markdown)


@pytest.mark.parametrize(("realisasi", "target_akhir", "tahun_akhir", "laju"), [
    (("70",), None, 2026, Laju.TIDAK_DAPAT),
    (("70", "98"), "44", 2026, Laju.TERLAMPAUI_JAUH),
    (("70", "76.2"), "76", 2026, Laju.TERCAPAI),
    (("70", "75"), "76", 2022, Laju.TIDAK_TERCAPAI),
    (("73.27",), "76", 2026, Laju.TANPA_LAJU),
    (("70", "72"), "76", 2024, Laju.SESUAI_JALUR),
    (("70.14", "70.57", "70.03", "73.27"), "76", 2026, Laju.PERLU_DIPERCEPAT),
    (("72", "71"), "76", 2026, Laju.BERLAWANAN),
])
def test_the_pace_to_the_end_of_renstra(realisasi, target_akhir, tahun_akhir, laju):
    assert _akhir(realisasi, target_akhir, tahun_akhir)[0] is laju


def test_item_c_compares_the_pace_needed_with_the_pace_so_far():
    _, kalimat = _akhir(("70.14", "70.57", "70.03", "73.27"), "76")
    assert ("masih memerlukan kenaikan 2,73 poin, yaitu rata-rata 1,37 poin per tahun hingga "
            "2026. Laju 2021–2024 baru rata-rata 1,04 poin per tahun, sehingga kenaikan Indeks X "
            "perlu dipercepat.") in kalimat


def test_item_c_on_track():
    _, kalimat = _akhir(("70", "72"), "76", 2024)
    assert ("Sisa kenaikan 4,00 poin berarti rata-rata 2,00 poin per tahun hingga 2024, tidak "
            "lebih cepat daripada laju 2021–2022 (rata-rata 2,00 poin per tahun)") in kalimat


def test_item_c_without_a_pace_so_far_still_gives_the_yearly_progress_needed():
    _, kalimat = _akhir(("73.27",), "76", 2026)
    assert ("Masih diperlukan kenaikan 2,73 poin untuk mencapainya, atau rata-rata 0,55 poin per "
            "tahun selama 5 (lima) tahun tersisa (2022–2026); laju tahun-tahun sebelumnya belum "
            "dapat dibandingkan") in kalimat


def test_item_c_for_a_lower_is_better_indicator_in_its_last_year():
    _, kalimat = _akhir(("2.40",), "2.32", 2022, "anak per perempuan", Arah.TURUN)
    assert ("Masih diperlukan penurunan 0,08 anak per perempuan untuk mencapainya dalam satu "
            "tahun tersisa (2022)") in kalimat


def test_item_c_reached_just_or_far():
    _, tipis = _akhir(("2.40", "2.31"), "2.32", 2026, "anak per perempuan", Arah.TURUN)
    _, jauh = _akhir(("70", "98"), "44", 2026, "%")
    assert "sudah tercapai, meski tipis (capaian 100,43%)" in tipis
    assert "agar tidak kembali naik melewati target itu" in tipis
    assert "sudah jauh melampaui target akhir Renstra 2026 (44,00%)" in jauh


def test_item_c_moving_away_from_the_target():
    _, kalimat = _akhir(("72", "71"), "76")
    assert kalimat.startswith("Realisasi Indeks X justru menjauh rata-rata 1,00 poin per tahun "
                              "sejak tahun 2021, menjadi 71,00 pada tahun 2022")


def test_item_c_states_realisasi_end_target_and_capaian_as_facts():
    realisasi = ("70", "98")
    deret = _deret(*realisasi)
    uraian = prosa_tren.akhir_renstra(_iku("%", "98"), deret, Decimal("44"), 2026,
                                      Decimal("222.73"), 2022)
    assert [k for _, k in uraian.fakta] == ["X.realisasi.2022", "X.target_renstra.2026",
                                           "X.capaian_akhir_renstra"]


def test_items_b_and_c_from_the_small_year():
    d = TahunKecil().muat()  # 74, 75, 70, 68 in 2021–2024 against 82 in 2026
    h = kinerja.hasil(d, "IKU1", target=Decimal(82))
    deret = [(t.tahun, t.target, t.realisasi) for t in kinerja.riwayat(d, "IKU1")]
    assert prosa_tren.pola_tren(deret) is Pola.BERTURUT
    assert prosa_tren.tren(h, deret, 2024).markdown == (
        "Realisasi Indeks Pemberdayaan Gender turun 2 (dua) tahun berturut-turut setelah naik "
        "pada tahun 2022: dari 75,00 menjadi 68,00 pada tahun 2024. Tahun ini saja angkanya turun "
        "2,00 poin (2,86%) dari tahun 2023, sehingga kinerjanya memburuk, karena indikator ini "
        "makin baik bila makin tinggi.")
    # from 74 to 68 in three years: 2 points a year away from 82, which needs 7 a year
    assert prosa_tren.akhir_renstra(h, deret, Decimal(82), 2026, h.capaian, 2024).markdown == (
        "Realisasi Indeks Pemberdayaan Gender justru menjauh rata-rata 2,00 poin per tahun sejak "
        "tahun 2021, menjadi 68,00 pada tahun 2024 (capaian 82,93% terhadap target akhir Renstra "
        "2026 sebesar 82,00); untuk mencapai target itu diperlukan kenaikan rata-rata 7,00 poin "
        "per tahun hingga 2026.")


# --- budget, verdict, efficiency ----------------------------------------------------------------

def test_budget_sentence_gives_amounts_in_figures_and_words():
    assert prosa.anggaran(TotalAnggaran(1_000_000_000, 940_000_000), "APBD Kabupaten Contoh") == (
        "Anggaran instansi tahun ini sebesar Rp1.000.000.000 (*Satu Miliar Rupiah*) yang "
        "bersumber dari APBD Kabupaten Contoh. Realisasinya Rp940.000.000 (*Sembilan Ratus "
        "Empat Puluh Juta Rupiah*) atau 94,00% dari anggaran, dengan sisa Rp60.000.000.")


def test_budget_sentence_of_an_incomplete_draft():
    assert prosa.anggaran(TotalAnggaran(5000, None), "APBD").endswith(
        "yang bersumber dari APBD. Realisasinya belum tersedia.")
    assert prosa.anggaran(TotalAnggaran(None, None), "APBD") == (
        "Rincian anggaran tahun ini belum lengkap; jumlahnya belum tersedia.")


def test_verdict_sentence_counts_the_categories_that_occur():
    jumlah = {"Sangat Rendah": 0, "Rendah": 0, "Tinggi": 1, "Sangat Tinggi": 2}
    assert prosa.sebaran_kategori(jumlah, "Sangat Tinggi", Decimal("94.5"),
                                   "median capaian seluruh IKU") == (
        "Dari 3 (tiga) IKU yang capaiannya dapat dihitung, 1 (satu) berkategori Tinggi, "
        "2 (dua) berkategori Sangat Tinggi. Kinerja instansi secara keseluruhan dinilai dari "
        "median capaian seluruh IKU, yaitu 94,50%, sehingga berkategori **Sangat Tinggi**.")
    assert prosa.sebaran_kategori({"Tinggi": 0}, None, None, "x") == (
        "Belum ada IKU yang capaiannya dapat dihitung.")


def test_efficiency_sentence_says_which_side_is_larger():
    assert prosa.efisiensi(Decimal(85), Decimal(94), Decimal("90.43")) == (
        "Capaian kinerja 85,00% dibandingkan penyerapan anggaran 94,00% menghasilkan efisiensi "
        "90,43%: porsi anggaran yang diserap lebih besar daripada hasilnya.")
    assert prosa.efisiensi(Decimal(94), Decimal(94), Decimal(100)).endswith(
        "efisiensi 100,00%: hasil yang dicapai lebih besar daripada porsi anggaran yang diserap.")
    assert prosa.efisiensi(None, Decimal(94), None) == (
        "Efisiensi belum dapat dihitung karena capaian atau penyerapan anggaran belum tersedia.")
