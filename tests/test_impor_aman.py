"""`lakip import` with untrusted or odd workbooks, and under faults: what Excel shows is what is
imported, odd workbooks are refused quickly with a message, and the import commits all files or
none — across a real kill and a full disk."""

from __future__ import annotations

import json
import os
import re
import resource
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from lakip_lib import cli, data, jurnal

from .conftest import REPO
from .isian import baris, kolom, tahun_terisi
from .test_buku_kerja import _impor_gagal, _isi, _ubah


@pytest.fixture
def tahun_2025(salinan_data: Path, tmp_path: Path) -> tuple[Path, Path]:
    """A scaffolded draft 2025 and its template, filled in."""
    return salinan_data, tahun_terisi(salinan_data, tmp_path)


def _lakip(akar: Path, *argumen: str, **opsi) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "lakip_lib.cli", "--data", str(akar), *argumen],
                          cwd=REPO, capture_output=True, text=True, timeout=300, **opsi)


def _ganti_xml(xlsx: Path, lembar: str, ubah) -> None:
    """Rewrite one sheet's XML inside the .xlsx (what another spreadsheet app might write)."""
    wb = load_workbook(xlsx, read_only=True)
    bagian = wb[lembar]._worksheet_path
    wb.close()
    salinan = xlsx.with_suffix(".lama")
    xlsx.rename(salinan)
    with zipfile.ZipFile(salinan) as masuk, zipfile.ZipFile(xlsx, "w", zipfile.ZIP_DEFLATED) as k:
        for info in masuk.infolist():
            isi = masuk.read(info)
            k.writestr(info, ubah(isi.decode("utf-8")).encode("utf-8") if info.filename == bagian
                       else isi)


def test_a_formula_uses_its_cached_value_or_is_refused(tahun_2025, capsys):
    akar, xlsx = tahun_2025
    _ubah(xlsx, "realisasi", 2, realisasi="=70+4.6")  # openpyxl stores no cached value
    laporan = _impor_gagal(akar, 2025, xlsx, capsys)
    assert ('lembar "realisasi", baris 2, kolom "Realisasi (satuan indikator)": sel berisi '
            "rumus =70+4.6 yang belum pernah dihitung Excel") in laporan
    # Excel saves the value it computed beside the formula: that value is imported
    _ganti_xml(xlsx, "realisasi", lambda x: x.replace("<f>70+4.6</f><v />",
                                                      "<f>70+4.6</f><v>74.6</v>"))
    assert _lakip(akar, "import", "2025", str(xlsx)).returncode == 0
    d = data.muat(2025, akar)
    assert str(d["realisasi"].satu(indikator="IKU1", tahun=2025)["realisasi"]) == "74.6"


def test_a_formula_whose_value_is_an_excel_error_is_named_as_a_formula(tahun_2025, capsys):
    """Excel saves #VALUE! beside a formula it could not compute: the message names the formula
    and its text, not the error alone."""
    akar, xlsx = tahun_2025
    _ubah(xlsx, "realisasi", 2, realisasi="=70+4.6")
    _ganti_xml(xlsx, "realisasi", lambda x: re.sub(
        r'(<c r="[A-Z]+2"[^>]*?)( t="[a-z]+")?><f>70\+4\.6</f><v ?/>',
        r'\1 t="e"><f>70+&quot;empat&quot;</f><v>#VALUE!</v>', x))
    laporan = _impor_gagal(akar, 2025, xlsx, capsys)
    assert ('lembar "realisasi", baris 2, kolom "Realisasi (satuan indikator)": sel berisi rumus '
            '=70+"empat" yang hasilnya galat Excel #VALUE!: rumus itu tidak dapat dihitung') \
        in laporan
    assert laporan.count("baris 2, kolom \"Realisasi") == 1  # one message for the cell


def test_an_invalid_cell_is_not_also_reported_as_cleared(tahun_2025, capsys):
    akar, xlsx = tahun_2025
    assert _lakip(akar, "import", "2025", str(xlsx)).returncode == 0  # IKU1 2025 imported
    _ubah(xlsx, "realisasi", 2, realisasi="74,12")
    laporan = _impor_gagal(akar, 2025, xlsx, capsys)
    assert 'baris 2, kolom "Realisasi (satuan indikator)": sel berisi teks "74,12"' in laporan
    assert "dikosongkan" not in laporan


def test_a_percentage_formatted_cell_imports_the_percentage_shown(tahun_2025):
    akar, xlsx = tahun_2025
    wb = load_workbook(xlsx)
    nomor = next(n for n, b in baris(wb["realisasi"]) if b["indikator"] == "IKU1")
    sel = wb["realisasi"].cell(row=nomor, column=kolom(wb["realisasi"]).index("realisasi") + 1,
                               value=0.9804)
    sel.number_format = "0.00%"  # Excel shows 98,04%
    wb.save(xlsx)
    assert _lakip(akar, "import", "2025", str(xlsx)).returncode == 0
    assert str(data.muat(2025, akar)["realisasi"].satu(indikator="IKU1", tahun=2025)[
        "realisasi"]) == "98.04"


