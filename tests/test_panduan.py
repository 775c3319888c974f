"""The README's guides for the analyst ("Panduan"), each played end to end with the commands it
names: a new head of agency (a fact of the year, entered in the workbook's edisi sheet)."""

from __future__ import annotations

from pathlib import Path

import yaml
from openpyxl import load_workbook

from lakip_lib import cli, data

from .conftest import DATA
from .isian import baris, tulis

KEPALA_BARU = {"kepala.nama": "Dra. SITI RAHMAH, M.Si", "kepala.jabatan": "Kepala Dinas",
               "kepala.pangkat": "Pembina Tingkat I", "kepala.golongan": "IV/b",
               "kepala.nip": "19700512 199503 2 004"}


def _lakip(capsys, *argumen: str, kode: int = 0) -> str:
    hasil = cli.main(list(argumen))
    keluaran = capsys.readouterr()
    assert hasil == kode, keluaran.out + keluaran.err
    return keluaran.out + keluaran.err


def test_guide_new_head_of_agency_signs_from_the_year_entered(salinan_data: Path,
                                                              tmp_path: Path, capsys):
    akar = ["--data", str(salinan_data)]
    lama = data.muat(2024, salinan_data).instansi.kepala
    _lakip(capsys, *akar, "new-year", "2025")
    assert data.muat(2025, salinan_data).instansi.kepala == lama  # carried over to the new year
    xlsx = tmp_path / "isian-2025.xlsx"
    _lakip(capsys, *akar, "template", "2025", "--output", str(xlsx))
    wb = load_workbook(xlsx)
    ws = wb["edisi"]
    isian = {b["isian"]: (nomor, b) for nomor, b in baris(ws)}
    assert isian["kepala.nama"][1]["nilai"] == lama.nama  # the sheet shows who signs now
    for jalur, nilai in KEPALA_BARU.items():
        tulis(ws, isian[jalur][0], {"nilai": nilai})
    wb.save(xlsx)
    _lakip(capsys, *akar, "import", "2025", str(xlsx))

    baru = data.muat(2025, salinan_data).instansi.kepala
    assert (baru.nama, baru.nip, baru.pangkat, baru.golongan) == (
        "Dra. SITI RAHMAH, M.Si", "19700512 199503 2 004", "Pembina Tingkat I", "IV/b")
    assert data.muat(2024, salinan_data).instansi.kepala == lama  # 2024 is not re-signed
    assert (salinan_data / "instansi.yaml").read_bytes() == (DATA / "instansi.yaml").read_bytes()
    assert (salinan_data / "2024" / "edisi.yaml").read_bytes() == \
        (DATA / "2024" / "edisi.yaml").read_bytes()


def test_a_head_of_agency_in_instansi_yaml_still_signs_years_that_name_none(
        salinan_data: Path, capsys):
    """Data written before the head became a fact of the year stays valid."""
    edisi = salinan_data / "2024" / "edisi.yaml"
    isi = yaml.safe_load(edisi.read_text(encoding="utf-8"))
    kepala = isi.pop("kepala")
    teks = edisi.read_text(encoding="utf-8")
    edisi.write_text(teks[:teks.index("kepala:")] + teks[teks.index("penilaian:"):],
                     encoding="utf-8")
    tolak = _lakip(capsys, "--data", str(salinan_data), "validate", "2024", kode=1)
    assert 'data/instansi.yaml, kolom "kepala.nama": kunci wajib ini tidak ada atau kosong. ' \
           "Kepala instansi adalah fakta tahun itu: tulis di data/2024/edisi.yaml" in tolak
    instansi = salinan_data / "instansi.yaml"
    instansi.write_text(instansi.read_text(encoding="utf-8") + yaml.safe_dump(
        {"kepala": kepala}, allow_unicode=True), encoding="utf-8")
    assert data.muat(2024, salinan_data).instansi.kepala.nama == kepala["nama"]
