"""Load one fiscal year of data/ and validate it against the schema registry.

`muat(tahun)` reads every dataset of `lakip_lib.schema`, parses each cell, checks headers, keys
and references, then the domain rules of `lakip_lib.aturan`, and raises `ValidasiGagal` with all
problems at once; what it returns is a `lakip_lib.data_tahun.DataTahun`. Nothing downstream
ever reads a file under data/ by itself.
"""

from __future__ import annotations

import csv
import difflib
import io
import os
import typing
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import fields, is_dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import yaml

from lakip_lib import aturan, berkas_aman, gambar, karakter, markdown_terbatas, rilis, rumus
from lakip_lib import format as fmt
from lakip_lib.csv_terbit import csv_aman, sel_csv_aman
from lakip_lib.data_tahun import BARIS_PERTAMA, DataTahun, baris_mentah
from lakip_lib.gambar import GAMBAR_SAMPUL
from lakip_lib.masalah import GALAT, PERINGATAN, Masalah, ValidasiGagal
from lakip_lib.schema import (
    DATASETS,
    NARASI_TETAP,
    YAML_EDISI,
    YAML_INSTANSI,
    YAML_ISU,
    Dataset,
    Edisi,
    Instansi,
    IsuStrategis,
    Kolom,
    Tipe,
    adalah_draf,
    tipe_inti,
)
from lakip_lib.sel import DIGIT_BULAT_MAKS, TEKS_MAKS, parse
from lakip_lib.tabel import Tabel
from lakip_lib.yaml_aman import YamlDitolak, baca_yaml

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

R = TypeVar("R", bound="DataclassInstance")

UKURAN_MAKS = berkas_aman.UKURAN_MAKS
NARASI_MAKS = 50_000  # characters of one narrative (the longest shipped one has ~5 000); also
# bounds the time a pathological text can take to parse (seconds, not minutes)
SEL_CSV_MAKS = 131_072  # characters in one CSV cell (the csv module's default) before the file is
# refused as unreadable (an unclosed quote swallows the rest of the file into one cell)
MASALAH_PER_BERKAS = 1_000  # problems one CSV file may raise before its check stops (the rows
# of a wrong or shifted file are all wrong: reading 300 000 of them helps nobody)
YAML_BANYAK_BARIS = frozenset({"tugas", "rpjmd.visi", "rpjmd.misi"})  # the only YAML texts that
# may hold several lines (long paragraphs); every other one is a single line (a label, a name)


def akar_data() -> Path:
    """The data/ folder: $LAKIP_DATA, else the nearest data/ with an instansi.yaml at or above
    the working directory (so notebooks run from notebooks/ find the project's data)."""
    if "LAKIP_DATA" in os.environ:
        return Path(os.environ["LAKIP_DATA"]).resolve()
    sini = Path.cwd().resolve()
    for folder in (sini, *sini.parents):
        if (folder / "data" / "instansi.yaml").exists():
            return folder / "data"
    return sini / "data"


class _Pengumpul:
    """Reads the data folder's files for validation and collects problems, with paths shown
    relative to the data folder's parent. Its four reading methods are the loader's only access
    to the files (`_PengumpulTeks` reads texts held in memory instead)."""

    def __init__(self, akar: Path):
        self.akar = akar
        self.masalah: list[Masalah] = []

    def ada(self, path: Path) -> bool:
        return path.exists()

    def ada_folder(self, path: Path) -> bool:
        return path.is_dir()

    def daftar(self, folder: Path, pola: str) -> list[Path]:
        """The files (not folders) of `folder` whose name matches `pola`, sorted."""
        return sorted(f for f in folder.glob(pola) if not f.is_dir())

    def isi(self, path: Path) -> bytes | None:
        """A file's bytes; None, with a message, for anything but a regular file inside the
        data folder reached through no symlink (a named pipe, a device, a symlinked file or
        year or narrative folder) or an oversized file (`berkas_aman.baca`)."""
        try:
            return berkas_aman.baca(path, self.akar, UKURAN_MAKS)
        except berkas_aman.BerkasDitolak as e:
            self.tambah(self.nama(path), None, None, e.pesan)
            return None

    def tautan(self, folder: Path) -> Path | None:
        """The symlink on the way from the data folder to `folder`, if any."""
        return berkas_aman.tautan_di_jalur(folder, self.akar)

    def tahun_tersedia(self) -> list[int]:
        return tahun_tersedia(self.akar)

    def nama(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.akar.parent))
        except ValueError:
            return str(path)

    def tambah(self, berkas: str, baris: int | None, kolom: str | None, pesan: str,
               tingkat: str = GALAT) -> None:
        self.masalah.append(Masalah(berkas, baris, kolom, pesan, tingkat))


