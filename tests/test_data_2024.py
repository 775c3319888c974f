"""The transcribed 2024 data agrees with the source document's own totals where those are right."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal as D

import pytest

from lakip_lib import data, kinerja
from lakip_lib.data_tahun import DataTahun
from lakip_lib.rumus import cpr, desa_maju, penurunan_kasus


@pytest.fixture(scope="module")
def d() -> DataTahun:
    return data.muat(2024)


def test_budget_total_matches_tabel_331_jumlah(d):
    total = kinerja.total_anggaran(d)
    assert (total.anggaran, total.realisasi) == (97_000_169_679, 90_960_332_708)


def test_every_programme_and_kegiatan_matches_its_printed_total(d):
    dihitung = {b.kode: b for b in kinerja.anggaran(d)}
    for b in d["anggaran"].baris:
        assert dihitung[b["kode"]].anggaran == b["anggaran_dilaporkan"], b["kode"]
        assert dihitung[b["kode"]].realisasi == b["realisasi_dilaporkan"], b["kode"]


def test_budget_hierarchy_has_13_programmes(d):
    assert Counter(b["level"] for b in d["anggaran"].baris) == {
        "program": 13, "kegiatan": 28, "subkegiatan": 68}


def test_153_villages_67_mandiri_84_maju_2_berkembang(d):
    assert desa_maju.status_desa(d, 2024) == {
        "Mandiri": 67, "Maju": 84, "Berkembang": 2, "Tertinggal": 0, "Sangat Tertinggal": 0}


def test_village_list_matches_idm_table_2024(d):
    baris = d["idm_status"].satu(tahun=2024)
    assert (baris["mandiri"], baris["maju"], baris["berkembang"]) == (67, 84, 2)


def test_cpr_totals_match_the_printed_total_row(d):
    total = cpr.total_cpr(d)
    assert (total.pus, total.kb_aktif, round(total.cpr, 2)) == (26482, 20703, D("78.18"))


def test_case_counts_2023_and_2024(d):
    assert (penurunan_kasus.jumlah_kasus(d, 2023), penurunan_kasus.jumlah_kasus(d, 2024)) == (10, 17)


def test_four_sasaran_with_one_iku_each(d):
    assert [h.sasaran for h in kinerja.hasil_iku(d)] == ["S1", "S2", "S3", "S4"]


def test_iku_results_2024(d):
    hasil = {h.kode: (round(h.capaian, 2), h.kategori) for h in kinerja.hasil_iku(d)}
    assert hasil == {
        "IKU1": (D("98.96"), "Sangat Tinggi"),
        "IKU2": (D("0.00"), "Sangat Rendah"),  # a change: cases rose, bounded at 0%
        "IKU3": (D("100.86"), "Sangat Tinggi"),
        "IKU4": (D("219.32"), "Sangat Tinggi"),
    }
