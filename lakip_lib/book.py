"""What each part of the book shows: one class per notebook, one method per block of content.

A notebook cell calls one method; the method returns an `Isi` (a list of display objects that
Jupyter shows in order). Tables and figures are numbered per chapter: every part declares the
numbered items it will show (`rencana`), so a notebook knows its numbers without the others
having run.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from functools import cached_property, lru_cache
from typing import Any

from lakip_lib import audit, charts, data, gambar, kinerja, narasi, rilis
from lakip_lib import capaian as rumus
from lakip_lib import fakta as f
from lakip_lib import format as fmt
from lakip_lib.data import DataTahun
from lakip_lib.schema import DATASETS, STATUS_IDM
from lakip_lib.tampilan import (
    Grafik,
    Html,
    Kalimat,
    Kolom,
    Koreksi,
    Nilai,
    Tabel,
    Teks,
    _slug,
    aman,
    blok,
    daftar,
    kotak_perbedaan,
    markdown_aman,
    tabel_dari,
    teks,
)

SUMBER_DATA = "data instansi, diolah"
SUMBER_AUDIT = "hitungan ulang buku ini atas angka yang tercetak di dokumen sumber"
TIDAK_LENGKAP = "tidak lengkap"  # a sum over a missing part
TIDAK_DIHITUNG = "tidak dihitung"  # a percentage on an incomplete base


class Isi(list):  # type: ignore[type-arg]
    """Display objects shown one after another in a notebook cell."""

    def _ipython_display_(self) -> None:
        from IPython.display import display

        for objek in self:
            display(objek)


def _muat(tahun: int) -> DataTahun:
    return data.muat(tahun)


class Bagian:
    """One part of the book (one executed notebook)."""

    bab = ""  # numbering prefix of tables and figures: "IE", "1" … "4", "L"
    notebook = ""  # the source notebook under notebooks/ (without .ipynb)
    induk: str | None = None  # the page this one is a section of, in the table of contents

    def __init__(self, d: DataTahun):
        self.d = d

    @property
    def tahun(self) -> int:
        return self.d.tahun

    def rencana(self) -> list[tuple[str, str]]:
        """The numbered items ("tabel" | "gambar", key) this part shows, in order."""
        return []

    def _nomor(self, jenis: str, kunci: str) -> str:
        nomor = penomoran(self.d, self.bab).get((self.kunci_bagian, jenis, kunci))
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

    def tabel(self, kunci: str, judul: str, kolom: Iterable[Kolom], baris: Iterable[Iterable[Any]],
              sumber: str = SUMBER_DATA, **kw: Any) -> Tabel:
        return tabel_dari(self._nomor("tabel", kunci), judul, list(kolom),
                          [list(b) for b in baris], sumber=sumber, **kw)

    @staticmethod
    def _sumber_data(*dataset: str) -> str:
        """A table's source line in the reader's words: the agency's data and the datasets it
        comes from (each listed on the "Unduh data" page), never a file path of the build."""
        return f"data instansi ({', '.join(n.replace('_', ' ') for n in dataset)}), diolah"

    def gambar(self, kunci: str, judul: str, chart: Any, alternatif: str,
               sumber: str = SUMBER_DATA) -> Grafik:
        return Grafik(self._nomor("gambar", kunci), judul, chart, alternatif, sumber)

    def _angka(self, fakta: str, teks: str) -> Nilai:
        """A figure with its fact name, marked where the signed document printed the same fact
        differently in this chapter."""
        return Nilai(teks, fakta, koreksi_fakta(self.d, self.bab, fakta))

    def _iku(self, h: kinerja.HasilIndikator, ukuran: str) -> Nilai:
        """One of an IKU's figures this year: target, realisasi, capaian or kategori."""
        if ukuran == "target":
            return self._angka(f.indikator(h.kode, "target"),
                               narasi.nilai(h.target, h.satuan, h.desimal))
        if ukuran == "realisasi":
            return self._angka(f.indikator(h.kode, "realisasi", self.tahun),
                               narasi.nilai(h.realisasi, h.satuan, h.desimal))
        if ukuran == "capaian":
            return self._angka(f.indikator(h.kode, "capaian"), fmt.persen(h.capaian))
        return self._angka(f.indikator(h.kode, "kategori"), h.kategori or fmt.BELUM_TERSEDIA)

    def narasi(self, nama: str) -> Teks:
        isi = self.d.narasi(nama)
        if isi is None:
            return teks(f"*Narasi `{nama}.md` belum ditulis untuk tahun {self.tahun}.*")
        return Teks(isi)  # restricted Markdown, checked by validation, rendered by us

    # shared building blocks -------------------------------------------------------------
    def _kalimat_kategori(self) -> Kalimat:
        """The count per category and the verdict, the verdict as its fact."""
        keseluruhan = kinerja.kategori_keseluruhan(self.d)
        kalimat = narasi.sebaran_kategori(kinerja.jumlah_per_kategori(self.d), keseluruhan,
                                          kinerja.nilai_keseluruhan(self.d),
                                          kinerja.aturan_kesimpulan(self.d).uraian)
        if keseluruhan is None:
            return Kalimat(kalimat)
        return Kalimat(kalimat, ((f"**{keseluruhan}**",
                                  self._angka(f.KATEGORI_KESELURUHAN, keseluruhan)),))

    def _kalimat_anggaran(self) -> Kalimat:
        """The budget sentence, its totals as their facts."""
        t = kinerja.total_anggaran(self.d)
        kalimat = narasi.anggaran(t, self.d.edisi.get("sumber_anggaran", "APBD"))
        angka = [(fmt.rupiah(nilai), self._angka(f.anggaran("total", ukuran), fmt.rupiah(nilai)))
                 for ukuran, nilai in (("anggaran", t.anggaran), ("realisasi", t.realisasi),
                                       ("sisa", t.sisa)) if nilai is not None]
        if t.penyerapan is not None:
            angka.append((fmt.persen(t.penyerapan), self._angka(
                f.anggaran("total", "penyerapan"), fmt.persen(t.penyerapan))))
        return Kalimat(kalimat, tuple(angka))

    def _kalimat_iku(self, h: kinerja.HasilIndikator) -> Kalimat:
        """An IKU's sentence of the year, its realisasi, target, capaian and kategori as facts
        (in the order the sentence states them)."""
        angka = tuple((n.teks if u != "kategori" else f"**{n.teks}**", n)
                      for u in ("realisasi", "target", "capaian", "kategori")
                      if (n := self._iku(h, u)).teks != fmt.BELUM_TERSEDIA)
        return Kalimat(narasi.capaian_indikator(h, self.tahun, kinerja.skala(self.d)), angka)

    def _tabel_iku(self, kunci: str, judul: str, hasil: list[kinerja.HasilIndikator]) -> Tabel:
        sasaran = {b["kode"]: b["uraian"] for b in self.d["sasaran"].baris}
        return self.tabel(kunci, judul, [
            Kolom("Sasaran"), Kolom("Indikator"), Kolom("Target", True), Kolom("Realisasi", True),
            Kolom("Capaian", True), Kolom("Kategori")],
            [(sasaran[h.sasaran], h.nama, *(self._iku(h, u) for u in
                                            ("target", "realisasi", "capaian", "kategori")))
             for h in hasil])


@lru_cache(maxsize=16)
def penomoran(d: DataTahun, bab: str | None = None) -> dict[tuple[str, str, str], str]:
    """(part, "tabel" | "gambar", key) → number such as "3.12": every part's declared items,
    counted per chapter in reading order. Computed once per loaded year and chapter, not per
    item. With `bab`, only that chapter's parts are planned: numbers restart per chapter, so a
    notebook never needs (nor records as its inputs) what another chapter shows."""
    nomor: dict[tuple[str, str, str], str] = {}
    hitung: dict[tuple[str, str], int] = {}
    for bagian in urutan(d):
        if bab is not None and bagian.bab != bab:
            continue
        for jenis, kunci in bagian.rencana():
            n = hitung[(bagian.bab, jenis)] = hitung.get((bagian.bab, jenis), 0) + 1
            nomor[(bagian.kunci_bagian, jenis, kunci)] = f"{bagian.bab}.{n}"
    return nomor


@lru_cache(maxsize=4)
def _perbandingan_audit(d: DataTahun) -> list[audit.Temuan]:
    """The audit's comparison of a loaded year, once: the appendix and every chapter's
    correction marks need it."""
    return audit.perbandingan(d)


@lru_cache(maxsize=4)
def _temuan_audit(d: DataTahun) -> list[audit.Temuan]:
    """The findings of a loaded year, numbered as the Lampiran lists them."""
    return audit.hanya_temuan(_perbandingan_audit(d))


