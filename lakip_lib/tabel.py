"""The loaded rows of one dataset, typed by the dataset's row type (`lakip_lib.baris`).

At run time a row is a plain dict of parsed cells; to the type checker `data["realisasi"]` is a
`syarat.TabelRealisasi`: a `TabelBaris[BarisRealisasi]`, whose rows have the columns and cell
types the schema declares, and whose queries take only those columns with values of those types.
A misspelt column, in a row or in a query, is an error before anything runs.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Generic, Protocol, TypeVar

from lakip_lib.dataset import Dataset

B = TypeVar("B", bound=Mapping[str, Any])


class TabelBaris(Protocol[B]):
    """A table with rows of type B, as the type checker sees it; the generated `syarat.Tabel…`
    of each dataset adds its typed queries (`cari`, `satu`, `ada_baris`)."""

    @property
    def dataset(self) -> Dataset: ...
    @property
    def berkas(self) -> str: ...
    @property
    def baris(self) -> list[B]: ...
    @property
    def nomor(self) -> list[int]: ...
    def kolom(self, nama: str) -> list[Any]: ...
    def jumlah_baris(self) -> int: ...


class Tabel(Generic[B]):
    """A dataset's rows in file order, with their spreadsheet row numbers (`nomor`)."""

    def __init__(self, dataset: Dataset, berkas: str, baris: list[B], nomor: list[int]):
        self.dataset, self.berkas = dataset, berkas
        self._baris, self._nomor = baris, nomor

    @property
    def baris(self) -> list[B]:
        return self._baris

    @property
    def nomor(self) -> list[int]:
        return self._nomor

    def kolom(self, nama: str) -> list[Any]:
        return [b[nama] for b in self.baris]

    def jumlah_baris(self) -> int:
        """How many rows (a page that shows only this depends on nothing else)."""
        return len(self._baris)

    def cari(self, **syarat: Any) -> list[B]:
        return [b for b in self.baris if all(b[k] == v for k, v in syarat.items())]

    def satu(self, **syarat: Any) -> B | None:
        hasil = self.cari(**syarat)
        return hasil[0] if hasil else None

    def ada_baris(self, **syarat: Any) -> bool:
        """Whether a row matches (a notebook that asks only this depends on nothing else)."""
        return any(all(b[k] == v for k, v in syarat.items()) for b in self.baris)


def sel_bernama(baris: Mapping[str, Any], kolom: str) -> Any:
    """A cell by a column name known only at run time (which the type checker cannot check,
    unlike `baris["kolom"]`)."""
    return baris[kolom]
