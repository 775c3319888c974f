"""Parsing one CSV cell into a typed value, with an analyst-facing message when it cannot be.

Every function returns `(value, None)` or `(None, message)`; the caller adds file, row and column.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from lakip_lib import karakter
from lakip_lib.dataset import Kolom, Tipe

NilaiSel = str | int | Decimal | None  # TEKS → str; BULAT, RUPIAH, TAHUN → int; DESIMAL → Decimal
Hasil = tuple[NilaiSel, str | None]

# Digits are 0-9 only ("\d" would also take Arabic-Indic or fullwidth digits).
_KOMA_DESIMAL = re.compile(r"^-?[0-9]+,[0-9]+$")
_FORMAT_INDONESIA = re.compile(r"^-?[0-9]{1,3}(\.[0-9]{3})+,[0-9]+$")
_RIBUAN = re.compile(r"^-?[0-9]{1,3}([.,][0-9]{3})+$")
_BULAT = re.compile(r"^-?[0-9]+$")
_DESIMAL = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")
_RP = re.compile(r"^rp\.?\s*", re.IGNORECASE)
DIGIT_BULAT_MAKS = 18  # rupiah up to 999 quadrillion; a longer number is a typing error
DIGIT_PECAHAN_MAKS = 20
TEKS_MAKS = 2000  # characters in one text cell (the longest definition in the data is ~300)

def parse(teks: str, kolom: Kolom) -> Hasil:
    """Typed value of a cell; None for an empty optional cell."""
    nilai = teks.strip()
    if not nilai:
        if kolom.wajib:
            isi = "hanya berisi spasi" if teks else "kosong"
            contoh = ("pilih salah satu: " + ", ".join(kolom.pilihan) if kolom.pilihan
                      else kolom.tipe.contoh)
            return None, f"sel {isi}, padahal wajib diisi ({contoh})."
        return None, None
    terlarang = karakter.terlarang(nilai)
    if terlarang:
        return None, karakter.pesan(terlarang[1], "sel")
    if entitas := karakter.entitas_terlarang(nilai):
        return None, karakter.pesan_entitas(entitas[0][1], entitas[0][2], "sel")
    if kolom.tipe is Tipe.TEKS and len(nilai) > TEKS_MAKS:
        return None, (f"teks terlalu panjang ({len(nilai)} karakter; batas {TEKS_MAKS}). "
                      "Periksa apakah isi beberapa sel tergabung menjadi satu.")
    if kolom.tipe is not Tipe.TEKS and len(nilai) > DIGIT_BULAT_MAKS + DIGIT_PECAHAN_MAKS + 2:
        return None, _terlalu_panjang(nilai)
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


_NAMA_BERKAS = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,31}")


def _teks(nilai: str, kolom: Kolom) -> Hasil:
    if kolom.nama_berkas and not _NAMA_BERKAS.fullmatch(nilai):
        return None, (f'nilai "{nilai}" menjadi bagian nama halaman dan berkas narasi, jadi hanya '
                      "boleh berisi huruf A–Z, angka, tanda hubung, dan garis bawah (paling "
                      "banyak 32 karakter), misalnya S1.")
    if kolom.pilihan and nilai not in kolom.pilihan:
        return None, pesan_pilihan(nilai, kolom.pilihan)
    return nilai, None


def pesan_pilihan(nilai: str, pilihan: tuple[str, ...]) -> str:
    """The message for a value that is none of a column's choices."""
    return f'nilai "{nilai}" tidak dikenal. Pilihan yang sah: {", ".join(pilihan)}.'


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
    if not _DESIMAL.match(nilai):
        return None, _bukan_angka(nilai, kolom)
    bulat, _, pecahan = nilai.lstrip("-").partition(".")
    if len(bulat) > DIGIT_BULAT_MAKS or len(pecahan) > DIGIT_PECAHAN_MAKS:
        return None, _terlalu_panjang(nilai)
    return Decimal(nilai), None


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
        if len(nilai.lstrip("-")) > DIGIT_BULAT_MAKS:
            return None, _terlalu_panjang(nilai)
        return int(nilai), None
    if _digit_lain(nilai):
        return None, _bukan_angka(nilai, kolom)
    return None, f'nilai "{nilai}" bukan bilangan bulat. Isi dengan {kolom.tipe.contoh}.'


def _tahun(nilai: str, kolom: Kolom) -> Hasil:
    if re.fullmatch(r"[0-9]{4}", nilai) and 1900 <= int(nilai) <= 2200:
        return int(nilai), None
    if _digit_lain(nilai):
        return None, _bukan_angka(nilai, kolom)
    return None, f'nilai "{nilai}" bukan tahun. Isi dengan {kolom.tipe.contoh}.'


def _hanya_angka(nilai: str) -> str:
    return re.sub(r"[^0-9-]", "", nilai)


def _digit_lain(nilai: str) -> bool:
    """Digits other than 0-9 (Arabic-Indic, fullwidth, superscript …)."""
    return any(c.isdigit() and not "0" <= c <= "9" for c in nilai)


def _bukan_angka(nilai: str, kolom: Kolom) -> str:
    if _digit_lain(nilai):
        ascii_ = "".join(str(unicodedata.digit(c)) if c.isdigit() else c for c in nilai)
        return (f'nilai "{nilai}" memakai angka selain 0–9 (misalnya angka Arab atau lebar '
                f"penuh). Tulis dengan angka 0–9: {ascii_}")
    return f'nilai "{nilai}" bukan angka. Isi dengan {kolom.tipe.contoh}.'


def _terlalu_panjang(nilai: str) -> str:
    ringkas = nilai if len(nilai) <= 30 else nilai[:27] + "…"
    return (f'nilai "{ringkas}" terlalu panjang ({len(nilai)} karakter): paling banyak '
            f"{DIGIT_BULAT_MAKS} angka sebelum titik dan {DIGIT_PECAHAN_MAKS} sesudahnya.")
