"""A final edition is a public record: frozen once published, re-issued only on purpose.

The record of *what* was published is git: publishing a final edition tags the commit it is
built from, `lakip-<tahun>-final`; a re-issue (ralat) tags `lakip-<tahun>-r<N>`. The commit holds
both the code and the data of the edition, so the tag alone says how to make it again. The
revisions themselves (date and reason) are data: `revisi:` in `data/<tahun>/edisi.yaml`,
appended by `lakip terbitkan-ulang`.

Why rebuild from the tagged commit rather than restore a stored artifact: the repository stays
the only thing that must be kept (no release assets to lose, no token with write access for the
publishing job), the same rule works offline on an analyst's machine (`lakip build --all`) as in
CI, and a rebuild proves the record is reproducible instead of trusting a blob. What it costs: a
full build per frozen revision, a checkout with history and tags (`fetch-depth: 0`), and a
toolchain outside the lock (the browser that prints the PDF) that must still print the same.

How a year is built (`bangun_edisi`), when the data folder is the `data/` of the git checkout
the code runs from:
- every earlier revision is published beside the current one, in `<tahun>-final/` or
  `<tahun>-r<N>/`: taken over from the folder the previous build published, or built from its tag;
- the current revision is built from its tag's commit when that is not HEAD (a `git worktree`
  with its own data folder, its own dependency lock, and the commit time as the build date), and
  with the current checkout otherwise.
Drafts, finals not yet tagged and data folders outside a checkout build with current code.

The inner build of a tagged commit runs that commit's own `lakip build` with two variables:
`LAKIP_TANPA_RILIS` (build exactly this checkout, no release logic: no recursion into older
revisions) and `LAKIP_SITUS_REVISI` (the site folder holding the earlier revisions, read by the
"Riwayat edisi" page).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from lakip_lib import format as fmt
from lakip_lib import tukar
from lakip_lib.schema import Edisi, adalah_draf
from lakip_lib.yaml_aman import baca_yaml

Lapor = Callable[[str], None]
AKAR_PROYEK = Path(__file__).resolve().parent.parent
STEMPEL = ".lakip-build.json"
ANGKA = "angka.json"
TANPA_RILIS = "LAKIP_TANPA_RILIS"
SITUS_REVISI = "LAKIP_SITUS_REVISI"


class RilisGagal(Exception):
    """A release step cannot be done; the message is for the analyst."""


# --- names -------------------------------------------------------------------------------------

def nama_tag(tahun: int, revisi: int) -> str:
    """`lakip-2024-final` for the first publication, `lakip-2024-r1` for the first re-issue."""
    return f"lakip-{tahun}-final" if revisi == 0 else f"lakip-{tahun}-r{revisi}"


def folder_revisi(tahun: int, revisi: int) -> str:
    """Where a superseded revision stays published, beside `<tahun>/` (same depth, so its own
    relative links and `../editions.json` keep working): `2024-final`, `2024-r1`, …"""
    return nama_tag(tahun, revisi).removeprefix("lakip-")


# --- revisions as data -------------------------------------------------------------------------

def daftar_revisi(edisi: dict[str, Any]) -> list[dict[str, Any]]:
    isi = edisi.get("revisi") or []
    return isi if isinstance(isi, list) else []


def nomor_revisi(edisi: dict[str, Any]) -> int:
    return len(daftar_revisi(edisi))


def label(edisi: Edisi) -> str:
    """The edition label with its latest revision: "Final, Januari 2025 · Revisi 1, Maret 2026"."""
    if not edisi.revisi:
        return edisi.label
    return (f"{edisi.label} · Revisi {len(edisi.revisi)}, "
            f"{fmt.bulan_tahun(edisi.revisi[-1].tanggal)}")


def masalah_revisi(edisi: dict[str, Any]) -> list[tuple[str, str]]:
    """(key, message) for each problem of the `revisi` list of an edisi.yaml."""
    isi = edisi.get("revisi")
    if isi is None:
        return []
    if not isinstance(isi, list):
        return [("revisi", "harus berupa daftar, setiap butir dengan tanggal dan alasan.")]
    hasil = []
    if isi and adalah_draf(edisi.get("status")):
        hasil.append(("revisi", "edisi draf tidak mempunyai revisi; revisi hanya untuk edisi "
                                "final yang sudah terbit."))
    sebelumnya = edisi.get("tanggal_terbit")
    for i, butir in enumerate(isi, start=1):
        if not isinstance(butir, dict):
            hasil.append((f"revisi[{i}]", "harus berisi tanggal dan alasan."))
            continue
        tanggal = butir.get("tanggal")
        if "tanggal" not in butir:
            hasil.append((f"revisi[{i}].tanggal", "tanggal revisi wajib diisi, misalnya "
                                                  "2026-03-16."))
        elif tanggal is None:
            pass  # a value of the wrong kind, already reported by the loader's shape check
        elif not isinstance(tanggal, date):
            hasil.append((f"revisi[{i}].tanggal",
                          "harus berupa tanggal dengan format TTTT-BB-HH, misalnya 2026-03-16."))
        elif isinstance(sebelumnya, date) and tanggal < sebelumnya:
            hasil.append((f"revisi[{i}].tanggal",
                          f"{tanggal.isoformat()} lebih awal dari terbitan sebelumnya "
                          f"({sebelumnya.isoformat()})."))
        else:
            sebelumnya = tanggal
        if not str(butir.get("alasan") or "").strip():
            hasil.append((f"revisi[{i}].alasan", "alasan revisi wajib diisi."))
    return hasil


def tambah_revisi(path: Path, tanggal: date, alasan: str) -> None:
    """Append one revision to an edisi.yaml, keeping every other line (and comment) as it is."""
    baris = path.read_text(encoding="utf-8").splitlines()
    butir = [f"  - tanggal: {tanggal.isoformat()}",
             f"    alasan: {json.dumps(alasan.strip(), ensure_ascii=False)}"]
    awal = next((i for i, b in enumerate(baris) if b.startswith("revisi:")), None)
    if awal is None:
        baris += ["# Re-issues (ralat) of this final edition, oldest first: `lakip terbitkan-ulang`.",
                  "revisi:", *butir]
    else:
        akhir = awal + 1
        while akhir < len(baris) and (baris[akhir].startswith((" ", "-")) or not baris[akhir]):
            akhir += 1
        if baris[awal].split(":", 1)[1].strip() in ("[]", "null", "~"):
            baris[awal] = "revisi:"
        baris[akhir:akhir] = butir
    tukar.tulis_atomik(path, "\n".join(baris) + "\n")


# --- git ---------------------------------------------------------------------------------------

def _git(repo: Path, *argumen: str) -> str | None:
    try:
        hasil = subprocess.run(["git", "-C", str(repo), *argumen], capture_output=True, text=True,
                               timeout=120)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return hasil.stdout.strip() if hasil.returncode == 0 else None


def repositori(akar_data: Path) -> Path | None:
    """The git checkout whose `data/` is this data folder and whose code is running; None when
    the data lives elsewhere (a copy, a fixture) or there is no git."""
    atas = _git(AKAR_PROYEK, "rev-parse", "--show-toplevel")
    if atas is None or Path(atas).resolve() != AKAR_PROYEK:
        return None
    return AKAR_PROYEK if akar_data.resolve() == AKAR_PROYEK / "data" else None


def komit_tag(repo: Path, tag: str) -> str | None:
    return _git(repo, "rev-parse", "--verify", "--quiet", f"refs/tags/{tag}^{{commit}}")


def komit_head(repo: Path) -> str | None:
    return _git(repo, "rev-parse", "--verify", "HEAD")


def waktu_komit(repo: Path, komit: str) -> str:
    return _git(repo, "show", "-s", "--format=%ct", komit) or "0"


def dangkal(repo: Path) -> bool:
    return _git(repo, "rev-parse", "--is-shallow-repository") == "true"


# --- the plan of a year ------------------------------------------------------------------------

@dataclass(frozen=True)
class Revisi:
    """One revision of a final edition and how to publish it."""

    tahun: int
    nomor: int
    folder: str        # published folder under the site: "2024" (current) or "2024-final"
    komit: str | None  # the tagged commit to build it from; None: the current checkout

    @property
    def tag(self) -> str:
        return nama_tag(self.tahun, self.nomor)


def rencana(repo: Path, tahun: int, edisi: dict[str, Any]) -> list[Revisi]:
    """Every revision of a final year, oldest first, the current one last. An earlier revision
    without its tag has komit None: it can only be taken over from an earlier build's folder."""
    n = nomor_revisi(edisi)
    head = komit_head(repo)
    hasil = [Revisi(tahun, k, folder_revisi(tahun, k), komit_tag(repo, nama_tag(tahun, k)))
             for k in range(n)]
    kini = komit_tag(repo, nama_tag(tahun, n))
    hasil.append(Revisi(tahun, n, str(tahun), None if kini == head else kini))
    return hasil


