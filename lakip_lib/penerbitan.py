"""Publishing a year the way its release state asks (`bangun_edisi`): earlier revisions kept
beside it, a final built from its tag's commit, a published record compared with the working
data. Names, revisions and the plan come from `lakip_lib.rilis`; re-issuing a final edition on
purpose is `lakip_lib.terbit_ulang`, recording one with a tag (`lakip publish`) is
`lakip_lib.tag_edisi`.

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
import io
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from lakip_lib import build, makna_masukan, situs_terbit
from lakip_lib.json_terbit import json_terbit
from lakip_lib.langkah_build import Lapor
from lakip_lib.rekaman import adalah_draf
from lakip_lib.rilis import (
    AKAR_PROYEK,
    SITUS_REVISI,
    STEMPEL,
    TANPA_RILIS,
    Revisi,
    RilisGagal,
    dangkal,
    di_riwayat,
    edisi_mentah,
    folder_revisi,
    git,
    komit_tag,
    nama_tag,
    nomor_revisi,
    rencana,
    repositori,
    stempel,
    waktu_komit,
)

# The only variables of this process a frozen build (a tagged commit's own code) is given:
# where programs are, a home for Jupyter's runtime files, the locale and time zone that shape
# formatting, and the temporary folder. Secrets, tokens and CI variables are never among them.
LINGKUNGAN_BEKU = ("PATH", "HOME", "LANG", "LC_ALL", "TZ", "TMPDIR")


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
    nobody could rebuild. A published final is never replaced by other content: a tagged one is
    rebuilt from its tag (and refused while the year's data differs from it), one published
    from a data folder outside a checkout is refused when its inputs changed."""
    if os.environ.get(TANPA_RILIS):
        return build.bangun(tahun, akar_data, folder_build, lapor=lapor, dengan_pdf=dengan_pdf,
                            **opsi)
    repo = repositori(akar_data)
    edisi = edisi_mentah(akar_data, tahun)
    final = bool(edisi) and not adalah_draf(edisi.get("status"))
    if wajib_tag and final:
        _periksa_tag(repo, akar_data, tahun, nomor_revisi(edisi))
    if not final:
        return build.bangun(tahun, akar_data, folder_build, lapor=lapor, dengan_pdf=dengan_pdf,
                            **opsi)
    situs = folder_build / "site"
    if repo is None:
        for r in rencana_tanpa_git(tahun, edisi)[:-1]:
            simpan_revisi_lama(None, r, situs, folder_build, lapor)
        return build.bangun(tahun, akar_data, folder_build, lapor=lapor, dengan_pdf=dengan_pdf,
                            rekaman=True, **opsi)
    if dangkal(repo):
        raise RilisGagal(
            f"Checkout {repo} dangkal (shallow): komit tempat edisi final {tahun} pertama terbit "
            "mungkin tidak ada, sehingga edisi itu tidak dapat dibangun ulang apa adanya. Ambil "
            "seluruh riwayat dan tag (git fetch --unshallow --tags; di GitHub Actions: "
            "actions/checkout dengan fetch-depth: 0).")
    *lama, kini = rencana(repo, tahun, edisi)
    _periksa_asal(repo, [*lama, kini])
    tag_kini = komit_tag(repo, kini.tag)
    if tag_kini is not None:
        _tolak_bila_berubah(repo, tag_kini, kini.tag, akar_data, tahun)
    for r in lama:
        simpan_revisi_lama(repo, r, situs, folder_build, lapor)
    if kini.komit is not None:
        if not opsi.get("paksa") and stempel(situs / kini.folder).get("komit") == kini.komit:
            lapor(f"Edisi {tahun} ({kini.tag}) sudah terbit dari komitnya: tidak dibangun ulang.")
            return None
        lapor(f"Edisi {tahun} beku: dibangun dari komit {kini.komit[:10]} ({kini.tag}) …")
        _bangun_beku(repo, kini, situs, folder_build, lapor)
        return None
    epoch = waktu_komit(repo, tag_kini) if tag_kini else None
    with _lingkungan(SOURCE_DATE_EPOCH=epoch):
        return build.bangun(tahun, akar_data, folder_build, lapor=lapor, dengan_pdf=dengan_pdf,
                            **opsi)


