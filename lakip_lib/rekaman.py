"""The records of instansi.yaml, <tahun>/edisi.yaml and <tahun>/isu_strategis.yaml, from which
their YAML shapes are derived (what `lakip_lib.data` checks)."""

from __future__ import annotations

import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, fields, is_dataclass
from datetime import date
from typing import Any


def adalah_draf(status: object) -> bool:
    """Whether an edisi.yaml `status` makes the edition a draft (inputs may still be missing).
    The one place this is decided, for the validated record (`Edisi.draf`) as for a raw file."""
    return str(status if status is not None else "").lower() == "draf"


@dataclass(frozen=True)
class Pejabat:
    """A signatory: the head of agency of a year (edisi.yaml `kepala`, or instansi.yaml `kepala`
    for a year that names none) or the performance agreement's second party (edisi.yaml
    `perjanjian_kinerja.pihak_kedua`); an elected official has no rank or NIP."""

    nama: str | None = None
    pangkat: str | None = None
    golongan: str | None = None
    nip: str | None = None
    jabatan: str | None = None


@dataclass(frozen=True)
class DasarPembentukan:
    peraturan: str | None = None
    tentang: str | None = None


@dataclass(frozen=True)
class JabatanFungsional:
    jabatan: str | None = None
    jumlah: int | None = None


@dataclass(frozen=True)
class Unit:
    unit: str | None = None
    atasan: str | None = None  # the unit above (another unit listed earlier); else the first
    jabatan_fungsional: tuple[JabatanFungsional, ...] = ()


@dataclass(frozen=True)
class Rpjmd:
    periode: tuple[int, ...] = ()
    visi: str | None = None
    misi: str | None = None


@dataclass(frozen=True)
class Renstra:
    periode: tuple[int, ...] = ()


@dataclass(frozen=True)
class Instansi:
    """instansi.yaml: the agency profile, RPJMD and Renstra period. The fields without a default
    are required (checked by the loader, which also checks the Renstra period). `kepala` here is
    the head of agency of every year whose edisi.yaml names none (data written before the head
    became a fact of the year); a loaded year's `instansi.kepala` is always that year's head."""

    nama: str
    nama_singkat: str
    kabupaten: str
    pemerintah: str | None = None
    provinsi: str | None = None
    ibu_kota: str | None = None
    lambang: str | None = None  # optional cover images, relative to the data folder
    logo: str | None = None
    kepala: Pejabat = Pejabat()
    dasar_pembentukan: tuple[DasarPembentukan, ...] = ()
    tugas: str | None = None
    fungsi: tuple[str, ...] = ()
    struktur: tuple[Unit, ...] = ()
    landasan_hukum: tuple[str, ...] = ()
    rpjmd: Rpjmd = Rpjmd()
    renstra: Renstra = Renstra()


@dataclass(frozen=True)
class PerjanjianKinerja:
    judul: str | None = None
    tanggal: date | None = None
    pihak_kedua: Pejabat = Pejabat()


@dataclass(frozen=True)
class ButirRevisi:
    """One re-issue of a final edition (lakip_lib.rilis)."""

    tanggal: date
    alasan: str


@dataclass(frozen=True)
class Edisi:
    """<tahun>/edisi.yaml: the edition's label, status, place and date, budget ceiling, the
    performance agreement, the head of agency who signs it (name, rank, grade, NIP, title: facts
    of the year, so a new head entered for next year does not re-sign this one) and the
    re-issues. `penilaian` (the verdict rule) is checked by the
    loader on its own and kept as written."""

    tahun: int
    label: str
    tempat: str
    tanggal_terbit: date
    status: str | None = None
    pagu_anggaran: int | None = None  # a draft may not know it yet
    sumber_anggaran: str = "APBD"
    perjanjian_kinerja: PerjanjianKinerja = PerjanjianKinerja()
    revisi: tuple[ButirRevisi, ...] = ()
    penilaian: Mapping[str, Any] | None = None
    kepala: Pejabat | None = None  # the head of agency who signs this year's edition
    renstra: Renstra | None = None  # a year of another Renstra than instansi.yaml's
    rpjmd: Rpjmd | None = None  # (`lakip_lib.renstra_tahun`)
    lambang: str | None = None  # the year's own cover images, relative to the data folder,
    logo: str | None = None  # replacing instansi.yaml's from this year on
    # why a final edition may still print "belum tersedia" (a figure the source never had)
    konfirmasi_belum_tersedia: str | None = None

    @property
    def draf(self) -> bool:
        return adalah_draf(self.status)


def bentuk_yaml(jenis: type) -> dict[str, Any]:
    """The declared shape of a record's YAML file (what lakip_lib.data checks): str is text, int
    a whole number, date a date (TTTT-BB-HH), [x] a list of x, {…} a mapping. A Mapping field
    is not part of the shape (kept as written and checked on its own)."""
    petunjuk = typing.get_type_hints(jenis)
    return {f.name: _bentuk_tipe(petunjuk[f.name]) for f in fields(jenis)
            if _bentuk_tipe(petunjuk[f.name]) is not None}


def tipe_inti(tipe: Any) -> Any:
    """X for X | None, else the type itself."""
    if typing.get_origin(tipe) in (typing.Union, types.UnionType):
        return next(t for t in typing.get_args(tipe) if t is not type(None))
    return tipe


def _bentuk_tipe(tipe: Any) -> Any:
    tipe = tipe_inti(tipe)
    if typing.get_origin(tipe) is tuple:
        return [_bentuk_tipe(typing.get_args(tipe)[0])]
    if isinstance(tipe, type) and is_dataclass(tipe):
        return bentuk_yaml(tipe)
    return tipe if tipe in (str, int, date) else None


YAML_INSTANSI = bentuk_yaml(Instansi)
YAML_EDISI = bentuk_yaml(Edisi)


@dataclass(frozen=True)
class IsuStrategis:
    """<tahun>/isu_strategis.yaml (optional): the challenges and opportunities the book lists."""

    tantangan: tuple[str, ...] = ()
    peluang: tuple[str, ...] = ()


YAML_ISU = bentuk_yaml(IsuStrategis)
