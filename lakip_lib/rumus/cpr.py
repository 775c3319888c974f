"""`cpr`: the contraceptive prevalence rate, peserta KB aktif ÷ pasangan usia subur × 100, summed
over the kecamatan of the edition year (cpr_kecamatan.csv); earlier years as measured."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, Final

from lakip_lib import charts, perhitungan
from lakip_lib import fakta as f
from lakip_lib import format as fmt
from lakip_lib.dataset import Dataset, Kolom, Tipe
from lakip_lib.rumus.dasar import (
    Butir,
    Halaman,
    Lapor,
    LembarRumus,
    Rumus,
)
from lakip_lib.tampilan_tabel import Lajur
from lakip_lib.temuan import Temuan, banding, teks_persen
from lakip_lib.tercatat import realisasi_tercatat, target_tahunan

if TYPE_CHECKING:
    from decimal import Decimal

    from lakip_lib.data_tahun import DataTahun

DATASET: Final = "cpr_kecamatan"
CPR_KECAMATAN = Dataset(
    DATASET, "{tahun}/cpr_kecamatan.csv",
    "Pasangan usia subur (PUS) dan peserta KB aktif per kecamatan.",
    (
        Kolom("kecamatan", acuan=("kecamatan", "kecamatan")),
        Kolom("pus", Tipe.BULAT, wajib=False, wajib_final=True, boleh_negatif=False,
              judul="PUS (pasangan)", keterangan="Jumlah pasangan usia subur (PUS)"),
        Kolom("kb_aktif", Tipe.BULAT, wajib=False, wajib_final=True, boleh_negatif=False,
              judul="Peserta KB aktif (orang)", keterangan="Jumlah peserta KB aktif"),
        Kolom("cpr_dilaporkan", Tipe.DESIMAL, wajib=False, dilaporkan=True,
              judul="CPR (%) tercetak",
              keterangan="Contraceptive Prevalence Rate: KB aktif ÷ PUS × 100"),
    ),
    ("kecamatan",),
)


@dataclass(frozen=True)
class HasilCpr:
    kecamatan: str
    pus: int | None
    kb_aktif: int | None

    @property
    def cpr(self) -> Decimal | None:
        if self.pus is None or self.kb_aktif is None:
            return None
        return perhitungan.cpr(self.kb_aktif, self.pus)


def cpr_kecamatan(data: DataTahun) -> list[HasilCpr]:
    return [HasilCpr(b["kecamatan"], b["pus"], b["kb_aktif"]) for b in data[DATASET].baris]


def total_cpr(data: DataTahun) -> HasilCpr | None:
    baris = cpr_kecamatan(data)
    if not baris:
        return None
    return HasilCpr("Kabupaten", perhitungan.jumlah([b.pus for b in baris]),
                    perhitungan.jumlah([b.kb_aktif for b in baris]))


class Cpr(Rumus):
    nama = "cpr"
    datasets = (CPR_KECAMATAN,)
    awalan_dilaporkan = ("cpr.",)
    lembar = (LembarRumus(DATASET, ("kecamatan",), "PUS dan peserta KB aktif per kecamatan."),)

    def realisasi(self, data: DataTahun, kode: str, tahun: int) -> Decimal | None:
        if tahun != data.tahun:
            return realisasi_tercatat(data, kode, tahun)
        total = total_cpr(data)
        return total.cpr if total else None

    def ada_realisasi(self, data: DataTahun, kode: str, tahun: int) -> bool:
        if tahun != data.tahun:
            return data["realisasi"].ada_baris(indikator=kode, tahun=tahun)
        return self.realisasi(data, kode, tahun) is not None

    def cara(self, data: DataTahun, kode: str, tahun: int) -> str:
        total = total_cpr(data) if tahun == data.tahun else None
        if total is None:
            return super().cara(data, kode, tahun)
        return f"{total.kb_aktif} peserta KB aktif ÷ {total.pus} PUS × 100."

    def periksa_data(self, data: DataTahun, tambah: Lapor) -> None:
        t = data[DATASET]
        for baris, nomor in zip(t.baris, t.nomor, strict=True):
            if baris["kb_aktif"] is not None and baris["pus"] is not None \
                    and baris["kb_aktif"] > baris["pus"]:
                tambah(t.berkas, nomor, "kb_aktif",
                       f"peserta KB aktif ({baris['kb_aktif']}) melebihi jumlah PUS "
                       f"({baris['pus']}); CPR tidak mungkin lebih dari 100%.")
            if baris["pus"] == 0:
                tambah(t.berkas, nomor, "pus",
                       "jumlah PUS 0: CPR kecamatan ini tidak dapat dihitung.")

    def temuan(self, data: DataTahun) -> Iterator[Temuan]:
        for mentah, h in zip(data[DATASET].baris, cpr_kecamatan(data), strict=True):
            yield from banding(f"CPR {h.kecamatan}", "Bab III, tabel CPR per kecamatan",
                               mentah["cpr_dilaporkan"], h.cpr, "hitungan",
                               f"{h.kb_aktif} ÷ {h.pus} × 100 = {teks_persen(h.cpr)}.",
                               fakta=f.baris("cpr", h.kecamatan, "cpr"))

    def hitung_dilaporkan(self, data: DataTahun, kunci: str) -> tuple[object, ...]:
        return _kunci_cpr(data, kunci)

    def fakta_dilaporkan(self, data: DataTahun, kunci: str) -> str:
        return _FAKTA_TOTAL.get(kunci, "")

    def pendukung(self, kode: list[str]) -> list[Butir]:
        kode_cpr = kode[0]
        return [Butir("tabel", "cpr", lambda h: _tabel(h, kode_cpr)),
                Butir("gambar", "cpr", lambda h: _grafik(h, kode_cpr))]


_FAKTA_TOTAL = {"cpr.total_pus": f.baris("cpr", "total", "pus"),
                "cpr.total_kb_aktif": f.baris("cpr", "total", "kb_aktif")}


def _kunci_cpr(data: DataTahun, kunci: str) -> tuple[object, ...]:
    """dilaporkan.csv's cpr.total_pus and cpr.total_kb_aktif: the kabupaten's totals."""
    total = total_cpr(data)
    if total is None:
        return None, "Data CPR per kecamatan tidak tersedia.", kunci
    kecamatan = f"{fmt.terbilang(len(data[DATASET].baris))} kecamatan"
    return {
        "cpr.total_pus": (total.pus, f"Jumlah PUS {kecamatan}.", "jumlah pasangan usia subur"),
        "cpr.total_kb_aktif": (total.kb_aktif, f"Jumlah peserta KB aktif {kecamatan}.",
                               "jumlah peserta KB aktif"),
    }[kunci]


def _tabel(h: Halaman, kode: str) -> Any:
    baris = cpr_kecamatan(h.d)
    total = total_cpr(h.d)
    return h.tabel(
        "cpr", f"Contraceptive Prevalence Rate per Kecamatan Tahun {h.tahun}",
        [Lajur("Kecamatan"), Lajur("PUS", True), Lajur("KB aktif", True), Lajur("CPR", True)],
        [*((b.kecamatan, h.nilai_fakta(f.baris("cpr", b.kecamatan, "pus"), fmt.angka(b.pus, 0)),
            h.nilai_fakta(f.baris("cpr", b.kecamatan, "kb_aktif"), fmt.angka(b.kb_aktif, 0)),
            h.nilai_fakta(f.baris("cpr", b.kecamatan, "cpr"), fmt.persen(b.cpr)))
           for b in baris),
         *([("Kabupaten",
             h.nilai_fakta(f.baris("cpr", "total", "pus"), fmt.angka(total.pus, 0)),
             h.nilai_fakta(f.baris("cpr", "total", "kb_aktif"), fmt.angka(total.kb_aktif, 0)),
             h.nilai_fakta(f.indikator(kode, "realisasi", h.tahun), fmt.persen(total.cpr)))]
           if total else [])],
        kelas_baris=(*("",) * len(baris), "total"), sumber=h.sumber_data(DATASET))


def _grafik(h: Halaman, kode: str) -> Any:
    target = target_tahunan(h.d, kode)
    rekaman = [{"kecamatan": b.kecamatan, "cpr": float(b.cpr), "teks": fmt.persen(b.cpr)}
               for b in cpr_kecamatan(h.d) if b.cpr is not None]
    if not rekaman:
        return h.gambar("cpr", "CPR per Kecamatan", partial(
            charts.batang, [], "cpr", "kecamatan", "CPR (%)", "Kecamatan"),
            "Data CPR per kecamatan belum tersedia.")
    alternatif = "CPR per kecamatan: " + "; ".join(
        f"{r['kecamatan']} {r['teks']}" for r in rekaman) + "."
    judul = "CPR per Kecamatan" + (" (garis: target kabupaten)" if target else "")
    return h.gambar("cpr", judul, partial(
        charts.batang, rekaman, "cpr", "kecamatan", "CPR (%)", "Kecamatan",
        garis=float(target) if target is not None else None), alternatif)


RUMUS = Cpr()
