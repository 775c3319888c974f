"""The audit finds the 2024 source document's errors, and nothing where the source is right; its
rules one by one on the small in-memory year of `tests.tahun_kecil`."""

from __future__ import annotations

import re
from decimal import Decimal as D

import pytest

from lakip_lib import audit, data
from lakip_lib.audit import Temuan

from .tahun_kecil import TahunKecil


@pytest.fixture(scope="module")
def temuan() -> list[Temuan]:
    return audit.periksa(data.muat(2024))


def cari(temuan: list[Temuan], lokasi: str, perihal: str) -> Temuan:
    """The one finding at a place about a subject (pairs of places are looked up by kind)."""
    cocok = [t for t in temuan if (t.lokasi == lokasi or t.lokasi.startswith((lokasi + " ",
             lokasi + ","))) and perihal in t.perihal and t.kelas != "ganda"]
    assert len(cocok) == 1, "\n".join(map(str, temuan))
    return cocok[0]


def test_idg_capaian_printed_9862_is_9896(temuan):
    t = cari(temuan, "Ikhtisar Eksekutif", "Indeks Pemberdayaan Gender (IDG): capaian")
    assert (t.kelas, t.dilaporkan, t.seharusnya) == ("hitungan", "98,62%", "98,96%")
    assert "73,27 ÷ 74,04 × 100" in t.hitungan


def test_fertility_rate_scored_in_wrong_direction(temuan):
    t = cari(temuan, "Tabel 3.1", "Angka Kelahiran Total (TFR): capaian")
    assert (t.kelas, t.dilaporkan, t.seharusnya) == ("arah", "99,14%", "100,86%")


def test_budget_realisation_printed_two_ways(temuan):
    t = cari(temuan, "Ikhtisar Eksekutif", "jumlah realisasi anggaran")
    assert (t.dilaporkan, t.seharusnya) == ("90.961.032.708", "90.960.332.708")
    assert not [x for x in temuan if x.lokasi == "Subbab 3.4"
                and x.perihal == "jumlah realisasi anggaran"]


def test_case_decline_capaian_and_category(temuan):
    """A change indicator's capaian is bounded at 0% (indikator.csv penilaian: perubahan); the
    arithmetic gives the formula's own −1.272,73% and the bound."""
    t = cari(temuan, "Tabel 3.1", "Kekerasan terhadap Perempuan dan Anak: capaian")
    assert (t.kelas, t.dilaporkan, t.seharusnya) == ("hitungan", "-127,2%", "0,00%")
    assert t.hitungan.startswith("-70,00 ÷ 5,50 × 100 = -1.272,73%; indikator perubahan: "
                                 "capaian paling rendah 0%, jadi 0,00%")
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
    assert (t.kelas, t.dilaporkan, t.seharusnya) == ("kelengkapan", "154", "tidak lengkap")
    assert "Sangat Tertinggal kosong" in t.hitungan and "146" in t.hitungan


def test_category_counts_contradict_the_scale(temuan):
    t = cari(temuan, "Bab IV Penutup", "jumlah IKU berkategori Sangat Tinggi")
    assert (t.dilaporkan, t.seharusnya) == ("1", "3")


def test_lower_is_better_programme_indicators_flagged(temuan):
    arah = {t.perihal.split(":")[0] for t in temuan if t.kelas == "arah"}
    assert any("Unmeet Need" in a for a in arah)
    assert any("Rasio Kekerasan" in a for a in arah)


def test_pk_budget_total_is_not_the_sum_of_its_lines(temuan):
    t = cari(temuan, "Lampiran Perjanjian Kinerja", "jumlah anggaran dalam Perjanjian Kinerja")
    assert (t.kelas, t.seharusnya) == ("total", "47.355.756.350")


def test_correct_figures_produce_no_finding(temuan):
    assert not [t for t in temuan if t.lokasi == "Bab III, tabel CPR per kecamatan"]
    assert not [t for t in temuan if t.perihal == "jumlah anggaran"]
    penyerapan_31 = [t for t in temuan if t.lokasi.startswith("Tabel 3.31")]
    assert [t.kelas for t in penyerapan_31] == ["pembulatan"]


def test_a_zero_beyond_its_columns_precision_is_judged_at_the_columns(temuan):
    """96,780 in a column printed with two decimals says 96,78, which is right (the book
    shows 96,78%); 104,30 in a column of two decimals is judged at two."""
    assert not [t for t in temuan if t.lokasi.startswith("Tabel 3.31, P13.K02 ")]
    t = cari(temuan, "Tabel 3.41, Pelembagaan Pengarusutamaan Gender", "efisiensi")
    assert (t.kelas, t.dilaporkan, t.seharusnya) == ("pembulatan", "104,30", "104,31")


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


