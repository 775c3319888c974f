"""The README's recipe for a new indicator kind, tried: a toy kind with a dataset of its own,
written as one module and registered with one line, on a copy of the fixture agency's 2026 in a
temporary folder (never the shipped data/).

The kind must be registered before `lakip_lib.schema` joins the kinds' datasets, as the line in
`rumus.SEMUA` is; so the check runs in a fresh Python process that registers the toy module
first, then loads the year, draws the supporting table, and reads what the loader, the workbook,
the data package and the validation say. No build: loading and drawing is enough to show that
nothing else needs editing.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

AKAR = Path(__file__).resolve().parents[1]
CONTOH = AKAR / "tests" / "fixtures" / "instansi_contoh"

# The whole kind: what the recipe asks for besides its one line in `rumus.SEMUA`.
MODUL_RUMUS = '''\
"""`stunting_kecamatan`: stunting prevalence, balita stunting ÷ balita diukur × 100 summed over
the kecamatan of the edition year (stunting_kecamatan.csv); earlier years as measured."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from lakip_lib import perhitungan
from lakip_lib.data_tahun import DataTahun
from lakip_lib.dataset import Dataset, Kolom, Tipe
from lakip_lib.rumus.dasar import Butir, Halaman, LembarRumus, Rumus, realisasi_tercatat
from lakip_lib.tampilan_tabel import Lajur

STUNTING = Dataset(
    "stunting_kecamatan", "{tahun}/stunting_kecamatan.csv",
    "Balita yang diukur dan balita stunting per kecamatan.",
    (Kolom("kecamatan", acuan=("kecamatan", "kecamatan")),
     Kolom("diukur", Tipe.BULAT, boleh_negatif=False, judul="Balita diukur (anak)",
           keterangan="Jumlah balita yang diukur tinggi badannya"),
     Kolom("stunting", Tipe.BULAT, boleh_negatif=False, judul="Balita stunting (anak)",
           keterangan="Jumlah balita stunting")),
    ("kecamatan",), wajib_ada=False)


def jumlah(data: DataTahun) -> tuple[int, int]:
    baris = data.tabel(STUNTING.nama).baris if data.ada(STUNTING.nama) else []
    return sum(b["diukur"] for b in baris), sum(b["stunting"] for b in baris)


class StuntingKecamatan(Rumus):
    nama = "stunting_kecamatan"
    datasets = (STUNTING,)
    lembar = (LembarRumus(STUNTING.nama, ("kecamatan",), "Balita diukur dan stunting."),)

    def realisasi(self, data: DataTahun, kode: str, tahun: int) -> Decimal | None:
        if tahun != data.tahun:
            return realisasi_tercatat(data, kode, tahun)
        diukur, stunting = jumlah(data)
        return perhitungan.rasio(stunting, diukur, 100)

    def cara(self, data: DataTahun, kode: str, tahun: int) -> str:
        diukur, stunting = jumlah(data)
        return f"{stunting} balita stunting ÷ {diukur} balita diukur × 100."

    def pendukung(self, kode: list[str]) -> list[Butir]:
        return [Butir("tabel", "stunting", _tabel)]


def _tabel(h: Halaman) -> Any:
    return h.tabel("stunting", f"Balita Stunting per Kecamatan Tahun {h.tahun}",
                   [Lajur("Kecamatan"), Lajur("Diukur", True), Lajur("Stunting", True)],
                   [(b["kecamatan"], str(b["diukur"]), str(b["stunting"]))
                    for b in h.d.tabel(STUNTING.nama).baris],
                   sumber=h.sumber_data(STUNTING.nama))


