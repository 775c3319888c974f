"""`rasio`: a ratio of two counts per a fixed number of units, e.g. Angka Kematian Bayi = infant
deaths ÷ live births × 1.000. What is counted and the multiplier are declared per indicator in
rasio_definisi.csv; the counts of each year are in rasio.csv."""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, Any, Final

from lakip_lib import fakta as f
from lakip_lib import format as fmt
from lakip_lib import perhitungan
from lakip_lib.dataset import Dataset, Kolom, Tipe
from lakip_lib.masalah import PERINGATAN
from lakip_lib.rumus.dasar import Butir, Halaman, Lapor, LembarRumus, Rumus
from lakip_lib.tampilan_tabel import Lajur

if TYPE_CHECKING:
    from decimal import Decimal

    from lakip_lib.baris import BarisRasio, BarisRasioDefinisi
    from lakip_lib.data_tahun import DataTahun

DATASET: Final = "rasio"
DEFINISI: Final = "rasio_definisi"
_INDIKATOR = Kolom("indikator", acuan=("indikator", "kode"))
_PEMBILANG = Kolom("pembilang", judul="Pembilang",
                   keterangan="Jumlah yang dihitung pada pembilang rasio")
_PENYEBUT = Kolom("penyebut", judul="Penyebut", keterangan="Jumlah yang dihitung pada penyebut rasio")
DATASETS = (
    Dataset(
        DEFINISI, "rasio_definisi.csv",
        "Definisi indikator yang dihitung sebagai rasio dua jumlah (rumus rasio): apa yang "
        "dihitung pada pembilang dan penyebut, dan pengalinya (misalnya per 1.000 kelahiran hidup).",
        (
            _INDIKATOR, _PEMBILANG, _PENYEBUT,
            Kolom("pengali", Tipe.BULAT, boleh_negatif=False, judul="Pengali",
                  keterangan="Pengali rasio, misalnya 1000 untuk per 1.000"),
        ),
        ("indikator",),
        wajib_ada=False,
    ),
    Dataset(
        DATASET, "rasio.csv",
        "Pembilang dan penyebut indikator rasio per tahun (misalnya jumlah kematian bayi dan "
        "jumlah kelahiran hidup); realisasinya dihitung: pembilang ÷ penyebut × pengali.",
        (
            _INDIKATOR, Kolom("tahun", Tipe.TAHUN),
            replace(_PEMBILANG, tipe=Tipe.BULAT, wajib=False, wajib_final=True,
                    boleh_negatif=False),
            replace(_PENYEBUT, tipe=Tipe.BULAT, wajib=False, wajib_final=True,
                    boleh_negatif=False),
        ),
        ("indikator", "tahun"),
        wajib_ada=False, riwayat=True,
    ),
)
_BY_NAME = {ds.nama: ds for ds in DATASETS}


def definisi(data: DataTahun, kode: str) -> BarisRasioDefinisi | None:
    return data[DEFINISI].satu(indikator=kode) if data.ada(DEFINISI) else None


def hitungan(data: DataTahun, kode: str, tahun: int) -> BarisRasio | None:
    """The year's counts of an indicator, or None when the year has no row."""
    return data[DATASET].satu(indikator=kode, tahun=tahun) if data.ada(DATASET) else None