def stempel(folder: Path) -> dict[str, Any]:
    try:
        isi = json.loads((folder / STEMPEL).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return isi if isinstance(isi, dict) else {}


def _revisi_terbit(folder: Path) -> int | None:
    isi = stempel(folder)
    return int(isi.get("revisi", 0)) if isi else None


# --- building ----------------------------------------------------------------------------------

@contextmanager
def _lingkungan(**nilai: str | None) -> Iterator[None]:
    lama = {k: os.environ.get(k) for k in nilai}
    try:
        for k, v in nilai.items():
            if v is not None:
                os.environ[k] = v
        yield
    finally:
        for k, v in lama.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def bangun_edisi(tahun: int, akar_data: Path, folder_build: Path, bangun: Callable[..., Any],
                 lapor: Lapor = print, dengan_pdf: bool = True, wajib_tag: bool = False,
                 **opsi: Any) -> Any:
    """Build one year the way its release state asks (see the module docstring); `bangun` is
    `build.bangun`. Returns what `bangun` returns for the current revision (None when the
    current revision was already published from its commit). `wajib_tag` (the publishing job)
    refuses a final edition whose current revision has no tag: published, it would be a record
    nobody could rebuild."""
    repo = None if os.environ.get(TANPA_RILIS) else repositori(akar_data)
    edisi = _edisi_mentah(akar_data, tahun)
    final = bool(edisi) and not adalah_draf(edisi.get("status"))
    if wajib_tag and final:
        _periksa_tag(repo, akar_data, tahun, nomor_revisi(edisi))
    if repo is None or not final:
        return bangun(tahun, akar_data, folder_build, lapor=lapor, dengan_pdf=dengan_pdf, **opsi)
    if dangkal(repo):
        raise RilisGagal(
            f"Checkout {repo} dangkal (shallow): komit tempat edisi final {tahun} pertama terbit "
            "mungkin tidak ada, sehingga edisi itu tidak dapat dibangun ulang apa adanya. Ambil "
            "seluruh riwayat dan tag (git fetch --unshallow --tags; di GitHub Actions: "
            "actions/checkout dengan fetch-depth: 0).")
    situs = folder_build / "site"
    *lama, kini = rencana(repo, tahun, edisi)
    for r in lama:
        _terbitkan_revisi_lama(repo, r, situs, folder_build, lapor)
    if kini.komit is not None:
        if not opsi.get("paksa") and stempel(situs / kini.folder).get("komit") == kini.komit:
            lapor(f"Edisi {tahun} ({kini.tag}) sudah terbit dari komitnya: tidak dibangun ulang.")
            return None
        lapor(f"Edisi {tahun} beku: dibangun dari komit {kini.komit[:10]} ({kini.tag}) …")
        _bangun_beku(repo, kini, situs, folder_build, lapor)
        return None
    tag_head = komit_tag(repo, kini.tag)
    epoch = waktu_komit(repo, tag_head) if tag_head else None
    with _lingkungan(SOURCE_DATE_EPOCH=epoch):
        return bangun(tahun, akar_data, folder_build, lapor=lapor, dengan_pdf=dengan_pdf, **opsi)


def _periksa_tag(repo: Path | None, akar_data: Path, tahun: int, revisi: int) -> None:
    tag = nama_tag(tahun, revisi)
    if repo is None:
        raise RilisGagal(f"Folder data {akar_data} bukan folder data/ checkout git kode ini: edisi "
                         f"final {tahun} tidak dapat dicatat dengan tag {tag}.")
    if komit_tag(repo, tag) is None:
        raise RilisGagal(
            f"Edisi final {tahun} belum bertag {tag}: tanpa tag, tidak ada catatan komit tempat "
            f"edisi ini terbit, sehingga edisi itu akan berubah setiap kali kode berubah. Beri tag "
            f"pada komit yang diterbitkan: git tag {tag} && git push origin {tag}")


def _edisi_mentah(akar_data: Path, tahun: int) -> dict[str, Any]:
    """edisi.yaml as written, without the whole year's validation (the build does that and
    reports any problem there); empty when unreadable."""
    try:
        isi = baca_yaml((akar_data / str(tahun) / "edisi.yaml").read_text(encoding="utf-8"))
    except (OSError, ValueError, yaml.YAMLError):
        return {}
    return isi if isinstance(isi, dict) else {}


def _terbitkan_revisi_lama(repo: Path, r: Revisi, situs: Path, folder_build: Path,
                           lapor: Lapor) -> None:
    """Make sure an earlier revision is published in its own folder."""
    from lakip_lib import build

    tujuan = situs / r.folder
    if _revisi_terbit(tujuan) == r.nomor:
        return
    kini = situs / str(r.tahun)
    if _revisi_terbit(kini) == r.nomor:
        lapor(f"Revisi {r.nomor} edisi {r.tahun} disimpan di {r.folder}/ …")
        build.terbitkan(kini, situs, r.folder)
        return
    if r.komit is None:
        raise RilisGagal(
            f"Revisi {r.nomor} edisi {r.tahun} tidak dapat diterbitkan ulang: tag {r.tag} tidak "
            f"ada di repositori dan revisi itu tidak ada di {situs}.")
    lapor(f"Revisi {r.nomor} edisi {r.tahun}: dibangun dari komit {r.komit[:10]} ({r.tag}) …")
    _bangun_beku(repo, r, situs, folder_build, lapor)


def _bangun_beku(repo: Path, r: Revisi, situs: Path, folder_build: Path, lapor: Lapor) -> None:
    """Build revision `r` with its commit's own code, data and dependency lock, PDF included
    whatever this build was asked (the record is what was published), then publish it in
    <situs>/<r.folder>."""
    from lakip_lib import build

    assert r.komit is not None
    tempat = folder_build / "beku" / r.komit[:12]
    pohon = tempat / "pohon"
    if pohon.exists():
        _git(repo, "worktree", "remove", "--force", str(pohon))
        shutil.rmtree(pohon, ignore_errors=True)
    _git(repo, "worktree", "prune")
    tempat.mkdir(parents=True, exist_ok=True)
    if _git(repo, "worktree", "add", "--detach", str(pohon), r.komit) is None:
        raise RilisGagal(f"git worktree untuk komit {r.komit[:10]} ({r.tag}) gagal dibuat.")
    try:
        python = _python_untuk(pohon, folder_build, lapor)
        lingkungan = {**os.environ, "PYTHONPATH": str(pohon), TANPA_RILIS: "1",
                      SITUS_REVISI: str(situs.resolve()),
                      "SOURCE_DATE_EPOCH": waktu_komit(repo, r.komit)}
        perintah = [python, "-m", "lakip_lib.cli", "--data", str(pohon / "data"), "build",
                    str(r.tahun), "--keluaran", str(tempat / "_build")]  # a record has its PDF
        hasil = subprocess.run(perintah, cwd=pohon, env=lingkungan, capture_output=True,
                               text=True)
        if hasil.returncode != 0:
            ekor = "\n".join((hasil.stderr or hasil.stdout).strip().splitlines()[-15:])
            raise RilisGagal(f"Edisi {r.tahun} dari komit {r.komit[:10]} ({r.tag}) gagal "
                                   f"dibangun:\n{ekor}")
        hasil_build = tempat / "_build" / "site" / str(r.tahun)
        _catat_komit(hasil_build, r)
        build.terbitkan(hasil_build, situs, r.folder)
    finally:
        _git(repo, "worktree", "remove", "--force", str(pohon))


def _catat_komit(folder: Path, r: Revisi) -> None:
    """Builds by code older than this module do not record commit and revision in their stamp."""
    isi = stempel(folder)
    if isi.get("komit") == r.komit and isi.get("revisi") == r.nomor:
        return
    isi.update({"komit": r.komit, "revisi": r.nomor})
    (folder / STEMPEL).write_text(json.dumps(isi) + "\n", encoding="utf-8")


def _python_untuk(pohon: Path, folder_build: Path, lapor: Lapor) -> str:
    """The running interpreter when the commit's dependency lock is the one installed here;
    otherwise a virtual environment with that commit's own lock (made once per lock)."""
    kunci = pohon / "requirements.lock"
    kini = AKAR_PROYEK / "requirements.lock"
    if not kunci.exists() or (kini.exists() and kunci.read_bytes() == kini.read_bytes()):
        return sys.executable
    venv = folder_build / "beku" / f"venv-{hashlib.sha256(kunci.read_bytes()).hexdigest()[:12]}"
    python = venv / "bin" / "python"
    if not (venv / ".lengkap").exists():
        lapor(f"  dependensi komit ini berbeda: memasang {kunci.name}-nya di {venv} …")
        shutil.rmtree(venv, ignore_errors=True)
        for perintah in ([sys.executable, "-m", "venv", str(venv)],
                         [str(python), "-m", "pip", "install", "--quiet", "-r", str(kunci)]):
            hasil = subprocess.run(perintah, capture_output=True, text=True)
            if hasil.returncode != 0:
                raise RilisGagal(f"Dependensi terkunci komit itu gagal dipasang:\n"
                                 f"{hasil.stderr.strip()[-2000:]}")
        (venv / ".lengkap").touch()
    return str(python)


@dataclass(frozen=True)
class HasilTerbitUlang:
    nomor: int
    tag: str
    edisi_yaml: Path
    folder_lama: str
    build: Any


def terbitkan_ulang(tahun: int, alasan: str, tanggal: date, akar_data: Path, folder_build: Path,
                    bangun: Callable[..., Any], lapor: Lapor = print,
                    dengan_pdf: bool = True) -> HasilTerbitUlang:
    """Re-issue a final edition on purpose: append the revision (date, reason) to its edisi.yaml
    and build it with current code and data; the revision it supersedes stays published in its
    own folder. On any failure edisi.yaml is restored byte for byte."""
    from lakip_lib import data

    if not alasan.strip():
        raise RilisGagal("Alasan revisi wajib diisi, misalnya --alasan \"Koreksi realisasi IKU 1\".")
    edisi = data.muat(tahun, akar_data).edisi
    if edisi.draf:
        raise RilisGagal(f"Edisi {tahun} masih draf: cukup jalankan lakip build {tahun}. Hanya "
                         "edisi final yang sudah terbit diterbitkan ulang.")
    n = len(edisi.revisi)
    situs = folder_build / "site"
    repo = repositori(akar_data)
    if repo is not None and komit_tag(repo, nama_tag(tahun, n + 1)):
        raise RilisGagal(f"Tag {nama_tag(tahun, n + 1)} sudah ada, tetapi "
                         f"{tahun}/edisi.yaml belum mencatat revisi {n + 1}. Periksa riwayat git.")
    terbit = n in (_revisi_terbit(situs / str(tahun)), _revisi_terbit(situs / folder_revisi(tahun, n)))
    if not terbit and (repo is None or komit_tag(repo, nama_tag(tahun, n)) is None):
        raise RilisGagal(
            f"Edisi {tahun} ({label(edisi)}) belum pernah terbit: tidak ada di {situs} dan tag "
            f"{nama_tag(tahun, n)} tidak ada. Terbitkan dulu (git tag {nama_tag(tahun, n)}, lalu "
            f"lakip build {tahun}) agar edisi yang digantikan tetap dapat dibaca.")
    path = akar_data / str(tahun) / "edisi.yaml"
    asli = path.read_bytes()
    tambah_revisi(path, tanggal, alasan)
    try:
        data.muat(tahun, akar_data)
        hasil = bangun_edisi(tahun, akar_data, folder_build, bangun, lapor, dengan_pdf)
    except BaseException:
        path.write_bytes(asli)
        raise
    return HasilTerbitUlang(n + 1, nama_tag(tahun, n + 1), path, folder_revisi(tahun, n), hasil)


# --- the published site ------------------------------------------------------------------------

def info_stempel(tahun: int, edisi: Edisi, akar_data: Path) -> dict[str, Any]:
    """What the stamp of a newly built edition records about its release state."""
    from lakip_lib.edisi import komit_kode

    repo = repositori(akar_data)
    head = komit_head(repo) if repo else None
    return {"label": label(edisi), "revisi": len(edisi.revisi),
            "komit": head or komit_kode()}


def revisi_terbit(situs: Path, tahun: int) -> list[dict[str, Any]]:
    """editions.json entries of the superseded revisions of a year published beside it, newest
    first (only those older than the revision at <situs>/<tahun>)."""
    from lakip_lib.build import halaman_html

    kini = _revisi_terbit(situs / str(tahun)) or 0
    hasil = []
    for k in range(kini - 1, -1, -1):
        folder = situs / folder_revisi(tahun, k)
        isi = stempel(folder)
        if not isi or int(isi.get("revisi", 0)) != k:
            continue
        hasil.append({"tahun": tahun, "label": isi.get("label", ""), "status": "final",
                      "revisi": k, "digantikan": True, "url": f"{folder.name}/index.html",
                      "halaman": halaman_html(folder)})
    return hasil
