"""A published final is compared with the data now by what its inputs mean to it: a re-import
of an old year's workbook that records its head of agency in its own edisi.yaml (the head it
already had) is no change (and its publication date known to the month stays a month), a
changed figure still is."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from lakip_lib import cli, data, makna_masukan, penerbitan

from .conftest import ubah_sel


def _lakip(capsys, *argumen: str) -> str:
    kode = cli.main(list(argumen))
    keluaran = capsys.readouterr()
    assert kode == 0, keluaran.out + keluaran.err
    return keluaran.out + keluaran.err


def _kepala_di_instansi(akar: Path) -> dict[str, str]:
    """The data as written before the head became a fact of the year: 2024's head in
    instansi.yaml, none in its edisi.yaml."""
    edisi = akar / "2024" / "edisi.yaml"
    teks = edisi.read_text(encoding="utf-8")
    kepala = yaml.safe_load(teks)["kepala"]
    edisi.write_text(teks[:teks.index("kepala:")] + teks[teks.index("penilaian:"):],
                     encoding="utf-8")
    instansi = akar / "instansi.yaml"
    instansi.write_text(instansi.read_text(encoding="utf-8") + yaml.safe_dump(
        {"kepala": kepala}, allow_unicode=True), encoding="utf-8")
    return kepala


def test_reimporting_an_old_years_workbook_changes_nothing_its_published_final_depends_on(
        salinan_data: Path, tmp_path: Path, capsys):
    kepala = _kepala_di_instansi(salinan_data)
    terbit = tmp_path / "tag" / "data"  # the data as the tag lakip-2024-final recorded it
    shutil.copytree(salinan_data, terbit)
    akar = ["--data", str(salinan_data)]
    xlsx = tmp_path / "isian-2024.xlsx"
    _lakip(capsys, *akar, "template", "2024", "--output", str(xlsx))  # shows the 2024 head

    # Later the agency's default head in instansi.yaml is a new one (2024 named none of its
    # own), and the 2024 workbook is imported again: its edisi sheet names the 2024 head.
    instansi = salinan_data / "instansi.yaml"
    instansi.write_text(instansi.read_text(encoding="utf-8").replace(
        kepala["nama"], "Dra. SITI RAHMAH, M.Si"), encoding="utf-8")
    _lakip(capsys, *akar, "import", "2024", str(xlsx))
    edisi = (salinan_data / "2024" / "edisi.yaml").read_text(encoding="utf-8")
    assert "kepala:" in edisi
    assert "\ntanggal_terbit: 2025-01   # the signed report" in edisi  # the month, not a day
    assert data.muat(2024, salinan_data).instansi.kepala.nama == kepala["nama"]

    assert penerbitan.berkas_berubah(terbit, salinan_data, 2024) == []
    ubah_sel(salinan_data / "realisasi.csv", 5, "realisasi", "73.50")  # IDG 2024: a real change
    assert penerbitan.berkas_berubah(terbit, salinan_data, 2024) == ["realisasi.csv"]


def test_a_new_head_for_the_years_naming_none_changes_the_published_final(salinan_data: Path,
                                                                          tmp_path: Path):
    """The comparison is by meaning, not blind to the head: a year signed by instansi.yaml's
    head is changed when that head changes."""
    _kepala_di_instansi(salinan_data)
    terbit = tmp_path / "tag" / "data"
    shutil.copytree(salinan_data, terbit)
    instansi = salinan_data / "instansi.yaml"
    instansi.write_text(instansi.read_text(encoding="utf-8").replace(
        "  nip: 19650328 198603 1 008", "  nip: 19700512 199503 2 004"), encoding="utf-8")
    edisi = salinan_data / "2024" / "edisi.yaml"
    edisi.write_text("# komentar baru\n" + edisi.read_text(encoding="utf-8"), encoding="utf-8")
    assert penerbitan.berkas_berubah(terbit, salinan_data, 2024) == ["2024/edisi.yaml"]


def test_the_stamps_meaning_digest_is_blind_to_form_only(salinan_data: Path):
    """What a published final's stamp records of each input (`makna_masukan.sidik`): the
    head moved into the year's edisi.yaml is the same input, a figure is not, and a file the
    loader would refuse is digested by its bytes instead of failing the build."""
    kepala = _kepala_di_instansi(salinan_data)
    sebelum = {p: makna_masukan.sidik(salinan_data, p, 2024)
               for p in ("2024/edisi.yaml", "instansi.yaml", "realisasi.csv")}
    edisi = salinan_data / "2024" / "edisi.yaml"
    edisi.write_text(edisi.read_text(encoding="utf-8") + yaml.safe_dump(
        {"kepala": kepala}, allow_unicode=True), encoding="utf-8")
    instansi = salinan_data / "instansi.yaml"
    instansi.write_text(instansi.read_text(encoding="utf-8").replace(
        kepala["nama"], "Dra. SITI RAHMAH, M.Si"), encoding="utf-8")
    assert {p: makna_masukan.sidik(salinan_data, p, 2024) for p in sebelum} == sebelum
    ubah_sel(salinan_data / "realisasi.csv", 5, "realisasi", "73.50")
    assert makna_masukan.sidik(salinan_data, "realisasi.csv", 2024) != sebelum["realisasi.csv"]
    (salinan_data / "realisasi.csv").write_bytes(b"tahun,realisasi\n2024,\xff\n")
    assert makna_masukan.sidik(salinan_data, "realisasi.csv", 2024).startswith("bait:")
