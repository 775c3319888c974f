"""A change indicator (indikator.csv `penilaian: perubahan`, e.g. the percentage decrease of
cases): its capaian never below 0%, the plain fact said in counts, item c without a distance
divided over the remaining years; and a year whose Perjanjian Kinerja target differs from the
Renstra's says which one the capaian uses. Built on the small year of `tests.tahun_kecil`:
cases 3 + 7 = 10 in 2023."""

from __future__ import annotations

from decimal import Decimal as D

from lakip_lib import kinerja, prosa, rumus
from lakip_lib.book.bab3_sasaran import Sasaran
from lakip_lib.perhitungan import Penilaian

from .tahun_kecil import TahunKecil


def _kasus(anak_2024: int, penilaian: str = "perubahan") -> TahunKecil:
    """IKU3 of S1: the percentage decrease of cases, target a 5,50% decrease (2023: 10 cases)."""
    return (TahunKecil()
            .tambah("indikator", kode="IKU3", jenis="iku", induk="S1", nama="Penurunan Kasus",
                    satuan="%", arah="naik", desimal=2, rumus="penurunan_kasus",
                    penilaian=penilaian)
            .target("IKU3", "5.5")
            .tambah("renstra_target", indikator="IKU3", tahun=2024, target="5.5")
            .tambah("renstra_target", indikator="IKU3", tahun=2025, target="5.5")
            .tambah("renstra_target", indikator="IKU3", tahun=2026, target="5.5")
            .ubah("kasus_kekerasan", {"tahun": 2024, "kelompok": "anak"}, jumlah=anak_2024))


def test_cases_that_rose_give_capaian_zero_lowest_category_and_target_missed():
    h = kinerja.hasil(_kasus(13).muat(), "IKU3")  # 10 → 17: (10 − 17) ÷ 10 × 100 = −70
    assert (h.realisasi, h.capaian, h.kategori) == (D(-70), D(0), "Sangat Rendah")
    assert h.penilaian is Penilaian.PERUBAHAN and h.dibatasi and h.tercapai is False


def test_a_level_keeps_the_formula_negative():
    h = kinerja.hasil(_kasus(13, penilaian="").muat(), "IKU3")
    assert round(h.capaian or 0, 2) == D("-1272.73") and not h.dibatasi


def test_cases_that_fell_give_the_formula():
    h = kinerja.hasil(_kasus(5).muat(), "IKU3")  # 10 → 9: 10% against 5,5%
    assert round(h.capaian or 0, 2) == D("181.82") and not h.dibatasi


def test_the_verdict_counts_a_wrong_way_change_at_zero_under_the_plain_mean_too():
    d = _kasus(13).edisi(penilaian={"kesimpulan": "rata_rata"}).muat()
    capaian = [h.capaian for h in kinerja.hasil_iku(d)]
    assert D(0) in capaian and min(c for c in capaian if c is not None) == 0


def test_the_sentence_says_the_cases_rose_and_why_the_capaian_is_zero():
    d = _kasus(13).muat()
    h = kinerja.hasil(d, "IKU3")
    berubah = rumus.dari(d, "IKU3").berubah(d, "IKU3", 2024)
    kalimat = prosa.capaian_indikator(h, 2024, kinerja.skala(d), berubah)
    assert kalimat.startswith(
        "Jumlah kasus kekerasan terhadap perempuan dan anak yang dilaporkan naik dari 10 kasus "
        "pada tahun 2023 menjadi 17 kasus pada tahun 2024 (bertambah 7 kasus). ")
    assert ("perubahannya berlawanan arah dengan target, sehingga tidak ada bagian target yang "
            "tercapai. Capaiannya 0,00%") in kalimat
    assert "1.272" not in kalimat and "Target tahun ini belum tercapai." in kalimat


def test_item_c_of_a_change_divides_no_distance_and_gives_next_years_most_cases():
    s = Sasaran(_kasus(13).muat(), "S1")
    (teks,) = (x.markdown for x in s.akhir_renstra()
               if "Penurunan Kasus" in getattr(x, "markdown", ""))
    assert "per tahun" not in teks and "poin" not in teks
    assert "bukan tingkat yang didekati sedikit demi sedikit" in teks
    # 17 × (1 − 0,055) = 16,065: at most 16 cases in 2025 meet its 5,50% target
    assert "tahun 2025 paling banyak 16 kasus, dari 17 kasus pada tahun 2024" in teks


def test_no_page_prints_a_negative_capaian_or_efficiency_for_a_change():
    s = Sasaran(_kasus(13).muat(), "S1")
    html = " ".join(x.html() for blok in (s.target_realisasi(), s.tren(), s.akhir_renstra(),
                                          s.efisiensi()) for x in blok if hasattr(x, "html"))
    assert "-1.272" not in html and html.count("dibatasi paling rendah 0%") == 1  # once a page


def test_a_pk_target_other_than_the_renstra_says_which_one_the_capaian_uses():
    d = TahunKecil().target("IKU1", 85).muat()  # Renstra 2024: 80
    s = Sasaran(d, "S1")
    teks = " ".join(str(getattr(x, "markdown", "")) for x in s.target_realisasi())
    assert ("Target 85,00 adalah target Perjanjian Kinerja tahun 2024; Renstra menetapkan 80,00 "
            "untuk tahun itu.") in teks
    tren = " ".join(x.html() for x in s.tren() if hasattr(x, "html"))
    assert "Capaian tahun 2024 terhadap target Perjanjian Kinerja (85,00) adalah 80,00%." in tren