class _PengumpulTeks(_Pengumpul):
    """A `_Pengumpul` that reads texts (or bytes) held in memory, keyed by their path under the
    data folder, instead of files."""

    def __init__(self, akar: Path, berkas: Mapping[str, str | bytes]):
        super().__init__(akar)
        self.berkas = {akar / k: v.encode("utf-8") if isinstance(v, str) else v
                       for k, v in berkas.items()}

    def ada(self, path: Path) -> bool:
        return path in self.berkas

    def ada_folder(self, path: Path) -> bool:
        return any(path in f.parents for f in self.berkas)

    def daftar(self, folder: Path, pola: str) -> list[Path]:
        return sorted(f for f in self.berkas if f.parent == folder and f.match(pola))

    def isi(self, path: Path) -> bytes | None:
        return self.berkas.get(path)

    def tautan(self, folder: Path) -> Path | None:
        return None

    def tahun_tersedia(self) -> list[int]:
        return sorted({int(f.parts[len(self.akar.parts)]) for f in self.berkas
                       if f.parts[len(self.akar.parts)].isdigit()})


AKAR_TEKS = Path("/dev/null/data")  # the data folder of a year held in memory: a path that cannot
# exist (/dev/null is no folder), so a read that goes around the texts finds nothing


def tahun_tersedia(akar: Path | None = None) -> list[int]:
    akar = akar or akar_data()
    return sorted(int(p.name) for p in akar.glob("[0-9][0-9][0-9][0-9]") if p.is_dir())


_TERVALIDASI: DataTahun | None = None


def pakai(d: DataTahun | None) -> None:
    """In a build's execution worker: `muat` of d's year and folder returns a fresh copy of the
    already validated `d` (validated once by the build) instead of reading everything again."""
    global _TERVALIDASI
    _TERVALIDASI = d


def muat(tahun: int, akar: Path | None = None) -> DataTahun:
    """Load and validate one year; raise ValidasiGagal listing every problem."""
    akar = (akar or akar_data()).resolve()
    if _TERVALIDASI is not None and (_TERVALIDASI.tahun, _TERVALIDASI.akar) == (tahun, akar):
        return _TERVALIDASI.salinan()
    return _muat(tahun, _Pengumpul(akar))


def muat_teks(tahun: int, berkas: Mapping[str, str | bytes]) -> DataTahun:
    """`muat` of a year held in memory (for tests): the texts keyed by their path under the data
    folder ("instansi.yaml", "2024/target.csv", "2024/narasi/penutup.md"), validated exactly as
    files are. Its folder is `AKAR_TEKS`, so problems name data/2024/target.csv as for files."""
    return _muat(tahun, _PengumpulTeks(AKAR_TEKS, berkas))


def _muat(tahun: int, p: _Pengumpul) -> DataTahun:
    akar = p.akar
    folder = akar / str(tahun)
    if not p.ada_folder(folder):
        ada = ", ".join(map(str, p.tahun_tersedia())) or "belum ada"
        p.tambah(p.nama(folder), None, None,
                 f"folder data tahun {tahun} tidak ada. Tahun yang tersedia: {ada}.")
        raise ValidasiGagal(p.masalah)
    for sub in (folder, folder / "narasi", folder / "dokumentasi"):
        if (tautan := p.tautan(sub)) is not None:
            p.tambah(p.nama(tautan), None, None, "folder ini adalah tautan simbolik (symlink) "
                     "dan tidak dibaca: isinya bisa berasal dari luar folder data. Ganti dengan "
                     "salinan foldernya.")
            raise ValidasiGagal(p.masalah)
    instansi = _yaml(akar / "instansi.yaml", p, YAML_INSTANSI, wajib=True)
    edisi = _yaml(folder / "edisi.yaml", p, YAML_EDISI, wajib=True)
    isu = _yaml(folder / "isu_strategis.yaml", p, YAML_ISU, wajib=False)
    _periksa_instansi(instansi, tahun, p, akar / "instansi.yaml")
    _periksa_edisi(edisi, tahun, p, folder / "edisi.yaml")
    _periksa_kepala(instansi, edisi, p, akar / "instansi.yaml", folder / "edisi.yaml")
    periode = _periode(instansi)
    draf = adalah_draf(edisi.get("status"))
    tabel: dict[str, Tabel[Any]] = {}
    for ds in DATASETS:
        t = _baca_tabel(ds, akar / ds.path(tahun), p, periode, tahun, draf)
        if t is not None:
            tabel[ds.nama] = t
    _periksa_acuan(tabel, p)
    narasi = _narasi(folder, p, nama_narasi(tabel))
    if any(m.tingkat == GALAT for m in p.masalah):
        raise ValidasiGagal(p.masalah)
    data = DataTahun(tahun, akar, *_instansi_tahun(rekaman(Instansi, instansi),
                                                    rekaman(Edisi, edisi)),
                     rekaman(IsuStrategis, isu), tabel, narasi)
    aturan.periksa(data, p.tambah)
    if any(m.tingkat == GALAT for m in p.masalah):
        raise ValidasiGagal(p.masalah)
    data.peringatan = p.masalah
    data.mulai_mencatat()
    return data


