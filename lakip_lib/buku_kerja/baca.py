"""`lakip import`: a filled workbook read back into the year's data files.

`impor` turns every sheet of a workbook (opened by `buka`) into the CSV file it stands for, merges
the year's rows into the multi-year files, validates the result exactly as `lakip validate` would
(in a scratch copy of the data folder), reports every problem at once by sheet, row and column, and
writes nothing unless everything is valid. Files whose content did not change are left as they are.
"""

from __future__ import annotations

import difflib
import re
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lakip_lib import data, data_tahun, folder_data, isian_edisi, jurnal, rumus
from lakip_lib.buku_kerja.buka import Buku, buka
from lakip_lib.buku_kerja.lembar import (
    EDISI,
    INFO_INDIKATOR,
    KONFIRMASI,
    LEMBAR,
    PETUNJUK,
    Lembar,
    baris_awal,
    teks_nilai,
)
from lakip_lib.buku_kerja.sel_excel import seperti_excel, teks_dari_sel
from lakip_lib.data_tahun import DataTahun
from lakip_lib.dataset import Tipe
from lakip_lib.masalah import GALAT, PERINGATAN, ImporGagal, Masalah, ValidasiGagal
from lakip_lib.schema import BY_NAME

KOLOM_LEBIH = 5  # columns read right of a sheet's table, to notice a column added there
_KONFIRMASI = Lembar("konfirmasi", ("tabel", "kunci"), "")  # from the sheets' konfirmasi column


@dataclass
class _Calon:
    """One data file as the workbook would make it, with where each row came from."""

    path: str  # relative to the data folder
    lembar: Lembar
    tempat: str  # the sheet, as problems name it
    baris: list[dict[str, str]] = field(default_factory=list)
    asal: list[tuple[str, int | None]] = field(default_factory=list)
    yakin: list[tuple[tuple[str, ...], str, int]] = field(default_factory=list)

    def tempatkan(self, m: Masalah) -> Masalah:
        """A problem of the file, said at the sheet row and column header it came from."""
        if m.baris is None or m.baris < data_tahun.BARIS_PERTAMA:
            return Masalah(self.tempat, None, self._judul(m.kolom), m.pesan, m.tingkat)
        tempat, nomor = self.asal[m.baris - data_tahun.BARIS_PERTAMA]
        kolom = self._judul(m.kolom) if tempat == self.tempat else m.kolom
        pesan = re.sub(r"(?<=sudah dipakai di )baris (\d+)", self._baris_lain, m.pesan)
        return Masalah(tempat, nomor, kolom, pesan, m.tingkat)

    def _baris_lain(self, cocok: re.Match[str]) -> str:
        """A row of the file named in a message, said where the analyst can find it."""
        tempat, nomor = self.asal[int(cocok.group(1)) - data_tahun.BARIS_PERTAMA]
        if tempat == self.tempat:
            return f"baris {nomor} lembar ini"
        return f"{tempat} baris {nomor} (tahun lain, tidak ada di lembar ini)"

    def _judul(self, kolom: str | None) -> str | None:
        if not kolom:
            return kolom
        nama = {k.nama: k for k in self.lembar.ds.kolom}
        return ", ".join(self.lembar.judul(nama[n]) if n in nama else n
                         for n in kolom.split(", "))

    def sama(self, lama: DataTahun, baru: DataTahun) -> bool:
        """Whether the file would stay as it is; an optional file the agency does not use
        (absent, and its sheet empty, such as an indicator kind's) stays absent."""
        nama = self.lembar.dataset
        if not lama.ada(nama):
            return not self.baris and not self.lembar.ds.wajib_ada
        return lama.tabel(nama).baris == baru.tabel(nama).baris

    def teks(self) -> str:
        return data.teks_csv(self.lembar.ds, self.baris)


@dataclass
class _CalonEdisi:
    """edisi.yaml with the values of the `edisi` sheet, and the sheet row of each key."""

    path: str
    tempat: str
    isi: str
    baris: dict[str, int]

    def teks(self) -> str:
        return self.isi

    def tempatkan(self, m: Masalah) -> Masalah:
        nomor = self.baris.get(m.kolom or "")
        if nomor is None:
            return m
        return Masalah(self.tempat, nomor, "nilai", m.pesan, m.tingkat)

    def sama(self, lama: DataTahun, baru: DataTahun) -> bool:
        return lama.edisi == baru.edisi


@dataclass
class HasilImpor:
    ditulis: list[str]
    tetap: list[str]
    peringatan: list[Masalah]


