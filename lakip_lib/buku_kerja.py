"""The Excel round trip of one fiscal year: `lakip template` and `lakip import`.

`tulis_template` writes one .xlsx: an instructions sheet (Petunjuk) and one sheet per table the
analyst fills in for the year, its key columns locked, Excel data validation on the others.
`impor` reads such a workbook back: it turns every sheet into the CSV file it stands for, merges
the year's rows into the multi-year files, validates the result exactly as `lakip validate` would
(in a scratch copy of the data folder), reports every problem at once by sheet, row and column, and
writes nothing unless everything is valid. Files whose content did not change are left as they are.

Columns that keep a figure *as printed in a source document* (`*_dilaporkan`) are not in the
workbook; `impor` keeps them from the current files.
"""

from __future__ import annotations

import difflib
import re
import shutil
import tempfile
import zipfile
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from lakip_lib import data, data_tahun, isian_edisi, jenis_indikator, jurnal
from lakip_lib.aturan import induk_kode
from lakip_lib.baris import BarisPembanding
from lakip_lib.data_tahun import DataTahun
from lakip_lib.format import angka_persis, rupiah
from lakip_lib.masalah import GALAT, PERINGATAN, ImporGagal, Masalah, ValidasiGagal
from lakip_lib.schema import BY_NAME, KOLOM_IDM, Dataset, Kolom, Tipe
from lakip_lib.sel import parse

PETUNJUK = "Petunjuk"
EDISI = "edisi"
BARIS_CADANGAN = 100  # unlocked empty rows under the data, for rows the analyst adds
UKURAN_MAKS = 20 * 1024 * 1024  # bytes of the .xlsx; a filled workbook is ~100 KiB
ISI_MAKS = 100 * 1024 * 1024  # bytes once unzipped, checked before any parsing
BARIS_MAKS = 10_000  # rows of one sheet; the largest table has a few hundred
_TERLALU_PANJANG = (f"lembar ini berisi lebih dari {BARIS_MAKS:,} baris".replace(",", ".")
                    + "; buku kerja LAKIP hanya berisi beberapa ratus baris. Hapus baris kosong "
                    "yang terformat atau salin isiannya ke template baru.")
KOLOM_LEBIH = 5  # columns read right of a sheet's table, to notice a column added there
LEBAR_MAKS = 60
_ABU = PatternFill("solid", fgColor="E7E6E6")
_JENIS_SEL = {  # what a cell holds, said for Excel (where the decimal mark follows the locale)
    Tipe.TEKS: "teks",
    Tipe.BULAT: "bilangan bulat",
    Tipe.DESIMAL: "angka, boleh desimal",
    Tipe.RUPIAH: "rupiah bulat, tanpa Rp",
    Tipe.TAHUN: "tahun empat angka",
}
_KARAKTER_PER_BARIS = 105  # of the Petunjuk column, to size wrapped rows
_JUDUL = PatternFill("solid", fgColor="1F4E79")


KONFIRMASI = Kolom("konfirmasi", Tipe.TEKS, wajib=False)  # a sheet column, kept in konfirmasi.csv
INFO_INDIKATOR = (Kolom("nama_indikator", wajib=False), Kolom("satuan_indikator", wajib=False))
# ^ shown beside an indicator code so the analyst knows what and in which unit to type; not imported
JUDUL_KOLOM = {  # the header the analyst reads, with its unit; the import accepts it or the name
    "indikator": "Kode indikator", "tahun": "Tahun", "realisasi": "Realisasi",
    "keterangan": "Keterangan", "target": "Target", "dasar": "Dasar target",
    "kelompok": "Kelompok korban", "jumlah": "Jumlah kasus (kasus)", "kecamatan": "Kecamatan",
    "desa": "Desa", "status_idm": "Status IDM", "pus": "PUS (pasangan)",
    "kb_aktif": "Peserta KB aktif (orang)", "sasaran": "Kode sasaran", "anggaran": "Anggaran (Rp)",
    "kode": "Kode", "level": "Level", "nama": "Nama", "satuan": "Satuan", "arah": "Arah",
    "kode_anggaran": "Kode anggaran", "capaian_kinerja": "Capaian kinerja (%)",
    "kode_indikator": "Indikator buku (capaian dihitung)",
    "aspek": "Aspek strategis", "kondisi": "Kondisi (angka)", "standar": "Standar",
    "faktor_internal": "Faktor internal", "faktor_eksternal": "Faktor eksternal",
    "permasalahan": "Permasalahan", "wilayah": "Wilayah", "jenis": "Jenis angka",
    "nilai": "Nilai", "sumber": "Sumber data", "batas_bawah": "Capaian di atas (%)",
    "batas_atas": "Capaian sampai dengan (%)", "kategori": "Kategori",
    "konfirmasi": "Konfirmasi angka janggal (alasan)",
    "nama_indikator": "Nama indikator", "satuan_indikator": "Satuan",
}
_JUDUL_KHUSUS = {
    ("anggaran", "realisasi"): "Realisasi (Rp)",
    ("realisasi", "realisasi"): "Realisasi (satuan indikator)",
    ("target", "target"): "Target (satuan indikator)",
    ("pembanding", "nilai"): "Nilai (satuan di kolom Satuan)",
    ("program_kinerja", "target"): "Target (satuan di kolom Satuan)",
    ("program_kinerja", "realisasi"): "Realisasi (satuan di kolom Satuan)",
}