def rekaman(jenis: type[R], isi: Mapping[str, Any]) -> R:
    """A validated YAML mapping as its record (schema.Instansi, schema.Edisi): a nested mapping
    becomes its record, a list a tuple; a key the record does not declare is not read."""
    petunjuk = typing.get_type_hints(jenis)
    return jenis(**{f.name: _nilai_rekaman(petunjuk[f.name], isi[f.name])
                    for f in fields(jenis) if isi.get(f.name) is not None})


def _nilai_rekaman(tipe: Any, nilai: Any) -> Any:
    tipe = tipe_inti(tipe)
    if typing.get_origin(tipe) is tuple:
        return tuple(_nilai_rekaman(typing.get_args(tipe)[0], v) for v in nilai)
    if isinstance(tipe, type) and is_dataclass(tipe):
        return rekaman(tipe, nilai)
    return nilai


def _periode(instansi: dict[str, Any]) -> tuple[int, int] | None:
    try:
        awal, akhir = instansi["renstra"]["periode"]
        return int(awal), int(akhir)
    except (KeyError, TypeError, ValueError):
        return None


def _yaml(path: Path, p: _Pengumpul, bentuk: dict[str, Any], wajib: bool) -> dict[str, Any]:
    nama = p.nama(path)
    if not p.ada(path):
        if wajib:
            p.tambah(nama, None, None, "berkas wajib ini tidak ditemukan.")
        return {}
    teks = _baca_teks(path, p, seluruh_teks=True)
    if teks is None:
        return {}
    try:
        isi = baca_yaml(teks, YAML_BANYAK_BARIS)
    except YamlDitolak as e:
        p.tambah(nama, e.problem_mark.line + 1, e.jalur, e.pesan + ".")
        return {}
    except ValueError:  # e.g. an integer of thousands of digits
        p.tambah(nama, None, None, "berkas memuat angka yang terlalu panjang.")
        return {}
    except yaml.YAMLError as e:
        tanda = getattr(e, "problem_mark", None)
        baris = tanda.line + 1 if tanda is not None else None
        masalah = getattr(e, "problem", None) or str(e)
        p.tambah(nama, baris, None,
                 f"penulisan YAML tidak sah ({masalah}). Periksa titik dua, tanda kutip, "
                 "dan indentasi (gunakan spasi, bukan tab).")
        return {}
    if not isinstance(isi, dict):
        p.tambah(nama, None, None, "isi berkas harus berupa pasangan kunci: nilai.")
        return {}
    return _bentuk(isi, bentuk, "", nama, p)


_JENIS = {str: "teks", int: "bilangan bulat",
          date: "tanggal TTTT-BB-HH (atau bulan TTTT-BB bila harinya tidak diketahui)"}


def _jenis(nilai: Any) -> str:
    if isinstance(nilai, dict):
        return "pasangan kunci: nilai"
    if isinstance(nilai, list):
        return "daftar"
    if isinstance(nilai, bool):
        return "ya/tidak"
    return _JENIS.get(type(nilai), type(nilai).__name__)


