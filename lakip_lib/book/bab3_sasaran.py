"""Bab III: one page per sasaran strategis (notebook `bab3_sasaran`)."""

from __future__ import annotations

from functools import cached_property, partial
from typing import Any

from lakip_lib import charts, kinerja, perhitungan, prosa, prosa_tren, rumus
from lakip_lib import fakta as f
from lakip_lib import format as fmt
from lakip_lib.baris import BarisIndikator
from lakip_lib.book.dasar import SUMBER_DATA, Bagian, Isi, rupiah_sel
from lakip_lib.book.nomor import Rencana
from lakip_lib.data_tahun import DataTahun
from lakip_lib.tampilan import Nilai, teks
from lakip_lib.tampilan_tabel import Lajur

MIN_TITIK_GRAFIK = 3  # a series with fewer points is a sentence and a table, not a chart


class Sasaran(Bagian):
    BLOK = (
        ("# Analisis Sasaran Strategis", ("judul",)),
        ("## a. Target dan realisasi tahun ini", ("target_realisasi",)),
        ("## b. Perbandingan dengan tahun-tahun sebelumnya", ("tren",)),
        ("## c. Perbandingan dengan target akhir Renstra", ("akhir_renstra",)),
        ("## d. Perbandingan dengan daerah lain, provinsi, dan nasional", ("pembanding",)),
        ("## e. Penyebab keberhasilan atau kegagalan dan solusinya", ("analisis",)),
        ("## f. Efisiensi penggunaan sumber daya", ("efisiensi",)),
        ("## g. Program dan kegiatan pendukung", ("program",)),
        ("## Data pendukung", ("data_pendukung",)),
    )

    def __init__(self, d: DataTahun, kode: str):
        super().__init__(d)
        baris = d["sasaran"].satu(kode=kode)
        if baris is None:
            ada = ", ".join(d["sasaran"].kolom("kode"))
            raise KeyError(f"sasaran {kode} tidak ada di data/sasaran.csv (yang ada: {ada})")
        self.kode = kode
        self.uraian: str = baris["uraian"]

    @classmethod
    def satu_dari(cls, d: DataTahun, kunci: str) -> Sasaran:
        return cls(d, kunci)

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
        return list(kinerja.kode_indikator(self.d, self.kode, "iku"))

    @cached_property
    def pendukung(self) -> list[BarisIndikator]:
        return self.d["indikator"].cari(jenis="pendukung", induk=self.kode)

    def _sumber(self, h: kinerja.HasilIndikator) -> str:
        """An IKU's own data source (e.g. BPS Kabupaten Balangan), else the default."""
        return kinerja.indikator(self.d, h.kode)["sumber_data"] or SUMBER_DATA

    def realisasi_indikator(self, kode: str, tahun: int) -> Nilai:
        """An indicator's realisasi of a year as the book shows it everywhere (its unit and
        decimals, its fact name): for the supporting tables of indicator kinds."""
        ind = kinerja.indikator(self.d, kode)
        return self.nilai_fakta(f.indikator(kode, "realisasi", tahun),
                           prosa.nilai(kinerja.realisasi(self.d, kode, tahun), ind["satuan"],
                                        ind["desimal"]))

    def _butir_jenis(self) -> list[rumus.Butir]:
        """The supporting tables and figures of the kinds of the sasaran's indicators: their
        plan entries and their content in one declaration (`lakip_lib.rumus`)."""
        return rumus.pendukung(self.d, kinerja.kode_indikator_sasaran(self.d, self.kode))

    def rencana(self) -> Rencana:
        # in reading order: items a, b, c each show every IKU of the sasaran in turn
        item: Rencana = [("tabel", f"a-{k}") for k in self.kode_iku]
        for k in self.kode_iku:
            item += [("tabel", f"b-{k}")]
            if self._ada_grafik(k):
                item += [("gambar", f"b-{k}")]
        item.append(("tabel", "c"))
        if any(self.d["pembanding"].ada_baris(indikator=k)
               for k in kinerja.kode_indikator_sasaran(self.d, self.kode)):
            item.append(("tabel", "d"))
        item += [("tabel", "f"), ("tabel", "g")]
        item += [b.rencana for b in self._butir_jenis()]
        if kinerja.kode_indikator(self.d, self.kode, "pendukung"):
            item.append(("tabel", "pendukung"))
        return item

    def judul(self) -> Isi:
        return Isi([teks(prosa.judul_sasaran(self.nomor_urut, self.uraian,
                                              [h.nama for h in self.iku]))])

    def target_realisasi(self) -> Isi:
        isi = Isi()
        for h in self.iku:
            isi.append(self._kalimat_iku(h))
            isi.append(self.tabel(f"a-{h.kode}", f"Target dan Realisasi {h.nama} Tahun {self.tahun}",
                                  [Lajur("Indikator"), Lajur("Target", True),
                                   Lajur("Realisasi", True), Lajur("Capaian", True),
                                   Lajur("Kategori")],
                                  [(h.nama, *(self._iku(h, u) for u in
                                              ("target", "realisasi", "capaian", "kategori")))],
                                  sumber=self._sumber(h),
                                  catatan=prosa.catatan_dibatasi([h]) or ""))
        return isi

    def tren(self) -> Isi:
        isi = Isi()
        for h in self.iku:
            titik = kinerja.riwayat(self.d, h.kode)
            isi.append(self._uraian(prosa_tren.tren(h, self._deret(h, titik), self.tahun)))
            isi.append(self.tabel(
                f"b-{h.kode}", f"Realisasi dan Capaian {h.nama} terhadap Target Renstra",
                [Lajur("Tahun"), Lajur("Target Renstra", True), Lajur("Realisasi", True),
                 Lajur("Capaian", True)],
                [(str(t.tahun),
                  self.nilai_fakta(f.indikator(h.kode, "target_renstra", t.tahun),
                              prosa.nilai(t.target, h.satuan, h.desimal)),
                  self.nilai_fakta(f.indikator(h.kode, "realisasi", t.tahun),
                              prosa.nilai(t.realisasi, h.satuan, h.desimal)),
                  self.nilai_fakta(f.indikator(h.kode, "capaian_renstra", t.tahun),
                              fmt.persen(t.capaian)))
                 for t in titik], sumber=self._sumber(h), catatan=self._catatan_tren(h)))
            alternatif = prosa.alt_tren(h, titik)
            if grafik := self._titik_grafik(h.kode):
                isi.append(self.gambar(
                    f"b-{h.kode}", f"Tren {h.nama} dan Target Renstra {grafik[0][0]}–"
                    f"{grafik[-1][0]}", partial(charts.tren, grafik, h.satuan, h.desimal), alternatif,
                    self._sumber(h)))
        return isi

    def _catatan_tren(self, h: kinerja.HasilIndikator) -> str:
        """Which target the trend table's capaian use, when this year's capaian (item a) is
        stated against another one (the Perjanjian Kinerja's). A bounded capaian is explained
        once on the page, under item a's table."""
        renstra = kinerja.target_renstra(self.d, h.kode, self.tahun)
        beda = renstra is not None and h.target is not None and renstra != h.target
        return prosa.catatan_target_renstra(h, self.tahun) if beda else ""

    def _deret(self, h: kinerja.HasilIndikator,
               titik: list[kinerja.TitikRiwayat] | None = None) -> list[prosa_tren.Titik]:
        """(year, Renstra target, realisasi) of the Renstra years up to this one, after last
        year's realisasi when last year precedes the Renstra (its first year compares with it)."""
        deret: list[prosa_tren.Titik] = [(t.tahun, t.target, t.realisasi) for t in
                                     titik or kinerja.riwayat(self.d, h.kode)]
        lalu = self.tahun - 1
        if lalu < self.d.periode_renstra[0] and (
                r := kinerja.realisasi(self.d, h.kode, lalu)) is not None:
            deret.insert(0, (lalu, None, r))
        return deret

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
            nilai_ = perhitungan.capaian(target_akhir, h.realisasi, h.arah, h.penilaian)
            berubah = rumus.dari(self.d, h.kode).berubah(self.d, h.kode, self.tahun)
            isi.append(self._uraian(prosa_tren.akhir_renstra(h, self._deret(h), target_akhir,
                                                              akhir, nilai_, self.tahun, berubah)))
            baris.append((h.nama, self._iku(h, "realisasi"),
                          self.nilai_fakta(f.indikator(h.kode, "target_renstra", akhir),
                                      prosa.nilai(target_akhir, h.satuan, h.desimal)),
                          self.nilai_fakta(f.indikator(h.kode, "capaian_akhir_renstra"),
                                      fmt.persen(nilai_))))
        isi.append(self.tabel(
            "c", f"Realisasi {self.tahun} terhadap Target Akhir Renstra ({akhir})",
            [Lajur("Indikator"), Lajur(f"Realisasi {self.tahun}", True),
             Lajur(f"Target {akhir}", True), Lajur("Capaian", True)],
            baris, sumber="; ".join(dict.fromkeys(self._sumber(h) for h in self.iku))))
        return isi

    def pembanding(self) -> Isi:
        baris = kinerja.pembanding_sasaran(self.d, self.kode)
        if not baris:
            return Isi([teks(prosa.PEMBANDING_BELUM_ADA)])
        isi = Isi()
        for h in self.iku:
            if p := kinerja.perbandingan_wilayah(baris, h, self.tahun):
                isi.append(teks(prosa.perbandingan_wilayah(h, self.d.instansi.kabupaten, p)))
        if not isi:  # no IKU compared: say what the comparison figures are (every item speaks)
            isi += [teks(self._kalimat_pembanding_target(baris, kode))
                    for kode in dict.fromkeys(b["indikator"] for b in baris)]
        nama = {k: kinerja.indikator(self.d, k)["nama"]  # the rows shown, not the whole file
                for k in dict.fromkeys(b["indikator"] for b in baris)}
        isi.append(self.tabel("d", "Perbandingan dengan Daerah Lain, Provinsi, dan Nasional",
                              [Lajur("Indikator"), Lajur("Wilayah"), Lajur("Tahun"),
                               Lajur("Jenis"), Lajur("Nilai", True), Lajur("Sumber")],
                              [(nama[b["indikator"]], b["wilayah"], str(b["tahun"]), b["jenis"],
                                self.nilai_fakta(f.baris("pembanding", f"{b['indikator']}.{b['wilayah']}"
                                                    f".{b['tahun']}", b["jenis"]),
                                            prosa.nilai(b["nilai"], b["satuan"], None)),
                                b["sumber"]) for b in baris], sumber=self.sumber_data("pembanding")))
        return isi

    def _kalimat_pembanding_target(self, baris: list[Any], kode: str) -> str:
        h = kinerja.hasil(self.d, kode)
        target = [(b["wilayah"], b["tahun"], prosa.nilai(b["nilai"], b["satuan"], None))
                  for b in baris if b["indikator"] == kode and b["jenis"] == "target"]
        return prosa.pembanding_target(h, self.d.instansi.kabupaten, self.tahun, target)

    def analisis(self) -> Isi:
        return Isi([self.narasi(self.kode)])

    def efisiensi(self) -> Isi:
        total = kinerja.anggaran_sasaran(self.d, self.kode)
        baris, kalimat = [], []
        for h in self.iku:
            efis = perhitungan.efisiensi(h.capaian, total.penyerapan)
            kalimat.append(prosa.efisiensi(h.capaian, total.penyerapan, efis))
            sasaran_ = f"sasaran.{self.kode}"
            baris.append((h.nama, self._iku(h, "capaian"),
                          self.nilai_fakta(f.anggaran(sasaran_, "anggaran"), rupiah_sel(total.anggaran)),
                          self.nilai_fakta(f.anggaran(sasaran_, "realisasi"), rupiah_sel(total.realisasi)),
                          self.nilai_fakta(f.anggaran(sasaran_, "penyerapan"),
                                      fmt.persen(total.penyerapan)),
                          self.nilai_fakta(f.indikator(h.kode, "efisiensi"), fmt.persen(efis))))
        return Isi([teks(*kalimat), self.tabel(
            "f", "Efisiensi Penggunaan Anggaran Program Pendukung Sasaran",
            [Lajur("Indikator"), Lajur("Capaian", True), Lajur("Anggaran (Rp)", True),
             Lajur("Realisasi (Rp)", True), Lajur("Penyerapan", True), Lajur("Efisiensi", True)],
            baris, catatan="Efisiensi = capaian ÷ penyerapan anggaran × 100; anggaran adalah "
                           "jumlah program yang mendukung sasaran ini.")])

    def program(self) -> Isi:
        baris = kinerja.program_kinerja(self.d, self.kode)
        return Isi([self.tabel(
            "g", "Program, Kegiatan, dan Sub Kegiatan Pendukung",
            [Lajur("Program / kegiatan / sub kegiatan"), Lajur("Indikator"), Lajur("Target", True),
             Lajur("Realisasi", True), Lajur("Capaian", True)],
            [(b.nama, b.indikator, *self._program_kinerja(b)) for b in baris],
            kelas_baris=tuple(b.level for b in baris),
            catatan="Capaian indikator yang makin baik bila makin rendah dihitung dengan rumus "
                    "(2 × target − realisasi) ÷ target × 100.")])

    def _program_kinerja(self, b: kinerja.HasilProgramKinerja) -> tuple[Nilai, Nilai, Nilai]:
        """Target, realisasi, capaian of a programme indicator; a book indicator's as Bab III
        shows them everywhere else (its unit and decimals, its fact names)."""
        if b.kode_indikator:
            ind = kinerja.indikator(self.d, b.kode_indikator)
            kode, satuan, desimal = b.kode_indikator, ind["satuan"], ind["desimal"]
            fakta = (f.indikator(kode, "target"), f.indikator(kode, "realisasi", self.tahun),
                     f.indikator(kode, "capaian"))
        else:
            satuan, desimal = b.satuan or "", None
            fakta = tuple(f.baris("program", b.kode, u)
                          for u in ("target", "realisasi", "capaian"))
        return (self.nilai_fakta(fakta[0], prosa.nilai(b.target, satuan, desimal)),
                self.nilai_fakta(fakta[1], prosa.nilai(b.realisasi, satuan, desimal)),
                self.nilai_fakta(fakta[2], fmt.persen(b.capaian)))

    def data_pendukung(self) -> Isi:
        isi = Isi(b.buat(self) for b in self._butir_jenis())
        if self.pendukung:
            isi += self._pendukung()
        if not isi:
            isi.append(teks("Sasaran ini tidak memiliki indikator pendukung atau data rinci "
                            "tambahan."))
        return isi

    def _pendukung(self) -> list[Any]:
        baris = []
        for p in self.pendukung:
            tahun, nyata = kinerja.realisasi_terakhir(self.d, p["kode"])
            h = kinerja.hasil(self.d, p["kode"], tahun=tahun) if tahun else None
            kode = p["kode"]
            baris.append((p["nama"], str(tahun) if tahun else "–",
                          self.nilai_fakta(f.indikator(kode, "target"),
                                      prosa.nilai(kinerja.target_tahunan(self.d, kode),
                                                   p["satuan"], p["desimal"])),
                          self.nilai_fakta(f.indikator(kode, "realisasi", tahun or self.tahun),
                                      prosa.nilai(nyata, p["satuan"], p["desimal"])),
                          self.nilai_fakta(f.indikator(kode, "capaian") if tahun == self.tahun
                                      else f.indikator(kode, "capaian_data", tahun),
                                      fmt.persen(h.capaian if h else None)),
                          "naik" if p["arah"] == "naik" else "turun"))
        return [self.tabel("pendukung", "Indikator Pendukung Sasaran",
                           [Lajur("Indikator"), Lajur("Tahun data"), Lajur("Target", True),
                            Lajur("Realisasi", True), Lajur("Capaian", True), Lajur("Arah")],
                           baris, catatan="Realisasi adalah data terakhir yang tersedia; capaian "
                                          "dihitung terhadap target tahun ini.")]
