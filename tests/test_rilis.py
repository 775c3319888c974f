"""A final edition is a public record: played in a temporary git repository the way the release
routine runs (README, "Menerbitkan edisi"), plus the workflow file and the small pieces."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from lakip_lib import cli, rilis, riwayat
from lakip_lib.rekaman import ButirRevisi, Edisi

from .browser import peramban, server
from .conftest import REPO, ubah_sel
from .halaman import teks
from .test_aksesibilitas import ATURAN, AXE

KALIMAT_LAMA = '" Target tahun ini "'
KALIMAT_BARU = '" Target tahun anggaran ini "'


def _git(repo: Path, *argumen: str, tanggal: str = "2025-01-31T09:00:00+00:00") -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Analis", "GIT_AUTHOR_EMAIL": "analis@contoh.id",
           "GIT_COMMITTER_NAME": "Analis", "GIT_COMMITTER_EMAIL": "analis@contoh.id",
           "GIT_AUTHOR_DATE": tanggal, "GIT_COMMITTER_DATE": tanggal}
    return subprocess.run(["git", "-C", str(repo), *argumen], env=env, check=True,
                          capture_output=True, text=True).stdout.strip()


def _repo_sementara(tujuan: Path) -> Path:
    """This project's files (tracked and new, not ignored) in a fresh git repository."""
    daftar = subprocess.run(["git", "-C", str(REPO), "ls-files", "--cached", "--others",
                             "--exclude-standard", "-z"], check=True, capture_output=True,
                            text=True).stdout.split("\0")
    for nama in filter(None, daftar):
        asal = REPO / nama
        if asal.is_file() and not asal.is_symlink():
            (tujuan / nama).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(asal, tujuan / nama)
    _git(tujuan, "init", "--quiet", "--initial-branch=main")
    return tujuan


def _komit(repo: Path, pesan: str, tanggal: str) -> str:
    _git(repo, "add", "-A", tanggal=tanggal)
    _git(repo, "commit", "--quiet", "-m", pesan, tanggal=tanggal)
    return _git(repo, "rev-parse", "HEAD")


def _lakip(repo: Path, *argumen: str, kode: int = 0) -> str:
    """The repository's own `lakip` (its code, its data), as the workflow runs it."""
    env = {**os.environ, "PYTHONPATH": str(repo)}
    env.pop("SOURCE_DATE_EPOCH", None)
    hasil = subprocess.run([sys.executable, "-m", "lakip_lib.cli", *argumen], cwd=repo, env=env,
                           capture_output=True, text=True)
    assert hasil.returncode == kode, hasil.stdout + hasil.stderr
    return hasil.stdout + hasil.stderr