def test_merged_cells_and_hidden_sheets_are_refused(tahun_2025, capsys):
    akar, xlsx = tahun_2025
    wb = load_workbook(xlsx)
    wb["desa"].merge_cells("C2:C3")
    wb["skala_kategori"].sheet_state = "hidden"
    wb.save(xlsx)
    laporan = _impor_gagal(akar, 2025, xlsx, capsys)
    assert 'lembar "desa": lembar ini memuat sel yang digabung (C2:C3). Pisahkan dulu' in laporan
    assert 'lembar "skala_kategori": lembar ini disembunyikan.' in laporan


_BARIS_JAUH = ('<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row>'
               "</sheetData>")
_BARIS_BANYAK = "".join(f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>x</t></is></c></row>'
                        for r in range(200, 20_200)) + "</sheetData>"
_TANPA_DIMENSI = (r'<dimension ref="[^"]*"\s*/>', "")


@pytest.mark.parametrize("baris_baru, dimensi", [
    (_BARIS_JAUH, (r'<dimension ref="[^"]*"\s*/>', '<dimension ref="A1:D1048576"/>')),
    (_BARIS_JAUH, _TANPA_DIMENSI),
    (_BARIS_BANYAK, _TANPA_DIMENSI),
], ids=["dimensi-sejuta", "baris-sejuta-tanpa-dimensi", "dua-puluh-ribu-baris"])
def test_a_sheet_of_a_million_rows_is_refused(tahun_2025, capsys, baris_baru, dimensi):
    akar, xlsx = tahun_2025
    _ganti_xml(xlsx, "realisasi", lambda x: re.sub(*dimensi, x.replace("</sheetData>",
                                                                        baris_baru)))
    laporan = _impor_gagal(akar, 2025, xlsx, capsys)
    assert 'lembar "realisasi": lembar ini berisi lebih dari 10.000 baris' in laporan


def test_an_oversized_workbook_is_refused_before_it_is_read(tahun_2025, capsys):
    akar, xlsx = tahun_2025
    with zipfile.ZipFile(xlsx, "a", zipfile.ZIP_DEFLATED) as z:  # 200 MB of zeros, ~200 KB zipped
        with z.open("xl/media/isi.bin", "w", force_zip64=True) as f:
            for _ in range(200):
                f.write(bytes(1 << 20))
    laporan = _impor_gagal(akar, 2025, xlsx, capsys)
    assert "berkas ini terlalu besar untuk buku kerja LAKIP" in laporan


_MATI = """
import os, signal, sys
from lakip_lib import cli
asli, hitung = os.replace, [0]
def ganti(a, b):
    if str(b).endswith("{sebelum}"):
        os.kill(os.getpid(), signal.SIGKILL)
    asli(a, b)
    hitung[0] += 1
    if hitung[0] == {setelah}:
        os.kill(os.getpid(), signal.SIGKILL)
os.replace = ganti
sys.exit(cli.main(sys.argv[1:]))
"""


