"""The `lakip` command: every message in Bahasa Indonesia, no traceback unless --debug."""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from lakip_lib import audit, data
from lakip_lib.masalah import ValidasiGagal, laporan

KELUAR_OK = 0
KELUAR_DATA_TIDAK_VALID = 1
KELUAR_PENGGUNAAN = 2
KELUAR_GALAT_INTERNAL = 3


class _Parser(argparse.ArgumentParser):
    """argparse with Indonesian usage errors."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        terjemahan = (message.replace("the following arguments are required",
                                      "argumen berikut wajib diisi")
                      .replace("invalid choice", "pilihan tidak dikenal")
                      .replace("invalid int value", "bukan bilangan bulat")
                      .replace("unrecognized arguments", "argumen tidak dikenal"))
        print(f"lakip: galat: {terjemahan}", file=sys.stderr)
        sys.exit(KELUAR_PENGGUNAAN)


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="lakip", description="Buku LAKIP yang dapat direproduksi dari data/.")
    p.add_argument("--data", type=Path, default=None,
                   help="folder data (bawaan: $LAKIP_DATA atau ./data)")
    p.add_argument("--debug", action="store_true", help="tampilkan traceback bila terjadi galat")
    sub = p.add_subparsers(dest="perintah", required=True, metavar="PERINTAH")

    v = sub.add_parser("validate", help="periksa data satu tahun anggaran")
    v.add_argument("tahun", type=int, help="tahun anggaran, misalnya 2024")
    v.set_defaults(jalankan=_validate)

    a = sub.add_parser("audit", help="periksa konsistensi angka dokumen sumber")
    a.add_argument("tahun", type=int, help="tahun anggaran, misalnya 2024")
    a.add_argument("--format", choices=("teks", "csv"), default="teks",
                   help="bentuk laporan (bawaan: teks)")
    a.set_defaults(jalankan=_audit)
    return p


def _validate(args: argparse.Namespace) -> int:
    hasil = data.muat(args.tahun, args.data)
    print(laporan(hasil.peringatan))
    return KELUAR_OK


def _audit(args: argparse.Namespace) -> int:
    hasil = data.muat(args.tahun, args.data)
    temuan = audit.periksa(hasil)
    if args.format == "csv":
        sys.stdout.write(audit.sebagai_csv(temuan))
    else:
        print(audit.sebagai_teks(temuan, args.tahun))
    return KELUAR_OK


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    jalankan: Callable[[argparse.Namespace], int] = args.jalankan
    try:
        return jalankan(args)
    except ValidasiGagal as e:
        print(f"Data tahun {args.tahun} tidak valid:", file=sys.stderr)
        print(laporan(e.masalah), file=sys.stderr)
        return KELUAR_DATA_TIDAK_VALID
    except BrokenPipeError:  # output piped into e.g. `head`
        return KELUAR_OK
    except KeyboardInterrupt:
        print("Dihentikan oleh pengguna.", file=sys.stderr)
        return 130
    except Exception as e:
        if args.debug:
            traceback.print_exc()
        print(f"Terjadi galat tak terduga: {type(e).__name__}: {e}\n"
              "Jalankan ulang dengan --debug untuk melihat rinciannya.", file=sys.stderr)
        return KELUAR_GALAT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
