"""The row types of lakip_lib/baris.py: generated from the schema, true of the loaded data, and
what lets the type checker catch a misspelt column."""

from __future__ import annotations

import dataclasses
import types
import typing
from pathlib import Path

import pytest
from mypy import api as mypy_api

from lakip_lib import baris, data, pembuat_tipe, schema
from lakip_lib.dataset import Dataset
from lakip_lib.format import Bulan
from lakip_lib.rekaman import adalah_draf
from lakip_lib.yaml_aman import baca_yaml

AKAR = Path(__file__).resolve().parents[1]
CONTOH = AKAR / "tests" / "fixtures" / "instansi_contoh"


@pytest.mark.parametrize(("modul", "sumber"), [("baris.py", pembuat_tipe.modul_baris),
                                              ("syarat.py", pembuat_tipe.modul_syarat)])
def test_generated_modules_are_what_the_schema_generates(
        modul: str, sumber: typing.Callable[[typing.Sequence[Dataset]], str]):
    # after changing a dataset: python -m lakip_lib.schema
    assert (AKAR / "lakip_lib" / modul).read_text(encoding="utf-8") == sumber(schema.DATASETS)


def _cocok(nilai: object, tipe: object) -> bool:
    if typing.get_origin(tipe) in (typing.Union, types.UnionType):
        return any(_cocok(nilai, t) for t in typing.get_args(tipe))
    if typing.get_origin(tipe) is typing.Literal:
        return nilai in typing.get_args(tipe)
    if tipe is type(None):
        return nilai is None
    assert isinstance(tipe, type)
    return isinstance(nilai, tipe) and not isinstance(nilai, bool)


@pytest.mark.parametrize(("akar", "tahun"), [(AKAR / "data", 2024), (CONTOH, 2025), (CONTOH, 2026)])
def test_every_loaded_cell_has_the_type_its_row_type_declares(akar: Path, tahun: int):
    d = data.muat(tahun, akar)
    diperiksa = 0
    for ds in schema.DATASETS:
        if not d.ada(ds.nama):
            continue
        jenis = typing.get_type_hints(getattr(baris, pembuat_tipe.nama_baris(ds)))
        for b in d.tabel(ds.nama).baris:
            assert b.keys() == jenis.keys(), ds.nama
            for kolom, nilai in b.items():
                assert _cocok(nilai, jenis[kolom]), (ds.nama, kolom, nilai, jenis[kolom])
                diperiksa += 1
    assert diperiksa > 500


def test_the_type_checker_names_a_misspelt_column_and_a_misused_cell(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    contoh = tmp_path / "contoh.py"
    contoh.write_text(
        "from lakip_lib.data import DataTahun\n\n\n"
        "def f(d: DataTahun) -> str:\n"
        '    for b in d["realisasi"].baris:\n'
        '        print(b["realisasii"])\n'
        '    b = d["target"].satu(indikator="IKU1")\n'
        '    print(d["realisasi"].cari(indikatr="IKU1"), d["indikator"].ada_baris(jenis="IKU"))\n'
        '    print(d["renstra_target"].satu(indikator="IKU1", tahun="2024"))\n'
        '    return "" if b is None else b["target"] + "%"\n', encoding="utf-8")
    monkeypatch.chdir(AKAR)  # lakip_lib of this checkout, not an installed one
    keluaran, _, kode = mypy_api.run(["--config-file", "pyproject.toml", "--no-error-summary",
                                      str(contoh)])
    assert kode == 1
    assert 'contoh.py:6: error: TypedDict "BarisRealisasi" has no key "realisasii"' in keluaran
    # a query's column, its choice and its type, each checked (they would select no row)
    assert 'contoh.py:8: error: Unexpected keyword argument "indikatr" for "cari"' in keluaran
    assert ('contoh.py:8: error: Argument "jenis" to "ada_baris" of "TabelIndikator" has '
            "incompatible type \"Literal['IKU']\"" in keluaran)
    assert ('contoh.py:9: error: Argument "tahun" to "satu" of "TabelRenstraTarget" has '
            'incompatible type "str"; expected "int"' in keluaran)
    assert ('contoh.py:10: error: Unsupported operand types for + ("Decimal" and "str")'
            in keluaran)


def _seperti_yaml(nilai: object) -> object:
    """A record as YAML writes it: records as mappings, tuples as lists, empty values left out."""
    if dataclasses.is_dataclass(nilai) and not isinstance(nilai, type):
        return {k: _seperti_yaml(v) for k, v in vars(nilai).items() if v not in (None, ())}
    if isinstance(nilai, tuple):
        return [_seperti_yaml(v) for v in nilai]
    if isinstance(nilai, Bulan):  # a date known to the month is written as text: 2025-01
        return nilai.isoformat()
    return nilai


def _tanpa_kosong(nilai: object) -> object:
    if isinstance(nilai, dict):
        return {k: _tanpa_kosong(v) for k, v in nilai.items() if v not in (None, [], {})}
    if isinstance(nilai, list):
        return [_tanpa_kosong(v) for v in nilai]
    return nilai


@pytest.mark.parametrize(("akar", "tahun"), [(AKAR / "data", 2024), (CONTOH, 2025), (CONTOH, 2026)])
def test_yaml_records_hold_every_declared_value_as_written(akar: Path, tahun: int):
    d = data.muat(tahun, akar)
    edisi = baca_yaml((akar / str(tahun) / "edisi.yaml").read_text(encoding="utf-8"))
    kepala_tahun = {"kepala": edisi["kepala"]} if "kepala" in edisi else {}  # the year's own head
    for rekaman, path, bawaan, menimpa in (
            (d.instansi, akar / "instansi.yaml", {}, kepala_tahun),
            (d.edisi, akar / str(tahun) / "edisi.yaml", {"sumber_anggaran": "APBD"}, {}),
            (d.isu, akar / str(tahun) / "isu_strategis.yaml", {}, {})):
        ditulis = baca_yaml(path.read_text(encoding="utf-8"))
        assert _seperti_yaml(rekaman) == _tanpa_kosong({**bawaan, **ditulis, **menimpa}), path


@pytest.mark.parametrize(("status", "draf"), [("draf", True), ("Draf", True), ("final", False),
                                              (None, False), ("", False)])
def test_a_draft_is_the_status_draf_in_any_letter_case(status: object, draf: bool):
    assert adalah_draf(status) is draf
