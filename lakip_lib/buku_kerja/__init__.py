"""The Excel round trip of one fiscal year: `lakip template` and `lakip import`.

One module per step: `lembar` declares the sheets (shared by writer and reader), `tulis` writes
the template, `buka` opens a workbook after checking the .xlsx before any parsing, and `baca`
reads it back into the year's data files (validated, all or nothing). This package re-exports the
names the rest of `lakip_lib`, the tests and the benchmarks use.
"""

from lakip_lib.buku_kerja.baca import KOLOM_LEBIH, HasilImpor, impor
from lakip_lib.buku_kerja.buka import BARIS_MAKS, ISI_MAKS, UKURAN_MAKS
from lakip_lib.buku_kerja.lembar import (
    EDISI,
    INFO_INDIKATOR,
    JUDUL_KOLOM,
    KONFIRMASI,
    LEMBAR,
    PETUNJUK,
    Lembar,
    baris_awal,
)
from lakip_lib.buku_kerja.tulis import BARIS_CADANGAN, LEBAR_MAKS, tulis_template

__all__ = [
    "BARIS_CADANGAN", "BARIS_MAKS", "EDISI", "INFO_INDIKATOR", "ISI_MAKS", "JUDUL_KOLOM",
    "KOLOM_LEBIH", "KONFIRMASI", "LEBAR_MAKS", "LEMBAR", "PETUNJUK", "UKURAN_MAKS", "HasilImpor",
    "Lembar", "baris_awal", "impor", "tulis_template",
]
