"""The domain formulas: capaian, kategori and every derived percentage, computed exactly.

All functions take and return `Decimal` (money as `int`), never round, and return None when a
figure cannot be stated (a zero denominator, a missing input). Rounding is for presentation only.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import Any

SERATUS = Decimal(100)


class Arah(Enum):
    NAIK = "naik"    # higher is better
    TURUN = "turun"  # lower is better


class Penilaian(Enum):
    """What an indicator's realisasi is, and so how its capaian is read (column `penilaian` of
    indikator.csv; blank is `tingkat`)."""

    TINGKAT = "tingkat"  # a level (an index, a rate, a share): the direction formula as it is
    PERUBAHAN = "perubahan"  # a change from the previous year, negative when it went the wrong way


def capaian_rumus(target: Decimal | None, realisasi: Decimal | None,
                  arah: Arah) -> Decimal | None:
    """The direction formula, unbounded.

    Higher is better: realisasi / target × 100.
    Lower is better:  (2 × target − realisasi) / target × 100.
    None when either input is missing or the target is 0 (no achievement can be stated).
    """
    if target is None or realisasi is None or target == 0:
        return None
    if arah is Arah.NAIK:
        return realisasi / target * SERATUS
    return (2 * target - realisasi) / target * SERATUS


def capaian(target: Decimal | None, realisasi: Decimal | None, arah: Arah,
            penilaian: Penilaian = Penilaian.TINGKAT) -> Decimal | None:
    """Achievement in percent: the direction formula (`capaian_rumus`).

    A level (`tingkat`) takes the formula as it is: a negative result falls in the lowest
    category. A change from the previous year (`perubahan`, e.g. the percentage decrease of
    cases) is bounded below at 0%: a change in the wrong direction (cases rose against a target
    of a decrease) achieves no part of the target, and a negative percentage of a target that is
    itself a change (−1.272,73% of a 5,50% decrease) has no meaning for a reader.
    """
    nilai = capaian_rumus(target, realisasi, arah)
    if nilai is not None and penilaian is Penilaian.PERUBAHAN and nilai < 0:
        return Decimal(0)
    return nilai


def dibatasi_nol(target: Decimal | None, realisasi: Decimal | None, arah: Arah,
                 penilaian: Penilaian) -> bool:
    """Whether `capaian` is the bound 0% rather than the formula's own (negative) result."""
    return capaian(target, realisasi, arah, penilaian) != capaian_rumus(target, realisasi, arah)


@dataclass(frozen=True)
class Pita:
    """One band of the ordinal scale: (batas_bawah, batas_atas], open where None."""

    kategori: str
    batas_bawah: Decimal | None
    batas_atas: Decimal | None

    def memuat(self, nilai: Decimal) -> bool:
        di_atas_bawah = self.batas_bawah is None or nilai > self.batas_bawah
        di_bawah_atas = self.batas_atas is None or nilai <= self.batas_atas
        return di_atas_bawah and di_bawah_atas


def kategori(nilai: Decimal | None, skala: Sequence[Pita]) -> str | None:
    """The category whose half-open band (bawah, atas] holds the value; None for no value."""
    if nilai is None:
        return None
    for pita in skala:
        if pita.memuat(nilai):
            return pita.kategori
    raise ValueError(f"skala kategori tidak mencakup nilai {nilai}")


def persentase(bagian: Decimal | int, keseluruhan: Decimal | int) -> Decimal | None:
    """bagian / keseluruhan × 100; None when the whole is 0."""
    if keseluruhan == 0:
        return None
    return Decimal(bagian) / Decimal(keseluruhan) * SERATUS


def penyerapan(realisasi: int, anggaran: int) -> Decimal | None:
    """Budget absorption: realisasi anggaran / anggaran × 100."""
    return persentase(realisasi, anggaran)


def efisiensi(capaian_kinerja: Decimal | None, penyerapan_anggaran: Decimal | None) -> Decimal | None:
    """Efficiency: capaian kinerja / penyerapan anggaran × 100 (above 100: more result per Rupiah)."""
    if capaian_kinerja is None or penyerapan_anggaran is None or penyerapan_anggaran == 0:
        return None
    return capaian_kinerja / penyerapan_anggaran * SERATUS


def penurunan_kasus(kasus_sebelumnya: int, kasus_sekarang: int) -> Decimal | None:
    """Persentase penurunan kasus: (previous − current) / previous × 100; negative is a rise."""
    return persentase(kasus_sebelumnya - kasus_sekarang, kasus_sebelumnya)


