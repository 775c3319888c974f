"""Content-addressed cache of executed notebooks.

A notebook's key hashes everything its output can depend on: the notebook source, the lakip_lib
code, its parameters, and what each data read it made last time returns now (recorded by
`DataTahun.dibaca` through $LAKIP_JEJAK): a whole file, only the rows of a table that a query
selected, e.g. the realisasi of IKU1 in 2024, one column, or how many rows a table has.
Reads that return the same values take the same path through deterministic code, so an
unchanged key means an unchanged output. Each entry stores the sha256 of the executed
notebook; an entry that fails that check (truncated, edited, unreadable) is a miss.

Entries and notebook traces are files this tool wrote and reads back, so they are input: an
entry must have the exact shape `simpan` writes (hex key and sha, a list of string pairs), and
a recorded read counts only as one the code can make (`bacaan_sah`): a data path inside the data
folder, a row query of a dataset of the year, or a value derived by one of the `@turunan`
functions the build hands down (`book.TURUNAN`: nothing is imported or called by a name read
from a file). Anything else is a miss.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any

from lakip_lib import data, data_tahun, renstra_tahun
from lakip_lib.data_tahun import DataTahun
from lakip_lib.sidik_isi import sha_berkas, sidik, sidik_kode

VERSI = 2  # 2: reads recorded per query (rows), not per file
TIDAK_SAH = "tidak-sah"  # the hash of a read no code makes: it never equals a real one
_HEKS = re.compile(r"[0-9a-f]{64}")
_NAMA_KOLOM = re.compile(r"[a-z_][a-z0-9_]*")
_TURUNAN = re.compile(r"lakip_lib(?:\.[a-z_][a-z0-9_]*)+\.[A-Za-z_][A-Za-z0-9_]*")
BATAS_BACAAN = 10_000  # reads one notebook records (a chapter makes a few hundred)


def sha_data(akar_data: Path, path: str, tahun: int) -> str:
    """Hash of a data file as the edition of `tahun` sees it (`data.isi_edisi`)."""
    if not (akar_data / path).is_file():
        return "tidak-ada"
    return hashlib.sha256(data.isi_edisi(akar_data, path, tahun)).hexdigest()


Turunan = Mapping[str, Callable[..., Any]]  # derived values by name (`book.TURUNAN`)


def kunci_eksekusi(notebook: Path, parameter: dict[str, Any], judul: str | None,
                   dibaca: list[tuple[str, str]], d: DataTahun, turunan: Turunan) -> str:
    """The key of one execution: the notebook, the code, its parameters, and what each of the
    reads it made last time returns now (a whole file's bytes, a file's existence, a table's
    number of rows or one column, the rows a query selects, or a derived value, recomputed by
    its function in `turunan`), plus the data folder's name (sources are labelled with it)."""
    return sidik({
        "versi": VERSI, "notebook": sha_berkas(notebook), "kode": sidik_kode(),
        "parameter": parameter, "judul": judul, "folder_data": d.akar.name,
        "data": [[p, pilih, _sha_bacaan(d, p, pilih, _fungsi_turunan(p, turunan))]
                 for p, pilih in sorted(dibaca)],
    })


def bacaan_sah(isi: object) -> bool:
    """Whether a recorded read, as read back from a file, is one the code can make: a pair of
    strings; a relative data path without `..`, or `turunan:lakip_lib.<module>.<function>`; a
    selector that is empty, `ada`, `jumlah`, `kolom:<column>`, or JSON."""
    if not (isinstance(isi, (list, tuple)) and len(isi) == 2
            and all(isinstance(x, str) and len(x) < 4096 for x in isi)):
        return False
    path, pilih = isi
    if path.startswith(data_tahun.TURUNAN):
        return bool(_TURUNAN.fullmatch(path[len(data_tahun.TURUNAN):])) and _json(pilih, list)
    bagian = PurePosixPath(path)
    if not path or bagian.is_absolute() or ".." in bagian.parts or "\\" in path or "\0" in path:
        return False
    if pilih.startswith(data_tahun.KOLOM):
        return bool(_NAMA_KOLOM.fullmatch(pilih[len(data_tahun.KOLOM):]))
    syarat = pilih.removeprefix(data_tahun.ADA_BARIS)
    return pilih in (data_tahun.SEMUA, data_tahun.ADA, data_tahun.JUMLAH) or _json(syarat, dict)


def _json(teks: str, jenis: type) -> bool:
    try:
        return isinstance(json.loads(teks), jenis)
    except ValueError:
        return False


def _fungsi_turunan(path: str, turunan: Turunan) -> Callable[..., Any] | None:
    """The function of a read of a derived value (`turunan:<name>`), if it is one of those
    handed down; None for any other read or name."""
    if not path.startswith(data_tahun.TURUNAN):
        return None
    return turunan.get(path[len(data_tahun.TURUNAN):])


