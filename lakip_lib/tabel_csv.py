"""One dataset's CSV file read into a `Tabel`: the header against the schema's columns, every
cell parsed by its column (`lakip_lib.sel`), Renstra years, keys unique, file-name values
distinct; then the references between the loaded tables, with the closest known value.
"""

from __future__ import annotations

import csv
import difflib
import io
from dataclasses import replace
from pathlib import Path
from typing import Any

from lakip_lib import rumus
from lakip_lib.data_tahun import BARIS_PERTAMA
from lakip_lib.dataset import Dataset
from lakip_lib.folder_data import Pengumpul, baca_teks
from lakip_lib.sel import parse
from lakip_lib.tabel import Tabel

SEL_CSV_MAKS = 131_072  # characters in one CSV cell (the csv module's default) before the file is
# refused as unreadable (an unclosed quote swallows the rest of the file into one cell)
MASALAH_PER_BERKAS = 1_000  # problems one CSV file may raise before its check stops (the rows
# of a wrong or shifted file are all wrong: reading 300 000 of them helps nobody)


def _baris_csv(teks: str) -> list[list[str]]:
    """The rows of a data file, read with our own cell limit: `csv.field_size_limit` is one
    setting for the whole process, which libraries change on import (frictionless raises it),
    and a file must be judged the same whoever was imported before."""
    lama = csv.field_size_limit(SEL_CSV_MAKS)
    try:
        return list(csv.reader(io.StringIO(teks, newline="")))
    finally:
        csv.field_size_limit(lama)


def baca_tabel(ds: Dataset, path: Path, p: Pengumpul, periode: tuple[int, int] | None,
                tahun: int, draf: bool = False) -> Tabel[Any] | None:
    nama = p.nama(path)
    if not p.ada(path):
        if ds.wajib_ada:
            p.tambah(nama, None, None, f"berkas wajib ini tidak ditemukan ({ds.keterangan})")
        return None
    teks = baca_teks(path, p)
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


def _header_sah(ds: Dataset, header: list[str], nama: str, p: Pengumpul) -> bool:
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


def _baris(ds: Dataset, mentah: dict[str, str], nama: str, nomor: int, p: Pengumpul,
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


def _periksa_nama_berkas(tabel: Tabel[Any], p: Pengumpul) -> None:
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


def _periksa_kunci(tabel: Tabel[Any], p: Pengumpul) -> None:
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


def periksa_acuan(tabel: dict[str, Tabel[Any]], p: Pengumpul) -> None:
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
