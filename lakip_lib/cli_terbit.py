"""The commands that publish a final edition: `lakip publish` (commit, tag, push) and `reissue`
(a revision of a published final), each returning its exit code.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from lakip_lib import folder_data, rekaman_yaml, tag_edisi, terbit_ulang
from lakip_lib.cli_argumen import (
    KELUAR_DATA_TIDAK_VALID,
    KELUAR_OK,
)
from lakip_lib.cli_build import cetak_hasil


def perintah_reissue(args: argparse.Namespace) -> int:
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
    hasil = terbit_ulang.terbitkan_ulang(args.tahun, args.reason, tanggal,
                                       args.data or folder_data.akar_data(),
                                       args.output or Path("_build"),
                                       dengan_pdf=not args.no_pdf)
    b = hasil.build
    cetak_hasil(Selesai(str(args.tahun), b.detik, len(b.notebook), b.halaman, b.situs)
                 if b is not None else Selesai(str(args.tahun), 0.0, 0, 0, None))
    print(f"Revisi {hasil.nomor} edisi {args.tahun} ditulis di {hasil.edisi_yaml}; revisi "
          f"sebelumnya tetap terbit di {hasil.folder_lama}/. Setelah diperiksa, terbitkan "
          f"(komit dan tag {hasil.tag}): lakip publish {args.tahun}")
    return KELUAR_OK


def perintah_publish(args: argparse.Namespace) -> int:
    hasil = tag_edisi.terbitkan(args.tahun, args.data or folder_data.akar_data(), args.tag_lama)
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