def _bentuk(nilai: Any, bentuk: Any, jalur: str, nama: str, p: _Pengumpul) -> Any:
    """The value checked against its declared shape (schema.YAML_*), with text NFC-normalised;
    a value of the wrong kind is reported and dropped (None)."""
    if nilai is None:
        return None
    if isinstance(bentuk, dict) or isinstance(bentuk, list):
        jenis_ok = isinstance(nilai, type(bentuk))
        if not jenis_ok:
            p.tambah(nama, None, jalur or None, f"harus berupa {_jenis(bentuk)}, bukan "
                     f"{_jenis(nilai)}.")
            return None
        if isinstance(bentuk, list):
            return [_bentuk(v, bentuk[0], f"{jalur}[{i + 1}]", nama, p) for i, v in enumerate(nilai)]
        return {k: _bentuk(v, bentuk[k], f"{jalur}.{k}" if jalur else str(k), nama, p)
                if k in bentuk else v for k, v in nilai.items()}
    if bentuk is str and isinstance(nilai, (int, float)) and not isinstance(nilai, bool):
        nilai = str(nilai)  # e.g. a NIP written without quotes
    if bentuk is date and isinstance(nilai, datetime):
        p.tambah(nama, None, jalur, f'"{nilai.isoformat(" ")}" adalah tanggal dan jam; tulis '
                 f"tanggalnya saja dengan format TTTT-BB-HH, misalnya {nilai.date().isoformat()}.")
        return nilai.date()  # reported: validation fails, nothing downstream sees a time
    if bentuk is date and isinstance(nilai, str) and (bulan := fmt.Bulan.dari_teks(nilai)):
        return bulan  # a date known to the month only ("Januari 2025"): 2025-01
    if bentuk is int and isinstance(nilai, int) and not isinstance(nilai, bool) \
            and abs(nilai) >= 10 ** DIGIT_BULAT_MAKS:
        p.tambah(nama, None, jalur, f"bilangan terlalu besar (lebih dari {DIGIT_BULAT_MAKS} angka).")
        return None
    if not isinstance(nilai, bentuk) or isinstance(nilai, bool):
        p.tambah(nama, None, jalur, f"harus berupa {_JENIS[bentuk]}, bukan {_jenis(nilai)}.")
        return None
    if isinstance(nilai, str):
        if len(nilai) > TEKS_MAKS:
            p.tambah(nama, None, jalur, f"teks terlalu panjang ({len(nilai)} karakter; batas "
                     f"{TEKS_MAKS}).")
            return None
        return unicodedata.normalize("NFC", nilai)
    return nilai


def _butuh(isi: dict[str, Any], jalur: str) -> Any:
    nilai: Any = isi
    for bagian in jalur.split("."):
        if not isinstance(nilai, dict) or bagian not in nilai:
            return None
        nilai = nilai[bagian]
    return nilai


def _periksa_instansi(instansi: dict[str, Any], tahun: int, p: _Pengumpul, path: Path) -> None:
    if not instansi:
        return
    nama = p.nama(path)
    for kunci in ("nama", "nama_singkat", "kabupaten", "renstra.periode"):
        if _butuh(instansi, kunci) in (None, ""):
            p.tambah(nama, None, kunci, "kunci wajib ini tidak ada atau kosong.")
    _periksa_atasan(instansi.get("struktur"), nama, p)
    for kunci in GAMBAR_SAMPUL:
        if kunci in instansi and (pesan := gambar.masalah(path.parent, instansi[kunci])):
            p.tambah(nama, None, kunci, pesan)
    periode = _periode(instansi)
    if _butuh(instansi, "renstra.periode") is not None and periode is None:
        p.tambah(nama, None, "renstra.periode",
                 "harus berupa dua tahun [awal, akhir], misalnya [2021, 2026].")
    elif periode and not periode[0] <= tahun <= periode[1]:
        p.tambah(nama, None, "renstra.periode",
                 f"tahun {tahun} berada di luar periode Renstra {periode[0]}–{periode[1]}. "
                 "Perbarui periode Renstra atau pilih tahun di dalamnya.")


KEPALA_WAJIB = ("nama", "pangkat", "golongan", "nip")


def _periksa_kepala(instansi: dict[str, Any], edisi: dict[str, Any], p: _Pengumpul,
                    path_instansi: Path, path_edisi: Path) -> None:
    """The year's head of agency: `kepala` of its edisi.yaml, or, for a year that names none,
    of instansi.yaml; either way with name, rank, grade and NIP."""
    if not instansi or not edisi:
        return
    sendiri = "kepala" in edisi
    isi, path = (edisi, path_edisi) if sendiri else (instansi, path_instansi)
    for kunci in KEPALA_WAJIB:
        if _butuh(isi, f"kepala.{kunci}") in (None, ""):
            saran = "" if sendiri else (
                f" Kepala instansi adalah fakta tahun itu: tulis di {p.nama(path_edisi)} "
                "(kepala: nama, pangkat, golongan, nip, jabatan), atau di lembar edisi buku kerja.")
            p.tambah(p.nama(path), None, f"kepala.{kunci}",
                     "kunci wajib ini tidak ada atau kosong." + saran)


def _instansi_tahun(instansi: Instansi, edisi: Edisi) -> tuple[Instansi, Edisi]:
    """The agency as the year sees it: its own head of agency when its edisi.yaml names one."""
    if edisi.kepala is None:
        return instansi, edisi
    return replace(instansi, kepala=edisi.kepala), edisi


