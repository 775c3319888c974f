"""Several files of the data folder replaced together, all or none, even across a kill.

`ganti_semua` writes each new content beside its target (`.<name>.impor`), flushed to disk, then
writes a journal listing the replacements and renames it into place: that rename is the commit.
Only then are the targets replaced one by one. A process killed before the commit leaves the
old files and some staged copies, which `pulihkan` deletes; killed after it, `pulihkan` finishes
the replacements the journal lists. Every command that reads the data folder runs `pulihkan`
first, so no reader ever sees half an import.
"""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

JURNAL = ".lakip-impor.json"
AKHIRAN = ".impor"


class TulisGagal(Exception):
    """The data folder cannot be written (disk full, no permission); the message is for the
    analyst and nothing was changed."""


def _sementara(tujuan: Path) -> Path:
    return tujuan.with_name(f".{tujuan.name}{AKHIRAN}")


def _tulis_tersimpan(path: Path, isi: bytes) -> None:
    with path.open("wb") as f:
        f.write(isi)
        f.flush()
        os.fsync(f.fileno())


def _sinkron_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def ganti_semua(akar: Path, isi: dict[str, str]) -> None:
    """Replace every `akar/<path>` with its new text, all or none."""
    pasangan = [(_sementara(akar / p), akar / p) for p in sorted(isi)]
    jurnal = akar / JURNAL
    try:
        for (tmp, _), p in zip(pasangan, sorted(isi), strict=True):
            _tulis_tersimpan(tmp, isi[p].encode("utf-8"))
        daftar = [[str(tmp.relative_to(akar)), str(t.relative_to(akar))] for tmp, t in pasangan]
        _tulis_tersimpan(_sementara(jurnal), json.dumps(daftar).encode("utf-8"))
        os.replace(_sementara(jurnal), jurnal)  # the commit
        _sinkron_folder(akar)
    except OSError as e:
        if jurnal.exists():  # committed after all: only the directory sync failed
            pulihkan(akar)
            return
        for tmp, _ in [*pasangan, (_sementara(jurnal), jurnal)]:
            tmp.unlink(missing_ok=True)
        raise TulisGagal(pesan_galat_tulis(e, akar)) from e
    pulihkan(akar)


def pulihkan(akar: Path, buang_sisa: bool = False) -> list[str]:
    """Finish a committed import; the paths it finished. With `buang_sisa` (only the importer,
    which is the only writer), also delete the staged copies of an uncommitted one."""
    jurnal = akar / JURNAL
    if not jurnal.exists():
        if buang_sisa:
            for sisa in [*akar.glob(f".*{AKHIRAN}"), *akar.glob(f"*/.*{AKHIRAN}")]:
                sisa.unlink(missing_ok=True)
        return []
    try:
        daftar = json.loads(jurnal.read_text(encoding="utf-8"))
    except FileNotFoundError:  # another process finished it a moment ago
        return []
    selesai = []
    for tmp, tujuan in daftar:
        try:
            os.replace(akar / tmp, akar / tujuan)
            selesai.append(tujuan)
        except FileNotFoundError:  # replaced before the kill
            pass
    for folder in sorted({(akar / t).parent for _, t in daftar}):
        _sinkron_folder(folder)
    jurnal.unlink(missing_ok=True)
    return selesai


def pesan_galat_tulis(e: OSError, folder: Path) -> str:
    """A short Indonesian message for a write that the system refused."""
    if e.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return (f"ruang disk tidak cukup untuk menulis ke {folder}. Kosongkan ruang disk, lalu "
                "ulangi perintahnya.")
    if e.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return (f"folder {folder} tidak dapat ditulis (izin ditolak atau hanya-baca). Pakai "
                "folder yang dapat Anda tulis, atau minta hak tulis, lalu ulangi perintahnya.")
    if e.errno in (errno.ENOTDIR, errno.EISDIR, errno.ENOENT):
        return (f"jalur {folder} tidak dapat dipakai: salah satu bagiannya bukan folder atau "
                "tidak ada. Pilih folder lain, lalu ulangi perintahnya.")
    return f"{folder} tidak dapat ditulis: {e.strerror or e}."
