"""The book's results as data: the rows of the data package's `hasil/` files (declared in
`schema.HASIL`), computed by `kinerja` exactly as the book computes them and rounded as the
book prints them (capaian and percentages to two decimals, an indicator's figures to its own
decimals), so that a figure in a file and on a page are one value."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from functools import partial
from typing import Any

from lakip_lib import kinerja, perhitungan
from lakip_lib.data_tahun import DataTahun
from lakip_lib.dataset import Dataset
from lakip_lib.format import bulatkan
from lakip_lib.schema import HASIL, LEVEL
from lakip_lib.tercatat import target_tahunan

Baris = dict[str, Any]


def _bulat(nilai: Decimal | None, desimal: int = 2) -> Decimal | None:
    return None if nilai is None else bulatkan(nilai, desimal)


def capaian_indikator(d: DataTahun) -> list[Baris]:
    """Every indicator in every Renstra year up to the edition's, where it has a target or a
    realisasi: the edition's year against the year's target, earlier years against Renstra."""
    skala = kinerja.skala(d)
    dasar = {b["indikator"]: b["dasar"] for b in d["target"].baris}
    awal, _ = d.periode_renstra
    hasil: list[Baris] = []
    for ind in d["indikator"].baris:
        kode, arah = ind["kode"], kinerja.arah(d, ind["kode"])
        for tahun in range(awal, d.tahun + 1):
            if tahun == d.tahun:
                target, dasar_ = target_tahunan(d, kode), dasar.get(kode)
            else:
                target, dasar_ = kinerja.target_renstra(d, kode, tahun), "renstra"
            nyata = kinerja.realisasi(d, kode, tahun)
            if target is None and nyata is None:
                continue
            capaian = perhitungan.capaian(target, nyata, arah, kinerja.penilaian(d, kode))
            hasil.append({
                "indikator": kode, "nama": ind["nama"], "jenis": ind["jenis"], "tahun": tahun,
                "dasar_target": dasar_ if target is not None else None,
                "satuan": ind["satuan"], "arah": arah.value,
                "target": _bulat(target, ind["desimal"]),
                "realisasi": _bulat(nyata, ind["desimal"]),
                "capaian": _bulat(capaian),
                "kategori": perhitungan.kategori(_bulat(capaian), skala)})
    return hasil


def anggaran(d: DataTahun, tingkat: str) -> list[Baris]:
    """The budget lines of one level, their totals summed from the sub kegiatan lines."""
    return [{"tingkat": b.level, "kode": b.kode, "nama": b.nama, "sasaran": b.sasaran,
             "anggaran": b.anggaran, "realisasi": b.realisasi, "sisa": b.sisa,
             "penyerapan": _bulat(b.penyerapan)}
            for b in kinerja.anggaran(d) if b.level == tingkat]


def kinerja_program(d: DataTahun) -> list[Baris]:
    """The supporting programmes' indicators of every sasaran, with their capaian."""
    desimal = {b["kode"]: b["desimal"] for b in d["indikator"].baris}
    hasil: list[Baris] = []
    for s in d["sasaran"].baris:
        for b in kinerja.program_kinerja(d, s["kode"]):
            presisi = desimal.get(b.kode_indikator or "", 2)
            hasil.append({"sasaran": b.sasaran, "tingkat": b.level, "kode": b.kode,
                          "nama": b.nama, "indikator": b.indikator, "satuan": b.satuan,
                          "arah": b.arah.value, "target": _bulat(b.target, presisi),
                          "realisasi": _bulat(b.realisasi, presisi),
                          "capaian": _bulat(b.capaian)})
    return hasil


def efisiensi(d: DataTahun) -> list[Baris]:
    tingkat = {b.kode: b.level for b in kinerja.anggaran(d)}
    return [{"tingkat": tingkat.get(b.kode_anggaran or ""), "kode_anggaran": b.kode_anggaran,
             "nama": b.nama, "indikator": b.indikator,
             "capaian_kinerja": _bulat(b.capaian_kinerja), "penyerapan": _bulat(b.penyerapan),
             "efisiensi": _bulat(b.efisiensi)} for b in kinerja.efisiensi(d)]


_BARIS: dict[str, Callable[[DataTahun], list[Baris]]] = {
    "hasil_capaian_indikator": capaian_indikator,
    **{f"hasil_anggaran_{t}": partial(anggaran, tingkat=t) for t in LEVEL},
    "hasil_kinerja_program": kinerja_program,
    "hasil_efisiensi": efisiensi,
}


def semua(d: DataTahun) -> list[tuple[Dataset, list[Baris]]]:
    """Each result file (`schema.HASIL`) with its rows."""
    return [(ds, _BARIS[ds.nama](d)) for ds in HASIL]
