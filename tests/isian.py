"""Filling a `lakip template` workbook the way an analyst would, with plausible figures."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from lakip_lib.buku_kerja import LEMBAR
from lakip_lib.schema import PANDUAN_NARASI

Isi = Callable[[dict[str, Any], int], dict[str, Any]]

REALISASI = {"IKU1": 74.6, "IKU3": 2.29, "PKA": 5.4, "IPK": 56.1, "ASFR": 15}
STATUS = ("Mandiri", "Maju", "Maju", "Berkembang")


def _realisasi(b: dict[str, Any], i: int) -> dict[str, Any]:
    return {"realisasi": REALISASI.get(b["indikator"], 50.0)}


def _kasus(b: dict[str, Any], i: int) -> dict[str, Any]:
    return {"jumlah": {"perempuan": 3, "anak": 9}[b["kelompok"]]}


def _desa(b: dict[str, Any], i: int) -> dict[str, Any]:
    return {"status_idm": STATUS[i % len(STATUS)]}


def _cpr(b: dict[str, Any], i: int) -> dict[str, Any]:
    pus = 3000 + 250 * i
    return {"pus": pus, "kb_aktif": pus * 4 // 5}


def _anggaran(b: dict[str, Any], i: int) -> dict[str, Any]:
    if b["level"] != "subkegiatan":
        return {}
    anggaran = 150_000_000 + 2_500_000 * i
    return {"anggaran": anggaran, "realisasi": anggaran * 9 // 10}


def _program(b: dict[str, Any], i: int) -> dict[str, Any]:
    target = b["target"] if b["target"] is not None else 100
    return {"target": target, "realisasi": target}


ISIAN: dict[str, Isi] = {
    "target": lambda b, i: {"target": 12.5, "dasar": "renja"},
    "realisasi": _realisasi,
    "kasus_kekerasan": _kasus,
    "desa": _desa,
    "cpr_kecamatan": _cpr,
    "pk_anggaran": lambda b, i: {"anggaran": 5_000_000_000 + 1_000_000_000 * i},
    "anggaran": _anggaran,
    "program_kinerja": _program,
    "efisiensi": lambda b, i: {} if b["kode_indikator"] else {"capaian_kinerja": 95 + i % 5},
}


def kolom(ws: Worksheet) -> list[Any]:
    """The column names of a sheet, read from its Indonesian headers."""
    judul = [c.value for c in ws[1]]
    lembar = next((lb for lb in LEMBAR if lb.dataset == ws.title), None)
    if lembar is None:
        return judul
    nama = {lembar.judul(k): k.nama for k in lembar.kolom_lembar}
    return [nama.get(j, j) for j in judul]


def baris(ws: Worksheet) -> list[tuple[int, dict[str, Any]]]:
    """(sheet row, {column: value}) for every non-empty data row."""
    judul = kolom(ws)
    hasil = []
    for nomor, nilai in enumerate(ws.iter_rows(min_row=2, values_only=True), start=2):
        if any(v is not None for v in nilai):
            hasil.append((nomor, dict(zip(judul, nilai, strict=False))))
    return hasil


def tulis(ws: Worksheet, nomor: int, nilai: dict[str, Any]) -> None:
    judul = kolom(ws)
    for nama, v in nilai.items():
        ws.cell(row=nomor, column=judul.index(nama) + 1).value = v  # None empties the cell


def isi_buku_kerja(path: Path) -> None:
    """Fill every empty figure of the workbook in place."""
    wb = load_workbook(path)
    for nama, isi in ISIAN.items():
        ws = wb[nama]
        for i, (nomor, b) in enumerate(baris(ws)):
            tulis(ws, nomor, {k: v for k, v in isi(b, i).items() if b.get(k) is None})
    wb.save(path)


def finalkan(path: Path, label: str, tanggal_pk: date) -> int:
    """Mark the edition final in the `edisi` sheet with the pagu equal to the filled budget,
    and the IKU targets as the signed Perjanjian Kinerja's."""
    wb = load_workbook(path)
    pagu = sum(b["anggaran"] for _, b in baris(wb["anggaran"]) if b["level"] == "subkegiatan")
    for nomor, b in baris(wb["target"]):  # the Perjanjian Kinerja is signed: its targets
        if b["dasar"] == "renstra":
            tulis(wb["target"], nomor, {"dasar": "pk"})
    ws = wb["edisi"]
    for nomor, b in baris(ws):
        nilai = {"label": label, "status": "final", "pagu_anggaran": pagu,
                 "perjanjian_kinerja.tanggal": tanggal_pk}.get(b["isian"])
        if nilai is not None:
            tulis(ws, nomor, {"nilai": nilai})
    wb.save(path)
    return pagu


def tulis_narasi(folder: Path, teks: str = "Uraian ini ditulis oleh analis untuk edisi tahun "
                                           "ini.") -> None:
    """Replace every placeholder `lakip new-year` left in the narratives with written text."""
    for md in (folder / "narasi").glob("*.md"):
        baris = md.read_text(encoding="utf-8").splitlines()
        md.write_text("\n".join(teks if PANDUAN_NARASI in b else b for b in baris) + "\n",
                      encoding="utf-8")


def isi_sel(xlsx: Path, lembar: str, cari: dict[str, object], **nilai: object) -> int:
    """Set cells (None empties one) of the first row of a sheet matching `cari`; its row."""
    wb = load_workbook(xlsx)
    nomor = next(n for n, b in baris(wb[lembar]) if all(b[k] == v for k, v in cari.items()))
    tulis(wb[lembar], nomor, nilai)
    wb.save(xlsx)
    return nomor


def tahun_terisi(akar: Path, folder: Path, tahun: int = 2025) -> Path:
    """Scaffold `tahun` in the data folder `akar`, write its template into `folder` and fill it in
    as an analyst would; return the workbook."""
    from lakip_lib import buku_kerja, tahun_baru

    tahun_baru.buat(tahun, akar)
    xlsx = buku_kerja.tulis_template(tahun, folder / f"isian-{tahun}.xlsx", akar)
    isi_buku_kerja(xlsx)
    return xlsx