def impor(tahun: int, berkas: Path, akar: Path | None = None) -> HasilImpor:
    """Validate the workbook against the year's data and write data/<tahun>/ from it.

    Raises ValidasiGagal with every problem (sheet, row, column) and writes nothing when the
    workbook or the data it makes are not valid.
    """
    akar = (akar or folder_data.akar_data()).resolve()
    if not (akar / str(tahun)).is_dir():
        raise ImporGagal(f"folder data/{tahun} belum ada. Jalankan dulu: lakip new-year {tahun}, "
                         f"lalu lakip template {tahun}.")
    jurnal.pulihkan(akar, buang_sisa=True)
    lama = data.muat(tahun, akar)
    masalah: list[Masalah] = []
    buku = buka(berkas, masalah)
    if buku is None:
        raise ValidasiGagal(masalah)
    try:
        calon, sudah = _baca_buku(buku, lama, masalah)
    finally:
        buku.tutup()
    baru, masalah_data = _validasi_calon(tahun, akar, calon)
    masalah += [m for m in _ke_lembar(masalah_data, calon, akar)
                if (m.berkas, m.baris, m.kolom or "") not in sudah]
    if baru is None or any(m.tingkat == GALAT for m in masalah):
        raise ValidasiGagal(masalah)
    return _tulis(akar, calon, lama, baru, masalah)



def _periksa_nama_lembar(nama: list[str], berkas: str, masalah: list[Masalah]) -> None:
    dikenal = [EDISI, *(lb.dataset for lb in LEMBAR)]
    asing = [n for n in nama if n not in dikenal and n != PETUNJUK]
    for n in dikenal:
        if n not in nama:
            mirip = [a for a in asing if n in a.lower()] or difflib.get_close_matches(
                n, asing, n=1, cutoff=0.6)
            saran = f' Lembar "{mirip[0]}" mungkin lembar ini yang namanya diubah.' if mirip else ""
            masalah.append(Masalah(berkas, None, None,
                                   f'lembar "{n}" tidak ada. Nama lembar tidak boleh diubah.{saran}'))
    for n in asing:
        masalah.append(Masalah(berkas, None, None,
                               f'lembar "{n}" tidak dikenal. Lembar yang diharapkan: '
                               f"{PETUNJUK}, {', '.join(dikenal)}."))


def _baca_buku(buku: Buku, lama: DataTahun,
               masalah: list[Masalah]) -> tuple[list[Any], set[tuple[str, int, str]]]:
    """The files the workbook's sheets make; problems of single cells go to `masalah` and
    their places to the returned set (so the data check does not report them twice)."""
    sudah: set[tuple[str, int, str]] = set()
    if not _tahun_sesuai(buku, lama.tahun, masalah):
        return [], sudah
    _periksa_nama_lembar(buku.sheetnames, buku.nama, masalah)
    calon: list[Any] = []
    if EDISI in buku.sheetnames:
        isi = buku.isi(EDISI, 3, masalah, sudah)
        e = _baca_edisi(isi, lama, buku.nama, masalah, sudah) if isi is not None else None
        if e is not None:
            calon.append(e)
    for lembar in LEMBAR:
        if lembar.dataset in buku.sheetnames:
            isi = buku.isi(lembar.dataset, len(lembar.kolom_lembar) + KOLOM_LEBIH, masalah, sudah)
            c = _baca_lembar(isi, lembar, lama, buku.nama, masalah, sudah) \
                if isi is not None else None
            if c is not None:
                calon.append(c)
    calon += _rekap(calon, lama, masalah)
    konfirmasi = _konfirmasi(calon, lama)
    if konfirmasi is not None:
        calon.append(konfirmasi)
    return calon, sudah


def _tahun_sesuai(buku: Buku, tahun: int, masalah: list[Masalah]) -> bool:
    """A workbook written for another year is refused before anything else is said."""
    cocok = re.fullmatch(r"Isian data LAKIP (\d{4})", str(buku.nilai.properties.title or ""))
    if cocok is None or int(cocok.group(1)) == tahun:
        return True
    masalah.append(Masalah(buku.nama, None, None,
                           f"buku kerja ini dibuat untuk tahun {cocok.group(1)}, bukan {tahun}. "
                           f"Impor dengan: lakip import {cocok.group(1)} {buku.nama}, atau buat "
                           f"buku kerja tahun {tahun} dengan: lakip template {tahun}."))
    return False


def _tempat(berkas: str, lembar: Lembar) -> str:
    return f'{berkas}, lembar "{lembar.dataset}"'


