"""The registry of indicator kinds, keyed on column `rumus` of indikator.csv, one module per kind.

In code a kind is a `rumus` (this package, `dasar.Rumus`); `jenis` is only the indikator.csv
column (iku, tujuan, pendukung). Each kind declares in its own module how its realisasi is obtained
and from which datasets, how the audit explains the arithmetic, its validation rules, the
workbook sheets and rows it asks for, and the supporting tables and figures of the sasaran page
(plan entry and content in one declaration), its own datasets (their schema declarations) and
its audit checks. Adding a kind is one module and one line in `SEMUA` below, then `python -m
lakip_lib.schema` to regenerate the typed rows (the README's recipe; `tests/test_rumus_baru.py`
tries it); the list of valid `rumus` values is this registry.

Layering: the kinds import data types, dataset declarations (`dataset`), formulas, facts,
findings (`temuan`), formatting, display objects and charts; `schema` joins their datasets;
`kinerja`, `aturan`, `audit`, `buku_kerja` and the book import the registry. Loading checks the
`rumus` cells against the registry with the other cells (`dengan_pilihan`), so one run reports an
unknown kind together with every other bad cell.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from lakip_lib.data_tahun import turunan
from lakip_lib.dataset import Dataset, Kolom
from lakip_lib.rumus import cpr, desa_maju, langsung, penurunan_kasus, rasio
from lakip_lib.rumus.dasar import (
    AngkaTahunIni,
    Butir,
    ButirLampiran,
    Lapor,
    LembarRumus,
    Rekap,
    Rumus,
    UlasanReviu,
)
from lakip_lib.temuan import Penghitung, Temuan, Tercetak

if TYPE_CHECKING:
    from lakip_lib.data_tahun import DataTahun

# in the order the sasaran page shows their supporting tables, the workbook their sheets and
# the schema their datasets
SEMUA: dict[str, Rumus] = {r.nama: r for r in (
    langsung.RUMUS,
    penurunan_kasus.RUMUS,
    desa_maju.RUMUS,
    cpr.RUMUS,
    rasio.RUMUS,
)}

__all__ = [
    "SEMUA",
    "Butir",
    "LembarRumus",
    "Rumus",
    "dari",
    "dengan_pilihan",
    "lembar",
    "pendukung",
    "periksa",
]


def dengan_pilihan(dataset: str, kolom: Kolom) -> Kolom:
    """A schema column with the choices the registry gives it (`rumus` of indikator.csv: every
    kind registered when it is asked)."""
    if (dataset, kolom.nama) == ("indikator", "rumus"):
        return replace(kolom, pilihan=tuple(SEMUA))
    return kolom


def dari(data: DataTahun, kode: str) -> Rumus:
    """The kind of indicator `kode`."""
    return SEMUA[nama_rumus(data, kode)]


@turunan  # planning asks another sasaran's indicators their kind only, not their name or unit
def nama_rumus(data: DataTahun, kode: str) -> str:
    """The name of indicator `kode`'s kind (column `rumus`)."""
    baris = data["indikator"].satu(kode=kode)
    if baris is None:
        raise KeyError(f"indikator {kode} tidak ada di data")
    return baris["rumus"]


def periksa(data: DataTahun, tambah: Lapor) -> None:
    """Every kind's rules: each IKU's own rules and each kind's dataset rules (that `rumus` names
    a registered kind was checked on loading, with the other cells)."""
    for ind in data["indikator"].cari(jenis="iku"):
        SEMUA[ind["rumus"]].periksa_indikator(data, ind["kode"], tambah)
    for r in SEMUA.values():
        r.periksa_data(data, tambah)


def pendukung(data: DataTahun, kode: list[str]) -> list[Butir]:
    """The supporting tables and figures of a sasaran page whose indicators are `kode`: each
    kind present once, in registry order, given its indicators among `kode`."""
    per_rumus: dict[str, list[str]] = {}
    for k in kode:
        per_rumus.setdefault(dari(data, k).nama, []).append(k)
    return [b for nama, r in SEMUA.items() if nama in per_rumus
            for b in r.pendukung(per_rumus[nama])]


def penghitung() -> dict[str, tuple[str, Penghitung]]:
    """The dilaporkan.csv keys the kinds compute, by prefix."""
    return {awalan: ("hitungan", r.hitung_dilaporkan) for r in SEMUA.values()
            for awalan in r.awalan_dilaporkan}


def temuan(data: DataTahun) -> Iterator[Temuan]:
    """The audit's findings on the kinds' own datasets, in registry order."""
    for r in SEMUA.values():
        yield from r.temuan(data)


def tercetak(data: DataTahun) -> Iterator[Tercetak]:
    """The printed figures of the kinds' own datasets that name a fact."""
    for r in SEMUA.values():
        yield from r.tercetak(data)


def fakta_dilaporkan(data: DataTahun, kunci: str) -> str:
    """The fact a kind's dilaporkan.csv key is about ("" for another key)."""
    return next((f for r in SEMUA.values() if kunci.startswith(r.awalan_dilaporkan)
                 if (f := r.fakta_dilaporkan(data, kunci))), "")


def angka_tahun_ini(data: DataTahun) -> Iterator[AngkaTahunIni]:
    """This year's figures of the kinds' own datasets with their references, in registry order."""
    for r in SEMUA.values():
        yield from r.angka_tahun_ini(data)


def rekap_impor(dataset: str, baris: list[dict[str, str]], nomor: list[int | None],
                tahun: int) -> list[Rekap]:
    """The datasets the kinds compute from the imported sheet of `dataset`."""
    return [r for k in SEMUA.values() if (r := k.rekap_impor(dataset, baris, nomor, tahun))]


def datasets() -> list[Dataset]:
    """The kinds' own datasets, in registry order."""
    return [ds for r in SEMUA.values() for ds in r.datasets]


def dikonfirmasi() -> list[str]:
    """The kinds' datasets whose workbook sheet has a confirmation column (konfirmasi.csv)."""
    return [lb.dataset for lb in lembar() if lb.konfirmasi]


def lampiran(data: DataTahun) -> list[ButirLampiran]:
    """The appendix's tables of the kinds' own data, in registry order."""
    return [b for r in SEMUA.values() for b in r.lampiran(data)]


def ulasan_reviu() -> list[tuple[str, UlasanReviu]]:
    """The kinds' sections of the review, by kind name, in registry order."""
    return [(r.nama, r.ulasan_reviu) for r in SEMUA.values() if r.ulasan_reviu]


def lembar() -> list[LembarRumus]:
    """The workbook sheets of the kinds' own datasets, in registry order."""
    return [lb for r in SEMUA.values() for lb in r.lembar]


def baris_buku_kerja(data: DataTahun, dataset: str) -> list[dict[str, Any]]:
    """The rows the kinds ask the workbook sheet of `dataset` to offer this year."""
    return [b for r in SEMUA.values() for b in r.baris_buku_kerja(data, dataset)]
