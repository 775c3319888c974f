"""Publishing a year the way its release state asks (`bangun_edisi`), and re-issuing a final
edition on purpose (`terbitkan_ulang`); names, revisions and the plan come from `lakip_lib.rilis`.

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

A tag is a pointer anyone with push access can set, so it is not trusted by itself:
- only a tag whose commit is in the history of the commit being published (HEAD: the checkout
  the publishing job runs, which the workflow checks is on main) is built; any other tag is
  refused by name before anything runs. HEAD rather than a branch name because it is exactly
  what is being published, needs no remote or branch to exist (an analyst's offline checkout
  works alike), and whatever is in its history was merged, hence reviewed, along with it;
- the commit's code runs with an allow-listed environment (`LINGKUNGAN_BEKU`): no secrets, no
  token or runner variables reach it, whatever the outer process holds.
"""

from __future__ import annotations

import hashlib
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

from lakip_lib import build, data
from lakip_lib.rilis import (
    AKAR_PROYEK,
    SITUS_REVISI,
    STEMPEL,
    TANPA_RILIS,
    Revisi,
    dangkal,
    di_riwayat,
    edisi_mentah,
    folder_revisi,
    git,
    komit_tag,
    label,
    nama_tag,
    nomor_revisi,
    rencana,
    repositori,
    revisi_terbit,
    stempel,
    tambah_revisi,
    waktu_komit,
)
from lakip_lib.schema import adalah_draf
from lakip_lib.tampilan import json_terbit

Lapor = Callable[[str], None]

# The only variables of this process a frozen build (a tagged commit's own code) is given:
# where programs are, a home for Jupyter's runtime files, the locale and time zone that shape
# formatting, and the temporary folder. Secrets, tokens and CI variables are never among them.
LINGKUNGAN_BEKU = ("PATH", "HOME", "LANG", "LC_ALL", "TZ", "TMPDIR")


class RilisGagal(Exception):
    """A release step cannot be done; the message is for the analyst."""


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


def bangun_edisi(tahun: int, akar_data: Path, folder_build: Path, lapor: Lapor = print,
                 dengan_pdf: bool = True, wajib_tag: bool = False, **opsi: Any) -> Any:
    """Build one year the way its release state asks (see the module docstring). Returns what
    `build.bangun` returns for the current revision (None when the current revision was
    already published from its commit). `wajib_tag` (the publishing job)
    refuses a final edition whose current revision has no tag: published, it would be a record
    nobody could rebuild."""
    repo = None if os.environ.get(TANPA_RILIS) else repositori(akar_data)
    edisi = edisi_mentah(akar_data, tahun)
    final = bool(edisi) and not adalah_draf(edisi.get("status"))
    if wajib_tag and final:
        _periksa_tag(repo, akar_data, tahun, nomor_revisi(edisi))
    if repo is None or not final:
        return build.bangun(tahun, akar_data, folder_build, lapor=lapor, dengan_pdf=dengan_pdf,
                            **opsi)
    if dangkal(repo):
        raise RilisGagal(
            f"Checkout {repo} dangkal (shallow): komit tempat edisi final {tahun} pertama terbit "
            "mungkin tidak ada, sehingga edisi itu tidak dapat dibangun ulang apa adanya. Ambil "
            "seluruh riwayat dan tag (git fetch --unshallow --tags; di GitHub Actions: "
            "actions/checkout dengan fetch-depth: 0).")
    situs = folder_build / "site"
    *lama, kini = rencana(repo, tahun, edisi)
    _periksa_asal(repo, [*lama, kini])
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
        return build.bangun(tahun, akar_data, folder_build, lapor=lapor, dengan_pdf=dengan_pdf,
                            **opsi)


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


def _periksa_asal(repo: Path, daftar: list[Revisi]) -> None:
    """Refuse a tag whose commit is not in the history being published (see the module
    docstring): its code would run here and its output be published."""
    for r in daftar:
        if r.komit is not None and not di_riwayat(repo, r.komit):
            raise RilisGagal(
                f"Tag {r.tag} menunjuk komit {r.komit[:10]} yang tidak ada di riwayat komit yang "
                f"diterbitkan (HEAD, cabang main): edisi {r.tahun} tidak dibangun dari tag itu dan "
                f"kodenya tidak dijalankan. Pindahkan tag ke komit tempat edisi itu terbit di "
                f"main, atau hapus tag itu (git push origin :refs/tags/{r.tag}).")


