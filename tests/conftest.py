"""Shared helpers: a writable copy of the shipped data, and in-place cell edits."""

from __future__ import annotations

import csv
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
