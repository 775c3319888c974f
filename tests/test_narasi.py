"""Generated sentences (`lakip_lib.narasi`) an editor would sign: every figure with its unit, the
direction of a change judged by the indicator's direction, a missing value said as missing, and
item c's yearly progress still needed to reach the end-of-Renstra target. Expected sentences are
written out by hand from the small year of `tests.tahun_kecil`."""

from __future__ import annotations

from decimal import Decimal

from lakip_lib import kinerja, narasi
from lakip_lib.capaian import Arah
from lakip_lib.kinerja import HasilIndikator, TotalAnggaran

from .tahun_kecil import TahunKecil


def _iku(satuan: str, realisasi: str, arah: Arah = Arah.NAIK) -> HasilIndikator:
    return HasilIndikator("X", "Indeks X", "S1", satuan, arah, 2, Decimal("74"),
                          Decimal(realisasi), Decimal("99"), "Sangat Tinggi")


def test_a_change_of_an_index_is_said_in_points():
    kalimat = narasi.perubahan("Indeks X", Decimal("70.03"), Decimal("73.27"), 2024, "indeks", 2,
                               Arah.NAIK)
    assert "naik 3,24 poin (4,63%)" in kalimat


def test_a_change_of_a_percentage_is_said_in_percentage_points():
    kalimat = narasi.perubahan("P", Decimal("40"), Decimal("45.5"), 2024, "%", 2, Arah.NAIK)
    assert "naik 5,50 poin persentase (13,75%)" in kalimat


def test_item_c_gives_the_yearly_progress_to_the_end_of_renstra_target():
    kalimat = narasi.akhir_renstra(_iku("indeks", "73.27"), Decimal("76"), 2026, Decimal("96.41"),
                                   2024)
    assert ("masih diperlukan kenaikan 2,73 poin untuk mencapainya, atau rata-rata 1,37 poin per "
            "tahun selama 2 (dua) tahun tersisa (2025–2026).") in kalimat


def test_item_c_for_a_lower_is_better_indicator_in_its_last_year():
    kalimat = narasi.akhir_renstra(_iku("anak per perempuan", "2.40", Arah.TURUN), Decimal("2.32"),
                                   2026, Decimal("96.55"), 2025)
    assert ("masih diperlukan penurunan 0,08 anak per perempuan untuk mencapainya dalam satu "
            "tahun tersisa (2026).") in kalimat


# --- values with their units --------------------------------------------------------------------

def test_a_value_carries_its_unit():
    assert narasi.nilai(Decimal("73.27"), "indeks") == "73,27"  # an index has no unit word
    assert narasi.nilai(Decimal("54.9"), "%") == "54,90%"
    assert narasi.nilai(Decimal("17"), "per 1.000 perempuan") == "17,00 per 1.000 perempuan"
    assert narasi.nilai(Decimal("2.345"), "", 2) == "2,35"  # rounded half up, once
    assert narasi.nilai(1234567, "rupiah", 0) == "1.234.567 rupiah"


def test_a_count_shows_no_decimals_and_a_score_two():
    assert narasi.nilai(13, "Laporan", None) == "13 Laporan"
    assert narasi.nilai(Decimal("6.634"), "", None) == "6,63"


def test_a_missing_value_is_said_to_be_not_yet_available():
    assert narasi.nilai(None, "%") == "belum tersedia"


def test_a_count_is_written_with_its_words():
    assert narasi.bilangan(4) == "4 (empat)" and narasi.bilangan(11) == "11 (sebelas)"


# --- item a: the IKU's result ------------------------------------------------------------------

def test_a_missed_target_sentence_gives_figures_capaian_and_category():
    d = TahunKecil().muat()
    assert narasi.capaian_indikator(kinerja.hasil(d, "IKU1"), 2024, kinerja.skala(d)) == (
        "Pada tahun 2024, realisasi Indeks Pemberdayaan Gender sebesar 68,00 terhadap target "
        "80,00, sehingga capaiannya 85,00% dengan kategori **Tinggi**. Target tahun ini belum "
        "tercapai.")


