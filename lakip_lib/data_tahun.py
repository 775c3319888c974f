"""One loaded fiscal year: `DataTahun`, which records every read a notebook makes so that the
build can key the notebook's cache on exactly what it read, and the rows of a data file as text.

This module only holds what was loaded; `lakip_lib.data` reads and validates the files (and runs
the domain rules of `lakip_lib.aturan`, which work on a `DataTahun`).
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lakip_lib import renstra_tahun
from lakip_lib.baris import BarisDokumentasi
from lakip_lib.dataset import Dataset
from lakip_lib.masalah import Masalah
from lakip_lib.rekaman import Edisi, Instansi, IsuStrategis
from lakip_lib.syarat import AksesTabel
from lakip_lib.tabel import B, Tabel

BARIS_PERTAMA = 2  # the header is row 1, as in a spreadsheet


SEMUA = ""  # a read of a whole file (its rows, a column, the YAML or narrative text)
ADA = "ada"  # a read of whether an optional file exists
JUMLAH = "jumlah"  # a read of how many rows a table has (not of what they hold)
ADA_BARIS = "ada:"  # + a query's conditions: a read of whether any row matches
TURUNAN = "turunan:"  # + "module.function": a read of a value derived from the whole year
KOLOM = "kolom:"  # + a column's name: a read of that column of every row, in order


def _kanon(nilai: Any) -> Any:
    """A cell value as JSON that keeps its type and exact form (Decimal("1.50") stays 1.50)."""
    return nilai if nilai is None or isinstance(nilai, str | int) else repr(nilai)


def pemilih(syarat: dict[str, Any]) -> str:
    """The selector of a row query (`Tabel.cari`/`satu`): its conditions as canonical JSON."""
    return json.dumps({k: _kanon(v) for k, v in syarat.items()}, sort_keys=True)


def baris_terpilih(tabel: Tabel[Any], pilih: str) -> list[dict[str, Any]]:
    """The rows a recorded query selects, in table order, as canonical values."""
    syarat = json.loads(pilih)
    return [{k: _kanon(v) for k, v in b.items()} for b in tabel.baris
            if all(_kanon(b.get(k)) == v for k, v in syarat.items())]


def kolom_terpilih(tabel: Tabel[Any], kolom: str) -> list[Any]:
    """A recorded column read: that column of every row, in table order, as canonical values."""
    return [_kanon(b.get(kolom)) for b in tabel.baris]


class turunan:  # lower case: used as a decorator, @turunan
    """Decorator for a value the book derives from the whole year (e.g. the audit's corrections
    shown in one chapter): a page records one read of its result, not of every fact behind it,
    and the cache keys the page on the result (recomputed in the build process). The function
    takes the year and JSON-able arguments and must depend on nothing else; `asli` is the
    function itself (what the cache recomputes)."""

    def __init__(self, fungsi: Callable[..., Any]) -> None:
        self.asli = fungsi
        self.nama = f"{fungsi.__module__}.{fungsi.__qualname__}"  # as a recorded read names it
        self.__doc__, self.__name__ = fungsi.__doc__, fungsi.__name__

    def __call__(self, d: DataTahun, *args: Any) -> Any:
        d._catat(TURUNAN + self.nama, json.dumps(args))
        return d.hitung_turunan(self.asli, args)


class _TabelTercatat(Tabel[B]):
    """A table as a notebook sees it: reading all rows records the whole file, a column only
    that column, a `cari`/`satu` query only its conditions (so only the rows it selects
    matter), and counting its rows only the count."""

    def __init__(self, asal: Tabel[B], catat: Callable[[str], None]):
        super().__init__(asal.dataset, asal.berkas, asal.baris, asal.nomor)
        self._asal, self._catat = asal, catat

    @property
    def baris(self) -> list[B]:
        self._catat(SEMUA)
        return self._asal.baris

    @property
    def nomor(self) -> list[int]:
        self._catat(SEMUA)
        return self._asal.nomor

    def jumlah_baris(self) -> int:
        self._catat(JUMLAH)
        return self._asal.jumlah_baris()

    def kolom(self, nama: str) -> list[Any]:
        self._catat(KOLOM + nama)
        return self._asal.kolom(nama)

    def cari(self, **syarat: Any) -> list[B]:
        self._catat(_pemilih_atau_semua(syarat))
        return self._asal.cari(**syarat)

    def ada_baris(self, **syarat: Any) -> bool:
        pilih = _pemilih_atau_semua(syarat)
        self._catat(pilih if pilih == SEMUA else ADA_BARIS + pilih)
        return self._asal.ada_baris(**syarat)


def _pemilih_atau_semua(syarat: dict[str, Any]) -> str:
    """A query on text, integers or empty cells is recorded as such; any other condition (whose
    JSON form might not compare like the value) as a read of the whole file."""
    if all(v is None or isinstance(v, str | int) for v in syarat.values()):
        return pemilih(syarat)
    return SEMUA


@dataclass
class _Turunan:
    """Derived values of one loaded year (`turunan`), keyed by function and arguments, and the
    copy of the year that records nothing on which they are computed."""

    nilai: dict[tuple[Any, ...], Any] = field(default_factory=dict)
    diam: DataTahun | None = None


class DataTahun(AksesTabel):
    """Everything the book of one fiscal year is made from, parsed and validated.

    Every access is recorded in `dibaca` as (path relative to the data folder, selector): the
    whole file (`SEMUA`), its existence (`ADA`), its number of rows (`JUMLAH`), one column
    (`KOLOM`), or the conditions of a row query. The build
    keys a notebook's cache on what exactly those reads returned, so a changed value re-executes
    only the notebooks that read it. With $LAKIP_JEJAK set, each new read is also appended to
    that file as a JSON line.
    """

    def __init__(self, tahun: int, akar: Path, instansi: Instansi, edisi: Edisi,
                 isu: IsuStrategis, tabel: dict[str, Tabel[Any]], narasi: dict[str, str],
                 datasets: Mapping[str, Dataset]):
        self.tahun = tahun
        self.akar = akar
        self.datasets = datasets  # every dataset by name (schema.BY_NAME): absent ones too
        self._instansi, self._edisi, self._isu = instansi, edisi, isu
        self._tabel, self._narasi = tabel, narasi
        self.peringatan: list[Masalah] = []
        self.dibaca: set[tuple[str, str]] = set()
        self._jejak: str | None = None
        # derived values and the silent copy they are computed on, shared by every copy of
        # this loaded year (`salinan`): a process forked after the build computed them (to key
        # the pages) inherits them instead of recomputing the audit behind them
        self._turunan = _Turunan()

    def hitung_turunan(self, fungsi: Callable[..., Any], args: tuple[Any, ...] | list[Any]) -> Any:
        """fungsi(year, *args) on a copy that records nothing, once per loaded year."""
        kunci = (fungsi, tuple(args))
        t = self._turunan
        if kunci not in t.nilai:
            if t.diam is None:
                t.diam = self.salinan()
                t.diam._jejak = None
            t.nilai[kunci] = fungsi(t.diam, *args)
        return t.nilai[kunci]

    def turunan_terhitung(self) -> tuple[set[str], dict[tuple[Any, ...], Any]]:
        """The derived values computed so far on this loaded year, and the data files their
        computation read (every one of them, whatever the value)."""
        t = self._turunan
        return ({p for p, _ in t.diam.dibaca} if t.diam else set()), dict(t.nilai)

    def warisi_turunan(self, nilai: dict[tuple[Any, ...], Any]) -> None:
        """Take derived values computed on an earlier load of the same year whose files they
        read are byte for byte the same (the caller checks): they are the same values."""
        self._turunan.nilai.update(nilai)

    def salinan(self) -> DataTahun:
        """The same validated year with its own, empty record of reads (tables and derived
        values are shared)."""
        baru = DataTahun(self.tahun, self.akar, self._instansi, self._edisi, self._isu,
                         self._tabel, self._narasi, self.datasets)
        baru.peringatan = self.peringatan
        baru._turunan = self._turunan
        baru.mulai_mencatat()
        return baru

    def mulai_mencatat(self) -> None:
        """Forget the reads made while validating; record (and report) reads from now on."""
        self.dibaca = set()
        self._jejak = os.environ.get("LAKIP_JEJAK")

    def _catat(self, path: str, pilih: str = SEMUA) -> None:
        if (path, pilih) in self.dibaca:
            return
        self.dibaca.add((path, pilih))
        if self._jejak:
            with open(self._jejak, "a", encoding="utf-8") as f:
                f.write(json.dumps([path, pilih]) + "\n")

    @property
    def instansi(self) -> Instansi:
        self._catat("instansi.yaml")
        self._catat(f"{self.tahun}/edisi.yaml")  # the year's head of agency may come from there
        return self._instansi

    @property
    def edisi(self) -> Edisi:
        self._catat(f"{self.tahun}/edisi.yaml")
        return self._edisi

    @property
    def isu(self) -> IsuStrategis:
        self._catat(f"{self.tahun}/isu_strategis.yaml")
        return self._isu

    def tabel(self, nama: str) -> Tabel[Any]:
        """A dataset's table (a recorded read); `d["realisasi"]` is the same with typed rows."""
        path = renstra_tahun.path(self.akar, self.datasets[nama], self.tahun)
        return _TabelTercatat(self._tabel[nama], lambda pilih: self._catat(path, pilih))

    def tabel_berkas(self, path: str) -> Tabel[Any]:
        """The loaded table of a data file, for the cache's keys (not a recorded read); an
        empty table when the year has no such file."""
        ds = renstra_tahun.dataset(path, self.tahun, self.datasets.values())
        assert ds is not None, path
        return self._tabel.get(ds.nama) or Tabel(ds, path, [], [])

    def ada(self, nama: str) -> bool:
        """Whether an optional dataset exists this year (its absence is a dependency too)."""
        self._catat(renstra_tahun.path(self.akar, self.datasets[nama], self.tahun), ADA)
        return nama in self._tabel

    def foto(self) -> list[BarisDokumentasi]:
        """The year's activity photos with their captions (none when the folder is absent)."""
        return self["dokumentasi"].baris if self.ada("dokumentasi") else []

    def gambar(self, rujukan: str) -> bytes:
        """The bytes of an image file named in data (checked by `gambar.masalah` on loading)."""
        self._catat(rujukan)
        return (self.akar / rujukan).read_bytes()

    def nama_berkas(self, path: str) -> str:
        """A data file as problems name it (like the loader: relative to the data folder's
        parent, e.g. data/2025/edisi.yaml)."""
        return f"{self.akar.name}/{path}"

    def semua_narasi(self) -> dict[str, str]:
        """Every narrative file of the year (for validation; not a recorded read)."""
        return dict(self._narasi)

    def narasi(self, nama: str) -> str | None:
        self._catat(f"{self.tahun}/narasi/{nama}.md")
        return self._narasi.get(nama)

    @property
    def periode_renstra(self) -> tuple[int, int]:
        awal, akhir = self.instansi.renstra.periode
        return awal, akhir


def baris_mentah(path: Path) -> list[tuple[int, dict[str, str]]]:
    """The non-empty rows of a CSV file as text, with their spreadsheet row numbers. For files
    that are then validated (or already were): it reports nothing itself."""
    if not path.is_file():
        return []
    baca = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))
    if not baca:
        return []
    return [(nomor, dict(zip(baca[0], sel, strict=False)))
            for nomor, sel in enumerate(baca[1:], start=BARIS_PERTAMA) if any(x.strip() for x in sel)]
