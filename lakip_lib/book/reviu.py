"""The review (Reviu) of an edition, a document of its own (notebook `reviu`, page `reviu.html`
and its own PDF), outside the edition's table of contents and print.

For a year with a transcribed signed report it shows what the edition does not argue about:
the headline figures that differ, every table and sentence of the edition in which a figure
differs from the printed one (the same tables, with the same numbers, each difference marked
where it appears), the findings of `lakip audit` by class with their arithmetic, how the verdict
depends on its rule, and the method. For a draft without a signed source there is nothing
printed to compare: the review lists the checks the data passed and what is still open.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from lakip_lib import audit, kinerja, perhitungan, prosa_reviu, rilis, rumus
from lakip_lib import format as fmt
from lakip_lib.book import susunan
from lakip_lib.book.dasar import SUMBER_AUDIT, Bagian, Isi
from lakip_lib.book.koreksi import ada_sumber_tercetak, koreksi_bab, temuan_audit
from lakip_lib.book.nomor import Rencana
from lakip_lib.tampilan import Html, Kalimat, Nilai, aman, blok, kotak_perbedaan, teks
from lakip_lib.tampilan_tabel import Lajur, TabelTampilan

HALAMAN = __name__.rpartition(".")[2]  # the page's name, as every part's is its module's (reviu.html):
# the edition's "Tentang edisi ini" links it


def _bertanda(objek: Any) -> bool:
    """Whether a display object carries a figure printed differently in the signed source."""
    if isinstance(objek, TabelTampilan):
        return any(isinstance(s, Nilai) and s.koreksi for b in objek.baris for s in b)
    if isinstance(objek, Kalimat):
        return any(n.koreksi for _, n in objek.angka)
    return False


def _judul(teks_: str, tingkat: int = 3) -> Html:
    return Html(f"<h{tingkat}>{aman(teks_)}</h{tingkat}>", teks_)


def _tampil_ulasan(nama: str) -> Callable[[Any], Isi]:
    """The method showing kind `nama`'s section of the review (its notebook cell)."""
    def tampil(self: Any) -> Isi:
        u = rumus.SEMUA[nama].ulasan_reviu
        return Isi(u.buat(self)) if u and u.ada(self.d) else Isi()

    tampil.__name__ = f"ulasan_{nama}"
    return tampil


class _UlasanRumus:
    """The kinds' sections of the review, one method `ulasan_<kind>` each (a kind declares its
    section: `Rumus.ulasan_reviu`, e.g. desa_maju's two ways of counting)."""


for _nama, _ in rumus.ulasan_reviu():
    setattr(_UlasanRumus, f"ulasan_{_nama}", _tampil_ulasan(_nama))


