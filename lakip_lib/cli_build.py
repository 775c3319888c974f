"""The commands that build and show the book: `lakip build` (one or several years, shards),
`merge` (shards into one site), `serve` (live preview) and `refresh-notebooks`; what a finished
build prints, with what is still missing per file and workbook sheet.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from lakip_lib import folder_data, kabupaten
from lakip_lib.cli_argumen import (
    KELUAR_DATA_TIDAK_VALID,
    KELUAR_OK,
    KELUAR_PENGGUNAAN,
)
from lakip_lib.format import detik
from lakip_lib.langkah_build import BuildGagal
from lakip_lib.masalah import ValidasiGagal
from lakip_lib.rilis import RilisGagal

FOLDER_PRATINJAU = Path("_build") / "pratinjau"  # `lakip serve`'s own, beside the published site


def perintah_build(args: argparse.Namespace) -> int:
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
        from lakip_lib import data

        data.muat(kosong[0], kabupaten.pilih(akar, args.instansi))
    if args.shard:
        semua = bangun_semua.bagian(semua, *args.shard)
        print(f"Bagian {args.shard[0]}/{args.shard[1]}: {len(semua)} edisi "
              f"({', '.join(p.nama for p in semua) or 'tidak ada'}).")
    opsi = {"dengan_pdf": not args.no_pdf, "wajib_tag": args.require_tag,
            "pekerja": args.workers, "paksa": args.force}
    for selesai in bangun_semua.bangun_semua(akar, args.output or Path("_build"), semua,
                                             paralel=args.jobs, **opsi):
        cetak_hasil(selesai)
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
            cetak_hasil(selesai)
    except (ValidasiGagal, BuildGagal, RilisGagal) as e:
        print(f"Peringatan: edisi itu tidak dapat dibangun, sehingga situs belum memuatnya: {e}",
              file=sys.stderr)


def cetak_hasil(hasil: object) -> None:
    from lakip_lib.bangun_semua import Selesai

    if isinstance(hasil, Selesai) and hasil.situs is not None:
        print(f"Selesai: edisi {hasil.nama} ({hasil.notebook} notebook dijalankan, "
              f"{hasil.halaman} halaman) ada di {hasil.situs}; {detik(hasil.detik)} detik.")
        if hasil.peringatan and hasil.tahun is not None:
            print("\n".join(_kekurangan(hasil.tahun, hasil.peringatan)))
    elif isinstance(hasil, Selesai):
        print(f"Selesai: edisi {hasil.nama} terbit dari komit tag-nya.")


def perintah_merge(args: argparse.Namespace) -> int:
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


def perintah_refresh_notebooks(args: argparse.Namespace) -> int:
    from lakip_lib import eksekusi_notebook

    print(f"Selesai: {len(eksekusi_notebook.segarkan_notebook())} notebook diperbarui.")
    return KELUAR_OK


def perintah_serve(args: argparse.Namespace) -> int:
    from lakip_lib import pratinjau

    akar = (args.data or folder_data.akar_data()).resolve()
    tersedia = folder_data.tahun_tersedia(akar)
    if args.tahun is None and not tersedia:
        print(f"Belum ada data tahun anggaran di {akar}.", file=sys.stderr)
        return KELUAR_DATA_TIDAK_VALID
    args.tahun = args.tahun or tersedia[-1]
    pratinjau.jalankan(args.tahun, akar, args.output or FOLDER_PRATINJAU, args.port)
    return KELUAR_OK
