"""Bab III: budget and efficiency (notebook `bab3_anggaran`)."""

from __future__ import annotations

from functools import partial
from typing import Any

from lakip_lib import charts, kinerja, prosa
from lakip_lib import fakta as f
from lakip_lib import format as fmt
from lakip_lib.book.dasar import Bagian, Isi, rupiah_sel
from lakip_lib.book.nomor import Rencana
from lakip_lib.tampilan import Nilai, teks
from lakip_lib.tampilan_tabel import Lajur

_KATA_SAMBUNG = {"dan", "di", "ke", "dari", "yang", "untuk", "pada", "bagi", "atau", "serta"}


def _pendek(nama: str) -> str:
    """Programme names for chart axes: drop the leading word PROGRAM; a name in capitals in
    title case, keeping conjunctions lower case and abbreviations ("(PHA)", "KB") as written."""
    nama = nama.strip()
    if nama.upper().startswith("PROGRAM "):
        nama = nama[8:]
    if not nama.isupper():
        return nama
    return " ".join(k.lower() if k.lower() in _KATA_SAMBUNG and i else
                    k if k.startswith("(") or len(k) <= 2 else k.title()
                    for i, k in enumerate(nama.split()))


class Anggaran(Bagian):
    BLOK = (
        ("# Realisasi Anggaran dan Efisiensi", ()),
        ("## Realisasi anggaran", ("ringkasan", "program", "rinci")),
        ("## Analisis efisiensi penggunaan sumber daya", ("efisiensi",)),
    )

    def rencana(self) -> Rencana:
        return [("tabel", "program"), ("gambar", "program"), ("tabel", "rinci"),
                ("tabel", "efisiensi"), ("gambar", "efisiensi")]

    def ringkasan(self) -> Isi:
        return Isi([self._kalimat_anggaran()])

    def _anggaran(self, kode: str, t: kinerja.TotalAnggaran, sisa: bool = False) -> list[Nilai]:
        """Budget, spending, absorption (and what is left) of one budget line or the total."""
        angka = [self.nilai_fakta(f.anggaran(kode, "anggaran"), rupiah_sel(t.anggaran)),
                 self.nilai_fakta(f.anggaran(kode, "realisasi"), rupiah_sel(t.realisasi)),
                 self.nilai_fakta(f.anggaran(kode, "penyerapan"), fmt.persen(t.penyerapan))]
        if sisa:
            angka.append(self.nilai_fakta(f.anggaran(kode, "sisa"), rupiah_sel(t.sisa)))
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
        alternatif = prosa.alt_program(len(prog), kinerja.penyerapan_terendah(prog))
        return Isi([
            self.tabel("program", f"Realisasi Anggaran per Program Tahun {self.tahun}",
                       [Lajur("Program"), Lajur("Anggaran (Rp)", True),
                        Lajur("Realisasi (Rp)", True), Lajur("Penyerapan", True),
                        Lajur("Sisa (Rp)", True)], baris,
                       kelas_baris=(*("",) * len(prog), "total"),
                       sumber=self.sumber_data("anggaran")),
            self.gambar("program", "Anggaran dan Realisasi per Program",
                        partial(charts.berkelompok, rekaman, "program", "seri", "Rupiah",
                                ["Anggaran", "Realisasi"]), alternatif,
                        self.sumber_data("anggaran")),
        ])

    def rinci(self) -> Isi:
        baris = kinerja.anggaran(self.d)
        return Isi([self.tabel(
            "rinci", "Realisasi Anggaran per Program, Kegiatan, dan Sub Kegiatan",
            [Lajur("Kode"), Lajur("Program / kegiatan / sub kegiatan"),
             Lajur("Anggaran (Rp)", True), Lajur("Realisasi (Rp)", True),
             Lajur("Penyerapan", True)],
            [(b.kode, b.nama, *self._anggaran(b.kode, b)) for b in baris],
            kelas_baris=tuple(b.level for b in baris), sumber=self.sumber_data("anggaran"))])

    def efisiensi(self) -> Isi:
        baris = kinerja.efisiensi(self.d)
        per_kode = {b.kode: b for b in kinerja.anggaran(self.d)}
        rekaman: list[dict[str, Any]] = [{"nama": _pendek(p.program),
                    "capaian": float(p.capaian), "penyerapan": float(p.penyerapan),
                    "teks_capaian": fmt.persen(p.capaian),
                    "teks_penyerapan": fmt.persen(p.penyerapan),
                    "teks_efisiensi": fmt.persen(p.efisiensi)}
                   for p in kinerja.efisiensi_program(self.d)]
        efisien = sum(1 for r in rekaman if r["capaian"] >= r["penyerapan"])
        alternatif = prosa.alt_efisiensi(len(rekaman), efisien)
        return Isi([
            teks(prosa.PENGERTIAN_EFISIENSI),
            self.tabel("efisiensi", "Analisis Efisiensi Penggunaan Sumber Daya",
                       [Lajur("Program / kegiatan / sub kegiatan"), Lajur("Indikator"),
                        Lajur("Capaian kinerja", True), Lajur("Penyerapan", True),
                        Lajur("Efisiensi", True)],
                       [(b.nama, b.indikator,
                         self.nilai_fakta(_fakta_capaian(b, i), fmt.persen(b.capaian_kinerja)),
                         self.nilai_fakta(f.anggaran(b.kode_anggaran, "penyerapan") if b.kode_anggaran
                                     else f.baris("efisiensi", str(i), "penyerapan"),
                                     fmt.persen(b.penyerapan)),
                         self.nilai_fakta(f.baris("efisiensi", str(i), "efisiensi"),
                                     fmt.persen(b.efisiensi)))
                        for i, b in enumerate(baris, start=1)],
                       kelas_baris=tuple(per_kode[b.kode_anggaran].level if b.kode_anggaran
                                         else "" for b in baris),
                       sumber=self.sumber_data("efisiensi")),
            self.gambar("efisiensi", "Capaian Kinerja terhadap Penyerapan Anggaran per Program",
                        partial(charts.sebaran, rekaman, "Penyerapan anggaran (%)",
                                "Capaian kinerja (%)"),
                        alternatif, self.sumber_data("efisiensi")),
        ])


def _fakta_capaian(b: kinerja.HasilEfisiensi, nomor: int) -> str:
    """The fact an efficiency row's capaian states: a book indicator's, a programme row's (as
    its table in Bab III shows it), or the row's own."""
    if b.kode_indikator:
        return f.indikator(b.kode_indikator, "capaian")
    if b.kode_program:
        return f.baris("program", b.kode_program, "capaian")
    return f.baris("efisiensi", str(nomor), "capaian")
