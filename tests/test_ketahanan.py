"""Faults and reproducibility: a failing notebook, a killed build, two builds at once, and two
clean builds of the same inputs."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lakip_lib import build, cache, cli, data

from .conftest import DATA, REPO


def test_failing_notebook_names_notebook_cell_error_and_partial_copy(tmp_path: Path):
    tugas = [build.Eksekusi("bab3_sasaran", "sasaran_s9", {"year": 2024, "sasaran": "S9"})]
    with pytest.raises(build.BuildGagal) as e:
        build.eksekusi_semua(tugas, tmp_path / "src", DATA, 1, lambda _: None,
                             cache.CacheEksekusi(tmp_path / "cache"))
    pesan = str(e.value)
    assert "notebooks/bab3_sasaran.ipynb" in pesan and "sel ke-" in pesan
    assert "KeyError" in pesan and "S9" in pesan
    sebagian = Path(re.search(r"diperiksa: (\S+)", pesan).group(1))
    assert sebagian.exists()


def test_second_build_at_the_same_time_refuses_clearly(tmp_path: Path, capsys):
    with build.kunci_build(tmp_path):
        kode = cli.main(["build", "2024", "--keluaran", str(tmp_path)])
    assert kode == 1
    assert "Build lain sedang berjalan" in capsys.readouterr().err


def test_killed_build_leaves_the_published_edition_intact(situs_2024: Path, tmp_path: Path):
    folder = tmp_path / "_build"
    (folder / "site").mkdir(parents=True)
    import shutil

    shutil.copytree(situs_2024, folder / "site" / "2024")
    sebelum = {p.name: p.read_bytes() for p in (folder / "site" / "2024").glob("*.html")}
    proses = subprocess.Popen([sys.executable, "-m", "lakip_lib.cli", "build", "2024",
                               "--keluaran", str(folder), "--tanpa-pdf"], cwd=REPO,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              start_new_session=True)
    batas = time.monotonic() + 120
    while not list((folder / "jb" / "2024" / "eksekusi").glob("*.ipynb")):
        assert proses.poll() is None and time.monotonic() < batas, "build did not start"
        time.sleep(0.2)
    import os

    os.killpg(proses.pid, signal.SIGKILL)
    proses.wait(timeout=30)
    sesudah = {p.name: p.read_bytes() for p in (folder / "site" / "2024").glob("*.html")}
    assert sesudah == sebelum
    ulang = subprocess.run([sys.executable, "-m", "lakip_lib.cli", "build", "2024",
                            "--keluaran", str(folder), "--tanpa-pdf"], cwd=REPO,
                           capture_output=True, text=True, timeout=600)
    assert ulang.returncode == 0, ulang.stderr
    assert (folder / "site" / "2024" / "sasaran_s1.html").exists()


def _notebook_tanpa_cap_waktu(path: Path) -> str:
    nb = json.loads(path.read_text())
    nb["metadata"].pop("papermill", None)
    for sel in nb["cells"]:
        sel["metadata"].pop("papermill", None)
        sel["metadata"].pop("execution", None)
    return json.dumps(nb, sort_keys=True)


STEMPEL_TANGGAL = re.compile(r"Terakhir diperbarui pada [^<]*")


def test_two_clean_builds_give_identical_notebooks_and_html(situs_2024: Path, tmp_path: Path):
    kedua = build.bangun(2024, DATA, tmp_path / "_build", lapor=lambda _: None)
    folder_pertama = situs_2024.parent.parent
    src1, src2 = folder_pertama / "jb" / "2024" / "src", tmp_path / "_build" / "jb" / "2024" / "src"
    for nb in sorted(src1.glob("*.ipynb")):
        assert _notebook_tanpa_cap_waktu(nb) == _notebook_tanpa_cap_waktu(src2 / nb.name), nb.name
    for html in sorted(situs_2024.glob("*.html")):
        satu = STEMPEL_TANGGAL.sub("", html.read_text())
        dua = STEMPEL_TANGGAL.sub("", (kedua.situs / html.name).read_text())
        assert satu == dua, html.name


def test_data_loads_identically_twice():
    a, b = data.muat(2024), data.muat(2024)
    assert [x.baris for x in a._tabel.values()] == [x.baris for x in b._tabel.values()]
