"""Activity photos, a page under the appendix (notebook `dokumentasi`)."""

from __future__ import annotations

from lakip_lib import gambar
from lakip_lib.book.dasar import Bagian, Isi
from lakip_lib.book.nomor import Rencana
from lakip_lib.tampilan import Html, aman, slug


class Dokumentasi(Bagian):
    """Activity photos with captions: a page under the Lampiran, only in a year whose data has
    a dokumentasi folder. Each photo is a numbered figure like the charts."""
    BLOK = (
        ("# Dokumentasi Kegiatan", ("foto",)),
    )

    def rencana(self) -> Rencana:
        return [("gambar", b["berkas"]) for b in self.d.foto()]

    def foto(self) -> Isi:
        isi = []
        for b in self.d.foto():
            nomor = self._nomor("gambar", b["berkas"])
            gambar_ = gambar.img(self.d.gambar(f"{self.tahun}/dokumentasi/{b['berkas']}"),
                                 b["keterangan"], "lakip-foto-isi")
            isi.append(Html(f'<figure class="lakip-foto" id="{slug("gambar-" + nomor)}">'
                            f'{gambar_}<figcaption><span class="lakip-nomor">Gambar '
                            f'{aman(nomor)}</span> {aman(b["keterangan"])}</figcaption></figure>',
                            f"Gambar {nomor} {b['keterangan']}", nomor))
        return Isi(isi)