def _periksa_atasan(struktur: Any, nama: str, p: _Pengumpul) -> None:
    """Each unit's optional `atasan` names another unit of the list (the chart is a tree)."""
    if not isinstance(struktur, list):
        return
    unit = [u.get("unit") for u in struktur if isinstance(u, dict)]
    for i, u in enumerate(struktur, start=1):
        atasan = u.get("atasan") if isinstance(u, dict) else None
        if atasan is not None and (atasan not in unit or atasan == u.get("unit")
                                   or unit.index(atasan) >= unit.index(u.get("unit"))):
            p.tambah(nama, None, f"struktur[{i}].atasan",
                     f'"{atasan}" harus nama unit lain yang tercantum lebih dahulu di struktur.')


def _periksa_edisi(edisi: dict[str, Any], tahun: int, p: _Pengumpul, path: Path) -> None:
    if not edisi:
        return
    nama = p.nama(path)
    if edisi.get("tahun") != tahun:
        p.tambah(nama, None, "tahun",
                 f'nilai "{edisi.get("tahun")}" harus sama dengan nama foldernya: {tahun}.')
    if not isinstance(edisi.get("tanggal_terbit"), date):
        p.tambah(nama, None, "tanggal_terbit",
                 "harus berupa tanggal dengan format TTTT-BB-HH, misalnya 2025-01-31, atau "
                 "bulan TTTT-BB bila dokumen hanya menyebut bulannya, misalnya 2025-01.")
    pagu = edisi.get("pagu_anggaran")
    if pagu is None and adalah_draf(edisi.get("status")):
        pass  # a draft may not know its budget ceiling yet
    elif not isinstance(pagu, int) or isinstance(pagu, bool) or pagu < 0:
        p.tambah(nama, None, "pagu_anggaran",
                 f'nilai "{pagu}" harus rupiah bulat tanpa pemisah ribuan, misalnya 97000169679.')
    for kunci in ("label", "tempat"):
        if not edisi.get(kunci):
            p.tambah(nama, None, kunci, "kunci wajib ini tidak ada atau kosong.")
    _periksa_penilaian(edisi.get("penilaian"), nama, p)
    _periksa_rentang_tanggal(edisi, "", tahun, nama, p)
    for kunci, pesan in rilis.masalah_revisi(edisi):
        p.tambah(nama, None, kunci, pesan)


TANGGAL_SEBELUM = 1  # years before the fiscal year: the Perjanjian Kinerja is signed at its start
TANGGAL_SESUDAH = 10  # years after it: a final edition is re-issued within a few years, not ages


def rentang_tanggal(tahun: int) -> tuple[date, date]:
    """The dates an edition of fiscal year `tahun` can carry: from 1 January of the year before
    (a performance agreement signed ahead) to 31 December ten years after (a late re-issue).
    A date outside is a typing error ("Desember 9999", 2204 for 2024) that would be printed."""
    return date(tahun - TANGGAL_SEBELUM, 1, 1), date(tahun + TANGGAL_SESUDAH, 12, 31)


def _periksa_rentang_tanggal(nilai: Any, jalur: str, tahun: int, nama: str,
                             p: _Pengumpul) -> None:
    """Every date of edisi.yaml (tanggal_terbit, the agreement's, each revision's) within
    `rentang_tanggal`."""
    if isinstance(nilai, dict):
        for k, v in nilai.items():
            _periksa_rentang_tanggal(v, f"{jalur}.{k}" if jalur else str(k), tahun, nama, p)
    elif isinstance(nilai, list):
        for i, v in enumerate(nilai, start=1):
            _periksa_rentang_tanggal(v, f"{jalur}[{i}]", tahun, nama, p)
    elif isinstance(nilai, date):
        awal, akhir = rentang_tanggal(tahun)
        if not awal <= nilai <= akhir:
            p.tambah(nama, None, jalur, f"tanggal {nilai.isoformat()} berada di luar rentang "
                     f"edisi tahun {tahun} ({awal.isoformat()} sampai {akhir.isoformat()}). "
                     "Periksa tahunnya.")


