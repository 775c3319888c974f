"""A small fiscal year held in memory, for unit tests of the domain modules.

`TahunKecil()` is a valid 2024 edition with a few rows per dataset; each method changes it and
returns the builder, and `muat()` validates it exactly as `lakip_lib.data.muat` validates files
(through `data.muat_teks`), so a test can also build invalid data and read the real problems:

    d = TahunKecil().realisasi("IKU1", 2024, "72").muat()
    masalah = TahunKecil().ubah("anggaran", {"kode": "P01.K01.S01"}, realisasi="700").masalah()

The year, by hand (every figure a test expects is computed from these rows):
- Renstra 2021–2026, tujuan T1, sasaran S1 with two IKU: IKU1 (indeks, naik; target 80, realisasi
  2024 68 → capaian 85, Tinggi) and IKU2 (anak per perempuan, turun; target 2.5, realisasi 2.4 →
  capaian 104, Sangat Tinggi); a tujuan indicator IT1.
- One programme P01 (sasaran S1) with one kegiatan and two sub kegiatan: anggaran 600 000 000 +
  400 000 000 = pagu 1 000 000 000, realisasi 540 000 000 + 400 000 000 = 940 000 000.
- Two kecamatan with three villages (Mandiri, Maju, Berkembang) and their PUS / KB aktif.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from datetime import date
from typing import Any

import yaml

from lakip_lib import data
from lakip_lib.data_tahun import DataTahun
from lakip_lib.masalah import Masalah, ValidasiGagal
from lakip_lib.schema import BY_NAME

TAHUN = 2024

_BARIS = {
    "tujuan": """kode,uraian
T1,Meningkatnya kualitas hidup perempuan dan anak""",
    "sasaran": """kode,tujuan,uraian
S1,T1,Meningkatnya kesetaraan gender""",
    "indikator": """kode,jenis,induk,nama,satuan,arah,desimal,rumus
IT1,tujuan,T1,Indeks Kualitas Hidup,indeks,naik,2,langsung
IKU1,iku,S1,Indeks Pemberdayaan Gender,indeks,naik,2,langsung
IKU2,iku,S1,Angka Kelahiran Total,anak per perempuan,turun,2,langsung""",
    "renstra_target": """indikator,tahun,target
IKU1,2021,77
IKU1,2022,78
IKU1,2023,79
IKU1,2024,80
IKU1,2025,81
IKU1,2026,82
IKU2,2021,2.8
IKU2,2022,2.7
IKU2,2023,2.6
IKU2,2024,2.5
IKU2,2025,2.4
IKU2,2026,2.3""",
    "realisasi": """indikator,tahun,realisasi
IKU1,2021,74
IKU1,2022,75
IKU1,2023,70
IKU1,2024,68
IKU2,2021,2.9
IKU2,2022,2.8
IKU2,2023,2.6
IKU2,2024,2.4""",
    "kasus_kekerasan": """tahun,kelompok,jumlah
2023,perempuan,3
2023,anak,7
2024,perempuan,4
2024,anak,4""",
    "idm_status": """tahun,mandiri,maju,berkembang,tertinggal,sangat_tertinggal
2023,0,1,1,1,0""",
    "pembanding": "indikator,wilayah,tahun,jenis,nilai,satuan,sumber",
    "kecamatan": """kecamatan
JUAI
HALONG""",
    "skala_kategori": """batas_bawah,batas_atas,kategori
,50,Sangat Rendah
50,65,Rendah
65,75,Sedang
75,90,Tinggi
90,,Sangat Tinggi""",
    "target": """indikator,target,dasar
IKU1,80,pk
IKU2,2.5,pk""",
    "pk_anggaran": """sasaran,anggaran
S1,1000000000""",
    "desa": """kecamatan,desa,status_idm
JUAI,DESA SATU,Mandiri
JUAI,DESA DUA,Maju
HALONG,DESA TIGA,Berkembang""",
    "cpr_kecamatan": """kecamatan,pus,kb_aktif
JUAI,1000,750
HALONG,500,400""",
    "anggaran": """kode,level,sasaran,nama,anggaran,realisasi
P01,program,S1,PROGRAM KESETARAAN GENDER,,
P01.K01,kegiatan,,Pelembagaan Pengarusutamaan Gender,,
P01.K01.S01,subkegiatan,,Advokasi Kebijakan,600000000,540000000
P01.K01.S02,subkegiatan,,Koordinasi Pelaksanaan,400000000,400000000""",
    "efisiensi": """kode_anggaran,nama,indikator,capaian_kinerja
P01,PROGRAM KESETARAAN GENDER,Persentase dokumen tepat waktu,94""",
    "program_kinerja": """sasaran,kode,level,nama,indikator,satuan,target,realisasi,arah
S1,S1.P1,program,Kesetaraan gender,Persentase perangkat daerah dengan ARG,%,80,88,naik""",
    "aspek_strategis": """aspek,kondisi,satuan,standar,indikator,ukuran
