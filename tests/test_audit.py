"""The audit finds the 2024 source document's errors, and nothing where the source is right."""

from __future__ import annotations

import re

import pytest

from lakip_lib import audit, data
from lakip_lib.audit import Temuan


@pytest.fixture(scope="module")
def temuan() -> list[Temuan]:
    return audit.periksa(data.muat(2024))


def cari(temuan: list[Temuan], lokasi: str, perihal: str) -> Temuan:
    cocok = [t for t in temuan if (t.lokasi == lokasi or t.lokasi.startswith((lokasi + " ",
             lokasi + ","))) and perihal in t.perihal]
    assert len(cocok) == 1, "\n".join(map(str, temuan))
    return cocok[0]


def test_idg_capaian_printed_9862_is_9896(temuan):
    t = cari(temuan, "Ikhtisar Eksekutif", "Indeks Pemberdayaan Gender (IDG): capaian")
    assert (t.jenis, t.dilaporkan, t.seharusnya) == ("hitungan", "98,62%", "98,96%")
    assert "73,27 ÷ 74,04 × 100" in t.hitungan


def test_fertility_rate_scored_in_wrong_direction(temuan):
    t = cari(temuan, "Tabel 3.1", "Angka Kelahiran Total (TFR): capaian")
    assert (t.jenis, t.dilaporkan, t.seharusnya) == ("arah", "99,14%", "100,86%")


def test_budget_realisation_printed_two_ways(temuan):
    t = cari(temuan, "Ikhtisar Eksekutif", "jumlah realisasi anggaran")
    assert (t.dilaporkan, t.seharusnya) == ("90.961.032.708", "90.960.332.708")
    assert not [x for x in temuan if x.lokasi == "Subbab 3.4"
                and x.perihal == "jumlah realisasi anggaran"]


def test_case_decline_capaian_and_category(temuan):
    t = cari(temuan, "Tabel 3.1", "Kekerasan terhadap Perempuan dan Anak: capaian")
    assert (t.dilaporkan, t.seharusnya) == ("-127,2%", "-1.272,73%")
    k = cari(temuan, "Tabel 3.1", "Kekerasan terhadap Perempuan dan Anak: kategori")
    assert (k.dilaporkan, k.seharusnya) == ("Rendah", "Sangat Rendah")


def test_idg_against_renstra_end_target(temuan):
    t = cari(temuan, "Tabel 3.12 (target akhir Renstra)", "capaian")
    assert t.seharusnya == "96,41%"


def test_village_counts_that_do_not_add_up(temuan):
    assert cari(temuan, "Bab III, tabel status desa", "tahun 2019").seharusnya == "153"
    assert cari(temuan, "Sasaran 4", "tambahan desa Mandiri").seharusnya == "45"


def test_a_blank_source_cell_is_a_gap_not_a_zero(temuan):
    t = cari(temuan, "Bab III, tabel status desa", "tahun 2018")
    assert (t.jenis, t.dilaporkan, t.seharusnya) == ("kelengkapan", "154", "tidak lengkap")
    assert "Sangat Tertinggal kosong" in t.hitungan and "146" in t.hitungan


def test_category_counts_contradict_the_scale(temuan):
    t = cari(temuan, "Bab IV Penutup", "jumlah IKU berkategori Sangat Tinggi")
    assert (t.dilaporkan, t.seharusnya) == ("1", "3")


def test_lower_is_better_programme_indicators_flagged(temuan):
    arah = {t.perihal.split(":")[0] for t in temuan if t.jenis == "arah"}
    assert any("Unmeet Need" in a for a in arah)
    assert any("Rasio Kekerasan" in a for a in arah)


def test_pk_budget_total_is_not_the_sum_of_its_lines(temuan):
    t = cari(temuan, "Lampiran Perjanjian Kinerja", "jumlah anggaran dalam Perjanjian Kinerja")
    assert (t.jenis, t.seharusnya) == ("total", "47.355.756.350")


def test_correct_figures_produce_no_finding(temuan):
    assert not [t for t in temuan if t.lokasi == "Bab III, tabel CPR per kecamatan"]
    assert not [t for t in temuan if t.perihal == "jumlah anggaran"]
    penyerapan_31 = [t for t in temuan if t.lokasi.startswith("Tabel 3.31")]
    assert [t.jenis for t in penyerapan_31] == ["pembulatan", "pembulatan"]


def test_printed_precision_is_kept_and_judged(temuan):
    """96,780 printed with three decimals is judged at three: the right figure is 96,785."""
    t = cari(temuan, "Tabel 3.31, P13.K02", "penyerapan")
    assert (t.jenis, t.dilaporkan, t.seharusnya) == ("pembulatan", "96,780", "96,785")


def test_every_finding_states_the_arithmetic(temuan):
    assert len(temuan) >= 60
    assert all(t.lokasi and t.hitungan for t in temuan)


def test_findings_as_csv_have_a_header_and_one_row_each(temuan):
    teks = audit.sebagai_csv(temuan)
    assert teks.splitlines()[0] == "jenis,lokasi,perihal,dilaporkan,seharusnya,hitungan"
    assert audit.sebagai_teks(temuan, 2024).startswith(
        f"Pemeriksaan konsistensi data tahun 2024: {len(temuan)} temuan.")


def test_findings_speak_the_readers_words_not_internal_keys(temuan):
    kunci = re.compile(r"\b[a-z_]+\.[a-z_]+|\b[a-z]+_[a-z_]+\b|\bIKU\d\.")
    for t in temuan:
        for teks in (t.lokasi, t.perihal):
            assert not kunci.search(teks), teks
