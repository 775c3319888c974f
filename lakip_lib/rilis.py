"""The release plan of a year: a final edition is a public record, frozen once published,
re-issued only on purpose.

The record of *what* was published is git: publishing a final edition tags the commit it is
built from, `lakip-<tahun>-final`; a re-issue (ralat) tags `lakip-<tahun>-r<N>`. The commit holds
both the code and the data of the edition, so the tag alone says how to make it again. The
revisions themselves (date and reason) are data: `revisi:` in `data/<tahun>/edisi.yaml`,
appended by `lakip reissue`.

This module knows the names (tags, folders), the revisions as data, the git facts and the plan
of a year's revisions (`rencana`); building and publishing them is `lakip_lib.penerbitan`.
Light to import (YAML, Babel and the records load in the functions that use them): a build with
nothing changed reads the published stamp through it before it imports anything of the book.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lakip_lib import berkas_aman, kabupaten, tukar

if TYPE_CHECKING:
    from lakip_lib.rekaman import Edisi

AKAR_PROYEK = Path(__file__).resolve().parent.parent
STEMPEL = ".lakip-build.json"
ANGKA = "angka.json"
TANPA_RILIS = "LAKIP_TANPA_RILIS"
SITUS_REVISI = "LAKIP_SITUS_REVISI"
BATAS_BAIT = 64 * 1024  # a stamp or angka.json read back: a few hundred bytes / a few KiB
# The stamp's keys and their types; a stamp with one of them of another type is no stamp.
JENIS_STEMPEL = {"tahun": int, "kunci": str, "masukan": str, "makna": str, "status": str,
                 "label": str, "revisi": int, "komit": str}


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
    from lakip_lib import format as fmt

    if not edisi.revisi:
        return edisi.label
    return (f"{edisi.label} · Revisi {len(edisi.revisi)}, "
            f"{fmt.bulan_tahun(edisi.revisi[-1].tanggal)}")


def masalah_revisi(edisi: dict[str, Any]) -> list[tuple[str, str]]:
    """(key, message) for each problem of the `revisi` list of an edisi.yaml."""
    from lakip_lib.rekaman import adalah_draf

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


def edisi_mentah(akar_data: Path, tahun: int) -> dict[str, Any]:
    """edisi.yaml as written, without the whole year's validation (the build does that and
    reports any problem there); empty when unreadable."""
    import yaml

    from lakip_lib.yaml_aman import baca_yaml

    try:
        isi = baca_yaml(berkas_aman.baca(akar_data / str(tahun) / "edisi.yaml", akar_data,
                                         berkas_aman.UKURAN_MAKS).decode("utf-8"))
    except (OSError, ValueError, yaml.YAMLError, berkas_aman.BerkasDitolak):
        return {}
    return isi if isinstance(isi, dict) else {}


def tambah_revisi(path: Path, tanggal: date, alasan: str) -> None:
    """Append one revision to an edisi.yaml, keeping every other line (and comment) as it is."""
    baris = path.read_text(encoding="utf-8").splitlines()
    butir = [f"  - tanggal: {tanggal.isoformat()}",
             f"    alasan: {json.dumps(alasan.strip(), ensure_ascii=False)}"]
    awal = next((i for i, b in enumerate(baris) if b.startswith("revisi:")), None)
    if awal is None:
        baris += ["# Re-issues (ralat) of this final edition, oldest first: `lakip reissue`.",
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

def git(repo: Path, *argumen: str) -> str | None:
    try:
        hasil = subprocess.run(["git", "-C", str(repo), *argumen], capture_output=True, text=True,
                               timeout=120)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return hasil.stdout.strip() if hasil.returncode == 0 else None


def repositori(akar_data: Path) -> Path | None:
    """The git checkout whose `data/` is this data folder and whose code is running; None when
    the data lives elsewhere (a copy, a fixture) or there is no git."""
    atas = git(AKAR_PROYEK, "rev-parse", "--show-toplevel")
    if atas is None or Path(atas).resolve() != AKAR_PROYEK:
        return None
    return AKAR_PROYEK if akar_data.resolve() == AKAR_PROYEK / "data" else None


def komit_tag(repo: Path, tag: str) -> str | None:
    return git(repo, "rev-parse", "--verify", "--quiet", f"refs/tags/{tag}^{{commit}}")


def komit_head(repo: Path) -> str | None:
    return git(repo, "rev-parse", "--verify", "HEAD")


def di_riwayat(repo: Path, komit: str, ujung: str = "HEAD") -> bool:
    """Whether `komit` is `ujung` or one of its ancestors: part of the history being published."""
    return git(repo, "merge-base", "--is-ancestor", komit, ujung) is not None


def waktu_komit(repo: Path, komit: str) -> str:
    return git(repo, "show", "-s", "--format=%ct", komit) or "0"


def dangkal(repo: Path) -> bool:
    return git(repo, "rev-parse", "--is-shallow-repository") == "true"


def komit_kode() -> str:
    """The code commit the edition was built from ("tidak diketahui" outside a git checkout)."""
    try:
        hasil = subprocess.run(["git", "rev-parse", "--short=10", "HEAD"], capture_output=True,
                               text=True, cwd=Path(__file__).resolve().parent, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return "tidak diketahui"
    return hasil.stdout.strip() if hasil.returncode == 0 else "tidak diketahui"


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


def baca_json_terbit(path: Path) -> Any:
    """A JSON file this tool published and now reads back, as input: a regular file (not a
    symlink) of at most BATAS_BAIT bytes holding UTF-8 JSON; None otherwise."""
    try:
        info = os.lstat(path)
        if not stat.S_ISREG(info.st_mode) or info.st_size > BATAS_BAIT:
            return None
        return json.loads(path.read_bytes().decode("utf-8"))
    except (OSError, ValueError):
        return None


def stempel(folder: Path) -> dict[str, Any]:
    """The stamp a build leaves in a published edition's folder; empty when there is none or
    it is not of the shape a build writes (JENIS_STEMPEL, a revision number 0–999, status draf
    or final): then nothing counts as published there, and it is built again."""
    isi = baca_json_terbit(folder / STEMPEL)
    if not isinstance(isi, dict) or any(
            k in isi and type(isi[k]) is not jenis for k, jenis in JENIS_STEMPEL.items()):
        return {}
    if not 0 <= isi.get("revisi", 0) < 1000 or isi.get("status", "final") not in ("draf", "final"):
        return {}
    return isi


def slug_terbit(situs: Path) -> list[str]:
    """The agencies of a kabupaten site: folders named as a slug holding published editions."""
    return sorted(p.name for p in situs.iterdir() if p.is_dir() and kabupaten.slug_sah(p.name)
                  and any(edisi_terbit(p)))


def edisi_terbit(folder: Path) -> dict[int, dict[str, object]]:
    """The stamps of an agency's current editions (not superseded revisions), by year."""
    hasil = {}
    for p in sorted(folder.glob("[0-9][0-9][0-9][0-9]")):
        isi = stempel(p)
        if isi and p.name.isdigit():
            hasil[int(p.name)] = isi
    return hasil


def revisi_terbit(folder: Path) -> int | None:
    """The revision published in a folder, by its stamp; None when nothing is published there."""
    isi = stempel(folder)
    return int(isi.get("revisi", 0)) if isi else None


def info_stempel(tahun: int, edisi: Edisi, akar_data: Path) -> dict[str, Any]:
    """What the stamp of a newly built edition records about its release state."""
    repo = repositori(akar_data)
    head = komit_head(repo) if repo else None
    return {"label": label(edisi), "revisi": len(edisi.revisi),
            "komit": head or komit_kode()}
