"""One cell between Excel and a data file: the CSV text of a cell the analyst typed (or a message
when Excel holds something of the wrong kind), and a stored number as an Indonesian spreadsheet
shows it."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from lakip_lib.buku_kerja.lembar import JENIS_SEL
from lakip_lib.dataset import Kolom, Tipe
from lakip_lib.format import angka_persis, rupiah
from lakip_lib.sel import parse


def teks_dari_sel(nilai: Any, k: Kolom) -> tuple[str, str | None]:
    """The CSV text of one cell, or a message when Excel holds something of the wrong kind."""
    if nilai is None:
        return "", None
    if isinstance(nilai, bool):
        return "", f"sel berisi nilai logika ({nilai}), bukan {JENIS_SEL[k.tipe]}."
    if isinstance(nilai, (datetime, date, time)):
        return "", ("sel berisi tanggal atau jam, padahal kolom ini berisi "
                    f"{JENIS_SEL[k.tipe]}. Ubah format sel menjadi Angka atau Umum, lalu ketik ulang.")
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
                        f"{JENIS_SEL[k.tipe]}. Hapus isinya lalu ketik angkanya saja (tanpa Rp, %, "
                        "atau titik ribuan yang diketik manual).")
    return teks, None


def seperti_excel(teks: str, k: Kolom) -> str:
    """A stored number as an Indonesian spreadsheet shows it (2.29 → 2,29)."""
    nilai, pesan = parse(teks, k)
    if pesan or nilai is None or k.tipe in (Tipe.TEKS, Tipe.TAHUN):
        return teks
    if isinstance(nilai, int) and k.tipe is Tipe.RUPIAH:
        return rupiah(nilai)
    return angka_persis(Decimal(nilai))