def test_one_fact_printed_with_two_values_is_reported_per_pair(temuan):
    ganda = [t for t in temuan if t.kelas == "ganda" and t.perihal == "jumlah realisasi anggaran"]
    assert len(ganda) == 1
    assert ganda[0].dilaporkan == ("90.961.032.708 (Ikhtisar Eksekutif) dan 90.960.332.708 "
                                   "(Subbab 3.4; Tabel 3.31, baris JUMLAH)")
    assert ganda[0].seharusnya == "90.960.332.708"
    asfr = [t for t in temuan if t.kelas == "ganda" and "(ASFR 15–19): capaian" in t.perihal]
    assert len(asfr) == 3  # 102,95, 106,25 and 0: every pair of the three printed values


def test_a_count_on_another_base_than_the_data(temuan):
    t = cari(temuan, "Tabel 3.15 (S4), S4.P1.S8", "batas desa: target")
    assert (t.kelas, t.dilaporkan, t.seharusnya) == ("basis", "154 desa", "153 desa")


def test_a_derived_cell_left_blank(temuan):
    t = cari(temuan, "Tabel 3.13 (S3), S3.P1.K2", "capaian")
    assert (t.kelas, t.dilaporkan, t.seharusnya) == ("kosong", "kosong", "2,00%")


def test_statements_in_sentences_against_the_data(temuan):
    t = cari(temuan, "Uraian CPR subbab 3.2", "tercapai tidaknya target")
    assert (t.kelas, t.dilaporkan, t.seharusnya) == ("kalimat", "hampir memenuhi target",
                                                     "tercapai")
    mandiri = cari(temuan, "Sasaran 4", "tambahan desa Mandiri")
    assert mandiri.kelas == "kalimat" and "Maju -19" in mandiri.hitungan


def test_no_false_positives(temuan):
    """A capaian right from the printed target and realisasi is not a finding (the realisasi
    is); a PK budget line that covers two sasaran is a structure note."""
    assert not [t for t in temuan if "Desa Maju: capaian" in t.perihal and t.lokasi in (
        "Ikhtisar Eksekutif", "Tabel 3.1", "Bab IV Penutup")]
    assert cari(temuan, "Ikhtisar Eksekutif", "Desa Maju: realisasi").kelas == "hitungan"
    s1 = cari(temuan, "Lampiran Perjanjian Kinerja", "anggaran sasaran S1")
    assert s1.kelas == "struktur" and "S1, S2" in s1.seharusnya


def test_every_class_works_for_another_agency(tmp_path):
    """The fixture agency's own codes and names, with a printed predecessor added: the same
    classes of finding, in its words, with no code change."""
    import shutil

    from .test_instansi_lain import CONTOH
    akar = tmp_path / "data"
    shutil.copytree(CONTOH, akar)
    (akar / "2026" / "iku_dilaporkan.csv").write_text(
        "indikator,lokasi,dasar_target,target,realisasi,capaian,kategori\n"
        "AKB,Ikhtisar Eksekutif,pk,13.8,13.9,100.72,Sangat Tinggi\n"
        "AKB,Tabel 3.1,pk,13.8,13.90,99.28,Sangat Tinggi\n", encoding="utf-8")
    (akar / "2026" / "dilaporkan.csv").write_text(
        "kunci,nilai,lokasi\nAKB.status_target,tercapai,Uraian AKB subbab 3.2\n",
        encoding="utf-8")
    hasil = audit.periksa(data.muat(2026, akar))
    arah = [t for t in hasil if t.kelas == "arah"]
    assert [(t.lokasi, t.dilaporkan, t.seharusnya) for t in arah] == [
        ("Ikhtisar Eksekutif", "100,72%", "99,28%")]
    assert arah[0].perihal == "Angka Kematian Bayi: capaian"
    ganda = [t for t in hasil if t.kelas == "ganda"]
    assert [t.perihal for t in ganda] == ["Angka Kematian Bayi: capaian"]
    kalimat = [t for t in hasil if t.kelas == "kalimat"]
    assert len(kalimat) == 1 and kalimat[0].seharusnya == "belum tercapai"


# --- the rules on the small year ---------------------------------------------------------------

def tercetak(indikator: str, **kolom: object) -> list[Temuan]:
    """Findings of the small year whose source document printed one IKU row in Tabel 3.1."""
    t = TahunKecil().tambah("iku_dilaporkan", indikator=indikator, lokasi="Tabel 3.1",
                            dasar_target="pk", **kolom)
    return audit.periksa(t.muat())


def test_without_a_source_document_there_is_nothing_to_audit():
    assert audit.periksa(TahunKecil().muat()) == []


def test_a_printed_row_right_at_its_own_precision_is_no_finding():
    assert tercetak("IKU1", target=80, realisasi=68, capaian="85.00", kategori="Tinggi") == []
    assert tercetak("IKU1", capaian="85.0") == []


