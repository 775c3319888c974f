"""`penurunan_kasus`: the percentage decrease of reported cases from last year
(kasus_kekerasan.csv, per year and group of victims)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from functools import partial
from typing import TYPE_CHECKING, Any, Final

from lakip_lib import charts, perhitungan
from lakip_lib import fakta as f
from lakip_lib.dataset import Dataset, Kolom, Tipe
from lakip_lib.format import TIDAK_LENGKAP
from lakip_lib.masalah import PERINGATAN
from lakip_lib.perhitungan import JumlahBerubah
from lakip_lib.rumus.dasar import AngkaTahunIni, Butir, Halaman, Lapor, LembarRumus, Rumus
from lakip_lib.tampilan_tabel import Lajur

if TYPE_CHECKING:
    from lakip_lib.data_tahun import DataTahun

DATASET: Final = "kasus_kekerasan"
KASUS = Dataset(
    DATASET, "kasus_kekerasan.csv",
    "Jumlah kasus kekerasan terhadap perempuan dan anak yang dilaporkan, per tahun dan "
    "kelompok korban.",
    (
        Kolom("tahun", Tipe.TAHUN),
        Kolom("kelompok", pilihan=("perempuan", "anak"), judul="Kelompok korban",
              keterangan="Kelompok korban: perempuan atau anak"),
        Kolom("jumlah", Tipe.BULAT, boleh_negatif=False, judul="Jumlah kasus (kasus)",
              keterangan="Jumlah kasus yang dilaporkan"),
    ),
    ("tahun", "kelompok"),
    riwayat=True,
)


def jumlah_kasus(data: DataTahun, tahun: int) -> int | None:
    """All cases of a year; None when the year has no rows or lacks a group other years have
    (a missing row is missing, not zero)."""
    baris = data[DATASET].cari(tahun=tahun)
    kelompok = {b["kelompok"] for b in data[DATASET].baris}
    if not baris or {b["kelompok"] for b in baris} != kelompok:
        return None
    return sum(b["jumlah"] for b in baris)


def kasus_per_kelompok(data: DataTahun, tahun: int) -> dict[str, int]:
    return {b["kelompok"]: b["jumlah"] for b in data[DATASET].cari(tahun=tahun)}


class PenurunanKasus(Rumus):
    nama = "penurunan_kasus"
    datasets = (KASUS,)
    awalan_dilaporkan = ("kasus.",)
    lembar = (LembarRumus(DATASET, ("tahun", "kelompok"),
                          "Jumlah kasus kekerasan yang dilaporkan tahun ini menurut kelompok "
                          "korban.", konfirmasi=True),)

    def realisasi(self, data: DataTahun, kode: str, tahun: int) -> Decimal | None:
        sebelum, sekarang = jumlah_kasus(data, tahun - 1), jumlah_kasus(data, tahun)
        if sebelum is None or sekarang is None:
            return None
        return perhitungan.penurunan_kasus(sebelum, sekarang)

    def cara(self, data: DataTahun, kode: str, tahun: int) -> str:
        a, b = jumlah_kasus(data, tahun - 1), jumlah_kasus(data, tahun)
        return f"({a} − {b}) ÷ {a} × 100 kasus tahun {tahun - 1} dan {tahun}."

    def berubah(self, data: DataTahun, kode: str, tahun: int) -> JumlahBerubah | None:
        """Last year's and this year's cases, and the most cases next year that meet next
        year's Renstra target (when it has one)."""
        sebelum, sekarang = jumlah_kasus(data, tahun - 1), jumlah_kasus(data, tahun)
        if sebelum is None or sekarang is None:
            return None
        baris = data["renstra_target"].satu(indikator=kode, tahun=tahun + 1)
        berikut = (tahun + 1, baris["target"],
                   perhitungan.jumlah_paling_banyak(sekarang, baris["target"])) if baris else None
        return JumlahBerubah("kasus kekerasan terhadap perempuan dan anak yang dilaporkan",
                             "kasus", tahun, sebelum, sekarang, berikut)

    def periksa_indikator(self, data: DataTahun, kode: str, tambah: Lapor) -> None:
        for th in (data.tahun - 1, data.tahun):
            if not data[DATASET].cari(tahun=th):
                tambah(data[DATASET].berkas, None, "tahun",
                       f"jumlah kasus tahun {th} belum tersedia; realisasi {kode} tidak "
                       "dapat dihitung.", PERINGATAN)

    def baris_buku_kerja(self, data: DataTahun, dataset: str) -> list[dict[str, Any]]:
        """This year's count of every group of victims."""
        if dataset != DATASET:
            return []
        return [{"tahun": data.tahun, "kelompok": k}
                for k in KASUS.kolom_bernama("kelompok").pilihan]

    def pendukung(self, kode: list[str]) -> list[Butir]:
        return [Butir("tabel", "kasus", _tabel), Butir("gambar", "kasus", _grafik)]

    def hitung_dilaporkan(self, data: DataTahun, kunci: str) -> tuple[object, ...]:
        return _kunci_kasus(data, kunci)

    def angka_tahun_ini(self, data: DataTahun) -> Iterator[AngkaTahunIni]:
        """This year's count of each group against last year's."""
        k, tahun = data[DATASET], data.tahun
        for bk, nomor in zip(k.baris, k.nomor, strict=True):
            kasus_lalu = k.satu(tahun=tahun - 1, kelompok=bk["kelompok"])
            if bk["tahun"] == tahun and kasus_lalu is not None:
                yield AngkaTahunIni(k, f"{tahun}/{bk['kelompok']}", nomor, "jumlah",
                                    Decimal(bk["jumlah"]), "kasus", Decimal(kasus_lalu["jumlah"]),
                                    f"jumlah kasus {bk['kelompok']} tahun {tahun - 1}")

    def fakta_dilaporkan(self, data: DataTahun, kunci: str) -> str:
        tahun = kunci.rsplit(".", 1)[-1]
        return f.baris("kasus", tahun, "jumlah") if tahun.isdigit() else ""


