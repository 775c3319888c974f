"""Load one fiscal year of data/ and validate it against the schema registry.

`muat(tahun)` reads every dataset of `lakip_lib.schema`, parses each cell, checks headers, keys
and references, then the domain rules of `lakip_lib.aturan`, and raises `ValidasiGagal` with all
problems at once. Nothing downstream ever reads a file under data/ by itself.
"""

from __future__ import annotations

import csv
import difflib
import io
import os
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from lakip_lib.masalah import GALAT, Masalah, ValidasiGagal
from lakip_lib.schema import BY_NAME, DATASETS, Dataset
from lakip_lib.sel import parse

UKURAN_MAKS = 20 * 1024 * 1024  # bytes; a data table of this project is a few KiB
BARIS_PERTAMA = 2  # the header is row 1, as in a spreadsheet


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


@dataclass
class Tabel:
    dataset: Dataset
    berkas: str
    baris: list[dict[str, Any]]
    nomor: list[int]

    def kolom(self, nama: str) -> list[Any]:
        return [b[nama] for b in self.baris]

    def cari(self, **syarat: Any) -> list[dict[str, Any]]:
        return [b for b in self.baris if all(b[k] == v for k, v in syarat.items())]

    def satu(self, **syarat: Any) -> dict[str, Any] | None:
        hasil = self.cari(**syarat)
        return hasil[0] if hasil else None


class DataTahun:
    """Everything the book of one fiscal year is made from, parsed and validated.

    Every access is recorded in `dibaca` (paths relative to the data folder): the build uses it
    to know exactly which files a notebook depends on. With $LAKIP_JEJAK set (in a notebook
    kernel run by the build), each newly read path is also appended to that file.
    """

    def __init__(self, tahun: int, akar: Path, instansi: dict[str, Any], edisi: dict[str, Any],
                 isu: dict[str, Any], tabel: dict[str, Tabel], narasi: dict[str, str]):
        self.tahun = tahun
        self.akar = akar
        self._instansi, self._edisi, self._isu = instansi, edisi, isu
        self._tabel, self._narasi = tabel, narasi
        self.peringatan: list[Masalah] = []
        self.dibaca: set[str] = set()
        self._jejak: str | None = None

    def mulai_mencatat(self) -> None:
        """Forget the reads made while validating; record (and report) reads from now on."""
        self.dibaca = set()
        self._jejak = os.environ.get("LAKIP_JEJAK")

    def _catat(self, path: str) -> None:
        if path in self.dibaca:
            return
        self.dibaca.add(path)
        if self._jejak:
            with open(self._jejak, "a", encoding="utf-8") as f:
                f.write(path + "\n")

    @property
    def instansi(self) -> dict[str, Any]:
        self._catat("instansi.yaml")
        return self._instansi

    @property
    def edisi(self) -> dict[str, Any]:
        self._catat(f"{self.tahun}/edisi.yaml")
        return self._edisi

    @property
    def isu(self) -> dict[str, Any]:
        self._catat(f"{self.tahun}/isu_strategis.yaml")
        return self._isu

    def __getitem__(self, nama: str) -> Tabel:
        self._catat(BY_NAME[nama].path(self.tahun))
        return self._tabel[nama]

    def ada(self, nama: str) -> bool:
        """Whether an optional dataset exists this year (its absence is a dependency too)."""
        self._catat(BY_NAME[nama].path(self.tahun))
        return nama in self._tabel

    def nama_berkas(self, path: str) -> str:
        """A data file as problems name it (like the loader: relative to the data folder's
        parent, e.g. data/2025/edisi.yaml)."""
        return f"{self.akar.name}/{path}"

    def semua_narasi(self) -> dict[str, str]:
        """Every narrative file of the year (for validation; not a recorded read)."""
        return dict(self._narasi)

    def narasi(self, nama: str) -> str | None:
        self._catat(f"{self.tahun}/narasi/{nama}.md")
        return self._narasi.get(nama)

    @property
    def periode_renstra(self) -> tuple[int, int]:
        awal, akhir = self.instansi["renstra"]["periode"]
        return int(awal), int(akhir)


class _Pengumpul:
    """Collects problems with paths shown relative to the data folder's parent."""

    def __init__(self, akar: Path):
        self.akar = akar
        self.masalah: list[Masalah] = []

    def nama(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.akar.parent))
        except ValueError:
            return str(path)

    def tambah(self, berkas: str, baris: int | None, kolom: str | None, pesan: str,
               tingkat: str = GALAT) -> None:
        self.masalah.append(Masalah(berkas, baris, kolom, pesan, tingkat))


def tahun_tersedia(akar: Path | None = None) -> list[int]:
    akar = akar or akar_data()
    return sorted(int(p.name) for p in akar.glob("[0-9][0-9][0-9][0-9]") if p.is_dir())