def _dibaca_di_tempat_lain(d: DataTahun, path: str) -> bool:
    """A dataset the year now reads from another file (a Renstra file the year got its own copy
    of since): what was read there says nothing of what would be read now."""
    ds = renstra_tahun.dataset(path, d.tahun, d.datasets.values())
    return ds is not None and renstra_tahun.path(d.akar, ds, d.tahun) != path


@lru_cache(maxsize=4096)  # the notebooks of one build share most of their reads
def _sha_bacaan(d: DataTahun, path: str, pilih: str, fungsi: Callable[..., Any] | None) -> str:
    if not bacaan_sah((path, pilih)) or _dibaca_di_tempat_lain(d, path):
        return TIDAK_SAH
    if pilih == data_tahun.SEMUA:
        return sha_data(d.akar, path, d.tahun)
    if pilih == data_tahun.ADA:
        return str((d.akar / path).is_file())
    if path.startswith(data_tahun.TURUNAN):
        if fungsi is None:
            return TIDAK_SAH
        try:
            nilai = d.hitung_turunan(fungsi, json.loads(pilih))
        except Exception:  # e.g. of an indicator today's data no longer has, or arguments no
            return TIDAK_SAH  # code passes: a miss (the page re-runs and says what is wrong)
        return hashlib.sha256(repr(nilai).encode()).hexdigest()
    if renstra_tahun.dataset(path, d.tahun, d.datasets.values()) is None:
        return TIDAK_SAH
    if pilih == data_tahun.JUMLAH:
        return str(d.tabel_berkas(path).jumlah_baris())
    if pilih.startswith(data_tahun.KOLOM):
        tabel, kolom = d.tabel_berkas(path), pilih[len(data_tahun.KOLOM):]
        if kolom not in {k.nama for k in tabel.dataset.kolom}:
            return TIDAK_SAH
        return hashlib.sha256(json.dumps(data_tahun.kolom_terpilih(tabel, kolom)).encode()).hexdigest()
    if pilih.startswith(data_tahun.ADA_BARIS):
        return str(bool(data_tahun.baris_terpilih(d.tabel_berkas(path), pilih[len(data_tahun.ADA_BARIS):])))
    baris = data_tahun.baris_terpilih(d.tabel_berkas(path), pilih)
    return hashlib.sha256(json.dumps(baris, sort_keys=True).encode()).hexdigest()


@dataclass(frozen=True)
class Entri:
    kunci: str
    dibaca: list[tuple[str, str]]
    sha: str


class CacheEksekusi:
    """Entries under <folder>/<name>.json + <name>.ipynb, one per executed notebook name."""

    def __init__(self, folder: Path):
        self.folder = folder

    def _meta(self, nama: str) -> Path:
        return self.folder / f"{nama}.json"

    def _nb(self, nama: str) -> Path:
        return self.folder / f"{nama}.ipynb"

    def entri(self, nama: str) -> Entri | None:
        """The entry of a notebook, or None when there is none or it is not of the shape
        `simpan` writes (see the module docstring)."""
        try:
            isi = json.loads(self._meta(nama).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not (isinstance(isi, dict) and set(isi) == {"kunci", "dibaca", "sha"}
                and all(isinstance(isi[k], str) and _HEKS.fullmatch(isi[k]) for k in ("kunci", "sha"))
                and isinstance(isi["dibaca"], list) and len(isi["dibaca"]) <= BATAS_BACAAN
                and all(map(bacaan_sah, isi["dibaca"]))):
            return None
        return Entri(isi["kunci"], [(p, pilih) for p, pilih in isi["dibaca"]], isi["sha"])

    def ambil(self, nama: str, kunci: str) -> Path | None:
        """The cached executed notebook for this key, if present and intact."""
        e = self.entri(nama)
        if e is None or e.kunci != kunci or sha_berkas(self._nb(nama)) != e.sha:
            return None
        return self._nb(nama)

    def simpan(self, nama: str, notebook: Path, kunci: str, dibaca: list[tuple[str, str]]
               ) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        sementara = self._nb(nama).with_suffix(".tmp")
        shutil.copyfile(notebook, sementara)
        sementara.replace(self._nb(nama))
        meta = {"kunci": kunci, "dibaca": sorted(dibaca), "sha": sha_berkas(self._nb(nama))}
        self._meta(nama).write_text(json.dumps(meta, indent=1), encoding="utf-8")


def salin_jika_berbeda(sumber: Path, tujuan: Path) -> bool:
    """Copy only when the content differs, so unchanged files keep their mtime (Sphinx reads
    only sources whose mtime changed). Returns whether a copy happened."""
    if tujuan.is_file() and sha_berkas(tujuan) == sha_berkas(sumber):
        return False
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(sumber, tujuan)
    return True


def tulis_jika_berbeda(path: Path, isi: str) -> bool:
    if path.is_file() and path.read_text(encoding="utf-8") == isi:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(isi, encoding="utf-8")
    return True