def _periksa_penilaian(penilaian: Any, nama: str, p: _Pengumpul) -> None:
    """The optional `penilaian` block: the verdict rule and the scale's legal basis."""
    from lakip_lib.perhitungan import AturanKesimpulan

    if penilaian is None:
        return
    if not isinstance(penilaian, dict):
        p.tambah(nama, None, "penilaian", "harus berupa pasangan kunci: nilai (kesimpulan, "
                 "batas_capaian, dasar_skala).")
        return
    batas = penilaian.get("batas_capaian")
    for b in batas if isinstance(batas, list) else []:  # numbers as strictly as in a CSV cell
        _, pesan = parse(str(b), Kolom("batas_capaian", Tipe.DESIMAL))
        if pesan:
            p.tambah(nama, None, "penilaian.batas_capaian", pesan)
            return
    try:
        AturanKesimpulan.dari(penilaian)
    except ValueError as e:
        p.tambah(nama, None, "penilaian", str(e))
    dasar = penilaian.get("dasar_skala")
    if dasar is not None and not isinstance(dasar, str):
        p.tambah(nama, None, "penilaian.dasar_skala", "harus berupa teks, misalnya "
                 '"Peraturan Menteri PANRB Nomor 53 Tahun 2014".')


def _baca_teks(path: Path, p: _Pengumpul, seluruh_teks: bool = False) -> str | None:
    """A text file's content, NFC-normalised (so that names compare equal however they were
    typed). None, with a message, for a symlink, an oversized file, an encoding other than
    UTF-8, or (with `seluruh_teks`: YAML and Markdown; CSV cells are checked one by one) an
    invisible or control character."""
    nama = p.nama(path)
    mentah = p.isi(path)
    if mentah is None:
        return None
    try:
        teks = unicodedata.normalize("NFC", mentah.decode("utf-8-sig"))
    except UnicodeDecodeError as e:
        baris = mentah[: e.start].count(b"\n") + 1
        cara = ('di Excel pilih "CSV UTF-8 (Comma delimited)"' if path.suffix == ".csv" else
                "di penyunting teks pilih pengodean UTF-8")
        p.tambah(nama, baris, None, "berkas tidak tersimpan dalam pengodean UTF-8 (mungkin "
                 f"Windows-1252). Simpan ulang sebagai UTF-8: {cara}.")
        return None
    terlarang = karakter.terlarang(teks, banyak_baris=True) if seluruh_teks else None
    if terlarang:
        posisi, uraian = terlarang
        p.tambah(nama, teks.count("\n", 0, posisi) + 1, None,
                 f"berkas memuat {uraian}. Hapus karakter itu (sering terbawa saat menyalin "
                 "dari web atau PDF).")
        return None
    return teks


def _baris_csv(teks: str) -> list[list[str]]:
    """The rows of a data file, read with our own cell limit: `csv.field_size_limit` is one
    setting for the whole process, which libraries change on import (frictionless raises it),
    and a file must be judged the same whoever was imported before."""
    lama = csv.field_size_limit(SEL_CSV_MAKS)
    try:
        return list(csv.reader(io.StringIO(teks, newline="")))
    finally:
        csv.field_size_limit(lama)


def _baca_tabel(ds: Dataset, path: Path, p: _Pengumpul, periode: tuple[int, int] | None,
                tahun: int, draf: bool = False) -> Tabel[Any] | None:
    nama = p.nama(path)
    if not p.ada(path):
        if ds.wajib_ada:
            p.tambah(nama, None, None, f"berkas wajib ini tidak ditemukan ({ds.keterangan})")
        return None
    teks = _baca_teks(path, p)
    if teks is None:
        return None
    try:
        baris_csv = _baris_csv(teks)
    except csv.Error as e:
        sebab = (f"sebuah sel lebih panjang dari {SEL_CSV_MAKS} karakter; periksa "
                 "tanda kutip yang tidak ditutup" if "field larger" in str(e) else str(e))
        p.tambah(nama, None, None, f"berkas CSV tidak dapat dibaca ({sebab}).")
        return None
    if not baris_csv:
        p.tambah(nama, None, None, "berkas kosong; baris pertama harus berisi nama kolom.")
        return None
    header = [h.strip() for h in baris_csv[0]]
    if not _header_sah(ds, header, nama, p):
        return None
    tabel: Tabel[dict[str, Any]] = Tabel(ds, nama, [], [])
    awal = len(p.masalah)
    for i, sel in enumerate(baris_csv[1:], start=BARIS_PERTAMA):
        if len(p.masalah) - awal >= MASALAH_PER_BERKAS:
            p.tambah(nama, None, None, f"pemeriksaan berkas ini dihentikan di baris {i} setelah "
                     f"{MASALAH_PER_BERKAS:,} masalah (sisa {len(baris_csv) - i:,} baris tidak "
                     "diperiksa). Perbaiki masalah di atas dulu; mungkin berkasnya salah atau "
                     "kolomnya tertukar.".replace(",", "."))
            return None
        if not any(s.strip() for s in sel):
            continue
        if ds.riwayat and len(sel) == len(header) and not ds.dalam_edisi(
                dict(zip(header, sel, strict=True)), tahun):
            continue  # a later year's row: not part of this edition
        if len(sel) != len(header):
            p.tambah(nama, i, None,
                     f"baris ini berisi {len(sel)} kolom, padahal seharusnya {len(header)} "
                     "kolom. Periksa koma di dalam teks (apit teks dengan tanda kutip).")
            continue
        tabel.baris.append(_baris(ds, dict(zip(header, sel, strict=True)), nama, i, p, periode,
                                  draf))
        tabel.nomor.append(i)
    _periksa_kunci(tabel, p)
    _periksa_nama_berkas(tabel, p)
    return tabel


