"""A published final is a record, played as the analyst meets it: a correction after publishing
is refused (the published edition untouched) and then re-issued on purpose; the re-issue killed
at its exact steps by real signals (SIGKILL, SIGTERM) leaves the data folder as it was or the
revision recorded, never half of it; `lakip publish` from a fresh clone whose 2024 final was
never tagged. The builds here are HTML only (--no-pdf): what is checked is which edition is
published where, not the print."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from lakip_lib import penerbitan, riwayat, tag_edisi, terbit_ulang

from .conftest import REPO, ubah_sel
from .halaman import teks
from .isian import finalkan, tahun_terisi, tulis_narasi
from .test_makna_masukan import _kepala_di_instansi
from .test_rilis import _git, _isi, _komit, _repo_sementara

ALASAN = "Koreksi realisasi IDG 2024 dari BPS"


def _jalankan(kode_dari: Path, *argumen: str, env: dict[str, str] | None = None,
              cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """`lakip` as the analyst runs it: its own process (so a signal really kills it)."""
    lingkungan = {**os.environ, "PYTHONPATH": str(kode_dari), **(env or {})}
    lingkungan.pop("SOURCE_DATE_EPOCH", None)
    return subprocess.run([sys.executable, "-m", "lakip_lib.cli", *argumen], cwd=cwd or kode_dari,
                          env=lingkungan, capture_output=True, text=True)


def _lakip(kode_dari: Path, *argumen: str, kode: int = 0, **opsi: object) -> str:
    hasil = _jalankan(kode_dari, *argumen, **opsi)  # type: ignore[arg-type]
    assert hasil.returncode == kode, hasil.stdout + hasil.stderr
    return hasil.stdout + hasil.stderr


def test_a_correction_after_publishing_is_refused_and_a_killed_reissue_changes_nothing(
        salinan_data: Path, tmp_path: Path):
    """Data outside a checkout (no git record): the published site is the record. One build of
    2024 (the record), a re-import of its workbook that changes no meaning (kept), then
    re-issues killed before and after their commit point; the builds after the first re-execute
    only what the correction touched."""
    kepala = _kepala_di_instansi(salinan_data)  # 2024's head still instansi.yaml's
    build = tmp_path / "_build"
    data_ = ["--data", str(salinan_data)]
    xlsx = tmp_path / "isian-2024.xlsx"
    _lakip(REPO, *data_, "template", "2024", "--output", str(xlsx))
    _lakip(REPO, *data_, "build", "2024", "--output", str(build), "--no-pdf")
    situs = build / "site"
    terbit = _isi(situs / "2024")
    edisi_yaml = salinan_data / "2024" / "edisi.yaml"

    # A new head in instansi.yaml, then the 2024 workbook imported again: edisi.yaml now names
    # 2024's own head, the one it had. The same edition: the build keeps the published one.
    instansi = salinan_data / "instansi.yaml"
    instansi.write_text(instansi.read_text(encoding="utf-8").replace(
        kepala["nama"], "Dra. SITI RAHMAH, M.Si"), encoding="utf-8")
    _lakip(REPO, *data_, "import", "2024", str(xlsx))
    assert b"kepala:" in edisi_yaml.read_bytes()
    tetap = _lakip(REPO, *data_, "build", "2024", "--output", str(build), "--no-pdf")
    assert "edisi yang terbit tetap berlaku" in tetap and "tidak ditimpa" not in tetap
    assert _isi(situs / "2024") == terbit
    asli = edisi_yaml.read_bytes()

    assert "lakip reissue 2024" in tag_edisi.langkah_berikut(2024, salinan_data, build)
    ubah_sel(salinan_data / "realisasi.csv", 5, "realisasi", "73.50")  # IDG 2024, from BPS
    tolak = _lakip(REPO, *data_, "build", "2024", "--output", str(build), "--no-pdf", kode=1)
    assert "Edisi final 2024 (Final, Januari 2025) sudah terbit" in tolak
    assert "tidak ditimpa" in tolak and "lakip reissue 2024 --reason" in tolak
    assert "lakip serve 2024" in tolak
    assert _isi(situs / "2024") == terbit

    reissue = [*data_, "reissue", "2024", "--reason", ALASAN, "--date", "2026-03-16",
               "--output", str(build), "--no-pdf"]
    for sinyal, kode in (("SIGKILL", -9), ("SIGTERM", -15)):
        mati = _jalankan(REPO, *reissue, env={terbit_ulang.TITIK_UJI: f"sebelum-dicatat:{sinyal}"})
        assert mati.returncode == kode, mati.stdout + mati.stderr
        assert edisi_yaml.read_bytes() == asli, sinyal  # nothing recorded
        assert _isi(situs / "2024") == terbit and _isi(situs / "2024-final") == terbit
    # a later plain build still publishes no revision: it refuses, the record stays
    _lakip(REPO, *data_, "build", "2024", "--output", str(build), "--no-pdf", kode=1)
    assert _isi(situs / "2024") == terbit

    # Killed just after the commit point: the revision is recorded, the superseded final kept;
    # the next build of the year publishes the recorded revision.
    mati = _jalankan(REPO, *reissue, env={terbit_ulang.TITIK_UJI: "setelah-dicatat:SIGTERM"})
    assert mati.returncode == -15, mati.stdout + mati.stderr
    assert edisi_yaml.read_bytes() != asli and b"alasan:" in edisi_yaml.read_bytes()
    assert _isi(situs / "2024") == terbit
    _lakip(REPO, *data_, "build", "2024", "--output", str(build), "--no-pdf")
    assert _isi(situs / "2024-final") == terbit  # the superseded final, wherever the data lives
    r = teks(situs / "2024" / "riwayat_edisi.html")
    assert "Revisi 1" in r and ALASAN in r
    lama = json.loads((situs / "2024-final" / "angka.json").read_text(encoding="utf-8"))
    baru = json.loads((situs / "2024" / "angka.json").read_text(encoding="utf-8"))
    berubah = riwayat.beda(lama, baru)  # the published record against the new revision
    assert [k for k, _, _ in berubah][:2] == ["Indeks Pemberdayaan Gender (IDG): realisasi",
                                              "Indeks Pemberdayaan Gender (IDG): capaian"]
    assert {k for k, _, _ in berubah} <= {"Indeks Pemberdayaan Gender (IDG): realisasi",
                                          "Indeks Pemberdayaan Gender (IDG): capaian",
                                          "Nilai capaian keseluruhan"}  # derived from IDG
    for nama, sebelum, sesudah in berubah:  # exactly these rows, nothing else, on the page
        assert f"{nama} {sebelum} {sesudah}" in r
    assert f"{len(berubah)} angka" in r and "Total anggaran" not in r


def _klon_segar(tmp_path: Path) -> tuple[Path, str]:
    """The project pushed to a bare `origin` with its 2024 final committed but never tagged,
    and a fresh clone of it, as an analyst's new laptop has it."""
    asal = _repo_sementara(tmp_path / "asal")
    komit_2024 = _komit(asal, "LAKIP 2024 final", "2025-01-31T09:00:00+00:00")
    (asal / "README.md").write_text("lakip\n", encoding="utf-8")
    _komit(asal, "Kode sesudahnya", "2025-06-01T09:00:00+00:00")
    origin = tmp_path / "origin.git"
    subprocess.run(["git", "clone", "--quiet", "--bare", str(asal), str(origin)], check=True)
    klon = tmp_path / "klon"
    subprocess.run(["git", "clone", "--quiet", str(origin), str(klon)], check=True)
    for k, v in (("user.name", "Analis"), ("user.email", "analis@contoh.id")):
        _git(klon, "config", k, v)
    return klon, komit_2024


