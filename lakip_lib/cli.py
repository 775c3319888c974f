"""The `lakip` command: every message in Bahasa Indonesia, no traceback unless --debug.

Commands and flags follow the CLI's part of the naming rule (README, "Names"): general
programming words are English (`build`, `reissue`, `--output`, `--workers`, `--no-pdf`,
`--overwrite`, `--require-tag`, `--reason`, `--date`, `--from`, `--all`, `--force`), an argument
naming a domain concept keeps its Indonesian name (`--instansi`, `tahun`); every help text and
message is Indonesian. (Names inside the code are Indonesian, general words too.)
"""

from __future__ import annotations

import argparse
import re
import sys
import traceback
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

from lakip_lib import audit, data, folder_data, jurnal, kabupaten, karakter, penerbitan, rekaman_yaml
from lakip_lib.format import angka
from lakip_lib.jurnal import TulisGagal, pesan_galat_tulis
from lakip_lib.kabupaten import KabupatenGagal
from lakip_lib.langkah_build import BuildGagal
from lakip_lib.masalah import ImporGagal, ValidasiGagal, laporan
from lakip_lib.penerbitan import RilisGagal
from lakip_lib.tahun_baru import TahunBaruGagal

KELUAR_OK = 0
KELUAR_DATA_TIDAK_VALID = 1
KELUAR_PENGGUNAAN = 2
KELUAR_GALAT_INTERNAL = 3

FOLDER_PRATINJAU = Path("_build") / "pratinjau"  # `lakip serve`'s own, beside the published site


_GALAT_ARGPARSE = (  # argparse's own English messages (Python 3.11) → Indonesian
    (r"the following arguments are required: (.*)", r"argumen berikut wajib diisi: \1"),
    (r"argument (\S+): invalid choice: (.*) \(choose from (.*)\)",
     r"argumen \1: pilihan \2 tidak dikenal (pilihan yang sah: \3)"),
    (r"argument (\S+): invalid int value: (.*)", r"argumen \1: \2 bukan bilangan bulat"),
    (r"argument (\S+): invalid (\S+) value: (.*)", r"argumen \1: nilai \3 tidak sah"),
    (r"argument (\S+): expected one argument", r"argumen \1 membutuhkan satu nilai"),
    (r"argument (\S+): expected (.*)", r"argumen \1 membutuhkan nilai"),
    (r"argument (\S+): ignored explicit argument (.*)", r"argumen \1 tidak menerima nilai \2"),
    (r"argument (\S+): not allowed with argument (.*)",
     r"argumen \1 tidak boleh dipakai bersama \2"),
    (r"unrecognized arguments: (.*)", r"argumen tidak dikenal: \1"),
    (r"ambiguous option: (\S+) could match (.*)", r"opsi \1 tidak jelas; bisa berarti \2"),
    (r"one of the arguments (.*) is required", r"salah satu argumen ini wajib diisi: \1"),
)


def terjemahkan_galat(pesan: str) -> str:
    """argparse's usage error in Indonesian (unknown messages pass unchanged)."""
    for pola, ganti in _GALAT_ARGPARSE:
        if re.fullmatch(pola, pesan, flags=re.DOTALL):
            return re.sub(pola, ganti, pesan, flags=re.DOTALL)
    return pesan


class _Format(argparse.HelpFormatter):
    """Help text with an Indonesian usage line."""

    def add_usage(self, usage: str | None, actions: Iterable[argparse.Action],
                  groups: Iterable[argparse._MutuallyExclusiveGroup], prefix: str | None = None
                  ) -> None:
        super().add_usage(usage, actions, groups, "penggunaan: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """argparse speaking Indonesian: help, section titles and usage errors."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Format)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumen"
        self._optionals.title = "opsi"
        self.add_argument("-h", "--help", action="help",
                          help="tampilkan bantuan ini lalu keluar")

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        print(f"lakip: galat: {terjemahkan_galat(message)}", file=sys.stderr)
        sys.exit(KELUAR_PENGGUNAAN)


def _tanggal(teks: str) -> date:
    try:
        return date.fromisoformat(teks)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f'"{teks}" bukan tanggal TTTT-BB-HH, misalnya 2026-03-16') from None


