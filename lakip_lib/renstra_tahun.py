"""Which Renstra a year belongs to: the shared files, or the year's own copies.

The Renstra structure (tujuan, sasaran, indicator definitions, yearly Renstra targets, ratio
definitions) and the Renstra and RPJMD periods are shared by every year in `data/` and in
`instansi.yaml`. A year whose Renstra differs from its predecessors' (a revised Renstra with a
new indicator or sasaran from that year on, or the first year of a new Renstra period) holds its
own copies: `data/<tahun>/indikator.csv`, … read instead of the shared ones, and `renstra:` /
`rpjmd:` in its `edisi.yaml` instead of `instansi.yaml`'s (as `kepala:`, `lambang:` and `logo:`).
`lakip new-year` carries them on to the next year (`teks_milik_tahun`), so the copies start a
Renstra that lasts. Earlier years read exactly
the files they read before, byte for byte: a published edition cannot change by it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from lakip_lib.dataset import Dataset
from lakip_lib.rekaman import Edisi
from lakip_lib.tabel import Tabel

RENSTRA = ("tujuan", "sasaran", "indikator", "renstra_target", "rasio_definisi")
KUNCI_PERIODE = ("renstra", "rpjmd")  # keys of edisi.yaml that replace instansi.yaml's


def berkas_sendiri(ds: Dataset, tahun: int) -> str | None:
    """Where a year's own copy of a Renstra file lies (`2027/indikator.csv`); None for a dataset
    that has no per-year copy."""
    return f"{tahun}/{ds.berkas}" if ds.nama in RENSTRA else None


def path(akar: Path, ds: Dataset, tahun: int) -> str:
    """The file of `ds` that the edition of `tahun` reads, relative to the data folder: the
    year's own copy of a Renstra file when its folder has one, else the declared one."""
    sendiri = berkas_sendiri(ds, tahun)
    if sendiri is not None and (akar / sendiri).is_file():
        return sendiri
    return ds.path(tahun)


def dataset(path_data: str, tahun: int, datasets: Iterable[Dataset]) -> Dataset | None:
    """The dataset among `datasets` (schema.DATASETS) a data file is (declared path, or a year's
    own Renstra copy); None for any other file."""
    return next((ds for ds in datasets
                 if path_data in (ds.path(tahun), berkas_sendiri(ds, tahun))), None)


def punya_sendiri(akar: Path, tahun: int, datasets: Mapping[str, Dataset]) -> list[str]:
    """The Renstra files the year holds its own copy of (`datasets`: schema.BY_NAME)."""
    return [s for nama in RENSTRA
            if (s := berkas_sendiri(datasets[nama], tahun)) and (akar / s).is_file()]


def instansi_tahun(instansi: dict[str, Any], edisi: dict[str, Any]) -> dict[str, Any]:
    """instansi.yaml as the year sees it: its Renstra and RPJMD periods replaced by those its
    edisi.yaml names (a year of a new Renstra period)."""
    sendiri = {k: edisi[k] for k in KUNCI_PERIODE if isinstance(edisi.get(k), dict)}
    return {**instansi, **sendiri} if instansi and sendiri else instansi


def tanpa_renstra_lalu(tabel: dict[str, Tabel[Any]],
                       periode: tuple[int, int] | None) -> dict[str, Tabel[Any]]:
    """The year's tables without the rows of multi-year records that belong to an earlier
    Renstra: a year before the Renstra period starts, of an indicator this Renstra does not
    have (a new period that dropped it). Its indicators kept under the same code keep their
    earlier years (the trend), and an unknown indicator within the period is still refused."""
    if periode is None or "indikator" not in tabel:
        return tabel
    dikenal = {str(k) for k in tabel["indikator"].kolom("kode")}
    hasil = dict(tabel)
    for nama, t in tabel.items():
        if not t.dataset.riwayat or "indikator" not in {k.nama for k in t.dataset.kolom}:
            continue
        tetap = [(b, n) for b, n in zip(t.baris, t.nomor, strict=True)
                 if str(b["indikator"]) in dikenal or b.get("tahun") is None
                 or int(b["tahun"]) >= periode[0]]
        if len(tetap) < len(t.baris):
            hasil[nama] = Tabel(t.dataset, t.berkas, [b for b, _ in tetap], [n for _, n in tetap])
    return hasil


def salinan_sendiri(akar: Path, dari: int, datasets: Mapping[str, Dataset]) -> dict[str, str]:
    """The Renstra files year `dari` holds its own copy of, keyed by their name in a year folder
    (what `lakip new-year` carries on to the next year; `datasets`: schema.BY_NAME)."""
    return {datasets[nama].berkas: (akar / s).read_text(encoding="utf-8") for nama in RENSTRA
            if (s := berkas_sendiri(datasets[nama], dari)) and (akar / s).is_file()}


def teks_milik_tahun(edisi: Edisi) -> str:
    """The lines of an edisi.yaml naming what the year took over from instansi.yaml (its own
    Renstra and RPJMD periods, coat of arms, logo): carried on by `lakip new-year`; nothing for
    a year that names none."""
    teks = ""
    if edisi.renstra is not None and edisi.renstra.periode:
        teks += ("# Renstra tahun ini (bukan yang di instansi.yaml): lihat data/<tahun>/"
                 "sasaran.csv, indikator.csv, renstra_target.csv.\n"
                 f"renstra:\n  periode: [{', '.join(map(str, edisi.renstra.periode))}]\n")
    rpjmd = edisi.rpjmd
    if rpjmd is not None and rpjmd.periode:
        teks += f"rpjmd:\n  periode: [{', '.join(map(str, rpjmd.periode))}]\n" + "".join(
            f"  {k}: {json.dumps(v, ensure_ascii=False)}\n"
            for k in ("visi", "misi") if (v := getattr(rpjmd, k)) is not None)
    for kunci in ("lambang", "logo"):
        if (nilai := getattr(edisi, kunci)) is not None:
            teks += f"{kunci}: {json.dumps(nilai, ensure_ascii=False)}\n"
    return teks
