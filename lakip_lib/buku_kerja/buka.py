"""Opening a workbook to import, after the safety checks of the .xlsx before any parsing.

`buka` checks the file's size, its unzipped size (in all and per part), every XML part for a DTD
(which Excel never writes), the workbook (strict OOXML, hidden window) and each sheet's XML
(hidden or very hidden, more rows than any LAKIP table, hidden or zero-size rows and columns,
merged cells), streamed through expat with names compared without namespace or prefix, in
bounded memory and time; then opens it read-only with openpyxl (which parses through defusedxml
once it is installed). `Buku.isi` reads a sheet's cells as the analyst sees them; an error cell
(#REF!, #VALUE! …) or a formula never computed is a problem.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.etree import ElementTree
from xml.parsers import expat

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as DefusedET
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from lakip_lib.masalah import Masalah

UKURAN_MAKS = 20 * 1024 * 1024  # bytes of the .xlsx; a filled workbook is ~100 KiB
ISI_MAKS = 50 * 1024 * 1024  # bytes once unzipped, all parts, checked before any parsing
BAGIAN_MAKS = 10 * 1024 * 1024  # bytes of one part once unzipped (a filled sheet is ~100 KiB)
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
                kolom = str(judul[j]) if j < len(judul) and judul[j] else get_column_letter(j + 1)
                if pesan := _sel_gagal(c, k):
                    masalah.append(Masalah(tempat, nomor, kolom, pesan))
                    sudah.add((tempat, nomor, kolom))
                    v = None
                elif isinstance(v, (int, float)) and not isinstance(v, bool) \
                        and "%" in (c.number_format or ""):
                    v = Decimal(repr(v)) * 100
                baris.append(v)
            if nomor == 1:
                judul = baris
            hasil.append(baris)
        return hasil


def _sel_gagal(nilai: Any, ketikan: Any) -> str | None:
    """Why a cell has no value to import: an error Excel shows (#VALUE!, #REF!, #N/A …, type
    "e"), named with its formula's text when it has one, or a formula (plain, shared or array)
    Excel never computed (no stored value)."""
    rumus = None
    if ketikan.data_type == "f":
        rumus = ketikan.value if isinstance(ketikan.value, str) else getattr(
            ketikan.value, "text", "")
    if nilai.data_type == "e" or ketikan.data_type == "e":
        galat = nilai.value or ketikan.value
        if rumus:
            return (f"sel berisi rumus {rumus} yang hasilnya galat Excel {galat}: rumus itu tidak "
                    "dapat dihitung (misalnya merujuk teks, sel kosong, atau pembagian dengan "
                    "nol). Perbaiki rumusnya di Excel, atau ketik angkanya langsung.")
        return (f"sel berisi galat Excel {galat} (rumusnya gagal dihitung). "
                "Perbaiki rumusnya atau ketik nilainya langsung.")
    if rumus is not None and nilai.value is None:
        return (f"sel berisi rumus {rumus} yang belum pernah dihitung Excel (tidak ada nilai "
                "tersimpan). Buka berkas di Excel lalu simpan lagi, atau ketik angkanya langsung.")
    return None


def buka(berkas: Path, masalah: list[Masalah]) -> Buku | None:
    """The workbook opened for reading, or None with the reason in `masalah`. Size (of the file
    and of each part once unzipped), DTDs in any XML part, and each sheet's length, hidden rows
    and columns and merged cells are checked on the zip and the parts' XML before openpyxl
    parses anything (openpyxl reads a whole sheet to size it when the sheet does not declare its
    size)."""
    if not berkas.is_file():
        masalah.append(Masalah(str(berkas), None, None, "berkas ini tidak ditemukan."))
        return None
    bukan_xlsx = Masalah(berkas.name, None, None,
                         "berkas ini bukan buku kerja Excel (.xlsx) yang dapat dibaca. Buka di "
                         "Excel lalu simpan dengan jenis \"Buku Kerja Excel (*.xlsx)\", atau buat "
                         "ulang dengan: lakip template.")
    try:
        if berkas.stat().st_size > UKURAN_MAKS:
            masalah.append(_terlalu_besar(berkas.name))
            return None
        with zipfile.ZipFile(berkas) as arsip:
            if pesan := _periksa_arsip(arsip):
                masalah.append(Masalah(berkas.name, None, None, pesan))
                return None
            gaya = _gaya_tersembunyi(arsip)
            cacat = [Masalah(f'{berkas.name}, lembar "{nama}"', None, None, pesan)
                     for nama, (bagian, keadaan) in _bagian_lembar(arsip).items()
                     for pesan in _periksa_lembar(arsip, bagian, keadaan, gaya)]
        if cacat:
            masalah += cacat
            return None
        buku = Buku(berkas.name, load_workbook(berkas, read_only=True, data_only=True),
                     load_workbook(berkas, read_only=True))
    except _BukanExcel as e:
        masalah.append(Masalah(berkas.name, None, None, e.pesan))
        return None
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError,
            ElementTree.ParseError, expat.ExpatError, DefusedXmlException):
        masalah.append(bukan_xlsx)
        return None
    return buku


def _terlalu_besar(nama: str, bagian: str | None = None) -> Masalah:
    return Masalah(nama, None, None,
                   "berkas ini terlalu besar untuk buku kerja LAKIP (lebih dari "
                   f"{UKURAN_MAKS // 2**20} MB, atau lebih dari {ISI_MAKS // 2**20} MB setelah "
                   f"dibuka, atau satu bagiannya lebih dari {BAGIAN_MAKS // 2**20} MB"
                   + (f': "{bagian}"' if bagian else "") + "). Buat ulang dengan lakip template "
                   "lalu salin isiannya saja.")


class _BukanExcel(Exception):
    """A workbook no spreadsheet program writes, with the reason in Indonesian."""

    def __init__(self, pesan: str):
        super().__init__(pesan)
        self.pesan = pesan


_SIMPAN_ULANG = ("Buka di Excel lalu simpan ulang sebagai \"Buku Kerja Excel (*.xlsx)\", atau buat "
                 "ulang dengan: lakip template.")


def _periksa_arsip(arsip: zipfile.ZipFile) -> str | None:
    """Why the zip cannot be read as a workbook before any part is parsed: too large once
    unzipped (in all, or one part: an 89 MiB sharedStrings in a 294 KiB file), or an XML part
    declaring a DTD (entities, external entities), which Excel never writes."""
    bagian = arsip.infolist()
    besar = next((i.filename for i in bagian if i.file_size > BAGIAN_MAKS), None)
    if besar is not None or sum(i.file_size for i in bagian) > ISI_MAKS:
        return _terlalu_besar("", besar).pesan
    for info in bagian:
        if _seperti_xml(arsip, info) and _ada_dtd(arsip, info):
            return (f'bagian "{info.filename}" di dalam berkas ini memuat deklarasi DTD '
                    "(<!DOCTYPE> atau <!ENTITY>), yang tidak pernah ditulis Excel: berkas ini "
                    f"bukan buku kerja yang disimpan Excel. {_SIMPAN_ULANG}")
    return None


_AWAL_XML = (b"<", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")  # "<", or a UTF-8/16 BOM


def _seperti_xml(arsip: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """Whether a part reads as XML, whatever its name (a relationship may point openpyxl to a
    sheet called sheet1.txt); images and other binary parts do not."""
    with arsip.open(info) as f:
        return f.read(64).lstrip(b" \t\r\n").startswith(_AWAL_XML)


class _Berhenti(Exception):
    """Raised from an expat handler to stop reading (the answer is known)."""


def _ada_dtd(arsip: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """Whether an XML part declares a DTD: its prolog read up to the root element by expat
    (any encoding the part declares, UTF-16 included)."""
    def dtd(*_: object) -> None:
        raise _Berhenti(True)

    def akar(*_: object) -> None:
        raise _Berhenti(False)

    try:
        _urai(arsip, info, akar, dtd)
    except _Berhenti as e:
        return bool(e.args[0])
    return False


def _urai(arsip: zipfile.ZipFile, bagian: str | zipfile.ZipInfo,
          mulai: Callable[[str, dict[str, str]], None], dtd: Callable[..., None],
          ruang_nama: bool = False) -> None:
    """Stream one part through expat in chunks (bounded memory): `mulai` gets each element's
    name ("namespace}local" with `ruang_nama`) and attributes, `dtd` is called at a DTD or an
    entity declaration; either may raise to stop reading."""
    pengurai = expat.ParserCreate(namespace_separator="}" if ruang_nama else None)
    pengurai.StartElementHandler = mulai
    pengurai.StartDoctypeDeclHandler = dtd
    pengurai.EntityDeclHandler = dtd
    with arsip.open(bagian) as f:
        while potongan := f.read(1 << 16):
            pengurai.Parse(potongan, False)
        pengurai.Parse(b"", True)


_NS_REL = "}id"  # r:id, in the transitional or the strict relationships namespace
_NS_STRICT = "http://purl.oclc.org/ooxml/"


def _bagian_lembar(arsip: zipfile.ZipFile) -> dict[str, tuple[str, str]]:
    """Sheet name → its XML part in the zip and its state (visible, hidden, veryHidden), from
    xl/workbook.xml and its relationships (parsed by defusedxml: no DTD, no entity)."""
    tujuan = {r.get("Id"): r.get("Target", "")
              for r in DefusedET.fromstring(arsip.read("xl/_rels/workbook.xml.rels"))}
    buku = DefusedET.fromstring(arsip.read("xl/workbook.xml"))
    if buku.tag.startswith("{" + _NS_STRICT):
        raise _BukanExcel("berkas ini disimpan sebagai \"Strict Open XML Spreadsheet\", yang "
                          f"tidak dibaca lakip. {_SIMPAN_ULANG}")
    hasil = {}
    for unsur in buku.iter():
        if unsur.tag.endswith("}workbookView") and not _sah_tampak(unsur.get("visibility")):
            raise _BukanExcel("jendela buku kerja ini disembunyikan (Tampilan → Sembunyikan). "
                              "Tampilkan lagi (Tampilan → Tampilkan), periksa isinya, lalu "
                              "simpan.")
        if unsur.tag.endswith("}sheet"):
            rid = next((v for k, v in unsur.attrib.items() if k.endswith(_NS_REL)), "")
            target = tujuan.get(rid, "")
            bagian = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            hasil[unsur.get("name", "")] = (bagian, unsur.get("state", "visible"))
    return hasil


def _sah_tampak(nilai: str | None) -> bool:
    return nilai is None or nilai.strip() == "visible"


def _benar(nilai: str | None) -> bool:
    """An XML Schema boolean attribute that is true ("1", "true", with spaces)."""
    return nilai is not None and nilai.strip().lower() in ("1", "true")


def _nol(nilai: str | None) -> bool:
    """A size attribute (row height, column width) that is zero: the row or column is hidden."""
    try:
        return nilai is not None and float(nilai) == 0
    except ValueError:
        return False


@dataclass
class _Temuan:
    """What a sheet's XML shows that a table of LAKIP data may not have: one message each."""

    baris: int = 0
    pesan: dict[str, str] = field(default_factory=dict)
    gaya_tersembunyi: frozenset[str] = frozenset()

    def catat(self, jenis: str, pesan: str) -> None:
        self.pesan.setdefault(jenis, pesan)


