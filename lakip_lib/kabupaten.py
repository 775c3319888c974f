"""Several agencies in one repository: which folders of a data folder are agencies, and their
slugs.

A data folder (`--data DIR`, `$LAKIP_DATA`, `./data`) is either
- one agency's data folder, as it always was: it holds `instansi.yaml` itself. Its editions
  publish at `<site>/<tahun>/`, as before (the agency has no slug);
- or a kabupaten: it holds no `instansi.yaml`, and each of its subfolders that holds one is an
  agency (`data/dinas-kesehatan/instansi.yaml`, `data/dinas-pendidikan/…`). Subfolders without
  `instansi.yaml` (notes, a `README`) are not agencies and are left alone; hidden ones too.

An agency's slug is its folder's name, which becomes its part of every URL
(`<site>/<slug>/<tahun>/`): lowercase letters a–z, digits and hyphens, 2–63 characters,
beginning and ending with a letter or digit, not digits only (a folder of digits is a fiscal
year), and not `tabel` (the portal's own folder of CSV files). The slug is checked rather than
derived from the agency's name so that a renamed agency keeps its URLs, and so that no folder
name can reach a path or a page unescaped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

INSTANSI_YAML = "instansi.yaml"
POLA_SLUG = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])")


class KabupatenGagal(Exception):
    """The data folder's agencies cannot be told apart; the message is for the analyst."""


@dataclass(frozen=True, order=True)
class FolderInstansi:
    """One agency's data folder; `slug` is None for a single-agency data folder."""

    slug: str | None
    akar: Path

    def situs(self, situs: Path) -> Path:
        """Where this agency's editions publish under a site root."""
        return situs / self.slug if self.slug else situs


CADANGAN = {"tabel"}  # folders of the portal beside the agencies' (its tables' CSV)


def slug_sah(nama: str) -> bool:
    return bool(POLA_SLUG.fullmatch(nama)) and not nama.isdigit() and nama not in CADANGAN


def adalah_kabupaten(akar: Path) -> bool:
    """The data folder holds one folder per agency rather than one agency's data."""
    return akar.is_dir() and not (akar / INSTANSI_YAML).exists() and any(
        (p / INSTANSI_YAML).is_file() for p in akar.iterdir() if p.is_dir())


def daftar(akar: Path) -> list[FolderInstansi]:
    """Every agency of a data folder, by slug (a single agency: the folder itself, no slug)."""
    if not adalah_kabupaten(akar):
        return [FolderInstansi(None, akar)]
    hasil = []
    for p in sorted(akar.iterdir()):
        if not p.is_dir() or p.name.startswith(".") or not (p / INSTANSI_YAML).is_file():
            continue
        if p.is_symlink():
            raise KabupatenGagal(f"{p}: folder instansi berupa tautan simbolik; salin datanya ke "
                                 "folder ini.")
        if not slug_sah(p.name):
            raise KabupatenGagal(
                f'{p}: nama folder instansi "{p.name}" tidak dapat dipakai di alamat situs. '
                "Gunakan huruf kecil a–z, angka, dan tanda hubung (2–63 karakter, diawali dan "
                "diakhiri huruf atau angka, tidak hanya angka, bukan \"tabel\"), misalnya "
                "dinas-kesehatan.")
        hasil.append(FolderInstansi(p.name, p))
    return hasil


def pilih(akar: Path, slug: str | None) -> Path:
    """The data folder of one agency: `akar` itself for a single agency, else the agency named
    by `slug` (`--instansi`), which a kabupaten requires."""
    semua = daftar(akar)
    if semua[0].slug is None:
        if slug is not None:
            raise KabupatenGagal(f"Folder data {akar} berisi satu instansi saja; opsi --instansi "
                                 "hanya untuk folder yang memuat beberapa instansi.")
        return akar
    nama = ", ".join(str(f.slug) for f in semua)
    if slug is None:
        raise KabupatenGagal(f"Folder data {akar} memuat beberapa instansi ({nama}). Pilih satu "
                             "dengan --instansi NAMA, misalnya --instansi "
                             f"{semua[0].slug}.")
    for f in semua:
        if f.slug == slug:
            return f.akar
    raise KabupatenGagal(f'Instansi "{slug}" tidak ada di {akar}. Instansi yang ada: {nama}.')