def _baca_lembar(isi: list[list[Any]], lembar: Lembar, lama: DataTahun, berkas: str,
                 masalah: list[Masalah], sudah: set[tuple[str, int, str]]) -> _Calon | None:
    tempat = _tempat(berkas, lembar)
    kolom = lembar.kolom_lembar
    judul = [str(v).strip() if v is not None else "" for v in (isi[0] if isi else [])]
    while judul and not judul[-1]:
        judul.pop()
    if judul not in ([lembar.judul(k) for k in kolom], [k.nama for k in kolom]):
        masalah.append(Masalah(tempat, 1, None,
                               "baris 1 harus berisi judul kolom persis seperti di template: "
                               f"{', '.join(lembar.judul(k) for k in kolom)}. Yang ditemukan: "
                               f"{', '.join(judul) or '(kosong)'}."))
        return None
    isian: list[tuple[int, dict[str, str]]] = []
    di_lembar: dict[tuple[str, ...], int] = {}  # every row key on the sheet, filled or not
    yakin: list[tuple[tuple[str, ...], str, int]] = []
    for nomor, nilai in enumerate(isi[1:], start=2):
        baris, salah = {}, False
        for k, v in zip(kolom, nilai, strict=False):
            teks, pesan = teks_dari_sel(v, k)
            if pesan:
                masalah.append(Masalah(tempat, nomor, lembar.judul(k), pesan))
                sudah.add((tempat, nomor, lembar.judul(k)))
                salah = True
            baris[k.nama] = teks
        alasan = baris.pop(KONFIRMASI.nama, "")
        for k in INFO_INDIKATOR:
            baris.pop(k.nama, None)
        if any(lembar.kunci(baris)):
            di_lembar.setdefault(lembar.kunci(baris), nomor)
        if salah or (any(baris.values()) and not _belum_diisi(baris, lembar)):
            isian.append((nomor, baris))
            if alasan:
                yakin.append((lembar.kunci(baris), alasan, nomor))
    _periksa_baris_kunci(lembar, lama, di_lembar, tempat, masalah)
    calon = _gabung(lembar, lama, isian, tempat)
    calon.yakin = yakin
    masalah += _dikosongkan(calon, lama, di_lembar, sudah)
    return calon


def _rekap(calon: list[Any], lama: DataTahun, masalah: list[Masalah]) -> list[_Calon]:
    """The files the indicator kinds compute from the sheets read (e.g. the year's IDM recap
    from the villages' statuses), each said at the sheet it came from."""
    hasil = []
    for c in calon:
        if not isinstance(c, _Calon):
            continue
        nomor = [n for _, n in c.asal]
        for r in rumus.rekap_impor(c.lembar.dataset, c.baris, nomor, lama.tahun):
            if r.peringatan:
                masalah.append(Masalah(c.tempat, None, c.lembar.judul(
                    c.lembar.ds.kolom_bernama(r.kolom)), r.peringatan, PERINGATAN))
            lembar = Lembar(r.dataset, BY_NAME[r.dataset].kunci, "")  # computed: no sheet
            hasil.append(_gabung(lembar, lama, [(None, b) for b in r.baris], c.tempat))
    return hasil


def _konfirmasi(calon: list[Any], lama: DataTahun) -> _Calon | None:
    """konfirmasi.csv from the sheets' konfirmasi column (None when there is none at all)."""
    isian = [(nomor, {"tabel": c.lembar.dataset, "kunci": "/".join(kunci), "alasan": alasan})
             for c in calon for kunci, alasan, nomor in getattr(c, "yakin", [])]
    if not isian and not (lama.akar / _KONFIRMASI.ds.path(lama.tahun)).exists():
        return None
    hasil = _Calon(_KONFIRMASI.ds.path(lama.tahun), _KONFIRMASI, "")
    tempat = {c.lembar.dataset: c.tempat for c in calon if getattr(c, "yakin", None)}
    for nomor, b in isian:
        hasil.baris.append(b)
        hasil.asal.append((tempat[b["tabel"]], nomor))
    return hasil


