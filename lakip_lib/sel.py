"""Parsing one CSV cell into a typed value, with an analyst-facing message when it cannot be.

Every function returns `(value, None)` or `(None, message)`; the caller adds file, row and column.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from lakip_lib.schema import Kolom, Tipe

Hasil = tuple[object, str | None]

_KOMA_DESIMAL = re.compile(r"^-?\d+,\d+$")
_FORMAT_INDONESIA = re.compile(r"^-?\d{1,3}(\.\d{3})+,\d+$")
_RIBUAN = re.compile(r"^-?\d{1,3}([.,]\d{3})+$")
_BULAT = re.compile(r"^-?\d+$")
_RP = re.compile(r"^rp\.?\s*", re.IGNORECASE)


def parse(teks: str, kolom: Kolom) -> Hasil:
    """Typed value of a cell; None for an empty optional cell."""
    nilai = teks.strip()
    if not nilai:
        if kolom.wajib:
            isi = "hanya berisi spasi" if teks else "kosong"
            return None, f"sel {isi}, padahal wajib diisi ({kolom.tipe.contoh})."
        return None, None
    pengurai = {
        Tipe.TEKS: _teks,
        Tipe.DESIMAL: _desimal,
        Tipe.BULAT: _bulat,
        Tipe.RUPIAH: _bulat,
        Tipe.TAHUN: _tahun,
    }[kolom.tipe]
    hasil, pesan = pengurai(nilai, kolom)
    if pesan is None and not kolom.boleh_negatif and isinstance(hasil, (int, Decimal)) and hasil < 0:
        return None, f'nilai "{nilai}" negatif, padahal harus 0 atau lebih.'
    return hasil, pesan


def _teks(nilai: str, kolom: Kolom) -> Hasil:
    if kolom.pilihan and nilai not in kolom.pilihan:
        pilihan = ", ".join(kolom.pilihan)
        return None, f'nilai "{nilai}" tidak dikenal. Pilihan yang sah: {pilihan}.'
    return nilai, None


def _desimal(nilai: str, kolom: Kolom) -> Hasil:
    if _KOMA_DESIMAL.match(nilai):
        return None, (
            f'nilai "{nilai}" bukan angka yang valid. '
            f"Gunakan titik sebagai pemisah desimal: {nilai.replace(',', '.')}"
        )
    if _FORMAT_INDONESIA.match(nilai):
        saran = nilai.replace(".", "").replace(",", ".")
        return None, (
            f'nilai "{nilai}" memakai pemisah ribuan dan koma desimal. '
            f"Tulis tanpa pemisah ribuan dengan titik desimal: {saran}"
        )
    if nilai.endswith("%"):
        return None, f'nilai "{nilai}" memuat tanda %. Tulis angkanya saja: {nilai.rstrip("% ")}'
    try:
        angka = Decimal(nilai)
    except InvalidOperation:
        return None, f'nilai "{nilai}" bukan angka. Isi dengan {kolom.tipe.contoh}.'
    if not angka.is_finite():
        return None, f'nilai "{nilai}" bukan angka terhingga. Isi dengan {kolom.tipe.contoh}.'
    return angka, None


def _bulat(nilai: str, kolom: Kolom) -> Hasil:
    tanpa_rp = _RP.sub("", nilai)
    if tanpa_rp != nilai:
        return None, f'nilai "{nilai}" memuat "Rp". Tulis angkanya saja: {_hanya_angka(tanpa_rp)}'
    if _RIBUAN.match(nilai):
        return None, (
            f'nilai "{nilai}" memakai pemisah ribuan. '
            f"Tulis tanpa pemisah: {_hanya_angka(nilai)}"
        )
    if _BULAT.match(nilai):
        return int(nilai), None
    return None, f'nilai "{nilai}" bukan bilangan bulat. Isi dengan {kolom.tipe.contoh}.'


def _tahun(nilai: str, kolom: Kolom) -> Hasil:
    if re.fullmatch(r"\d{4}", nilai) and 1900 <= int(nilai) <= 2200:
        return int(nilai), None
    return None, f'nilai "{nilai}" bukan tahun. Isi dengan {kolom.tipe.contoh}.'


def _hanya_angka(nilai: str) -> str:
    return re.sub(r"[^\d-]", "", nilai)