def _gaya_tersembunyi(arsip: zipfile.ZipFile) -> frozenset[str]:
    """Indexes (the cells' `s`) of the cell styles whose number format shows no number at all
    (";;;", ";;"): such a cell looks empty in Excel but holds a value that would be imported."""
    try:
        gaya = DefusedET.fromstring(arsip.read("xl/styles.xml"))
    except KeyError:
        return frozenset()
    kosong = {f.get("numFmtId") for f in gaya.iter() if f.tag.endswith("}numFmt")
              and all(not b.strip() for b in [*f.get("formatCode", "").split(";"), ""][:3])}
    xfs = next((e for e in gaya.iter() if e.tag.endswith("}cellXfs")), None)
    if not kosong or xfs is None:
        return frozenset()
    return frozenset(str(i) for i, xf in enumerate(x for x in xfs if x.tag.endswith("}xf"))
                     if xf.get("numFmtId") in kosong)


def _periksa_lembar(arsip: zipfile.ZipFile, bagian: str, keadaan: str,
                    gaya_tersembunyi: frozenset[str] = frozenset()) -> list[str]:
    """Why a sheet cannot be read as a table, from its XML streamed through expat (bounded
    memory and time; names compared without their namespace or prefix, so `x:row` and the
    strict namespace are read like `row`): hidden or very hidden, more rows than any LAKIP
    table, hidden or zero-height rows, hidden or zero-width columns, merged cells."""
    if not _sah_tampak(keadaan):
        return ["lembar ini disembunyikan. Tampilkan lagi (klik kanan nama lembar → Tampilkan) "
                "dan periksa isinya, atau hapus lembarnya."]
    temuan = _Temuan(gaya_tersembunyi=gaya_tersembunyi)

    def mulai(nama: str, atribut: dict[str, str]) -> None:
        _unsur_lembar(nama.rsplit("}", 1)[-1], atribut, temuan)
        if temuan.baris > BARIS_MAKS:
            raise _Berhenti

    def dtd(*_: object) -> None:
        raise _BukanExcel(f"lembar ini memuat deklarasi DTD, yang tidak pernah ditulis Excel. "
                          f"{_SIMPAN_ULANG}")

    try:
        _urai(arsip, bagian, mulai, dtd, ruang_nama=True)
    except _Berhenti:
        return [_TERLALU_PANJANG]
    return list(temuan.pesan.values())


