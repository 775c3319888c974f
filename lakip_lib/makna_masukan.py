"""What an input file means to one edition, for comparing the data of a published final with
the data now (`penerbitan.berkas_berubah`).

A YAML file is compared by what it says, not by its bytes: comments, quoting and key order are
no change, and what a year may name itself (its head of agency `kepala`, its coat of arms and
logo, its Renstra and RPJMD periods) is compared as the year resolves it: its edisi.yaml's, else
instansi.yaml's. So a head recorded in the year's own edisi.yaml (by the workbook's edisi sheet,
or moved there by hand) that is the head instansi.yaml already gave that year changes nothing in
the edition, and neither does a new head (or logo) in instansi.yaml for years that name their
own. Other files are compared as the edition sees them (`data.isi_edisi`: a multi-year record
without later years' rows).
"""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path
from typing import Any

import yaml

from lakip_lib import berkas_aman, data, rekaman_yaml, renstra_tahun
from lakip_lib.gambar import GAMBAR_SAMPUL
from lakip_lib.schema import DATASETS
from lakip_lib.yaml_aman import baca_yaml

INSTANSI = "instansi.yaml"
MILIK_TAHUN = ("kepala", "lambang", "logo", *renstra_tahun.KUNCI_PERIODE)  # instansi.yaml keys a
# year's edisi.yaml may replace


def sama(lama: Path, baru: Path, path: str, tahun: int) -> bool:
    """Whether `path` (relative to the data folder) means the same to the edition of `tahun` in
    the data folders `lama` and `baru`."""
    return makna(lama, path, tahun) == makna(baru, path, tahun)


def makna(akar: Path, path: str, tahun: int) -> Any:
    """The content of a data file that the edition of `tahun` depends on: a YAML file parsed
    (the edition's head of agency resolved), any other file, or a YAML file that does not
    parse, as the bytes the edition sees; a file beside the year folders that is neither data
    nor an image the edition names (another year's coat of arms), as nothing."""
    if not path.endswith(".yaml"):
        if "/" not in path and renstra_tahun.dataset(path, tahun, DATASETS) is None \
                and path not in _gambar_edisi(akar, tahun):
            return b""
        return data.isi_edisi(akar, path, tahun)
    isi = _yaml(akar, path)
    if not isinstance(isi, dict):
        return data.isi_edisi(akar, path, tahun)
    if path == INSTANSI:  # what a year may name itself is compared in the year's edisi.yaml
        return {k: v for k, v in isi.items() if k not in MILIK_TAHUN}
    if path == f"{tahun}/edisi.yaml":
        instansi = _yaml(akar, INSTANSI)
        if isinstance(instansi, dict):
            return {**{k: instansi[k] for k in MILIK_TAHUN if k in instansi}, **isi}
    return isi


def _gambar_edisi(akar: Path, tahun: int) -> set[str]:
    """The cover images the edition of `tahun` names: its edisi.yaml's, else instansi.yaml's."""
    instansi, edisi = _yaml(akar, INSTANSI), _yaml(akar, f"{tahun}/edisi.yaml")
    hasil = set()
    for kunci in GAMBAR_SAMPUL:
        for isi in (edisi, instansi):
            if isinstance(isi, dict) and kunci in isi:
                hasil.add(str(isi[kunci]))
                break
    return hasil


def sidik(akar: Path, path: str, tahun: int) -> str:
    """A digest of what `path` means to the edition of `tahun` (`makna`), for a stamp to record:
    a parsed YAML file by its canonical JSON, other content by its bytes. A file the loader
    would refuse (not UTF-8, broken CSV, YAML keys JSON cannot hold) by its plain bytes: then
    only the same bytes are the same input."""
    try:
        isi = makna(akar, path, tahun)
        if not isinstance(isi, bytes):
            teks = json.dumps(isi, sort_keys=True, default=str, ensure_ascii=False)
            return "yaml:" + hashlib.sha256(teks.encode("utf-8")).hexdigest()
    except (ValueError, TypeError, csv.Error):
        isi = (akar / path).read_bytes()
    return "bait:" + hashlib.sha256(isi).hexdigest()


def _yaml(akar: Path, path: str) -> Any:
    """A data folder's YAML file parsed as the loader parses it; None when absent or unreadable."""
    try:
        teks = berkas_aman.baca(akar / path, akar, berkas_aman.UKURAN_MAKS).decode("utf-8")
        return baca_yaml(teks, rekaman_yaml.YAML_BANYAK_BARIS)
    except (OSError, ValueError, yaml.YAMLError, berkas_aman.BerkasDitolak):
        return None