def _dikosongkan(calon: _Calon, lama: DataTahun, di_lembar: dict[tuple[str, ...], int],
                 sudah: set[tuple[str, int, str]]) -> list[Masalah]:
    """Warnings for values imported before and now emptied on the sheet: they are removed (the
    figure is "not yet" again), and the analyst sees what is now missing. A cell already
    refused (`sudah`: its value could not be read) was not emptied: no warning for it."""
    lembar = calon.lembar
    baru = {lembar.kunci(b): b for b in calon.baris}
    hasil = []
    for _, b in data_tahun.baris_mentah(lama.akar / calon.path):
        if not lembar.ds.per_tahun and b.get("tahun") != str(lama.tahun):
            continue
        kunci = lembar.kunci(b)
        if kunci not in di_lembar:
            continue
        for k in lembar.kolom:
            if k.nama in lembar.terkunci or not b.get(k.nama) or baru.get(kunci, {}).get(k.nama) \
                    or (calon.tempat, di_lembar[kunci], lembar.judul(k)) in sudah:
                continue
            uraian = ", ".join(f"{n}={v}" for n, v in zip(lembar.ds.kunci, kunci, strict=True))
            hasil.append(Masalah(calon.tempat, di_lembar[kunci], lembar.judul(k),
                                 f'nilai "{seperti_excel(b[k.nama], k)}" yang sudah diimpor '
                                 "sebelumnya dikosongkan "
                                 f"({uraian}); nilai itu dihapus dan kini belum tersedia.",
                                 PERINGATAN))
    return hasil


def _baca_edisi(isi: list[list[Any]], lama: DataTahun, berkas: str,
                masalah: list[Masalah], sudah: set[tuple[str, int, str]]) -> _CalonEdisi | None:
    tempat = f'{berkas}, lembar "{EDISI}"'
    judul = isi[0] if isi else []
    if judul != ["isian", "nilai", "keterangan"]:
        masalah.append(Masalah(tempat, 1, None, "baris 1 harus berisi judul kolom persis seperti "
                               "di template: isian, nilai, keterangan."))
        return None
    nilai: dict[str, Any] = {}
    nomor_isian: dict[str, int] = {}
    for nomor, (jalur, sel, *_) in enumerate(isi[1:], start=2):
        if jalur is None:
            continue
        isian = isian_edisi.MENURUT_JALUR.get(str(jalur).strip())
        if isian is None:
            masalah.append(Masalah(tempat, nomor, "isian", f'isian "{jalur}" tidak dikenal.'))
            continue
        nomor_isian[isian.jalur] = nomor
        v, pesan = isian_edisi.dari_sel(isian, sel)
        if pesan:
            masalah.append(Masalah(tempat, nomor, "nilai", pesan))
            sudah.add((tempat, nomor, "nilai"))
        else:
            nilai[isian.jalur] = v
    for isian in isian_edisi.ISIAN:
        if isian.jalur not in nomor_isian:
            masalah.append(Masalah(tempat, None, "isian",
                                   f"baris berkunci (isian={isian.jalur}) tidak ada lagi. Baris "
                                   "berkunci tidak boleh dihapus."))
    nilai = isian_edisi.tanpa_kepala_bersama(nilai, lama.edisi, lama.instansi.kepala)
    path = f"{lama.tahun}/edisi.yaml"
    sekarang = (lama.akar / path).read_text(encoding="utf-8")
    kunci = {j.split(".")[-1]: n for j, n in nomor_isian.items()}
    return _CalonEdisi(path, tempat, isian_edisi.ganti(sekarang, nilai), kunci)


def _belum_diisi(baris: dict[str, str], lembar: Lembar) -> bool:
    """A row whose required figures are all empty means "no figure yet" (its other prefilled
    cells, such as a unit or a source, do not make it a row)."""
    angka = [k for k in lembar.kolom if k.nama not in lembar.terkunci and k.wajib
             and k.tipe is not Tipe.TEKS]
    return bool(angka) and not any(baris.get(k.nama) for k in angka)


def _periksa_baris_kunci(lembar: Lembar, lama: DataTahun,
                         di_lembar: dict[tuple[str, ...], int], tempat: str,
                         masalah: list[Masalah]) -> None:
    """A row the template had must still be on the sheet (emptied is fine: "not yet")."""
    for b in baris_awal(lembar, lama):
        kunci = tuple(teks_nilai(b.get(k)) for k in lembar.ds.kunci)
        if kunci in di_lembar or _boleh_kosong(b, lembar):
            continue
        uraian = ", ".join(f"{k}={v}" for k, v in zip(lembar.ds.kunci, kunci, strict=True))
        masalah.append(Masalah(tempat, None, ", ".join(lembar.judul(lembar.ds.kolom_bernama(k))
                                                       for k in lembar.ds.kunci),
                               f"baris berkunci ({uraian}) tidak ada lagi. Baris berkunci tidak "
                               "boleh dihapus atau diubah kuncinya; bila datanya belum ada, "
                               "kosongkan isinya saja."))


