"""The edition fields an analyst sets in the workbook's `edisi` sheet, and their edit of
data/<year>/edisi.yaml that keeps the file's comments and every other key as they are."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from lakip_lib.format import Bulan
from lakip_lib.rekaman import Edisi, Pejabat

STATUS = ("draf", "final")


@dataclass(frozen=True)
class Isian:
    jalur: str  # key in edisi.yaml; "a.b" for a nested key
    tipe: str  # its value's type: teks, status, tanggal, rupiah
    keterangan: str


ISIAN: tuple[Isian, ...] = (
    Isian("label", "teks", 'Label edisi yang tampil di setiap halaman, misalnya "Final, Januari '
          '2026" atau "Draf".'),
    Isian("status", "status", "draf selama data belum lengkap (angka yang kosong ditulis "
          '"belum tersedia"); final bila semua sudah lengkap dan diperiksa.'),
    Isian("tanggal_terbit", "tanggal", "Tanggal terbit laporan."),
    Isian("pagu_anggaran", "rupiah", "Pagu DPA (rupiah bulat); harus sama dengan jumlah anggaran "
          "semua sub kegiatan."),
    Isian("perjanjian_kinerja.tanggal", "tanggal", "Tanggal penandatanganan Perjanjian Kinerja."),
    Isian("konfirmasi_belum_tersedia", "teks", 'Edisi final ditolak selama ada halaman yang '
          'masih mencetak "belum tersedia". Bila angka itu memang tidak ada (misalnya sumbernya '
          "tidak memuatnya), tulis alasannya di sini; biarkan kosong selama data masih dilengkapi."),
    Isian("kepala.nama", "teks", "Nama kepala instansi yang menandatangani edisi tahun ini, "
          "dengan gelar. Bila kepala berganti, ubah di sini: edisi tahun lain tidak berubah."),
    Isian("kepala.jabatan", "teks", 'Jabatannya, misalnya "Kepala Dinas" (atau "Plt. Kepala '
          'Dinas").'),
    Isian("kepala.pangkat", "teks", 'Pangkatnya, misalnya "Pembina Utama Muda".'),
    Isian("kepala.golongan", "teks", 'Golongan ruangnya, misalnya "IV/c".'),
    Isian("kepala.nip", "teks", 'NIP-nya, ditulis sebagai teks, misalnya "19650328 198603 1 008".'),
)
MENURUT_JALUR = {i.jalur: i for i in ISIAN}


def nilai(edisi: Edisi, jalur: str, kepala: Pejabat | None = None) -> Any:
    """The current value of a field; `kepala` is the year's head of agency when its edisi.yaml
    names none yet (the agency-wide one of instansi.yaml), so the sheet shows who signs."""
    if edisi.kepala is None and kepala is not None:
        edisi = replace(edisi, kepala=kepala)
    isi: Any = edisi
    for bagian in jalur.split("."):
        isi = getattr(isi, bagian, None)
    return isi


def nilai_sel(edisi: Edisi, jalur: str, kepala: Pejabat | None = None) -> Any:
    """The value the sheet's cell starts with: `nilai`, a date known to the month only as its
    text ("2025-01"; a spreadsheet date would come back as the month's first day, and an import
    that rewrites edisi.yaml for another field would then date the edition to that day)."""
    v = nilai(edisi, jalur, kepala)
    return v.isoformat() if isinstance(v, Bulan) else v


def tanpa_kepala_bersama(isi: dict[str, Any], edisi: Edisi, kepala: Pejabat) -> dict[str, Any]:
    """The sheet's values without the head of agency while it is still instansi.yaml's and the
    year names none: an unchanged sheet changes no byte; a changed head becomes the year's own."""
    if edisi.kepala is not None or any(v != nilai(edisi, j, kepala) for j, v in isi.items()
                                       if j.startswith("kepala.")):
        return isi
    return {j: v for j, v in isi.items() if not j.startswith("kepala.")}


def dari_sel(isian: Isian, sel: Any) -> tuple[Any, str | None]:
    """The value of a cell of the `nilai` column, or a message for the analyst."""
    if sel is None or (isinstance(sel, str) and not sel.strip()):
        if isian.jalur in ("label", "status", "tanggal_terbit"):
            return None, "sel ini wajib diisi."
        return None, None
    if isian.tipe == "tanggal":
        if isinstance(sel, datetime):
            return sel.date(), None
        if isinstance(sel, date):
            return sel, None
        if bulan := Bulan.dari_teks(str(sel)):
            return bulan, None  # known to the month only, as the signed report dates it
        try:
            return date.fromisoformat(str(sel).strip()), None
        except ValueError:
            return None, (f'nilai "{sel}" bukan tanggal. Ketik sebagai tanggal, misalnya '
                          "2026-01-31, atau bulannya saja bila harinya tidak diketahui: 2026-01.")
    if isian.tipe == "rupiah":
        if isinstance(sel, (int, float)) and not isinstance(sel, bool) and float(sel).is_integer() \
                and sel >= 0:
            return int(sel), None
        return None, f'nilai "{sel}" harus rupiah bulat (angka tanpa Rp dan tanpa desimal).'
    teks = str(sel).strip()
    if isian.tipe == "status" and teks.lower() not in STATUS:
        return None, f'nilai "{teks}" tidak dikenal. Pilihan yang sah: {", ".join(STATUS)}.'
    return (teks.lower() if isian.tipe == "status" else teks), None


def _yaml(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, str):
        return v if v in STATUS else json.dumps(v, ensure_ascii=False)
    return v.isoformat() if isinstance(v, date) else str(v)


def ganti(teks: str, isi: dict[str, Any]) -> str:
    """edisi.yaml with the given keys set; comments, order and other keys untouched."""
    baris = teks.splitlines()
    for jalur, v in isi.items():
        baris = _ganti_satu(baris, jalur.split("."), _yaml(v))
    return "\n".join(baris) + "\n"


def _ganti_satu(baris: list[str], kunci: list[str], nilai_yaml: str) -> list[str]:
    awal, akhir, lekuk = 0, len(baris), ""
    if len(kunci) == 2:
        induk = re.compile(rf"^{re.escape(kunci[0])}:")
        posisi = next((i for i, b in enumerate(baris) if induk.match(b)), None)
        if posisi is None:
            return baris if not nilai_yaml else [*baris, f"{kunci[0]}:",
                                                 f"  {kunci[1]}: {nilai_yaml}"]
        akhir = next((i for i in range(posisi + 1, len(baris))
                      if baris[i].strip() and not baris[i].startswith((" ", "#"))), len(baris))
        awal, lekuk = posisi + 1, "  "
    baru = f"{lekuk}{kunci[-1]}: {nilai_yaml}".rstrip()
    pola = re.compile(rf"^{lekuk}{re.escape(kunci[-1])}:")
    for i in range(awal, akhir):
        if pola.match(baris[i]):
            komentar = re.search(r"\s(#.*)$", baris[i])
            baris[i] = baru + (f"   {komentar.group(1)}" if komentar else "")
            return baris
    if not nilai_yaml:  # an empty optional field the file does not have: nothing to write
        return baris
    return [*baris[:akhir], baru, *baris[akhir:]]
