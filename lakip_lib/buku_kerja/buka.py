"""Opening a workbook to import, after the safety checks of the .xlsx before any parsing.

`buka` checks the file's size, its unzipped size, and each sheet's XML (hidden, more rows than any
LAKIP table, merged cells) in bounded memory and time, then opens it read-only with openpyxl;
`Buku.isi` reads a sheet's cells as the analyst sees them.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from lakip_lib.masalah import Masalah

UKURAN_MAKS = 20 * 1024 * 1024  # bytes of the .xlsx; a filled workbook is ~100 KiB
ISI_MAKS = 100 * 1024 * 1024  # bytes once unzipped, checked before any parsing
BARIS_MAKS = 10_000  # rows of one sheet; the largest table has a few hundred
_TERLALU_PANJANG = (f"lembar ini berisi lebih dari {BARIS_MAKS:,} baris".replace(",", ".")
                    + "; buku kerja LAKIP hanya berisi beberapa ratus baris. Hapus baris kosong "
                    "yang terformat atau salin isiannya ke template baru.")


@dataclass
class Buku:
    """A workbook opened read-only (streamed, bounded memory) twice: as Excel last computed it
    (cached values) and as typed (to tell a formula from an empty cell)."""

    nama: str
    nilai: Any
    ketikan: Any  # as typed: a formula is its text, not its value

    @property
    def sheetnames(self) -> list[str]:
        return list(self.nilai.sheetnames)

    def tutup(self) -> None:
        self.nilai.close()
        self.ketikan.close()

    def isi(self, lembar: str, lebar: int, masalah: list[Masalah],
            sudah: set[tuple[str, int, str]]) -> list[list[Any]] | None:
        """The first `lebar` columns of a sheet, row by row, each cell as the analyst sees it: a
        percentage-formatted cell as the percentage shown (98,04% → 98.04), a formula as its
        value; a formula Excel never computed is a problem. None when the sheet is too long."""
        tempat = f'{self.nama}, lembar "{lembar}"'
        terlalu_panjang = Masalah(tempat, None, None, _TERLALU_PANJANG)
        if (self.nilai[lembar].max_row or 0) > BARIS_MAKS:
            masalah.append(terlalu_panjang)
            return None
        hasil: list[list[Any]] = []
        judul: list[Any] = []
        for nomor, (sel, ketik) in enumerate(zip(self.nilai[lembar].iter_rows(max_col=lebar),
                                                 self.ketikan[lembar].iter_rows(max_col=lebar),
                                                 strict=False), start=1):
            if nomor > BARIS_MAKS:
                masalah.append(terlalu_panjang)
                return None
            baris = []
            for j, (c, k) in enumerate(zip(sel, ketik, strict=False)):
                v = c.value
                if k.data_type == "f" and v is None:
                    kolom = str(judul[j]) if j < len(judul) and judul[j] else get_column_letter(j + 1)
                    masalah.append(Masalah(tempat, nomor, kolom,
                                           f"sel berisi rumus {k.value} yang belum pernah dihitung "
                                           "Excel (tidak ada nilai tersimpan). Buka berkas di Excel "
                                           "lalu simpan lagi, atau ketik angkanya langsung."))
                    sudah.add((tempat, nomor, kolom))
                elif isinstance(v, (int, float)) and not isinstance(v, bool) \
                        and "%" in (c.number_format or ""):
                    v = Decimal(repr(v)) * 100
                baris.append(v)
            if nomor == 1:
                judul = baris
            hasil.append(baris)
        return hasil


def buka(berkas: Path, masalah: list[Masalah]) -> Buku | None:
    """The workbook opened for reading, or None with the reason in `masalah`. Size, sheet length
    and merged cells are checked on the zip and the sheets' XML before openpyxl parses anything
    (openpyxl reads a whole sheet to size it when the sheet does not declare its size)."""
    if not berkas.is_file():
        masalah.append(Masalah(str(berkas), None, None, "berkas ini tidak ditemukan."))
        return None
    bukan_xlsx = Masalah(berkas.name, None, None,
                         "berkas ini bukan buku kerja Excel (.xlsx) yang dapat dibaca. Buka di "
                         "Excel lalu simpan dengan jenis \"Buku Kerja Excel (*.xlsx)\", atau buat "
                         "ulang dengan: lakip template.")
    terlalu_besar = Masalah(berkas.name, None, None,
                            "berkas ini terlalu besar untuk buku kerja LAKIP (lebih dari "
                            f"{UKURAN_MAKS // 2**20} MB, atau lebih dari {ISI_MAKS // 2**20} MB "
                            "setelah dibuka). Buat ulang dengan lakip template lalu salin "
                            "isiannya saja.")
    try:
        if berkas.stat().st_size > UKURAN_MAKS:
            masalah.append(terlalu_besar)
            return None
        with zipfile.ZipFile(berkas) as arsip:
            if sum(i.file_size for i in arsip.infolist()) > ISI_MAKS:
                masalah.append(terlalu_besar)
                return None
            cacat = [Masalah(f'{berkas.name}, lembar "{nama}"', None, None, pesan)
                     for nama, (bagian, keadaan) in _bagian_lembar(arsip).items()
                     for pesan in _periksa_xml(arsip, bagian, keadaan)]
        if cacat:
            masalah += cacat
            return None
        buku = Buku(berkas.name, load_workbook(berkas, read_only=True, data_only=True),
                     load_workbook(berkas, read_only=True))
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError,
            ElementTree.ParseError):
        masalah.append(bukan_xlsx)
        return None
    return buku


_NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def _bagian_lembar(arsip: zipfile.ZipFile) -> dict[str, tuple[str, str]]:
    """Sheet name → its XML part in the zip and its state (visible, hidden, veryHidden), from
    xl/workbook.xml and its relationships."""
    tujuan = {r.get("Id"): r.get("Target", "")
              for r in ElementTree.fromstring(arsip.read("xl/_rels/workbook.xml.rels"))}
    hasil = {}
    for lembar in ElementTree.fromstring(arsip.read("xl/workbook.xml")).iter():
        if lembar.tag.endswith("}sheet"):
            target = tujuan.get(lembar.get(f"{_NS_REL}id"), "")
            bagian = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            hasil[lembar.get("name", "")] = (bagian, lembar.get("state", "visible"))
    return hasil


_BARIS_XML = re.compile(rb"<(?:\w+:)?row[\s>/]")
_GABUNG_XML = re.compile(rb"<(?:\w+:)?mergeCell\s+ref=\"([A-Z0-9:]+)\"")


def _periksa_xml(arsip: zipfile.ZipFile, bagian: str, keadaan: str) -> list[str]:
    """Why a sheet cannot be read as a table, from its XML read in chunks (bounded memory and
    time): hidden, more rows than any LAKIP table, or merged cells."""
    if keadaan != "visible":
        return ["lembar ini disembunyikan. Tampilkan lagi (klik kanan nama lembar → Tampilkan) "
                "dan periksa isinya, atau hapus lembarnya."]
    baris, sisa = 0, b""
    with arsip.open(bagian) as f:
        while potongan := f.read(1 << 20):
            baris += len(_BARIS_XML.findall(potongan))
            if baris > BARIS_MAKS:
                return [_TERLALU_PANJANG]
            gabung = _GABUNG_XML.search(sisa + potongan)
            if gabung:
                return [f"lembar ini memuat sel yang digabung ({gabung.group(1).decode()}). "
                        "Pisahkan dulu (Beranda → Gabung & Tengahkan → Pisahkan Sel) agar setiap "
                        "nilai berada di selnya sendiri."]
            sisa = potongan[-200:]
    return []

