"""The commands on a year's Renstra: `lakip change-renstra` (a revised Renstra from a year on)
and `lakip new-renstra` (the first year of a new period); the work is `renstra_baru`'s."""

from __future__ import annotations

import argparse
import sys

from lakip_lib.cli_argumen import KELUAR_DATA_TIDAK_VALID, KELUAR_OK


def daftarkan(sub: argparse._SubParsersAction) -> None:
    """Add `change-renstra` and `new-renstra` to the `lakip` command."""
    u = sub.add_parser("change-renstra", help="Renstra perubahan: indikator atau sasaran baru "
                                              "mulai tahun ini, tanpa mengubah edisi sebelumnya")
    u.add_argument("tahun", type=int, help="tahun pertama Renstra yang diubah, misalnya 2026")
    u.set_defaults(jalankan=_ubah)
    b = sub.add_parser("new-renstra", help="siapkan tahun pertama periode Renstra baru")
    b.add_argument("tahun", type=int, help="tahun pertama periode baru, misalnya 2027")
    b.add_argument("--until", type=int, required=True, dest="akhir",
                   help="tahun terakhir periode baru, misalnya 2031")
    b.set_defaults(jalankan=_baru)


def _ubah(args: argparse.Namespace) -> int:
    from lakip_lib import renstra_baru

    try:
        ditulis, sesudahnya = renstra_baru.ubah(args.tahun, args.data)
    except renstra_baru.RenstraGagal as e:
        print(f"Renstra tidak diubah: {e}", file=sys.stderr)
        return KELUAR_DATA_TIDAK_VALID
    if not ditulis:
        print(f"Tahun {args.tahun} sudah memakai Renstra-nya sendiri (data/{args.tahun}/"
              f"indikator.csv, …): tidak ada yang disalin.")
    else:
        print(f"Renstra tahun {args.tahun} kini milik tahun itu sendiri; edisi sebelum "
              f"{args.tahun} tetap memakai berkas bersama di data/. Disalin:")
        for path in ditulis:
            print(f"  - data/{path}")
    if sesudahnya:
        print(f"Tahun sesudahnya yang sudah ada masih memakai Renstra bersama: "
              f"{', '.join(map(str, sesudahnya))}. Setelah menyunting, salin berkas Renstra "
              f"data/{args.tahun}/ ke folder tahun itu juga (atau hapus folder itu dan buat lagi "
              f"dengan lakip new-year, yang membawa Renstra {args.tahun}).")
    print(f"Berikutnya: sunting data/{args.tahun}/indikator.csv (indikator baru), sasaran.csv "
          f"(sasaran baru), dan renstra_target.csv (target Renstra-nya); lalu "
          f"lakip validate {args.tahun}, lakip template {args.tahun}, lakip import "
          f"{args.tahun} lakip-isian-{args.tahun}.xlsx, lakip build {args.tahun}.")
    return KELUAR_OK


def _baru(args: argparse.Namespace) -> int:
    from lakip_lib import renstra_baru

    try:
        folder = renstra_baru.buat_periode(args.tahun, args.akhir, args.data)
    except renstra_baru.RenstraGagal as e:
        print(f"Renstra baru tidak dibuat: {e}", file=sys.stderr)
        return KELUAR_DATA_TIDAK_VALID
    print(f"Folder {folder} dibuat: tahun pertama Renstra {args.tahun}–{args.akhir} (edisi draf). "
          f"Edisi sebelum {args.tahun} tetap memakai Renstra lama (berkas bersama di data/).")
    print(f"Berikutnya: sunting data/{args.tahun}/tujuan.csv, sasaran.csv, indikator.csv (dimulai "
          f"dari Renstra lama), isi renstra_target.csv dengan target tahun {args.tahun}–"
          f"{args.akhir}, perbarui rpjmd di data/{args.tahun}/edisi.yaml bila RPJMD juga baru, "
          f"lalu lakip validate {args.tahun}, lakip template {args.tahun}, lakip import, "
          f"lakip build {args.tahun}.")
    return KELUAR_OK