def _boleh_kosong(awal: dict[str, Any], lembar: Lembar) -> bool:
    """A template row that may disappear: one of the rows left out when nothing is filled."""
    return _belum_diisi({k: teks_nilai(v) for k, v in awal.items()}, lembar)




def _gabung(lembar: Lembar, lama: DataTahun,
            isian: Sequence[tuple[int | None, dict[str, str]]],
            tempat: str) -> _Calon:
    """The new file: the sheet's rows (plus the columns kept from the current file);
    for a multi-year file, the other years' rows stay where they are."""
    ds = lembar.ds
    path = ds.path(lama.tahun)
    sekarang = data_tahun.baris_mentah(lama.akar / path)
    menurut_kunci = {lembar.kunci(b): b for _, b in sekarang}

    def lengkap(b: dict[str, str]) -> dict[str, str]:
        tersimpan = menurut_kunci.get(lembar.kunci(b), {})
        return {**b, **{k: tersimpan.get(k, "") for k in lembar.disimpan}}

    calon = _Calon(path, lembar, tempat)
    if ds.per_tahun:
        for nomor_isian, b in isian:
            calon.baris.append(lengkap(b))
            calon.asal.append((tempat, nomor_isian))
        return calon
    pertama: dict[tuple[str, ...], int] = {}
    for i, (_, b) in enumerate(isian):
        pertama.setdefault(lembar.kunci(b), i)
    ditempatkan: set[int] = set()
    for nomor, b in sekarang:
        if b.get("tahun") != str(lama.tahun):
            calon.baris.append(b)
            calon.asal.append((lama.nama_berkas(path), nomor))
            continue
        sama = pertama.get(lembar.kunci(b))
        if sama is not None and sama not in ditempatkan:  # this year's row, updated in place
            ditempatkan.add(sama)
            calon.baris.append(lengkap(isian[sama][1]))
            calon.asal.append((tempat, isian[sama][0]))
    for i, (nomor, b) in enumerate(isian):
        if i not in ditempatkan:
            calon.baris.append(lengkap(b))
            calon.asal.append((tempat, nomor))
    return calon


def _validasi_calon(tahun: int, akar: Path,
                    calon: list[Any]) -> tuple[DataTahun | None, list[Masalah]]:
    """Load the year from a scratch copy of the data folder holding the new files."""
    with tempfile.TemporaryDirectory(prefix="lakip-impor-") as tmp:
        salinan = Path(tmp) / akar.name
        try:
            _salin(akar, salinan)
            for c in calon:
                (salinan / c.path).write_text(c.teks(), encoding="utf-8")
        except OSError as e:
            raise jurnal.TulisGagal(jurnal.pesan_galat_tulis(e, Path(tmp).parent)) from e
        try:
            return data.muat(tahun, salinan), []
        except ValidasiGagal as e:
            return None, e.masalah


def _salin(akar: Path, tujuan: Path) -> None:
    """Copy the data folder without its hidden files (OSError with the cause when it fails)."""
    for asal in sorted(akar.rglob("*")):
        bagian = asal.relative_to(akar)
        if any(b.startswith(".") for b in bagian.parts):
            continue
        if asal.is_dir():
            (tujuan / bagian).mkdir(parents=True, exist_ok=True)
        else:
            (tujuan / bagian).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(asal, tujuan / bagian)


def _ke_lembar(masalah: list[Masalah], calon: list[Any], akar: Path) -> list[Masalah]:
    """Problems found in the files made from the workbook, pointed at its sheets and rows."""
    menurut_berkas = {f"{akar.name}/{c.path}": c for c in calon}
    return [menurut_berkas[m.berkas].tempatkan(m) if m.berkas in menurut_berkas else m
            for m in masalah]


def _tulis(akar: Path, calon: list[Any], lama: DataTahun, baru: DataTahun,
           peringatan: list[Masalah]) -> HasilImpor:
    """Write the files whose content changed, all or none (`jurnal`); keep the others byte for
    byte."""
    berubah = [c for c in calon if not c.sama(lama, baru)]
    jurnal.ganti_semua(akar, {c.path: c.teks() for c in berubah})
    ditulis = {c.path for c in berubah}
    return HasilImpor(sorted(ditulis), sorted(c.path for c in calon if c.path not in ditulis),
                      [*peringatan, *_ke_lembar(baru.peringatan, calon, akar)])