def jumlah_paling_banyak(jumlah_sekarang: int, target_penurunan: Decimal) -> int:
    """The largest count next year that still meets a target decrease of `target_penurunan`
    percent from `jumlah_sekarang` (whole cases: rounded down)."""
    return int(jumlah_sekarang * (SERATUS - target_penurunan) // SERATUS)


@dataclass(frozen=True)
class JumlahBerubah:
    """The counts behind a change indicator, for the sentence that says the plain fact:
    what is counted (in the reader's words), its unit, and last year's and this year's count."""

    apa: str
    satuan: str
    tahun: int
    sebelum: int
    sekarang: int
    paling_banyak_berikut: tuple[int, Decimal, int] | None = None  # (next year, its Renstra
    # target, the largest count that meets it)


def persentase_desa_maju(desa_dihitung: int, jumlah_desa: int) -> Decimal | None:
    """Villages counted as advanced (Maju or Mandiri) / all villages × 100."""
    return persentase(desa_dihitung, jumlah_desa)


def cpr(kb_aktif: int, pus: int) -> Decimal | None:
    """Contraceptive prevalence rate: active family-planning users / couples of fertile age × 100."""
    return persentase(kb_aktif, pus)


def rasio(pembilang: int, penyebut: int, pengali: int) -> Decimal | None:
    """A ratio of two counts per `pengali` units of the denominator, e.g. infant deaths per
    1.000 live births: pembilang / penyebut × pengali; None when the denominator is 0."""
    if penyebut == 0:
        return None
    return Decimal(pembilang) / Decimal(penyebut) * pengali


def selisih_persen(sebelum: Decimal, sesudah: Decimal) -> Decimal | None:
    """Relative change from one value to the next in percent."""
    return persentase(sesudah - sebelum, sebelum)


# --- the year's overall verdict ------------------------------------------------------------

CARA_KESIMPULAN = {
    "rata_rata": "rata-rata capaian seluruh IKU",
    "rata_rata_terbatas": "rata-rata capaian seluruh IKU, dengan capaian tiap IKU dihitung "
                          "paling rendah {bawah}% dan paling tinggi {atas}%",
    "median": "median capaian seluruh IKU",
    "persen_tercapai": "persentase IKU yang mencapai targetnya",
}
BATAS_BAKU = (Decimal(0), Decimal(120))


@dataclass(frozen=True)
class AturanKesimpulan:
    """How the year's overall category is derived from the IKU capaian (declared per year).

    rata_rata: the mean; rata_rata_terbatas: the mean with each capaian bounded to
    [bawah, atas] (one extreme indicator cannot decide the verdict, yet every indicator counts);
    median: the middle capaian; persen_tercapai: the share of IKU with capaian ≥ 100.
    The resulting figure is read on the year's category scale.
    """

    cara: str = "rata_rata_terbatas"
    bawah: Decimal = BATAS_BAKU[0]
    atas: Decimal = BATAS_BAKU[1]

    @classmethod
    def dari(cls, penilaian: Mapping[str, Any]) -> AturanKesimpulan:
        """From edisi.yaml's `penilaian` block; ValueError (in Indonesian) when malformed."""
        cara = str(penilaian.get("kesimpulan", cls.cara))
        if cara not in CARA_KESIMPULAN:
            raise ValueError(f'cara kesimpulan "{cara}" tidak dikenal; pilih salah satu: '
                             + ", ".join(CARA_KESIMPULAN) + ".")
        batas = penilaian.get("batas_capaian", list(BATAS_BAKU))
        try:
            bawah, atas = (Decimal(str(b)) for b in batas)
        except (TypeError, ValueError, ArithmeticError):
            raise ValueError("batas_capaian harus dua angka [bawah, atas], misalnya [0, 120].") \
                from None
        if bawah >= atas:
            raise ValueError("batas_capaian: batas bawah harus lebih kecil dari batas atas.")
        return cls(cara, bawah, atas)

    @property
    def uraian(self) -> str:
        """The rule in the words of the verdict sentence."""
        return CARA_KESIMPULAN[self.cara].format(bawah=_teks(self.bawah), atas=_teks(self.atas))

    def dibatasi(self, nilai: Decimal) -> Decimal:
        return min(max(nilai, self.bawah), self.atas)

    def nilai(self, capaian_iku: Sequence[Decimal]) -> Decimal | None:
        """The figure read on the scale; None when no IKU has a capaian."""
        if not capaian_iku:
            return None
        if self.cara == "median":
            urut = sorted(capaian_iku)
            tengah = len(urut) // 2
            return urut[tengah] if len(urut) % 2 else (urut[tengah - 1] + urut[tengah]) / 2
        if self.cara == "persen_tercapai":
            return persentase(sum(1 for c in capaian_iku if c >= SERATUS), len(capaian_iku))
        dipakai = [self.dibatasi(c) for c in capaian_iku] if self.cara == "rata_rata_terbatas" \
            else list(capaian_iku)
        return sum(dipakai, Decimal(0)) / len(dipakai)


def _teks(nilai: Decimal) -> str:
    return format(nilai.normalize(), "f").replace(".", ",")


def jumlah(nilai: Iterable[int | None]) -> int | None:
    """Sum of parts; None when any part is still missing (never a silent zero)."""
    bagian = list(nilai)
    return None if any(n is None for n in bagian) else sum(n for n in bagian if n is not None)
