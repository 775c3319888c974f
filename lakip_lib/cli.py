"""The `lakip` command: every message in Bahasa Indonesia, no traceback unless --debug.

Commands and flags follow the CLI's part of the naming rule (README, "Names"): general
programming words are English (`build`, `reissue`, `--output`, `--workers`, `--no-pdf`,
`--overwrite`, `--require-tag`, `--reason`, `--date`, `--from`, `--all`, `--force`), an argument
naming a domain concept keeps its Indonesian name (`--instansi`, `tahun`); every help text and
message is Indonesian. (Names inside the code are Indonesian, general words too.)

Here: the parser (every command and flag), the global options, and how each failure becomes a
message and an exit code. The commands themselves, grouped by workflow: `cli_data` (validate,
audit, new-year, template, import), `cli_build` (build, merge, serve, refresh-notebooks),
`cli_terbit` (publish, reissue); the conventions they share: `cli_argumen`.
"""

from __future__ import annotations

import argparse
import atexit
import importlib
import os
import sys
import threading
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

from lakip_lib import cli_renstra, folder_data, jurnal, kabupaten, karakter
from lakip_lib.cli_argumen import (
    KELUAR_DATA_TIDAK_VALID,
    KELUAR_GALAT_INTERNAL,
    KELUAR_OK,
    Parser,
    bagian,
    tanggal,
)
from lakip_lib.jurnal import TulisGagal, pesan_galat_tulis
from lakip_lib.kabupaten import KabupatenGagal
from lakip_lib.langkah_build import BuildGagal
from lakip_lib.masalah import ImporGagal, ValidasiGagal, laporan
from lakip_lib.rilis import RilisGagal


@dataclass(frozen=True)
class Perintah:
    """A command's function `lakip_lib.<modul>.<nama>`, its module imported only when the
    command runs: `lakip build` with nothing changed imports no other command's modules."""

    modul: str
    nama: str

    def __call__(self, args: argparse.Namespace) -> int:
        fungsi: Callable[[argparse.Namespace], int] = getattr(
            importlib.import_module(f"lakip_lib.{self.modul}"), self.nama)
        return fungsi(args)


