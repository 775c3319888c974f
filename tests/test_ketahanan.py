"""Faults and reproducibility: a failing notebook, a killed build, two builds at once, and two
clean builds of the same inputs."""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import IO, cast

import pytest

from lakip_lib import book, build, cache, cli, data, eksekusi_notebook, langkah_build

from .conftest import DATA, REPO, beda, isi_edisi


def test_failing_notebook_names_notebook_cell_error_and_partial_copy(tmp_path: Path):
    tugas = [eksekusi_notebook.Eksekusi("bab3_sasaran", "sasaran_s9",
                                        {"tahun": 2024, "sasaran": "S9"})]
    with pytest.raises(langkah_build.BuildGagal) as e:
        eksekusi_notebook.eksekusi_semua(tugas, tmp_path / "src", data.muat(2024), 1,
                                         lambda _: None, cache.CacheEksekusi(tmp_path / "cache"))
    pesan = str(e.value)
    assert "notebooks/bab3_sasaran.ipynb" in pesan and "sel ke-" in pesan
    assert "KeyError" in pesan and "S9" in pesan
    sebagian = Path(re.search(r"diperiksa: (\S+)", pesan).group(1))
    assert sebagian.exists()


def test_second_build_at_the_same_time_refuses_clearly(tmp_path: Path, capsys):
    # The lock as another process holds it: its own open file, flocked. (Within one process
    # gembok_build is re-entrant on purpose: the editions of one `build --all` share it.)
    with (tmp_path / ".kunci").open("w") as lain:
        fcntl.flock(lain, fcntl.LOCK_EX | fcntl.LOCK_NB)
        kode = cli.main(["build", "2024", "--output", str(tmp_path)])
    assert kode == 1
    assert "Build lain sedang berjalan" in capsys.readouterr().err


def _bunuh_saat(folder: Path, baris_progres: str) -> None:
    """Start a real build and SIGKILL its whole process group when it reports a step."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proses = subprocess.Popen([sys.executable, "-m", "lakip_lib.cli", "build", "2024",
                               "--output", str(folder)], cwd=REPO, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              start_new_session=True)
    for baris in cast(IO[str], proses.stdout):  # a pipe: stdout=PIPE above
        if baris.startswith(baris_progres):
            time.sleep(1.0)  # well inside the step
            break
    else:
        pytest.fail(f"build ended before reaching: {baris_progres}")
    os.killpg(proses.pid, signal.SIGKILL)
    proses.wait(timeout=30)
    _peramban_berhenti(folder)


def _peramban_berhenti(folder: Path) -> None:
    """The printer's Chromium (a process group of its own) ends once the killed printer's
    pipe closes: no process is left running with the build folder's browser profile."""
    profil = str(folder / "jb" / "2024" / build.PROFIL_PERAMBAN).encode()

    def tersisa() -> list[Path]:
        hasil = []
        for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
            with contextlib.suppress(OSError):
                if profil in cmdline.read_bytes():
                    hasil.append(cmdline)
        return hasil

    batas = time.monotonic() + 60  # a bound for a stuck browser, not a timing assumption
    while (sisa := tersisa()) and time.monotonic() < batas:
        time.sleep(0.1)
    assert sisa == [], sisa


def test_build_killed_at_any_step_leaves_the_edition_intact_and_next_build_works(
        situs_2024: Path, tmp_path: Path):
    folder = tmp_path / "_build"
    terbit = folder / "site" / "2024"
    shutil.copytree(situs_2024, terbit)
    (terbit / build.STEMPEL).unlink()  # force the builds below past "nothing changed"
    sebelum = {p.name: p.read_bytes() for p in terbit.iterdir() if p.is_file()}
    sementara = set(Path(tempfile.gettempdir()).glob("lakip-chromium-*"))
    for langkah in ("Menjalankan notebook", "Menyusun halaman", "Mencetak PDF"):
        _bunuh_saat(folder, langkah)
        sesudah = {p.name: p.read_bytes() for p in terbit.iterdir() if p.is_file()}
        assert sesudah == sebelum, langkah
    # the killed printers' browser profiles are in the build folder, none in the system's
    assert set(Path(tempfile.gettempdir()).glob("lakip-chromium-*")) == sementara
    ulang = subprocess.run([sys.executable, "-m", "lakip_lib.cli", "build", "2024",
                            "--output", str(folder)], cwd=REPO, capture_output=True,
                           text=True, timeout=900)
    assert ulang.returncode == 0, ulang.stderr
    assert (terbit / "LAKIP-2024-DP3AP2KB-PMD.pdf").stat().st_size > 100_000
    assert (terbit / build.STEMPEL).exists()


def test_a_sphinx_run_killed_while_writing_is_not_trusted_by_the_next_build(tmp_path: Path):
    """What a Sphinx run killed while writing leaves (a page cut short, newer than its source
    so Sphinx counts it up to date, under the mark of a run under way) is started afresh by the
    next build instead of assembled into the PDF's print document. Deterministic: the kill's
    state is made by hand; `test_build_killed_at_any_step…` kills real builds where it falls.
    (A build of its own: a copied build folder's Sphinx environment names another folder, so
    Sphinx would start afresh anyway.)"""
    folder = tmp_path / "_build"
    build.bangun(2024, DATA, folder, lapor=lambda _: None)
    (folder / "site" / "2024" / build.STEMPEL).unlink()  # past "nothing changed"
    kerja = folder / "jb" / "2024"
    halaman = kerja / "out" / "html" / "_build" / "html" / "bab4_penutup.html"
    halaman.write_text(halaman.read_text(encoding="utf-8")[:500], encoding="utf-8")
    (kerja / build.SPHINX_BERJALAN).touch()
    hasil = build.bangun(2024, DATA, folder, lapor=lambda _: None)
    assert '<article class="bd-article"' in (hasil.situs / "bab4_penutup.html").read_text(
        encoding="utf-8")
    assert not (kerja / build.SPHINX_BERJALAN).exists()


