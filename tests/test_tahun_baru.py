"""Every January: scaffold a new year, build its draft beside the published 2024 edition."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lakip_lib import build, cli, data, tahun_baru

from .halaman import teks


def test_scaffold_keeps_structure_and_leaves_realisasi_empty(salinan_data: Path):
    folder = tahun_baru.buat(2025, salinan_data)
    d = data.muat(2025, salinan_data)
    assert d.edisi.draf and d.edisi.label == "Draf"
    assert len(d["desa"].baris) == 153 and {b["status_idm"] for b in d["desa"].baris} == {None}
    assert len(d["anggaran"].baris) == 109
    assert {b["anggaran"] for b in d["anggaran"].baris} == {None}
    assert len(d["program_kinerja"].baris) == 77
    assert {b["realisasi"] for b in d["program_kinerja"].baris} == {None}
    assert {(b["indikator"], str(b["target"]), b["dasar"]) for b in d["target"].baris} == {
        ("IKU1", "75", "renstra"), ("IKU2", "5.5", "renstra"), ("IKU3", "2.32", "renstra"),
        ("IKU4", "38.96", "renstra")}
    assert "## Penyebab keberhasilan" in (folder / "narasi" / "S1.md").read_text()
    pesan = [m.pesan for m in d.peringatan]
    assert any("realisasi IKU3 tahun 2025 belum tersedia" in p for p in pesan)


def test_new_year_refuses_to_overwrite(salinan_data: Path, capsys):
    tahun_baru.buat(2025, salinan_data)
    kode = cli.main(["--data", str(salinan_data), "new-year", "2025"])
    assert kode == 1 and "tidak menimpa" in capsys.readouterr().err


def test_new_year_outside_renstra_is_refused(salinan_data: Path):
    with pytest.raises(tahun_baru.TahunBaruGagal, match="di luar periode Renstra"):
        tahun_baru.buat(2027, salinan_data, dari=2024)


def test_draft_builds_beside_2024_without_touching_it(salinan_data: Path, tmp_path: Path):
    tahun_baru.buat(2025, salinan_data)
    folder = tmp_path / "_build"
    build.bangun(2024, salinan_data, folder, lapor=lambda _: None, dengan_pdf=False)
    situs24 = folder / "site" / "2024"
    sebelum = {p: p.read_bytes() for p in situs24.rglob("*") if p.is_file()}
    hasil = build.bangun(2025, salinan_data, folder, lapor=lambda _: None, dengan_pdf=False)
    assert {p: p.read_bytes() for p in situs24.rglob("*") if p.is_file()} == sebelum
    edisi = json.loads((folder / "site" / "editions.json").read_text())
    assert [(e["tahun"], e["label"]) for e in edisi] == [(2025, "Draf"),
                                                         (2024, "Final, Januari 2025")]
    s1 = teks(hasil.situs / "sasaran_s1.html")
    assert "Realisasi Indeks Pemberdayaan Gender (IDG) tahun 2025 belum tersedia" in s1
    assert "angka terakhir yang tercatat adalah 73,27 pada tahun 2024" in s1
    ikhtisar = teks(hasil.situs / "ikhtisar.html")
    assert "belum tersedia" in ikhtisar and "Rp0" not in ikhtisar
    assert "LAKIP 2025 · Draf" in ikhtisar