def test_a_lower_is_better_sentence_explains_its_formula():
    d = TahunKecil().muat()
    assert narasi.capaian_indikator(kinerja.hasil(d, "IKU2"), 2024, kinerja.skala(d)) == (
        "Pada tahun 2024, realisasi Angka Kelahiran Total sebesar 2,40 anak per perempuan "
        "terhadap target 2,50 anak per perempuan, sehingga capaiannya 104,00% dengan kategori "
        "**Sangat Tinggi**. Indikator ini makin baik bila makin rendah, sehingga capaian dihitung "
        "dengan rumus (2 × target − realisasi) ÷ target × 100. Target tahun ini tercapai.")


def test_a_missed_target_in_the_band_that_holds_100_is_explained_in_one_sentence():
    d = TahunKecil().realisasi("IKU1", 2024, 76).muat()  # 95%: (90, …) holds 100% too
    assert narasi.capaian_indikator(kinerja.hasil(d, "IKU1"), 2024, kinerja.skala(d)) == (
        "Pada tahun 2024, realisasi Indeks Pemberdayaan Gender sebesar 76,00 terhadap target "
        "80,00, sehingga capaiannya 95,00%. Target tahun ini belum tercapai, tetapi capaiannya "
        "tetap berkategori **Sangat Tinggi** karena kategori itu mencakup setiap capaian di atas "
        "90%.")


def test_a_missing_realisasi_is_said_and_no_capaian_is_stated():
    d = TahunKecil().realisasi("IKU1", 2024, None).muat()
    assert narasi.capaian_indikator(kinerja.hasil(d, "IKU1"), 2024, kinerja.skala(d)) == (
        "Realisasi Indeks Pemberdayaan Gender tahun 2024 belum tersedia, sehingga capaiannya "
        "terhadap target 80,00 belum dapat dihitung.")


def test_names_from_data_read_as_literal_text():
    d = TahunKecil().ubah("indikator", {"kode": "IKU1"}, nama="Indeks *IDG* [baru]").muat()
    kalimat = narasi.capaian_indikator(kinerja.hasil(d, "IKU1"), 2024, kinerja.skala(d))
    assert "realisasi Indeks \\*IDG\\* \\[baru\\] sebesar" in kalimat


# --- item b: the change since last year ---------------------------------------------------------

def test_a_fall_of_a_higher_is_better_indicator_is_a_worsening():
    assert narasi.perubahan("IDG", Decimal(70), Decimal(68), 2024, "indeks", 2, Arah.NAIK) == (
        "Dibandingkan tahun 2023 (70,00), realisasi IDG tahun 2024 turun 2,00 poin (2,86%); "
        "perubahan ini memburuk karena indikator ini makin baik bila makin tinggi.")


def test_a_fall_of_a_lower_is_better_indicator_is_an_improvement():
    kalimat = narasi.perubahan("TFR", Decimal("2.6"), Decimal("2.4"), 2024, "anak per perempuan",
                               2, Arah.TURUN)  # 0.2 / 2.6 = 7.69%
    assert kalimat == ("Dibandingkan tahun 2023 (2,60 anak per perempuan), realisasi TFR tahun "
                       "2024 turun 0,20 anak per perempuan (7,69%); perubahan ini membaik karena "
                       "indikator ini makin baik bila makin rendah.")


def test_a_change_from_zero_has_no_relative_size():
    assert narasi.perubahan("P", Decimal(0), Decimal(5), 2024, "%", 2, Arah.NAIK) == (
        "Dibandingkan tahun 2023 (0,00%), realisasi P tahun 2024 naik 5,00 poin persentase; "
        "perubahan ini membaik karena indikator ini makin baik bila makin tinggi.")


def test_no_change_and_missing_years_are_said_plainly():
    assert narasi.perubahan("P", Decimal(5), Decimal("5.00"), 2024, "%", 2, Arah.NAIK) == (
        "Realisasi P tahun 2024 sama dengan tahun 2023.")
    assert narasi.perubahan("P", Decimal(5), None, 2024, "%", 2, Arah.NAIK) == (
        "Realisasi P tahun 2024 belum tersedia; realisasi tahun 2023 sebesar 5,00%.")
    assert narasi.perubahan("P", None, Decimal(5), 2024, "%", 2, Arah.NAIK) == (
        "Realisasi P tahun 2023 tidak tersedia untuk dibandingkan.")