RUMUS = StuntingKecamatan()
'''
BARIS_DAFTAR = 'rumus.SEMUA[stunting_kecamatan.RUMUS.nama] = stunting_kecamatan.RUMUS'

PEMERIKSA = f'''
import json, sys
from pathlib import Path
from lakip_lib import rumus
import stunting_kecamatan
{BARIS_DAFTAR}
from lakip_lib import book, buku_kerja, data, edisi, kinerja
from lakip_lib.masalah import ValidasiGagal
akar = Path(sys.argv[1])
d = data.muat(2026, akar)
halaman = book.bab3_sasaran.Sasaran(d, "SS1")
butir = rumus.pendukung(d, ["STUNTING"])
hasil = {{
    "realisasi": str(kinerja.realisasi(d, "STUNTING", 2026)),
    "realisasi_lalu": str(kinerja.realisasi(d, "STUNTING", 2025)),
    "cara": rumus.dari(d, "STUNTING").cara(d, "STUNTING", 2026),
    "rencana": [list(r) for r in halaman.rencana() if r[1] == "stunting"],
    "tabel": butir[0].buat(halaman).html(),
    "lembar": [lb.dataset for lb in buku_kerja.LEMBAR],
    "berkas_data": edisi.berkas_data(d),
}}
(akar / "2026" / "stunting_kecamatan.csv").write_text(
    "kecamatan,diukur,stunting\\nSUKAMAJU,-5,150\\nMEKARSARI,1000,170\\n", encoding="utf-8")
try:
    data.muat(2026, akar)
except ValidasiGagal as e:
    hasil["masalah"] = [[m.berkas, m.baris, m.kolom, m.pesan] for m in e.masalah]
print(json.dumps(hasil))
'''


@pytest.fixture(scope="module")
def hasil(tmp_path_factory: pytest.TempPathFactory) -> dict:
    kerja = tmp_path_factory.mktemp("rumus_baru")
    akar = kerja / "data"
    shutil.copytree(CONTOH, akar)
    (kerja / "stunting_kecamatan.py").write_text(MODUL_RUMUS, encoding="utf-8")
    indikator = akar / "indikator.csv"
    teks = indikator.read_text(encoding="utf-8")
    baris = [b for b in teks.splitlines() if b.startswith("STUNTING,")]
    assert len(baris) == 1 and ",langsung," in baris[0]
    indikator.write_text(teks.replace(baris[0], baris[0].replace(",langsung,",
                                                                 ",stunting_kecamatan,")),
                         encoding="utf-8")
    (akar / "2026" / "stunting_kecamatan.csv").write_text(
        "kecamatan,diukur,stunting\nSUKAMAJU,1000,150\nMEKARSARI,1000,170\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(AKAR), str(kerja)])}
    jalan = subprocess.run([sys.executable, "-c", PEMERIKSA, str(akar)], env=env, cwd=kerja,
                           capture_output=True, text=True, timeout=300, check=False)
    assert jalan.returncode == 0, jalan.stderr
    return json.loads(jalan.stdout)


def test_the_new_kind_computes_its_realisasi_from_its_own_dataset(hasil):
    assert hasil["realisasi"] == "16.00"  # (150 + 170) ÷ 2000 × 100
    assert hasil["realisasi_lalu"] == "17.23"  # an earlier year as realisasi.csv records it
    assert hasil["cara"] == "320 balita stunting ÷ 2000 balita diukur × 100."


def test_its_supporting_table_is_planned_and_drawn_on_the_sasaran_page(hasil):
    assert hasil["rencana"] == [["tabel", "stunting"]]
    assert "Balita Stunting per Kecamatan Tahun 2026" in hasil["tabel"]
    assert "MEKARSARI" in hasil["tabel"] and "170" in hasil["tabel"]


def test_its_dataset_is_in_the_workbook_and_the_data_package(hasil):
    assert "stunting_kecamatan" in hasil["lembar"]
    assert "2026/stunting_kecamatan.csv" in hasil["berkas_data"]


def test_a_bad_cell_in_its_dataset_is_reported_like_any_other(hasil):
    masalah = [m for m in hasil["masalah"] if m[0].endswith("2026/stunting_kecamatan.csv")]
    assert [(m[1], m[2]) for m in masalah] == [(2, "diukur")]
    assert "-5" in masalah[0][3]


def test_the_recipe_is_one_module_and_one_line():
    """The figure the README's recipe states (and issue 26's note reports)."""
    assert len(MODUL_RUMUS.splitlines()) == 58
    assert BARIS_DAFTAR.count("\n") == 0
