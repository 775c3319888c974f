"""Derived figures of a year (`lakip_lib.kinerja`), on the small in-memory year of
`tests.tahun_kecil`; every expected value is worked out by hand from its rows."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from lakip_lib import kinerja, rumus
from lakip_lib.perhitungan import Arah
from lakip_lib.rumus import cpr, desa_maju, penurunan_kasus

from .tahun_kecil import TahunKecil


def r2(nilai: D | None) -> D:
    assert nilai is not None
    return round(nilai, 2)


def dengan_iku3(rumus: str, satuan: str = "%") -> TahunKecil:
    """The small year with a third IKU of S1 computed by `rumus` (target 50)."""
    return (TahunKecil()
            .tambah("indikator", kode="IKU3", jenis="iku", induk="S1", nama="Indikator Tiga",
                    satuan=satuan, arah="naik", desimal=2, rumus=rumus)
            .target("IKU3", 50))


# --- IKU results ------------------------------------------------------------------------------

def test_higher_is_better_capaian_is_realisasi_over_target():
    h = kinerja.hasil(TahunKecil().muat(), "IKU1")  # 68 / 80 × 100
    assert (h.target, h.realisasi, r2(h.capaian), h.kategori) == (D(80), D(68), D("85.00"),
                                                                 "Tinggi")
    assert h.tercapai is False and h.arah is Arah.NAIK and h.sasaran == "S1"


def test_lower_is_better_capaian_counts_the_distance_below_target():
    h = kinerja.hasil(TahunKecil().muat(), "IKU2")  # (2 × 2.5 − 2.4) / 2.5 × 100
    assert (r2(h.capaian), h.kategori, h.tercapai) == (D("104.00"), "Sangat Tinggi", True)


def test_a_capaian_on_a_band_limit_takes_the_lower_band():
    d = TahunKecil().realisasi("IKU1", 2024, 60).muat()  # 60 / 80 = 75%: (65, 75] is Sedang
    assert kinerja.hasil(d, "IKU1").kategori == "Sedang"


def test_missing_realisasi_has_no_capaian_kategori_or_verdict():
    h = kinerja.hasil(TahunKecil().realisasi("IKU1", 2024, None).muat(), "IKU1")
    assert (h.realisasi, h.capaian, h.kategori, h.tercapai) == (None, None, None, None)
    assert h.target == D(80)


def test_hasil_against_another_target_and_year():
    h = kinerja.hasil(TahunKecil().muat(), "IKU1", target=D(75), tahun=2022)
    assert (h.realisasi, r2(h.capaian)) == (D(75), D("100.00"))


def test_iku_of_a_sasaran_in_file_order_without_the_tujuan_indicator():
    d = TahunKecil().muat()
    assert [h.kode for h in kinerja.iku_sasaran(d, "S1")] == ["IKU1", "IKU2"]
    assert [h.kode for h in kinerja.hasil_iku(d)] == ["IKU1", "IKU2"]
    assert kinerja.iku_sasaran(d, "S9") == []


def test_unknown_indicator_is_a_key_error_naming_it():
    with pytest.raises(KeyError, match="IKU9"):
        kinerja.hasil(TahunKecil().muat(), "IKU9")


def test_every_category_is_counted_zeros_included():
    assert kinerja.jumlah_per_kategori(TahunKecil().muat()) == {
        "Sangat Rendah": 0, "Rendah": 0, "Sedang": 0, "Tinggi": 1, "Sangat Tinggi": 1}


# --- the overall verdict -----------------------------------------------------------------------

def test_default_verdict_is_the_bounded_mean():
    d = TahunKecil().realisasi("IKU1", 2024, 200).muat()  # capaian 250 counts as 120
    assert kinerja.nilai_keseluruhan(d) == D(112)  # (120 + 104) / 2
    assert kinerja.kategori_keseluruhan(d) == "Sangat Tinggi"


def test_plain_mean_lets_one_extreme_capaian_count_in_full():
    d = TahunKecil().realisasi("IKU1", 2024, 200).edisi(penilaian={"kesimpulan": "rata_rata"})
    assert kinerja.nilai_keseluruhan(d.muat()) == D(177)  # (250 + 104) / 2


def test_share_of_targets_met_reads_50_percent_as_the_band_that_ends_at_50():
    d = TahunKecil().edisi(penilaian={"kesimpulan": "persen_tercapai"}).muat()
    assert kinerja.nilai_keseluruhan(d) == D(50)  # IKU2 met, IKU1 not
    assert kinerja.kategori_keseluruhan(d) == "Sangat Rendah"


def test_no_capaian_at_all_gives_no_verdict():
    d = (TahunKecil().realisasi("IKU1", 2024, None).realisasi("IKU2", 2024, None)
         .edisi(status="draf").muat())
    assert kinerja.nilai_keseluruhan(d) is None and kinerja.kategori_keseluruhan(d) is None


# --- realisasi of computed indicators ----------------------------------------------------------

def test_penurunan_kasus_is_the_fall_in_all_cases_since_last_year():
    d = dengan_iku3("penurunan_kasus").muat()  # (3 + 7) → (4 + 4): (10 − 8) / 10 × 100
    assert kinerja.realisasi(d, "IKU3", 2024) == D(20)
    assert (penurunan_kasus.jumlah_kasus(d, 2023), penurunan_kasus.jumlah_kasus(d, 2024)) == (10, 8)
    assert penurunan_kasus.kasus_per_kelompok(d, 2024) == {"perempuan": 4, "anak": 4}


def test_a_year_missing_one_victim_group_has_no_case_total():
    d = dengan_iku3("penurunan_kasus").hapus("kasus_kekerasan", tahun=2024, kelompok="anak")
    assert penurunan_kasus.jumlah_kasus(d.muat(), 2024) is None
    assert kinerja.realisasi(d.muat(), "IKU3", 2024) is None


def test_desa_maju_of_the_edition_year_counts_the_village_list():
    d = dengan_iku3("desa_maju").muat()  # Mandiri + Maju of three villages
    assert r2(kinerja.realisasi(d, "IKU3", 2024)) == D("66.67")
    assert desa_maju.status_desa(d, 2024) == {"Mandiri": 1, "Maju": 1, "Berkembang": 1,
                                            "Tertinggal": 0, "Sangat Tertinggal": 0}


def test_desa_maju_of_an_earlier_year_reads_the_idm_table():
    d = dengan_iku3("desa_maju").muat()  # 2023: 0 Mandiri, 1 Maju of 3
    assert r2(kinerja.realisasi(d, "IKU3", 2023)) == D("33.33")
    assert desa_maju.jumlah_desa(desa_maju.status_desa(d, 2023)) == 3


def test_a_blank_idm_count_is_missing_not_zero():
    d = dengan_iku3("desa_maju").ubah("idm_status", {"tahun": 2023}, sangat_tertinggal=None)
    status = desa_maju.status_desa(d.muat(), 2023)
    assert status is not None and desa_maju.status_kosong(status) == ["Sangat Tertinggal"]
    assert desa_maju.jumlah_desa(status) is None
    assert kinerja.realisasi(d.muat(), "IKU3", 2023) is None


def test_cpr_of_the_edition_year_is_all_kb_aktif_over_all_pus():
    d = dengan_iku3("cpr").muat()  # (750 + 400) / (1000 + 500) × 100
    assert r2(kinerja.realisasi(d, "IKU3", 2024)) == D("76.67")
    total = cpr.total_cpr(d)
    assert total is not None and (total.pus, total.kb_aktif) == (1500, 1150)
    assert [(b.kecamatan, r2(b.cpr)) for b in cpr.cpr_kecamatan(d)] == [
        ("JUAI", D("75.00")), ("HALONG", D("80.00"))]


def test_cpr_of_an_earlier_year_is_read_as_entered():
    d = dengan_iku3("cpr").realisasi("IKU3", 2023, "70.5").muat()
    assert kinerja.realisasi(d, "IKU3", 2023) == D("70.5")
    assert rumus.dari(d, "IKU3") is cpr.RUMUS
    assert [i["kode"] for i in cpr.RUMUS.indikator(d)] == ["IKU3"]
    assert cpr.RUMUS.indikator(TahunKecil().muat()) == []


def test_ada_realisasi_follows_the_rows_and_the_computed_kinds():
    d = TahunKecil().realisasi("IKU1", 2022, None).muat()
    assert kinerja.ada_realisasi(d, "IKU1", 2021) and not kinerja.ada_realisasi(d, "IKU1", 2022)
    kasus = dengan_iku3("penurunan_kasus").muat()
    assert kinerja.ada_realisasi(kasus, "IKU3", 2024)
    assert not kinerja.ada_realisasi(kasus, "IKU3", 2023)  # no 2022 cases to compare with


def test_latest_realisasi_is_the_most_recent_year_with_one():
    d = TahunKecil().realisasi("IKU1", 2024, None).muat()
    assert kinerja.realisasi_terakhir(d, "IKU1") == (2023, D(70))
    assert kinerja.realisasi_terakhir(TahunKecil().muat(), "IKU1") == (2024, D(68))


# --- Renstra ------------------------------------------------------------------------------------

def test_riwayat_runs_from_the_renstra_start_to_the_edition_year():
    titik = kinerja.riwayat(TahunKecil().muat(), "IKU1")
    assert [(t.tahun, t.target, t.realisasi) for t in titik] == [
        (2021, D(77), D(74)), (2022, D(78), D(75)), (2023, D(79), D(70)), (2024, D(80), D(68))]
    assert r2(titik[1].capaian) == D("96.15")  # 75 / 78 × 100


def test_end_of_renstra_target_is_the_last_year_target():
    d = TahunKecil().muat()
    assert kinerja.target_akhir_renstra(d, "IKU1") == D(82)
    assert kinerja.target_renstra(d, "IKU2", 2022) == D("2.7")
    assert kinerja.target_renstra(d, "IT1", 2024) is None


# --- budget -----------------------------------------------------------------------------------

def test_programme_and_kegiatan_totals_are_summed_from_the_sub_kegiatan():
    baris = {b.kode: b for b in kinerja.anggaran(TahunKecil().muat())}
    for kode in ("P01", "P01.K01"):
        assert (baris[kode].anggaran, baris[kode].realisasi) == (1_000_000_000, 940_000_000)
    assert (baris["P01.K01.S01"].anggaran, baris["P01.K01.S01"].sisa) == (600_000_000, 60_000_000)
    assert baris["P01.K01.S01"].penyerapan == D(90)


def test_total_budget_absorption_and_remainder():
    total = kinerja.total_anggaran(TahunKecil().muat())
    assert (total.anggaran, total.realisasi, total.sisa) == (1_000_000_000, 940_000_000,
                                                             60_000_000)
    assert total.penyerapan == D(94)
    assert kinerja.anggaran_sasaran(TahunKecil().muat(), "S1") == total


def test_a_draft_with_a_missing_sub_kegiatan_has_no_total_never_a_silent_zero():
    d = (TahunKecil().edisi(status="draf")
         .ubah("anggaran", {"kode": "P01.K01.S02"}, realisasi=None).muat())
    total = kinerja.total_anggaran(d)
    assert (total.anggaran, total.realisasi, total.penyerapan, total.sisa) == (
        1_000_000_000, None, None, None)


def test_sum_of_parts_is_missing_when_a_part_is():
    assert kinerja.jumlah([1, 2, 3]) == 6 and kinerja.jumlah([1, None]) is None
    assert kinerja.jumlah([]) == 0


def test_efficiency_is_capaian_over_absorption_computed_from_the_budget():
    baris = kinerja.efisiensi(TahunKecil().ubah("efisiensi", {"kode_anggaran": "P01"},
                                                capaian_kinerja=47).muat())
    assert [(b.penyerapan, b.efisiensi) for b in baris] == [(D(94), D(50))]  # 47 / 94 × 100


def test_efficiency_of_a_book_indicator_uses_its_computed_capaian():
    d = TahunKecil().ubah("efisiensi", {"kode_anggaran": "P01"}, capaian_kinerja=None,
                          kode_indikator="IKU1").muat()
    b = kinerja.efisiensi(d)[0]
    assert (r2(b.capaian_kinerja), r2(b.efisiensi)) == (D("85.00"), D("90.43"))  # 85 / 94


# --- supporting tables --------------------------------------------------------------------------

def test_programme_performance_rows_compute_their_capaian():
    (b,) = kinerja.program_kinerja(TahunKecil().muat(), "S1")  # 88 / 80 × 100
    assert (b.kode, b.target, b.realisasi, r2(b.capaian)) == ("S1.P1", D(80), D(88), D("110.00"))


def test_a_programme_row_linked_to_a_book_indicator_shows_that_indicator():
    d = TahunKecil().ubah("program_kinerja", {"kode": "S1.P1"}, target=None, realisasi=None,
                          kode_indikator="IKU2").muat()
    (b,) = kinerja.program_kinerja(d, "S1")
    assert (b.target, b.realisasi, b.arah, r2(b.capaian)) == (D("2.5"), D("2.4"), Arah.TURUN,
                                                              D("104.00"))


def test_villages_per_kecamatan_and_status():
    hitung = desa_maju.desa_per_kecamatan(TahunKecil().muat())
    assert list(hitung) == ["JUAI", "HALONG"]
    assert (hitung["JUAI"]["Mandiri"], hitung["JUAI"]["Maju"], hitung["JUAI"]["Berkembang"]) == (
        1, 1, 0)
    assert sum(hitung["HALONG"].values()) == 1 and hitung["HALONG"]["Berkembang"] == 1


def test_a_strategic_aspect_linked_to_an_indicator_shows_its_figure():
    aspek = kinerja.aspek_strategis(TahunKecil().muat())
    assert [(a.aspek, a.nilai, a.satuan, a.desimal, a.ukuran) for a in aspek] == [
        ("Pemberdayaan gender", D(68), "indeks", 2, "realisasi"),
        ("Layanan pengaduan", D(75), "%", None, None)]
    d = TahunKecil().ubah("aspek_strategis", {"indikator": "IKU1"}, ukuran="capaian").muat()
    a = kinerja.aspek_strategis(d)[0]
    assert (r2(a.nilai), a.satuan, a.ukuran) == (D("85.00"), "%", "capaian")