def muat(tahun: int, akar: Path | None = None) -> DataTahun:
    """Load and validate one year; raise ValidasiGagal listing every problem."""
    from lakip_lib import aturan  # domain rules import this module's types

    akar = (akar or akar_data()).resolve()
    p = _Pengumpul(akar)
    folder = akar / str(tahun)
    if not folder.is_dir():
        ada = ", ".join(map(str, tahun_tersedia(akar))) or "belum ada"
        p.tambah(p.nama(folder), None, None,
                 f"folder data tahun {tahun} tidak ada. Tahun yang tersedia: {ada}.")
        raise ValidasiGagal(p.masalah)
    instansi = _yaml(akar / "instansi.yaml", p, wajib=True)
    edisi = _yaml(folder / "edisi.yaml", p, wajib=True)
    isu = _yaml(folder / "isu_strategis.yaml", p, wajib=False)
    _periksa_instansi(instansi, tahun, p, akar / "instansi.yaml")
    _periksa_edisi(edisi, tahun, p, folder / "edisi.yaml")
    periode = _periode(instansi)
    draf = str(edisi.get("status", "")).lower() == "draf"
    tabel: dict[str, Tabel] = {}
    for ds in DATASETS:
        t = _baca_tabel(ds, akar / ds.path(tahun), p, periode, tahun, draf)
        if t is not None:
            tabel[ds.nama] = t
    _periksa_acuan(tabel, p)
    data = DataTahun(tahun, akar, instansi, edisi, isu, tabel, _narasi(folder))
    if not any(m.tingkat == GALAT for m in p.masalah):
        aturan.periksa(data, p.tambah)
    galat = [m for m in p.masalah if m.tingkat == GALAT]
    if galat:
        raise ValidasiGagal(p.masalah)
    data.peringatan = p.masalah
    data.mulai_mencatat()
    return data


def _periode(instansi: dict[str, Any]) -> tuple[int, int] | None:
    try:
        awal, akhir = instansi["renstra"]["periode"]
        return int(awal), int(akhir)
    except (KeyError, TypeError, ValueError):
        return None


def _yaml(path: Path, p: _Pengumpul, wajib: bool) -> dict[str, Any]:
    nama = p.nama(path)
    if not path.exists():
        if wajib:
            p.tambah(nama, None, None, "berkas wajib ini tidak ditemukan.")
        return {}
    teks = _baca_teks(path, p)
    if teks is None:
        return {}
    try:
        isi = yaml.safe_load(teks)
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
    return isi


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
    for kunci in ("nama", "nama_singkat", "kabupaten", "kepala.nama", "kepala.pangkat",
                  "kepala.golongan", "kepala.nip", "renstra.periode"):
        if _butuh(instansi, kunci) in (None, ""):
            p.tambah(nama, None, kunci, "kunci wajib ini tidak ada atau kosong.")
    periode = _periode(instansi)
    if _butuh(instansi, "renstra.periode") is not None and periode is None:
        p.tambah(nama, None, "renstra.periode",
                 "harus berupa dua tahun [awal, akhir], misalnya [2021, 2026].")
    elif periode and not periode[0] <= tahun <= periode[1]:
        p.tambah(nama, None, "renstra.periode",
                 f"tahun {tahun} berada di luar periode Renstra {periode[0]}–{periode[1]}. "
                 "Perbarui periode Renstra atau pilih tahun di dalamnya.")


def _periksa_edisi(edisi: dict[str, Any], tahun: int, p: _Pengumpul, path: Path) -> None:
    if not edisi:
        return
    nama = p.nama(path)
    if edisi.get("tahun") != tahun:
        p.tambah(nama, None, "tahun",
                 f'nilai "{edisi.get("tahun")}" harus sama dengan nama foldernya: {tahun}.')
    if not isinstance(edisi.get("tanggal_terbit"), date):
        p.tambah(nama, None, "tanggal_terbit",
                 "harus berupa tanggal dengan format TTTT-BB-HH, misalnya 2025-01-31.")
    pagu = edisi.get("pagu_anggaran")
    draf = str(edisi.get("status", "")).lower() == "draf"
    if pagu is None and draf:
        pass  # a draft may not know its budget ceiling yet
    elif not isinstance(pagu, int) or isinstance(pagu, bool) or pagu < 0:
        p.tambah(nama, None, "pagu_anggaran",
                 f'nilai "{pagu}" harus rupiah bulat tanpa pemisah ribuan, misalnya 97000169679.')
    for kunci in ("label", "tempat"):
        if not edisi.get(kunci):
            p.tambah(nama, None, kunci, "kunci wajib ini tidak ada atau kosong.")
    _periksa_penilaian(edisi.get("penilaian"), nama, p)


