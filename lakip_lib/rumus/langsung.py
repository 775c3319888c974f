"""`langsung`: a measured indicator, its realisasi typed in realisasi.csv every year."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lakip_lib.masalah import PERINGATAN
from lakip_lib.rumus.dasar import Lapor, Rumus

if TYPE_CHECKING:
    from lakip_lib.data_tahun import DataTahun


class Langsung(Rumus):
    nama = "langsung"
    diukur = True

    def ada_realisasi(self, data: DataTahun, kode: str, tahun: int) -> bool:
        # only whether the row exists is read (its value is a required cell)
        return data["realisasi"].ada_baris(indikator=kode, tahun=tahun)

    def periksa_indikator(self, data: DataTahun, kode: str, tambah: Lapor) -> None:
        if data["realisasi"].satu(indikator=kode, tahun=data.tahun) is None:
            tambah(data["realisasi"].berkas, None, "realisasi",
                   f"realisasi {kode} tahun {data.tahun} belum tersedia; buku akan menandainya "
                   '"belum tersedia".', PERINGATAN)

    def baris_buku_kerja(self, data: DataTahun, dataset: str) -> list[dict[str, Any]]:
        """Every IKU's realisasi of the year, and a supporting indicator's once it has one."""
        if dataset != "realisasi":
            return []
        pernah = {b["indikator"] for b in data["realisasi"].baris}
        return [{"indikator": i["kode"], "tahun": data.tahun} for i in self.indikator(data)
                if i["jenis"] == "iku" or i["kode"] in pernah]


RUMUS = Langsung()
