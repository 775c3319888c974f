"""An indicator's figures as the year's files record them: its measured realisasi (realisasi.csv)
and its target of the year (target.csv). Read by `kinerja` and by the indicator kinds alike."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from decimal import Decimal

    from lakip_lib.data_tahun import DataTahun


def realisasi_tercatat(data: DataTahun, kode: str, tahun: int) -> Decimal | None:
    """A measured realisasi as realisasi.csv records it."""
    baris = data["realisasi"].satu(indikator=kode, tahun=tahun)
    return baris["realisasi"] if baris else None


def target_tahunan(data: DataTahun, kode: str) -> Decimal | None:
    """The year's target of an indicator (target.csv)."""
    baris = data["target"].satu(indikator=kode)
    return baris["target"] if baris else None
