"""Bab II Perencanaan Kinerja (notebook `bab2_perencanaan`)."""

from __future__ import annotations

from typing import Literal

from lakip_lib import fakta as f
from lakip_lib import format as fmt
from lakip_lib import kinerja, prosa
from lakip_lib.book.dasar import Bagian, Isi
from lakip_lib.book.nomor import Rencana
from lakip_lib.perhitungan import Penilaian
from lakip_lib.tampilan import teks
from lakip_lib.tampilan_tabel import Lajur, TabelTampilan


class Perencanaan(Bagian):
    BLOK = (
        ("# Bab II Perencanaan Kinerja", ()),
        ("## 2.1 Rencana Strategis", ("visi_misi", "tujuan", "sasaran")),
        ("## 2.2 Indikator Kinerja Utama", ("iku",)),
        ("## 2.3 Perjanjian Kinerja", ("perjanjian_kinerja",)),
    )

    def rencana(self) -> Rencana:
        return [("tabel", "tujuan"), ("tabel", "sasaran"), ("tabel", "iku"), ("tabel", "pk"),
                ("tabel", "pk-anggaran")]

    def _tahun_renstra(self) -> list[int]:
        awal, akhir = self.d.periode_renstra
        return list(range(awal, akhir + 1))

    def visi_misi(self) -> Isi:
        r = self.d.instansi.rpjmd
        awal, akhir = self.d.periode_renstra
        return Isi([teks(*prosa.visi_misi(awal, akhir, self.d.instansi.kabupaten, r.visi,
                                           r.misi))])

    def _target_per_tahun(self, kunci: str, judul: str, induk: str,
                          jenis: Literal["tujuan", "iku"]) -> TabelTampilan:
        tahun = self._tahun_renstra()
        induk_uraian = {b["kode"]: b["uraian"] for b in self.d.tabel(induk).baris}
        baris = []
        for ind in self.d["indikator"].cari(jenis=jenis):
            nilai = [kinerja.target_renstra(self.d, ind["kode"], t) for t in tahun]
            baris.append((induk_uraian[ind["induk"]], ind["nama"],
                          *(self.nilai_fakta(f.indikator(ind["kode"], "target_renstra", t),
                                        prosa.nilai(v, ind["satuan"], ind["desimal"]))
                            if v is not None else "–" for t, v in zip(tahun, nilai, strict=True))))
        return self.tabel(kunci, judul, [Lajur(induk.capitalize()), Lajur("Indikator"),
                                         *(Lajur(str(t), True) for t in tahun)], baris,
                          sumber=self.sumber_data("renstra_target"))

    def tujuan(self) -> Isi:
        return Isi([self._target_per_tahun("tujuan", "Tujuan Jangka Menengah dan Targetnya",
                                           "tujuan", "tujuan")])

    def sasaran(self) -> Isi:
        return Isi([self._target_per_tahun("sasaran", "Sasaran Jangka Menengah dan Targetnya",
                                           "sasaran", "iku")])

    def iku(self) -> Isi:
        baris = [(b["nama"], b["definisi"], b["alasan"],
                  ("makin tinggi makin baik" if b["arah"] == "naik" else "makin rendah makin baik")
                  + ("; indikator perubahan (capaian paling rendah 0%)"
                     if b["penilaian"] == Penilaian.PERUBAHAN.value else ""),
                  b["penanggung_jawab"], b["sumber_data"])
                 for b in self.d["indikator"].cari(jenis="iku")]
        return Isi([self.tabel("iku", f"Indikator Kinerja Utama Tahun {self.tahun}", [
            Lajur("Indikator"), Lajur("Definisi dan rumus"), Lajur("Alasan pemilihan"),
            Lajur("Arah"), Lajur("Penanggung jawab"), Lajur("Sumber data")], baris,
            sumber=self.sumber_data("indikator"))])

    def perjanjian_kinerja(self) -> Isi:
        iku = self.d["indikator"].cari(jenis="iku")  # targets only: no realisasi is read here
        sasaran = {b["kode"]: b["uraian"] for b in self.d["sasaran"].baris}
        pk = self.d.edisi.perjanjian_kinerja
        judul = pk.judul if pk.judul is not None else "Perjanjian Kinerja"
        return Isi([
            teks(prosa.pk_ditandatangani(judul, fmt.tanggal(pk.tanggal)) if pk.tanggal else ""),
            self.tabel("pk", f"Perjanjian Kinerja Tahun {self.tahun}",
                       [Lajur("No.", True), Lajur("Sasaran strategis"), Lajur("Indikator kinerja"),
                        Lajur("Target", True)],
                       [(str(n), sasaran[i["induk"]], i["nama"], self.nilai_fakta(
                           f.indikator(i["kode"], "target"),
                           prosa.nilai(kinerja.target_tahunan(self.d, i["kode"]), i["satuan"],
                                        i["desimal"])))
                        for n, i in enumerate(iku, start=1)], sumber=self.sumber_data("target")),
            self.tabel_anggaran_pk("pk-anggaran"),
        ])
