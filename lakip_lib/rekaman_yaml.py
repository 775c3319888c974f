"""The YAML files of the data (instansi.yaml, a year's edisi.yaml and isu_strategis.yaml): read
strictly, checked against their declared shape (`schema.YAML_*`) and required keys (the head of
agency, dates within the edition's range, the verdict rule), and made the schema's records.
"""

from __future__ import annotations

import typing
import unicodedata
from collections.abc import Mapping
from dataclasses import fields, is_dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import yaml

from lakip_lib import format as fmt
from lakip_lib import gambar, rilis
from lakip_lib.dataset import Kolom, Tipe
from lakip_lib.folder_data import Pengumpul, baca_teks
from lakip_lib.gambar import GAMBAR_SAMPUL
from lakip_lib.rekaman import Edisi, Instansi, adalah_draf, tipe_inti
from lakip_lib.sel import DIGIT_BULAT_MAKS, TEKS_MAKS, parse
from lakip_lib.yaml_aman import YamlDitolak, baca_yaml

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

R = TypeVar("R", bound="DataclassInstance")

YAML_BANYAK_BARIS = frozenset({"tugas", "rpjmd.visi", "rpjmd.misi"})  # the only YAML texts that
# may hold several lines (long paragraphs); every other one is a single line (a label, a name)


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


def periode_renstra(instansi: dict[str, Any]) -> tuple[int, int] | None:
    try:
        awal, akhir = instansi["renstra"]["periode"]
        return int(awal), int(akhir)
    except (KeyError, TypeError, ValueError):
        return None


def baca(path: Path, p: Pengumpul, bentuk: dict[str, Any], wajib: bool) -> dict[str, Any]:
    nama = p.nama(path)
    if not p.ada(path):
        if wajib:
            p.tambah(nama, None, None, "berkas wajib ini tidak ditemukan.")
        return {}
    teks = baca_teks(path, p, seluruh_teks=True)
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


def _bentuk(nilai: Any, bentuk: Any, jalur: str, nama: str, p: Pengumpul) -> Any:
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


def periksa_instansi(instansi: dict[str, Any], tahun: int, p: Pengumpul, path: Path) -> None:
    if not instansi:
        return
    nama = p.nama(path)
    for kunci in ("nama", "nama_singkat", "kabupaten", "renstra.periode"):
        if _butuh(instansi, kunci) in (None, ""):
            p.tambah(nama, None, kunci, "kunci wajib ini tidak ada atau kosong.")
    _periksa_atasan(instansi.get("struktur"), nama, p)
    _periksa_gambar(instansi, nama, p, path.parent)
    periode = periode_renstra(instansi)
    if _butuh(instansi, "renstra.periode") is not None and periode is None:
        p.tambah(nama, None, "renstra.periode",
                 "harus berupa dua tahun [awal, akhir], misalnya [2021, 2026].")
    elif periode and not periode[0] <= tahun <= periode[1]:
        p.tambah(nama, None, "renstra.periode",
                 f"tahun {tahun} berada di luar periode Renstra {periode[0]}–{periode[1]}. "
                 "Perbarui periode Renstra atau pilih tahun di dalamnya.")


KEPALA_WAJIB = ("nama", "pangkat", "golongan", "nip")


def periksa_kepala(instansi: dict[str, Any], edisi: dict[str, Any], p: Pengumpul,
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


def instansi_tahun(instansi: Instansi, edisi: Edisi) -> tuple[Instansi, Edisi]:
    """The agency as the year sees it: its own head of agency, coat of arms and logo where its
    edisi.yaml names them."""
    sendiri = {k: v for k in ("kepala", *GAMBAR_SAMPUL) if (v := getattr(edisi, k)) is not None}
    return (replace(instansi, **sendiri) if sendiri else instansi), edisi


def _periksa_gambar(isi: dict[str, Any], nama: str, p: Pengumpul, akar: Path) -> None:
    """The cover images a YAML file names (relative to the data folder `akar`), checked by
    their bytes (`gambar.masalah`)."""
    for kunci in GAMBAR_SAMPUL:
        if kunci in isi and (pesan := gambar.masalah(akar, isi[kunci])):
            p.tambah(nama, None, kunci, pesan)


def _periksa_atasan(struktur: Any, nama: str, p: Pengumpul) -> None:
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


def periksa_edisi(edisi: dict[str, Any], tahun: int, p: Pengumpul, path: Path) -> None:
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
    _periksa_gambar(edisi, nama, p, path.parent.parent)  # the year's own coat of arms, logo


TANGGAL_SEBELUM = 1  # years before the fiscal year: the Perjanjian Kinerja is signed at its start


TANGGAL_SESUDAH = 10  # years after it: a final edition is re-issued within a few years, not ages


def rentang_tanggal(tahun: int) -> tuple[date, date]:
    """The dates an edition of fiscal year `tahun` can carry: from 1 January of the year before
    (a performance agreement signed ahead) to 31 December ten years after (a late re-issue).
    A date outside is a typing error ("Desember 9999", 2204 for 2024) that would be printed."""
    return date(tahun - TANGGAL_SEBELUM, 1, 1), date(tahun + TANGGAL_SESUDAH, 12, 31)


def _periksa_rentang_tanggal(nilai: Any, jalur: str, tahun: int, nama: str,
                             p: Pengumpul) -> None:
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


def _periksa_penilaian(penilaian: Any, nama: str, p: Pengumpul) -> None:
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