_TAMPILKAN = ("Tampilkan semuanya (pilih seluruh lembar → klik kanan → Tampilkan) dan periksa "
              "isinya: yang tersembunyi tidak diimpor diam-diam.")


def _unsur_lembar(nama: str, atribut: dict[str, str], temuan: _Temuan) -> None:
    """One element of a sheet's XML (its local name and attributes) into `temuan`."""
    if nama == "row":
        temuan.baris += 1
        if _benar(atribut.get("hidden")) or _nol(atribut.get("ht")):
            temuan.catat("baris", f"baris {atribut.get('r', '?')} lembar ini disembunyikan (atau "
                         f"tingginya 0). {_TAMPILKAN}")
    elif nama == "col" and (_benar(atribut.get("hidden")) or _nol(atribut.get("width"))):
        kolom = _huruf(atribut.get("min")) + (
            "" if atribut.get("max") == atribut.get("min") else f"–{_huruf(atribut.get('max'))}")
        temuan.catat("kolom", f"kolom {kolom} lembar ini disembunyikan (atau lebarnya 0). "
                     f"{_TAMPILKAN}")
    elif nama == "sheetFormatPr" and (_benar(atribut.get("zeroHeight"))
                                      or _nol(atribut.get("defaultColWidth"))):
        temuan.catat("baris", f"baris atau kolom lembar ini disembunyikan secara bawaan (tinggi "
                     f"atau lebar 0). {_TAMPILKAN}")
    elif nama == "c" and atribut.get("s") in temuan.gaya_tersembunyi:
        temuan.catat("format", f"sel {atribut.get('r', '?')} lembar ini memakai format angka "
                     "yang tidak menampilkan apa pun (;;;): isinya tersembunyi. Ubah formatnya "
                     "menjadi Umum atau Angka dan periksa isinya.")
    elif nama == "mergeCell":
        temuan.catat("gabung", f"lembar ini memuat sel yang digabung ({atribut.get('ref', '?')}). "
                     "Pisahkan dulu (Beranda → Gabung & Tengahkan → Pisahkan Sel) agar setiap "
                     "nilai berada di selnya sendiri.")


def _huruf(nomor: str | None) -> str:
    try:
        return get_column_letter(int(nomor or ""))
    except ValueError:
        return "?"
