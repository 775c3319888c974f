"""Sentences an editor would sign: every change carries its unit, and item c says the yearly
progress still needed to reach the end-of-Renstra target."""

from __future__ import annotations

from decimal import Decimal

from lakip_lib import narasi
from lakip_lib.capaian import Arah
from lakip_lib.kinerja import HasilIndikator


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