def _header_sah(ds: Dataset, header: list[str], nama: str, p: _Pengumpul) -> bool:
    diharapkan = [k.nama for k in ds.kolom]
    kurang = [k for k in diharapkan if k not in header]
    lebih = [h for h in header if h not in diharapkan]
    for k in kurang:
        p.tambah(nama, 1, k, "kolom ini tidak ada di baris judul. Kolom yang diharapkan: "
                 + ", ".join(diharapkan) + ".")
    for h in lebih:
        p.tambah(nama, 1, h, "kolom ini tidak dikenal. Hapus, atau perbaiki namanya; kolom yang "
                 "diharapkan: " + ", ".join(diharapkan) + ".")
    ganda = {h for h in header if header.count(h) > 1}
    for h in sorted(ganda):
        p.tambah(nama, 1, h, "nama kolom ini muncul lebih dari sekali.")
    return not (kurang or lebih or ganda)


def _baris(ds: Dataset, mentah: dict[str, str], nama: str, nomor: int, p: _Pengumpul,
           periode: tuple[int, int] | None, draf: bool) -> dict[str, Any]:
    hasil: dict[str, Any] = {}
    for kolom in ds.kolom:
        kolom = rumus.dengan_pilihan(ds.nama, kolom)
        if kolom.wajib_final and not draf:
            kolom = replace(kolom, wajib=True)
        nilai, pesan = parse(mentah[kolom.nama], kolom)
        if pesan:
            p.tambah(nama, nomor, kolom.nama, pesan)
        elif kolom.dalam_renstra and periode and nilai is not None:
            if isinstance(nilai, int) and not periode[0] <= nilai <= periode[1]:
                p.tambah(nama, nomor, kolom.nama,
                         f"tahun {nilai} berada di luar periode Renstra "
                         f"{periode[0]}–{periode[1]}.")
        hasil[kolom.nama] = nilai
    return hasil


def _periksa_nama_berkas(tabel: Tabel[Any], p: _Pengumpul) -> None:
    """Values that become file names must differ even where letter case does not count (S1 and
    s1 would both be sasaran_s1.html)."""
    for kolom in (k for k in tabel.dataset.kolom if k.nama_berkas):
        pertama: dict[str, tuple[str, int]] = {}
        for baris, nomor in zip(tabel.baris, tabel.nomor, strict=True):
            nilai = baris[kolom.nama]
            if nilai is None:
                continue
            lain, nomor_lain = pertama.setdefault(nilai.lower(), (nilai, nomor))
            if lain != nilai:
                p.tambah(tabel.berkas, nomor, kolom.nama,
                         f'nilai "{nilai}" hanya berbeda huruf besar/kecil dari "{lain}" di baris '
                         f"{nomor_lain}; keduanya akan menjadi halaman yang sama.")


def _periksa_kunci(tabel: Tabel[Any], p: _Pengumpul) -> None:
    kunci = tabel.dataset.kunci
    if not kunci:
        return
    pertama: dict[tuple[Any, ...], int] = {}
    for baris, nomor in zip(tabel.baris, tabel.nomor, strict=True):
        nilai = tuple(baris[k] for k in kunci)
        if any(v is None for v in nilai):
            continue
        if nilai in pertama:
            uraian = ", ".join(f"{k}={v}" for k, v in zip(kunci, nilai, strict=True))
            p.tambah(tabel.berkas, nomor, ", ".join(kunci),
                     f"baris ganda: kunci ({uraian}) sudah dipakai di baris {pertama[nilai]}. "
                     "Hapus salah satu atau perbaiki kuncinya.")
        else:
            pertama[nilai] = nomor