def _parser() -> argparse.ArgumentParser:
    p = Parser(prog="lakip", description="Buku LAKIP yang dapat direproduksi dari data/.")
    p.add_argument("--data", type=Path, default=None,
                   help="folder data (bawaan: $LAKIP_DATA atau ./data)")
    p.add_argument("--instansi", default=None, metavar="NAMA",
                   help="instansi yang dipakai bila folder data memuat beberapa instansi (nama "
                        "foldernya, misalnya dinas-kesehatan)")
    p.add_argument("--debug", action="store_true", help="tampilkan traceback bila terjadi galat")
    sub = p.add_subparsers(dest="perintah", required=True, metavar="PERINTAH")

    v = sub.add_parser("validate", help="periksa data satu tahun anggaran")
    v.add_argument("tahun", type=int, help="tahun anggaran, misalnya 2024")
    v.set_defaults(jalankan=Perintah("cli_data", "perintah_validate"))

    a = sub.add_parser("audit", help="periksa konsistensi angka dokumen sumber")
    a.add_argument("tahun", type=int, help="tahun anggaran, misalnya 2024")
    a.add_argument("--format", choices=("teks", "csv"), default="teks",
                   help="bentuk laporan (bawaan: teks)")
    a.set_defaults(jalankan=Perintah("cli_data", "perintah_audit"))

    b = sub.add_parser("build", help="bangun buku (HTML dan PDF) satu atau beberapa tahun")
    b.add_argument("tahun", type=int, nargs="*", help="tahun anggaran, misalnya 2024 2025")
    b.add_argument("--all", action="store_true", dest="semua",
                   help="bangun semua tahun (dan semua instansi) yang ada di folder data")
    b.add_argument("--shard", type=bagian, default=None, metavar="K/N",
                   help="bangun hanya bagian ke-K dari N bagian edisi yang sama beratnya "
                        "(untuk beberapa mesin; gabungkan dengan lakip merge)")
    b.add_argument("--jobs", type=int, default=None,
                   help="jumlah edisi yang dibangun bersamaan (bawaan: jumlah inti CPU)")
    b.add_argument("--output", type=Path, default=None,
                   help="folder build (bawaan: ./_build); situs di OUTPUT/site/<tahun>")
    b.add_argument("--workers", type=int, default=None,
                   help="jumlah proses eksekusi notebook (bawaan: jumlah inti CPU)")
    b.add_argument("--force", action="store_true",
                   help="abaikan cache: jalankan ulang semua notebook dan susun ulang buku")
    b.add_argument("--no-pdf", action="store_true",
                   help="lewati edisi PDF (pratinjau lebih cepat)")
    b.add_argument("--require-tag", action="store_true",
                   help="tolak edisi final yang belum bertag lakip-<tahun>-final/-r<N> "
                        "(untuk alur kerja penerbitan)")
    b.set_defaults(jalankan=Perintah("cli_build", "perintah_build"))

    u = sub.add_parser("reissue",
                       help="terbitkan revisi (ralat) edisi final dengan kode dan data sekarang")
    u.add_argument("tahun", type=int, help="tahun anggaran edisi final, misalnya 2024")
    u.add_argument("--reason", required=True, help="alasan revisi, tampil di halaman Riwayat edisi")
    u.add_argument("--date", type=tanggal, default=None,
                   help="tanggal revisi TTTT-BB-HH (bawaan: tanggal hari ini)")
    u.add_argument("--output", type=Path, default=None, help="folder build (bawaan: ./_build)")
    u.add_argument("--no-pdf", action="store_true", help="lewati edisi PDF revisi ini")
    u.set_defaults(jalankan=Perintah("cli_terbit", "perintah_reissue"))

    pb = sub.add_parser("publish", help="terbitkan edisi final: komit datanya, beri tag "
                                        "lakip-<tahun>-final (atau -r<N>), dorong ke remote")
    pb.add_argument("tahun", type=int, help="tahun anggaran edisi final, misalnya 2025")
    pb.add_argument("--tag-old", action="store_true", dest="tag_lama",
                    help="beri tag juga pada edisi final lama yang belum bertag (pada komit "
                         "terakhir yang mengubah datanya)")
    pb.set_defaults(jalankan=Perintah("cli_terbit", "perintah_publish"))

    n = sub.add_parser("new-year", help="siapkan folder data tahun anggaran baru dari tahun lalu")
    n.add_argument("tahun", type=int, help="tahun anggaran baru, misalnya 2025")
    n.add_argument("--from", type=int, default=None, dest="tahun_sumber",
                   help="tahun sumber (bawaan: tahun sebelumnya)")
    n.set_defaults(jalankan=Perintah("cli_data", "perintah_new_year"))
    cli_renstra.daftarkan(sub)

    t = sub.add_parser("template", help="tulis buku kerja Excel untuk mengisi data satu tahun")
    t.add_argument("tahun", type=int, help="tahun anggaran, misalnya 2025")
    t.add_argument("--output", type=Path, default=None,
                   help="nama berkas .xlsx (bawaan: lakip-isian-<tahun>.xlsx)")
    t.add_argument("--overwrite", action="store_true",
                   help="timpa berkas yang sudah ada (isian di dalamnya hilang)")
    t.set_defaults(jalankan=Perintah("cli_data", "perintah_template"))

    i = sub.add_parser("import", help="periksa buku kerja Excel dan tulis isinya ke data/<tahun>")
    i.add_argument("tahun", type=int, help="tahun anggaran, misalnya 2025")
    i.add_argument("berkas", type=Path, help="buku kerja .xlsx hasil lakip template")
    i.set_defaults(jalankan=Perintah("cli_data", "perintah_import"))

    m = sub.add_parser("merge", help="gabungkan hasil lakip build --shard dari beberapa mesin "
                                     "menjadi satu situs (dengan portalnya)")
    m.add_argument("bagian", type=Path, nargs="+", metavar="FOLDER",
                   help="folder build setiap bagian (berisi site/)")
    m.add_argument("--output", type=Path, required=True, help="folder build gabungan")
    m.set_defaults(jalankan=Perintah("cli_build", "perintah_merge"), tahun=None)

    r = sub.add_parser("refresh-notebooks",
                       help="tulis ulang notebooks/*.ipynb dari bagiannya, jalankan, dan simpan "
                            "keluarannya (untuk nbval)")
    r.set_defaults(jalankan=Perintah("cli_build", "perintah_refresh_notebooks"), tahun=None)

    s = sub.add_parser("serve", help="pratinjau langsung: bangun ulang HTML setiap ada perubahan "
                                     "dan muat ulang halaman yang terbuka")
    s.add_argument("tahun", type=int, nargs="?", default=None,
                   help="tahun anggaran (bawaan: tahun terakhir di folder data)")
    s.add_argument("--output", type=Path, default=None,
                   help="folder build pratinjau (bawaan: ./_build/pratinjau; situs yang "
                        "diterbitkan lakip build tidak pernah disentuh)")
    s.add_argument("--port", type=int, default=8000, help="port di 127.0.0.1 (bawaan: 8000)")
    s.set_defaults(jalankan=Perintah("cli_build", "perintah_serve"))
    return p


def _selesaikan_impor(args: argparse.Namespace) -> None:
    """An import killed after it committed is finished by the next `lakip import` (the
    journal's one writer, which checks it first); every other command refuses to read the
    half-imported data and acts on nothing."""
    akar = args.data or folder_data.akar_data()
    if not akar.is_dir():
        return
    if args.perintah != "import":
        for folder in kabupaten.daftar(akar):  # a kabupaten: every agency's folder
            jurnal.tolak_bila_tertunda(folder.akar)
    elif jurnal.pulihkan(akar):
        print(f"Impor sebelumnya sempat terhenti; kini diselesaikan di {akar}.", file=sys.stderr)


