"""`lakip publish`: a final edition recorded. Its data files are committed, the commit tagged
`lakip-<tahun>-final` (or `-r<N>` after a re-issue) and pushed when there is a remote; older
finals without their tag are named with the commit to tag. Also whether a year's current
revision is already recorded (`terbit`), and the next step after an import that follows from it.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from lakip_lib import data, folder_data
from lakip_lib.langkah_build import Lapor
from lakip_lib.penerbitan import RilisGagal, revisi_di
from lakip_lib.rekaman import adalah_draf
from lakip_lib.rilis import (
    Revisi,
    dangkal,
    edisi_mentah,
    git,
    komit_head,
    komit_tag,
    label,
    nama_tag,
    nomor_revisi,
    repositori,
)


@dataclass(frozen=True)
class TagLama:
    """An older final edition never tagged: its tag and the commit to give it."""

    tahun: int
    tag: str
    komit: str | None  # the last commit that changed data/<tahun>/; None: never committed
    ringkas: str       # "<short id> <date> <subject>" of that commit


@dataclass(frozen=True)
class HasilPublish:
    tag: str
    komit: str
    berkas: list[str]            # the edition's files committed now (empty: already committed)
    tag_lama: list[TagLama]      # older finals tagged now
    didorong: str | None         # the remote the commit and tags were pushed to
    tidak_ikut: list[str]        # other changes of the checkout, left out of the commit


def terbitkan(tahun: int, akar_data: Path, tandai_lama: bool = False,
              lapor: Lapor = print) -> HasilPublish:
    """`lakip publish`: check that the edition is final and valid, commit exactly its data files
    (the year's folder and the shared files beside the year folders), tag the commit
    `lakip-<tahun>-final` (or `-r<N>` after a re-issue) and push when there is a remote. Older
    final editions without their tag are named with the commit to tag (the last one that changed
    their data) and tagged only when asked (`tandai_lama`)."""
    repo = repositori(akar_data)
    if repo is None:
        raise RilisGagal(
            f"lakip publish mencatat edisi dengan tag git, sehingga folder data harus data/ "
            f"checkout git kode ini; {akar_data} bukan. Salin data ke data/ checkout itu, atau "
            f"terbitkan folder situs hasil lakip build {tahun} apa adanya.")
    if dangkal(repo):
        raise RilisGagal(f"Checkout {repo} dangkal (shallow): ambil seluruh riwayat dan tag dulu "
                         "(git fetch --unshallow --tags).")
    d = data.muat(tahun, akar_data)
    if d.edisi.draf:
        raise RilisGagal(
            f"Edisi {tahun} masih draf, belum dapat diterbitkan. Bila semua sudah lengkap: ubah "
            f"status menjadi final di lembar edisi buku kerja (lalu lakip import) atau di "
            f"data/{tahun}/edisi.yaml, periksa hasilnya dengan lakip build {tahun}, lalu jalankan "
            f"lagi lakip publish {tahun}.")
    tag = nama_tag(tahun, len(d.edisi.revisi))
    if komit_tag(repo, tag):
        raise RilisGagal(
            f"Edisi {tahun} ({label(d.edisi)}) sudah terbit dengan tag {tag}. Koreksi sesudah "
            f"terbit diterbitkan sebagai revisi: lakip reissue {tahun} --reason \"…\", lalu "
            f"lakip publish {tahun}.")
    lama = final_tanpa_tag(repo, akar_data, tahun)
    if lama and not tandai_lama:
        raise RilisGagal(_pesan_tag_lama(lama, tahun))
    jalur = [f"data/{tahun}", ":(glob)data/*"]
    berkas = _berubah(repo, jalur)
    tidak_ikut = [b for b in _berubah(repo, []) if b not in berkas]
    for t in lama:
        assert t.komit is not None
        _git_wajib(repo, "tag", t.tag, t.komit)
        lapor(f"Tag {t.tag} diberikan pada komit {t.ringkas}.")
    if berkas:
        _git_wajib(repo, "add", "-A", "--", *jalur)
        _git_wajib(repo, "commit", "--quiet", "-m", f"LAKIP {tahun}: {label(d.edisi)}", "--",
                   *jalur)
    komit = komit_head(repo) or ""
    _git_wajib(repo, "tag", tag, komit)
    return HasilPublish(tag, komit, berkas, lama, _dorong(repo, [tag, *(t.tag for t in lama)]),
                        tidak_ikut)


def final_tanpa_tag(repo: Path, akar_data: Path, kecuali: int) -> list[TagLama]:
    """Final editions of other years whose current revision has no tag, each with the last
    commit that changed its year's folder (the closest record of when it was published)."""
    hasil = []
    for tahun in folder_data.tahun_tersedia(akar_data):
        edisi = edisi_mentah(akar_data, tahun)
        if tahun == kecuali or not edisi or adalah_draf(edisi.get("status")):
            continue
        tag = nama_tag(tahun, nomor_revisi(edisi))
        if komit_tag(repo, tag):
            continue
        komit = git(repo, "log", "-1", "--format=%H", "--", f"data/{tahun}") or None
        ringkas = (git(repo, "show", "-s", "--format=%h %cs %s", komit) or komit) if komit else ""
        hasil.append(TagLama(tahun, tag, komit, ringkas))
    return hasil


def _pesan_tag_lama(lama: list[TagLama], tahun: int) -> str:
    baris = []
    for t in lama:
        if t.komit is None:
            baris.append(f"  - edisi final {t.tahun}: data/{t.tahun} belum pernah dikomit; "
                         f"terbitkan dulu dengan lakip publish {t.tahun}")
        else:
            baris.append(f"  - edisi final {t.tahun} belum bertag {t.tag}; komit terakhir yang "
                         f"mengubah data/{t.tahun}: {t.ringkas}")
    saran = (f"Beri tag pada komit itu sekaligus: lakip publish {tahun} --tag-old"
             if all(t.komit for t in lama) else "")
    return ("Edisi final lain belum bertag, sehingga alur kerja penerbitan tidak dapat "
            "membangunnya ulang apa adanya:\n" + "\n".join(baris) + ("\n" + saran if saran else ""))


def _berubah(repo: Path, jalur: list[str]) -> list[str]:
    """Changed, new or deleted files (staged or not) under the given pathspecs (all: [])."""
    keluaran = subprocess.run(["git", "-C", str(repo), "status", "--porcelain", "-z",
                               "--untracked-files=all", "--no-renames", "--", *jalur],
                              capture_output=True, text=True).stdout  # not stripped: " M x"
    return sorted(b[3:] for b in keluaran.split("\0") if len(b) > 3)


def _git_wajib(repo: Path, *argumen: str) -> str:
    hasil = subprocess.run(["git", "-C", str(repo), *argumen], capture_output=True, text=True)
    if hasil.returncode != 0:
        raise RilisGagal(f"git {argumen[0]} gagal: {(hasil.stderr or hasil.stdout).strip()[-600:]}")
    return hasil.stdout.strip()


def _dorong(repo: Path, tag: list[str]) -> str | None:
    """Push the current branch and the new tags to `origin` (or the only remote); None when the
    checkout has no remote."""
    remote = (git(repo, "remote") or "").split()
    if not remote:
        return None
    tujuan = "origin" if "origin" in remote else remote[0]
    hasil = subprocess.run(["git", "-C", str(repo), "push", "--quiet", tujuan, "HEAD",
                            *(f"refs/tags/{t}" for t in tag)], capture_output=True, text=True)
    if hasil.returncode != 0:
        raise RilisGagal(
            f"Komit dan tag {', '.join(tag)} sudah dibuat di komputer ini, tetapi gagal didorong "
            f"ke {tujuan}: {hasil.stderr.strip()[-600:]}\nDorong lagi nanti dengan: git push "
            f"{tujuan} HEAD {' '.join(tag)}")
    return tujuan


def terbit(tahun: int, akar_data: Path, folder_build: Path) -> str | None:
    """Where the current revision of a final year is already published as a record: its tag in
    a checkout, or the final edition of the same revision in the site for a data folder outside
    one (there the site is the only record). None for a draft or a final not yet published."""
    edisi = edisi_mentah(akar_data, tahun)
    if not edisi or adalah_draf(edisi.get("status")):
        return None
    n = nomor_revisi(edisi)
    repo = repositori(akar_data)
    if repo is not None:
        return f"tag {nama_tag(tahun, n)}" if komit_tag(repo, nama_tag(tahun, n)) else None
    folder = folder_build / "site" / str(tahun)
    return str(folder) if revisi_di(folder, Revisi(tahun, n, str(tahun), None)) else None


def langkah_berikut(tahun: int, akar_data: Path, folder_build: Path) -> str:
    """The next step after an import, right for the year's release state."""
    edisi = edisi_mentah(akar_data, tahun)
    if not edisi or adalah_draf(edisi.get("status")):
        return f"Berikutnya: lakip build {tahun}"
    tempat = terbit(tahun, akar_data, folder_build)
    if tempat is None:
        return (f"Berikutnya: lakip build {tahun}, periksa hasilnya, lalu terbitkan dengan "
                f"lakip publish {tahun}")
    return (f"Edisi final {tahun} sudah terbit ({tempat}); impor ini tidak mengubah edisi yang "
            f"terbit, dan lakip build {tahun} tidak akan menimpanya. Berikutnya: lihat hasil "
            f"perubahan dengan lakip serve {tahun} (pratinjau), lalu terbitkan sebagai revisi "
            f"(ralat): lakip reissue {tahun} --reason \"…\"")
