"""A finding of the consistency audit (`Temuan`) and the comparison of a printed figure with the
computed one, shared by the audit (`lakip_lib.audit`) and the kinds' own checks (`lakip_lib.rumus`).

A printed figure matches when it equals the computed figure rounded to the printed number of
decimals; a difference smaller than one printed unit is classified as rounding (`pembulatan`),
anything else as an error of its kind.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from lakip_lib import format as fmt
from lakip_lib.perhitungan import Arah

if TYPE_CHECKING:
    from lakip_lib.data_tahun import DataTahun

KELAS = {
    "hitungan": "Salah hitung",
    "arah": "Rumus arah indikator keliru",
    "kategori": "Kategori tidak sesuai skala",
    "total": "Total tidak sama dengan jumlah rinciannya",
    "konsistensi": "Angka tercetak berbeda dari data",
    "ganda": "Satu angka tercetak berbeda di beberapa tempat",
    "basis": "Basis hitungan berbeda dari data",
    "kosong": "Sel turunan dibiarkan kosong",
    "kalimat": "Angka atau pernyataan dalam kalimat tidak sesuai data",
    "satuan": "Satuan tercetak tidak sesuai satuan indikator",
    "nama": "Nama sasaran tercetak berbeda dari Renstra",
    "target_capaian": "Target tercetak di kolom capaian",
    "ejaan": "Salah tulis kata (angkanya benar)",
    "kelengkapan": "Data tidak lengkap",
    "tak_teruji": "Pernyataan yang tidak dapat diperiksa dengan data",
    "pembulatan": "Pembulatan",
    "struktur": "Catatan struktur (bukan salah angka)",
}


@dataclass(frozen=True)
class Temuan:
    kelas: str
    lokasi: str
    perihal: str
    dilaporkan: str
    seharusnya: str
    hitungan: str
    fakta: str = ""  # the fact the printed figure is about (lakip_lib.fakta), if the book shows it
    akibat_masukan: bool = False  # right from the printed inputs: a difference, not a finding

    def __str__(self) -> str:
        return (f"[{KELAS[self.kelas]}] {self.lokasi} — {self.perihal}: tercetak "
                f"{self.dilaporkan}, seharusnya {self.seharusnya}. {self.hitungan}")


@dataclass(frozen=True)
class Tercetak:
    """One printed figure of the source that names a fact (for the check that a fact is printed
    with one value everywhere)."""

    fakta: str
    lokasi: str
    perihal: str
    nilai: Decimal | str  # a number as printed (its decimals kept) or a word


# A key of dilaporkan.csv → (computed, arithmetic, the subject in the reader's words[, the finding's class])
Penghitung = Callable[["DataTahun", str], tuple]


def presisi(nilai: Decimal | None) -> int:
    return 0 if nilai is None else max(0, -int(nilai.as_tuple().exponent))


def bulat(nilai: Decimal, desimal: int) -> Decimal:
    return nilai.quantize(Decimal(1).scaleb(-desimal), rounding=ROUND_HALF_UP)


def presisi_kolom(tercetak: Iterable[Decimal | None]) -> int | None:
    """The precision a printed column uses: the number of decimals most of its figures have
    (the smaller on a tie); None for an empty column."""
    hitung = Counter(presisi(n) for n in tercetak if n is not None)
    return min(hitung, key=lambda d: (-hitung[d], d)) if hitung else None


def selisih_kelas(dilaporkan: Decimal, dihitung: Decimal | None, kelas: str,
                  desimal_kolom: int | None = None) -> str | None:
    """None when the printed figure is right at its own precision, else the finding's class.

    A figure printed with more decimals than its column uses, the extra ones zeros (96,780 in a
    column of two decimals), states the column's precision: it is judged at that precision."""
    if dihitung is None:
        return "kelengkapan"
    desimal = presisi(dilaporkan)
    if desimal_kolom is not None and desimal > desimal_kolom \
            and bulat(dilaporkan, desimal_kolom) == dilaporkan:
        desimal = desimal_kolom
    if bulat(dihitung, desimal) == dilaporkan:
        return None
    satu_satuan = Decimal(1).scaleb(-desimal)
    if abs(dihitung - dilaporkan) < satu_satuan:
        return "pembulatan"
    tanpa_nol = presisi(dilaporkan.normalize()) if dilaporkan != 0 else 0
    if tanpa_nol < desimal and bulat(dihitung, tanpa_nol) == dilaporkan:
        return "pembulatan"  # right at fewer decimals, printed with a trailing zero too many
    return kelas


def teks_angka(nilai: Decimal | int | None, desimal: int = 2) -> str:
    return fmt.angka(nilai, desimal)


def teks_persen(nilai: Decimal | None) -> str:
    return fmt.persen(nilai)


def desimal(nilai: int | None) -> Decimal | None:
    return None if nilai is None else Decimal(nilai)


def atau(tercetak: Decimal | None, data_: Decimal | None) -> Decimal | None:
    return tercetak if tercetak is not None else data_


def banding(perihal: str, lokasi: str, dilaporkan: Decimal | None, dihitung: Decimal | None,
            kelas: str, hitungan: str, desimal: int = 2, fakta: str = "",
            satuan: str = "", desimal_kolom: int | None = None) -> Iterator[Temuan]:
    """A finding when the printed figure differs from the computed one (none when nothing was
    printed); `desimal_kolom`: the precision the figure's column prints (see `selisih_kelas`)."""
    if dilaporkan is None:
        return
    hasil = selisih_kelas(dilaporkan, dihitung, kelas, desimal_kolom)
    if hasil is not None:
        p = presisi(dilaporkan)  # the printed figure keeps its printed decimals
        yield Temuan(hasil, lokasi, perihal, teks_angka(dilaporkan, p) + satuan,
                     teks_angka(dihitung, max(desimal, p)) + satuan if dihitung is not None
                     else fmt.BELUM_TERSEDIA, hitungan, fakta)


def rumus_capaian(target: Decimal | None, realisasi: Decimal | None, arah: Arah) -> str:
    if arah is Arah.NAIK:
        return f"{teks_angka(realisasi)} ÷ {teks_angka(target)} × 100"
    return f"(2 × {teks_angka(target)} − {teks_angka(realisasi)}) ÷ {teks_angka(target)} × 100"


def target_di_capaian(t: Temuan, capaian: Decimal | None, target: Decimal | None) -> Temuan:
    """A printed capaian that is the row's own target (at the capaian's printed precision) is a
    target printed in the capaian column: the finding names that cause (a wrong cell, not a
    miscalculation); any other finding is returned as it is."""
    if capaian is None or target is None or t.kelas in ("pembulatan", "kelengkapan") \
            or bulat(target, presisi(capaian)) != capaian:
        return t
    return replace(t, kelas="target_capaian", hitungan=t.hitungan + " Angka tercetak sama dengan "
                   f"target baris ini ({teks_angka(target, presisi(target))}): yang tercetak di "
                   "kolom capaian adalah targetnya.")