def test_a_wrongly_computed_capaian_shows_the_arithmetic():
    (t,) = tercetak("IKU1", target=80, realisasi=68, capaian="86.00")
    assert (t.kelas, t.perihal, t.dilaporkan, t.seharusnya, t.hitungan) == (
        "hitungan", "Indeks Pemberdayaan Gender: capaian", "86,00%", "85,00%",
        "68,00 ÷ 80,00 × 100 = 85,00%.")


def test_a_lower_is_better_capaian_scored_the_other_way_is_a_direction_error():
    (t,) = tercetak("IKU2", target="2.5", realisasi="2.4", capaian="96.00")  # 2.4 / 2.5 × 100
    assert (t.kelas, t.seharusnya) == ("arah", "104,00%")
    assert t.hitungan == ("(2 × 2,50 − 2,40) ÷ 2,50 × 100 = 104,00% (indikator turun: makin "
                          "rendah makin baik).")


def test_a_category_off_the_scale_is_a_finding_naming_both_categories():
    (t,) = tercetak("IKU1", capaian="85.00", kategori="Sedang")
    assert (t.kelas, t.dilaporkan, t.seharusnya) == ("kategori", "Sedang", "Tinggi")


def test_a_printed_realisasi_other_than_the_data_is_a_finding():
    (t,) = tercetak("IKU1", realisasi="67.5")  # quoted as printed, with its own decimals
    assert (t.perihal, t.dilaporkan, t.seharusnya) == ("Indeks Pemberdayaan Gender: realisasi",
                                                       "67,5", "68,00")


def test_a_printed_desa_maju_share_of_a_draft_with_unknown_village_statuses_is_a_gap():
    t = (TahunKecil().edisi(status="draf")
         .tambah("indikator", kode="IKU3", jenis="iku", induk="S1", nama="Desa Maju", satuan="%",
                 arah="naik", desimal=2, rumus="desa_maju").target("IKU3", 50)
         .ubah("desa", {"desa": "DESA TIGA"}, status_idm=None)
         .tambah("iku_dilaporkan", indikator="IKU3", lokasi="Tabel 3.1", realisasi="66.67"))
    (temuan,) = audit.periksa(t.muat())
    assert (temuan.kelas, temuan.perihal, temuan.hitungan) == (
        "kelengkapan", "Desa Maju: realisasi",
        "Jumlah desa tahun 2024 tidak lengkap; persentase tidak dihitung.")


@pytest.mark.parametrize(("dilaporkan", "dihitung", "jenis"), [
    ("85.00", "85.004", None),         # right at two decimals
    ("85.02", "85.0125", "pembulatan"),  # less than one printed unit off
    ("85.10", "85.0125", "hitungan"),
    ("85.10", "85.14", "pembulatan"),  # right at one decimal, printed with a zero too many
    ("85.00", None, "kelengkapan"),     # nothing to compare with
])
def test_a_printed_figure_is_judged_at_its_own_precision(dilaporkan, dihitung, jenis):
    hitung = None if dihitung is None else D(dihitung)
    assert audit.selisih_kelas(D(dilaporkan), hitung, "hitungan") == jenis


def dilaporkan(kunci: str, nilai: str) -> list[Temuan]:
    """Findings of the small year whose source document printed one keyed figure or word."""
    t = TahunKecil().tambah("dilaporkan", kunci=kunci, nilai=nilai, lokasi="Subbab 3.1")
    return audit.periksa(t.muat())


@pytest.mark.parametrize(("kunci", "nilai", "kelas"), [
    ("IKU2.satuan", "%", ["satuan"]),  # TFR is counted in children per woman
    ("IKU1.satuan", "indeks", []),
    ("sasaran.S1.uraian", "Meningkatnya  Kesetaraan Gender", []),  # capitals and spaces alone
    ("sasaran.S1.uraian", "Meningkatnya kesetaraan dan keadilan gender", ["nama"]),
    ("IKU1.capaian.2023", "88.61", []),  # 70 ÷ 79 × 100 from the Renstra and 2023's realisasi
    ("IKU1.capaian.2023", "95", ["kalimat"]),
    ("IKU1.target.2023", "79", []),
    ("IKU1.capaian.2019", "101", ["tak_teruji"]),  # no target, no realisasi that year
    ("IKU1.target.2019", "75", ["tak_teruji"]),
])
def test_a_printed_unit_name_or_other_years_claim_against_the_data(kunci, nilai, kelas):
    assert [t.kelas for t in dilaporkan(kunci, nilai)] == kelas


def test_a_claim_the_data_cannot_check_says_so_in_the_readers_notation():
    (t,) = dilaporkan("IKU1.capaian.2019", "101.50")
    assert (t.dilaporkan, t.seharusnya) == ("101,50", "tidak dapat diperiksa")
    assert "tidak memuat target dan realisasi tahun 2019" in t.hitungan
