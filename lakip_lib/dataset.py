"""What a dataset under data/ is declared with: its cell types (`Tipe`), its columns (`Kolom`)
and the dataset itself (`Dataset`: file, columns, keys, description).

The declarations themselves live with what owns them: the common datasets in
`lakip_lib.schema`, an indicator kind's own datasets in its module of `lakip_lib.rumus`.
Column kinds: an *input* is a fact transcribed or entered by the analyst; an *as reported*
(`dilaporkan`) column keeps a derived figure exactly as a source document printed it, for the
audit only — it is never used to compute anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Tipe(Enum):
    TEKS = "teks"
    BULAT = "bilangan bulat"
    DESIMAL = "angka desimal"
    RUPIAH = "rupiah"
    TAHUN = "tahun"

    @property
    def contoh(self) -> str:
        return {
            Tipe.TEKS: "teks",
            Tipe.BULAT: "bilangan bulat, misalnya 26482",
            Tipe.DESIMAL: "angka dengan titik sebagai pemisah desimal, misalnya 73.27",
            Tipe.RUPIAH: "rupiah bulat tanpa pemisah ribuan, misalnya 97000169679",
            Tipe.TAHUN: "tahun empat angka, misalnya 2024",
        }[self]


@dataclass(frozen=True)
class Kolom:
    nama: str
    tipe: Tipe = Tipe.TEKS
    wajib: bool = True
    pilihan: tuple[str, ...] = ()
    acuan: tuple[str, str] | None = None  # (dataset, column) that must contain the value
    dilaporkan: bool = False
    dalam_renstra: bool = False  # a TAHUN that must lie inside the Renstra period
    boleh_negatif: bool = True
    wajib_final: bool = False  # required in a final edition, may stay empty in a draft
    nama_berkas: bool = False  # the value becomes part of a file name and URL (letters, digits, -, _)
    keterangan: str = ""  # its description, where the schema's by column name does not fit
    judul: str = ""  # its title with its unit (workbook header, data package field), likewise


@dataclass(frozen=True)
class Dataset:
    nama: str
    berkas: str  # path under data/, "{tahun}" for per-year files
    keterangan: str
    kolom: tuple[Kolom, ...]
    kunci: tuple[str, ...]
    wajib_ada: bool = True
    riwayat: bool = False  # a multi-year record by `tahun`: an edition sees rows up to its year
    riwayat_kecuali: tuple[str, str] | None = None  # (column, value) of rows every edition sees

    def dalam_edisi(self, baris: dict[str, str], tahun: int) -> bool:
        """Whether a raw row belongs to the edition of `tahun` (later years' rows do not)."""
        if not self.riwayat:
            return True
        if self.riwayat_kecuali and baris.get(self.riwayat_kecuali[0], "").strip() == \
                self.riwayat_kecuali[1]:
            return True
        teks = baris.get("tahun", "").strip()
        return not (teks.isdigit() and int(teks) > tahun)

    @property
    def per_tahun(self) -> bool:
        return "{tahun}" in self.berkas

    def path(self, tahun: int) -> str:
        return self.berkas.format(tahun=tahun)

    def kolom_bernama(self, nama: str) -> Kolom:
        return next(k for k in self.kolom if k.nama == nama)