def _bagian(teks: str) -> tuple[int, int]:
    cocok = re.fullmatch(r"(\d{1,4})/(\d{1,4})", teks)
    if not cocok or not 1 <= int(cocok[1]) <= int(cocok[2]):
        raise argparse.ArgumentTypeError(
            f'"{teks}" bukan bagian K/N (1 ≤ K ≤ N), misalnya 2/3')
    return int(cocok[1]), int(cocok[2])


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="lakip", description="Buku LAKIP yang dapat direproduksi dari data/.")
    p.add_argument("--data", type=Path, default=None,
                   help="folder data (bawaan: $LAKIP_DATA atau ./data)")
    p.add_argument("--instansi", default=None, metavar="NAMA",
                   help="instansi yang dipakai bila folder data memuat beberapa instansi (nama "
                        "foldernya, misalnya dinas-kesehatan)")
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

    b = sub.add_parser("build", help="bangun buku (HTML dan PDF) satu atau beberapa tahun")
    b.add_argument("tahun", type=int, nargs="*", help="tahun anggaran, misalnya 2024 2025")
    b.add_argument("--all", action="store_true", dest="semua",
                   help="bangun semua tahun (dan semua instansi) yang ada di folder data")
    b.add_argument("--shard", type=_bagian, default=None, metavar="K/N",
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
    b.set_defaults(jalankan=_build)

    u = sub.add_parser("reissue",
                       help="terbitkan revisi (ralat) edisi final dengan kode dan data sekarang")
    u.add_argument("tahun", type=int, help="tahun anggaran edisi final, misalnya 2024")
    u.add_argument("--reason", required=True, help="alasan revisi, tampil di halaman Riwayat edisi")
    u.add_argument("--date", type=_tanggal, default=None,
                   help="tanggal revisi TTTT-BB-HH (bawaan: tanggal hari ini)")
    u.add_argument("--output", type=Path, default=None, help="folder build (bawaan: ./_build)")
    u.add_argument("--no-pdf", action="store_true", help="lewati edisi PDF revisi ini")
    u.set_defaults(jalankan=_terbitkan_ulang)

    pb = sub.add_parser("publish", help="terbitkan edisi final: komit datanya, beri tag "
                                        "lakip-<tahun>-final (atau -r<N>), dorong ke remote")
    pb.add_argument("tahun", type=int, help="tahun anggaran edisi final, misalnya 2025")
    pb.add_argument("--tag-old", action="store_true", dest="tag_lama",
                    help="beri tag juga pada edisi final lama yang belum bertag (pada komit "
                         "terakhir yang mengubah datanya)")
    pb.set_defaults(jalankan=_publish)

    n = sub.add_parser("new-year", help="siapkan folder data tahun anggaran baru dari tahun lalu")
    n.add_argument("tahun", type=int, help="tahun anggaran baru, misalnya 2025")
    n.add_argument("--from", type=int, default=None, dest="tahun_sumber",
                   help="tahun sumber (bawaan: tahun sebelumnya)")
    n.set_defaults(jalankan=_tahun_baru)

    t = sub.add_parser("template", help="tulis buku kerja Excel untuk mengisi data satu tahun")
    t.add_argument("tahun", type=int, help="tahun anggaran, misalnya 2025")
    t.add_argument("--output", type=Path, default=None,
                   help="nama berkas .xlsx (bawaan: lakip-isian-<tahun>.xlsx)")
    t.add_argument("--overwrite", action="store_true",
                   help="timpa berkas yang sudah ada (isian di dalamnya hilang)")
    t.set_defaults(jalankan=_template)

    i = sub.add_parser("import", help="periksa buku kerja Excel dan tulis isinya ke data/<tahun>")
    i.add_argument("tahun", type=int, help="tahun anggaran, misalnya 2025")
    i.add_argument("berkas", type=Path, help="buku kerja .xlsx hasil lakip template")
    i.set_defaults(jalankan=_impor)

    m = sub.add_parser("merge", help="gabungkan hasil lakip build --shard dari beberapa mesin "
                                     "menjadi satu situs (dengan portalnya)")
    m.add_argument("bagian", type=Path, nargs="+", metavar="FOLDER",
                   help="folder build setiap bagian (berisi site/)")
    m.add_argument("--output", type=Path, required=True, help="folder build gabungan")
    m.set_defaults(jalankan=_merge, tahun=None)

    r = sub.add_parser("refresh-notebooks",
                       help="jalankan ulang notebooks/*.ipynb dan simpan keluarannya (untuk nbval)")
    r.set_defaults(jalankan=_refresh, tahun=None)

    s = sub.add_parser("serve", help="pratinjau langsung: bangun ulang HTML setiap ada perubahan "
                                     "dan muat ulang halaman yang terbuka")
    s.add_argument("tahun", type=int, nargs="?", default=None,
                   help="tahun anggaran (bawaan: tahun terakhir di folder data)")
    s.add_argument("--output", type=Path, default=None,
                   help="folder build pratinjau (bawaan: ./_build/pratinjau; situs yang "
                        "diterbitkan lakip build tidak pernah disentuh)")
    s.add_argument("--port", type=int, default=8000, help="port di 127.0.0.1 (bawaan: 8000)")
    s.set_defaults(jalankan=_serve)
    return p


def _validate(args: argparse.Namespace) -> int:
    hasil = data.muat(args.tahun, args.data)
    print(laporan(hasil.peringatan))
    return KELUAR_OK


def _audit(args: argparse.Namespace) -> int:
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


def _build(args: argparse.Namespace) -> int:
    from lakip_lib import bangun_semua

    if not args.semua and not args.tahun:
        print("Sebutkan tahun yang akan dibangun (misalnya: lakip build 2024) atau --all.",
              file=sys.stderr)
        return KELUAR_PENGGUNAAN
    akar = args.data or folder_data.akar_data()
    semua = [p for p in bangun_semua.rencana(akar, () if args.semua else args.tahun)
             if args.instansi in (None, p.instansi.slug)]
    kosong = sorted(set(args.tahun) - {p.tahun for p in semua})
    if kosong and kabupaten.adalah_kabupaten(akar) and args.instansi is None:
        if not semua:
            print(f"Tidak ada instansi di {akar} dengan data tahun "
                  f"{', '.join(map(str, kosong))}.", file=sys.stderr)
            return KELUAR_DATA_TIDAK_VALID
    elif kosong:  # names the missing year and the years there are
        data.muat(kosong[0], kabupaten.pilih(akar, args.instansi))
    if args.shard:
        semua = bangun_semua.bagian(semua, *args.shard)
        print(f"Bagian {args.shard[0]}/{args.shard[1]}: {len(semua)} edisi "
              f"({', '.join(p.nama for p in semua) or 'tidak ada'}).")
    opsi = {"dengan_pdf": not args.no_pdf, "wajib_tag": args.require_tag,
            "pekerja": args.workers, "paksa": args.force}
    for selesai in bangun_semua.bangun_semua(akar, args.output or Path("_build"), semua,
                                             paralel=args.jobs, **opsi):
        _cetak_hasil(selesai)
    if not args.shard and not kabupaten.adalah_kabupaten(akar):
        _bangun_yang_belum_terbit(akar, args.output or Path("_build"), semua, args.jobs, opsi)
    folder = args.output or Path("_build")
    serve = "lakip serve" + (f" --output {args.output}" if args.output else "")
    print(f"Buka {folder / 'site' / 'index.html'} atau jalankan: {serve}")
    return KELUAR_OK


def _bangun_yang_belum_terbit(akar: Path, keluaran: Path, dibangun: Sequence[Any],
                              paralel: int | None, opsi: dict[str, Any]) -> None:
    """Build the editions of the data that are not in the site yet, so that the site holds every
    edition (home page and switcher), from a fresh clone too. Why build them rather than list
    them: a listed edition without pages is a dead link; a year already in the site is reused as
    it is, so this costs one build per such year, once per build folder."""
    from lakip_lib import bangun_semua

    nama = {p.nama for p in dibangun}
    tambahan = [p for p in bangun_semua.rencana(akar, ()) if p.nama not in nama
                and not (p.instansi.situs(keluaran / "site") / str(p.tahun)).is_dir()]
    if not tambahan:
        return
    print(f"Edisi {', '.join(p.nama for p in tambahan)} ada di data tetapi belum ada di situs: "
          "dibangun juga, agar halaman utama dan pemilih edisi memuat setiap edisi.")
    try:
        for selesai in bangun_semua.bangun_semua(akar, keluaran, tambahan, paralel=paralel,
                                                 **opsi):
            _cetak_hasil(selesai)
    except (ValidasiGagal, BuildGagal, RilisGagal) as e:
        print(f"Peringatan: edisi itu tidak dapat dibangun, sehingga situs belum memuatnya: {e}",
              file=sys.stderr)


def _cetak_hasil(hasil: object) -> None:
    from lakip_lib.bangun_semua import Selesai

    if isinstance(hasil, Selesai) and hasil.situs is not None:
        print(f"Selesai: edisi {hasil.nama} ({hasil.notebook} notebook dijalankan, "
              f"{hasil.halaman} halaman) ada di {hasil.situs}; {angka(hasil.detik, 1)} detik.")
        if hasil.peringatan and hasil.tahun is not None:
            print("\n".join(_kekurangan(hasil.tahun, hasil.peringatan)))
    elif isinstance(hasil, Selesai):
        print(f"Selesai: edisi {hasil.nama} terbit dari komit tag-nya.")


def _merge(args: argparse.Namespace) -> int:
    from lakip_lib import bangun_semua

    situs = bangun_semua.gabung(args.bagian, args.output)
    print(f"Selesai: {len(args.bagian)} bagian digabung di {situs}. Buka "
          f"{situs / 'index.html'}.")
    return KELUAR_OK


def _kekurangan(tahun: int, peringatan: list[Any]) -> list[str]:
    """What is still missing or to check, by file, each file with the workbook sheet that
    fills it (a narrative is written in its file)."""
    from lakip_lib.buku_kerja import EDISI, LEMBAR

    lembar = {lb.ds.path(tahun): lb.dataset for lb in LEMBAR} | {f"{tahun}/edisi.yaml": EDISI}
    per_berkas: dict[str, list[Any]] = {}
    for m in peringatan:
        per_berkas.setdefault(m.berkas, []).append(m)
    baris = [f"Yang masih kurang atau perlu diperiksa pada edisi {tahun} ({len(peringatan)} "
             "peringatan), per berkas dan lembar buku kerja:"]
    for berkas, daftar in per_berkas.items():
        nama = next((lb for p, lb in lembar.items() if berkas.endswith(p)), None)
        tempat = (f'lembar "{nama}" buku kerja' if nama else
                  "uraian: tulis di berkasnya" if berkas.endswith(".md") else "berkas data")
        baris.append(f"  {berkas} ({tempat}):")
        baris += [f"    - {str(m).removeprefix(berkas).lstrip(', :')}" for m in daftar]
    return baris


def _terbitkan_ulang(args: argparse.Namespace) -> int:
    from lakip_lib.bangun_semua import Selesai

    if args.instansi is not None:
        print("lakip reissue belum dapat dipakai untuk folder data yang memuat beberapa instansi: "
              "revisi edisi final dicatat dengan tag rilis per tahun (lakip-<tahun>-r<N>), yang "
              "belum membedakan instansi. Tidak ada yang diubah.", file=sys.stderr)
        return KELUAR_DATA_TIDAK_VALID
    tanggal = args.date or date.today()
    awal, akhir = rekaman_yaml.rentang_tanggal(args.tahun)
    if not awal <= tanggal <= akhir:  # refused before edisi.yaml is touched
        print(f"Tanggal revisi {tanggal.isoformat()} berada di luar rentang edisi tahun "
              f"{args.tahun} ({awal.isoformat()} sampai {akhir.isoformat()}); periksa --date. "
              "Tidak ada yang diubah.", file=sys.stderr)
        return KELUAR_DATA_TIDAK_VALID
    hasil = penerbitan.terbitkan_ulang(args.tahun, args.reason, tanggal,
                                       args.data or folder_data.akar_data(),
                                       args.output or Path("_build"),
                                       dengan_pdf=not args.no_pdf)
    b = hasil.build
    _cetak_hasil(Selesai(str(args.tahun), b.detik, len(b.notebook), b.halaman, b.situs)
                 if b is not None else Selesai(str(args.tahun), 0.0, 0, 0, None))
    print(f"Revisi {hasil.nomor} edisi {args.tahun} ditulis di {hasil.edisi_yaml}; revisi "
          f"sebelumnya tetap terbit di {hasil.folder_lama}/. Setelah diperiksa, terbitkan "
          f"(komit dan tag {hasil.tag}): lakip publish {args.tahun}")
    return KELUAR_OK


def _publish(args: argparse.Namespace) -> int:
    hasil = penerbitan.terbitkan(args.tahun, args.data or folder_data.akar_data(), args.tag_lama)
    if hasil.berkas:
        print(f"Dikomit ({hasil.komit[:10]}), hanya berkas edisi {args.tahun}:")
        for b in hasil.berkas:
            print(f"  - {b}")
    else:
        print(f"Data edisi {args.tahun} sudah dikomit; tag diberikan pada {hasil.komit[:10]}.")
    if hasil.tidak_ikut:
        print("Perubahan lain tidak ikut dalam komit ini (bukan bagian edisi; tetap seperti "
              "semula):")
        for b in hasil.tidak_ikut:
            print(f"  - {b}")
    tag = [hasil.tag, *(t.tag for t in hasil.tag_lama)]
    print(f"Tag {', '.join(tag)} dibuat.")
    if hasil.didorong:
        print(f"Komit dan tag didorong ke {hasil.didorong}: alur kerja penerbitan "
              f"(.github/workflows/publish.yml) kini membangun dan menerbitkan situsnya.")
    else:
        print("Repositori ini belum punya remote: tidak ada yang didorong. Setelah remote "
              f"ditambahkan: git push origin HEAD {' '.join(tag)}")
    return KELUAR_OK


def _tahun_baru(args: argparse.Namespace) -> int:
    from lakip_lib import tahun_baru

    folder = tahun_baru.buat(args.tahun, args.data, args.tahun_sumber)
    print(f"Folder {folder} dibuat (edisi draf). Yang masih harus diisi:")
    for baris in tahun_baru.ringkasan(args.tahun, folder.parent):
        print(f"  - {baris}")
    print(f"Berikutnya: lakip template {args.tahun} (buku kerja Excel untuk mengisinya), lalu "
          f"lakip import {args.tahun} lakip-isian-{args.tahun}.xlsx, lalu lakip build {args.tahun}")
    return KELUAR_OK


def _template(args: argparse.Namespace) -> int:
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


def _impor(args: argparse.Namespace) -> int:
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
    print(penerbitan.langkah_berikut(args.tahun, args.data or folder_data.akar_data(),
                                     Path("_build")))
    return KELUAR_OK


def _refresh(args: argparse.Namespace) -> int:
    from lakip_lib import eksekusi_notebook

    print(f"Selesai: {len(eksekusi_notebook.segarkan_notebook())} notebook diperbarui.")
    return KELUAR_OK


def _serve(args: argparse.Namespace) -> int:
    from lakip_lib import pratinjau

    akar = (args.data or folder_data.akar_data()).resolve()
    tersedia = folder_data.tahun_tersedia(akar)
    if args.tahun is None and not tersedia:
        print(f"Belum ada data tahun anggaran di {akar}.", file=sys.stderr)
        return KELUAR_DATA_TIDAK_VALID
    args.tahun = args.tahun or tersedia[-1]
    pratinjau.jalankan(args.tahun, akar, args.output or FOLDER_PRATINJAU, args.port)
    return KELUAR_OK


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
    except TahunBaruGagal as e:
        print(f"Tahun baru tidak dibuat: {e}", file=sys.stderr)
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


if __name__ == "__main__":
    sys.exit(main())
