"""Bab IV Penutup (notebook `bab4_penutup`)."""

from __future__ import annotations

from lakip_lib import fakta as f
from lakip_lib import format as fmt
from lakip_lib import kinerja
from lakip_lib.book.dasar import Bagian, Isi, tanda_tangan
from lakip_lib.tampilan import markdown_aman


class Penutup(Bagian):
    bab = "4"
    notebook = "bab4_penutup"

    def kesimpulan(self) -> Isi:
        hasil = kinerja.hasil_iku(self.d)
        tercapai = [markdown_aman(h.nama) for h in hasil if h.tercapai]
        belum = [markdown_aman(h.nama) for h in hasil if h.tercapai is False]
        total = kinerja.total_anggaran(self.d)
        kalimat = []
        if tercapai:
            kalimat.append("Target yang tercapai: " + "; ".join(tercapai) + ".")
        if belum:
            kalimat.append("Target yang belum tercapai: " + "; ".join(belum) + ".")
        serap, pagu = fmt.persen(total.penyerapan), fmt.rupiah(total.anggaran)
        kalimat.append(f"Penyerapan anggaran mencapai {serap} dari {pagu}.")
        return Isi([self._kalimat_kategori(), self.kalimat("\n\n".join(kalimat), (
            (serap, self._angka(f.anggaran("total", "penyerapan"), serap)),
            (pagu, self._angka(f.anggaran("total", "anggaran"), pagu))))])

    def tindak_lanjut(self) -> Isi:
        """The closing narrative, signed by the head of agency as the foreword is."""
        return Isi([self.narasi("penutup"), tanda_tangan(self.d)])