def _impor_dibunuh(akar: Path, xlsx: Path, sebelum: str = "-", setelah: int = -1) -> None:
    """`lakip import` killed (SIGKILL) just before replacing a path ending in `sebelum`, or just
    after the `setelah`-th replacement."""
    skrip = _MATI.format(sebelum=sebelum, setelah=setelah)
    mati = subprocess.run([sys.executable, "-c", skrip, "--data", str(akar), "import", "2025",
                           str(xlsx)], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert mati.returncode == -9, mati.stderr


def test_an_import_killed_between_file_replacements_is_finished_by_the_next_import_only(
        tahun_2025, tmp_path: Path):
    akar, xlsx = tahun_2025
    utuh = tmp_path / "utuh"
    shutil.copytree(akar, utuh)
    assert _lakip(utuh, "import", "2025", str(xlsx)).returncode == 0  # the uninterrupted result
    sebelum = _isi(akar)

    _impor_dibunuh(akar, xlsx, setelah=2)  # the journal's commit, one data file, killed
    setengah = _isi(akar)
    assert (akar / jurnal.JURNAL).exists()
    berubah = [p for p in setengah if setengah[p] != sebelum.get(p)
               and not Path(p).name.startswith(".")]
    assert len(berubah) == 1  # out of step: one file new, the others old

    periksa = _lakip(akar, "validate", "2025")  # a reading command reads nothing half-imported
    assert periksa.returncode == 1, periksa.stderr
    assert "impor sebelumnya terhenti sebelum selesai" in periksa.stderr
    assert "menjalankan ulang lakip import" in periksa.stderr
    assert _isi(akar) == setengah  # and acts on nothing

    ulang = _lakip(akar, "import", "2025", str(xlsx))
    assert ulang.returncode == 0, ulang.stderr
    assert "Impor sebelumnya sempat terhenti; kini diselesaikan" in ulang.stderr
    assert _isi(akar) == _isi(utuh)  # exactly what the uninterrupted import wrote


def _pohon(folder: Path) -> dict[str, bytes | str]:
    """Every file and symlink under `folder`: bytes, or where a link points."""
    return {str(p.relative_to(folder)): (f"-> {os.readlink(p)}" if p.is_symlink()
                                         else p.read_bytes())
            for p in sorted(folder.rglob("*")) if p.is_symlink() or p.is_file()}


# A committed journal aims os.replace where it likes; `luar` is a folder beside data/.
_JURNAL_JAHAT = {
    "absolute paths": lambda luar: [[str(luar / ".korban.csv.impor"), str(luar / "korban.csv")]],
    "../ to a .pth": lambda luar: [["../luar/.jahat.pth.impor", "../luar/jahat.pth"]],
    "an outside file pulled into data/": lambda luar: [[str(luar / "rahasia.csv"),
                                                         "2024/edisi.yaml"]],
    "through a symlinked folder": lambda luar: [["tautan/.korban.csv.impor", "tautan/korban.csv"]],
    "a staged name not ours": lambda luar: [["realisasi.csv", "indikator.csv"]],
    "a staged copy that is a symlink": lambda luar: [[".sasaran.csv.impor", "sasaran.csv"]],
    "a target that is not a data file": lambda luar: [["2024/.x.py.impor", "2024/x.py"]],
    "deeper than a year folder": lambda luar: [["a/b/.c.csv.impor", "a/b/c.csv"]],
    "not a list of pairs": lambda luar: {"tmp": "../luar/korban.csv"},
    "a pair of three": lambda luar: [[".a.csv.impor", "a.csv", "x"]],
    "not JSON": lambda luar: "[[",
}


@pytest.mark.parametrize("jahat", _JURNAL_JAHAT.values(), ids=_JURNAL_JAHAT.keys())
def test_a_hostile_journal_moves_nothing_and_reading_commands_never_act_on_it(
        salinan_data: Path, jahat, capsys):
    akar = salinan_data
    luar = akar.parent / "luar"
    luar.mkdir()
    for nama in (".korban.csv.impor", "korban.csv", ".jahat.pth.impor", "rahasia.csv"):
        (luar / nama).write_text(f"isi {nama}\n", encoding="utf-8")
    (akar / "tautan").symlink_to(luar)
    (akar / ".sasaran.csv.impor").symlink_to(luar / "rahasia.csv")
    isi = jahat(luar)
    (akar / jurnal.JURNAL).write_text(isi if isinstance(isi, str) else json.dumps(isi),
                                      encoding="utf-8")
    sebelum = _pohon(akar.parent)

    for perintah in (["validate", "2024"], ["audit", "2024"], ["build", "2024"]):
        assert cli.main(["--data", str(akar), *perintah]) == 1
        pesan = capsys.readouterr().err
        assert "impor sebelumnya terhenti sebelum selesai" in pesan, pesan
        assert _pohon(akar.parent) == sebelum

    assert cli.main(["--data", str(akar), "import", "2024", str(akar / "tidak-ada.xlsx")]) == 1
    pesan = capsys.readouterr().err
    assert f"{akar / jurnal.JURNAL} bukan jurnal impor yang ditulis lakip" in pesan, pesan
    assert "Tidak ada berkas yang dipindahkan" in pesan and len(pesan.splitlines()) == 1
    assert _pohon(akar.parent) == sebelum


def test_an_import_killed_before_its_commit_leaves_the_old_files(tahun_2025):
    akar, xlsx = tahun_2025
    sebelum = _isi(akar)
    _impor_dibunuh(akar, xlsx, sebelum=jurnal.JURNAL)
    assert any(p.endswith(jurnal.AKHIRAN) for p in _isi(akar))  # staged copies left behind
    assert _lakip(akar, "import", "2025", str(xlsx)).returncode == 0  # they are cleaned up
    assert not any(p.endswith(jurnal.AKHIRAN) for p in _isi(akar))
    assert _isi(akar) != sebelum


def test_a_full_disk_gives_a_short_message_and_changes_nothing(tahun_2025):
    akar, xlsx = tahun_2025
    sebelum = _isi(akar)

    def disk_hampir_penuh() -> None:  # writes beyond 4 KiB fail as on a full disk
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    hasil = _lakip(akar, "import", "2025", str(xlsx), preexec_fn=disk_hampir_penuh)
    assert hasil.returncode == 1, hasil.stderr
    assert "Tidak ada yang diubah: ruang disk tidak cukup untuk menulis" in hasil.stderr
    assert "Traceback" not in hasil.stderr and len(hasil.stderr.splitlines()) == 1
    assert _isi(akar) == sebelum  # no half-written file, no leftover
