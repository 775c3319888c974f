"""Bab III: the IKU results of the year (notebook `bab3_capaian`)."""

from __future__ import annotations

from functools import partial

from lakip_lib import charts, kinerja, prosa
from lakip_lib import format as fmt
from lakip_lib.book.dasar import Bagian, Isi
from lakip_lib.book.nomor import Rencana
from lakip_lib.perhitungan import Penilaian
from lakip_lib.tampilan import teks
from lakip_lib.tampilan_tabel import Lajur


class Capaian(Bagian):
    BLOK = (
        ("# Bab III Akuntabilitas Kinerja", ()),
        ("## 3.1 Capaian Indikator Kinerja Utama", ("iku", "skala", "grafik")),
        ("Analisis tiap sasaran strategis disajikan pada subbab berikutnya, dilanjutkan dengan "
         "realisasi anggaran dan analisis efisiensi.", ()),
    )

    def rencana(self) -> Rencana:
        return [("tabel", "iku"), ("tabel", "skala"), ("gambar", "iku")]

    def iku(self) -> Isi:
        hasil = kinerja.hasil_iku(self.d)
        return Isi([self._tabel_iku("iku", f"Capaian Indikator Kinerja Utama Tahun {self.tahun}",
                                    hasil)])

    def skala(self) -> Isi:
        baris = []
        for p in kinerja.skala(self.d):
            if p.batas_bawah is None:
                rentang = f"≤ {fmt.angka(p.batas_atas)}"
            elif p.batas_atas is None:
                rentang = f"> {fmt.angka(p.batas_bawah)}"
            else:
                rentang = f"> {fmt.angka(p.batas_bawah)} s.d. {fmt.angka(p.batas_atas)}"
            baris.append((rentang, p.kategori))
        return Isi([
            self.tabel("skala", "Skala Ordinal Kategori Capaian (%)",
                       [Lajur("Capaian (%)"), Lajur("Kategori")], baris,
                       sumber=self._sumber_skala()),
            teks(prosa.aturan_penilaian([b["nama"] for b in self.d["indikator"].cari(
                jenis="iku", penilaian=Penilaian.PERUBAHAN.value)])),
            self._kalimat_kategori(),
        ])

    def _sumber_skala(self) -> str:
        """The scale's legal basis as the year's data credits it, then its data file."""
        dasar = (self.d.edisi.penilaian or {}).get("dasar_skala")
        data_ = self.sumber_data("skala_kategori")
        return f"{dasar}; {data_}" if dasar else data_

    def grafik(self) -> Isi:
        hasil = kinerja.hasil_iku(self.d)
        rekaman = [{"nama": h.nama, "capaian": float(h.capaian), "teks": fmt.persen(h.capaian)}
                   for h in hasil if h.capaian is not None]
        alternatif = prosa.alt_capaian([(h.nama, fmt.persen(h.capaian)) for h in hasil
                                          if h.capaian is not None])
        return Isi([self.gambar("iku", f"Capaian IKU Tahun {self.tahun} terhadap Target "
                                   "(garis putus-putus: 100%)",
                                partial(charts.capaian, rekaman), alternatif)])
