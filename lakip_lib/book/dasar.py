"""The base of every part: `Bagian` (its declaration, numbered tables and figures, facts with
their corrections, shared sentences and tables) and the helpers several parts use."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal
from functools import cached_property
from typing import Any, ClassVar

from lakip_lib import fakta as f
from lakip_lib import format as fmt
from lakip_lib import kinerja, perhitungan, prosa, rumus
from lakip_lib.book import susunan
from lakip_lib.book.koreksi import koreksi_fakta
from lakip_lib.book.nomor import Rencana
from lakip_lib.data_tahun import DataTahun, turunan
from lakip_lib.prosa import Uraian
from lakip_lib.rekaman import Pejabat
from lakip_lib.tampilan import CatatanKoreksi, Html, Kalimat, Nilai, Teks, blok, teks
from lakip_lib.tampilan_grafik import Grafik
from lakip_lib.tampilan_tabel import Lajur, TabelTampilan, tabel_dari

SUMBER_DATA = "data instansi, diolah"
SUMBER_AUDIT = "hitungan ulang buku ini atas angka yang tercetak di dokumen sumber"


class Isi(list[Any]):
    """Display objects shown one after another in a notebook cell."""

    def _ipython_display_(self) -> None:
        from IPython.display import display

        for objek in self:
            display(objek)


Blok = tuple[str, tuple[str, ...]]  # Markdown (a heading or a sentence), the methods shown after it


class Bagian:
    """One part of the book (one executed notebook), declared once, by its class: its module's
    name is its notebook's (notebooks/<name>.ipynb, written from the class by `lakip
    refresh-notebooks`), `BLOK` lists what its page shows in order, `rencana` its numbered
    items; book/susunan.yml places it in the book by that name."""

    notebook = ""  # its module's and its notebook's name (set for each part class)
    # The page in order: each entry a Markdown cell, then one cell per method it names (a
    # method returns an `Isi`); the first entry's Markdown is the page's `# ` title.
    BLOK: ClassVar[tuple[Blok, ...]] = ()
    # In the review of the signed source (book/reviu.py) a part's figures carry what that
    # source printed differently; the edition itself shows the computed figures only.
    reviu = False

    def __init_subclass__(cls, **kw: Any) -> None:
        super().__init_subclass__(**kw)
        cls.notebook = cls.__module__.rpartition(".")[2]
        if asing := [m for m in cls.metode_blok() if not callable(getattr(cls, m, None))]:
            raise TypeError(f"{cls.__name__}.BLOK names no method {', '.join(asing)}")
        susunan.daftarkan(cls)

    @classmethod
    def metode_blok(cls) -> tuple[str, ...]:
        """The methods the page calls, in order (one notebook cell each)."""
        return tuple(m for _, metode in cls.BLOK for m in metode)

    @classmethod
    def judul_notebook(cls) -> str:
        """The page's title as its notebook states it (the first block's `# ` heading)."""
        pertama = cls.BLOK[0][0] if cls.BLOK else ""
        return pertama[2:] if pertama.startswith("# ") else ""

    def __init__(self, d: DataTahun):
        self.d = d

    @classmethod
    def satu_dari(cls, d: DataTahun, kunci: str) -> Bagian:
        """The page for one item of a repeated entry of the outline (`per:`); only a part
        made once per item (a sasaran) has one."""
        raise TypeError(f"bagian {cls.notebook} tidak dibuat per butir")

    @property
    def bab(self) -> str:
        """The numbering prefix of its tables and figures ("IE", "1" … "4", "L"), as the
        book's outline (book/susunan.yml) gives it."""
        return susunan.bab(self.notebook)

    @property
    def tahun(self) -> int:
        return self.d.tahun

    def rencana(self) -> Rencana:
        """The numbered items ("tabel" | "gambar", key) this part shows, in order: decided from
        which data the year has (cheap), never by building the content."""
        return []

    def _nomor(self, jenis: str, kunci: str) -> str:
        nomor = susunan.penomoran(self.d, self.bab).get((self.kunci_bagian, jenis, kunci))
        if nomor is None:
            raise KeyError(f"{jenis} {kunci} tidak ada dalam rencana {self.kunci_bagian}")
        return nomor

    @property
    def kunci_bagian(self) -> str:
        return type(self).__name__

    @property
    def berkas(self) -> str:
        """The executed notebook's name in the book (one per execution)."""
        return self.notebook

    @property
    def parameter(self) -> dict[str, Any]:
        """Papermill parameters besides the year."""
        return {}

    @property
    def judul_halaman(self) -> str | None:
        """A page title from data, replacing the notebook's own first heading; None keeps it."""
        return None

    def tabel(self, kunci: str, judul: str, kolom: Iterable[Lajur], baris: Iterable[Iterable[Any]],
              sumber: str = SUMBER_DATA, **kw: Any) -> TabelTampilan:
        return tabel_dari(self._nomor("tabel", kunci), judul, list(kolom),
                          [list(b) for b in baris], sumber=sumber,
                          koreksi_halaman=self.koreksi_halaman, **kw)

    @cached_property
    def koreksi_halaman(self) -> CatatanKoreksi:
        """This page's correction notes: each given in full once, later marks refer to it."""
        return CatatanKoreksi(self.berkas)

    def kalimat(self, markdown: str, angka: Iterable[tuple[str, Nilai]] = ()) -> Kalimat:
        """A generated sentence whose figures are facts (see `tampilan.Kalimat`)."""
        return Kalimat(markdown, tuple(angka), koreksi_halaman=self.koreksi_halaman)

    @staticmethod
    def sumber_data(*dataset: str) -> str:
        """A table's source line in the reader's words: the agency's data and the datasets it
        comes from (each listed on the "Unduh data" page), never a file path of the build."""
        return f"data instansi ({', '.join(n.replace('_', ' ') for n in dataset)}), diolah"

    def gambar(self, kunci: str, judul: str, buat: Callable[[], Any], alternatif: str,
               sumber: str = SUMBER_DATA) -> Grafik:
        """Figure `kunci`, numbered in the chapter; `buat` builds its chart when shown."""
        return Grafik(self._nomor("gambar", kunci), judul, buat, alternatif, sumber)

    def nilai_fakta(self, fakta: str, teks: str) -> Nilai:
        """A figure with its fact name; in the review, marked where the signed document printed
        the same fact differently in this chapter."""
        return Nilai(teks, fakta, koreksi_fakta(self.d, self.bab, fakta) if self.reviu else ())

    def _iku(self, h: kinerja.HasilIndikator, ukuran: str) -> Nilai:
        """One of an IKU's figures this year: target, realisasi, capaian or kategori."""
        if ukuran == "target":
            return self._target(h.kode, h.target, h.satuan, h.desimal)
        if ukuran == "realisasi":
            return self.nilai_fakta(f.indikator(h.kode, "realisasi", self.tahun),
                               prosa.nilai(h.realisasi, h.satuan, h.desimal))
        if ukuran == "capaian":
            return self.nilai_fakta(f.indikator(h.kode, "capaian"), fmt.persen(h.capaian))
        return self.nilai_fakta(f.indikator(h.kode, "kategori"), h.kategori or fmt.BELUM_TERSEDIA)

    def _target(self, kode: str, target: Decimal | None, satuan: str, desimal: int) -> Nilai:
        """An indicator's target of the year, as its fact."""
        return self.nilai_fakta(f.indikator(kode, "target"), prosa.nilai(target, satuan, desimal))

    def narasi(self, nama: str) -> Teks:
        if self.reviu:  # the review shows a part's marked figures, never its narrative, so
            return Teks("")  # it reads none: an edited narrative re-runs its page, not the review
        isi = self.d.narasi(nama)
        if isi is None:
            return teks(prosa.narasi_belum_ditulis(nama, self.tahun))
        return Teks(isi)  # restricted Markdown, checked by validation, rendered by us

    # shared building blocks -------------------------------------------------------------
    def _kalimat_kategori(self) -> Kalimat:
        """The count per category and the verdict, the verdict as its fact."""
        kalimat, keseluruhan = sebaran_kategori(self.d)
        if keseluruhan is None:
            return self.kalimat(kalimat)
        return self.kalimat(kalimat, ((f"**{keseluruhan}**",
                                  self.nilai_fakta(f.KATEGORI_KESELURUHAN, keseluruhan)),))

    def _kalimat_anggaran(self) -> Kalimat:
        """The budget sentence, its totals as their facts."""
        t = kinerja.total_anggaran(self.d)
        kalimat = prosa.anggaran(t, self.d.edisi.sumber_anggaran)
        angka = [(fmt.rupiah(nilai), self.nilai_fakta(f.anggaran("total", ukuran), fmt.rupiah(nilai)))
                 for ukuran, nilai in (("anggaran", t.anggaran), ("realisasi", t.realisasi),
                                       ("sisa", t.sisa)) if nilai is not None]
        if t.penyerapan is not None:
            angka.append((fmt.persen(t.penyerapan), self.nilai_fakta(
                f.anggaran("total", "penyerapan"), fmt.persen(t.penyerapan))))
        return self.kalimat(kalimat, tuple(angka))

    def _uraian(self, u: Uraian) -> Kalimat:
        """A generated passage whose figures are marked as the facts it names."""
        return self.kalimat(u.markdown, tuple((teks_, self.nilai_fakta(fakta, teks_))
                                         for teks_, fakta in u.fakta))

    def _kalimat_iku(self, h: kinerja.HasilIndikator) -> Kalimat:
        """An IKU's sentence of the year, its realisasi, target, capaian and kategori as facts
        (in the order the sentence states them)."""
        berubah = rumus.dari(self.d, h.kode).berubah(self.d, h.kode, self.tahun)
        angka = [(n.teks if u != "kategori" else f"**{n.teks}**", n)
                 for u in ("realisasi", "target", "capaian", "kategori")
                 if (n := self._iku(h, u)).teks != fmt.BELUM_TERSEDIA]
        kalimat = prosa.capaian_indikator(h, self.tahun, kinerja.skala(self.d), berubah)
        if berubah is not None:  # the counts as the facts of the case table
            angka += [(f"{kata} {n} {berubah.satuan}", self.nilai_fakta(
                f.baris("kasus", str(th), "jumlah"), str(n)))
                for kata, n, th in (("dari", berubah.sebelum, self.tahun - 1),
                                    ("menjadi", berubah.sekarang, self.tahun))]
        renstra = kinerja.target_renstra(self.d, h.kode, self.tahun)
        if renstra is not None and h.target is not None and renstra != h.target:
            teks_ = prosa.nilai(renstra, h.satuan, h.desimal)
            kalimat += " " + prosa.target_pk_renstra(h, self.tahun, renstra)
            angka.append((f"menetapkan {teks_}", self.nilai_fakta(
                f.indikator(h.kode, "target_renstra", self.tahun), teks_)))
        return self.kalimat(kalimat, angka)

    def tabel_anggaran_pk(self, kunci: str) -> TabelTampilan:
        """The budget of the Perjanjian Kinerja as signed: its own lines (per sasaran, as the
        form lists them) and their total. One version wherever the book shows it (Bab II, the
        Lampiran's form); what does not add up in the signed form is the review's."""
        sasaran = {b["kode"]: b["uraian"] for b in self.d["sasaran"].baris}
        baris = self.d["pk_anggaran"].baris
        jumlah = perhitungan.jumlah(b["anggaran"] for b in baris)
        return self.tabel(kunci, "Anggaran per Sasaran dalam Perjanjian Kinerja",
                          [Lajur("Sasaran"), Lajur("Anggaran (Rp)", True)],
                          [*((sasaran[b["sasaran"]],
                              self.nilai_fakta(f.baris("pk_anggaran", b["sasaran"], "anggaran"),
                                               rupiah_sel(b["anggaran"]))) for b in baris),
                           ("Jumlah", self.nilai_fakta(f.baris("pk_anggaran", "total", "anggaran"),
                                                       rupiah_sel(jumlah)))],
                          sumber=self.sumber_data("pk_anggaran"),
                          kelas_baris=("",) * len(baris) + ("total",))

    def _tabel_iku(self, kunci: str, judul: str, hasil: list[kinerja.HasilIndikator]) -> TabelTampilan:
        sasaran = {b["kode"]: b["uraian"] for b in self.d["sasaran"].baris}
        return self.tabel(kunci, judul, [
            Lajur("Sasaran"), Lajur("Indikator"), Lajur("Target", True), Lajur("Realisasi", True),
            Lajur("Capaian", True), Lajur("Kategori")],
            [(sasaran[h.sasaran], h.nama, *(self._iku(h, u) for u in
                                            ("target", "realisasi", "capaian", "kategori")))
             for h in hasil], catatan=prosa.catatan_dibatasi(hasil) or "")


