"""What each part of the book shows: one class per notebook, one method per block of content.

A notebook cell calls one method; the method returns an `Isi` (a list of display objects that
Jupyter shows in order). Tables and figures are numbered per chapter: every part declares the
numbered items it will show (`rencana`), so a notebook knows its numbers without the others
having run.

One module per part, named as its notebook (`sampul`, `ikhtisar`, `bab1_pendahuluan` … `dokumentasi`, and
the review `reviu`, a document of its own), the base class in `dasar`, the correction marks in
`koreksi` (shown by the review only), the reading order and numbering in `susunan`. This
module is the notebooks' entry point: `book.sampul(tahun)` and so on.
"""

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
from lakip_lib.book.koreksi import koreksi_bab, koreksi_fakta
from lakip_lib.book.lampiran import Lampiran
from lakip_lib.book.reviu import Reviu
from lakip_lib.book.sampul import Sampul
from lakip_lib.book.susunan import penomoran, urutan
from lakip_lib.tampilan import Nilai

__all__ = [
    "SUMBER_AUDIT", "SUMBER_DATA", "Anggaran", "Bagian", "Capaian", "Dokumentasi", "Ikhtisar",
    "Isi", "Lampiran", "Nilai", "Pendahuluan", "Penutup", "Perencanaan", "Reviu", "Sampul", "Sasaran",
    "anggaran", "capaian", "dokumentasi", "ikhtisar", "koreksi_bab", "koreksi_fakta", "lampiran",
    "pendahuluan", "penomoran", "penutup", "perencanaan", "reviu", "sampul", "sasaran", "tanda_tangan",
    "urutan",
]


# --- entry points for notebooks ---------------------------------------------------------------

def sampul(tahun: int) -> Sampul:
    return Sampul(data.muat(tahun))


def ikhtisar(tahun: int) -> Ikhtisar:
    return Ikhtisar(data.muat(tahun))


def pendahuluan(tahun: int) -> Pendahuluan:
    return Pendahuluan(data.muat(tahun))


def perencanaan(tahun: int) -> Perencanaan:
    return Perencanaan(data.muat(tahun))


def capaian(tahun: int) -> Capaian:
    return Capaian(data.muat(tahun))


def sasaran(tahun: int, kode: str) -> Sasaran:
    return Sasaran(data.muat(tahun), kode)


def anggaran(tahun: int) -> Anggaran:
    return Anggaran(data.muat(tahun))


def penutup(tahun: int) -> Penutup:
    return Penutup(data.muat(tahun))


def lampiran(tahun: int) -> Lampiran:
    return Lampiran(data.muat(tahun))


def dokumentasi(tahun: int) -> Dokumentasi:
    return Dokumentasi(data.muat(tahun))


def reviu(tahun: int) -> Reviu:
    return Reviu(data.muat(tahun))