def _kunci_kasus(data: DataTahun, kunci: str) -> tuple[object, ...]:
    """dilaporkan.csv's kasus.perubahan (the rise from last year) and kasus.<tahun>."""
    if kunci == "kasus.perubahan":
        a, b = jumlah_kasus(data, data.tahun - 1), jumlah_kasus(data, data.tahun)
        return ((b - a) if a is not None and b is not None else None,
                f"{b} kasus tahun {data.tahun} − {a} kasus tahun {data.tahun - 1}.",
                "pertambahan jumlah kasus dari tahun lalu", "kalimat")
    tahun = int(kunci.rsplit(".", 1)[1])
    kelompok = kasus_per_kelompok(data, tahun)
    return (jumlah_kasus(data, tahun),
            " + ".join(f"{v} kasus {k}" for k, v in kelompok.items()) + ".",
            f"jumlah kasus tahun {tahun}")


def _per_tahun(h: Halaman) -> tuple[list[int], list[str]]:
    return (sorted({b["tahun"] for b in h.d[DATASET].baris}),
            sorted({b["kelompok"] for b in h.d[DATASET].baris}))


def _jumlah_teks(h: Halaman, tahun: int) -> Any:
    semua = jumlah_kasus(h.d, tahun)
    return h.nilai_fakta(f.baris("kasus", str(tahun), "jumlah"),
                    str(semua) if semua is not None else TIDAK_LENGKAP)


def _tabel(h: Halaman) -> Any:
    tahun, kelompok = _per_tahun(h)
    baris = []
    for t in tahun:
        per = kasus_per_kelompok(h.d, t)
        baris.append((str(t), *(h.nilai_fakta(f.baris("kasus", str(t), k), str(per[k]))
                                if k in per else "kosong" for k in kelompok),
                      _jumlah_teks(h, t)))
    return h.tabel("kasus", "Jumlah Kasus Kekerasan terhadap Perempuan dan Anak",
                   [Lajur("Tahun"), *(Lajur(f"Korban {k}", True) for k in kelompok),
                    Lajur("Jumlah", True)], baris, sumber=h.sumber_data(DATASET))


def _grafik(h: Halaman) -> Any:
    tahun, kelompok = _per_tahun(h)
    rekaman = []
    for t in tahun:
        per = kasus_per_kelompok(h.d, t)
        rekaman += [{"tahun": str(t), "kelompok": k.capitalize(), "nilai": per[k],
                     "teks": f"{per[k]} kasus", "urut": i}
                    for i, k in enumerate(kelompok) if k in per]
    alternatif = "Jumlah kasus kekerasan per tahun: " + "; ".join(
        f"{t} sebanyak {_jumlah_teks(h, t)} kasus" for t in tahun) + "."
    return h.gambar("kasus", "Kasus Kekerasan menurut Kelompok Korban",
                    partial(charts.bertumpuk, rekaman, "tahun", "kelompok", "Tahun",
                            "Jumlah kasus", [k.capitalize() for k in kelompok],
                            {k.capitalize(): w for k, w in
                             zip(kelompok, charts.WARNA, strict=False)}),
                    alternatif, h.sumber_data(DATASET))


RUMUS = PenurunanKasus()