def lingkungan_beku(**tambahan: str) -> dict[str, str]:
    """The environment of a frozen build: the allow-listed variables of this process (none
    other: no secret or token reaches a commit's code) plus `tambahan`."""
    return {**{k: os.environ[k] for k in LINGKUNGAN_BEKU if k in os.environ}, **tambahan}


def _terbitkan_revisi_lama(repo: Path, r: Revisi, situs: Path, folder_build: Path,
                           lapor: Lapor) -> None:
    """Make sure an earlier revision is published in its own folder."""
    tujuan = situs / r.folder
    if revisi_terbit(tujuan) == r.nomor:
        return
    kini = situs / str(r.tahun)
    if revisi_terbit(kini) == r.nomor:
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
    assert r.komit is not None
    _periksa_asal(repo, [r])
    tempat = folder_build / "beku" / r.komit[:12]
    pohon = tempat / "pohon"
    if pohon.exists():
        git(repo, "worktree", "remove", "--force", str(pohon))
        shutil.rmtree(pohon, ignore_errors=True)
    git(repo, "worktree", "prune")
    tempat.mkdir(parents=True, exist_ok=True)
    if git(repo, "worktree", "add", "--detach", str(pohon), r.komit) is None:
        raise RilisGagal(f"git worktree untuk komit {r.komit[:10]} ({r.tag}) gagal dibuat.")
    try:
        python = _python_untuk(pohon, folder_build, lapor)
        lingkungan = lingkungan_beku(PYTHONPATH=str(pohon), **{
            TANPA_RILIS: "1", SITUS_REVISI: str(situs.resolve()),
            "SOURCE_DATE_EPOCH": waktu_komit(repo, r.komit)})
        perintah = [python, "-m", "lakip_lib.cli", "--data", str(pohon / "data"), "build",
                    str(r.tahun), _flag_output(pohon), str(tempat / "_build")]  # a record has its PDF
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
        git(repo, "worktree", "remove", "--force", str(pohon))


def _flag_output(pohon: Path) -> str:
    """The build-folder flag of the tagged commit's own `lakip build`: `--output`, or `--keluaran`
    for a commit from before the CLI's flags followed the code's naming rule."""
    cli = (pohon / "lakip_lib" / "cli.py").read_text(encoding="utf-8")
    return "--output" if '"--output"' in cli else "--keluaran"


def _catat_komit(folder: Path, r: Revisi) -> None:
    """Builds by code older than this module do not record commit and revision in their stamp."""
    isi = stempel(folder)
    if isi.get("komit") == r.komit and isi.get("revisi") == r.nomor:
        return
    isi.update({"komit": r.komit, "revisi": r.nomor})
    (folder / STEMPEL).write_text(json_terbit(isi) + "\n", encoding="utf-8")


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
        pip = lingkungan_beku(**{k: v for k, v in os.environ.items() if k.startswith("PIP_")})
        for perintah in ([sys.executable, "-m", "venv", str(venv)],
                         [str(python), "-m", "pip", "install", "--quiet", "-r", str(kunci)]):
            hasil = subprocess.run(perintah, capture_output=True, text=True, env=pip)
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
                    lapor: Lapor = print, dengan_pdf: bool = True) -> HasilTerbitUlang:
    """Re-issue a final edition on purpose: append the revision (date, reason) to its edisi.yaml
    and build it with current code and data; the revision it supersedes stays published in its
    own folder. On any failure edisi.yaml is restored byte for byte."""
    if not alasan.strip():
        raise RilisGagal("Alasan revisi wajib diisi, misalnya --reason \"Koreksi realisasi IKU 1\".")
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
    terbit = n in (revisi_terbit(situs / str(tahun)), revisi_terbit(situs / folder_revisi(tahun, n)))
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
        hasil = bangun_edisi(tahun, akar_data, folder_build, lapor, dengan_pdf)
    except BaseException:
        path.write_bytes(asli)
        raise
    return HasilTerbitUlang(n + 1, nama_tag(tahun, n + 1), path, folder_revisi(tahun, n), hasil)