@dataclass(frozen=True)
class Lembar:
    """One sheet: the dataset it fills, the columns the analyst may not change, the columns kept
    from the current file instead (not shown), and whether it has a confirmation column."""

    dataset: str
    terkunci: tuple[str, ...]
    petunjuk: str
    tersembunyi: tuple[str, ...] = ()
    konfirmasi: bool = False
    info_indikator: bool = False  # name and unit shown after the indicator code
    judul_kolom: tuple[tuple[str, str], ...] = ()  # headers of this sheet's own columns

    @property
    def ds(self) -> Dataset:
        return BY_NAME[self.dataset]

    @property
    def kolom(self) -> tuple[Kolom, ...]:
        """The dataset's columns on the sheet."""
        return tuple(k for k in self.ds.kolom if not k.dilaporkan and k.nama not in self.tersembunyi)

    @property
    def kolom_lembar(self) -> tuple[Kolom, ...]:
        """Every column of the sheet, the confirmation column included."""
        kolom: list[Kolom] = []
        for k in self.kolom:
            kolom.append(k)
            if self.info_indikator and k.nama == "indikator":
                kolom += INFO_INDIKATOR
        return (*kolom, KONFIRMASI) if self.konfirmasi else tuple(kolom)

    @property
    def disimpan(self) -> tuple[str, ...]:
        """Columns of the file that come from the current file, not from the sheet."""
        return tuple(k.nama for k in self.ds.kolom if k.dilaporkan or k.nama in self.tersembunyi)

    def judul(self, k: Kolom) -> str:
        return (dict(self.judul_kolom).get(k.nama) or _JUDUL_KHUSUS.get((self.dataset, k.nama))
                or JUDUL_KOLOM.get(k.nama, k.nama))

    def kunci(self, baris: dict[str, str]) -> tuple[str, ...]:
        return tuple(baris.get(k, "") for k in self.ds.kunci)


LEMBAR: tuple[Lembar, ...] = (
    Lembar("target", ("indikator",),
           "Target IKU tahun ini. Setelah Perjanjian Kinerja ditandatangani, isi target PK dan "
           "ubah dasar menjadi pk.", konfirmasi=True, info_indikator=True),
    Lembar("realisasi", ("indikator", "tahun"),
           "Realisasi indikator yang diukur langsung. Kosongkan bila belum ada angkanya.",
           konfirmasi=True, info_indikator=True),
    *(Lembar(lb.dataset, lb.terkunci, lb.petunjuk, konfirmasi=lb.konfirmasi,
             info_indikator=lb.info_indikator, judul_kolom=lb.judul_kolom)
      for lb in jenis_indikator.lembar()),
    Lembar("pk_anggaran", ("sasaran",), "Anggaran per sasaran menurut Perjanjian Kinerja."),
    Lembar("anggaran", ("kode", "level", "sasaran", "nama"),
           "Anggaran dan realisasi (rupiah) pada baris sub kegiatan. Total program dan kegiatan "
           "(sel abu-abu) dihitung dari rinciannya dan tidak diisi."),
    Lembar("program_kinerja", ("sasaran", "kode", "level", "nama", "indikator", "satuan", "arah"),
           "Target dan realisasi indikator program, kegiatan, dan sub kegiatan pendukung.",
           tersembunyi=("tabel_sumber",)),
    Lembar("efisiensi", ("kode_anggaran", "nama", "indikator", "kode_indikator"),
           "Capaian kinerja (%) program, kegiatan, dan sub kegiatan untuk analisis efisiensi, "
           "sebagaimana hasil evaluasi Renja (angka ini tidak dapat dihitung dari data lain). Baris "
           "yang terhubung dengan indikator buku (sel abu-abu) dihitung sendiri dan tidak diisi."),
    Lembar("pembanding", ("indikator", "wilayah", "tahun", "jenis"),
           "Angka pembanding dari daerah lain, provinsi, dan nasional, dengan tahun datanya. Baris "
           "tahun ini sudah disiapkan; bila yang tersedia baru angka tahun lalu, biarkan kosong "
           "(buku menyebutkan tahun data pembanding yang dipakai).", konfirmasi=True),
    Lembar("aspek_strategis", ("aspek",),
           "Kondisi, standar, faktor yang memengaruhi, dan permasalahan setiap aspek strategis."),
    Lembar("skala_kategori", ("kategori",),
           "Skala kategori capaian; biasanya tidak berubah dari tahun ke tahun."),
)
_LEMBAR = {lb.dataset: lb for lb in LEMBAR}
_REKAP_IDM = Lembar("idm_status", ("tahun",), "")  # computed from the desa sheet, no sheet
_KONFIRMASI = Lembar("konfirmasi", ("tabel", "kunci"), "")  # from the sheets' konfirmasi column


# --- the rows a sheet starts with -------------------------------------------------------------

def baris_awal(lembar: Lembar, d: DataTahun) -> list[dict[str, Any]]:
    """The rows the template offers: this year's current rows plus the keys it must have."""
    tahun = d.tahun
    ds = lembar.ds
    ada = d.tabel(ds.nama).baris if d.ada(ds.nama) else []
    if not ds.per_tahun:
        ada = [b for b in ada if b["tahun"] == tahun]
    kunci_ada = {tuple(str(b[k]) for k in ds.kunci) for b in ada}
    tambahan = [b for b in _kunci_wajib(lembar, d)
                if tuple(str(b[k]) for k in ds.kunci) not in kunci_ada]
    return [*ada, *tambahan]


def _kunci_wajib(lembar: Lembar, d: DataTahun) -> list[dict[str, Any]]:
    """Rows every workbook of the year has, even before anything is filled in."""
    tahun = d.tahun
    indikator = d["indikator"].baris
    if lembar.dataset == "target":
        return [{"indikator": i["kode"]} for i in indikator if i["jenis"] in ("iku", "pendukung")]
    if ditanya := jenis_indikator.baris_buku_kerja(d, lembar.dataset):
        return ditanya
    if lembar.dataset == "pembanding":  # this year's row of every series the agency compares
        terakhir: dict[tuple[str, str, str], BarisPembanding] = {}
        for b in sorted(d["pembanding"].baris, key=lambda b: b["tahun"]):
            if b["tahun"] < tahun:
                terakhir[(b["indikator"], b["wilayah"], b["jenis"])] = b
        return [{**b, "tahun": tahun, "nilai": None} for b in terakhir.values()]
    if lembar.dataset == "pk_anggaran":
        return [{"sasaran": s["kode"]} for s in d["sasaran"].baris]
    return []


# --- the template -----------------------------------------------------------------------------

