"""Replacing a published folder or file so that a reader (or a kill) never finds it missing.

A folder is swapped with Linux `renameat2(RENAME_EXCHANGE)`: one system call exchanges the new and
the old edition, so at every instant one of them is at the published path, and a kill at any point
leaves either the old or the new edition there. Where the call does not exist (another kernel, a
file system without it) the fallback is two renames with a recovery: the old edition is parked
under a known name, and the next publication puts it back if a kill came between the renames.
A file is replaced by writing a temporary sibling and `os.replace` (atomic on POSIX).
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
from pathlib import Path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _renameat2(a: Path, b: Path) -> bool:
    """Exchange two paths atomically; False when the system cannot (then nothing happened)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        fungsi = libc.renameat2
    except (OSError, AttributeError):
        return False
    fungsi.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p,
                       ctypes.c_uint]
    if fungsi(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    kode = ctypes.get_errno()
    if kode in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(kode, os.strerror(kode), str(b))


def pulihkan(tujuan: Path, parkir: Path) -> None:
    """After a kill between the two renames of the fallback: put the parked old folder back."""
    if parkir.exists() and not tujuan.exists():
        parkir.rename(tujuan)


def ganti_folder(baru: Path, tujuan: Path, parkir: Path) -> None:
    """Put the complete folder `baru` at `tujuan`; the old one is removed afterwards. `parkir`
    is a sibling name kept free for the fallback (and removed when left by an earlier kill)."""
    pulihkan(tujuan, parkir)
    if parkir.exists():
        shutil.rmtree(parkir)
    if not tujuan.exists():
        baru.rename(tujuan)
        return
    if _renameat2(baru, tujuan):
        shutil.rmtree(baru)  # `baru` now holds the old edition
        return
    tujuan.rename(parkir)
    baru.rename(tujuan)
    shutil.rmtree(parkir)


def tulis_atomik(path: Path, isi: str) -> None:
    """Write a text file so that it is at every instant either the old or the new content."""
    sementara = path.with_name(f".{path.name}.tmp")
    sementara.write_text(isi, encoding="utf-8")
    os.replace(sementara, path)