def rencana_tanpa_git(tahun: int, edisi: dict[str, Any]) -> list[Revisi]:
    """The revisions of a final year whose data lives outside a checkout: no tag to build from,
    so every earlier revision can only be kept from the site where it was published."""
    n = nomor_revisi(edisi)
    return [*(Revisi(tahun, k, folder_revisi(tahun, k), None) for k in range(n)),
            Revisi(tahun, n, str(tahun), None)]


# --- the published record against the working data ---------------------------------------------

def data_tag(repo: Path, komit: str, tujuan: Path) -> Path:
    """The data folder of a commit, extracted into `tujuan` (git archive; nothing checked out)."""
    hasil = subprocess.run(["git", "-C", str(repo), "archive", "--format=tar", komit, "data"],
                           capture_output=True)
    if hasil.returncode != 0:
        raise RilisGagal(f"Data komit {komit[:10]} tidak dapat dibaca dari git: "
                         f"{hasil.stderr.decode(errors='replace').strip()[-300:]}")
    shutil.rmtree(tujuan, ignore_errors=True)
    tujuan.mkdir(parents=True)
    with tarfile.open(fileobj=io.BytesIO(hasil.stdout)) as arsip:
        arsip.extractall(tujuan, filter="data")
    return tujuan / "data"


def berkas_berubah(lama: Path, baru: Path, tahun: int) -> list[str]:
    """The input files of the edition of `tahun` that differ between two data folders in what
    they mean to it (`makna_masukan`: a YAML file by content, the year's head of agency as the
    year resolves it; a multi-year record without later years' rows): the year's own folder and
    the shared files beside the year folders."""
    nama: set[str] = set()
    for akar in (lama, baru):
        nama |= {str(p.relative_to(akar)) for p in akar.glob("*") if p.is_file()
                 and not p.name.startswith(".")}
        nama |= {str(p.relative_to(akar)) for p in (akar / str(tahun)).rglob("*") if p.is_file()
                 and not p.name.startswith(".")}
    return sorted(n for n in nama if not makna_masukan.sama(lama, baru, n, tahun))


def _tolak_bila_berubah(repo: Path, komit: str, tag: str, akar_data: Path, tahun: int) -> None:
    """A tagged final whose data was changed since its tag is refused: the published edition
    stays the tag's, and the change is published only by a re-issue."""
    with tempfile.TemporaryDirectory(prefix="lakip-tag-") as sementara:
        berubah = berkas_berubah(data_tag(repo, komit, Path(sementara)), akar_data, tahun)
    if berubah:
        raise RilisGagal(
            f"Edisi final {tahun} sudah terbit ({tag}, komit {komit[:10]}) dan tidak ditimpa: "
            f"data berikut berubah sejak terbit: {', '.join('data/' + b for b in berubah)}. "
            f"Lihat hasil perubahan tanpa menerbitkannya: lakip serve {tahun} (pratinjau di "
            f"foldernya sendiri). Terbitkan perubahan itu sebagai revisi (ralat): lakip reissue "
            f"{tahun} --reason \"…\". Bila perubahan itu keliru, kembalikan berkasnya seperti "
            f"pada tag (git diff {tag} -- data/ menunjukkan bedanya).")