def tulis_template(tahun: int, tujuan: Path, akar: Path | None = None) -> Path:
    """Write the workbook of one fiscal year to `tujuan` (atomically)."""
    d = data.muat(tahun, akar)
    wb = Workbook()
    _tulis_petunjuk(wb.active, d)
    _tulis_edisi(wb.create_sheet(EDISI), d)
    for lembar in LEMBAR:
        _tulis_lembar(wb.create_sheet(lembar.dataset), lembar, d)
    wb.properties.creator = "lakip"
    wb.properties.title = f"Isian data LAKIP {tahun}"
    wb.properties.created = wb.properties.modified = datetime(tahun, 1, 1)
    sementara = tujuan.with_name(f".{tujuan.name}.sementara")
    wb.save(sementara)
    sementara.replace(tujuan)
    return tujuan


def _tulis_petunjuk(ws: Worksheet, d: DataTahun) -> None:
    ws.title = PETUNJUK
    tahun = d.tahun
    baris: list[tuple[str, str]] = [
        (f"Isian data LAKIP tahun {tahun}", "judul"),
        (f"{d.instansi.nama} — {d.instansi.kabupaten}", ""),
        ("", ""),
        ("Langkah", "subjudul"),
        ("1. Isi sel yang berwarna putih pada setiap lembar. Kolom abu-abu adalah kunci "
         "(indikator, kode, desa, dan sebagainya) dan dikunci agar tidak berubah.", ""),
        ("2. Angka diketik sebagai angka (rata kanan di Excel), tanpa \"Rp\", tanpa \"%\", dan "
         "tanpa titik ribuan yang diketik manual. Rupiah berupa bilangan bulat.", ""),
        ("3. Sel yang datanya belum ada dibiarkan kosong, jangan diisi 0: buku akan menulis "
         "\"belum tersedia\" selama edisi masih draf.", ""),
        ("4. Jangan mengganti nama lembar atau judul kolom, dan jangan menghapus baris berkunci. "
         "Baris baru boleh ditambahkan di bawah data (misalnya sub kegiatan baru).", ""),
        ("5. Angka turunan (capaian, kategori, total, persentase) tidak diisi: semuanya dihitung "
         "dari isian ini dan selnya abu-abu. Satu-satunya capaian yang diketik adalah capaian "
         "program di lembar efisiensi yang tidak terhubung dengan indikator buku.", ""),
        (f"6. Simpan sebagai Buku Kerja Excel (.xlsx), lalu jalankan: lakip import {tahun} "
         "<nama berkas>.xlsx. Bila ada kesalahan, semuanya dilaporkan sekaligus dengan nama "
         f"lembar, baris, dan kolom, dan folder data/{tahun} tidak diubah sama sekali.", ""),
        ("7. Label edisi, status (draf/final), tanggal, dan pagu anggaran diisi di lembar edisi. "
         f"Uraian analisis ditulis di data/{tahun}/narasi/ (satu berkas per bagian).", ""),
        ("", ""),
        ("Lembar", "subjudul"),
        (f"{EDISI}: label edisi, status (draf/final), tanggal terbit, pagu anggaran, dan tanggal "
         "Perjanjian Kinerja.", ""),
    ]
    for lembar in LEMBAR:
        baris.append((f"{lembar.dataset}: {lembar.petunjuk}", ""))
        for k in lembar.kolom_lembar:
            pilihan = f"; pilihan: {', '.join(k.pilihan)}" if k.pilihan else ""
            baris.append((f"    • {lembar.judul(k)} — {_JENIS_SEL[k.tipe]} "
                          f"({_sifat(lembar, k)}{pilihan})", ""))
    for i, (teks, gaya) in enumerate(baris, start=1):
        sel = ws.cell(row=i, column=1, value=teks or None)
        if gaya == "judul":
            sel.font = Font(bold=True, size=14)
        elif gaya == "subjudul":
            sel.font = Font(bold=True, size=12)
        sel.alignment = Alignment(wrap_text=True, vertical="top")
        if len(teks) > _KARAKTER_PER_BARIS:  # spreadsheet apps do not grow wrapped rows by themselves
            ws.row_dimensions[i].height = 15 * -(-len(teks) // _KARAKTER_PER_BARIS)
    ws.column_dimensions["A"].width = 110
    _cetak_selebar_halaman(ws)


def _sifat(lembar: Lembar, k: Kolom) -> str:
    """What the analyst does with a column, said the way the sheet's own text says it."""
    if k.nama in lembar.terkunci:
        return "dikunci pada baris yang sudah ada"
    if k in INFO_INDIKATOR:
        return "keterangan dari daftar indikator; tidak diisi dan tidak diimpor"
    if k is KONFIRMASI:
        return "diisi hanya bila lakip import menyebut angka di baris itu janggal padahal benar"
    if lembar.dataset == "anggaran" and k.tipe is Tipe.RUPIAH:
        return "diisi pada sub kegiatan; total program dan kegiatan dihitung"
    return "diisi bila datanya sudah ada" if k.wajib or k.wajib_final else "boleh kosong"


def _tulis_judul(ws: Worksheet, judul: list[str]) -> None:
    for j, nama in enumerate(judul, start=1):
        sel = ws.cell(row=1, column=j, value=nama)
        sel.font = Font(bold=True, color="FFFFFF")
        sel.fill = _JUDUL


def _tulis_edisi(ws: Worksheet, d: DataTahun) -> None:
    _tulis_judul(ws, ["isian", "nilai", "keterangan"])
    for i, isian in enumerate(isian_edisi.ISIAN, start=2):
        ws.cell(row=i, column=1, value=isian.jalur).fill = _ABU
        nilai = ws.cell(row=i, column=2, value=isian_edisi.nilai(d.edisi, isian.jalur))
        nilai.protection = Protection(locked=False)
        if isian.jenis == "tanggal":
            nilai.number_format = "yyyy-mm-dd"
        elif isian.jenis == "rupiah":
            nilai.number_format = "#,##0"
        validasi = _validasi_edisi(isian)
        if validasi is not None:
            ws.add_data_validation(validasi)
            validasi.add(f"B{i}")
        ws.cell(row=i, column=3, value=isian.keterangan).fill = _ABU
    for huruf, lebar in (("A", 28), ("B", 24), ("C", 90)):
        ws.column_dimensions[huruf].width = lebar
    _lindungi(ws)


def _validasi_edisi(isian: isian_edisi.Isian) -> DataValidation | None:
    if isian.jenis == "status":
        v = DataValidation(type="list", formula1='"' + ",".join(isian_edisi.STATUS) + '"')
    elif isian.jenis == "tanggal":
        v = DataValidation(type="date", operator="greaterThan", formula1="1")
    elif isian.jenis == "rupiah":
        v = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0")
    else:
        return None
    return _dengan_pesan(v, isian.jalur, isian.keterangan)


def _tulis_lembar(ws: Worksheet, lembar: Lembar, d: DataTahun) -> None:
    kolom = lembar.kolom_lembar
    isi = baris_awal(lembar, d)
    yakin = _alasan_konfirmasi(d, lembar)
    induk = _kode_induk(lembar, isi)
    info: dict[str, Mapping[str, Any]] = {b["kode"]: b for b in d["indikator"].baris}
    _tulis_judul(ws, [lembar.judul(k) for k in kolom])
    for i, b in enumerate(isi, start=2):
        for j, k in enumerate(kolom, start=1):
            if k is KONFIRMASI:
                nilai = yakin.get(lembar.kunci({n: _teks_nilai(v) for n, v in b.items()}))
            elif k in INFO_INDIKATOR:
                nilai = info.get(str(b.get("indikator")), {}).get(k.nama.split("_")[0])
            else:
                nilai = b.get(k.nama)
            sel = ws.cell(row=i, column=j, value=_ke_sel(nilai))
            if k.nama in lembar.terkunci or k in INFO_INDIKATOR or \
                    _dihitung(lembar, k, b, induk):
                sel.fill = _ABU
            else:
                sel.protection = Protection(locked=False)
            if k.tipe is Tipe.RUPIAH:
                sel.number_format = "#,##0"
    akhir = len(isi) + 1 + BARIS_CADANGAN
    for i in range(len(isi) + 2, akhir + 1):
        for j in range(1, len(kolom) + 1):
            ws.cell(row=i, column=j).protection = Protection(locked=False)
    for j, k in enumerate(kolom, start=1):
        huruf = get_column_letter(j)
        lebar = max(len(str(ws.cell(row=i, column=j).value or "")) for i in range(1, len(isi) + 2)) + 2
        ws.column_dimensions[huruf].width = min(lebar, LEBAR_MAKS)
        validasi = _validasi(lembar, k, d)
        ws.add_data_validation(validasi)
        validasi.add(f"{huruf}2:{huruf}{akhir}")
    ws.freeze_panes = "A2"
    ws.print_title_rows = "1:1"
    _lindungi(ws)


def _kode_induk(lembar: Lembar, isi: list[dict[str, Any]]) -> set[str]:
    """Codes with rows under them (their amounts are totals)."""
    if "kode" not in (k.nama for k in lembar.kolom):
        return set()
    return {induk for b in isi if (induk := induk_kode(str(b.get("kode") or "")))}


def _dihitung(lembar: Lembar, k: Kolom, baris: dict[str, Any], induk: set[str]) -> bool:
    """A figure the book computes, never typed: a budget total (from the rows under it), the
    capaian of an efficiency row linked to one of the book's indicators."""
    if lembar.dataset == "efisiensi":
        return k.nama == "capaian_kinerja" and bool(baris.get("kode_indikator"))
    return lembar.dataset == "anggaran" and k.tipe is Tipe.RUPIAH and \
        str(baris.get("kode") or "") in induk


def _alasan_konfirmasi(d: DataTahun, lembar: Lembar) -> dict[tuple[str, ...], str]:
    """The confirmations already given for this sheet's rows, by row key."""
    if not lembar.konfirmasi or not d.ada("konfirmasi"):
        return {}
    return {tuple(b["kunci"].split("/")): b["alasan"]
            for b in d["konfirmasi"].baris if b["tabel"] == lembar.dataset}


def _lindungi(ws: Worksheet) -> None:
    """Locked cells stay locked (no password: a guard against slips); resizing, filtering and
    printing at page width stay possible."""
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.protection.autoFilter = False
    _cetak_selebar_halaman(ws)


def _cetak_selebar_halaman(ws: Worksheet) -> None:
    """Printed, a sheet fits the page width (landscape A4)."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _ke_sel(nilai: Any) -> Any:
    if isinstance(nilai, Decimal):
        return int(nilai) if nilai == nilai.to_integral_value() else float(nilai)
    return nilai


def _validasi(lembar: Lembar, k: Kolom, d: DataTahun) -> DataValidation:
    """Excel's check of a column and the message shown when one of its cells is selected."""
    judul = lembar.judul(k)
    pilihan = list(k.pilihan)
    if not pilihan and k.acuan is not None and d.ada(k.acuan[0]):
        pilihan = sorted({str(v) for v in d.tabel(k.acuan[0]).kolom(k.acuan[1]) if v is not None})
    if k.nama in lembar.terkunci:
        return _dengan_pesan(DataValidation(), judul, "Kunci baris: jangan diubah pada baris yang "
                             "sudah ada; diisi hanya pada baris baru di bawah data.")
    if k in INFO_INDIKATOR:
        return _dengan_pesan(DataValidation(), judul, f"{_sifat(lembar, k).capitalize()}.")
    if pilihan and len(",".join(pilihan)) <= 250 and not any("," in p for p in pilihan):
        v = DataValidation(type="list", formula1='"' + ",".join(pilihan) + '"')
        pesan = "Pilih salah satu: " + ", ".join(pilihan)
    elif k.tipe in (Tipe.BULAT, Tipe.RUPIAH):
        v = (DataValidation(type="whole", operator="between", formula1="-1E+15", formula2="1E+15")
             if k.boleh_negatif else
             DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0"))
        pesan = f"Isi dengan {_JENIS_SEL[k.tipe]}" + ("." if k.boleh_negatif else ", 0 atau lebih.")
    elif k.tipe is Tipe.DESIMAL:
        v = DataValidation(type="decimal", operator="between", formula1="-1E+15",
                           formula2="1E+15")
        pesan = "Isi dengan angka (boleh desimal), tanpa % dan tanpa satuan."
    elif k.tipe is Tipe.TAHUN:
        v = DataValidation(type="whole", operator="between", formula1="1900", formula2="2200")
        pesan = f"Isi dengan {_JENIS_SEL[k.tipe]}."
    else:
        v, pesan = DataValidation(), "Teks bebas."
    return _dengan_pesan(v, judul, f"{pesan} ({_sifat(lembar, k)})")


def _dengan_pesan(v: DataValidation, judul: str, pesan: str) -> DataValidation:
    """Blank allowed (a figure not known yet); anything else invalid is refused with `pesan`,
    which Excel also shows when a cell of the column is selected."""
    v.allow_blank = True
    v.showErrorMessage = True
    v.errorTitle = "Isian tidak sah"
    v.error = pesan[:255]
    v.showInputMessage = True
    v.promptTitle = judul[:32]
    v.prompt = pesan[:255]
    return v


# --- the import -------------------------------------------------------------------------------

@dataclass
class _Calon:
    """One data file as the workbook would make it, with where each row came from."""

    path: str  # relative to the data folder
    lembar: Lembar
    tempat: str  # the sheet, as problems name it
    baris: list[dict[str, str]] = field(default_factory=list)
    asal: list[tuple[str, int | None]] = field(default_factory=list)
    yakin: list[tuple[tuple[str, ...], str, int]] = field(default_factory=list)

    def tempatkan(self, m: Masalah) -> Masalah:
        """A problem of the file, said at the sheet row and column header it came from."""
        if m.baris is None or m.baris < data_tahun.BARIS_PERTAMA:
            return Masalah(self.tempat, None, self._judul(m.kolom), m.pesan, m.tingkat)
        tempat, nomor = self.asal[m.baris - data_tahun.BARIS_PERTAMA]
        kolom = self._judul(m.kolom) if tempat == self.tempat else m.kolom
        pesan = re.sub(r"(?<=sudah dipakai di )baris (\d+)", self._baris_lain, m.pesan)
        return Masalah(tempat, nomor, kolom, pesan, m.tingkat)

    def _baris_lain(self, cocok: re.Match[str]) -> str:
        """A row of the file named in a message, said where the analyst can find it."""
        tempat, nomor = self.asal[int(cocok.group(1)) - data_tahun.BARIS_PERTAMA]
        if tempat == self.tempat:
            return f"baris {nomor} lembar ini"
        return f"{tempat} baris {nomor} (tahun lain, tidak ada di lembar ini)"

    def _judul(self, kolom: str | None) -> str | None:
        if not kolom:
            return kolom
        nama = {k.nama: k for k in self.lembar.ds.kolom}
        return ", ".join(self.lembar.judul(nama[n]) if n in nama else n
                         for n in kolom.split(", "))

    def sama(self, lama: DataTahun, baru: DataTahun) -> bool:
        """Whether the file would stay as it is; an optional file the agency does not use
        (absent, and its sheet empty, such as an indicator kind's) stays absent."""
        nama = self.lembar.dataset
        if not lama.ada(nama):
            return not self.baris and not self.lembar.ds.wajib_ada
        return lama.tabel(nama).baris == baru.tabel(nama).baris

    def teks(self) -> str:
        return data.teks_csv(self.lembar.ds, self.baris)


@dataclass
class _CalonEdisi:
    """edisi.yaml with the values of the `edisi` sheet, and the sheet row of each key."""

    path: str
    tempat: str
    isi: str
    baris: dict[str, int]

    def teks(self) -> str:
        return self.isi

    def tempatkan(self, m: Masalah) -> Masalah:
        nomor = self.baris.get(m.kolom or "")
        if nomor is None:
            return m
        return Masalah(self.tempat, nomor, "nilai", m.pesan, m.tingkat)

    def sama(self, lama: DataTahun, baru: DataTahun) -> bool:
        return lama.edisi == baru.edisi


@dataclass
class HasilImpor:
    ditulis: list[str]
    tetap: list[str]
    peringatan: list[Masalah]


def impor(tahun: int, berkas: Path, akar: Path | None = None) -> HasilImpor:
    """Validate the workbook against the year's data and write data/<tahun>/ from it.

    Raises ValidasiGagal with every problem (sheet, row, column) and writes nothing when the
    workbook or the data it makes are not valid.
    """
    akar = (akar or data.akar_data()).resolve()
    if not (akar / str(tahun)).is_dir():
        raise ImporGagal(f"folder data/{tahun} belum ada. Jalankan dulu: lakip new-year {tahun}, "
                         f"lalu lakip template {tahun}.")
    jurnal.pulihkan(akar, buang_sisa=True)
    lama = data.muat(tahun, akar)
    masalah: list[Masalah] = []
    buku = _buka(berkas, masalah)
    if buku is None:
        raise ValidasiGagal(masalah)
    try:
        calon, sudah = _baca_buku(buku, lama, masalah)
    finally:
        buku.tutup()
    baru, masalah_data = _validasi_calon(tahun, akar, calon)
    masalah += [m for m in _ke_lembar(masalah_data, calon, akar)
                if (m.berkas, m.baris, m.kolom or "") not in sudah]
    if baru is None or any(m.tingkat == GALAT for m in masalah):
        raise ValidasiGagal(masalah)
    return _tulis(akar, calon, lama, baru, masalah)


@dataclass
class _Buku:
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


def _buka(berkas: Path, masalah: list[Masalah]) -> _Buku | None:
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
        buku = _Buku(berkas.name, load_workbook(berkas, read_only=True, data_only=True),
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


def _periksa_nama_lembar(nama: list[str], berkas: str, masalah: list[Masalah]) -> None:
    dikenal = [EDISI, *(lb.dataset for lb in LEMBAR)]
    asing = [n for n in nama if n not in dikenal and n != PETUNJUK]
    for n in dikenal:
        if n not in nama:
            mirip = [a for a in asing if n in a.lower()] or difflib.get_close_matches(
                n, asing, n=1, cutoff=0.6)
            saran = f' Lembar "{mirip[0]}" mungkin lembar ini yang namanya diubah.' if mirip else ""
            masalah.append(Masalah(berkas, None, None,
                                   f'lembar "{n}" tidak ada. Nama lembar tidak boleh diubah.{saran}'))
    for n in asing:
        masalah.append(Masalah(berkas, None, None,
                               f'lembar "{n}" tidak dikenal. Lembar yang diharapkan: '
                               f"{PETUNJUK}, {', '.join(dikenal)}."))


def _baca_buku(buku: _Buku, lama: DataTahun,
               masalah: list[Masalah]) -> tuple[list[Any], set[tuple[str, int, str]]]:
    """The files the workbook's sheets make; problems of single cells go to `masalah` and
    their places to the returned set (so the data check does not report them twice)."""
    sudah: set[tuple[str, int, str]] = set()
    if not _tahun_sesuai(buku, lama.tahun, masalah):
        return [], sudah
    _periksa_nama_lembar(buku.sheetnames, buku.nama, masalah)
    calon: list[Any] = []
    if EDISI in buku.sheetnames:
        isi = buku.isi(EDISI, 3, masalah, sudah)
        e = _baca_edisi(isi, lama, buku.nama, masalah, sudah) if isi is not None else None
        if e is not None:
            calon.append(e)
    for lembar in LEMBAR:
        if lembar.dataset in buku.sheetnames:
            isi = buku.isi(lembar.dataset, len(lembar.kolom_lembar) + KOLOM_LEBIH, masalah, sudah)
            c = _baca_lembar(isi, lembar, lama, buku.nama, masalah, sudah) \
                if isi is not None else None
            if c is not None:
                calon.append(c)
    lembar_desa = next((c for c in calon if getattr(c, "lembar", None) is _LEMBAR["desa"]), None)
    if lembar_desa is not None:
        calon.append(_rekap_idm(lembar_desa, lama, masalah))
    konfirmasi = _konfirmasi(calon, lama)
    if konfirmasi is not None:
        calon.append(konfirmasi)
    return calon, sudah


def _tahun_sesuai(buku: _Buku, tahun: int, masalah: list[Masalah]) -> bool:
    """A workbook written for another year is refused before anything else is said."""
    cocok = re.fullmatch(r"Isian data LAKIP (\d{4})", str(buku.nilai.properties.title or ""))
    if cocok is None or int(cocok.group(1)) == tahun:
        return True
    masalah.append(Masalah(buku.nama, None, None,
                           f"buku kerja ini dibuat untuk tahun {cocok.group(1)}, bukan {tahun}. "
                           f"Impor dengan: lakip import {cocok.group(1)} {buku.nama}, atau buat "
                           f"buku kerja tahun {tahun} dengan: lakip template {tahun}."))
    return False


def _tempat(berkas: str, lembar: Lembar) -> str:
    return f'{berkas}, lembar "{lembar.dataset}"'


def _baca_lembar(isi: list[list[Any]], lembar: Lembar, lama: DataTahun, berkas: str,
                 masalah: list[Masalah], sudah: set[tuple[str, int, str]]) -> _Calon | None:
    tempat = _tempat(berkas, lembar)
    kolom = lembar.kolom_lembar
    judul = [str(v).strip() if v is not None else "" for v in (isi[0] if isi else [])]
    while judul and not judul[-1]:
        judul.pop()
    if judul not in ([lembar.judul(k) for k in kolom], [k.nama for k in kolom]):
        masalah.append(Masalah(tempat, 1, None,
                               "baris 1 harus berisi judul kolom persis seperti di template: "
                               f"{', '.join(lembar.judul(k) for k in kolom)}. Yang ditemukan: "
                               f"{', '.join(judul) or '(kosong)'}."))
        return None
    isian: list[tuple[int, dict[str, str]]] = []
    di_lembar: dict[tuple[str, ...], int] = {}  # every row key on the sheet, filled or not
    yakin: list[tuple[tuple[str, ...], str, int]] = []
    for nomor, nilai in enumerate(isi[1:], start=2):
        baris, salah = {}, False
        for k, v in zip(kolom, nilai, strict=False):
            teks, pesan = _dari_sel(v, k)
            if pesan:
                masalah.append(Masalah(tempat, nomor, lembar.judul(k), pesan))
                sudah.add((tempat, nomor, lembar.judul(k)))
                salah = True
            baris[k.nama] = teks
        alasan = baris.pop(KONFIRMASI.nama, "")
        for k in INFO_INDIKATOR:
            baris.pop(k.nama, None)
        if any(lembar.kunci(baris)):
            di_lembar.setdefault(lembar.kunci(baris), nomor)
        if salah or (any(baris.values()) and not _belum_diisi(baris, lembar)):
            isian.append((nomor, baris))
            if alasan:
                yakin.append((lembar.kunci(baris), alasan, nomor))
    _periksa_baris_kunci(lembar, lama, di_lembar, tempat, masalah)
    calon = _gabung(lembar, lama, isian, tempat)
    calon.yakin = yakin
    masalah += _dikosongkan(calon, lama, di_lembar)
    return calon


def _rekap_idm(desa: _Calon, lama: DataTahun, masalah: list[Masalah]) -> _Calon:
    """The year's row of idm_status.csv, counted from the villages' statuses: one fact typed
    once. No row while a village has no status yet (the recap would be wrong)."""
    kosong = [f"{b['kecamatan']}/{b['desa']} (baris {nomor})"
              for b, (_, nomor) in zip(desa.baris, desa.asal, strict=True)
              if not b["status_idm"]]
    isian: list[tuple[int | None, dict[str, str]]] = []
    if desa.baris and not kosong:
        hitung = Counter(b["status_idm"] for b in desa.baris)
        isian.append((None, {"tahun": str(lama.tahun),
                             **{kolom: str(hitung.get(s, 0)) for s, kolom in KOLOM_IDM.items()}}))
    elif len(kosong) < len(desa.baris):  # all blank: the rules already say statuses are missing
        contoh = ", ".join(kosong[:5]) + (", …" if len(kosong) > 5 else "")
        masalah.append(Masalah(desa.tempat, None, _LEMBAR["desa"].judul(
            BY_NAME["desa"].kolom_bernama("status_idm")),
            f"rekap IDM tahun {lama.tahun} belum dihitung karena {len(kosong)} desa belum "
            f"berstatus: {contoh}.", PERINGATAN))
    return _gabung(_REKAP_IDM, lama, isian, desa.tempat)


def _konfirmasi(calon: list[Any], lama: DataTahun) -> _Calon | None:
    """konfirmasi.csv from the sheets' konfirmasi column (None when there is none at all)."""
    isian = [(nomor, {"tabel": c.lembar.dataset, "kunci": "/".join(kunci), "alasan": alasan})
             for c in calon for kunci, alasan, nomor in getattr(c, "yakin", [])]
    if not isian and not (lama.akar / _KONFIRMASI.ds.path(lama.tahun)).exists():
        return None
    hasil = _Calon(_KONFIRMASI.ds.path(lama.tahun), _KONFIRMASI, "")
    tempat = {c.lembar.dataset: c.tempat for c in calon if getattr(c, "yakin", None)}
    for nomor, b in isian:
        hasil.baris.append(b)
        hasil.asal.append((tempat[b["tabel"]], nomor))
    return hasil


def _dikosongkan(calon: _Calon, lama: DataTahun,
                 di_lembar: dict[tuple[str, ...], int]) -> list[Masalah]:
    """Warnings for values imported before and now emptied on the sheet: they are removed (the
    figure is "not yet" again), and the analyst sees what is now missing."""
    lembar = calon.lembar
    baru = {lembar.kunci(b): b for b in calon.baris}
    hasil = []
    for _, b in data_tahun.baris_mentah(lama.akar / calon.path):
        if not lembar.ds.per_tahun and b.get("tahun") != str(lama.tahun):
            continue
        kunci = lembar.kunci(b)
        if kunci not in di_lembar:
            continue
        for k in lembar.kolom:
            if k.nama in lembar.terkunci or not b.get(k.nama) or baru.get(kunci, {}).get(k.nama):
                continue
            uraian = ", ".join(f"{n}={v}" for n, v in zip(lembar.ds.kunci, kunci, strict=True))
            hasil.append(Masalah(calon.tempat, di_lembar[kunci], lembar.judul(k),
                                 f'nilai "{_seperti_excel(b[k.nama], k)}" yang sudah diimpor '
                                 "sebelumnya dikosongkan "
                                 f"({uraian}); nilai itu dihapus dan kini belum tersedia.",
                                 PERINGATAN))
    return hasil


def _baca_edisi(isi: list[list[Any]], lama: DataTahun, berkas: str,
                masalah: list[Masalah], sudah: set[tuple[str, int, str]]) -> _CalonEdisi | None:
    tempat = f'{berkas}, lembar "{EDISI}"'
    judul = isi[0] if isi else []
    if judul != ["isian", "nilai", "keterangan"]:
        masalah.append(Masalah(tempat, 1, None, "baris 1 harus berisi judul kolom persis seperti "
                               "di template: isian, nilai, keterangan."))
        return None
    nilai: dict[str, Any] = {}
    nomor_isian: dict[str, int] = {}
    for nomor, (jalur, sel, *_) in enumerate(isi[1:], start=2):
        if jalur is None:
            continue
        isian = isian_edisi.MENURUT_JALUR.get(str(jalur).strip())
        if isian is None:
            masalah.append(Masalah(tempat, nomor, "isian", f'isian "{jalur}" tidak dikenal.'))
            continue
        nomor_isian[isian.jalur] = nomor
        v, pesan = isian_edisi.dari_sel(isian, sel)
        if pesan:
            masalah.append(Masalah(tempat, nomor, "nilai", pesan))
            sudah.add((tempat, nomor, "nilai"))
        else:
            nilai[isian.jalur] = v
    for isian in isian_edisi.ISIAN:
        if isian.jalur not in nomor_isian:
            masalah.append(Masalah(tempat, None, "isian",
                                   f"baris berkunci (isian={isian.jalur}) tidak ada lagi. Baris "
                                   "berkunci tidak boleh dihapus."))
    path = f"{lama.tahun}/edisi.yaml"
    sekarang = (lama.akar / path).read_text(encoding="utf-8")
    kunci = {j.split(".")[-1]: n for j, n in nomor_isian.items()}
    return _CalonEdisi(path, tempat, isian_edisi.ganti(sekarang, nilai), kunci)


def _dari_sel(nilai: Any, k: Kolom) -> tuple[str, str | None]:
    """The CSV text of one cell, or a message when Excel holds something of the wrong kind."""
    if nilai is None:
        return "", None
    if isinstance(nilai, bool):
        return "", f"sel berisi nilai logika ({nilai}), bukan {_JENIS_SEL[k.tipe]}."
    if isinstance(nilai, (datetime, date, time)):
        return "", ("sel berisi tanggal atau jam, padahal kolom ini berisi "
                    f"{_JENIS_SEL[k.tipe]}. Ubah format sel menjadi Angka atau Umum, lalu ketik ulang.")
    if isinstance(nilai, int):
        return str(nilai), None
    if isinstance(nilai, Decimal):  # a percentage-formatted cell, as shown
        return format(nilai.normalize(), "f"), None
    if isinstance(nilai, float):
        if nilai.is_integer():
            return str(int(nilai)), None
        return format(Decimal(repr(nilai)), "f"), None
    teks = str(nilai).strip()
    if k.tipe is not Tipe.TEKS and re.fullmatch(r"-?\d+,\d+", teks):
        return "", (f'sel berisi teks "{teks}": koma desimal tidak dibaca sebagai angka oleh '
                    "Excel di komputer ini (pemisah desimalnya titik). Ketik "
                    f"{teks.replace(',', '.')}, atau ubah pengaturan bahasa Excel ke Indonesia.")
    if k.tipe is not Tipe.TEKS and teks:
        _, pesan = parse(teks, k)
        if pesan:
            return "", (f'sel berisi teks "{teks}", bukan angka, padahal kolom ini berisi '
                        f"{_JENIS_SEL[k.tipe]}. Hapus isinya lalu ketik angkanya saja (tanpa Rp, %, "
                        "atau titik ribuan yang diketik manual).")
    return teks, None


def _seperti_excel(teks: str, k: Kolom) -> str:
    """A stored number as an Indonesian spreadsheet shows it (2.29 → 2,29)."""
    nilai, pesan = parse(teks, k)
    if pesan or nilai is None or k.tipe in (Tipe.TEKS, Tipe.TAHUN):
        return teks
    if isinstance(nilai, int) and k.tipe is Tipe.RUPIAH:
        return rupiah(nilai)
    return angka_persis(Decimal(nilai))


def _belum_diisi(baris: dict[str, str], lembar: Lembar) -> bool:
    """A row whose required figures are all empty means "no figure yet" (its other prefilled
    cells, such as a unit or a source, do not make it a row)."""
    angka = [k for k in lembar.kolom if k.nama not in lembar.terkunci and k.wajib
             and k.tipe is not Tipe.TEKS]
    return bool(angka) and not any(baris.get(k.nama) for k in angka)


def _periksa_baris_kunci(lembar: Lembar, lama: DataTahun,
                         di_lembar: dict[tuple[str, ...], int], tempat: str,
                         masalah: list[Masalah]) -> None:
    """A row the template had must still be on the sheet (emptied is fine: "not yet")."""
    for b in baris_awal(lembar, lama):
        kunci = tuple(_teks_nilai(b.get(k)) for k in lembar.ds.kunci)
        if kunci in di_lembar or _boleh_kosong(b, lembar):
            continue
        uraian = ", ".join(f"{k}={v}" for k, v in zip(lembar.ds.kunci, kunci, strict=True))
        masalah.append(Masalah(tempat, None, ", ".join(lembar.judul(lembar.ds.kolom_bernama(k))
                                                       for k in lembar.ds.kunci),
                               f"baris berkunci ({uraian}) tidak ada lagi. Baris berkunci tidak "
                               "boleh dihapus atau diubah kuncinya; bila datanya belum ada, "
                               "kosongkan isinya saja."))


def _boleh_kosong(awal: dict[str, Any], lembar: Lembar) -> bool:
    """A template row that may disappear: one of the rows left out when nothing is filled."""
    return _belum_diisi({k: _teks_nilai(v) for k, v in awal.items()}, lembar)


def _teks_nilai(nilai: Any) -> str:
    return "" if nilai is None else str(nilai)


def _gabung(lembar: Lembar, lama: DataTahun,
            isian: Sequence[tuple[int | None, dict[str, str]]],
            tempat: str) -> _Calon:
    """The new file: the sheet's rows (plus the columns kept from the current file);
    for a multi-year file, the other years' rows stay where they are."""
    ds = lembar.ds
    path = ds.path(lama.tahun)
    sekarang = data_tahun.baris_mentah(lama.akar / path)
    menurut_kunci = {lembar.kunci(b): b for _, b in sekarang}

    def lengkap(b: dict[str, str]) -> dict[str, str]:
        tersimpan = menurut_kunci.get(lembar.kunci(b), {})
        return {**b, **{k: tersimpan.get(k, "") for k in lembar.disimpan}}

    calon = _Calon(path, lembar, tempat)
    if ds.per_tahun:
        for nomor_isian, b in isian:
            calon.baris.append(lengkap(b))
            calon.asal.append((tempat, nomor_isian))
        return calon
    pertama: dict[tuple[str, ...], int] = {}
    for i, (_, b) in enumerate(isian):
        pertama.setdefault(lembar.kunci(b), i)
    ditempatkan: set[int] = set()
    for nomor, b in sekarang:
        if b.get("tahun") != str(lama.tahun):
            calon.baris.append(b)
            calon.asal.append((lama.nama_berkas(path), nomor))
            continue
        sama = pertama.get(lembar.kunci(b))
        if sama is not None and sama not in ditempatkan:  # this year's row, updated in place
            ditempatkan.add(sama)
            calon.baris.append(lengkap(isian[sama][1]))
            calon.asal.append((tempat, isian[sama][0]))
    for i, (nomor, b) in enumerate(isian):
        if i not in ditempatkan:
            calon.baris.append(lengkap(b))
            calon.asal.append((tempat, nomor))
    return calon


def _validasi_calon(tahun: int, akar: Path,
                    calon: list[Any]) -> tuple[DataTahun | None, list[Masalah]]:
    """Load the year from a scratch copy of the data folder holding the new files."""
    with tempfile.TemporaryDirectory(prefix="lakip-impor-") as tmp:
        salinan = Path(tmp) / akar.name
        try:
            _salin(akar, salinan)
            for c in calon:
                (salinan / c.path).write_text(c.teks(), encoding="utf-8")
        except OSError as e:
            raise jurnal.TulisGagal(jurnal.pesan_galat_tulis(e, Path(tmp).parent)) from e
        try:
            return data.muat(tahun, salinan), []
        except ValidasiGagal as e:
            return None, e.masalah


def _salin(akar: Path, tujuan: Path) -> None:
    """Copy the data folder without its hidden files (OSError with the cause when it fails)."""
    for asal in sorted(akar.rglob("*")):
        bagian = asal.relative_to(akar)
        if any(b.startswith(".") for b in bagian.parts):
            continue
        if asal.is_dir():
            (tujuan / bagian).mkdir(parents=True, exist_ok=True)
        else:
            (tujuan / bagian).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(asal, tujuan / bagian)


def _ke_lembar(masalah: list[Masalah], calon: list[Any], akar: Path) -> list[Masalah]:
    """Problems found in the files made from the workbook, pointed at its sheets and rows."""
    menurut_berkas = {f"{akar.name}/{c.path}": c for c in calon}
    return [menurut_berkas[m.berkas].tempatkan(m) if m.berkas in menurut_berkas else m
            for m in masalah]


def _tulis(akar: Path, calon: list[Any], lama: DataTahun, baru: DataTahun,
           peringatan: list[Masalah]) -> HasilImpor:
    """Write the files whose content changed, all or none (`jurnal`); keep the others byte for
    byte."""
    berubah = [c for c in calon if not c.sama(lama, baru)]
    jurnal.ganti_semua(akar, {c.path: c.teks() for c in berubah})
    ditulis = {c.path for c in berubah}
    return HasilImpor(sorted(ditulis), sorted(c.path for c in calon if c.path not in ditulis),
                      [*peringatan, *_ke_lembar(baru.peringatan, calon, akar)])