class Reviu(_UlasanRumus, Bagian):
    BLOK = (
        ("# Reviu", ("sampul",)),
        ("## Tentang reviu ini", ("pengantar", "ringkasan")),
        ("## Angka yang berbeda, di tempatnya", ("tempat_perbedaan",)),
        ("## Temuan menurut jenisnya", ("temuan",)),
        ("## Kesimpulan kinerja dan aturannya", ("kesimpulan",)),
        *((u.judul, (f"ulasan_{nama}",)) for nama, u in rumus.ulasan_reviu()),
        ("## Metode reviu", ("metode",)),
    )

    @property
    def judul_halaman(self) -> str:
        return f"Reviu LAKIP {self.tahun}"

    @property
    def ada_sumber(self) -> bool:
        return ada_sumber_tercetak(self.d)

    def rencana(self) -> Rencana:
        if not self.ada_sumber:
            return [("tabel", "terbuka"), ("tabel", "kesimpulan"), *self._rencana_rumus()]
        item: Rencana = [("tabel", "ringkas")]
        item += [("tabel", f"temuan-{j}") for j in audit.ringkasan(temuan_audit(self.d))]
        if self._catatan:
            item.append(("tabel", "catatan"))
        return [*item, ("tabel", "kesimpulan"), *self._rencana_rumus()]

    def _rencana_rumus(self) -> Rencana:
        return [("tabel", u.kunci) for _, u in rumus.ulasan_reviu() if u.ada(self.d)]

    @property
    def _catatan(self) -> list[Any]:
        return self.d["catatan_sumber"].baris if self.d.ada("catatan_sumber") else []

    # --- the document's parts ----------------------------------------------------------------
    def sampul(self) -> Isi:
        """The review's cover (its first page in print)."""
        e = self.d.edisi
        return Isi([blok("lakip-sampul", [
            ("judul", "Reviu Laporan Akuntabilitas Kinerja Instansi Pemerintah"),
            ("tahun", str(self.tahun)),
            ("instansi", self.d.instansi.nama),
            ("pemerintah", self.d.instansi.pemerintah or self.d.instansi.kabupaten),
            ("edisi", prosa_reviu.sampul_reviu(self.ada_sumber, rilis.label(e),
                                               fmt.bulan_tahun(e.tanggal_terbit))),
        ])])

    def pengantar(self) -> Isi:
        """What this document is and what it is not."""
        return Isi([teks(prosa_reviu.pengantar_reviu(self.tahun, self.d.instansi.nama,
                                                     self.ada_sumber, len(temuan_audit(self.d))))])

    def ringkasan(self) -> Isi:
        """The headline figures that differ from the signed report (the box), or nothing."""
        if not self.ada_sumber:
            return Isi()
        from lakip_lib.book.ikhtisar import Ikhtisar

        ikhtisar = self._dalam_reviu(Ikhtisar(self.d))
        koreksi = koreksi_bab(self.d, ikhtisar.bab)
        kelompok = []
        for label, angka in ikhtisar.angka_utama():
            beda = [(sub, Nilai(teks_, fakta_), k) for fakta_, sub, teks_ in angka
                    for k in koreksi.get(fakta_, ())[:1]]
            if beda:
                kelompok.append((label, beda))
        if not kelompok:
            return Isi()
        return Isi([kotak_perbedaan(kelompok, len(temuan_audit(self.d)), "#daftar-temuan")])

    def tempat_perbedaan(self) -> Isi:
        """Every table and sentence of the edition in which a figure differs from the signed
        report, as the edition shows it (same numbers), each difference marked in place."""
        if not self.ada_sumber:
            return Isi()
        isi = Isi()
        for bagian in self._bagian_edisi():
            judul, blok = self._judul_bagian(bagian), bagian.metode_blok()
            bertanda = [o for nama in blok for o in getattr(bagian, nama)() if _bertanda(o)]
            if bertanda:
                isi += [_judul(judul), *bertanda]
        return isi

    def kesimpulan(self) -> Isi:
        """The year's verdict under each common rule, the agency's chosen rule marked."""
        capaian = [h.capaian for h in kinerja.hasil_iku(self.d) if h.capaian is not None]
        dipilih, skala = kinerja.aturan_kesimpulan(self.d), kinerja.skala(self.d)
        baris = []
        for cara in perhitungan.CARA_KESIMPULAN:
            aturan = perhitungan.AturanKesimpulan(cara, dipilih.bawah, dipilih.atas)
            nilai = aturan.nilai(capaian)
            baris.append((aturan.uraian[0].upper() + aturan.uraian[1:], fmt.persen(nilai),
                          perhitungan.kategori(nilai, skala) or fmt.BELUM_TERSEDIA,
                          "dipilih instansi" if cara == dipilih.cara else ""))
        return Isi([
            teks(prosa_reviu.kepekaan_kesimpulan(dipilih.uraian)),
            self.tabel("kesimpulan", "Kesimpulan Kinerja Menurut Aturan yang Lazim",
                       [Lajur("Aturan"), Lajur("Nilai", True), Lajur("Kategori"),
                        Lajur("Keterangan")], baris,
                       sumber=self.sumber_data("target", "realisasi") + "; edisi.yaml"),
        ])

    def temuan(self) -> Isi:
        """The findings of `lakip audit`, counted by class, then each class with its
        arithmetic; each finding keeps its number (the marks above link to it)."""
        if not self.ada_sumber:
            return self._terbuka()
        temuan = temuan_audit(self.d)
        nomor = {t: i for i, t in enumerate(temuan, start=1)}
        isi = Isi([
            Html('<span id="daftar-temuan"></span>', ""),
            teks(prosa_reviu.hasil_pemeriksaan(True, len(temuan))),
            self.tabel("ringkas", "Jumlah Temuan per Jenis",
                       [Lajur("Jenis temuan"), Lajur("Jumlah", True)],
                       [(audit.KELAS[j], str(n)) for j, n in audit.ringkasan(temuan).items()],
                       sumber=SUMBER_AUDIT),
        ])
        for kelas in audit.ringkasan(temuan):
            per_kelas = [t for t in temuan if t.kelas == kelas]
            isi.append(self.tabel(
                f"temuan-{kelas}", f"Temuan: {audit.KELAS[kelas]}",
                [Lajur("No.", True), Lajur("Lokasi"), Lajur("Perihal"), Lajur("Tercetak"),
                 Lajur("Seharusnya"), Lajur("Hitungan")],
                [(str(nomor[t]), t.lokasi, t.perihal, t.dilaporkan, t.seharusnya, t.hitungan)
                 for t in per_kelas], sumber=SUMBER_AUDIT,
                id_baris=tuple(f"temuan-{nomor[t]}" for t in per_kelas)))
        if self._catatan:
            isi.append(self.tabel("catatan", "Catatan Lain atas Dokumen Sumber",
                                  [Lajur("Lokasi"), Lajur("Catatan")],
                                  [(c["lokasi"], c["catatan"]) for c in self._catatan],
                                  sumber=self.sumber_data("catatan_sumber")))
        return isi

    def metode(self) -> Isi:
        return Isi([teks(prosa_reviu.metode_reviu(self.ada_sumber))])

    # --- helpers -------------------------------------------------------------------------------
    def _dalam_reviu(self, bagian: Any) -> Any:
        """A part of the edition as the review shows it: its figures marked, its correction
        notes numbered through this one document (each given in full once)."""
        bagian.reviu = True
        bagian.koreksi_halaman = self.koreksi_halaman
        return bagian

    def _bagian_edisi(self) -> Iterator[Any]:
        """The edition's parts in reading order, in review mode (this document left out)."""
        for bagian in susunan.urutan(self.d):
            if bagian.notebook != self.notebook:
                yield self._dalam_reviu(bagian)

    @staticmethod
    def _judul_bagian(bagian: Any) -> str:
        return bagian.judul_halaman or bagian.judul_notebook() or bagian.notebook

    def _terbuka(self) -> Isi:
        """A draft's review: the checks its data passed and what is still open (the loader's
        warnings: missing figures, targets still from the Renstra, narratives to write)."""
        terbuka = self.d.peringatan
        isi = Isi([teks(prosa_reviu.reviu_draf(len(terbuka)))])
        if terbuka:
            isi.append(self.tabel("terbuka", "Hal yang Masih Terbuka",
                                  [Lajur("No.", True), Lajur("Berkas"), Lajur("Baris", True),
                                   Lajur("Kolom"), Lajur("Perihal")],
                                  [(str(i), m.berkas, str(m.baris or ""), m.kolom or "",
                                    m.pesan) for i, m in enumerate(terbuka, start=1)],
                                  sumber="pemeriksaan data masukan (lakip validate)"))
        return isi