def _periksa_tag(repo: Path | None, akar_data: Path, tahun: int, revisi: int) -> None:
    tag = nama_tag(tahun, revisi)
    if repo is None:
        raise RilisGagal(f"Folder data {akar_data} bukan folder data/ checkout git kode ini: edisi "
                         f"final {tahun} tidak dapat dicatat dengan tag {tag}.")
    if komit_tag(repo, tag) is None:
        komit = git(repo, "log", "-1", "--format=%h %cs %s", "--", f"data/{tahun}")
        lama = (f" Komit terakhir yang mengubah data/{tahun}: {komit}; bila edisi itu sudah lama "
                f"terbit dan ada edisi baru yang akan diterbitkan, lakip publish <tahun baru> "
                f"--tag-old memberi tag {tag} pada komit itu.") if komit else ""
        raise RilisGagal(
            f"Edisi final {tahun} belum bertag {tag}: tanpa tag, tidak ada catatan komit tempat "
            f"edisi ini terbit, sehingga edisi itu akan berubah setiap kali kode berubah. "
            f"Terbitkan edisi itu dari checkout analis dengan: lakip publish {tahun} (mengomit "
            f"datanya, memberi tag {tag}, dan mendorongnya).{lama}")


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


def simpan_revisi_lama(repo: Path | None, r: Revisi, situs: Path, folder_build: Path,
                       lapor: Lapor, wajib: bool = False) -> None:
    """Make sure an earlier revision is published in its own folder: kept from the site when the
    edition published there is that revision (built from its tag's commit, when it has one),
    else built from its tag. Without either, `wajib` refuses; otherwise the history page will
    say it cannot compare."""
    tujuan = situs / r.folder
    if revisi_di(tujuan, r):
        return
    kini = situs / str(r.tahun)
    if revisi_di(kini, r):
        lapor(f"Revisi {r.nomor} edisi {r.tahun} disimpan di {r.folder}/ …")
        situs_terbit.terbitkan(kini, situs, r.folder)
        return
    if r.komit is None or repo is None:
        pesan = (f"Revisi {r.nomor} edisi {r.tahun} tidak ada di {situs}"
                 + ("" if repo is None else f" dan tag {r.tag} tidak ada di repositori") + ".")
        if wajib:
            raise RilisGagal(pesan)
        lapor(f"Peringatan: {pesan} Halaman Riwayat edisi tidak dapat membandingkannya.")
        return
    lapor(f"Revisi {r.nomor} edisi {r.tahun}: dibangun dari komit {r.komit[:10]} ({r.tag}) …")
    _bangun_beku(repo, r, situs, folder_build, lapor)


def revisi_di(folder: Path, r: Revisi) -> bool:
    """The edition published in `folder` is revision `r` (and, for a tagged one, its tag's
    build: a site built from other inputs is not the record)."""
    isi = stempel(folder)
    if not isi or int(isi.get("revisi", 0)) != r.nomor or isi.get("status", "final") != "final":
        return False
    return r.komit is None or isi.get("komit") == r.komit


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
        situs_terbit.terbitkan(hasil_build, situs, r.folder)
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
    lock = pohon / "requirements.lock"
    kini = AKAR_PROYEK / "requirements.lock"
    if not lock.exists() or (kini.exists() and lock.read_bytes() == kini.read_bytes()):
        return sys.executable
    venv = folder_build / "beku" / f"venv-{hashlib.sha256(lock.read_bytes()).hexdigest()[:12]}"
    python = venv / "bin" / "python"
    if not (venv / ".lengkap").exists():
        lapor(f"  dependensi komit ini berbeda: memasang {lock.name}-nya di {venv} …")
        shutil.rmtree(venv, ignore_errors=True)
        pip = lingkungan_beku(**{k: v for k, v in os.environ.items() if k.startswith("PIP_")})
        for perintah in ([sys.executable, "-m", "venv", str(venv)],
                         [str(python), "-m", "pip", "install", "--quiet", "-r", str(lock)]):
            hasil = subprocess.run(perintah, capture_output=True, text=True, env=pip)
            if hasil.returncode != 0:
                raise RilisGagal(f"Dependensi terkunci komit itu gagal dipasang:\n"
                                 f"{hasil.stderr.strip()[-2000:]}")
        (venv / ".lengkap").touch()
    return str(python)