@data.turunan  # a page depends on its chapter's corrections, not on the whole audit behind them
def koreksi_bab(d: DataTahun, bab: str) -> dict[str, tuple[Koreksi, ...]]:
    """fact → what the signed source printed for it in chapter `bab`, where that differs from
    the book (one correction per printed value; its places listed together). Empty for an
    edition without a signed source (no dilaporkan data)."""
    if not (d.ada("dilaporkan") or d.ada("iku_dilaporkan")):
        return {}  # no signed predecessor: nothing was printed that the book could correct
    temuan = _temuan_audit(d)
    nomor = {t: i for i, t in enumerate(temuan, start=1)}
    per_fakta: dict[str, dict[str, list[audit.Temuan]]] = {}
    for t in _perbandingan_audit(d):
        if t.fakta and f.bab_sumber(t.lokasi) == bab:
            per_fakta.setdefault(t.fakta, {}).setdefault(t.dilaporkan, []).append(t)
    hasil: dict[str, tuple[Koreksi, ...]] = {}
    for fakta_, per_nilai in per_fakta.items():
        hasil[fakta_] = tuple(
            Koreksi(tercetak, "; ".join(dict.fromkeys(t.lokasi for t in sama)), sama[0].seharusnya,
                    sama[0].hitungan, _nomor_temuan(sama[0], temuan, nomor), "lampiran.html")
            for tercetak, sama in per_nilai.items())
    return hasil


@data.turunan  # a page depends on the corrections of the facts it shows, nothing more
def koreksi_fakta(d: DataTahun, bab: str, fakta: str) -> tuple[Koreksi, ...]:
    """The corrections of one fact as chapter `bab` shows it."""
    return koreksi_bab(d, bab).get(fakta, ())


def _nomor_temuan(t: audit.Temuan, temuan: list[audit.Temuan],
                  nomor: dict[audit.Temuan, int]) -> int | None:
    """The Lampiran number of a finding; for a difference that only follows from a printed
    input, the finding about an input at the same place."""
    if t in nomor:
        return nomor[t]
    subjek = t.perihal.split(":")[0]
    return next((nomor[x] for x in temuan if x.lokasi == t.lokasi
                 and x.perihal.split(":")[0] == subjek), None)


def urutan(d: DataTahun) -> list[Bagian]:
    """Every part of the book in reading order."""
    sasaran = [Sasaran(d, kode) for kode in d["sasaran"].kolom("kode")]
    return [Sampul(d), Ikhtisar(d), Pendahuluan(d), Perencanaan(d), Capaian(d), *sasaran,
            Anggaran(d), Penutup(d), Lampiran(d), *([Dokumentasi(d)] if _foto(d) else [])]


def _foto(d: DataTahun) -> list[dict[str, Any]]:
    """The year's activity photos with their captions (none when the folder is absent)."""
    return d["dokumentasi"].baris if d.ada("dokumentasi") else []


# --- Sampul dan Kata Pengantar ----------------------------------------------------------------

class Sampul(Bagian):
    notebook = "sampul"

    @property
    def judul_halaman(self) -> str:
        return f"LAKIP {self.tahun}"

    def sampul(self) -> Isi:
        i, e = self.d.instansi, self.d.edisi
        teks_sampul = blok("lakip-sampul", [
            ("judul", "Laporan Akuntabilitas Kinerja Instansi Pemerintah"),
            ("tahun", str(self.tahun)),
            ("instansi", i["nama"]),
            ("pemerintah", i.get("pemerintah", i["kabupaten"])),
            ("edisi", f"{rilis.label(e)} · {e['tempat']}, {fmt.bulan_tahun(e['tanggal_terbit'])}"),
        ])
        return Isi([_dengan_gambar(teks_sampul, self._gambar_sampul())])

    def _gambar_sampul(self) -> str:
        """The coat of arms and/or agency logo named in instansi.yaml, as they are, side by side."""
        i = self.d.instansi
        alt = {"lambang": f"Lambang {i.get('pemerintah') or i['kabupaten']}",
               "logo": f"Logo {i.get('nama_singkat') or i['nama']}"}
        isi = "".join(gambar.img(self.d.gambar(i[k]), alt[k], f"lakip-{k}")
                      for k in gambar.GAMBAR_SAMPUL if i.get(k))
        return f'<div class="lakip-sampul-gambar">{isi}</div>' if isi else ""

    def kata_pengantar(self) -> Isi:
        return Isi([self.narasi("kata_pengantar"), tanda_tangan(self.d)])


_KALIMAT_TARGET_SEMENTARA = ("Perjanjian Kinerja tahun {tahun} belum ditandatangani: target "
                             "indikator kinerja utama yang ditampilkan masih target Renstra dan "
                             "bersifat sementara.")


