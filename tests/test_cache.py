"""The build cache is correct: a changed input re-executes exactly the notebooks that read it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lakip_lib import build

from .conftest import sel, ubah_sel


def bangun(data: Path, folder: Path, **kw: object) -> build.HasilBuild:
    return build.bangun(2024, data, folder, lapor=lambda _: None, dengan_pdf=False, **kw)


def dijalankan(hasil: build.HasilBuild) -> set[str]:
    return set(hasil.eksekusi.waktu)


def pembaca(folder: Path, berkas: str) -> set[str]:
    """Notebooks whose recorded reads include a data file (from the cache's own records)."""
    hasil = set()
    for meta in (folder / "cache" / "eksekusi" / "2024").glob("*.json"):
        if berkas in json.loads(meta.read_text())["dibaca"]:
            hasil.add(meta.stem)
    return hasil


@pytest.fixture(scope="module")
def awal(tmp_path_factory: pytest.TempPathFactory):
    import shutil

    from .conftest import DATA

    akar = tmp_path_factory.mktemp("cache")
    data = akar / "data"
    shutil.copytree(DATA, data)
    folder = akar / "_build"
    hasil = bangun(data, folder)
    return data, folder, hasil


def test_first_build_executes_every_notebook(awal):
    _, _, hasil = awal
    assert len(dijalankan(hasil)) == 12 and hasil.eksekusi.dari_cache == []


def test_unchanged_inputs_execute_nothing_and_keep_the_edition(awal):
    data, folder, _ = awal
    situs = folder / "site" / "2024" / "sampul.html"
    sebelum = situs.stat().st_mtime_ns
    hasil = bangun(data, folder)
    assert dijalankan(hasil) == set() and len(hasil.eksekusi.dari_cache) == 12
    assert situs.stat().st_mtime_ns == sebelum


def test_changed_data_file_reexecutes_exactly_its_readers(awal):
    data, folder, _ = awal
    berkas = data / "2024" / "cpr_kecamatan.csv"
    harapan = pembaca(folder, "2024/cpr_kecamatan.csv")
    assert "sasaran_s3" in harapan and len(harapan) < 12
    ubah_sel(berkas, 2, "kb_aktif", str(int(sel(berkas, 2, "kb_aktif")) + 1))
    hasil = bangun(data, folder)
    assert dijalankan(hasil) == harapan
    assert "2.505" in (folder / "site" / "2024" / "sasaran_s3.html").read_text()


def test_changed_narrative_reexecutes_only_its_sasaran(awal):
    data, folder, _ = awal
    narasi = data / "2024" / "narasi" / "S2.md"
    narasi.write_text(narasi.read_text() + "\nKalimat tambahan untuk uji cache.\n")
    assert dijalankan(bangun(data, folder)) == {"sasaran_s2"}


def test_corrupt_cache_entry_is_detected_and_rebuilt(awal):
    data, folder, _ = awal
    entri = folder / "cache" / "eksekusi" / "2024" / "ikhtisar.ipynb"
    entri.write_text(entri.read_text()[:100])
    (folder / "site" / "2024" / build.STEMPEL).unlink()
    hasil = bangun(data, folder)
    assert dijalankan(hasil) == {"ikhtisar"}
    assert len(json.loads(entri.read_text())["cells"]) > 3


def test_force_executes_everything(awal):
    data, folder, _ = awal
    assert len(dijalankan(bangun(data, folder, paksa=True))) == 12
