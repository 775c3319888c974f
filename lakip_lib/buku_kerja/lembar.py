"""The workbook's sheets, declared once for the writer (`tulis`) and the reader (`baca`).

`LEMBAR` lists one `Lembar` per sheet: the dataset it fills, its locked columns, the columns kept
from the current file instead of shown, and the analyst's instructions; `baris_awal` is the rows a
sheet starts with. Columns that keep a figure *as printed in a source document* (`*_dilaporkan`)
are not in the workbook; `baca` keeps them from the current files.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lakip_lib import rumus
from lakip_lib.baris import BarisPembanding
from lakip_lib.data_tahun import DataTahun
from lakip_lib.dataset import Dataset, Kolom, Tipe
from lakip_lib.schema import BY_NAME, JUDUL_KHUSUS, JUDUL_KOLOM

PETUNJUK = "Petunjuk"
EDISI = "edisi"
JENIS_SEL = {  # what a cell holds, said for Excel (where the decimal mark follows the locale)
    Tipe.TEKS: "teks",
    Tipe.BULAT: "bilangan bulat",
    Tipe.DESIMAL: "angka, boleh desimal",
    Tipe.RUPIAH: "rupiah bulat, tanpa Rp",
    Tipe.TAHUN: "tahun empat angka",
}


KONFIRMASI = Kolom("konfirmasi", Tipe.TEKS, wajib=False)  # a sheet column, kept in konfirmasi.csv
INFO_INDIKATOR = (Kolom("nama_indikator", wajib=False), Kolom("satuan_indikator", wajib=False))
# ^ shown beside an indicator code so the analyst knows what and in which unit to type; not imported
@dataclass(frozen=True)
class Lembar:
    """One sheet: the dataset it fills, the columns the analyst may not change, the columns kept
    from the current file instead (not shown), and whether it has a confirmation column."""

    dataset: str
    terkunci: tuple[str, ...]
    petunjuk: str
    tersembunyi: tuple[str, ...] = ()
    konfirmasi: bool = False
    info_indikator: bool = False  # name and unit shown after the indicator code
    judul_kolom: tuple[tuple[str, str], ...] = ()  # headers of this sheet's own columns

    @property
    def ds(self) -> Dataset:
        return BY_NAME[self.dataset]

    @property
    def kolom(self) -> tuple[Kolom, ...]:
        """The dataset's columns on the sheet."""
        return tuple(k for k in self.ds.kolom if not k.dilaporkan and k.nama not in self.tersembunyi)

    @property
    def kolom_lembar(self) -> tuple[Kolom, ...]:
        """Every column of the sheet, the confirmation column included."""
        kolom: list[Kolom] = []
        for k in self.kolom:
            kolom.append(k)
            if self.info_indikator and k.nama == "indikator":
                kolom += INFO_INDIKATOR
        return (*kolom, KONFIRMASI) if self.konfirmasi else tuple(kolom)

    @property
    def disimpan(self) -> tuple[str, ...]:
        """Columns of the file that come from the current file, not from the sheet."""
        return tuple(k.nama for k in self.ds.kolom if k.dilaporkan or k.nama in self.tersembunyi)

    def judul(self, k: Kolom) -> str:
        return (dict(self.judul_kolom).get(k.nama) or JUDUL_KHUSUS.get((self.dataset, k.nama))
                or k.judul or JUDUL_KOLOM.get(k.nama, k.nama))

    def kunci(self, baris: dict[str, str]) -> tuple[str, ...]:
        return tuple(baris.get(k, "") for k in self.ds.kunci)