# --- item c: the end of the Renstra -------------------------------------------------------------

def test_item_c_from_the_small_year():
    d = TahunKecil().muat()  # 68 against 82 in 2026: 68 / 82 = 82.93%, 14 to go in two years
    kalimat = narasi.akhir_renstra(kinerja.hasil(d, "IKU1"), kinerja.target_akhir_renstra(
        d, "IKU1"), 2026, kinerja.hasil(d, "IKU1", target=Decimal(82)).capaian, 2024)
    assert kalimat == (
        "Target akhir periode Renstra tahun 2026 untuk Indeks Pemberdayaan Gender adalah 82,00. "
        "Realisasi saat ini 68,00 setara dengan capaian 82,93% terhadap target akhir tersebut; "
        "masih diperlukan kenaikan 14,00 poin untuk mencapainya, atau rata-rata 7,00 poin per "
        "tahun selama 2 (dua) tahun tersisa (2025–2026).")


def test_item_c_when_the_end_target_is_already_passed():
    kalimat = narasi.akhir_renstra(_iku("anak per perempuan", "2.2", Arah.TURUN), Decimal("2.3"),
                                   2026, Decimal("104.35"), 2024)
    assert kalimat.endswith("terhadap target akhir tersebut; target akhir Renstra sudah "
                            "terlampaui.")


def test_item_c_without_an_end_target_says_it_cannot_compare():
    assert narasi.akhir_renstra(_iku("indeks", "70"), None, 2026, None, 2024) == (
        "Target akhir Renstra (2026) untuk Indeks X belum dapat dibandingkan.")


# --- budget, verdict, efficiency ----------------------------------------------------------------

def test_budget_sentence_gives_amounts_in_figures_and_words():
    assert narasi.anggaran(TotalAnggaran(1_000_000_000, 940_000_000), "APBD Kabupaten Contoh") == (
        "Anggaran instansi tahun ini sebesar Rp1.000.000.000 (*Satu Miliar Rupiah*) yang "
        "bersumber dari APBD Kabupaten Contoh. Realisasinya Rp940.000.000 (*Sembilan Ratus "
        "Empat Puluh Juta Rupiah*) atau 94,00% dari anggaran, dengan sisa Rp60.000.000.")


def test_budget_sentence_of_an_incomplete_draft():
    assert narasi.anggaran(TotalAnggaran(5000, None), "APBD").endswith(
        "yang bersumber dari APBD. Realisasinya belum tersedia.")
    assert narasi.anggaran(TotalAnggaran(None, None), "APBD") == (
        "Rincian anggaran tahun ini belum lengkap; jumlahnya belum tersedia.")


def test_verdict_sentence_counts_the_categories_that_occur():
    jumlah = {"Sangat Rendah": 0, "Rendah": 0, "Tinggi": 1, "Sangat Tinggi": 2}
    assert narasi.sebaran_kategori(jumlah, "Sangat Tinggi", Decimal("94.5"),
                                   "median capaian seluruh IKU") == (
        "Dari 3 (tiga) IKU yang capaiannya dapat dihitung, 1 (satu) berkategori Tinggi, "
        "2 (dua) berkategori Sangat Tinggi. Kinerja instansi secara keseluruhan dinilai dari "
        "median capaian seluruh IKU, yaitu 94,50%, sehingga berkategori **Sangat Tinggi**.")
    assert narasi.sebaran_kategori({"Tinggi": 0}, None, None, "x") == (
        "Belum ada IKU yang capaiannya dapat dihitung.")


def test_efficiency_sentence_says_which_side_is_larger():
    assert narasi.efisiensi(Decimal(85), Decimal(94), Decimal("90.43")) == (
        "Capaian kinerja 85,00% dibandingkan penyerapan anggaran 94,00% menghasilkan efisiensi "
        "90,43%: porsi anggaran yang diserap lebih besar daripada hasilnya.")
    assert narasi.efisiensi(Decimal(94), Decimal(94), Decimal(100)).endswith(
        "efisiensi 100,00%: hasil yang dicapai lebih besar daripada porsi anggaran yang diserap.")
    assert narasi.efisiensi(None, Decimal(94), None) == (
        "Efisiensi belum dapat dihitung karena capaian atau penyerapan anggaran belum tersedia.")
