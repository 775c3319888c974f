"""The commands on a year's data: `lakip validate`, `audit`, `new-year`, `template` (the Excel
workbook) and `import` (the filled workbook read back), each returning its exit code.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lakip_lib import audit, data, folder_data, tag_edisi
from lakip_lib.cli_argumen import (
    KELUAR_DATA_TIDAK_VALID,
    KELUAR_OK,
)
from lakip_lib.masalah import ValidasiGagal, laporan


def perintah_validate(args: argparse.Namespace) -> int:
    hasil = data.muat(args.tahun, args.data)
    print(laporan(hasil.peringatan))
    return KELUAR_OK


def perintah_audit(args: argparse.Namespace) -> int:
    hasil = data.muat(args.tahun, args.data)
    if not audit.ada_sumber(hasil) and args.format == "teks":
        print(f"Tahun {args.tahun} belum memiliki dokumen sumber yang ditranskripsi "
              f"({args.tahun}/iku_dilaporkan.csv atau {args.tahun}/dilaporkan.csv): tidak ada "
              "angka tercetak yang perlu diperiksa. Angka buku edisi ini semuanya dihitung dari "
              "data.")
        return KELUAR_OK
    temuan = audit.periksa(hasil)
    if args.format == "csv":
        sys.stdout.write(audit.sebagai_csv(temuan))
    else:
        print(audit.sebagai_teks(temuan, args.tahun))
    return KELUAR_OK


def perintah_new_year(args: argparse.Namespace) -> int:
    from lakip_lib import tahun_baru

    try:
        folder = tahun_baru.buat(args.tahun, args.data, args.tahun_sumber)
    except tahun_baru.TahunBaruGagal as e:
        print(f"Tahun baru tidak dibuat: {e}", file=sys.stderr)
        return KELUAR_DATA_TIDAK_VALID
    print(f"Folder {folder} dibuat (edisi draf). Yang masih harus diisi:")
    for baris in tahun_baru.ringkasan(args.tahun, folder.parent):
        print(f"  - {baris}")
    print(f"Berikutnya: lakip template {args.tahun} (buku kerja Excel untuk mengisinya), lalu "
          f"lakip import {args.tahun} lakip-isian-{args.tahun}.xlsx, lalu lakip build {args.tahun}")
    return KELUAR_OK


def perintah_template(args: argparse.Namespace) -> int:
    from lakip_lib import buku_kerja

    tujuan = args.output or Path(f"lakip-isian-{args.tahun}.xlsx")
    if tujuan.exists() and not args.overwrite:
        print(f"Berkas {tujuan} sudah ada dan tidak ditimpa agar isiannya tidak hilang. "
              "Pakai --output NAMA_LAIN.xlsx, atau --overwrite bila memang ingin menggantinya.",
              file=sys.stderr)
        return KELUAR_DATA_TIDAK_VALID
    buku_kerja.tulis_template(args.tahun, tujuan, args.data)
    print(f"Buku kerja {tujuan} ditulis (lembar {buku_kerja.PETUNJUK}, lembar "
          f"{buku_kerja.EDISI}, dan {len(buku_kerja.LEMBAR)} lembar tabel). Setelah diisi: "
          f"lakip import {args.tahun} {tujuan}")
    return KELUAR_OK


def perintah_import(args: argparse.Namespace) -> int:
    from lakip_lib import buku_kerja

    try:
        hasil = buku_kerja.impor(args.tahun, args.berkas, args.data)
    except ValidasiGagal as e:
        print(f"Buku kerja {args.berkas} tidak diimpor; folder data/{args.tahun} tidak diubah.",
              file=sys.stderr)
        print(laporan(e.masalah), file=sys.stderr)
        return KELUAR_DATA_TIDAK_VALID
    print(f"Impor selesai: {len(hasil.ditulis)} berkas diperbarui, {len(hasil.tetap)} tidak "
          "berubah.")
    for path in hasil.ditulis:
        print(f"  - data/{path}")
    if hasil.peringatan:
        print("Yang masih perlu dilengkapi:")
        print(laporan(hasil.peringatan))
    print(tag_edisi.langkah_berikut(args.tahun, args.data or folder_data.akar_data(),
                                     Path("_build")))
    return KELUAR_OK
