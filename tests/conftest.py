"""Shared helpers: a writable copy of the shipped data, and in-place cell edits."""

from __future__ import annotations

import csv
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"


@pytest.fixture
def salinan_data(tmp_path: Path) -> Path:
    """A throwaway copy of data/ that a test may break."""
    tujuan = tmp_path / "data"
    shutil.copytree(DATA, tujuan)
    return tujuan


def ubah_sel(berkas: Path, baris: int, kolom: str, nilai: str) -> None:
    """Set one cell; `baris` counts as a spreadsheet does (header = 1, first data row = 2)."""
    with berkas.open(encoding="utf-8", newline="") as f:
        isi = list(csv.reader(f))
    isi[baris - 1][isi[0].index(kolom)] = nilai
    with berkas.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(isi)


def sel(berkas: Path, baris: int, kolom: str) -> str:
    with berkas.open(encoding="utf-8", newline="") as f:
        isi = list(csv.reader(f))
    return isi[baris - 1][isi[0].index(kolom)]


STEMPEL_TANGGAL = re.compile(rb"Halaman ini dibangun pada [^<]*")  # the declared build date


def isi_edisi(situs: Path) -> dict[str, bytes]:
    """Every published file of an edition, the declared build date blanked out."""
    return {str(p.relative_to(situs)): STEMPEL_TANGGAL.sub(b"", p.read_bytes())
            for p in sorted(situs.rglob("*")) if p.is_file()}


def beda(satu: dict[str, bytes], dua: dict[str, bytes]) -> list[str]:
    """The files that differ between two editions (or exist in one only)."""
    return sorted(k for k in satu.keys() | dua.keys() if satu.get(k) != dua.get(k))


@pytest.fixture
def ubah() -> Callable[[Path, int, str, str], None]:
    return ubah_sel


@pytest.fixture(scope="session")
def situs_2024(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 2024 edition built once per test session into a temporary build folder."""
    from lakip_lib import build

    folder = tmp_path_factory.mktemp("build")
    hasil = build.bangun(2024, DATA, folder, lapor=lambda _: None)
    return hasil.situs
