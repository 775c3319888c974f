"""The input fingerprint of an edition (`sidik_masukan`): every input read byte for byte, nothing
validated and nothing of the book imported, so that a build with nothing changed stops after
the interpreter, this module's light imports and the hashing (`mutakhir`). The published
edition's stamp (`STEMPEL`) records it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lakip_lib import langkah_build, rilis
from lakip_lib.rilis import STEMPEL
from lakip_lib.sidik_isi import sha_berkas, sidik, sidik_kode


def stempel_terbit(situs: Path, kunci: str = "kunci") -> str | None:
    nilai = rilis.stempel(situs).get(kunci)
    return nilai if isinstance(nilai, str) else None


@dataclass(frozen=True)
class BahanSidik:
    """What both fingerprints of an edition read, gathered once per build: its inputs beside
    the data files (`masukan_lain`) and the names of the data files it may read."""

    akar_data: Path
    lain: dict[str, Any]
    berkas_data: list[str]


def bahan_sidik(tahun: int, akar_data: Path, dengan_pdf: bool, situs_revisi: Path) -> BahanSidik:
    return BahanSidik(akar_data, masukan_lain(tahun, akar_data, dengan_pdf, situs_revisi),
                      berkas_data(tahun, akar_data))


def sidik_masukan(bahan: BahanSidik) -> str:
    """Fingerprint of every input of an edition, read byte for byte without validating or
    importing the book: the data files (other years' folders aside), the notebooks, pages,
    configuration, code and code commit, and the stamps of this year's earlier revisions
    published beside it (the "Riwayat edisi" page reads them; other years' editions are not an
    input, so editions built at once, or in shards, stamp what one at a time would). The same
    fingerprint as the published edition's means nothing can have changed (checked before
    anything else, so an unchanged build is instant)."""
    return sidik({
        **bahan.lain,
        "data": {p: sha_berkas(bahan.akar_data / p) for p in bahan.berkas_data},
        "komit": rilis.komit_kode()})


def berkas_data(tahun: int, akar_data: Path) -> list[str]:
    """The data files an edition may read, relative to the data folder: every file but those of
    other years' folders (images named in data may lie in any folder)."""
    tahun_lain = {p for p in akar_data.glob("[0-9][0-9][0-9][0-9]") if p.name != str(tahun)}
    return [str(p.relative_to(akar_data)) for p in sorted(akar_data.rglob("*"))
            if p.is_file() and not any(p.is_relative_to(t) for t in tahun_lain)]


def masukan_lain(tahun: int, akar_data: Path, dengan_pdf: bool,
                  situs_revisi: Path) -> dict[str, Any]:
    """The inputs of an edition beside its data files and the code's commit."""
    lain = [*langkah_build.NOTEBOOKS.glob("*.ipynb"),
            *(p for p in langkah_build.HALAMAN.rglob("*") if p.is_file()), langkah_build.KONFIGURASI]
    return {
        "tahun": tahun, "folder_data": akar_data.name, "pdf": dengan_pdf,
        "lain": {str(p.relative_to(langkah_build.AKAR_PROYEK)): sha_berkas(p) for p in sorted(lain)},
        "kode": sidik_kode(),
        "revisi": {p.name: sha_berkas(p / STEMPEL)
                   for p in sorted(situs_revisi.glob(f"{tahun}-*")) if p.is_dir()}}


def mutakhir(tahun: int, akar_data: Path, folder_build: Path, dengan_pdf: bool = True,
             folder_situs: Path | None = None) -> bool:
    """The published edition was built from exactly these inputs (its stamp's input
    fingerprint is today's): a build would stop at once. Lets a build of many editions skip the
    unchanged ones before it starts anything."""
    akar_situs = (folder_situs or folder_build / "site").resolve()
    situs_revisi = Path(os.environ.get(rilis.SITUS_REVISI) or akar_situs)
    return stempel_terbit(akar_situs / str(tahun), "masukan") == sidik_masukan(
        bahan_sidik(tahun, akar_data.resolve(), dengan_pdf, situs_revisi))
