"""The `lakip` command as an analyst runs it: exit codes and Indonesian messages."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from .conftest import REPO, ubah_sel


def lakip(*args: str, data: Path | None = None) -> subprocess.CompletedProcess[str]:
    opsi = ["--data", str(data)] if data else []
    return subprocess.run([sys.executable, "-m", "lakip_lib.cli", *opsi, *args], cwd=REPO,
                          capture_output=True, text=True, timeout=120)


def test_validate_2024_passes():
    hasil = lakip("validate", "2024")
    assert hasil.returncode == 0, hasil.stderr
    assert "Data valid" in hasil.stdout


def test_validate_reports_all_problems_and_exits_1(salinan_data):
    ubah_sel(salinan_data / "realisasi.csv", 5, "realisasi", "73,27")
    ubah_sel(salinan_data / "2024" / "desa.csv", 3, "kecamatan", "JUWAI")
    hasil = lakip("validate", "2024", data=salinan_data)
    assert hasil.returncode == 1
    assert 'data/realisasi.csv, baris 5, kolom "realisasi": nilai "73,27"' in hasil.stderr
    assert 'data/2024/desa.csv, baris 3, kolom "kecamatan"' in hasil.stderr
    assert "Ditemukan 2 galat" in hasil.stderr
    assert "Traceback" not in hasil.stderr


def test_audit_prints_findings():
    hasil = lakip("audit", "2024")
    assert hasil.returncode == 0, hasil.stderr
    assert hasil.stdout.startswith("Pemeriksaan konsistensi data tahun 2024:")
    assert "tercetak 98,62%, seharusnya 98,96%" in hasil.stdout


def test_audit_csv_format():
    hasil = lakip("audit", "2024", "--format", "csv")
    assert hasil.stdout.splitlines()[0].startswith("jenis,lokasi,perihal")


def test_audit_on_invalid_data_exits_1(salinan_data):
    ubah_sel(salinan_data / "2024" / "target.csv", 2, "target", "x")
    assert lakip("audit", "2024", data=salinan_data).returncode == 1


def test_unknown_year_exits_1_with_available_years():
    hasil = lakip("validate", "2031")
    assert hasil.returncode == 1
    assert "Tahun yang tersedia: 2024" in hasil.stderr


def test_usage_error_is_indonesian_and_exits_2():
    hasil = lakip("validate")
    assert hasil.returncode == 2
    assert "argumen berikut wajib diisi" in hasil.stderr


def test_help_and_argparse_errors_are_indonesian():
    bantuan = lakip("import", "--help")
    assert bantuan.returncode == 0
    assert bantuan.stdout.startswith("penggunaan: lakip import [-h] tahun berkas")
    assert "tampilkan bantuan ini lalu keluar" in bantuan.stdout
    for inggris in ("usage", "positional arguments", "options:", "show this help"):
        assert inggris not in bantuan.stdout
    salah = lakip("audit", "2024", "--format", "xls")
    assert salah.returncode == 2
    assert ("argumen --format: pilihan 'xls' tidak dikenal (pilihan yang sah: 'teks', 'csv')"
            in salah.stderr)
    assert "argumen tahun: 'dua ribu' bukan bilangan bulat" in lakip("validate",
                                                                       "dua ribu").stderr


_TANPA_PERUBAHAN = """
import json, sys
from lakip_lib import cli
kode = cli.main(sys.argv[1:])
print(json.dumps({"kode": kode, "modul": sorted(sys.modules)}))
"""


def test_build_with_nothing_changed_imports_nothing_of_the_book(salinan_data, tmp_path):
    """An up-to-date edition (its stamp records today's input fingerprint) stops the build after
    the fingerprint: the book, validation, the cache, Sphinx and the chart libraries are never
    imported (what an unchanged `lakip build` costs is the interpreter and light modules)."""
    from lakip_lib import rilis, sidik_edisi

    situs = tmp_path / "build" / "site"
    bahan = sidik_edisi.bahan_sidik(2024, salinan_data.resolve(), False, situs.resolve())
    (situs / "2024").mkdir(parents=True)
    (situs / "2024" / rilis.STEMPEL).write_text(json.dumps(
        {"tahun": 2024, "masukan": sidik_edisi.sidik_masukan(bahan), "status": "draf"}))
    hasil = subprocess.run(
        [sys.executable, "-c", _TANPA_PERUBAHAN, "--data", str(salinan_data), "build", "2024",
         "--output", str(tmp_path / "build"), "--no-pdf"],
        cwd=REPO, capture_output=True, text=True, timeout=120,
        env={**os.environ, rilis.TANPA_RILIS: "1"})
    assert hasil.returncode == 0, hasil.stderr
    assert "Tidak ada masukan yang berubah" in hasil.stdout
    akhir = json.loads(hasil.stdout.strip().splitlines()[-1])
    assert akhir["kode"] == 0
    berat = {"lakip_lib.data", "lakip_lib.build", "lakip_lib.book", "lakip_lib.cache",
             "lakip_lib.schema", "lakip_lib.aturan", "lakip_lib.penyusun", "lakip_lib.portal",
             "lakip_lib.tampilan", "altair", "pandas", "sphinx", "nbformat", "markdown_it"}
    assert berat.isdisjoint(akhir["modul"]), sorted(berat & set(akhir["modul"]))
