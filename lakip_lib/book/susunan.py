"""The parts of the book in reading order and the numbering of their tables and figures."""

from __future__ import annotations

from functools import lru_cache

from lakip_lib.book.bab1_pendahuluan import Pendahuluan
from lakip_lib.book.bab2_perencanaan import Perencanaan
from lakip_lib.book.bab3_anggaran import Anggaran
from lakip_lib.book.bab3_capaian import Capaian
from lakip_lib.book.bab3_sasaran import Sasaran
from lakip_lib.book.bab4_penutup import Penutup
from lakip_lib.book.dasar import Bagian
from lakip_lib.book.depan import Sampul
from lakip_lib.book.ikhtisar_eksekutif import Ikhtisar
from lakip_lib.book.lampiran_foto import Dokumentasi, _foto
from lakip_lib.book.lampiran_utama import Lampiran
from lakip_lib.data import DataTahun


@lru_cache(maxsize=16)
def penomoran(d: DataTahun, bab: str | None = None) -> dict[tuple[str, str, str], str]:
    """(part, "tabel" | "gambar", key) → number such as "3.12": every part's declared items,
    counted per chapter in reading order. Computed once per loaded year and chapter, not per
    item. With `bab`, only that chapter's parts are planned: numbers restart per chapter, so a
    notebook never needs (nor records as its inputs) what another chapter shows."""
    nomor: dict[tuple[str, str, str], str] = {}
    hitung: dict[tuple[str, str], int] = {}
    for bagian in urutan(d):
        if bab is not None and bagian.bab != bab:
            continue
        for jenis, kunci in bagian.rencana():
            n = hitung[(bagian.bab, jenis)] = hitung.get((bagian.bab, jenis), 0) + 1
            nomor[(bagian.kunci_bagian, jenis, kunci)] = f"{bagian.bab}.{n}"
    return nomor


def urutan(d: DataTahun) -> list[Bagian]:
    """Every part of the book in reading order."""
    sasaran = [Sasaran(d, kode) for kode in d["sasaran"].kolom("kode")]
    return [Sampul(d), Ikhtisar(d), Pendahuluan(d), Perencanaan(d), Capaian(d), *sasaran,
            Anggaran(d), Penutup(d), Lampiran(d), *([Dokumentasi(d)] if _foto(d) else [])]