def test_publish_from_a_fresh_clone_whose_2024_final_is_untagged(tmp_path: Path):
    klon, komit_2024 = _klon_segar(tmp_path)
    akar = klon / "data"
    origin = tmp_path / "origin.git"

    # January: 2025 scaffolded, filled in the workbook, made final, imported.
    xlsx = tahun_terisi(akar, tmp_path)
    finalkan(xlsx, "Final, Januari 2026", date(2025, 2, 14))
    tulis_narasi(akar / "2025", "Layanan pengaduan kini buka setiap hari di tiap kecamatan.")
    impor = _lakip(klon, "import", "2025", str(xlsx))
    assert ("Berikutnya: lakip build 2025, periksa hasilnya, lalu terbitkan dengan lakip publish "
            "2025") in impor
    (klon / "README.md").write_text("lakip, disunting\n", encoding="utf-8")  # not the edition's

    tolak = _lakip(klon, "publish", "2025", kode=1)
    assert ("edisi final 2024 belum bertag lakip-2024-final; komit terakhir yang mengubah "
            f"data/2024: {komit_2024[:7]}") in tolak
    assert "lakip publish 2025 --tag-old" in tolak
    assert _git(klon, "tag") == "" and "data/2025/" in _git(klon, "status", "--porcelain")

    terbit = _lakip(klon, "publish", "2025", "--tag-old")
    assert "Tag lakip-2024-final diberikan pada komit" in terbit
    assert "  - data/2025/edisi.yaml" in terbit and "  - data/realisasi.csv" in terbit
    assert "Perubahan lain tidak ikut dalam komit ini" in terbit and "  - README.md" in terbit
    assert "didorong ke origin" in terbit
    head = _git(klon, "rev-parse", "HEAD")
    dikomit = _git(klon, "show", "--name-only", "--format=", "HEAD").splitlines()
    assert dikomit and all(b.startswith("data/") for b in dikomit)
    assert "data/2025/narasi/S1.md" in dikomit  # the new folder, whole
    assert _git(klon, "status", "--porcelain") == "M README.md"
    for repo in (klon, origin):  # pushed: the publishing workflow sees both tags
        assert _git(repo, "rev-parse", "lakip-2024-final^{commit}") == komit_2024
        assert _git(repo, "rev-parse", "lakip-2025-final^{commit}") == head
    assert _git(origin, "rev-parse", "main") == head

    again = _lakip(klon, "publish", "2025", kode=1)
    assert "sudah terbit dengan tag lakip-2025-final" in again and "lakip reissue 2025" in again

    # A correction after publishing: the import says so, the build refuses before building.
    berkas = akar / "realisasi.csv"
    baris = berkas.read_text(encoding="utf-8").splitlines()
    nomor = next(i for i, b in enumerate(baris, start=1) if b.startswith("IKU1,2025,"))
    ubah_sel(berkas, nomor, "realisasi", "74.9")
    tolak = _lakip(klon, "build", "2025", "--output", str(tmp_path / "b"), kode=1)
    assert "Edisi final 2025 sudah terbit (lakip-2025-final" in tolak
    assert "data berikut berubah sejak terbit: data/realisasi.csv." in tolak
    assert "lakip reissue 2025 --reason" in tolak
    assert not (tmp_path / "b" / "site" / "2025").exists()