Pemberdayaan gender,,,Permendagri 17/2021,IKU1,realisasi
Layanan pengaduan,75,%,Analisis Mandiri,,""",
}

_INSTANSI: dict[str, Any] = {
    "nama": "Dinas Contoh", "nama_singkat": "DC", "kabupaten": "Kabupaten Contoh",
    "kepala": {"nama": "Nama Kepala", "pangkat": "Pembina", "golongan": "IV/a",
               "nip": "19700101 199001 1 001"},
    "renstra": {"periode": [2021, 2026]},
}
_EDISI: dict[str, Any] = {
    "tahun": TAHUN, "label": "Final, Januari 2025", "status": "final", "tempat": "Paringin",
    "tanggal_terbit": date(2025, 1, 31), "pagu_anggaran": 1_000_000_000,
    "sumber_anggaran": "APBD Kabupaten Contoh",
}


def _baris(teks: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(teks)))


class TahunKecil:
    """A valid small 2024 edition; every method changes it and returns the builder."""

    def __init__(self) -> None:
        self.tabel = {nama: _baris(teks) for nama, teks in _BARIS.items()}
        self.yaml = {"instansi.yaml": _salin(_INSTANSI), f"{TAHUN}/edisi.yaml": _salin(_EDISI)}
        self.lain: dict[str, str | bytes] = {}  # other files by path (narratives, raw texts)

    # --- rows -------------------------------------------------------------------------------

    def ubah(self, dataset: str, cari: Mapping[str, object], **sel: object) -> TahunKecil:
        """Set cells of the rows matching `cari` (at least one must match); None empties a cell."""
        cocok = self._cari(dataset, cari)
        assert cocok, f"no {dataset} row matches {cari}"
        for b in cocok:
            b.update({k: "" if v is None else str(v) for k, v in sel.items()})
        return self

    def tambah(self, dataset: str, **sel: object) -> TahunKecil:
        """Append one row (columns left out stay empty)."""
        self.tabel.setdefault(dataset, []).append(
            {k: "" if v is None else str(v) for k, v in sel.items()})
        return self

    def hapus(self, dataset: str, **cari: object) -> TahunKecil:
        """Remove the rows matching `cari` (at least one must match; no condition: every row)."""
        cocok = self._cari(dataset, cari)
        assert cocok, f"no {dataset} row matches {cari}"
        self.tabel[dataset] = [b for b in self.tabel[dataset] if b not in cocok]
        return self

    def tanpa(self, dataset: str) -> TahunKecil:
        """Leave a dataset's file out of the year."""
        del self.tabel[dataset]
        return self

    def realisasi(self, indikator: str, tahun: int, nilai: object) -> TahunKecil:
        """Set (or add) a realisasi.csv row; None removes the row."""
        cari = {"indikator": indikator, "tahun": tahun}
        if nilai is None:
            return self.hapus("realisasi", **cari)
        if self._cari("realisasi", cari):
            return self.ubah("realisasi", cari, realisasi=nilai)
        return self.tambah("realisasi", **cari, realisasi=nilai)

    def target(self, indikator: str, nilai: object, dasar: str = "pk") -> TahunKecil:
        """Set (or add) this year's target of an indicator in target.csv."""
        if self._cari("target", {"indikator": indikator}):
            return self.ubah("target", {"indikator": indikator}, target=nilai, dasar=dasar)
        return self.tambah("target", indikator=indikator, target=nilai, dasar=dasar)

    def _cari(self, dataset: str, cari: Mapping[str, object]) -> list[dict[str, str]]:
        return [b for b in self.tabel[dataset]
                if all(b.get(k, "") == str(v) for k, v in cari.items())]

    # --- YAML and other files -----------------------------------------------------------------

    def edisi(self, **kunci: object) -> TahunKecil:
        """Set keys of edisi.yaml (None removes a key)."""
        return self._yaml(f"{TAHUN}/edisi.yaml", kunci)

    def instansi(self, **kunci: object) -> TahunKecil:
        """Set keys of instansi.yaml (None removes a key)."""
        return self._yaml("instansi.yaml", kunci)

    def _yaml(self, path: str, kunci: Mapping[str, object]) -> TahunKecil:
        isi = self.yaml[path]
        for k, v in kunci.items():
            if v is None:
                isi.pop(k, None)
            else:
                isi[k] = v
        return self

    def narasi(self, nama: str, teks: str) -> TahunKecil:
        """Add the analyst's narrative `nama` (a sasaran code or a fixed part)."""
        return self.berkas(f"{TAHUN}/narasi/{nama}.md", teks)

    def berkas(self, path: str, isi: str | bytes) -> TahunKecil:
        """A file's raw text or bytes by its path under data/ (replaces what the builder writes)."""
        self.lain[path] = isi
        return self

    # --- the year -------------------------------------------------------------------------------

    def teks(self) -> dict[str, str | bytes]:
        """Every file of the year by its path under data/, as `data.muat_teks` takes them."""
        berkas: dict[str, str | bytes] = {
            BY_NAME[nama].path(TAHUN): data.teks_csv(BY_NAME[nama], baris)
            for nama, baris in self.tabel.items()}
        berkas.update({path: yaml.safe_dump(isi, allow_unicode=True, sort_keys=False)
                       for path, isi in self.yaml.items()})
        berkas.update(self.lain)
        return berkas

    def muat(self) -> DataTahun:
        """The validated year (raises ValidasiGagal as `data.muat` would)."""
        return data.muat_teks(TAHUN, self.teks())

    def masalah(self) -> list[Masalah]:
        """The problems validation reports for this year (which must fail)."""
        try:
            self.muat()
        except ValidasiGagal as e:
            return e.masalah
        raise AssertionError("the year validated, but the test expects problems")


def _salin(isi: dict[str, Any]) -> dict[str, Any]:
    return yaml.safe_load(yaml.safe_dump(isi))
