"""Faults and reproducibility: a failing notebook, a killed build, two builds at once, and two
clean builds of the same inputs."""

from __future__ import annotations

import json
import os
import re
import shutil
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


def _bunuh_saat(folder: Path, baris_progres: str) -> None:
    """Start a real build and SIGKILL its whole process group when it reports a step."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proses = subprocess.Popen([sys.executable, "-m", "lakip_lib.cli", "build", "2024",
                               "--keluaran", str(folder)], cwd=REPO, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              start_new_session=True)
    assert proses.stdout is not None
    for baris in proses.stdout:
        if baris.startswith(baris_progres):
            time.sleep(1.0)  # well inside the step
            break
    else:
        pytest.fail(f"build ended before reaching: {baris_progres}")
    os.killpg(proses.pid, signal.SIGKILL)
    proses.wait(timeout=30)


def test_build_killed_at_any_step_leaves_the_edition_intact_and_next_build_works(
        situs_2024: Path, tmp_path: Path):
    folder = tmp_path / "_build"
    terbit = folder / "site" / "2024"
    shutil.copytree(situs_2024, terbit)
    (terbit / build.STEMPEL).unlink()  # force the builds below past "nothing changed"
    sebelum = {p.name: p.read_bytes() for p in terbit.iterdir() if p.is_file()}
    for langkah in ("Menjalankan notebook", "Menyusun halaman", "Mencetak PDF"):
        _bunuh_saat(folder, langkah)
        sesudah = {p.name: p.read_bytes() for p in terbit.iterdir() if p.is_file()}
        assert sesudah == sebelum, langkah
    ulang = subprocess.run([sys.executable, "-m", "lakip_lib.cli", "build", "2024",
                            "--keluaran", str(folder)], cwd=REPO, capture_output=True,
                           text=True, timeout=900)
    assert ulang.returncode == 0, ulang.stderr
    assert (terbit / "LAKIP-2024-DP3AP2KB-PMD.pdf").stat().st_size > 100_000
    assert (terbit / build.STEMPEL).exists()


def _notebook_tanpa_cap_waktu(path: Path) -> str:
    nb = json.loads(path.read_text())
    nb["metadata"].pop("papermill", None)
    for sel in nb["cells"]:
        sel["metadata"].pop("papermill", None)
        sel["metadata"].pop("execution", None)
    return json.dumps(nb, sort_keys=True)


STEMPEL_TANGGAL = re.compile(r"Halaman ini dibangun pada [^<]*")  # the declared build date


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


def _papermill_palsu(monkeypatch, galat: list[Exception]) -> list[str]:
    """papermill.execute_notebook that fails with the given errors first, then succeeds."""
    import papermill

    panggilan: list[str] = []

    def jalankan(sumber: str, keluaran: str, **_: object) -> None:
        panggilan.append(sumber)
        if galat:
            raise galat.pop(0)
        Path(keluaran).write_text("{}")

    monkeypatch.setattr(papermill, "execute_notebook", jalankan)
    monkeypatch.setattr(build, "_alihkan_stderr", lambda _: None)
    monkeypatch.setattr(build, "_rapikan", lambda *_: None)
    for nama in ("LAKIP_DATA", "LAKIP_JEJAK"):  # set by the worker; restored after the test
        monkeypatch.setenv(nama, os.environ.get(nama, ""))
    return panggilan


def test_a_kernel_that_never_starts_is_retried(monkeypatch, tmp_path: Path):
    panggilan = _papermill_palsu(monkeypatch, [
        RuntimeError("Kernel died before replying to kernel_info")])
    tugas = build.Eksekusi("ikhtisar", "ikhtisar", {"year": 2024})
    build._jalankan_notebook(tugas, build.NOTEBOOKS, tmp_path, str(DATA))
    assert len(panggilan) == 2 and (tmp_path / "ikhtisar.ipynb").exists()


def test_an_error_of_the_notebook_itself_is_not_retried(monkeypatch, tmp_path: Path):
    panggilan = _papermill_palsu(monkeypatch, [RuntimeError("pembagian dengan nol")])
    tugas = build.Eksekusi("ikhtisar", "ikhtisar", {"year": 2024})
    with pytest.raises(RuntimeError, match="pembagian dengan nol"):
        build._jalankan_notebook(tugas, build.NOTEBOOKS, tmp_path, str(DATA))
    assert len(panggilan) == 1