def _periksa_acuan(tabel: dict[str, Tabel[Any]], p: _Pengumpul) -> None:
    for t in tabel.values():
        for kolom in t.dataset.kolom:
            if kolom.acuan is None or kolom.acuan[0] not in tabel:
                continue
            sumber = tabel[kolom.acuan[0]]
            dikenal = {str(v) for v in sumber.kolom(kolom.acuan[1]) if v is not None}
            for baris, nomor in zip(t.baris, t.nomor, strict=True):
                nilai = baris[kolom.nama]
                if nilai is None or str(nilai) in dikenal:
                    continue
                mirip = difflib.get_close_matches(str(nilai), sorted(dikenal), n=1)
                saran = f' Mungkin maksud Anda "{mirip[0]}"?' if mirip else ""
                p.tambah(t.berkas, nomor, kolom.nama,
                         f'nilai "{nilai}" tidak dikenal: tidak ada di {sumber.berkas} kolom '
                         f'"{kolom.acuan[1]}".{saran}')


def teks_csv(ds: Dataset, baris: Iterable[Mapping[str, Any]]) -> str:
    """A dataset's CSV as lakip writes it: the schema's columns in order, None as empty."""
    kolom = [k.nama for k in ds.kolom]
    keluaran = io.StringIO()
    penulis = csv.DictWriter(keluaran, fieldnames=kolom, lineterminator="\n")
    penulis.writeheader()
    for b in baris:
        penulis.writerow({k: "" if b.get(k) is None else b.get(k) for k in kolom})
    return keluaran.getvalue()


def isi_terbit(akar: Path, path: str, tahun: int) -> bytes:
    """A data file as the edition's data package publishes it: `isi_edisi`, with a CSV whose
    cells could run as spreadsheet formulas rewritten by `csv_aman` (otherwise byte for byte)."""
    isi = isi_edisi(akar, path, tahun)
    if not path.endswith(".csv"):
        return isi
    baris = list(csv.reader(io.StringIO(isi.decode("utf-8-sig"), newline="")))
    if all(sel_csv_aman(s) == s for b in baris for s in b):
        return isi
    return csv_aman(baris).encode("utf-8")


def isi_edisi(akar: Path, path: str, tahun: int) -> bytes:
    """A data file as the edition of `tahun` sees it: a multi-year record without later years'
    rows, so that adding next year's figures changes neither this edition nor its fingerprint."""
    berkas = akar / path
    if not berkas.is_file():
        return b""
    ds = next((d for d in DATASETS if d.path(tahun) == path), None)
    if ds is None or not ds.riwayat:
        return berkas.read_bytes()
    semua = [b for _, b in baris_mentah(berkas)]
    tetap = [b for b in semua if ds.dalam_edisi(b, tahun)]
    if len(tetap) == len(semua):
        return berkas.read_bytes()  # nothing of a later year: the file as it is
    return teks_csv(ds, tetap).encode("utf-8")


def nama_narasi(tabel: dict[str, Tabel[Any]]) -> set[str]:
    """The narratives the book shows: the fixed parts and one per sasaran."""
    sasaran = tabel["sasaran"].kolom("kode") if "sasaran" in tabel else []
    return {*NARASI_TETAP, *(str(k) for k in sasaran)}


def _narasi(folder: Path, p: _Pengumpul, dikenal: set[str]) -> dict[str, str]:
    """The year's narratives that the book shows, each checked for what it may contain
    (`markdown_terbatas`). Other .md files are neither read nor published (a warning)."""
    hasil = {}
    for f in p.daftar(folder / "narasi", "*.md"):
        nama = p.nama(f)
        if f.stem not in dikenal:
            p.tambah(nama, None, None, "berkas narasi ini tidak dipakai buku dan tidak "
                     "diterbitkan. Nama yang dikenal: " + ", ".join(sorted(dikenal)) + ".",
                     PERINGATAN)
            continue
        teks = _baca_teks(f, p, seluruh_teks=True)
        if teks is None:
            continue
        if len(teks) > NARASI_MAKS:
            p.tambah(nama, None, None, f"narasi terlalu panjang ({len(teks)} karakter; batas "
                     f"{NARASI_MAKS}). Ringkas uraiannya.")
            continue
        for baris, pesan in markdown_terbatas.karakter_tersandi(teks):
            p.tambah(nama, baris, None, pesan)
        for baris, konstruk in markdown_terbatas.pelanggaran(teks):
            p.tambah(nama, baris, None, f"{konstruk} tidak diizinkan dalam narasi. Narasi hanya "
                     "boleh berisi judul (#), paragraf, huruf miring/tebal, daftar, tabel, dan "
                     "tautan ke halaman http(s).")
        hasil[f.stem] = teks
    return hasil
