"""The registry of every dataset under data/: its file, columns, keys and description.

Metadata sits here, beside nothing else: the loader (`lakip_lib.data`) validates against it, the
book's data appendix prints its descriptions, and the data package export reads it.
Column kinds: an *input* is a fact transcribed or entered by the analyst; an *as reported*
(`dilaporkan`) column keeps a derived figure exactly as a source document printed it, for the
audit only — it is never used to compute anything.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, fields, is_dataclass
from datetime import date
from enum import Enum
from typing import Any


class Tipe(Enum):
    TEKS = "teks"
    BULAT = "bilangan bulat"
    DESIMAL = "angka desimal"
    RUPIAH = "rupiah"
    TAHUN = "tahun"

    @property
    def contoh(self) -> str:
        return {
            Tipe.TEKS: "teks",
            Tipe.BULAT: "bilangan bulat, misalnya 26482",
            Tipe.DESIMAL: "angka dengan titik sebagai pemisah desimal, misalnya 73.27",
            Tipe.RUPIAH: "rupiah bulat tanpa pemisah ribuan, misalnya 97000169679",
            Tipe.TAHUN: "tahun empat angka, misalnya 2024",
        }[self]


@dataclass(frozen=True)
class Kolom:
    nama: str
    tipe: Tipe = Tipe.TEKS
    wajib: bool = True
    pilihan: tuple[str, ...] = ()
    acuan: tuple[str, str] | None = None  # (dataset, column) that must contain the value
    dilaporkan: bool = False
    dalam_renstra: bool = False  # a TAHUN that must lie inside the Renstra period
    boleh_negatif: bool = True
    wajib_final: bool = False  # required in a final edition, may stay empty in a draft
    nama_berkas: bool = False  # the value becomes part of a file name and URL (letters, digits, -, _)
    keterangan: str = ""


@dataclass(frozen=True)
class Dataset:
    nama: str
    berkas: str  # path under data/, "{tahun}" for per-year files
    keterangan: str
    kolom: tuple[Kolom, ...]
    kunci: tuple[str, ...]
    wajib_ada: bool = True
    riwayat: bool = False  # a multi-year record by `tahun`: an edition sees rows up to its year
    riwayat_kecuali: tuple[str, str] | None = None  # (column, value) of rows every edition sees

    def dalam_edisi(self, baris: dict[str, str], tahun: int) -> bool:
        """Whether a raw row belongs to the edition of `tahun` (later years' rows do not)."""
        if not self.riwayat:
            return True
        if self.riwayat_kecuali and baris.get(self.riwayat_kecuali[0], "").strip() == \
                self.riwayat_kecuali[1]:
            return True
        teks = baris.get("tahun", "").strip()
        return not (teks.isdigit() and int(teks) > tahun)

    @property
    def per_tahun(self) -> bool:
        return "{tahun}" in self.berkas

    def path(self, tahun: int) -> str:
        return self.berkas.format(tahun=tahun)

    def kolom_bernama(self, nama: str) -> Kolom:
        return next(k for k in self.kolom if k.nama == nama)


ARAH = ("naik", "turun")
PANDUAN_NARASI = ("*Tuliskan di sini dengan kata-kata sendiri; jangan mencantumkan angka (angka "
                  "dihitung dari data).*")  # the placeholder `lakip new-year` leaves in narratives
# --- instansi.yaml and edisi.yaml: their records, from which their YAML shapes are derived ------

def adalah_draf(status: object) -> bool:
    """Whether an edisi.yaml `status` makes the edition a draft (inputs may still be missing).
    The one place this is decided, for the validated record (`Edisi.draf`) as for a raw file."""
    return str(status if status is not None else "").lower() == "draf"


@dataclass(frozen=True)
class Pejabat:
    """A signatory: the head of agency of a year (edisi.yaml `kepala`, or instansi.yaml `kepala`
    for a year that names none) or the performance agreement's second party (edisi.yaml
    `perjanjian_kinerja.pihak_kedua`); an elected official has no rank or NIP."""

    nama: str | None = None
    pangkat: str | None = None
    golongan: str | None = None
    nip: str | None = None
    jabatan: str | None = None


@dataclass(frozen=True)
class DasarPembentukan:
    peraturan: str | None = None
    tentang: str | None = None


@dataclass(frozen=True)
class JabatanFungsional:
    jabatan: str | None = None
    jumlah: int | None = None


@dataclass(frozen=True)
class Unit:
    unit: str | None = None
    atasan: str | None = None  # the unit above (another unit listed earlier); else the first
    jabatan_fungsional: tuple[JabatanFungsional, ...] = ()


@dataclass(frozen=True)
class Rpjmd:
    periode: tuple[int, ...] = ()
    visi: str | None = None
    misi: str | None = None


@dataclass(frozen=True)
class Renstra:
    periode: tuple[int, ...] = ()


@dataclass(frozen=True)
class Instansi:
    """instansi.yaml: the agency profile, RPJMD and Renstra period. The fields without a default
    are required (checked by the loader, which also checks the Renstra period). `kepala` here is
    the head of agency of every year whose edisi.yaml names none (data written before the head
    became a fact of the year); a loaded year's `instansi.kepala` is always that year's head."""

    nama: str
    nama_singkat: str
    kabupaten: str
    pemerintah: str | None = None
    provinsi: str | None = None
    ibu_kota: str | None = None
    lambang: str | None = None  # optional cover images, relative to the data folder
    logo: str | None = None
    kepala: Pejabat = Pejabat()
    dasar_pembentukan: tuple[DasarPembentukan, ...] = ()
    tugas: str | None = None
    fungsi: tuple[str, ...] = ()
    struktur: tuple[Unit, ...] = ()
    landasan_hukum: tuple[str, ...] = ()
    rpjmd: Rpjmd = Rpjmd()
    renstra: Renstra = Renstra()


@dataclass(frozen=True)
class PerjanjianKinerja:
    judul: str | None = None
    tanggal: date | None = None
    pihak_kedua: Pejabat = Pejabat()


@dataclass(frozen=True)
class ButirRevisi:
    """One re-issue of a final edition (lakip_lib.rilis)."""

    tanggal: date
    alasan: str


@dataclass(frozen=True)
class Edisi:
    """<tahun>/edisi.yaml: the edition's label, status, place and date, budget ceiling, the
    performance agreement, the head of agency who signs it (name, rank, grade, NIP, title: facts
    of the year, so a new head entered for next year does not re-sign this one) and the
    re-issues. `penilaian` (the verdict rule) is checked by the
    loader on its own and kept as written."""

    tahun: int
    label: str
    tempat: str
    tanggal_terbit: date
    status: str | None = None
    pagu_anggaran: int | None = None  # a draft may not know it yet
    sumber_anggaran: str = "APBD"
    perjanjian_kinerja: PerjanjianKinerja = PerjanjianKinerja()
    revisi: tuple[ButirRevisi, ...] = ()
    penilaian: Mapping[str, Any] | None = None
    kepala: Pejabat | None = None  # the head of agency who signs this year's edition
    renstra: Renstra | None = None  # a year of another Renstra than instansi.yaml's
    rpjmd: Rpjmd | None = None  # (`lakip_lib.renstra_tahun`)
    lambang: str | None = None  # the year's own cover images, relative to the data folder,
    logo: str | None = None  # replacing instansi.yaml's from this year on
    # why a final edition may still print "belum tersedia" (a figure the source never had)
    konfirmasi_belum_tersedia: str | None = None

    @property
    def draf(self) -> bool:
        return adalah_draf(self.status)


def bentuk_yaml(jenis: type) -> dict[str, Any]:
    """The declared shape of a record's YAML file (what lakip_lib.data checks): str is text, int
    a whole number, date a date (TTTT-BB-HH), [x] a list of x, {…} a mapping. A Mapping field
    is not part of the shape (kept as written and checked on its own)."""
    petunjuk = typing.get_type_hints(jenis)
    return {f.name: _bentuk_tipe(petunjuk[f.name]) for f in fields(jenis)
            if _bentuk_tipe(petunjuk[f.name]) is not None}


def tipe_inti(tipe: Any) -> Any:
    """X for X | None, else the type itself."""
    if typing.get_origin(tipe) in (typing.Union, types.UnionType):
        return next(t for t in typing.get_args(tipe) if t is not type(None))
    return tipe


def _bentuk_tipe(tipe: Any) -> Any:
    tipe = tipe_inti(tipe)
    if typing.get_origin(tipe) is tuple:
        return [_bentuk_tipe(typing.get_args(tipe)[0])]
    if isinstance(tipe, type) and is_dataclass(tipe):
        return bentuk_yaml(tipe)
    return tipe if tipe in (str, int, date) else None


YAML_INSTANSI = bentuk_yaml(Instansi)
YAML_EDISI = bentuk_yaml(Edisi)


@dataclass(frozen=True)
class IsuStrategis:
    """<tahun>/isu_strategis.yaml (optional): the challenges and opportunities the book lists."""

    tantangan: tuple[str, ...] = ()
    peluang: tuple[str, ...] = ()


YAML_ISU = bentuk_yaml(IsuStrategis)
NARASI_TETAP = ("kata_pengantar", "latar_belakang", "kendala_utama", "penutup")  # + one per sasaran
STATUS_IDM = ("Mandiri", "Maju", "Berkembang", "Tertinggal", "Sangat Tertinggal")
KOLOM_IDM = {s: s.lower().replace(" ", "_") for s in STATUS_IDM}  # status → idm_status column
LEVEL = ("program", "kegiatan", "subkegiatan")

_DESIMAL = Tipe.DESIMAL


_k = Kolom


DATASETS: tuple[Dataset, ...] = (
    Dataset(
        "kecamatan", "kecamatan.csv", "Daftar kecamatan di wilayah kerja instansi.",
        (_k("kecamatan"),), ("kecamatan",),
    ),
    Dataset(
        "tujuan", "tujuan.csv", "Tujuan jangka menengah dalam Renstra.",
        (_k("kode"), _k("uraian")), ("kode",),
    ),
    Dataset(
        "sasaran", "sasaran.csv", "Sasaran strategis Renstra beserta tujuan yang didukungnya.",
        (_k("kode", nama_berkas=True), _k("tujuan", acuan=("tujuan", "kode")), _k("uraian")),
        ("kode",),
    ),
    Dataset(
        "indikator", "indikator.csv",
        "Definisi indikator: IKU, indikator tujuan, dan indikator pendukung, termasuk arah "
        "(naik = makin tinggi makin baik, turun = makin rendah makin baik) dan rumus perhitungannya.",
        (
            _k("kode"), _k("jenis", pilihan=("iku", "tujuan", "pendukung")), _k("induk"),
            _k("nama"), _k("satuan"), _k("arah", pilihan=ARAH), _k("desimal", Tipe.BULAT),
            _k("rumus"),  # the indicator's kind: its choices are lakip_lib.rumus's
            _k("definisi", wajib=False), _k("alasan", wajib=False),
            _k("penanggung_jawab", wajib=False), _k("sumber_data", wajib=False),
        ),
        ("kode",),
    ),
    Dataset(
        "renstra_target", "renstra_target.csv",
        "Target tahunan indikator tujuan dan sasaran selama periode Renstra (Tabel 2.1 dan 2.2).",
        (
            _k("indikator", acuan=("indikator", "kode")),
            _k("tahun", Tipe.TAHUN, dalam_renstra=True), _k("target", _DESIMAL),
        ),
        ("indikator", "tahun"),
    ),
    Dataset(
        "realisasi", "realisasi.csv",
        "Realisasi indikator yang diukur langsung (bukan dihitung), untuk tahun berjalan dan "
        "tahun-tahun sebelumnya.",
        (
            _k("indikator", acuan=("indikator", "kode")), _k("tahun", Tipe.TAHUN),
            _k("realisasi", _DESIMAL), _k("keterangan", wajib=False),
        ),
        ("indikator", "tahun"),
        riwayat=True,
    ),
    Dataset(
        "kasus_kekerasan", "kasus_kekerasan.csv",
        "Jumlah kasus kekerasan terhadap perempuan dan anak yang dilaporkan, per tahun dan "
        "kelompok korban.",
        (
            _k("tahun", Tipe.TAHUN), _k("kelompok", pilihan=("perempuan", "anak")),
            _k("jumlah", Tipe.BULAT, boleh_negatif=False),
        ),
        ("tahun", "kelompok"),
        riwayat=True,
    ),
    Dataset(
        "rasio_definisi", "rasio_definisi.csv",
        "Definisi indikator yang dihitung sebagai rasio dua jumlah (rumus rasio): apa yang "
        "dihitung pada pembilang dan penyebut, dan pengalinya (misalnya per 1.000 kelahiran hidup).",
        (
            _k("indikator", acuan=("indikator", "kode")), _k("pembilang"), _k("penyebut"),
            _k("pengali", Tipe.BULAT, boleh_negatif=False),
        ),
        ("indikator",),
        wajib_ada=False,
    ),
    Dataset(
        "rasio", "rasio.csv",
        "Pembilang dan penyebut indikator rasio per tahun (misalnya jumlah kematian bayi dan "
        "jumlah kelahiran hidup); realisasinya dihitung: pembilang ÷ penyebut × pengali.",
        (
            _k("indikator", acuan=("indikator", "kode")), _k("tahun", Tipe.TAHUN),
            _k("pembilang", Tipe.BULAT, wajib=False, wajib_final=True, boleh_negatif=False),
            _k("penyebut", Tipe.BULAT, wajib=False, wajib_final=True, boleh_negatif=False),
        ),
        ("indikator", "tahun"),
        wajib_ada=False, riwayat=True,
    ),
    Dataset(
        "idm_status", "idm_status.csv",
        "Jumlah desa menurut status Indeks Desa Membangun per tahun.",
        (
            _k("tahun", Tipe.TAHUN),
            *(
                _k(KOLOM_IDM[s], Tipe.BULAT, boleh_negatif=False,
                   wajib=(s != "Sangat Tertinggal"))
                for s in STATUS_IDM
            ),
            _k("jumlah_dilaporkan", Tipe.BULAT, wajib=False, dilaporkan=True),
        ),
        ("tahun",),
        riwayat=True,
    ),
    Dataset(
        "pembanding", "pembanding.csv",
        "Angka pembanding dari wilayah lain, provinsi, dan nasional.",
        (
            _k("indikator", acuan=("indikator", "kode")), _k("wilayah"), _k("tahun", Tipe.TAHUN),
            _k("jenis", pilihan=("realisasi", "target")), _k("nilai", _DESIMAL), _k("satuan"),
            _k("sumber"),
        ),
        ("indikator", "wilayah", "tahun", "jenis"),
        riwayat=True, riwayat_kecuali=("jenis", "target"),  # a later year's target is known now
    ),
    Dataset(
        "skala_kategori", "{tahun}/skala_kategori.csv",
        "Skala ordinal kategori capaian: batas bawah tidak termasuk, batas atas termasuk.",
        (
            _k("batas_bawah", _DESIMAL, wajib=False), _k("batas_atas", _DESIMAL, wajib=False),
            _k("kategori"),
        ),
        ("kategori",),
    ),
    Dataset(
        "target", "{tahun}/target.csv",
        "Target tahun berjalan: IKU menurut Perjanjian Kinerja (pk) atau, sebelum PK "
        "ditandatangani, menurut Renstra (renstra); indikator pendukung menurut dokumen "
        "perencanaan (renja).",
        (
            _k("indikator", acuan=("indikator", "kode")), _k("target", _DESIMAL),
            _k("dasar", pilihan=("pk", "renstra", "renja")),
        ),
        ("indikator",),
    ),
    Dataset(
        "pk_anggaran", "{tahun}/pk_anggaran.csv",
        "Anggaran per sasaran yang dicantumkan dalam Perjanjian Kinerja.",
        (
            _k("sasaran", acuan=("sasaran", "kode")),
            _k("anggaran", Tipe.RUPIAH, boleh_negatif=False),
        ),
        ("sasaran",),
    ),
    Dataset(
        "desa", "{tahun}/desa.csv", "Daftar desa dengan kecamatan dan status IDM tahun berjalan.",
        (
            _k("kecamatan", acuan=("kecamatan", "kecamatan")), _k("desa"),
            _k("status_idm", wajib=False, wajib_final=True, pilihan=STATUS_IDM),
        ),
        ("kecamatan", "desa"),
    ),
    Dataset(
        "cpr_kecamatan", "{tahun}/cpr_kecamatan.csv",
        "Pasangan usia subur (PUS) dan peserta KB aktif per kecamatan.",
        (
            _k("kecamatan", acuan=("kecamatan", "kecamatan")),
            _k("pus", Tipe.BULAT, wajib=False, wajib_final=True, boleh_negatif=False),
            _k("kb_aktif", Tipe.BULAT, wajib=False, wajib_final=True, boleh_negatif=False),
            _k("cpr_dilaporkan", _DESIMAL, wajib=False, dilaporkan=True),
        ),
        ("kecamatan",),
    ),
    Dataset(
        "anggaran", "{tahun}/anggaran.csv",
        "Anggaran dan realisasi per program, kegiatan, dan sub kegiatan. Anggaran dan realisasi "
        "diisi pada baris rincian terbawah; total program dan kegiatan dihitung.",
        (
            _k("kode"), _k("level", pilihan=LEVEL),
            _k("sasaran", wajib=False, acuan=("sasaran", "kode")), _k("nama"),
            _k("anggaran", Tipe.RUPIAH, wajib=False, boleh_negatif=False),
            _k("realisasi", Tipe.RUPIAH, wajib=False, boleh_negatif=False),
            _k("anggaran_dilaporkan", Tipe.RUPIAH, wajib=False, dilaporkan=True),
            _k("realisasi_dilaporkan", Tipe.RUPIAH, wajib=False, dilaporkan=True),
            _k("penyerapan_dilaporkan", _DESIMAL, wajib=False, dilaporkan=True),
        ),
        ("kode",),
    ),
    Dataset(
        "efisiensi", "{tahun}/efisiensi.csv",
        "Capaian kinerja program, kegiatan, dan sub kegiatan untuk analisis efisiensi.",
        (
            _k("kode_anggaran", wajib=False, acuan=("anggaran", "kode")), _k("nama"),
            _k("indikator"), _k("capaian_kinerja", _DESIMAL, wajib=False),
            _k("penyerapan_dilaporkan", _DESIMAL, wajib=False, dilaporkan=True),
            _k("efisiensi_dilaporkan", _DESIMAL, wajib=False, dilaporkan=True),
            _k("kode_indikator", wajib=False, acuan=("indikator", "kode"),
               keterangan="indikator buku ini yang capaiannya dihitung (kosongkan "
                          "capaian_kinerja)"),
            _k("capaian_dilaporkan", _DESIMAL, wajib=False, dilaporkan=True),
            _k("kode_program", wajib=False, acuan=("program_kinerja", "kode"),
               keterangan="baris tabel program pendukung sasaran yang capaiannya dihitung "
                          "(kosongkan capaian_kinerja)"),
        ),
        ("nama", "indikator"),
    ),
    Dataset(
        "program_kinerja", "{tahun}/program_kinerja.csv",
        "Program, kegiatan, dan sub kegiatan pendukung tiap sasaran beserta indikator, target, "
        "dan realisasinya.",
        (
            _k("sasaran", acuan=("sasaran", "kode")), _k("kode"), _k("level", pilihan=LEVEL),
            _k("nama"), _k("indikator"), _k("satuan", wajib=False),
            _k("target", _DESIMAL, wajib=False), _k("realisasi", _DESIMAL, wajib=False),
            _k("arah", pilihan=ARAH),
            _k("capaian_dilaporkan", _DESIMAL, wajib=False, dilaporkan=True),
            _k("tabel_sumber", wajib=False),
            _k("kode_indikator", wajib=False, acuan=("indikator", "kode"),
               keterangan="indikator buku ini yang target dan realisasinya dipakai (kosongkan "
                          "target dan realisasi)"),
            _k("target_dilaporkan", _DESIMAL, wajib=False, dilaporkan=True),
            _k("realisasi_dilaporkan", _DESIMAL, wajib=False, dilaporkan=True),
        ),
        ("kode",),
    ),
    Dataset(
        "aspek_strategis", "{tahun}/aspek_strategis.csv",
        "Aspek strategis organisasi: kondisi, standar, faktor yang memengaruhi, dan permasalahan. "
        "Kondisi aspek yang merupakan indikator buku ini dihitung dari datanya (kolom indikator "
        "dan ukuran), bukan diisi.",
        (
            _k("aspek"), _k("kondisi", _DESIMAL, wajib=False), _k("satuan", wajib=False),
            _k("standar", wajib=False), _k("faktor_internal", wajib=False),
            _k("faktor_eksternal", wajib=False), _k("permasalahan", wajib=False),
            _k("indikator", wajib=False, acuan=("indikator", "kode"),
               keterangan="indikator yang kondisinya dihitung (kosongkan kolom kondisi)"),
            _k("ukuran", wajib=False, pilihan=("realisasi", "capaian"),
               keterangan="angka indikator yang ditampilkan sebagai kondisi"),
            _k("kode_program", wajib=False, acuan=("program_kinerja", "kode"),
               keterangan="baris tabel program pendukung sasaran yang realisasinya menjadi "
                          "kondisi (kosongkan kolom kondisi)"),
            _k("kondisi_dilaporkan", _DESIMAL, wajib=False, dilaporkan=True),
        ),
        ("aspek",),
    ),
    Dataset(
        "iku_dilaporkan", "{tahun}/iku_dilaporkan.csv",
        "Angka IKU sebagaimana tercetak di dokumen sumber, untuk pemeriksaan konsistensi.",
        (
            _k("indikator", acuan=("indikator", "kode")), _k("lokasi"),
            _k("dasar_target", wajib=False, pilihan=("pk", "akhir_renstra")),
            _k("target", _DESIMAL, wajib=False, dilaporkan=True),
            _k("realisasi", _DESIMAL, wajib=False, dilaporkan=True),
            _k("capaian", _DESIMAL, wajib=False, dilaporkan=True),
            _k("kategori", wajib=False, dilaporkan=True),
        ),
        ("indikator", "lokasi"),
        wajib_ada=False,
    ),
    Dataset(
        "dilaporkan", "{tahun}/dilaporkan.csv",
        "Angka turunan lain sebagaimana tercetak di dokumen sumber (total, persentase, jumlah "
        "kategori, terbilang), untuk pemeriksaan konsistensi.",
        (_k("kunci"), _k("nilai", dilaporkan=True), _k("lokasi")),
        ("kunci", "lokasi"),
        wajib_ada=False,
    ),
)

DATASETS = (*DATASETS, Dataset(
    "catatan_sumber", "{tahun}/catatan_sumber.csv",
    "Catatan konsistensi dokumen sumber yang bukan hitungan (ditulis oleh penyusun data).",
    (_k("lokasi"), _k("catatan")), (), wajib_ada=False,
), Dataset(
    "dokumentasi", "{tahun}/dokumentasi/keterangan.csv",
    "Foto dokumentasi kegiatan dan keterangannya; berkas fotonya (PNG atau JPEG, paling besar "
    "2 MB) ada di folder yang sama.",
    (_k("berkas"), _k("keterangan")), ("berkas",), wajib_ada=False,
), Dataset(
    "konfirmasi", "{tahun}/konfirmasi.csv",
    "Angka yang tampak janggal (jauh dari tahun lalu atau dari satuannya) tetapi sudah diperiksa "
    "dan dinyatakan benar oleh analis, dengan alasannya.",
    (_k("tabel", pilihan=("realisasi", "target", "kasus_kekerasan", "pembanding")),
     _k("kunci"), _k("alasan")),
    ("tabel", "kunci"), wajib_ada=False,
))

BY_NAME: dict[str, Dataset] = {d.nama: d for d in DATASETS}


# --- Titles and descriptions of the columns (the data package's fields) ----------------------

JUDUL_KOLOM = {  # a column's title, with its unit: the workbook's header
    # (the import accepts it or the name) and the data package's field title
    "indikator": "Kode indikator", "tahun": "Tahun", "realisasi": "Realisasi",
    "keterangan": "Keterangan", "target": "Target", "dasar": "Dasar target",
    "kelompok": "Kelompok korban", "jumlah": "Jumlah kasus (kasus)", "kecamatan": "Kecamatan",
    "desa": "Desa", "status_idm": "Status IDM", "pus": "PUS (pasangan)",
    "kb_aktif": "Peserta KB aktif (orang)", "sasaran": "Kode sasaran", "anggaran": "Anggaran (Rp)",
    "kode": "Kode", "level": "Level", "nama": "Nama", "satuan": "Satuan", "arah": "Arah",
    "kode_anggaran": "Kode anggaran", "capaian_kinerja": "Capaian kinerja (%)",
    "kode_indikator": "Indikator buku (capaian dihitung)",
    "aspek": "Aspek strategis", "kondisi": "Kondisi (angka)", "standar": "Standar",
    "faktor_internal": "Faktor internal", "faktor_eksternal": "Faktor eksternal",
    "permasalahan": "Permasalahan", "wilayah": "Wilayah", "jenis": "Jenis angka",
    "nilai": "Nilai", "sumber": "Sumber data", "batas_bawah": "Capaian di atas (%)",
    "batas_atas": "Capaian sampai dengan (%)", "kategori": "Kategori",
    "konfirmasi": "Konfirmasi angka janggal (alasan)",
    "nama_indikator": "Nama indikator", "satuan_indikator": "Satuan",
}
JUDUL_KHUSUS = {
    ("anggaran", "realisasi"): "Realisasi (Rp)",
    ("realisasi", "realisasi"): "Realisasi (satuan indikator)",
    ("target", "target"): "Target (satuan indikator)",
    ("pembanding", "nilai"): "Nilai (satuan di kolom Satuan)",
    ("program_kinerja", "target"): "Target (satuan di kolom Satuan)",
    ("program_kinerja", "realisasi"): "Realisasi (satuan di kolom Satuan)",
}
_JUDUL_LAIN = {  # titles of columns the workbook does not show (or shows by name)
    "uraian": "Uraian", "tujuan": "Kode tujuan", "jenis": "Jenis indikator", "induk": "Induk",
    "desimal": "Jumlah desimal", "rumus": "Rumus (jenis indikator)", "definisi": "Definisi",
    "alasan": "Alasan", "penanggung_jawab": "Penanggung jawab", "sumber_data": "Sumber data",
    "pembilang": "Pembilang", "penyebut": "Penyebut", "pengali": "Pengali",
    **{kolom: f"Desa {status} (desa)" for status, kolom in KOLOM_IDM.items()},
    "lokasi": "Lokasi di dokumen sumber", "dasar_target": "Dasar target", "kunci": "Kunci",
    "catatan": "Catatan", "berkas": "Berkas foto", "tabel": "Tabel data",
    "ukuran": "Ukuran indikator", "tabel_sumber": "Tabel di dokumen sumber",
    "capaian": "Capaian (%)", "penyerapan": "Penyerapan (%)", "efisiensi": "Efisiensi (%)",
    "cpr": "CPR (%)", "tingkat": "Tingkat", "sisa": "Sisa (Rp)", "nama_indikator": "Indikator",
}
_JUDUL_KHUSUS_LAIN = {
    ("pembanding", "jenis"): "Jenis angka", ("konfirmasi", "alasan"): "Alasan konfirmasi",
    ("indikator", "jenis"): "Jenis indikator", ("dilaporkan", "nilai"): "Nilai tercetak",
    ("idm_status", "jumlah_dilaporkan"): "Jumlah desa tercetak",
    ("program_kinerja", "indikator"): "Indikator", ("efisiensi", "indikator"): "Indikator",
    ("hasil_kinerja_program", "indikator"): "Indikator", ("hasil_efisiensi", "indikator"):
    "Indikator", ("hasil_capaian_indikator", "target"): "Target (satuan di kolom Satuan)",
    ("hasil_capaian_indikator", "realisasi"): "Realisasi (satuan di kolom Satuan)",
    ("hasil_kinerja_program", "target"): "Target (satuan di kolom Satuan)",
    ("hasil_kinerja_program", "realisasi"): "Realisasi (satuan di kolom Satuan)",
    **{(f"hasil_anggaran_{t}", "realisasi"): "Realisasi (Rp)" for t in LEVEL},
}
_DILAPORKAN = "Angka sebagaimana tercetak di dokumen sumber (bukan masukan; untuk pemeriksaan)."


def judul_kolom(ds: Dataset, k: Kolom) -> str:
    """A column's title for a reader: the workbook's header where it has one, with its unit."""
    khusus = JUDUL_KHUSUS.get((ds.nama, k.nama)) or _JUDUL_KHUSUS_LAIN.get((ds.nama, k.nama))
    if khusus:
        return khusus
    if k.dilaporkan and k.nama.endswith("_dilaporkan"):
        dasar = k.nama.removesuffix("_dilaporkan")
        return f"{judul_kolom(ds, Kolom(dasar, k.tipe))} tercetak"
    if k.dilaporkan:
        return f"{JUDUL_KOLOM.get(k.nama) or _JUDUL_LAIN.get(k.nama, k.nama)} tercetak"
    return JUDUL_KOLOM.get(k.nama) or _JUDUL_LAIN.get(k.nama) or k.nama.replace("_", " ").capitalize()


def keterangan_kolom(ds: Dataset, k: Kolom) -> str:
    """A column's description (Indonesian): its own `keterangan`, else the registry's by
    dataset and column or by column; an as-reported column says so."""
    teks = (k.keterangan[:1].upper() + k.keterangan[1:] if k.keterangan else
            KETERANGAN_KHUSUS.get((ds.nama, k.nama))
            or KETERANGAN_KOLOM.get(k.nama.removesuffix("_dilaporkan"), ""))
    if teks and not teks.endswith("."):
        teks += "."
    return f"{teks} {_DILAPORKAN}".strip() if k.dilaporkan else teks


KETERANGAN_KOLOM = {  # by column name, wherever the column means the same
    "kecamatan": "Nama kecamatan di wilayah kerja instansi",
    "kode": "Kode baris, unik dalam berkas",
    "uraian": "Rumusan lengkapnya sebagaimana dalam Renstra",
    "tujuan": "Kode tujuan Renstra yang didukung (kolom kode di tujuan.csv)",
    "induk": "Kode sasaran atau tujuan yang diukur indikator ini",
    "nama": "Nama sebagaimana dalam dokumen perencanaan",
    "satuan": "Satuan angka (kosong bila angka berupa indeks tanpa satuan)",
    "arah": "Arah indikator: naik (makin tinggi makin baik) atau turun (makin rendah makin baik)",
    "desimal": "Jumlah angka di belakang koma saat angka indikator ditampilkan",
    "rumus": "Cara realisasi indikator diperoleh: diukur langsung atau dihitung dari data lain",
    "definisi": "Definisi indikator dan rumus perhitungannya",
    "alasan": "Alasan indikator ini dipilih",
    "penanggung_jawab": "Jabatan yang bertanggung jawab atas indikator",
    "sumber_data": "Asal data realisasi indikator",
    "indikator": "Kode indikator (kolom kode di indikator.csv)",
    "tahun": "Tahun data",
    "target": "Target dalam satuan indikator",
    "realisasi": "Realisasi dalam satuan indikator",
    "keterangan": "Keterangan tambahan",
    "kelompok": "Kelompok korban: perempuan atau anak",
    "jumlah": "Jumlah kasus yang dilaporkan",
    "pembilang": "Jumlah yang dihitung pada pembilang rasio",
    "penyebut": "Jumlah yang dihitung pada penyebut rasio",
    "pengali": "Pengali rasio, misalnya 1000 untuk per 1.000",
    **{kolom: f"Jumlah desa berstatus {status}" for status, kolom in KOLOM_IDM.items()},
    "wilayah": "Wilayah pembanding (kabupaten lain, provinsi, atau nasional)",
    "nilai": "Nilai angka pembanding dalam satuan di kolom satuan",
    "sumber": "Sumber angka",
    "batas_bawah": "Batas bawah capaian (%), tidak termasuk; kosong untuk pita terendah",
    "batas_atas": "Batas atas capaian (%), termasuk; kosong untuk pita tertinggi",
    "kategori": "Nama kategori capaian",
    "dasar": "Dasar target: pk (Perjanjian Kinerja), renstra, atau renja",
    "sasaran": "Kode sasaran strategis (kolom kode di sasaran.csv)",
    "anggaran": "Anggaran dalam rupiah",
    "desa": "Nama desa",
    "status_idm": "Status Indeks Desa Membangun desa tahun ini",
    "pus": "Jumlah pasangan usia subur (PUS)",
    "kb_aktif": "Jumlah peserta KB aktif",
    "cpr": "Contraceptive Prevalence Rate: KB aktif ÷ PUS × 100",
    "level": "Tingkat baris: program, kegiatan, atau subkegiatan",
    "tingkat": "Tingkat baris: program, kegiatan, atau subkegiatan",
    "sisa": "Sisa anggaran: anggaran − realisasi (Rp)",
    "penyerapan": "Penyerapan anggaran: realisasi ÷ anggaran × 100 (%)",
    "kode_anggaran": "Kode program, kegiatan, atau sub kegiatan (kolom kode di anggaran.csv)",
    "capaian_kinerja": "Capaian kinerja (%) menurut evaluasi Renja",
    "efisiensi": "Efisiensi: capaian kinerja ÷ penyerapan anggaran × 100 (%)",
    "capaian": "Capaian (%)",
    "tabel_sumber": "Tabel dokumen sumber tempat baris ini tercetak",
    "aspek": "Aspek strategis yang dikaji",
    "kondisi": "Kondisi aspek, dalam satuan di kolom satuan",
    "standar": "Standar atau acuan aspek",
    "faktor_internal": "Faktor internal yang memengaruhi",
    "faktor_eksternal": "Faktor eksternal yang memengaruhi",
    "permasalahan": "Permasalahan yang dihadapi",
    "lokasi": "Tempat di dokumen sumber (bab, tabel, atau paragraf)",
    "dasar_target": "Target yang dipakai dokumen sumber: pk (Perjanjian Kinerja) atau "
                    "akhir_renstra",
    "kunci": "Nama angka yang dimaksud",
    "catatan": "Isi catatan",
    "berkas": "Nama berkas foto di folder yang sama",
    "tabel": "Tabel data tempat angka yang dikonfirmasi",
}
# columns of the programme, kegiatan and sub kegiatan rows, in several datasets
_INDIKATOR_PROGRAM = "Indikator program, kegiatan, atau sub kegiatan"
_NAMA_PROGRAM = "Nama program, kegiatan, atau sub kegiatan"
_KODE_PROGRAM = "Kode program, kegiatan, atau sub kegiatan"
KETERANGAN_KHUSUS = {  # where a column name means something else in one dataset
    ("tujuan", "kode"): "Kode tujuan", ("sasaran", "kode"): "Kode sasaran strategis",
    ("indikator", "kode"): "Kode indikator",
    ("indikator", "jenis"): "Jenis indikator: iku (Indikator Kinerja Utama), tujuan, atau "
                            "pendukung",
    ("indikator", "nama"): "Nama indikator",
    ("pembanding", "jenis"): "Jenis angka pembanding: realisasi atau target",
    ("anggaran", "kode"): "Kode program (P..), kegiatan (P...K..), atau sub kegiatan "
                          "(P...K...S..); kode kegiatan diawali kode programnya",
    ("anggaran", "anggaran"): "Anggaran (Rp), diisi hanya pada baris sub kegiatan; total "
                              "program dan kegiatan dihitung dari rinciannya",
    ("anggaran", "realisasi"): "Realisasi anggaran (Rp), diisi hanya pada baris sub kegiatan",
    ("anggaran", "sasaran"): "Kode sasaran yang didukung program",
    ("anggaran", "anggaran_dilaporkan"): "Anggaran (Rp) pada setiap tingkat; baris program dan "
                                         "kegiatan memuat total rinciannya, jadi jangan "
                                         "dijumlahkan lintas tingkat",
    ("anggaran", "realisasi_dilaporkan"): "Realisasi (Rp) pada setiap tingkat; jangan "
                                          "dijumlahkan lintas tingkat",
    ("program_kinerja", "indikator"): _INDIKATOR_PROGRAM,
    ("program_kinerja", "kode"): _KODE_PROGRAM,
    ("efisiensi", "indikator"): _INDIKATOR_PROGRAM,
    ("efisiensi", "nama"): _NAMA_PROGRAM,
    ("iku_dilaporkan", "kategori"): "Kategori capaian",
    ("dilaporkan", "nilai"): "Nilai yang tercetak: angka, persen, atau jumlah dalam kata",
    ("idm_status", "jumlah_dilaporkan"): "Jumlah desa seluruhnya",
    ("dokumentasi", "keterangan"): "Keterangan foto",
    ("konfirmasi", "alasan"): "Alasan analis menyatakan angka itu benar",
    ("konfirmasi", "kunci"): "Kunci baris angka yang dikonfirmasi",
    ("pk_anggaran", "anggaran"): "Anggaran (Rp) sasaran dalam Perjanjian Kinerja",
    ("hasil_capaian_indikator", "jenis"): "Jenis indikator: iku (Indikator Kinerja Utama), "
                                          "tujuan, atau pendukung",
    ("hasil_capaian_indikator", "nama"): "Nama indikator",
    ("hasil_capaian_indikator", "capaian"): "Capaian (%) menurut arah indikator: naik, "
                                            "realisasi ÷ target × 100; turun, (2 × target − "
                                            "realisasi) ÷ target × 100; dua desimal",
    ("hasil_capaian_indikator", "kategori"): "Kategori capaian menurut skala kategori edisi ini",
    ("hasil_capaian_indikator", "dasar_target"): "Dasar target: pk (Perjanjian Kinerja), renstra, "
                                                 "atau renja",
    ("hasil_kinerja_program", "indikator"): _INDIKATOR_PROGRAM,
    ("hasil_kinerja_program", "capaian"): "Capaian (%) menurut arah indikator, dua desimal",
    ("hasil_kinerja_program", "kode"): _KODE_PROGRAM,
    ("hasil_efisiensi", "indikator"): _INDIKATOR_PROGRAM,
    ("hasil_efisiensi", "nama"): _NAMA_PROGRAM,
    ("hasil_efisiensi", "capaian_kinerja"): "Capaian kinerja (%): capaian indikator buku ini "
                                            "bila terhubung, selain itu menurut evaluasi Renja",
    **{(f"hasil_anggaran_{t}", "kode"): _KODE_PROGRAM
       for t in LEVEL},
    **{(f"hasil_anggaran_{t}", "anggaran"): "Anggaran (Rp), jumlah dari baris sub kegiatan"
       for t in LEVEL},
    **{(f"hasil_anggaran_{t}", "realisasi"): "Realisasi anggaran (Rp), jumlah dari baris sub "
                                             "kegiatan" for t in LEVEL},
}


# --- Row and query types: lakip_lib/baris.py and syarat.py are generated from the registry ----

_TIPE_PYTHON = {Tipe.TEKS: "str", Tipe.BULAT: "int", Tipe.RUPIAH: "int", Tipe.TAHUN: "int",
                Tipe.DESIMAL: "Decimal"}  # what lakip_lib.sel.parse returns for each type


def nama_baris(ds: Dataset, awalan: str = "Baris") -> str:
    """The row type's name in lakip_lib.baris: Baris + the dataset's name in CamelCase (with
    another prefix, its query type `Syarat…` or typed table `Tabel…` in lakip_lib.syarat)."""
    return awalan + "".join(bagian.capitalize() for bagian in ds.nama.split("_"))


def tipe_python(k: Kolom) -> str:
    """A parsed cell's type as Python source: a choice column is the Literal of its choices,
    and a column that may be empty (in a draft, too) adds None."""
    tipe = ("Literal[" + ", ".join(f'"{p}"' for p in k.pilihan) + "]" if k.pilihan
            else _TIPE_PYTHON[k.tipe])
    return tipe if k.wajib else f"{tipe} | None"


_KEPALA_BARIS = '''"""Row types of the datasets in lakip_lib/schema.py, for the type checker.

Generated by `python -m lakip_lib.schema` from the schema registry: do not edit; change the
registry and regenerate (tests/test_baris.py fails while this file is out of date).
At run time a row is the plain dict the loader builds; to mypy, a row of `data["realisasi"]` is a
`BarisRealisasi`, so a misspelt column or a cell used as the wrong type is an error (the typed
tables and their queries: lakip_lib/syarat.py).
`Baris…` names a row of a data file; a figure derived from rows is a `kinerja.Hasil…`.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal, TypedDict

'''

_KEPALA_SYARAT = '''"""Query types of the datasets in lakip_lib/schema.py, for the type checker.

Generated by `python -m lakip_lib.schema` from the schema registry: do not edit; change the
registry and regenerate (tests/test_baris.py fails while this file is out of date).
A query names columns and the values their cells must equal: `data["realisasi"].satu(
indikator="IKU1", tahun=2024)`. To mypy `data["realisasi"]` is a `TabelRealisasi`, whose `cari`,
`satu` and `ada_baris` take only the columns of realisasi.csv with values of their cells' types
(`SyaratRealisasi`: the row type's keys, every one optional), so a misspelt column or a year
written as text is an error. At run time the table is the plain `tabel.Tabel`: the `Tabel…`
classes here are protocols, and nothing here runs.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal, Protocol, TypedDict, Unpack, overload

from lakip_lib import baris
from lakip_lib.tabel import Tabel, TabelBaris

'''


def modul_baris() -> str:
    """The source of lakip_lib/baris.py: one TypedDict per dataset."""
    bagian = [_KEPALA_BARIS]
    for ds in DATASETS:
        kolom = "".join(f"    {k.nama}: {tipe_python(k)}\n" for k in ds.kolom)
        bagian.append(f'\nclass {nama_baris(ds)}(TypedDict):\n    """A row of {ds.berkas}."""\n\n'
                      f"{kolom}\n")
    return "".join(bagian).removesuffix("\n")


def _tabel_bertipe(ds: Dataset) -> str:
    """The typed table of one dataset: its rows and its queries by `Syarat…`."""
    b, s = f"baris.{nama_baris(ds)}", nama_baris(ds, "Syarat")
    return (f"\nclass {nama_baris(ds, 'Tabel')}(TabelBaris[{b}], Protocol):\n"
            f"    def cari(self, **syarat: Unpack[{s}]) -> list[{b}]: ...\n"
            f"    def satu(self, **syarat: Unpack[{s}]) -> {b} | None: ...\n"
            f"    def ada_baris(self, **syarat: Unpack[{s}]) -> bool: ...\n\n")


def modul_syarat() -> str:
    """The source of lakip_lib/syarat.py: per dataset the columns a query may name (a TypedDict
    of which every key is optional), the typed table whose queries take them, and the typed
    `data[...]` access that data_tahun.DataTahun inherits."""
    bagian = [_KEPALA_SYARAT]
    for ds in DATASETS:
        kolom = "".join(f"    {k.nama}: {tipe_python(k)}\n" for k in ds.kolom)
        bagian.append(f"\nclass {nama_baris(ds, 'Syarat')}(TypedDict, total=False):\n{kolom}\n")
    bagian.extend(_tabel_bertipe(ds) for ds in DATASETS)
    akses = "".join(f'    @overload\n    def __getitem__(self, nama: Literal["{ds.nama}"]) -> '
                    f"{nama_baris(ds, 'Tabel')}: ...\n" for ds in DATASETS)
    bagian.append(f'''
class AksesTabel:
    """`data["realisasi"]` typed as the `TabelRealisasi` (a base of data_tahun.DataTahun).
    A name known only at run time goes through `tabel(nama)`, whose rows and queries are untyped."""

{akses}
    def __getitem__(self, nama: str) -> Tabel[Any]:
        return self.tabel(nama)

    def tabel(self, nama: str) -> Tabel[Any]:
        raise NotImplementedError
''')
    return "".join(bagian)


if __name__ == "__main__":
    from pathlib import Path

    for modul, sumber in (("baris.py", modul_baris()), ("syarat.py", modul_syarat())):
        Path(__file__).with_name(modul).write_text(sumber, encoding="utf-8")


# --- The book's results in the data package (computed by lakip_lib.hasil_terbit, never input) --

_TINGKAT = _k("tingkat", pilihan=("program", "kegiatan", "subkegiatan"))
_KOLOM_ANGGARAN = (
    _TINGKAT, _k("kode"), _k("nama"), _k("sasaran", wajib=False),
    _k("anggaran", Tipe.RUPIAH, wajib=False), _k("realisasi", Tipe.RUPIAH, wajib=False),
    _k("sisa", Tipe.RUPIAH, wajib=False), _k("penyerapan", _DESIMAL, wajib=False),
)
HASIL: tuple[Dataset, ...] = (
    Dataset(
        "hasil_capaian_indikator", "{tahun}/hasil/capaian_indikator.csv",
        "Hasil buku ini: target, realisasi, capaian, dan kategori setiap indikator per tahun, "
        "dihitung dari data masukan. Tahun edisi memakai target tahun itu (target.csv); tahun "
        "sebelumnya memakai target Renstra. Angka dibulatkan seperti tercetak di buku.",
        (_k("indikator"), _k("nama"), _k("jenis"), _k("tahun", Tipe.TAHUN),
         _k("dasar_target", wajib=False, pilihan=("pk", "renstra", "renja")),
         _k("satuan", wajib=False), _k("arah", pilihan=ARAH),
         _k("target", _DESIMAL, wajib=False), _k("realisasi", _DESIMAL, wajib=False),
         _k("capaian", _DESIMAL, wajib=False), _k("kategori", wajib=False)),
        ("indikator", "tahun"),
    ),
    *(Dataset(
        f"hasil_anggaran_{tingkat}", f"{{tahun}}/hasil/anggaran_{tingkat}.csv",
        f"Hasil buku ini: anggaran, realisasi, sisa, dan penyerapan setiap {nama}, dijumlahkan "
        "dari baris sub kegiatan. Satu berkas per tingkat, sehingga setiap kolom rupiah dapat "
        "dijumlahkan langsung menjadi total anggaran instansi.",
        _KOLOM_ANGGARAN, ("kode",),
    ) for tingkat, nama in (("program", "program"), ("kegiatan", "kegiatan"),
                            ("subkegiatan", "sub kegiatan"))),
    Dataset(
        "hasil_kinerja_program", "{tahun}/hasil/kinerja_program.csv",
        "Hasil buku ini: target, realisasi, dan capaian indikator program, kegiatan, dan sub "
        "kegiatan pendukung setiap sasaran (kolom tingkat menyebut tingkat barisnya).",
        (_k("sasaran"), _TINGKAT, _k("kode"), _k("nama"), _k("indikator"),
         _k("satuan", wajib=False), _k("arah", pilihan=ARAH),
         _k("target", _DESIMAL, wajib=False), _k("realisasi", _DESIMAL, wajib=False),
         _k("capaian", _DESIMAL, wajib=False)),
        ("kode", "indikator"),
    ),
    Dataset(
        "hasil_efisiensi", "{tahun}/hasil/efisiensi.csv",
        "Hasil buku ini: capaian kinerja, penyerapan anggaran, dan efisiensi program, kegiatan, "
        "dan sub kegiatan (kolom tingkat menyebut tingkat barisnya).",
        (_k("tingkat", wajib=False, pilihan=("program", "kegiatan", "subkegiatan")),
         _k("kode_anggaran", wajib=False), _k("nama"), _k("indikator"),
         _k("capaian_kinerja", _DESIMAL, wajib=False), _k("penyerapan", _DESIMAL, wajib=False),
         _k("efisiensi", _DESIMAL, wajib=False)),
        ("nama", "indikator"),
    ),
)
