"""What each part of the book shows: one class per notebook, one method per block of content.

A notebook cell calls one method; the method returns an `Isi` (a list of display objects that
Jupyter shows in order). Tables and figures are numbered per chapter: every part declares the
numbered items it will show (`rencana`), so a notebook knows its numbers without the others
having run.

One module per part, named as its notebook (`sampul`, `ikhtisar`, `bab1_pendahuluan` …
`dokumentasi`, and the review `reviu`, a document of its own); its class declares the page
(`Bagian.BLOK`), its notebook is written from it (`notebook`), and it is found by its module's
name (every module of the package is imported below). The base class is in `dasar`,
the correction marks in `koreksi` (shown by the review only), the reading order and numbering
in `susunan`. This module is the notebooks' entry point: `book.bagian("sampul", tahun, ...)`.
"""

import importlib
import pkgutil
from collections.abc import Callable
from typing import Any

from lakip_lib import kinerja, rumus
from lakip_lib.book.bab1_pendahuluan import kondisi_aspek
from lakip_lib.book.bab4_penutup import serapan_dan_pagu
from lakip_lib.book.dasar import (
    SUMBER_AUDIT,
    SUMBER_DATA,
    Bagian,
    Isi,
    nama_ketercapaian,
    sebaran_kategori,
    tanda_tangan,
)
from lakip_lib.book.koreksi import ada_temuan, koreksi_bab, koreksi_fakta
from lakip_lib.book.susunan import bagian, penomoran, urutan
from lakip_lib.tampilan import Nilai

__all__ = [
    "SUMBER_AUDIT", "SUMBER_DATA", "TURUNAN", "Bagian", "Isi", "Nilai", "bagian", "koreksi_bab",
    "koreksi_fakta", "penomoran", "tanda_tangan", "urutan",
]

# The book's derived values (`@turunan`) by the name a recorded read gives them: the build hands
# them to the cache, which recomputes them to key a page (it imports nothing by name).
TURUNAN: dict[str, Callable[..., Any]] = {
    t.nama: t.asli
    for t in (ada_temuan, koreksi_bab, koreksi_fakta, sebaran_kategori, nama_ketercapaian,
              serapan_dan_pagu, kondisi_aspek, kinerja.ada_realisasi, kinerja.anggaran_sasaran,
              kinerja.kode_indikator, rumus.nama_rumus)}


def _impor_semua() -> None:
    """Import every module of this package once: each part class registers itself under its
    module's name (`susunan.BAGIAN`), so a new page is its module and its line in the outline;
    a part is reached as `book.<module>.<Class>`. These are this package's own modules, of its
    own layer (each one's imports are checked by tests/test_lapisan.py)."""
    for modul in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{modul.name}")


_impor_semua()
