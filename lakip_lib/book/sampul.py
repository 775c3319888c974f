"""The cover and the foreword (notebook `sampul`)."""

from __future__ import annotations

from lakip_lib import format as fmt
from lakip_lib import gambar, rilis
from lakip_lib.book.dasar import Bagian, Isi, tanda_tangan
from lakip_lib.tampilan import Html, blok


class Sampul(Bagian):
    BLOK = (
        ("# LAKIP", ("sampul",)),
        ("## Kata Pengantar", ("kata_pengantar",)),
    )

    @property
    def judul_halaman(self) -> str:
        return f"LAKIP {self.tahun}"

    def sampul(self) -> Isi:
        i, e = self.d.instansi, self.d.edisi
        teks_sampul = blok("lakip-sampul", [
            ("judul", "Laporan Akuntabilitas Kinerja Instansi Pemerintah"),
            ("tahun", str(self.tahun)),
            ("instansi", i.nama),
            ("pemerintah", i.pemerintah if i.pemerintah is not None else i.kabupaten),
            ("edisi", f"{rilis.label(e)} · {e.tempat}, {fmt.bulan_tahun(e.tanggal_terbit)}"),
        ])
        return Isi([_dengan_gambar(teks_sampul, self._gambar_sampul())])

    def _gambar_sampul(self) -> str:
        """The coat of arms and/or agency logo named in instansi.yaml, as they are, side by side."""
        i = self.d.instansi
        alt = {"lambang": f"Lambang {i.pemerintah or i.kabupaten}",
               "logo": f"Logo {i.nama_singkat or i.nama}"}
        isi = "".join(gambar.img(self.d.gambar(rujukan), alt[k], f"lakip-{k}")
                      for k in gambar.GAMBAR_SAMPUL if (rujukan := getattr(i, k)))
        return f'<div class="lakip-sampul-gambar">{isi}</div>' if isi else ""

    def kata_pengantar(self) -> Isi:
        return Isi([self.narasi("kata_pengantar"), tanda_tangan(self.d)])


def _dengan_gambar(kotak: Html, gambar_html: str) -> Html:
    """A block with images (already escaped, from `gambar.img`) placed first inside it."""
    if not gambar_html:
        return kotak
    kelas_akhir = kotak.html.index(">") + 1
    return Html(kotak.html[:kelas_akhir] + gambar_html + kotak.html[kelas_akhir:], kotak.polos)