def test_two_clean_builds_publish_byte_identical_editions(situs_2024: Path, tmp_path: Path):
    """Executed notebooks carry no time or path (papermill's are dropped), so the _sources
    copies, every page and the data package match byte for byte."""
    kedua = build.bangun(2024, DATA, tmp_path / "_build", lapor=lambda _: None)
    assert beda(isi_edisi(situs_2024), isi_edisi(kedua.situs)) == []
    assert any(k.startswith("_sources/") for k in isi_edisi(kedua.situs))


def test_two_prints_with_every_core_busy_are_byte_identical(situs_2024: Path, tmp_path: Path):
    """What reaches the print waits for events (charts drawn and re-laid out, fonts loaded,
    images decoded), never for a length of time: with every core kept busy by spinning
    processes for the whole test, two prints of the same print document give the same bytes."""
    from lakip_lib import pdf

    from .test_pdf import dicetak

    d = data.muat(2024)
    sibuk = [subprocess.Popen([sys.executable, "-c", "while True: pass"])
             for _ in range(os.cpu_count() or 2)]
    try:
        for nama in ("satu.pdf", "dua.pdf"):
            pdf.cetak(*dicetak(situs_2024), d, tmp_path / nama)
    finally:
        for p in sibuk:
            p.kill()
            p.wait()
    assert (tmp_path / "satu.pdf").read_bytes() == (tmp_path / "dua.pdf").read_bytes()


def test_notebooks_run_in_separate_processes_and_leak_no_state(monkeypatch, tmp_path: Path):
    """Two notebooks executed one after the other by the same pool: what the first defines or
    changes (a global, a module attribute) does not exist in the second."""
    import nbformat

    sumber = tmp_path / "nb"
    sumber.mkdir()
    for nama, kode in (("a", "bocor = 1\nimport lakip_lib.format as f\nf.BOCOR = 1"),
                       ("b", "import lakip_lib.format as f\n"
                             "print('bocor' in globals(), hasattr(f, 'BOCOR'))")):
        nb = nbformat.v4.new_notebook(cells=[
            nbformat.v4.new_code_cell("tahun = 2000", metadata={"tags": ["parameters"]}),
            nbformat.v4.new_code_cell(kode)])
        nbformat.write(nb, sumber / f"{nama}.ipynb")
    monkeypatch.setattr(langkah_build, "NOTEBOOKS", sumber)
    tugas = [eksekusi_notebook.Eksekusi(n, n, {"tahun": 2024}) for n in ("a", "b")]
    eksekusi_notebook.eksekusi_semua(tugas, tmp_path / "src", data.muat(2024), 1, lambda _: None,
                                     cache.CacheEksekusi(tmp_path / "cache"))
    keluaran = nbformat.read(tmp_path / "src" / "b.ipynb", as_version=4).cells[-1].outputs
    assert [o.get("text") for o in keluaran] == ["False False\n"]


def test_a_notebook_is_handed_the_year_the_build_validated(monkeypatch, tmp_path: Path):
    """The build validates the year once and hands it to each notebook (parameter `dimuat`):
    a notebook whose loading would fail (`data.muat` broken in the build, and so in the process
    forked from it) still shows its page, from the year it was given, with its own record of
    reads."""
    import nbformat

    from lakip_lib.book import notebook

    d = data.muat(2024)
    sumber = tmp_path / "nb"
    sumber.mkdir()
    nb = notebook.sumber(book.bagian("sampul", 2024, dimuat=d))
    nb.cells.append(nbformat.v4.new_code_cell("print(b.d.tahun, b.d is dimuat, len(b.d.dibaca) > 0)"))
    nbformat.write(nb, sumber / "sampul.ipynb")
    monkeypatch.setattr(langkah_build, "NOTEBOOKS", sumber)

    def tidak_dimuat_lagi(*_: object) -> None:
        raise AssertionError("dimuat lagi")

    monkeypatch.setattr(data, "muat", tidak_dimuat_lagi)
    eksekusi_notebook.eksekusi_semua([eksekusi_notebook.Eksekusi("sampul", "sampul", {"tahun": 2024})],
                                     tmp_path / "src", d, 1, lambda _: None,
                                     cache.CacheEksekusi(tmp_path / "cache"))
    hasil = nbformat.read(tmp_path / "src" / "sampul.ipynb", as_version=4)
    assert hasil.cells[-1].outputs[0]["text"] == "2024 True True\n"
    assert "# dimuat: given by the build" in hasil.cells[1].source  # the injected parameters
    assert (tmp_path / "eksekusi" / "sampul.dibaca").read_text(encoding="utf-8")


def test_data_loads_identically_twice():
    a, b = data.muat(2024), data.muat(2024)
    assert [x.baris for x in a._tabel.values()] == [x.baris for x in b._tabel.values()]
