"""The executive summary (notebook `ikhtisar`)."""

from __future__ import annotations

from lakip_lib import fakta as f
from lakip_lib import format as fmt
from lakip_lib import kinerja, prosa
from lakip_lib.book.dasar import Bagian, Isi
from lakip_lib.book.nomor import Rencana
from lakip_lib.tampilan import teks
from lakip_lib.tampilan_tabel import Lajur


class Ikhtisar(Bagian):
    BLOK = (
        ("# Ikhtisar Eksekutif", ()),
        ("## Anggaran", ("anggaran",)),
        ("## Capaian Indikator Kinerja Utama", ("iku", "kategori")),
        ("## Kendala Utama", ("kendala",)),
    )

    def rencana(self) -> Rencana:
        return [("tabel", "iku"), ("tabel", "kategori")]

    def anggaran(self) -> Isi:
        return Isi([self._kalimat_anggaran()])

    def angka_utama(self) -> list[tuple[str, list[tuple[str, str, str]]]]:
        """The Ikhtisar's headline figures in groups: (label, [(fact, sub-label, figure)]); the
        review's box compares them with the signed report."""
        utama = [(h.nama, [(f.indikator(h.kode, "realisasi", self.tahun), "realisasi",
                            prosa.nilai(h.realisasi, h.satuan, h.desimal)),
                           (f.indikator(h.kode, "capaian"), "capaian", fmt.persen(h.capaian)),
                           (f.indikator(h.kode, "kategori"), "kategori",
                            h.kategori or fmt.BELUM_TERSEDIA)])
                 for h in kinerja.hasil_iku(self.d)]
        utama.append(("Jumlah IKU per kategori", [
            (f.kategori_jumlah(k), k, str(n))
            for k, n in kinerja.jumlah_per_kategori(self.d).items()]))
        utama.append(("Kinerja instansi secara keseluruhan", [
            (f.KATEGORI_KESELURUHAN, "kategori",
             kinerja.kategori_keseluruhan(self.d) or fmt.BELUM_TERSEDIA)]))
        t = kinerja.total_anggaran(self.d)
        utama.append(("Anggaran", [
            (f.anggaran("total", "anggaran"), "jumlah", fmt.rupiah(t.anggaran)),
            (f.anggaran("total", "realisasi"), "realisasi", fmt.rupiah(t.realisasi)),
            (f.anggaran("total", "penyerapan"), "penyerapan", fmt.persen(t.penyerapan))]))
        return utama

    def iku(self) -> Isi:
        hasil = kinerja.hasil_iku(self.d)
        jumlah_sasaran = len({h.sasaran for h in hasil})
        sementara = bool(kinerja.iku_bertarget_renstra(self.d))  # a draft before the agreement is signed
        pengantar = teks(prosa.pengantar_iku(self.tahun, jumlah_sasaran, len(hasil), sementara))
        return Isi([pengantar, self._tabel_iku("iku", f"Capaian IKU Tahun {self.tahun}", hasil)])

    def kategori(self) -> Isi:
        jumlah = kinerja.jumlah_per_kategori(self.d)
        return Isi([
            self._kalimat_kategori(),
            self.tabel("kategori", "Jumlah IKU per Kategori Capaian",
                       [Lajur("Kategori"), Lajur("Jumlah IKU", True)],
                       [(k, self.nilai_fakta(f.kategori_jumlah(k), str(n)))
                        for k, n in jumlah.items()]),
        ])

    def kendala(self) -> Isi:
        return Isi([self.narasi("kendala_utama")])
