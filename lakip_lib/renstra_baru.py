"""`lakip change-renstra` and `lakip new-renstra`: a Renstra that differs from the earlier
years' one, without touching what those years read (`lakip_lib.renstra_tahun`).

- `change-renstra <tahun>` (a revised Renstra, *Renstra perubahan*: a new indicator or sasaran
  from that year on): the year gets its own copies of the Renstra files as it reads them now;
  the analyst then edits `data/<tahun>/indikator.csv`, …; a later year already in the data is
  named (it still reads the shared files until the edited copies are put there too).
  A final edition is refused: a published record changes only by `lakip reissue`.
- `new-renstra <tahun> --until <akhir>` (the first year of a new Renstra period): the year's
  folder as `lakip new-year` makes it, plus `renstra:` and `rpjmd:` in its edisi.yaml with the
  new period, the previous year's tujuan, sasaran and indicators as the starting point, and an
  empty `renstra_target.csv` for the new period's targets.

`new-renstra` writes the year into a scratch folder and renames it into place; `change-renstra`
renames each copy into place (a re-run completes an interrupted one); neither overwrites a file.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from lakip_lib import data, folder_data, isian_edisi, renstra_tahun, rilis, tahun_baru
from lakip_lib.rekaman import adalah_draf
from lakip_lib.schema import BY_NAME


class RenstraGagal(Exception):
    """The Renstra cannot be changed as asked; the message is for the analyst."""


def ubah(tahun: int, akar: Path | None = None) -> tuple[list[str], list[int]]:
    """`change-renstra`: give `tahun` its own copies of the Renstra files (as it reads them now).
    Returns the files written (relative to the data folder) and the later years of the data that
    still read the shared ones (the analyst's edits reach them only when copied there too)."""
    akar = (akar or folder_data.akar_data()).resolve()
    tahun_data = folder_data.tahun_tersedia(akar)
    if tahun not in tahun_data:
        raise RenstraGagal(f"folder data/{tahun} belum ada. Jalankan dulu: lakip new-year {tahun}.")
    baru = {sendiri: (akar / dipakai).read_text(encoding="utf-8")
            for nama in renstra_tahun.RENSTRA
            if (sendiri := f"{tahun}/{BY_NAME[nama].berkas}")
            != (dipakai := renstra_tahun.path(akar, BY_NAME[nama], tahun))
            and (akar / dipakai).is_file()}
    edisi = rilis.edisi_mentah(akar, tahun)
    if baru and edisi and not adalah_draf(edisi.get("status")):
        raise RenstraGagal(
            f"edisi {tahun} sudah final: Renstra edisi itu tidak diubah (edisi yang terbit hanya "
            "berubah lewat lakip reissue). Perubahan Renstra berlaku mulai tahun berikutnya: "
            f"lakip new-year {tahun + 1}, lalu lakip change-renstra {tahun + 1}.")
    sesudahnya = [t for t in tahun_data
                  if t > tahun and not renstra_tahun.punya_sendiri(akar, t, BY_NAME)]
    return _tulis_semua(akar, baru), sesudahnya


def buat_periode(tahun: int, akhir: int, akar: Path | None = None) -> Path:
    """`new-renstra`: data/<tahun>/ as the first year of the Renstra period tahun–akhir."""
    akar = (akar or folder_data.akar_data()).resolve()
    if (akar / str(tahun)).exists():
        raise RenstraGagal(f"folder data/{tahun} sudah ada; lakip new-renstra tidak menimpa data. "
                           f"Untuk mengubah Renstra tahun itu: lakip change-renstra {tahun}.")
    if not tahun <= akhir <= tahun + 10:
        raise RenstraGagal(f"--until {akhir}: tahun akhir Renstra harus antara {tahun} dan "
                           f"{tahun + 10}, misalnya --until {tahun + 4}.")
    d = data.muat(tahun - 1, akar)
    awal_lama, akhir_lama = d.periode_renstra
    if tahun <= akhir_lama:
        raise RenstraGagal(
            f"tahun {tahun} masih di dalam periode Renstra {awal_lama}–{akhir_lama}. Tahun "
            f"berikutnya dalam Renstra yang sama: lakip new-year {tahun}; indikator atau sasaran "
            f"baru di tengah periode: lakip change-renstra {tahun}.")
    berkas = tahun_baru.isi_scaffold(d, tahun)
    berkas["edisi.yaml"] = _dengan_periode(berkas["edisi.yaml"], d, tahun, akhir)
    for nama in ("tujuan", "sasaran", "indikator", "rasio_definisi"):
        asal = akar / renstra_tahun.path(akar, BY_NAME[nama], d.tahun)
        if asal.is_file():
            berkas[BY_NAME[nama].berkas] = asal.read_text(encoding="utf-8")
    berkas[BY_NAME["renstra_target"].berkas] = data.teks_csv(BY_NAME["renstra_target"], [])
    return _folder_baru(akar, tahun, berkas)


def _dengan_periode(teks: str, d: data.DataTahun, tahun: int, akhir: int) -> str:
    """The scaffold's edisi.yaml naming the new Renstra period (and the RPJMD's, kept as the
    previous year's while the new RPJMD is not entered, with its period)."""
    rpjmd = d.instansi.rpjmd
    nilai: dict[str, object] = {"renstra.periode": [tahun, akhir]}
    if rpjmd.periode and rpjmd.periode[-1] < tahun:
        nilai.update({"rpjmd.periode": [tahun, akhir], "rpjmd.visi": rpjmd.visi,
                      "rpjmd.misi": rpjmd.misi})
    return isian_edisi.ganti(teks, nilai)


def _tulis_semua(akar: Path, berkas: dict[str, str]) -> list[str]:
    """Write new files (path relative to the data folder), each by a rename into place."""
    for path, isi in berkas.items():
        tujuan = akar / path
        if tujuan.exists():
            continue
        sementara = tujuan.with_name(f".{tujuan.name}.baru")
        sementara.write_text(isi, encoding="utf-8")
        sementara.rename(tujuan)
    return sorted(berkas)


def _folder_baru(akar: Path, tahun: int, berkas: dict[str, str]) -> Path:
    sementara = akar / f".{tahun}.baru"
    shutil.rmtree(sementara, ignore_errors=True)
    for path, isi in berkas.items():
        (sementara / path).parent.mkdir(parents=True, exist_ok=True)
        (sementara / path).write_text(isi, encoding="utf-8")
    tujuan = akar / str(tahun)
    sementara.rename(tujuan)
    return tujuan
