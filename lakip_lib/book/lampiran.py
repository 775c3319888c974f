"""The appendix (notebook `lampiran`): the Perjanjian Kinerja form, the data files and the
villages. What the signed source printed differently is in the review (`book/reviu.py`)."""

from __future__ import annotations

from lakip_lib import audit, kinerja, prosa, rumus
from lakip_lib.book.dasar import Bagian, Isi, tanda_tangan
from lakip_lib.book.nomor import Rencana
from lakip_lib.rekaman import Pejabat, PerjanjianKinerja
from lakip_lib.schema import DATASETS
from lakip_lib.tampilan import Html, blok, teks
from lakip_lib.tampilan_tabel import Lajur, TabelTampilan


def _pihak(orang: Pejabat, peran: str, selaku: str) -> Html:
    """One party of the Perjanjian Kinerja: name and position, then who it is in the form."""
    return blok("lakip-pk-pihak", [
        ("nama", f"Nama: {orang.nama or '–'}"),
        ("jabatan", f"Jabatan: {orang.jabatan or '–'}"),
        ("peran", f"{selaku}selanjutnya disebut {peran}."),
    ])


def _berdampingan(kelas: str, isi: list[Html]) -> Html:
    """Blocks side by side (they wrap one under the other on a narrow screen)."""
    return Html(f'<div class="{kelas}">' + "".join(h.html for h in isi) + "</div>",
                "\n\n".join(h.polos for h in isi))


class Lampiran(Bagian):
    BLOK = (
        ("# Lampiran", ()),
        ("## L.1 Perjanjian Kinerja", ("perjanjian_kinerja",)),
        ("## L.2 Data masukan", ("dataset", "data_rumus")),
    )

    def rencana(self) -> Rencana:
        """Tables whose data is empty for this agency or year (no village list) are left out
        rather than shown empty."""
        return [("tabel", "pk"), ("tabel", "pk-program"), ("tabel", "dataset"),
                *(b.rencana for b in rumus.lampiran(self.d))]

    def perjanjian_kinerja(self) -> Isi:
        """The Perjanjian Kinerja laid out as the signed form: the two parties, the commitment,
        both signature blocks, then the sasaran/indicator/target table and the budget lines as
        signed, with their total."""
        k, pk = self.d.instansi.kepala, self.d.edisi.perjanjian_kinerja
        pihak2 = pk.pihak_kedua
        sementara = [teks(prosa.target_sementara(self.tahun))] \
            if kinerja.iku_bertarget_renstra(self.d) else []
        return Isi([
            *sementara,
            blok("lakip-pk-kepala", [
                ("judul", pk.judul or f"Perjanjian Kinerja Tahun {self.tahun}"),
                ("instansi", self.d.instansi.nama),
                ("pemerintah", self.d.instansi.pemerintah or self.d.instansi.kabupaten),
            ]),
            teks(prosa.PENGANTAR_PK),
            _pihak(k, "Pihak Pertama", ""),
            _pihak(pihak2, "Pihak Kedua", "selaku atasan Pihak Pertama, "),
            teks(prosa.JANJI_PK),
            _berdampingan("lakip-pk-ttd", [
                tanda_tangan(self.d, pihak2, "Pihak Kedua,", bertempat=False),
                tanda_tangan(self.d, k, "Pihak Pertama,", pk.tanggal),
            ]),
            self._tabel_target_pk(pk),
            self.tabel_anggaran_pk("pk-program"),
        ])

    def _tabel_target_pk(self, pk: PerjanjianKinerja) -> TabelTampilan:
        """The IKU and their targets as signed: the form reads no realisasi (it is signed
        before there is one), so the page does not depend on any."""
        sasaran = {b["kode"]: b["uraian"] for b in self.d["sasaran"].baris}
        return self.tabel("pk", f"Sasaran, Indikator, dan Target {pk.judul or 'Perjanjian Kinerja'}",
                          [Lajur("No.", True), Lajur("Sasaran strategis"),
                           Lajur("Indikator kinerja"), Lajur("Target", True)],
                          [(str(n), sasaran[i["induk"]], i["nama"],
                            self._target(i["kode"], kinerja.target_tahunan(self.d, i["kode"]),
                                         i["satuan"], i["desimal"]))
                           for n, i in enumerate(self.d["indikator"].cari(jenis="iku"), start=1)],
                          sumber=self.sumber_data("target"))

    def dataset(self) -> Isi:
        baris = []
        for ds in DATASETS:
            if not self.d.ada(ds.nama) or ds.nama in audit.DATASET_SUMBER:
                continue  # the signed source's transcription feeds the review, not the edition
            t = self.d.tabel(ds.nama)
            jumlah = t.jumlah_baris()  # the count, not the rows: a changed value keeps the page
            if not jumlah:
                continue  # an empty table (a dataset this agency does not use) feeds nothing
            masukan = [k.nama for k in ds.kolom if not k.dilaporkan]
            baris.append((t.berkas, ds.keterangan, str(jumlah), ", ".join(masukan)))
        return Isi([self.tabel("dataset", "Berkas Data Masukan Buku Ini",
                               [Lajur("Berkas"), Lajur("Isi"), Lajur("Baris", True),
                                Lajur("Kolom masukan")], baris,
                               sumber="skema data buku ini")])

    def data_rumus(self) -> Isi:
        """The tables of the indicator kinds' own data (the village list of desa_maju)."""
        return Isi([b.buat(self) for b in rumus.lampiran(self.d)])