def _terbaru_per_wilayah(baris: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each region's latest figure (a region is compared once, with its newest data)."""
    terbaru: dict[str, dict[str, Any]] = {}
    for b in baris:
        if b["wilayah"] not in terbaru or b["tahun"] > terbaru[b["wilayah"]]["tahun"]:
            terbaru[b["wilayah"]] = b
    return list(terbaru.values())


def _target_renstra(d: DataTahun) -> list[str]:
    """The IKU whose target is still the Renstra's (the Perjanjian Kinerja is not signed yet)."""
    return [b["indikator"] for b in d["target"].baris if b["dasar"] == "renstra"]


# --- Ikhtisar Eksekutif -----------------------------------------------------------------------

class Ikhtisar(Bagian):
    bab = "IE"
    notebook = "ikhtisar"

    def rencana(self) -> list[tuple[str, str]]:
        return [("tabel", "iku"), ("tabel", "kategori")]

    def anggaran(self) -> Isi:
        return Isi([self._kalimat_anggaran()])

    def perbedaan(self) -> Isi:
        """The box that opens the Ikhtisar: the headline figures (IKU capaian and categories,
        the year's verdict, budget totals) that differ from the signed report, in plain words.
        Nothing for an edition without a signed source."""
        koreksi = koreksi_bab(self.d, self.bab)
        kelompok = []
        for label, angka in self._angka_utama():
            beda = [(sub, Nilai(teks_, fakta_), k) for fakta_, sub, teks_ in angka
                    for k in koreksi.get(fakta_, ())[:1]]
            if beda:
                kelompok.append((label, beda))
        if not kelompok:
            return Isi()
        return Isi([kotak_perbedaan(kelompok, len(_temuan_audit(self.d)), "lampiran.html")])

    def _angka_utama(self) -> list[tuple[str, list[tuple[str, str, str]]]]:
        """The Ikhtisar's headline figures in groups: (label, [(fact, sub-label, figure)])."""
        utama = [(h.nama, [(f.indikator(h.kode, "realisasi", self.tahun), "realisasi",
                            narasi.nilai(h.realisasi, h.satuan, h.desimal)),
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
        if _target_renstra(self.d):  # a draft before the agreement is signed says so
            pengantar = teks(
                f"Tahun {self.tahun} diukur dengan {narasi.bilangan(jumlah_sasaran)} sasaran "
                f"strategis dan {narasi.bilangan(len(hasil))} indikator kinerja utama. "
                + _KALIMAT_TARGET_SEMENTARA.format(tahun=self.tahun)
                + " Capaiannya diringkas pada tabel berikut.")
        else:
            pengantar = teks(
                f"Perjanjian Kinerja tahun {self.tahun} memuat {narasi.bilangan(jumlah_sasaran)} "
                f"sasaran strategis dengan {narasi.bilangan(len(hasil))} indikator kinerja "
                "utama. Capaiannya diringkas pada tabel berikut.")
        return Isi([pengantar, self._tabel_iku("iku", f"Capaian IKU Tahun {self.tahun}", hasil)])

    def kategori(self) -> Isi:
        jumlah = kinerja.jumlah_per_kategori(self.d)
        return Isi([
            self._kalimat_kategori(),
            self.tabel("kategori", "Jumlah IKU per Kategori Capaian",
                       [Kolom("Kategori"), Kolom("Jumlah IKU", True)],
                       [(k, self._angka(f.kategori_jumlah(k), str(n)))
                        for k, n in jumlah.items()]),
        ])

    def kendala(self) -> Isi:
        return Isi([self.narasi("kendala_utama")])


# --- Bab I ------------------------------------------------------------------------------------

class Pendahuluan(Bagian):
    bab = "1"
    notebook = "bab1_pendahuluan"

    def rencana(self) -> list[tuple[str, str]]:
        return [("gambar", "struktur"), ("tabel", "struktur"), ("tabel", "aspek")]

    def latar_belakang(self) -> Isi:
        i = self.d.instansi
        dasar = [f"{b['peraturan']} tentang {b['tentang']}" for b in i.get("dasar_pembentukan", [])]
        return Isi([self.narasi("latar_belakang"),
                    teks("Instansi ini dibentuk dan diatur dengan:"), daftar(dasar),
                    teks(markdown_aman(i.get("tugas", "")), "Fungsinya meliputi:"),
                    daftar(i.get("fungsi", []), bernomor=True)])

    def struktur(self) -> Isi:
        unit = self.d.instansi.get("struktur") or []
        baris = [(u["unit"], _fungsional(u) or "–") for u in unit]
        bagan = [_bagan(unit, self._nomor("gambar", "struktur"))] if unit else []
        return Isi([*bagan, self.tabel("struktur", "Susunan Organisasi",
                               [Kolom("Unit"), Kolom("Jabatan fungsional pendukung")], baris,
                               sumber=self._sumber_data("instansi"))])

    def aspek_strategis(self) -> Isi:
        t = self.d["aspek_strategis"]
        kondisi = kinerja.aspek_strategis(self.d)
        return Isi([self.tabel("aspek", "Aspek Strategis Organisasi", [
            Kolom("Aspek kajian"), Kolom("Kondisi", True), Kolom("Standar"),
            Kolom("Faktor internal"), Kolom("Faktor eksternal"), Kolom("Permasalahan")],
            [(b["aspek"], self._kondisi(k), b["standar"], b["faktor_internal"],
              b["faktor_eksternal"], b["permasalahan"]) for b, k in zip(t.baris, kondisi,
                                                                          strict=True)],
            sumber=self._sumber_data("aspek_strategis"),
            catatan="Kondisi aspek yang merupakan indikator kinerja buku ini adalah realisasi "
                    "atau capaian tahun ini yang dihitung dari data, sama dengan Bab III."
            if any(k.indikator for k in kondisi) else "")])

    def _kondisi(self, k: kinerja.KondisiAspek) -> Nilai:
        """A strategic aspect's condition: a linked indicator's figure exactly as Bab III
        shows it (the same fact), else the aspect's own input."""
        if k.ukuran == "capaian" and k.indikator:
            return self._angka(f.indikator(k.indikator, "capaian"), fmt.persen(k.nilai))
        teks_ = narasi.nilai(k.nilai, k.satuan, k.desimal)
        if k.indikator:
            return self._angka(f.indikator(k.indikator, "realisasi", self.tahun), teks_)
        return self._angka(f.baris("aspek", k.aspek, "kondisi"), teks_)

    def isu_strategis(self) -> Isi:
        isu = self.d.isu
        return Isi([teks("### Tantangan"), daftar(isu.get("tantangan", []), bernomor=True),
                    teks("### Peluang"), daftar(isu.get("peluang", []), bernomor=True)])

    def landasan_hukum(self) -> Isi:
        return Isi([daftar(self.d.instansi.get("landasan_hukum", []), bernomor=True)])


# --- Bab II -----------------------------------------------------------------------------------

class Perencanaan(Bagian):
    bab = "2"
    notebook = "bab2_perencanaan"

    def rencana(self) -> list[tuple[str, str]]:
        return [("tabel", "tujuan"), ("tabel", "sasaran"), ("tabel", "iku"), ("tabel", "pk"),
                ("tabel", "pk-anggaran")]

    def _tahun_renstra(self) -> list[int]:
        awal, akhir = self.d.periode_renstra
        return list(range(awal, akhir + 1))

    def visi_misi(self) -> Isi:
        r = self.d.instansi.get("rpjmd", {})
        awal, akhir = self.d.periode_renstra
        return Isi([teks(
            f"Renstra instansi berlaku untuk periode {awal}–{akhir} dan mengacu pada RPJMD "
            f"{markdown_aman(self.d.instansi['kabupaten'])}.",
            f"**Visi:** “{markdown_aman(r.get('visi', ''))}”",
            f"**Misi yang didukung:** “{markdown_aman(r.get('misi', ''))}”")])

    def _target_per_tahun(self, kunci: str, judul: str, induk: str, jenis: str) -> Tabel:
        tahun = self._tahun_renstra()
        induk_uraian = {b["kode"]: b["uraian"] for b in self.d[induk].baris}
        baris = []
        for ind in self.d["indikator"].cari(jenis=jenis):
            nilai = [kinerja.target_renstra(self.d, ind["kode"], t) for t in tahun]
            baris.append((induk_uraian[ind["induk"]], ind["nama"],
                          *(self._angka(f.indikator(ind["kode"], "target_renstra", t),
                                        narasi.nilai(v, ind["satuan"], ind["desimal"]))
                            if v is not None else "–" for t, v in zip(tahun, nilai, strict=True))))
        return self.tabel(kunci, judul, [Kolom(induk.capitalize()), Kolom("Indikator"),
                                         *(Kolom(str(t), True) for t in tahun)], baris,
                          sumber=self._sumber_data("renstra_target"))

    def tujuan(self) -> Isi:
        return Isi([self._target_per_tahun("tujuan", "Tujuan Jangka Menengah dan Targetnya",
                                           "tujuan", "tujuan")])

    def sasaran(self) -> Isi:
        return Isi([self._target_per_tahun("sasaran", "Sasaran Jangka Menengah dan Targetnya",
                                           "sasaran", "iku")])

    def iku(self) -> Isi:
        baris = [(b["nama"], b["definisi"], b["alasan"],
                  "makin tinggi makin baik" if b["arah"] == "naik" else "makin rendah makin baik",
                  b["penanggung_jawab"], b["sumber_data"])
                 for b in self.d["indikator"].cari(jenis="iku")]
        return Isi([self.tabel("iku", f"Indikator Kinerja Utama Tahun {self.tahun}", [
            Kolom("Indikator"), Kolom("Definisi dan rumus"), Kolom("Alasan pemilihan"),
            Kolom("Arah"), Kolom("Penanggung jawab"), Kolom("Sumber data")], baris,
            sumber=self._sumber_data("indikator"))])

    def perjanjian_kinerja(self) -> Isi:
        iku = self.d["indikator"].cari(jenis="iku")  # targets only: no realisasi is read here
        sasaran = {b["kode"]: b["uraian"] for b in self.d["sasaran"].baris}
        pk = self.d.edisi.get("perjanjian_kinerja", {})
        return Isi([
            teks(f"{markdown_aman(pk.get('judul', 'Perjanjian Kinerja'))} ditandatangani pada "
                 f"{fmt.tanggal(pk['tanggal'])}." if pk.get("tanggal") else ""),
            self.tabel("pk", f"Perjanjian Kinerja Tahun {self.tahun}",
                       [Kolom("No.", True), Kolom("Sasaran strategis"), Kolom("Indikator kinerja"),
                        Kolom("Target", True)],
                       [(str(n), sasaran[i["induk"]], i["nama"], self._angka(
                           f.indikator(i["kode"], "target"),
                           narasi.nilai(kinerja.target_tahunan(self.d, i["kode"]), i["satuan"],
                                        i["desimal"])))
                        for n, i in enumerate(iku, start=1)], sumber=self._sumber_data("target")),
            self.tabel("pk-anggaran", "Anggaran per Sasaran dalam Perjanjian Kinerja",
                       [Kolom("Sasaran"), Kolom("Anggaran (Rp)", True)],
                       [(sasaran[b["sasaran"]],
                         self._angka(f.baris("pk_anggaran", b["sasaran"], "anggaran"),
                                     _rp(b["anggaran"])))
                        for b in self.d["pk_anggaran"].baris],
                       sumber=self._sumber_data("pk_anggaran"),
                       catatan="Selisih terhadap realisasi anggaran dibahas pada Lampiran "
                               "Catatan Konsistensi Data."),
        ])


# --- Bab III: capaian IKU ---------------------------------------------------------------------

class Capaian(Bagian):
    bab = "3"
    notebook = "bab3_capaian"

    def rencana(self) -> list[tuple[str, str]]:
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
                       [Kolom("Capaian (%)"), Kolom("Kategori")], baris,
                       sumber=self._sumber_skala()),
            self._kalimat_kategori(),
        ])

    def _sumber_skala(self) -> str:
        """The scale's legal basis as the year's data credits it, then its data file."""
        dasar = (self.d.edisi.get("penilaian") or {}).get("dasar_skala")
        data_ = self._sumber_data("skala_kategori")
        return f"{dasar}; {data_}" if dasar else data_

    def grafik(self) -> Isi:
        hasil = kinerja.hasil_iku(self.d)
        rekaman = [{"nama": h.nama, "capaian": float(h.capaian), "teks": fmt.persen(h.capaian)}
                   for h in hasil if h.capaian is not None]
        alternatif = "Capaian tiap IKU: " + "; ".join(f"{r['nama']} {r['teks']}" for r in rekaman)
        chart = charts.capaian(rekaman)
        return Isi([self.gambar("iku", f"Capaian IKU Tahun {self.tahun} terhadap Target "
                                   "(garis putus-putus: 100%)", chart, alternatif + ".")])


# --- Bab III: one part per sasaran ------------------------------------------------------------

MIN_TITIK_GRAFIK = 3  # a series with fewer points is a sentence and a table, not a chart


class Sasaran(Bagian):
    bab = "3"
    notebook = "bab3_sasaran"
    induk = "bab3_capaian"

    def __init__(self, d: DataTahun, kode: str):
        super().__init__(d)
        baris = d["sasaran"].satu(kode=kode)
        if baris is None:
            ada = ", ".join(d["sasaran"].kolom("kode"))
            raise KeyError(f"sasaran {kode} tidak ada di data/sasaran.csv (yang ada: {ada})")
        self.kode = kode
        self.uraian: str = baris["uraian"]

    @property
    def kunci_bagian(self) -> str:
        return f"Sasaran-{self.kode}"

    @property
    def berkas(self) -> str:
        return f"sasaran_{self.kode.lower()}"

    @property
    def parameter(self) -> dict[str, Any]:
        return {"sasaran": self.kode}

    @property
    def judul_halaman(self) -> str:
        return f"Sasaran {self.nomor_urut}: {self.uraian}"

    @property
    def nomor_urut(self) -> int:
        return self.d["sasaran"].kolom("kode").index(self.kode) + 1

    @cached_property
    def iku(self) -> list[kinerja.HasilIndikator]:
        return kinerja.iku_sasaran(self.d, self.kode)

    @cached_property
    def kode_iku(self) -> list[str]:
        """The codes of the sasaran's IKU: all that planning needs (it reads no figure, so the
        other pages of the chapter do not depend on this sasaran's values)."""
        return [b["kode"] for b in self.d["indikator"].cari(jenis="iku", induk=self.kode)]

    @cached_property
    def pendukung(self) -> list[dict[str, Any]]:
        return self.d["indikator"].cari(jenis="pendukung", induk=self.kode)

    def _sumber(self, h: kinerja.HasilIndikator) -> str:
        """An IKU's own data source (e.g. BPS Kabupaten Balangan), else the default."""
        return kinerja.indikator(self.d, h.kode)["sumber_data"] or SUMBER_DATA

    def _rumus(self) -> set[str]:
        return {kinerja.indikator(self.d, k)["rumus"] for k in self.kode_iku} | {
            p["rumus"] for p in self.pendukung}

    def _kode_berpembanding(self) -> list[str]:
        return self.kode_iku + [p["kode"] for p in self.pendukung]

    def _pembanding(self) -> list[dict[str, Any]]:
        kode = set(self._kode_berpembanding())
        return [b for b in self.d["pembanding"].baris if b["indikator"] in kode]

    def rencana(self) -> list[tuple[str, str]]:
        # in reading order: items a, b, c each show every IKU of the sasaran in turn
        item: list[tuple[str, str]] = [("tabel", f"a-{k}") for k in self.kode_iku]
        for k in self.kode_iku:
            item += [("tabel", f"b-{k}")]
            if self._ada_grafik(k):
                item += [("gambar", f"b-{k}")]
        item.append(("tabel", "c"))
        if any(self.d["pembanding"].cari(indikator=k) for k in self._kode_berpembanding()):
            item.append(("tabel", "d"))
        item += [("tabel", "f"), ("tabel", "g")]
        rumus_ = self._rumus()
        if "penurunan_kasus" in rumus_:
            item += [("tabel", "kasus"), ("gambar", "kasus")]
        if "desa_maju" in rumus_:
            item += [("tabel", "idm"), ("gambar", "idm"), ("tabel", "desa-kecamatan")]
        if "cpr" in rumus_:
            item += [("tabel", "cpr"), ("gambar", "cpr")]
        if self.pendukung:
            item.append(("tabel", "pendukung"))
        return item

    def judul(self) -> Isi:
        return Isi([teks(f"Sasaran strategis {self.nomor_urut}: **{markdown_aman(self.uraian)}**. "
                         "Indikator kinerjanya: " + ", ".join(markdown_aman(h.nama) for h in self.iku)
                         + ".")])

    def target_realisasi(self) -> Isi:
        isi = Isi()
        for h in self.iku:
            isi.append(self._kalimat_iku(h))
            isi.append(self.tabel(f"a-{h.kode}", f"Target dan Realisasi {h.nama} Tahun {self.tahun}",
                                  [Kolom("Indikator"), Kolom("Target", True),
                                   Kolom("Realisasi", True), Kolom("Capaian", True),
                                   Kolom("Kategori")],
                                  [(h.nama, *(self._iku(h, u) for u in
                                              ("target", "realisasi", "capaian", "kategori")))],
                                  sumber=self._sumber(h)))
        return isi

    def tren(self) -> Isi:
        isi = Isi()
        for h in self.iku:
            titik = kinerja.riwayat(self.d, h.kode)
            sebelum = kinerja.realisasi(self.d, h.kode, self.tahun - 1)  # may precede the Renstra
            isi.append(teks(narasi.perubahan(h.nama, sebelum, h.realisasi, self.tahun, h.satuan,
                                             h.desimal, h.arah)))
            isi.append(self.tabel(
                f"b-{h.kode}", f"Realisasi dan Capaian {h.nama} terhadap Target Renstra",
                [Kolom("Tahun"), Kolom("Target Renstra", True), Kolom("Realisasi", True),
                 Kolom("Capaian", True)],
                [(str(t.tahun),
                  self._angka(f.indikator(h.kode, "target_renstra", t.tahun),
                              narasi.nilai(t.target, h.satuan, h.desimal)),
                  self._angka(f.indikator(h.kode, "realisasi", t.tahun),
                              narasi.nilai(t.realisasi, h.satuan, h.desimal)),
                  self._angka(f.indikator(h.kode, "capaian_renstra", t.tahun),
                              fmt.persen(t.capaian)))
                 for t in titik], sumber=self._sumber(h)))
            alternatif = f"Garis realisasi dan target Renstra {h.nama} per tahun: " + "; ".join(
                f"{t.tahun} target {narasi.nilai(t.target, h.satuan, h.desimal)}, realisasi "
                f"{narasi.nilai(t.realisasi, h.satuan, h.desimal)}" for t in titik) + "."
            if grafik := self._titik_grafik(h.kode):
                isi.append(self.gambar(
                    f"b-{h.kode}", f"Tren {h.nama} dan Target Renstra {grafik[0][0]}–"
                    f"{grafik[-1][0]}", charts.tren(grafik, h.satuan, h.desimal), alternatif,
                    self._sumber(h)))
        return isi

    def _ada_grafik(self, kode: str) -> bool:
        """Whether `_titik_grafik` draws a chart, from which years have a realisasi and not what
        it is (planning must not depend on the figures: see `kinerja.ada_realisasi`)."""
        awal, _ = self.d.periode_renstra
        return sum(kinerja.ada_realisasi(self.d, kode, t)
                   for t in range(awal, self.tahun + 1)) >= MIN_TITIK_GRAFIK

    def _titik_grafik(self, kode: str) -> list[tuple[int, Any, Any]]:
        """(year, Renstra target, realisasi) over the whole Renstra period for the trend chart;
        empty when fewer than three years have a realisasi (the table and sentence say it)."""
        awal, akhir = self.d.periode_renstra
        titik = [(t, kinerja.target_renstra(self.d, kode, t),
                  kinerja.realisasi(self.d, kode, t) if t <= self.tahun else None)
                 for t in range(awal, akhir + 1)]
        return titik if sum(r is not None for _, _, r in titik) >= MIN_TITIK_GRAFIK else []

    def akhir_renstra(self) -> Isi:
        """One sentence per IKU, then one table of all the sasaran's IKU."""
        isi, baris = Isi(), []
        _, akhir = self.d.periode_renstra
        for h in self.iku:
            target_akhir = kinerja.target_akhir_renstra(self.d, h.kode)
            nilai_ = rumus.capaian(target_akhir, h.realisasi, h.arah)
            isi.append(teks(narasi.akhir_renstra(h, target_akhir, akhir, nilai_, self.tahun)))
            baris.append((h.nama, self._iku(h, "realisasi"),
                          self._angka(f.indikator(h.kode, "target_renstra", akhir),
                                      narasi.nilai(target_akhir, h.satuan, h.desimal)),
                          self._angka(f.indikator(h.kode, "capaian_akhir_renstra"),
                                      fmt.persen(nilai_))))
        isi.append(self.tabel(
            "c", f"Realisasi {self.tahun} terhadap Target Akhir Renstra ({akhir})",
            [Kolom("Indikator"), Kolom(f"Realisasi {self.tahun}", True),
             Kolom(f"Target {akhir}", True), Kolom("Capaian", True)],
            baris, sumber="; ".join(dict.fromkeys(self._sumber(h) for h in self.iku))))
        return isi

    def pembanding(self) -> Isi:
        baris = self._pembanding()
        if not baris:
            return Isi([teks("Data pembanding dari daerah lain, provinsi, atau nasional belum "
                             "tersedia untuk sasaran ini.")])
        isi = Isi()
        for h in self.iku:
            lain = _terbaru_per_wilayah(b for b in baris if b["indikator"] == h.kode
                                        and b["jenis"] == "realisasi" and b["tahun"] <= self.tahun)
            if h.realisasi is None or not lain:
                continue
            lebih_tinggi = [b["wilayah"] for b in lain if b["nilai"] > h.realisasi]
            lebih_rendah = [b["wilayah"] for b in lain if b["nilai"] < h.realisasi]
            bagian = []
            if lebih_rendah:
                bagian.append("lebih tinggi daripada " + ", ".join(map(markdown_aman, lebih_rendah)))
            if lebih_tinggi:
                bagian.append("lebih rendah daripada " + ", ".join(map(markdown_aman, lebih_tinggi)))
            lama = [b for b in lain if b["tahun"] != self.tahun]
            catatan = (" Angka " + ", ".join(markdown_aman(b["wilayah"]) for b in lama)
                       + " adalah data tahun " + ", ".join(sorted({str(b["tahun"]) for b in lama}))
                       + ", tahun terakhir yang tersedia." if lama else "")
            isi.append(teks(f"Realisasi {markdown_aman(h.nama)} "
                            f"{markdown_aman(self.d.instansi['kabupaten'])} "
                            f"({markdown_aman(narasi.nilai(h.realisasi, h.satuan, h.desimal))}) "
                            + " dan ".join(bagian) + "." + catatan))
        nama = {b["kode"]: b["nama"] for b in self.d["indikator"].baris}
        isi.append(self.tabel("d", "Perbandingan dengan Daerah Lain, Provinsi, dan Nasional",
                              [Kolom("Indikator"), Kolom("Wilayah"), Kolom("Tahun"),
                               Kolom("Jenis"), Kolom("Nilai", True), Kolom("Sumber")],
                              [(nama[b["indikator"]], b["wilayah"], str(b["tahun"]), b["jenis"],
                                self._angka(f.baris("pembanding", f"{b['indikator']}.{b['wilayah']}"
                                                    f".{b['tahun']}", b["jenis"]),
                                            narasi.nilai(b["nilai"], b["satuan"], None)),
                                b["sumber"]) for b in baris], sumber=self._sumber_data("pembanding")))
        return isi

    def analisis(self) -> Isi:
        return Isi([self.narasi(self.kode)])

    def efisiensi(self) -> Isi:
        total = kinerja.anggaran_sasaran(self.d, self.kode)
        baris, kalimat = [], []
        for h in self.iku:
            efis = rumus.efisiensi(h.capaian, total.penyerapan)
            kalimat.append(narasi.efisiensi(h.capaian, total.penyerapan, efis))
            sasaran_ = f"sasaran.{self.kode}"
            baris.append((h.nama, self._iku(h, "capaian"),
                          self._angka(f.anggaran(sasaran_, "anggaran"), _rp(total.anggaran)),
                          self._angka(f.anggaran(sasaran_, "realisasi"), _rp(total.realisasi)),
                          self._angka(f.anggaran(sasaran_, "penyerapan"),
                                      fmt.persen(total.penyerapan)),
                          self._angka(f.indikator(h.kode, "efisiensi"), fmt.persen(efis))))
        return Isi([teks(*kalimat), self.tabel(
            "f", "Efisiensi Penggunaan Anggaran Program Pendukung Sasaran",
            [Kolom("Indikator"), Kolom("Capaian", True), Kolom("Anggaran (Rp)", True),
             Kolom("Realisasi (Rp)", True), Kolom("Penyerapan", True), Kolom("Efisiensi", True)],
            baris, catatan="Efisiensi = capaian ÷ penyerapan anggaran × 100; anggaran adalah "
                           "jumlah program yang mendukung sasaran ini.")])

    def program(self) -> Isi:
        baris = kinerja.program_kinerja(self.d, self.kode)
        return Isi([self.tabel(
            "g", "Program, Kegiatan, dan Sub Kegiatan Pendukung",
            [Kolom("Program / kegiatan / sub kegiatan"), Kolom("Indikator"), Kolom("Target", True),
             Kolom("Realisasi", True), Kolom("Capaian", True)],
            [(b.nama, b.indikator, *self._program_kinerja(b)) for b in baris],
            kelas_baris=tuple(b.level for b in baris),
            catatan="Capaian indikator yang makin baik bila makin rendah dihitung dengan rumus "
                    "(2 × target − realisasi) ÷ target × 100.")])

    def _program_kinerja(self, b: kinerja.BarisProgramKinerja) -> tuple[Nilai, Nilai, Nilai]:
        """Target, realisasi, capaian of a programme indicator; a book indicator's as Bab III
        shows them everywhere else (its unit and decimals, its fact names)."""
        if b.kode_indikator:
            ind = kinerja.indikator(self.d, b.kode_indikator)
            kode, satuan, desimal = b.kode_indikator, ind["satuan"], ind["desimal"]
            fakta = (f.indikator(kode, "target"), f.indikator(kode, "realisasi", self.tahun),
                     f.indikator(kode, "capaian"))
        else:
            satuan, desimal = b.satuan or "", None
            fakta = tuple(f.baris("program", b.kode, u)  # type: ignore[assignment]
                          for u in ("target", "realisasi", "capaian"))
        return (self._angka(fakta[0], narasi.nilai(b.target, satuan, desimal)),
                self._angka(fakta[1], narasi.nilai(b.realisasi, satuan, desimal)),
                self._angka(fakta[2], fmt.persen(b.capaian)))

    def data_pendukung(self) -> Isi:
        isi = Isi()
        rumus_ = self._rumus()
        if "penurunan_kasus" in rumus_:
            isi += self._kasus()
        if "desa_maju" in rumus_:
            isi += self._idm()
        if "cpr" in rumus_:
            isi += self._cpr()
        if self.pendukung:
            isi += self._pendukung()
        if not isi:
            isi.append(teks("Sasaran ini tidak memiliki indikator pendukung atau data rinci "
                            "tambahan."))
        return isi

    def _kasus(self) -> list[Any]:
        tahun = sorted({b["tahun"] for b in self.d["kasus_kekerasan"].baris})
        kelompok = sorted({b["kelompok"] for b in self.d["kasus_kekerasan"].baris})
        baris, rekaman = [], []
        for t in tahun:
            per = kinerja.kasus_per_kelompok(self.d, t)
            semua = kinerja.jumlah_kasus(self.d, t)
            baris.append((str(t), *(self._angka(f.baris("kasus", str(t), k), str(per[k]))
                                    if k in per else "kosong" for k in kelompok),
                          self._angka(f.baris("kasus", str(t), "jumlah"),
                                      str(semua) if semua is not None else TIDAK_LENGKAP)))
            rekaman += [{"tahun": str(t), "kelompok": k.capitalize(), "nilai": per[k],
                         "teks": f"{per[k]} kasus", "urut": i}
                        for i, k in enumerate(kelompok) if k in per]
        alternatif = "Jumlah kasus kekerasan per tahun: " + "; ".join(
            f"{b[0]} sebanyak {b[-1]} kasus" for b in baris) + "."
        return [
            self.tabel("kasus", "Jumlah Kasus Kekerasan terhadap Perempuan dan Anak",
                       [Kolom("Tahun"), *(Kolom(f"Korban {k}", True) for k in kelompok),
                        Kolom("Jumlah", True)], baris, sumber=self._sumber_data("kasus_kekerasan")),
            self.gambar("kasus", "Kasus Kekerasan menurut Kelompok Korban",
                        charts.bertumpuk(rekaman, "tahun", "kelompok", "Tahun", "Jumlah kasus",
                                         [k.capitalize() for k in kelompok],
                                         {k.capitalize(): w for k, w in
                                          zip(kelompok, charts.WARNA, strict=False)}),
                        alternatif, self._sumber_data("kasus_kekerasan")),
        ]

    def _idm(self) -> list[Any]:
        tahun = [b["tahun"] for b in self.d["idm_status"].baris]
        if self.tahun not in tahun:
            tahun.append(self.tahun)
        baris, rekaman, catatan = [], [], []
        for t in tahun:
            status = kinerja.status_desa(self.d, t)
            if status is None:
                baris.append((str(t), *([fmt.BELUM_TERSEDIA] * (len(STATUS_IDM) + 2))))
                continue
            kosong = kinerja.status_kosong(status)
            semua = kinerja.jumlah_desa(status)
            if kosong:
                catatan.append(f"{t}: sel {', '.join(kosong)} kosong pada sumber")
            baris.append((str(t), *("kosong" if status[s] is None else
                                    self._angka(f.baris("idm", str(t), s), str(status[s]))
                                    for s in STATUS_IDM),
                          self._angka(f.baris("idm", str(t), "jumlah"),
                                      str(semua) if semua is not None else TIDAK_LENGKAP),
                          self._angka(f.indikator(self._kode_desa(), "realisasi", t),
                                      fmt.persen(kinerja.realisasi(self.d, self._kode_desa(), t))
                                      if semua is not None else TIDAK_DIHITUNG)))
            rekaman += [{"tahun": str(t), "status": s, "nilai": status[s],
                         "teks": f"{status[s]} desa", "urut": i}
                        for i, s in enumerate(STATUS_IDM) if status[s] is not None]
        per_kec = kinerja.desa_per_kecamatan(self.d)
        alternatif = "Jumlah desa menurut status IDM per tahun: " + "; ".join(
            f"{b[0]}: Mandiri {b[1]}, Maju {b[2]}, Berkembang {b[3]}" for b in baris) + "."
        rekaman = [r for r in rekaman if kinerja.status_desa(self.d, int(r["tahun"]))]
        keterangan = ("Sel kosong pada sumber tidak dihitung sebagai 0: jumlah tahun itu tidak "
                      "lengkap dan persentasenya tidak dihitung (" + "; ".join(catatan) + ")."
                      if catatan else "")
        return [
            self.tabel("idm", "Jumlah Desa menurut Status Indeks Desa Membangun",
                       [Kolom("Tahun"), *(Kolom(s, True) for s in STATUS_IDM),
                        Kolom("Jumlah", True), Kolom("Desa Maju + Mandiri", True)], baris,
                       sumber=self._sumber_data("idm_status", "desa"),
                       catatan=keterangan),
            self.gambar("idm", "Status Desa menurut IDM per Tahun",
                        charts.bertumpuk(rekaman, "tahun", "status", "Tahun", "Jumlah desa",
                                         STATUS_IDM, charts.STATUS_WARNA), alternatif),
            self.tabel("desa-kecamatan", f"Status Desa per Kecamatan Tahun {self.tahun}",
                       [Kolom("Kecamatan"), *(Kolom(s, True) for s in STATUS_IDM),
                        Kolom("Jumlah", True)],
                       [(k, *(self._angka(f.baris("desa", k, s), str(v[s])) for s in STATUS_IDM),
                         self._angka(f.baris("desa", k, "jumlah"), str(sum(v.values()))))
                        for k, v in per_kec.items()], sumber=self._sumber_data("desa")),
        ]

    def _kode_desa(self) -> str:
        return next(h.kode for h in self.iku
                    if kinerja.indikator(self.d, h.kode)["rumus"] == "desa_maju")

    def _cpr(self) -> list[Any]:
        baris_ = kinerja.cpr_kecamatan(self.d)
        total = kinerja.total_cpr(self.d)
        kode = kinerja.kode_berumus(self.d, "cpr")
        target = kinerja.target_tahunan(self.d, kode) if kode else None
        rekaman = [{"kecamatan": b.kecamatan, "cpr": float(b.cpr), "teks": fmt.persen(b.cpr)}
                   for b in baris_ if b.cpr is not None]
        alternatif = "CPR per kecamatan: " + "; ".join(
            f"{r['kecamatan']} {r['teks']}" for r in rekaman) + "."
        tabel = self.tabel(
            "cpr", f"Contraceptive Prevalence Rate per Kecamatan Tahun {self.tahun}",
            [Kolom("Kecamatan"), Kolom("PUS", True), Kolom("KB aktif", True), Kolom("CPR", True)],
            [*((b.kecamatan, self._angka(f.baris("cpr", b.kecamatan, "pus"), fmt.angka(b.pus, 0)),
                self._angka(f.baris("cpr", b.kecamatan, "kb_aktif"), fmt.angka(b.kb_aktif, 0)),
                self._angka(f.baris("cpr", b.kecamatan, "cpr"), fmt.persen(b.cpr)))
               for b in baris_),
             *([("Kabupaten",
                 self._angka(f.baris("cpr", "total", "pus"), fmt.angka(total.pus, 0)),
                 self._angka(f.baris("cpr", "total", "kb_aktif"), fmt.angka(total.kb_aktif, 0)),
                 self._angka(f.indikator(kode, "realisasi", self.tahun) if kode
                             else f.baris("cpr", "total", "cpr"), fmt.persen(total.cpr)))]
               if total else [])],
            kelas_baris=(*("",) * len(baris_), "total"), sumber=self._sumber_data("cpr_kecamatan"))
        if not rekaman:
            return [tabel, self.gambar("cpr", "CPR per Kecamatan", charts.batang(
                [], "cpr", "kecamatan", "CPR (%)", "Kecamatan"),
                "Data CPR per kecamatan belum tersedia.")]
        judul = "CPR per Kecamatan" + (" (garis: target kabupaten)" if target else "")
        return [tabel, self.gambar("cpr", judul, charts.batang(
            rekaman, "cpr", "kecamatan", "CPR (%)", "Kecamatan",
            garis=float(target) if target is not None else None), alternatif)]

    def _pendukung(self) -> list[Any]:
        baris = []
        for p in self.pendukung:
            tahun, nyata = kinerja.realisasi_terakhir(self.d, p["kode"])
            h = kinerja.hasil(self.d, p["kode"], tahun=tahun) if tahun else None
            kode = p["kode"]
            baris.append((p["nama"], str(tahun) if tahun else "–",
                          self._angka(f.indikator(kode, "target"),
                                      narasi.nilai(kinerja.target_tahunan(self.d, kode),
                                                   p["satuan"], p["desimal"])),
                          self._angka(f.indikator(kode, "realisasi", tahun or self.tahun),
                                      narasi.nilai(nyata, p["satuan"], p["desimal"])),
                          self._angka(f.indikator(kode, "capaian") if tahun == self.tahun
                                      else f.indikator(kode, "capaian_data", tahun),
                                      fmt.persen(h.capaian if h else None)),
                          "naik" if p["arah"] == "naik" else "turun"))
        return [self.tabel("pendukung", "Indikator Pendukung Sasaran",
                           [Kolom("Indikator"), Kolom("Tahun data"), Kolom("Target", True),
                            Kolom("Realisasi", True), Kolom("Capaian", True), Kolom("Arah")],
                           baris, catatan="Realisasi adalah data terakhir yang tersedia; capaian "
                                          "dihitung terhadap target tahun ini.")]


# --- Bab III: anggaran dan efisiensi ----------------------------------------------------------

class Anggaran(Bagian):
    bab = "3"
    notebook = "bab3_anggaran"
    induk = "bab3_capaian"

    def rencana(self) -> list[tuple[str, str]]:
        return [("tabel", "program"), ("gambar", "program"), ("tabel", "rinci"),
                ("tabel", "efisiensi"), ("gambar", "efisiensi")]

    def ringkasan(self) -> Isi:
        return Isi([self._kalimat_anggaran()])

    def _anggaran(self, kode: str, t: kinerja.TotalAnggaran, sisa: bool = False) -> list[Nilai]:
        """Budget, spending, absorption (and what is left) of one budget line or the total."""
        angka = [self._angka(f.anggaran(kode, "anggaran"), _rp(t.anggaran)),
                 self._angka(f.anggaran(kode, "realisasi"), _rp(t.realisasi)),
                 self._angka(f.anggaran(kode, "penyerapan"), fmt.persen(t.penyerapan))]
        if sisa:
            angka.append(self._angka(f.anggaran(kode, "sisa"), _rp(t.sisa)))
        return angka

    def program(self) -> Isi:
        prog = kinerja.program(self.d)
        total = kinerja.total_anggaran(self.d)
        baris = [(p.nama, *self._anggaran(p.kode, p, sisa=True)) for p in prog]
        baris.append(("Jumlah", *self._anggaran("total", total, sisa=True)))
        rekaman = []
        for p in prog:
            for seri, nilai in (("Anggaran", p.anggaran), ("Realisasi", p.realisasi)):
                if nilai is not None:
                    rekaman.append({"program": _pendek(p.nama), "seri": seri, "nilai": nilai,
                                    "teks": fmt.rupiah(nilai)})
        diketahui = [p for p in prog if p.penyerapan is not None]
        alternatif = f"Anggaran dan realisasi {len(prog)} program"
        if diketahui:
            terendah = min(diketahui, key=lambda p: p.penyerapan or Decimal(0))
            alternatif += (f"; penyerapan terendah pada {terendah.nama} "
                           f"({fmt.persen(terendah.penyerapan)})")
        alternatif += "."
        return Isi([
            self.tabel("program", f"Realisasi Anggaran per Program Tahun {self.tahun}",
                       [Kolom("Program"), Kolom("Anggaran (Rp)", True),
                        Kolom("Realisasi (Rp)", True), Kolom("Penyerapan", True),
                        Kolom("Sisa (Rp)", True)], baris,
                       kelas_baris=(*("",) * len(prog), "total"),
                       sumber=self._sumber_data("anggaran")),
            self.gambar("program", "Anggaran dan Realisasi per Program",
                        charts.berkelompok(rekaman, "program", "seri", "Rupiah",
                                           ["Anggaran", "Realisasi"]), alternatif,
                        self._sumber_data("anggaran")),
        ])

    def rinci(self) -> Isi:
        baris = kinerja.anggaran(self.d)
        return Isi([self.tabel(
            "rinci", "Realisasi Anggaran per Program, Kegiatan, dan Sub Kegiatan",
            [Kolom("Kode"), Kolom("Program / kegiatan / sub kegiatan"),
             Kolom("Anggaran (Rp)", True), Kolom("Realisasi (Rp)", True),
             Kolom("Penyerapan", True)],
            [(b.kode, b.nama, *self._anggaran(b.kode, b)) for b in baris],
            kelas_baris=tuple(b.level for b in baris), sumber=self._sumber_data("anggaran"))])

    def efisiensi(self) -> Isi:
        baris = kinerja.efisiensi(self.d)
        per_kode = {b.kode: b for b in kinerja.anggaran(self.d)}
        rekaman = [{"nama": _pendek(per_kode[b.kode_anggaran].nama),
                    "capaian": float(b.capaian_kinerja), "penyerapan": float(b.penyerapan),
                    "teks_capaian": fmt.persen(b.capaian_kinerja),
                    "teks_penyerapan": fmt.persen(b.penyerapan),
                    "teks_efisiensi": fmt.persen(b.efisiensi)}
                   for b in baris if b.kode_anggaran and "." not in b.kode_anggaran
                   and b.capaian_kinerja is not None and b.penyerapan is not None]
        efisien = sum(1 for r in rekaman if r["capaian"] >= r["penyerapan"])
        alternatif = (f"Sebaran {len(rekaman)} indikator program menurut capaian dan penyerapan; "
                      f"{efisien} berada pada atau di atas garis efisiensi 100%.")
        return Isi([
            teks("Efisiensi membandingkan capaian kinerja dengan penyerapan anggaran: nilai di "
                 "atas 100% berarti hasil yang dicapai lebih besar daripada porsi anggaran yang "
                 "digunakan. Penyerapan dihitung dari tabel realisasi anggaran."),
            self.tabel("efisiensi", "Analisis Efisiensi Penggunaan Sumber Daya",
                       [Kolom("Program / kegiatan / sub kegiatan"), Kolom("Indikator"),
                        Kolom("Capaian kinerja", True), Kolom("Penyerapan", True),
                        Kolom("Efisiensi", True)],
                       [(b.nama, b.indikator,
                         self._angka(f.indikator(b.kode_indikator, "capaian") if b.kode_indikator
                                     else f.baris("efisiensi", str(i), "capaian"),
                                     fmt.persen(b.capaian_kinerja)),
                         self._angka(f.anggaran(b.kode_anggaran, "penyerapan") if b.kode_anggaran
                                     else f.baris("efisiensi", str(i), "penyerapan"),
                                     fmt.persen(b.penyerapan)),
                         self._angka(f.baris("efisiensi", str(i), "efisiensi"),
                                     fmt.persen(b.efisiensi)))
                        for i, b in enumerate(baris, start=1)],
                       kelas_baris=tuple(per_kode[b.kode_anggaran].level if b.kode_anggaran
                                         else "" for b in baris),
                       sumber=self._sumber_data("efisiensi")),
            self.gambar("efisiensi", "Capaian Kinerja terhadap Penyerapan Anggaran per Program",
                        charts.sebaran(rekaman, "Penyerapan anggaran (%)", "Capaian kinerja (%)"),
                        alternatif, self._sumber_data("efisiensi")),
        ])


def _rp(nilai: int | None) -> str:
    """Money in a table cell whose header already says (Rp)."""
    return fmt.angka(nilai, 0)


def _pendek(nama: str) -> str:
    """Programme names for chart axes: drop the leading word PROGRAM, title case."""
    nama = nama.strip()
    if nama.upper().startswith("PROGRAM "):
        nama = nama[8:]
    return nama.title() if nama.isupper() else nama


# --- Bab IV -----------------------------------------------------------------------------------

def tanda_tangan(d: DataTahun, orang: dict[str, Any] | None = None, peran: str = "",
                 tanggal: Any = None, bertempat: bool = True) -> Html:
    """A signature block: place and date, role, position, name, rank, NIP. By default the head of
    agency on the edition's date; lines whose data is absent (an elected official has no rank
    or NIP) are left out."""
    k, e = orang if orang is not None else d.instansi["kepala"], d.edisi
    tempat = f"{e['tempat']}, {fmt.tanggal(tanggal or e['tanggal_terbit'])}" if bertempat \
        else "\u00a0"
    pangkat = " / ".join(str(k[x]) for x in ("pangkat", "golongan") if k.get(x))
    return blok("lakip-ttd", [
        ("tempat", tempat),
        *([("peran", peran)] if peran else []),
        ("jabatan", f"{k.get('jabatan', 'Kepala')},"),
        ("ruang", "\u00a0"),
        ("nama", k.get("nama") or "–"),
        *([("pangkat", pangkat)] if pangkat else []),
        *([("nip", f"NIP. {k['nip']}")] if k.get("nip") else []),
    ])


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
        return Isi([self._kalimat_kategori(), Kalimat("\n\n".join(kalimat), (
            (serap, self._angka(f.anggaran("total", "penyerapan"), serap)),
            (pagu, self._angka(f.anggaran("total", "anggaran"), pagu))))])

    def tindak_lanjut(self) -> Isi:
        """The closing narrative, signed by the head of agency as the foreword is."""
        return Isi([self.narasi("penutup"), tanda_tangan(self.d)])


# --- Lampiran ---------------------------------------------------------------------------------

def _fungsional(unit: dict[str, Any]) -> str:
    return "; ".join(f"{j['jumlah']} {j['jabatan']}" for j in unit.get("jabatan_fungsional") or [])


def _bagan(unit: list[dict[str, Any]], nomor: str) -> Html:
    """The organisation chart as nested boxes: each unit under its `atasan` (a unit named in the
    same list), or under the first unit (the head) when it names none."""
    anak: dict[str, list[dict[str, Any]]] = {}
    for u in unit[1:]:
        anak.setdefault(u.get("atasan") or unit[0]["unit"], []).append(u)

    def cabang(u: dict[str, Any]) -> str:
        jf = _fungsional(u)
        isi = f'<div class="lakip-bagan-unit">{aman(u["unit"])}' + (
            f'<span class="lakip-bagan-jf">{aman(jf)}</span>' if jf else "") + "</div>"
        bawah = "".join(cabang(a) for a in anak.get(u["unit"], []))
        return f"<li>{isi}" + (f"<ul>{bawah}</ul>" if bawah else "") + "</li>"

    polos = "\n".join(u["unit"] for u in unit)
    return Html(f'<figure class="lakip-bagan" id="{_slug("gambar-" + nomor)}"><ul>'
                f'{cabang(unit[0])}</ul><figcaption><span class="lakip-nomor">Gambar '
                f'{aman(nomor)}</span> Bagan Organisasi</figcaption></figure>',
                f"Gambar {nomor} Bagan Organisasi\n{polos}", nomor)


class Dokumentasi(Bagian):
    """Activity photos with captions: a page under the Lampiran, only in a year whose data has
    a dokumentasi folder. Each photo is a numbered figure like the charts."""
    bab = "L"
    notebook = "dokumentasi"
    induk = "lampiran"

    def rencana(self) -> list[tuple[str, str]]:
        return [("gambar", b["berkas"]) for b in _foto(self.d)]

    def foto(self) -> Isi:
        isi = []
        for b in _foto(self.d):
            nomor = self._nomor("gambar", b["berkas"])
            gambar_ = gambar.img(self.d.gambar(f"{self.tahun}/dokumentasi/{b['berkas']}"),
                                 b["keterangan"], "lakip-foto-isi")
            isi.append(Html(f'<figure class="lakip-foto" id="{_slug("gambar-" + nomor)}">'
                            f'{gambar_}<figcaption><span class="lakip-nomor">Gambar '
                            f'{aman(nomor)}</span> {aman(b["keterangan"])}</figcaption></figure>',
                            f"Gambar {nomor} {b['keterangan']}", nomor))
        return Isi(isi)


def _dengan_gambar(kotak: Html, gambar_html: str) -> Html:
    """A block with images (already escaped, from `gambar.img`) placed first inside it."""
    if not gambar_html:
        return kotak
    kelas_akhir = kotak.html.index(">") + 1
    return Html(kotak.html[:kelas_akhir] + gambar_html + kotak.html[kelas_akhir:], kotak.polos)


def _pihak(orang: dict[str, Any], peran: str, selaku: str) -> Html:
    """One party of the Perjanjian Kinerja: name and position, then who it is in the form."""
    return blok("lakip-pk-pihak", [
        ("nama", f"Nama: {orang.get('nama') or '–'}"),
        ("jabatan", f"Jabatan: {orang.get('jabatan') or '–'}"),
        ("peran", f"{selaku}selanjutnya disebut {peran}."),
    ])


def _berdampingan(kelas: str, isi: list[Html]) -> Html:
    """Blocks side by side (they wrap one under the other on a narrow screen)."""
    return Html(f'<div class="{kelas}">' + "".join(h.html for h in isi) + "</div>",
                "\n\n".join(h.polos for h in isi))


class Lampiran(Bagian):
    bab = "L"
    notebook = "lampiran"

    def rencana(self) -> list[tuple[str, str]]:
        """Tables whose data is empty for this agency or year (no village list, no finding,
        no note on a source document) are left out rather than shown empty."""
        item = [("tabel", "pk"), ("tabel", "pk-program"), ("tabel", "dataset")]
        if self.d["desa"].baris:
            item.append(("tabel", "desa"))
        if self._temuan:
            item += [("tabel", "audit-ringkas"), ("tabel", "audit")]
        if self._catatan:
            item.append(("tabel", "catatan"))
        return item

    @property
    def _temuan(self) -> list[audit.Temuan]:
        return _temuan_audit(self.d)

    @cached_property
    def _catatan(self) -> list[dict[str, Any]]:
        return self.d["catatan_sumber"].baris if self.d.ada("catatan_sumber") else []

    def perjanjian_kinerja(self) -> Isi:
        """The Perjanjian Kinerja laid out as the signed form: the two parties, the commitment,
        both signature blocks, then the sasaran/indicator/target table and programme budgets."""
        k, pk = self.d.instansi["kepala"], self.d.edisi.get("perjanjian_kinerja", {})
        pihak2 = pk.get("pihak_kedua", {})
        sementara = [teks(_KALIMAT_TARGET_SEMENTARA.format(tahun=self.tahun))] \
            if _target_renstra(self.d) else []
        return Isi([
            *sementara,
            blok("lakip-pk-kepala", [
                ("judul", str(pk.get("judul") or f"Perjanjian Kinerja Tahun {self.tahun}")),
                ("instansi", self.d.instansi["nama"]),
                ("pemerintah", self.d.instansi.get("pemerintah") or self.d.instansi["kabupaten"]),
            ]),
            teks("Untuk mewujudkan pemerintahan yang efektif, transparan, akuntabel, dan "
                 "berorientasi pada hasil, yang bertanda tangan di bawah ini:"),
            _pihak(k, "Pihak Pertama", ""),
            _pihak(pihak2, "Pihak Kedua", "selaku atasan Pihak Pertama, "),
            teks("Pihak Pertama berjanji mewujudkan target kinerja tahunan yang tercantum pada "
                 "tabel di bawah ini sebagai bagian dari sasaran jangka menengah dalam Renstra, "
                 "dan bertanggung jawab atas berhasil atau tidaknya target tersebut dicapai. "
                 "Pihak Kedua memantau pelaksanaannya dan mengevaluasi capaiannya."),
            _berdampingan("lakip-pk-ttd", [
                tanda_tangan(self.d, pihak2, "Pihak Kedua,", bertempat=False),
                tanda_tangan(self.d, k, "Pihak Pertama,", pk.get("tanggal")),
            ]),
            self._tabel_target_pk(pk),
            self._tabel_program_pk(),
        ])

    def _tabel_target_pk(self, pk: dict[str, Any]) -> Tabel:
        sasaran = {b["kode"]: b["uraian"] for b in self.d["sasaran"].baris}
        return self.tabel("pk", f"Sasaran, Indikator, dan Target {pk.get('judul') or 'Perjanjian Kinerja'}",
                          [Kolom("No.", True), Kolom("Sasaran strategis"),
                           Kolom("Indikator kinerja"), Kolom("Target", True)],
                          [(str(n), sasaran[h.sasaran], h.nama, self._iku(h, "target"))
                           for n, h in enumerate(kinerja.hasil_iku(self.d), start=1)],
                          sumber=self._sumber_data("target"))

    def _tabel_program_pk(self) -> Tabel:
        baris = [(str(n), p.nama, self._angka(f.anggaran(p.kode, "anggaran"), _rp(p.anggaran)))
                 for n, p in enumerate(kinerja.program(self.d), start=1)]
        total = kinerja.total_anggaran(self.d)
        baris.append(("", "Jumlah", self._angka(f.anggaran("total", "anggaran"),
                                                  _rp(total.anggaran))))
        return self.tabel("pk-program", "Program dan Anggaran Perjanjian Kinerja",
                          [Kolom("No.", True), Kolom("Program"), Kolom("Anggaran (Rp)", True)],
                          baris, sumber=self._sumber_data("anggaran"))

    def dataset(self) -> Isi:
        baris = []
        for ds in DATASETS:
            if not self.d.ada(ds.nama):
                continue
            t = self.d[ds.nama]
            if not t.baris:
                continue  # an empty table (a dataset this agency does not use) feeds nothing
            masukan = [k.nama for k in ds.kolom if not k.dilaporkan]
            baris.append((t.berkas, ds.keterangan, str(len(t.baris)), ", ".join(masukan)))
        return Isi([self.tabel("dataset", "Berkas Data Masukan Buku Ini",
                               [Kolom("Berkas"), Kolom("Isi"), Kolom("Baris", True),
                                Kolom("Kolom masukan")], baris,
                               sumber="skema data buku ini")])

    def desa(self) -> Isi:
        if not self.d["desa"].baris:
            return Isi()
        baris = [(b["kecamatan"], b["desa"], b["status_idm"] or fmt.BELUM_TERSEDIA)
                 for b in self.d["desa"].baris]
        return Isi([self.tabel("desa", f"Daftar Desa dan Status IDM Tahun {self.tahun}",
                               [Kolom("Kecamatan"), Kolom("Desa"), Kolom("Status IDM")],
                               sorted(baris), sumber=self._sumber_data("desa"))])

    def catatan_konsistensi(self) -> Isi:
        temuan, catatan = self._temuan, self._catatan
        if not (self.d.ada("dilaporkan") or self.d.ada("iku_dilaporkan")):
            isi = Isi([teks("Edisi ini disusun langsung dari data masukan; tidak ada dokumen "
                            "sumber tercetak yang angkanya perlu dihitung ulang.")])
        elif not temuan:
            isi = Isi([teks("Setiap angka turunan yang tercetak di dokumen sumber dihitung ulang "
                            "dari data masukan. Pemeriksaan tidak menemukan ketidaksesuaian.")])
        else:
            isi = Isi([
                teks(f"Setiap angka turunan yang tercetak di dokumen sumber dihitung ulang dari "
                     f"data masukan. Pemeriksaan menemukan {len(temuan)} ketidaksesuaian; angka "
                     "di buku ini adalah hasil hitungan ulang, bukan angka yang tercetak."),
                self.tabel("audit-ringkas", "Ringkasan Temuan Pemeriksaan Konsistensi",
                           [Kolom("Jenis temuan"), Kolom("Jumlah", True)],
                           [(audit.JENIS[j], str(n)) for j, n in audit.ringkasan(temuan).items()],
                           sumber=SUMBER_AUDIT),
                self.tabel("audit", "Rincian Temuan Pemeriksaan Konsistensi",
                           [Kolom("No.", True), Kolom("Lokasi"), Kolom("Perihal"),
                            Kolom("Tercetak"), Kolom("Seharusnya"), Kolom("Hitungan")],
                           [(str(i), t.lokasi, t.perihal, t.dilaporkan, t.seharusnya, t.hitungan)
                            for i, t in enumerate(temuan, start=1)], sumber=SUMBER_AUDIT,
                           id_baris=tuple(f"temuan-{i}" for i in range(1, len(temuan) + 1))),
            ])
        if catatan:
            isi.append(self.tabel("catatan", "Catatan Lain atas Dokumen Sumber",
                                  [Kolom("Lokasi"), Kolom("Catatan")],
                                  [(c["lokasi"], c["catatan"]) for c in catatan],
                                  sumber=self._sumber_data("catatan_sumber")))
        return isi


# --- entry points for notebooks ---------------------------------------------------------------

def sampul(tahun: int) -> Sampul:
    return Sampul(_muat(tahun))


def ikhtisar(tahun: int) -> Ikhtisar:
    return Ikhtisar(_muat(tahun))


def pendahuluan(tahun: int) -> Pendahuluan:
    return Pendahuluan(_muat(tahun))


def perencanaan(tahun: int) -> Perencanaan:
    return Perencanaan(_muat(tahun))


def capaian(tahun: int) -> Capaian:
    return Capaian(_muat(tahun))


def sasaran(tahun: int, kode: str) -> Sasaran:
    return Sasaran(_muat(tahun), kode)


def anggaran(tahun: int) -> Anggaran:
    return Anggaran(_muat(tahun))


def penutup(tahun: int) -> Penutup:
    return Penutup(_muat(tahun))


def lampiran(tahun: int) -> Lampiran:
    return Lampiran(_muat(tahun))


def dokumentasi(tahun: int) -> Dokumentasi:
    return Dokumentasi(_muat(tahun))