def argumen_ditolak(argv: Sequence[str]) -> str | None:
    """Why a command-line argument is refused, or None: bytes that are not UTF-8 (Python keeps
    them as surrogates, which no file or page can hold) and control or invisible characters
    (line breaks included: every argument is one line, a --reason as much as a path) would
    otherwise land in edisi.yaml, the pages, the PDF's metadata or the terminal."""
    for i, arg in enumerate(argv, start=1):
        if temuan := karakter.terlarang(arg):
            return (f'argumen ke-{i} ("{karakter.tampak(arg)[:80]}") memuat {temuan[1]}. Ketik '
                    "ulang argumen itu tanpa karakter tersebut (dengan pengodean UTF-8).")
    return None


def _satu_instansi(args: argparse.Namespace) -> None:
    """With --instansi, the data folder is that agency's; a command about one agency's data
    (all but build and merge) needs one when the data folder holds several. A build keeps the
    kabupaten's folder (the agency's editions publish under its slug) and builds that agency's
    editions only; a preview of one agency builds into its own folder."""
    akar = args.data or folder_data.akar_data()
    if args.perintah == "merge" or (args.perintah == "build" and args.instansi is None):
        return
    folder = kabupaten.pilih(akar, args.instansi)
    if args.perintah == "build":
        return
    args.data = folder
    if args.perintah == "serve" and args.instansi and args.output is None:
        args.output = Path("_build") / "pratinjau" / args.instansi


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if ditolak := argumen_ditolak(argv):
        print(f"lakip: galat: {ditolak}", file=sys.stderr)
        return KELUAR_DATA_TIDAK_VALID
    args = _parser().parse_args(argv)
    jalankan: Callable[[argparse.Namespace], int] = args.jalankan
    try:
        _satu_instansi(args)
        _selesaikan_impor(args)
        return jalankan(args)
    except KabupatenGagal as e:
        print(f"Folder data tidak dapat dipakai: {e}", file=sys.stderr)
        return KELUAR_DATA_TIDAK_VALID
    except ImporGagal as e:
        print(f"Buku kerja tidak diimpor: {e}", file=sys.stderr)
        return KELUAR_DATA_TIDAK_VALID
    except TulisGagal as e:
        print(f"Tidak ada yang diubah: {e}", file=sys.stderr)
        return KELUAR_DATA_TIDAK_VALID
    except RilisGagal as e:
        print(f"Rilis gagal: {e}", file=sys.stderr)
        print("Edisi yang sudah terbit tidak diubah.", file=sys.stderr)
        return KELUAR_DATA_TIDAK_VALID
    except BuildGagal as e:
        print(f"Build gagal: {e}", file=sys.stderr)
        print("Edisi yang sudah terbit tidak diubah.", file=sys.stderr)
        return KELUAR_DATA_TIDAK_VALID
    except ValidasiGagal as e:
        print(f"Data tahun {args.tahun} tidak valid:", file=sys.stderr)
        print(laporan(e.masalah), file=sys.stderr)
        return KELUAR_DATA_TIDAK_VALID
    except BrokenPipeError:  # output piped into e.g. `head`
        return KELUAR_OK
    except OSError as e:  # the environment, not the data: disk full, no permission, bad path
        if args.debug:
            traceback.print_exc()
        print(f"Gagal: {pesan_galat_tulis(e, Path(e.filename or '.'))}", file=sys.stderr)
        return KELUAR_DATA_TIDAK_VALID
    except KeyboardInterrupt:
        print("Dihentikan oleh pengguna.", file=sys.stderr)
        return 130
    except Exception as e:
        if args.debug:
            traceback.print_exc()
        print(f"Terjadi galat tak terduga: {type(e).__name__}: {karakter.tampak(str(e))[:300]}\n"
              "Jalankan ulang dengan --debug untuk melihat rinciannya.", file=sys.stderr)
        return KELUAR_GALAT_INTERNAL


def perintah() -> NoReturn:
    """The `lakip` command (and `python -m lakip_lib.cli`): `main`, then the process ends
    without tearing its interpreter down: after a build that is some 900 modules and their
    objects, 0,13–0,19 s of CPU for memory the system takes back at once anyway. What a normal
    exit does that matters is done first: threads still running are waited for, the exit
    handlers run (multiprocessing's children and temporary folders among them), the output is
    flushed."""
    kode = main()
    for utas in threading.enumerate():
        if utas is not threading.main_thread() and not utas.daemon:
            utas.join()
    atexit._run_exitfuncs()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(kode)


if __name__ == "__main__":
    perintah()