def _isi(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


def test_final_edition_is_frozen_then_reissued_with_its_history(tmp_path: Path):
    repo = _repo_sementara(tmp_path / "repo")
    final = _komit(repo, "LAKIP 2024 final", "2025-01-31T09:00:00+00:00")
    _git(repo, "tag", "lakip-2024-final")

    # The tag is pushed: the workflow publishes 2024 (with its PDF) from this commit.
    _lakip(repo, "build", "--all", "--output", str(tmp_path / "terbit1"))
    pertama = tmp_path / "terbit1" / "site" / "2024"
    assert rilis.stempel(pertama)["komit"] == final
    assert "31 Januari 2025" in teks(pertama / "sasaran_s1.html")  # build date: the commit's

    # A developer changes a sentence template; the next publication (a fresh runner) keeps 2024.
    prosa = repo / "lakip_lib" / "prosa.py"
    assert KALIMAT_LAMA in prosa.read_text(encoding="utf-8")
    prosa.write_text(prosa.read_text(encoding="utf-8").replace(KALIMAT_LAMA, KALIMAT_BARU),
                     encoding="utf-8")
    _komit(repo, "Kalimat target", "2026-03-10T09:00:00+00:00")
    keluaran = _lakip(repo, "build", "--all", "--output", str(tmp_path / "terbit2"))
    assert f"dibangun dari komit {final[:10]} (lakip-2024-final)" in keluaran
    situs = tmp_path / "terbit2" / "site"
    assert _isi(situs / "2024") == _isi(pertama)
    assert not rilis.daftar_revisi(yaml.safe_load((repo / "data/2024/edisi.yaml").read_text()))

    # A correction is due: one realisasi, and the new sentence. Re-issue on purpose.
    ubah_sel(repo / "data" / "realisasi.csv", 5, "realisasi", "73.50")
    alasan = "Koreksi realisasi IDG 2024 dari BPS & perbaikan kalimat <target>"
    keluaran = _lakip(repo, "reissue", "2024", "--reason", alasan, "--date",
                      "2026-03-16", "--output", str(tmp_path / "terbit2"), "--no-pdf")
    assert "lakip publish 2024" in keluaran
    revisi = situs / "2024"
    s1 = teks(revisi / "sasaran_s1.html")
    assert "Target tahun anggaran ini" in s1 and "73,50" in s1
    assert "LAKIP 2024 · Final, Januari 2025 · Revisi 1, Maret 2026" in s1
    lama = situs / "2024-final"
    assert _isi(lama) == _isi(pertama)  # the superseded revision, pages and PDF, as published
    assert "Target tahun ini" in teks(lama / "sasaran_s1.html")

    r = teks(revisi / "riwayat_edisi.html")
    assert "Terbit pertama (final)" in r and "Januari 2025" in r
    assert "31 Januari 2025" not in r  # the signed report gives the month only, so does the data
    assert "Revisi 1" in r and "16 Maret 2026" in r and alasan in r
    assert "Indeks Pemberdayaan Gender (IDG): realisasi 73,27 73,50" in r
    assert "Indeks Pemberdayaan Gender (IDG): capaian 98,96% 99,27%" in r
    assert "Total anggaran" not in r  # only figures that differ
    halaman = (revisi / "riwayat_edisi.html").read_text(encoding="utf-8")
    assert "&lt;target&gt;" in halaman and "<target>" not in halaman
    assert 'href="../2024-final/LAKIP-2024-DP3AP2KB-PMD.pdf"' in halaman

    edisi = json.loads((situs / "editions.json").read_text(encoding="utf-8"))
    assert "sasaran_s1.html" in edisi[1]["halaman"]
    assert [(e["url"], e["label"]) for e in edisi] == [
        ("2024/index.html", "Final, Januari 2025 · Revisi 1, Maret 2026"),
        ("2024-final/index.html", "Final, Januari 2025")]
    with server(situs) as url, peramban() as b:
        page = b.new_page(bypass_csp=True)  # the auditor's own script is injected inline
        page.goto(f"{url}/2024/riwayat_edisi.html", wait_until="load")
        page.add_script_tag(path=str(AXE))
        assert page.evaluate(
            "async aturan => (await axe.run(document, {runOnly: aturan})).violations"
            ".filter(v => ['serious', 'critical'].includes(v.impact)).map(v => v.id)", ATURAN) == []
        for tautan in page.locator("ul.lakip-revisi-lama a").all():
            assert page.request.get(tautan.evaluate("a => a.href")).ok
        page.goto(f"{url}/2024-final/sasaran_s1.html")  # an old link keeps working
        pilih = page.locator("select.lakip-pilih-edisi")
        pilih.wait_for(timeout=10_000)
        assert pilih.locator("option").all_inner_texts() == [
            "Edisi 2024 (Final, Januari 2025 · Revisi 1, Maret 2026)",
            "Edisi 2024 (Final, Januari 2025) — digantikan"]
        assert pilih.evaluate("s => s.selectedIndex") == 1
        pilih.select_option(index=0)
        page.wait_for_url("**/2024/sasaran_s1.html", timeout=10_000)

    # Recorded and tagged, the next publication builds each revision from its own tag.
    revisi_1 = _komit(repo, "LAKIP 2024 revisi 1", "2026-03-16T09:00:00+00:00")
    _git(repo, "tag", "lakip-2024-r1")
    (repo / "README.md").write_text("lakip\n", encoding="utf-8")
    _komit(repo, "Sesudahnya", "2026-04-01T09:00:00+00:00")
    isi_edisi = yaml.safe_load((repo / "data/2024/edisi.yaml").read_text(encoding="utf-8"))
    assert rilis.rencana(repo, 2024, isi_edisi) == [
        rilis.Revisi(2024, 0, "2024-final", final), rilis.Revisi(2024, 1, "2024", revisi_1)]


def test_a_shallow_checkout_refuses_to_rebuild_final_editions(tmp_path: Path):
    repo = _repo_sementara(tmp_path / "repo")
    _komit(repo, "satu", "2025-01-31T09:00:00+00:00")
    (repo / "README.md").write_text("lakip\n", encoding="utf-8")
    _komit(repo, "dua", "2025-02-01T09:00:00+00:00")
    dangkal = tmp_path / "dangkal"
    subprocess.run(["git", "clone", "--quiet", "--depth", "1", f"file://{repo}", str(dangkal)],
                   check=True)
    keluaran = _lakip(dangkal, "build", "--all", "--output", str(tmp_path / "b"), kode=1)
    assert "dangkal (shallow)" in keluaran and "fetch-depth: 0" in keluaran
    assert not (tmp_path / "b" / "site").exists()


def test_the_publishing_job_refuses_a_final_edition_without_its_tag(tmp_path: Path):
    repo = _repo_sementara(tmp_path / "repo")
    _komit(repo, "satu", "2025-01-31T09:00:00+00:00")
    keluaran = _lakip(repo, "build", "--all", "--require-tag", "--output", str(tmp_path / "b"),
                      kode=1)
    assert "Edisi final 2024 belum bertag lakip-2024-final" in keluaran
    komit = _git(repo, "log", "-1", "--format=%h %cs satu")
    assert ("Terbitkan edisi itu dari checkout analis dengan: lakip publish 2024 (mengomit "
            "datanya, memberi tag lakip-2024-final, dan mendorongnya). Komit terakhir yang "
            f"mengubah data/2024: {komit}; bila edisi itu sudah lama terbit") in keluaran
    assert "lakip publish <tahun baru> --tag-old" in keluaran and "git tag" not in keluaran
    assert not (tmp_path / "b" / "site").exists()


def _umpan(repo: Path, jejak: Path) -> None:
    """Replace the repository's `lakip` with code that records its environment and fails: what a
    tagged commit's own code could do when it is built."""
    (repo / "lakip_lib" / "cli.py").write_text(
        "import json, os, pathlib\n"
        f"pathlib.Path({str(jejak)!r}).write_text(json.dumps(dict(os.environ)))\n"
        "raise SystemExit(1)\n", encoding="utf-8")


def test_a_tag_off_the_published_history_is_refused_by_name_and_never_run(tmp_path: Path):
    repo = _repo_sementara(tmp_path / "repo")
    _komit(repo, "main", "2025-01-31T09:00:00+00:00")
    _git(repo, "switch", "--quiet", "-c", "samping")
    jejak = tmp_path / "dijalankan.json"
    _umpan(repo, jejak)
    samping = _komit(repo, "bukan dari main", "2025-02-01T09:00:00+00:00")
    _git(repo, "tag", "lakip-2024-final")
    _git(repo, "switch", "--quiet", "main")
    for argumen in (["build", "--all"], ["build", "--all", "--require-tag"]):
        keluaran = _lakip(repo, *argumen, "--output", str(tmp_path / "b"), kode=1)
        assert f"Tag lakip-2024-final menunjuk komit {samping[:10]}" in keluaran
        assert "tidak ada di riwayat komit yang diterbitkan" in keluaran
    assert not jejak.exists()  # the tagged commit's code never ran
    assert not (tmp_path / "b" / "site").exists()


def test_a_frozen_build_gets_an_allow_listed_environment_without_tokens(tmp_path: Path):
    repo = _repo_sementara(tmp_path / "repo")
    asli = (repo / "lakip_lib" / "cli.py").read_bytes()
    jejak = tmp_path / "lingkungan.json"
    _umpan(repo, jejak)
    _komit(repo, "final", "2025-01-31T09:00:00+00:00")
    _git(repo, "tag", "lakip-2024-final")
    (repo / "lakip_lib" / "cli.py").write_bytes(asli)
    _komit(repo, "sesudahnya", "2025-02-01T09:00:00+00:00")
    rahasia = {"GITHUB_TOKEN": "ghs_x", "ACTIONS_ID_TOKEN_REQUEST_TOKEN": "oidc",
               "ACTIONS_ID_TOKEN_REQUEST_URL": "https://x", "ACTIONS_RUNTIME_TOKEN": "r",
               "AWS_SECRET_ACCESS_KEY": "s"}
    env = {**os.environ, "PYTHONPATH": str(repo), **rahasia}
    hasil = subprocess.run([sys.executable, "-m", "lakip_lib.cli", "build", "--all", "--output",
                            str(tmp_path / "b")], cwd=repo, env=env, capture_output=True, text=True)
    assert hasil.returncode == 1 and "gagal dibangun" in hasil.stdout + hasil.stderr
    diberikan = json.loads(jejak.read_text(encoding="utf-8"))
    assert not set(rahasia) & set(diberikan)
    assert set(diberikan) <= {"PATH", "HOME", "LANG", "LC_ALL", "TZ", "TMPDIR", "PYTHONPATH",
                              "SOURCE_DATE_EPOCH", "LAKIP_TANPA_RILIS", "LAKIP_SITUS_REVISI",
                              "LC_CTYPE"}  # LC_CTYPE: set by Python itself (PEP 538)
    assert diberikan["PATH"] == os.environ["PATH"] and diberikan["LAKIP_TANPA_RILIS"] == "1"


def test_only_the_deploy_job_may_write_pages_or_mint_tokens():
    alur = yaml.safe_load((REPO / ".github" / "workflows" / "publish.yml").read_text())
    assert alur.get("permissions") in ({}, {"contents": "read"})
    pekerjaan = alur["jobs"]
    for nama, job in pekerjaan.items():
        izin = job.get("permissions", {})
        if "deploy-pages" in str(job.get("steps")):
            assert izin == {"pages": "write", "id-token": "write"}, nama
            assert "actions/checkout" not in str(job["steps"])  # deploys an artifact, runs no code
        else:
            assert izin == {"contents": "read"}, nama
            assert "secrets." not in str(job)
    checkout = next(s for s in pekerjaan["build"]["steps"] if "checkout" in s.get("uses", ""))
    assert checkout["with"]["persist-credentials"] is False
    langkah = [s.get("run", "") for s in pekerjaan["build"]["steps"]]
    periksa = next(i for i, r in enumerate(langkah) if "merge-base --is-ancestor HEAD origin/main" in r)
    assert periksa < next(i for i, r in enumerate(langkah) if "lakip_lib.cli" in r)


def test_the_workflow_builds_finals_from_their_commits_with_commands_that_exist():
    alur = yaml.safe_load((REPO / ".github" / "workflows" / "publish.yml").read_text())
    langkah = alur["jobs"]["build"]["steps"]
    checkout = next(s for s in langkah if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0
    perintah = [shlex.split(_contoh_env(s)) for s in langkah if "lakip_lib.cli" in s.get("run", "")]
    assert perintah, "the workflow runs no lakip command"
    for p in perintah:
        argumen = p[p.index("lakip_lib.cli") + 1:]
        args = cli._parser().parse_args(argumen)  # exits 2 on an unknown command or option
        assert args.perintah == "build" and args.semua and args.require_tag
    assert "tags" in alur[True]["push"] and "lakip-*" in alur[True]["push"]["tags"]


def _contoh_env(langkah: dict[str, Any]) -> str:
    """A step's command with each of its env variables replaced by a sample value (a shard
    K/N: the only variable the build step has)."""
    teks = str(langkah["run"])
    for nama in langkah.get("env", {}):
        teks = teks.replace(f"${nama}", "1/2")
    return teks


def test_the_sharded_workflow_merges_what_the_matrix_built():
    alur = yaml.safe_load((REPO / ".github" / "workflows" / "publish.yml").read_text())
    build_ = alur["jobs"]["build"]
    assert "fromJSON(needs.rencana.outputs.bagian)" in build_["strategy"]["matrix"]["bagian"]
    unggah = next(s for s in build_["steps"] if s.get("uses", "").startswith(
        "actions/upload-artifact"))
    assert unggah["with"]["include-hidden-files"] is True  # the editions' stamps
    gabung = next(s["run"] for s in alur["jobs"]["gabung"]["steps"] if "merge" in s.get("run", ""))
    argumen = shlex.split(gabung.splitlines()[-1])
    args = cli._parser().parse_args(argumen[argumen.index("lakip_lib.cli") + 1:])
    assert args.perintah == "merge" and args.output == Path("_build")
    assert alur["jobs"]["deploy"]["needs"] == "gabung"


def test_label_shows_the_latest_revision():
    e = Edisi(2024, "Final, Januari 2025", "Paringin", date(2025, 1, 31))
    assert rilis.label(e) == "Final, Januari 2025"
    e = replace(e, revisi=(ButirRevisi(date(2026, 3, 16), "a"), ButirRevisi(date(2026, 5, 2), "b")))
    assert rilis.label(e) == "Final, Januari 2025 · Revisi 2, Mei 2026"


@pytest.mark.parametrize(("revisi", "kunci", "pesan"), [
    ("x", "revisi", "harus berupa daftar"),
    ([{"tanggal": "16-03-2026", "alasan": "a"}], "revisi[1].tanggal", "TTTT-BB-HH"),
    ([{"tanggal": date(2024, 12, 1), "alasan": "a"}], "revisi[1].tanggal", "lebih awal"),
    ([{"tanggal": date(2026, 3, 16), "alasan": " "}], "revisi[1].alasan", "wajib"),
])
def test_bad_revisions_are_named_by_key(revisi, kunci, pesan):
    masalah = rilis.masalah_revisi({"tanggal_terbit": date(2025, 1, 31), "revisi": revisi})
    assert [k for k, _ in masalah] == [kunci] and pesan in masalah[0][1]


def test_a_revision_is_appended_keeping_comments(tmp_path: Path):
    path = tmp_path / "edisi.yaml"
    shutil.copy(REPO / "data" / "2024" / "edisi.yaml", path)
    asli = path.read_text(encoding="utf-8")
    rilis.tambah_revisi(path, date(2026, 3, 16), 'Koreksi "IDG"')
    rilis.tambah_revisi(path, date(2026, 5, 2), "Kedua")
    teks_baru = path.read_text(encoding="utf-8")
    assert teks_baru.startswith(asli)
    isi = yaml.safe_load(teks_baru)
    assert isi["revisi"] == [{"tanggal": date(2026, 3, 16), "alasan": 'Koreksi "IDG"'},
                             {"tanggal": date(2026, 5, 2), "alasan": "Kedua"}]


def test_reissuing_a_draft_or_an_unpublished_edition_refuses(salinan_data: Path, tmp_path: Path,
                                                             capsys):
    sebelum = (salinan_data / "2024" / "edisi.yaml").read_bytes()
    kode = cli.main(["--data", str(salinan_data), "reissue", "2024", "--reason", "x",
                     "--output", str(tmp_path / "b")])
    assert kode == 1
    assert "belum pernah terbit" in capsys.readouterr().err
    assert (salinan_data / "2024" / "edisi.yaml").read_bytes() == sebelum


def test_changed_figures_are_the_differences_only():
    lama = {"IDG: realisasi": "73,27", "Total anggaran": "Rp1", "Hilang": "1"}
    baru = {"IDG: realisasi": "73,50", "Total anggaran": "Rp1", "Baru": "2"}
    assert riwayat.beda(lama, baru) == [("IDG: realisasi", "73,27", "73,50"), ("Baru", "–", "2"),
                                        ("Hilang", "1", "–")]


def test_release_plan_reads_edisi_yaml_with_the_strict_loader(salinan_data: Path):
    """The plan reads edisi.yaml before validation: an alias bomb there is not expanded (the
    build's validation then names it), and a plain edition is read as written."""
    path = salinan_data / "2024" / "edisi.yaml"
    bom = "a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nstatus: final\n"
    asli = path.read_text(encoding="utf-8")
    path.write_text(bom, encoding="utf-8")
    assert rilis.edisi_mentah(salinan_data, 2024) == {}
    path.write_text(asli, encoding="utf-8")
    assert rilis.edisi_mentah(salinan_data, 2024)["status"] == "final"


@pytest.mark.parametrize("isi", ['{"revisi": "1"}', '{"revisi": -1}', '{"revisi": true}',
                                 '{"revisi": 1, "status": "<b>"}', '{"revisi": 1, "label": 5}',
                                 '{"revisi": 1, "komit": ["x"]}', '{"revisi": 1, "makna": null}',
                                 '{"makna": {"2024/edisi.yaml": "x"}}', '[1]', '"x"', "{"])
def test_a_stamp_not_of_a_builds_shape_counts_as_nothing_published(tmp_path: Path, isi: str):
    """The stamp is a file the build wrote and reads back (which revision is published where,
    the editions list): one of another shape is no stamp, and the edition is built again."""
    (tmp_path / rilis.STEMPEL).write_text(isi, encoding="utf-8")
    assert rilis.stempel(tmp_path) == {} and rilis.revisi_terbit(tmp_path) is None


def test_published_files_read_back_are_read_only_as_regular_files_of_their_shape(tmp_path: Path):
    luar = tmp_path / "luar.json"
    luar.write_text('{"revisi": 1, "Total anggaran": "Rp1"}', encoding="utf-8")
    folder = tmp_path / "2024-final"
    folder.mkdir()
    (folder / rilis.STEMPEL).symlink_to(luar)
    (folder / rilis.ANGKA).symlink_to(luar)
    assert rilis.stempel(folder) == {} and riwayat._angka_terbit(folder) is None
    for berkas in (rilis.STEMPEL, rilis.ANGKA):
        (folder / berkas).unlink()
    (folder / rilis.ANGKA).write_text('{"IDG": 73.27}', encoding="utf-8")
    assert riwayat._angka_terbit(folder) is None  # figures are published as text
    (folder / rilis.ANGKA).write_text('{"IDG": "73,27"}', encoding="utf-8")
    assert riwayat._angka_terbit(folder) == {"IDG": "73,27"}
    (folder / rilis.STEMPEL).write_text('{"revisi": 1, "status": "final", "label": "Final"}',
                                        encoding="utf-8")
    assert rilis.revisi_terbit(folder) == 1