@turunan  # a page shows this sentence, rounded, not the capaian behind it: keyed on its text
def sebaran_kategori(d: DataTahun) -> tuple[str, str | None]:
    """The sentence of the count per category and the verdict (Markdown, its figure rounded as
    shown), and the overall category."""
    keseluruhan = kinerja.kategori_keseluruhan(d)
    return prosa.sebaran_kategori(kinerja.jumlah_per_kategori(d), keseluruhan,
                                  kinerja.nilai_keseluruhan(d),
                                  kinerja.aturan_kesimpulan(d).uraian), keseluruhan


@turunan  # Bab IV names the IKU met and not met, not their figures: keyed on the names
def nama_ketercapaian(d: DataTahun) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The names of the IKU whose target was met, and of those whose target was not."""
    tercapai, belum = kinerja.ketercapaian_iku(d)
    return tuple(h.nama for h in tercapai), tuple(h.nama for h in belum)


def rupiah_sel(nilai: int | None) -> str:
    """Money in a table cell whose header already says (Rp)."""
    return fmt.angka(nilai, 0)


def tanda_tangan(d: DataTahun, orang: Pejabat | None = None, peran: str = "",
                 tanggal: Any = None, bertempat: bool = True) -> Html:
    """A signature block: place and date, role, position, name, rank, NIP. By default the head of
    agency on the edition's date, as precise as the data holds it (a date known to the month
    prints as the month); lines whose data is absent (an elected official has no rank or NIP,
    a position not given) are left out."""
    k, e = orang if orang is not None else d.instansi.kepala, d.edisi
    tempat = f"{e.tempat}, {fmt.tanggal(tanggal or e.tanggal_terbit)}" if bertempat \
        else "\u00a0"
    pangkat = " / ".join(x for x in (k.pangkat, k.golongan) if x)
    return blok("lakip-ttd", [
        ("tempat", tempat),
        *([("peran", peran)] if peran else []),
        *([("jabatan", f"{k.jabatan},")] if k.jabatan else []),
        ("ruang", "\u00a0"),
        ("nama", k.nama or "–"),
        *([("pangkat", pangkat)] if pangkat else []),
        *([("nip", f"NIP. {k.nip}")] if k.nip else []),
    ])
