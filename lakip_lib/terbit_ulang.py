"""`lakip reissue`: a final edition re-issued on purpose. The revision it supersedes stays
published in its own folder; the new revision (edisi.yaml with the revision appended) is built
from a copy of the data folder, recorded by one rename of edisi.yaml (the commit point), then
published. Named points of the re-issue let a test kill it at an exact step (`TITIK_UJI`).
"""

from __future__ import annotations

import os
import shutil
import signal
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from lakip_lib import build, data, situs_terbit, tukar
from lakip_lib.langkah_build import Lapor
from lakip_lib.penerbitan import RilisGagal, revisi_di, simpan_revisi_lama
from lakip_lib.rilis import (
    Revisi,
    folder_revisi,
    komit_tag,
    label,
    nama_tag,
    repositori,
    tambah_revisi,
)


@dataclass(frozen=True)
class HasilTerbitUlang:
    nomor: int
    tag: str
    edisi_yaml: Path
    folder_lama: str
    build: Any


TITIK_UJI = "LAKIP_UJI_TITIK"  # tests: the point of a re-issue where the process kills itself


def _titik(nama: str) -> None:
    """A named point of the re-issue; a test names one in LAKIP_UJI_TITIK as `<point>:<signal>`
    and the process sends itself that signal there (a kill at an exact step, no timing)."""
    titik, _, sinyal = os.environ.get(TITIK_UJI, "").partition(":")
    if titik == nama:
        os.kill(os.getpid(), getattr(signal, sinyal or "SIGKILL"))


def terbitkan_ulang(tahun: int, alasan: str, tanggal: date, akar_data: Path, folder_build: Path,
                    lapor: Lapor = print, dengan_pdf: bool = True) -> HasilTerbitUlang:
    """Re-issue a final edition on purpose: keep the revision it supersedes published in its own
    folder, build the new revision (its edisi.yaml with the revision appended) from a copy of
    the data folder, then record it — edisi.yaml replaced in one rename, the commit point — and
    publish it. Killed or failing before that rename, nothing of the data folder has changed;
    after it, the revision is recorded and the next build of the year publishes it."""
    if not alasan.strip():
        raise RilisGagal("Alasan revisi wajib diisi, misalnya --reason \"Koreksi realisasi IKU 1\".")
    edisi = data.muat(tahun, akar_data).edisi
    if edisi.draf:
        raise RilisGagal(f"Edisi {tahun} masih draf: cukup jalankan lakip build {tahun}. Hanya "
                         "edisi final yang sudah terbit diterbitkan ulang.")
    n = len(edisi.revisi)
    situs = folder_build / "site"
    repo = repositori(akar_data)
    if repo is not None and komit_tag(repo, nama_tag(tahun, n + 1)):
        raise RilisGagal(f"Tag {nama_tag(tahun, n + 1)} sudah ada, tetapi "
                         f"{tahun}/edisi.yaml belum mencatat revisi {n + 1}. Periksa riwayat git.")
    lama = Revisi(tahun, n, folder_revisi(tahun, n),
                  komit_tag(repo, nama_tag(tahun, n)) if repo else None)
    if not (revisi_di(situs / str(tahun), lama) or revisi_di(situs / lama.folder, lama)
            or lama.komit):
        raise RilisGagal(
            f"Edisi {tahun} ({label(edisi)}) belum pernah terbit: tidak ada di {situs}"
            + ("" if repo is None else f" dan tag {lama.tag} tidak ada") + ". Terbitkan dulu ("
            + (f"lakip publish {tahun}" if repo else f"lakip build {tahun}")
            + ") agar edisi yang digantikan tetap dapat dibaca.")
    simpan_revisi_lama(repo, lama, situs, folder_build, lapor, wajib=True)
    salinan = _salin_data(akar_data, folder_build / "terbit-ulang")
    tambah_revisi(salinan / str(tahun) / "edisi.yaml", tanggal, alasan)
    data.muat(tahun, salinan)
    hasil = build.bangun(tahun, salinan, folder_build, lapor=lapor, dengan_pdf=dengan_pdf,
                         terbit=False)
    _titik("sebelum-dicatat")
    path = akar_data / str(tahun) / "edisi.yaml"
    tukar.tulis_atomik(path, (salinan / str(tahun) / "edisi.yaml").read_text(encoding="utf-8"))
    _titik("setelah-dicatat")
    lapor("Menerbitkan revisi …")
    hasil.situs = situs_terbit.terbitkan(hasil.situs, situs, tahun)
    shutil.rmtree(salinan.parent, ignore_errors=True)
    return HasilTerbitUlang(n + 1, nama_tag(tahun, n + 1), path, lama.folder, hasil)


def _salin_data(akar_data: Path, tempat: Path) -> Path:
    """A copy of the data folder under the same name (the execution cache keys on it), without
    the tool's own dot files (an import journal is finished before any command runs)."""
    shutil.rmtree(tempat, ignore_errors=True)
    tempat.mkdir(parents=True)
    salinan = tempat / akar_data.name
    shutil.copytree(akar_data, salinan, ignore=shutil.ignore_patterns(".*"), symlinks=True)
    return salinan
