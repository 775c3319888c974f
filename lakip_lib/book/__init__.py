"""What each part of the book shows: one class per notebook, one method per block of content.

A notebook cell calls one method; the method returns an `Isi` (a list of display objects that
Jupyter shows in order). Tables and figures are numbered per chapter: every part declares the
numbered items it will show (`rencana`), so a notebook knows its numbers without the others
having run.

One module per part, named as its notebook (`sampul`, `ikhtisar`, `bab1_pendahuluan` …
`dokumentasi`, and the review `reviu`, a document of its own); its class declares the page
(`Bagian.BLOK`), its notebook is written from it (`notebook`). The base class is in `dasar`,
the correction marks in `koreksi` (shown by the review only), the reading order and numbering
in `susunan`. This module is the notebooks' entry point: `book.bagian("sampul", tahun, ...)`.
"""

from typing import cast

from lakip_lib import data
from lakip_lib.book.bab1_pendahuluan import Pendahuluan
from lakip_lib.book.bab2_perencanaan import Perencanaan
from lakip_lib.book.bab3_anggaran import Anggaran
from lakip_lib.book.bab3_capaian import Capaian
from lakip_lib.book.bab3_sasaran import Sasaran
from lakip_lib.book.bab4_penutup import Penutup
from lakip_lib.book.dasar import (
    SUMBER_AUDIT,
    SUMBER_DATA,
    Bagian,
    Isi,
    tanda_tangan,
)
from lakip_lib.book.dokumentasi import Dokumentasi
from lakip_lib.book.ikhtisar import Ikhtisar
from lakip_lib.book.koreksi import TURUNAN, koreksi_bab, koreksi_fakta
from lakip_lib.book.lampiran import Lampiran
from lakip_lib.book.reviu import Reviu
from lakip_lib.book.sampul import Sampul
from lakip_lib.book.susunan import BAGIAN, penomoran, urutan
from lakip_lib.data_tahun import DataTahun
from lakip_lib.tampilan import Nilai

__all__ = [
    "SUMBER_AUDIT", "SUMBER_DATA", "TURUNAN", "Anggaran", "Bagian", "Capaian", "Dokumentasi",
    "Ikhtisar", "Isi", "Lampiran", "Nilai", "Pendahuluan", "Penutup", "Perencanaan", "Reviu",
    "Sampul", "Sasaran", "bagian", "koreksi_bab", "koreksi_fakta", "penomoran", "tanda_tangan",
    "urutan",
]


def bagian(nama: str, tahun: int, butir: str | None = None, *,
           dimuat: DataTahun | None = None) -> Bagian:
    """The part notebook `nama` shows (`butir`: the item of a page made once per item, a
    sasaran's code). Of the year the build loaded and validated once and hands to the notebook
    (`dimuat`); run on its own (Jupyter, nbval), the notebook loads data/<tahun> here."""
    d = dimuat if dimuat is not None else data.muat(tahun)
    if d.tahun != tahun:
        raise ValueError(f"notebook {nama}: tahun {tahun}, tetapi data yang diberikan tahun "
                         f"{d.tahun}")
    kelas = cast(type[Bagian], BAGIAN[nama])  # every registered class is a Bagian (dasar)
    return kelas(d) if butir is None else kelas.satu_dari(d, butir)
