"""Bab IV Penutup (notebook `bab4_penutup`)."""

from __future__ import annotations

from lakip_lib import fakta as f
from lakip_lib import format as fmt
from lakip_lib import kinerja, prosa
from lakip_lib.book.dasar import Bagian, Isi, nama_ketercapaian, tanda_tangan
from lakip_lib.data_tahun import DataTahun, turunan


class Penutup(Bagian):
    BLOK = (
        ("# Bab IV Penutup", ()),
        ("## 4.1 Kesimpulan", ("kesimpulan",)),
        ("## 4.2 Langkah ke depan", ("tindak_lanjut",)),
    )

    def kesimpulan(self) -> Isi:
        tercapai, belum = nama_ketercapaian(self.d)
        serap, pagu = serapan_dan_pagu(self.d)
        kalimat = prosa.kesimpulan(tercapai, belum, serap, pagu)
        return Isi([self._kalimat_kategori(), self.kalimat(kalimat, (
            (serap, self.nilai_fakta(f.anggaran("total", "penyerapan"), serap)),
            (pagu, self.nilai_fakta(f.anggaran("total", "anggaran"), pagu))))])

    def tindak_lanjut(self) -> Isi:
        """The closing narrative, signed by the head of agency as the foreword is."""
        return Isi([self.narasi("penutup"), tanda_tangan(self.d)])


@turunan  # the conclusion shows these two, rounded: a rupiah spent more re-runs it only if they move
def serapan_dan_pagu(d: DataTahun) -> tuple[str, str]:
    """The year's budget absorption and ceiling as the conclusion prints them."""
    total = kinerja.total_anggaran(d)
    return fmt.persen(total.penyerapan), fmt.rupiah(total.anggaran)