def _periksa_penilaian(penilaian: Any, nama: str, p: _Pengumpul) -> None:
    """The optional `penilaian` block: the verdict rule and the scale's legal basis."""
    from lakip_lib.capaian import AturanKesimpulan

    if penilaian is None:
        return
    if not isinstance(penilaian, dict):
        p.tambah(nama, None, "penilaian", "harus berupa pasangan kunci: nilai (kesimpulan, "
                 "batas_capaian, dasar_skala).")
        return
    try:
        AturanKesimpulan.dari(penilaian)
    except ValueError as e:
        p.tambah(nama, None, "penilaian", str(e))
    dasar = penilaian.get("dasar_skala")
    if dasar is not None and not isinstance(dasar, str):
        p.tambah(nama, None, "penilaian.dasar_skala", "harus berupa teks, misalnya "
                 '"Peraturan Menteri PANRB Nomor 53 Tahun 2014".')


def _baca_teks(path: Path, p: _Pengumpul) -> str | None:
    nama = p.nama(path)
    if path.stat().st_size > UKURAN_MAKS:
        p.tambah(nama, None, None,
                 f"berkas terlalu besar ({path.stat().st_size // (1024 * 1024)} MiB; batas "
                 f"{UKURAN_MAKS // (1024 * 1024)} MiB). Periksa apakah ini berkas yang benar.")
        return None
    mentah = path.read_bytes()
    try:
        return mentah.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        baris = mentah[: e.start].count(b"\n") + 1
        p.tambah(nama, baris, None,
                 "berkas tidak tersimpan dalam pengodean UTF-8 (mungkin Windows-1252 dari "
                 'Excel). Simpan ulang dengan pilihan "CSV UTF-8 (Comma delimited)".')
        return None


def _baca_tabel(ds: Dataset, path: Path, p: _Pengumpul, periode: tuple[int, int] | None,
                tahun: int, draf: bool = False) -> Tabel | None:
    nama = p.nama(path)
    if not path.exists():
        if ds.wajib_ada:
            p.tambah(nama, None, None, f"berkas wajib ini tidak ditemukan ({ds.keterangan})")
        return None
    teks = _baca_teks(path, p)
    if teks is None:
        return None
    try:
        baris_csv = list(csv.reader(io.StringIO(teks, newline="")))
    except csv.Error as e:
        p.tambah(nama, None, None, f"berkas CSV tidak dapat dibaca ({e}).")
        return None
    if not baris_csv:
        p.tambah(nama, None, None, "berkas kosong; baris pertama harus berisi nama kolom.")
        return None
    header = [h.strip() for h in baris_csv[0]]
    if not _header_sah(ds, header, nama, p):
        return None
    tabel = Tabel(ds, nama, [], [])
    for i, sel in enumerate(baris_csv[1:], start=BARIS_PERTAMA):
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
        if kolom.wajib_final and not draf:
            kolom = replace(kolom, wajib=True)
        nilai, pesan = parse(mentah[kolom.nama], kolom)
        if pesan:
            p.tambah(nama, nomor, kolom.nama, pesan)
        elif kolom.dalam_renstra and periode and nilai is not None:
            if not periode[0] <= int(nilai) <= periode[1]:  # type: ignore[call-overload]
                p.tambah(nama, nomor, kolom.nama,
                         f"tahun {nilai} berada di luar periode Renstra "
                         f"{periode[0]}–{periode[1]}.")
        hasil[kolom.nama] = nilai
    return hasil


def _periksa_kunci(tabel: Tabel, p: _Pengumpul) -> None:
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


def _periksa_acuan(tabel: dict[str, Tabel], p: _Pengumpul) -> None:
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


def baris_mentah(path: Path) -> list[tuple[int, dict[str, str]]]:
    """The non-empty rows of a CSV file as text, with their spreadsheet row numbers. For files
    that are then validated (or already were): it reports nothing itself."""
    if not path.is_file():
        return []
    baca = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))
    if not baca:
        return []
    return [(nomor, dict(zip(baca[0], sel, strict=False)))
            for nomor, sel in enumerate(baca[1:], start=BARIS_PERTAMA) if any(x.strip() for x in sel)]


def teks_csv(ds: Dataset, baris: Iterable[dict[str, Any]]) -> str:
    """A dataset's CSV as lakip writes it: the schema's columns in order, None as empty."""
    kolom = [k.nama for k in ds.kolom]
    keluaran = io.StringIO()
    penulis = csv.DictWriter(keluaran, fieldnames=kolom, lineterminator="\n")
    penulis.writeheader()
    for b in baris:
        penulis.writerow({k: "" if b.get(k) is None else b.get(k) for k in kolom})
    return keluaran.getvalue()


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


def _narasi(folder: Path) -> dict[str, str]:
    narasi = folder / "narasi"
    if not narasi.is_dir():
        return {}
    return {f.stem: f.read_text(encoding="utf-8") for f in sorted(narasi.glob("*.md"))}
