"""`lakip template`: the workbook of one fiscal year.

`tulis_template` writes one .xlsx: an instructions sheet (Petunjuk), the `edisi` sheet and one
sheet per table the analyst fills in for the year (`lembar.LEMBAR`), its key columns locked, Excel
data validation on the others.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from lakip_lib import data, isian_edisi
from lakip_lib.aturan import induk_kode
from lakip_lib.buku_kerja.lembar import (
    EDISI,
    INFO_INDIKATOR,
    JENIS_SEL,
    KONFIRMASI,
    LEMBAR,
    PETUNJUK,
    Lembar,
    baris_awal,
    teks_nilai,
)
from lakip_lib.data_tahun import DataTahun
from lakip_lib.dataset import Kolom, Tipe

BARIS_CADANGAN = 100  # unlocked empty rows under the data, for rows the analyst adds
LEBAR_MAKS = 60
_ABU = PatternFill("solid", fgColor="E7E6E6")
_KARAKTER_PER_BARIS = 105  # of the Petunjuk column, to size wrapped rows
_JUDUL = PatternFill("solid", fgColor="1F4E79")


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
            baris.append((f"    • {lembar.judul(k)} — {JENIS_SEL[k.tipe]} "
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
        nilai = ws.cell(row=i, column=2, value=isian_edisi.nilai_sel(d.edisi, isian.jalur,
                                                                         d.instansi.kepala))
        nilai.protection = Protection(locked=False)
        if isian.tipe == "tanggal":
            nilai.number_format = "yyyy-mm-dd"
        elif isian.tipe == "rupiah":
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
    if isian.tipe == "status":
        v = DataValidation(type="list", formula1='"' + ",".join(isian_edisi.STATUS) + '"')
    elif isian.tipe == "tanggal":
        v = DataValidation(type="date", operator="greaterThan", formula1="1")
    elif isian.tipe == "rupiah":
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
                nilai = yakin.get(lembar.kunci({n: teks_nilai(v) for n, v in b.items()}))
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
        pesan = f"Isi dengan {JENIS_SEL[k.tipe]}" + ("." if k.boleh_negatif else ", 0 atau lebih.")
    elif k.tipe is Tipe.DESIMAL:
        v = DataValidation(type="decimal", operator="between", formula1="-1E+15",
                           formula2="1E+15")
        pesan = "Isi dengan angka (boleh desimal), tanpa % dan tanpa satuan."
    elif k.tipe is Tipe.TAHUN:
        v = DataValidation(type="whole", operator="between", formula1="1900", formula2="2200")
        pesan = f"Isi dengan {JENIS_SEL[k.tipe]}."
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