LEMBAR: tuple[Lembar, ...] = (
    Lembar("target", ("indikator",),
           "Target IKU tahun ini. Setelah Perjanjian Kinerja ditandatangani, isi target PK dan "
           "ubah dasar menjadi pk.", konfirmasi=True, info_indikator=True),
    Lembar("realisasi", ("indikator", "tahun"),
           "Realisasi indikator yang diukur langsung. Kosongkan bila belum ada angkanya.",
           konfirmasi=True, info_indikator=True),
    *(Lembar(lb.dataset, lb.terkunci, lb.petunjuk, konfirmasi=lb.konfirmasi,
             info_indikator=lb.info_indikator, judul_kolom=lb.judul_kolom)
      for lb in rumus.lembar()),
    Lembar("pk_anggaran", ("sasaran",), "Anggaran per sasaran menurut Perjanjian Kinerja."),
    Lembar("anggaran", ("kode", "level", "sasaran", "nama"),
           "Anggaran dan realisasi (rupiah) pada baris sub kegiatan. Total program dan kegiatan "
           "(sel abu-abu) dihitung dari rinciannya dan tidak diisi."),
    Lembar("program_kinerja", ("sasaran", "kode", "level", "nama", "indikator", "satuan", "arah"),
           "Target dan realisasi indikator program, kegiatan, dan sub kegiatan pendukung.",
           tersembunyi=("tabel_sumber",)),
    Lembar("efisiensi", ("kode_anggaran", "nama", "indikator", "kode_indikator"),
           "Capaian kinerja (%) program, kegiatan, dan sub kegiatan untuk analisis efisiensi, "
           "sebagaimana hasil evaluasi Renja (angka ini tidak dapat dihitung dari data lain). Baris "
           "yang terhubung dengan indikator buku (sel abu-abu) dihitung sendiri dan tidak diisi."),
    Lembar("pembanding", ("indikator", "wilayah", "tahun", "jenis"),
           "Angka pembanding dari daerah lain, provinsi, dan nasional, dengan tahun datanya. Baris "
           "tahun ini sudah disiapkan; bila yang tersedia baru angka tahun lalu, biarkan kosong "
           "(buku menyebutkan tahun data pembanding yang dipakai).", konfirmasi=True),
    Lembar("aspek_strategis", ("aspek",),
           "Kondisi, standar, faktor yang memengaruhi, dan permasalahan setiap aspek strategis."),
    Lembar("skala_kategori", ("kategori",),
           "Skala kategori capaian; biasanya tidak berubah dari tahun ke tahun."),
)


# --- the rows a sheet starts with -------------------------------------------------------------

def baris_awal(lembar: Lembar, d: DataTahun) -> list[dict[str, Any]]:
    """The rows the template offers: this year's current rows plus the keys it must have."""
    tahun = d.tahun
    ds = lembar.ds
    ada = d.tabel(ds.nama).baris if d.ada(ds.nama) else []
    if not ds.per_tahun:
        ada = [b for b in ada if b["tahun"] == tahun]
    kunci_ada = {tuple(str(b[k]) for k in ds.kunci) for b in ada}
    tambahan = [b for b in _kunci_wajib(lembar, d)
                if tuple(str(b[k]) for k in ds.kunci) not in kunci_ada]
    return [*ada, *tambahan]


def _kunci_wajib(lembar: Lembar, d: DataTahun) -> list[dict[str, Any]]:
    """Rows every workbook of the year has, even before anything is filled in."""
    tahun = d.tahun
    indikator = d["indikator"].baris
    if lembar.dataset == "target":
        return [{"indikator": i["kode"]} for i in indikator if i["jenis"] in ("iku", "pendukung")]
    if ditanya := rumus.baris_buku_kerja(d, lembar.dataset):
        return ditanya
    if lembar.dataset == "pembanding":  # this year's row of every series the agency compares
        terakhir: dict[tuple[str, str, str], BarisPembanding] = {}
        for b in sorted(d["pembanding"].baris, key=lambda b: b["tahun"]):
            if b["tahun"] < tahun:
                terakhir[(b["indikator"], b["wilayah"], b["jenis"])] = b
        return [{**b, "tahun": tahun, "nilai": None} for b in terakhir.values()]
    if lembar.dataset == "pk_anggaran":
        return [{"sasaran": s["kode"]} for s in d["sasaran"].baris]
    return []



def teks_nilai(nilai: Any) -> str:
    return "" if nilai is None else str(nilai)