def test_a_draft_build_ends_with_what_is_still_missing_by_file_and_sheet(
        salinan_data: Path, tmp_path: Path, monkeypatch, capsys):
    from lakip_lib import build, cli, data, tahun_baru

    tahun_baru.buat(2025, salinan_data)
    peringatan = data.muat(2025, salinan_data).peringatan
    monkeypatch.setattr(penerbitan, "bangun_edisi", lambda tahun, *a, **k: build.HasilBuild(
        tahun, Path("situs") / str(tahun), 1.0, [], 16, None, peringatan))
    assert cli.main(["--data", str(salinan_data), "build", "2025", "--no-pdf", "--output",
                     str(tmp_path)]) == 0
    keluaran = capsys.readouterr().out
    assert (f"Yang masih kurang atau perlu diperiksa pada edisi 2025 ({len(peringatan)} "
            "peringatan), per berkas dan lembar buku kerja:") in keluaran
    assert ('  data/2025/target.csv (lembar "target" buku kerja):\n    - baris 2, kolom "dasar": '
            "Peringatan: target IKU IKU1 masih dari Renstra") in keluaran
    assert '  data/realisasi.csv (lembar "realisasi" buku kerja):' in keluaran
    assert "  data/2025/narasi/S1.md (uraian: tulis di berkasnya):" in keluaran
