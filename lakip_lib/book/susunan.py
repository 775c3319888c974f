"""The parts of the book in reading order, and the numbering of their tables and figures.

Every part class registers itself here by its notebook's name (`Bagian.__init_subclass__`), so
this module imports no part: the base class can number its items without depending on the
parts it numbers.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from lakip_lib.book import nomor
from lakip_lib.data import DataTahun

if TYPE_CHECKING:
    from lakip_lib.book.dasar import Bagian

JENIS: dict[str, type[Bagian]] = {}  # notebook name → the part class that fills it


def daftarkan(kelas: type[Bagian]) -> None:
    """Record a part class under its notebook's name (called once per class)."""
    JENIS[kelas.notebook] = kelas


def urutan(d: DataTahun) -> list[Bagian]:
    """Every part of the book in reading order."""
    sasaran = [JENIS["bab3_sasaran"](d, kode) for kode in d["sasaran"].kolom("kode")]  # type: ignore[call-arg]
    foto = [JENIS["dokumentasi"](d)] if d.ada("dokumentasi") and d["dokumentasi"].baris else []
    return [*(JENIS[n](d) for n in ("sampul", "ikhtisar", "bab1_pendahuluan", "bab2_perencanaan",
                                    "bab3_capaian")),
            *sasaran, *(JENIS[n](d) for n in ("bab3_anggaran", "bab4_penutup", "lampiran")),
            *foto]


@lru_cache(maxsize=16)
def penomoran(d: DataTahun, bab: str | None = None) -> nomor.Nomor:
    """(part, "tabel" | "gambar", key) → number such as "3.12": every part's declared items,
    counted per chapter in reading order. Computed once per loaded year and chapter, not per
    item. With `bab`, only that chapter's parts are planned: numbers restart per chapter, so a
    notebook never needs (nor records as its inputs) what another chapter shows."""
    return nomor.nomori((b.kunci_bagian, b.bab, b.rencana()) for b in urutan(d)
                        if bab is None or b.bab == bab)