class Rasio(Rumus):
    nama = "rasio"
    datasets = DATASETS
    lembar = (LembarRumus(DATASET, ("indikator", "tahun"),
                          "Pembilang dan penyebut indikator rasio tahun ini (misalnya jumlah "
                          "kematian bayi dan jumlah kelahiran hidup), sebagai bilangan bulat. "
                          "Realisasinya dihitung: pembilang ÷ penyebut × pengali.",
                          info_indikator=True,
                          judul_kolom=(("pembilang", "Pembilang (jumlah, misalnya kematian bayi)"),
                                       ("penyebut", "Penyebut (jumlah, misalnya kelahiran hidup)"))),)

    def realisasi(self, data: DataTahun, kode: str, tahun: int) -> Decimal | None:
        d, h = definisi(data, kode), hitungan(data, kode, tahun)
        if d is None or h is None or h["pembilang"] is None or h["penyebut"] is None:
            return None
        return perhitungan.rasio(h["pembilang"], h["penyebut"], d["pengali"])

    def cara(self, data: DataTahun, kode: str, tahun: int) -> str:
        d, h = definisi(data, kode), hitungan(data, kode, tahun)
        if d is None or h is None:
            return f"Jumlah {tahun} untuk rasio ini tidak tersedia."
        return (f"{h['pembilang']} {d['pembilang']} ÷ {h['penyebut']} {d['penyebut']} × "
                f"{fmt.angka(d['pengali'], 0)} (tahun {tahun}).")

    def periksa_indikator(self, data: DataTahun, kode: str, tambah: Lapor) -> None:
        h = hitungan(data, kode, data.tahun)
        if h is None or h["pembilang"] is None or h["penyebut"] is None:
            tambah(data.nama_berkas(_BY_NAME[DATASET].berkas), None, "tahun",
                   f"pembilang dan penyebut {kode} tahun {data.tahun} belum lengkap; realisasi "
                   f"{kode} belum dapat dihitung.", PERINGATAN)

    def periksa_data(self, data: DataTahun, tambah: Lapor) -> None:
        """Every ratio indicator has its definition; every row belongs to a ratio indicator;
        the multiplier and the denominators are above 0."""
        berumus = {i["kode"] for i in self.indikator(data)}
        didefinisikan = set()
        if data.ada(DEFINISI):
            t = data[DEFINISI]
            for baris, nomor in zip(t.baris, t.nomor, strict=True):
                didefinisikan.add(baris["indikator"])
                _milik_rasio(baris["indikator"], berumus, t.berkas, nomor, tambah)
                if baris["pengali"] == 0:
                    tambah(t.berkas, nomor, "pengali",
                           "pengali 0 membuat rasio selalu 0; isi pengalinya, misalnya 1000 "
                           "untuk per 1.000 kelahiran hidup.")
        for kode in sorted(berumus - didefinisikan):
            tambah(data.nama_berkas(_BY_NAME[DEFINISI].berkas), None, "indikator",
                   f"indikator {kode} berumus rasio, tetapi definisinya belum ada: tambahkan "
                   "barisnya dengan pembilang, penyebut, dan pengali.")
        if data.ada(DATASET):
            t2 = data[DATASET]
            for b, nomor in zip(t2.baris, t2.nomor, strict=True):
                _milik_rasio(b["indikator"], berumus, t2.berkas, nomor, tambah)
                if b["penyebut"] == 0:
                    tambah(t2.berkas, nomor, "penyebut",
                           f"penyebut {b['indikator']} tahun {b['tahun']} bernilai 0, padahal "
                           "harus lebih dari 0 (rasio tidak dapat dihitung dengan pembagi 0). "
                           "Isi jumlah yang sebenarnya, atau kosongkan bila datanya belum ada.")

    def baris_buku_kerja(self, data: DataTahun, dataset: str) -> list[dict[str, Any]]:
        """This year's counts of every ratio indicator."""
        if dataset != DATASET:
            return []
        return [{"indikator": i["kode"], "tahun": data.tahun} for i in self.indikator(data)]

    def pendukung(self, kode: list[str]) -> list[Butir]:
        return [Butir("tabel", f"rasio-{k}", partial(_tabel, kode=k)) for k in kode]


def _milik_rasio(kode: str, berumus: set[str], berkas: str, nomor: int, tambah: Lapor) -> None:
    if kode not in berumus:
        tambah(berkas, nomor, "indikator", f'indikator "{kode}" tidak berumus rasio di '
               "indikator.csv; hapus baris ini atau ubah rumus indikator itu menjadi rasio.")


def _tabel(h: Halaman, kode: str) -> Any:
    """The counts behind the ratio, year by year, beside the ratio itself."""
    d = definisi(h.d, kode)  # validation requires it for every indicator of this kind
    pembilang, penyebut = (d["pembilang"], d["penyebut"]) if d else ("pembilang", "penyebut")
    pengali = fmt.angka(d["pengali"] if d else None, 0)
    ind = h.d["indikator"].satu(kode=kode)
    nama = ind["nama"] if ind else kode
    hitung = h.d[DATASET].cari(indikator=kode) if h.d.ada(DATASET) else []
    baris = [(str(b["tahun"]),
              h.nilai_fakta(f.baris("rasio", f"{kode}.{b['tahun']}", "pembilang"),
                       fmt.angka(b["pembilang"], 0)),
              h.nilai_fakta(f.baris("rasio", f"{kode}.{b['tahun']}", "penyebut"),
                       fmt.angka(b["penyebut"], 0)),
              h.realisasi_indikator(kode, b["tahun"]))
             for b in sorted(hitung, key=lambda b: b["tahun"])]
    return h.tabel(f"rasio-{kode}", f"{nama}: Jumlah {pembilang.title()} dan "
                   f"{penyebut.title()} per Tahun",
                   [Lajur("Tahun"), Lajur(f"Jumlah {pembilang}", True),
                    Lajur(f"Jumlah {penyebut}", True), Lajur(nama, True)], baris,
                   sumber=h.sumber_data(DATASET, DEFINISI),
                   catatan=f"{nama} = jumlah {pembilang} ÷ jumlah {penyebut} × {pengali}.")


RUMUS = Rasio()
