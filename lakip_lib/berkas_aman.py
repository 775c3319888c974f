"""Reading a file of the data folder as untrusted input: a regular file, inside the folder,
of bounded size, and never a read that can block.

A named pipe in place of a narrative would hang every command that reads it; a device
(`/dev/zero` linked or created in the folder) would never end; a symlinked file, or a file under
a symlinked year or narrative folder, would bring content from outside the folder into the book
and the published data package. `baca` opens without following a final symlink and without
blocking (`O_NOFOLLOW | O_NONBLOCK`), checks what it opened (`fstat`: a regular file, within the
size limit) and reads at most that many bytes.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

UKURAN_MAKS = 20 * 1024 * 1024  # bytes of one data table or YAML file; a table here is a few KiB


class BerkasDitolak(Exception):
    """A data file that is not read, with the reason in Indonesian (`pesan`)."""

    def __init__(self, pesan: str):
        super().__init__(pesan)
        self.pesan = pesan


def tautan_di_jalur(path: Path, akar: Path) -> Path | None:
    """The first folder or file from `akar` down to `path` that is a symbolic link, if any."""
    try:
        bagian = path.relative_to(akar).parts
    except ValueError:
        return path
    jalur = akar
    for nama in bagian:
        jalur = jalur / nama
        if jalur.is_symlink():
            return jalur
    return None


def baca(path: Path, akar: Path, batas: int) -> bytes:
    """The bytes of `path`, a regular file under the folder `akar` reached through no symbolic
    link, of at most `batas` bytes; BerkasDitolak saying why not otherwise."""
    tautan = tautan_di_jalur(path, akar)
    if tautan is not None:
        apa = "berkas ini" if tautan == path else f'folder "{tautan.name}" di jalurnya'
        raise BerkasDitolak(f"{apa} adalah tautan simbolik (symlink) dan tidak dibaca: isinya "
                            "bisa berasal dari luar folder data. Ganti dengan salinan berkas atau "
                            "folder aslinya.")
    if not stat.S_ISREG(os.lstat(path).st_mode):  # never opened: a socket cannot be
        raise BerkasDitolak(_BUKAN_BIASA)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | os.O_NOCTTY)
    except PermissionError as e:
        raise BerkasDitolak("berkas ini tidak dapat dibaca (izin ditolak). Periksa hak akses "
                            "berkasnya.") from e
    except OSError as e:
        if e.errno == errno.ELOOP:  # replaced by a symlink since it was checked
            raise BerkasDitolak("berkas ini adalah tautan simbolik (symlink) dan tidak dibaca.") \
                from e
        raise
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):  # replaced since the lstat above
            raise BerkasDitolak(_BUKAN_BIASA)
        if info.st_size > batas:
            raise BerkasDitolak(_terlalu_besar(info.st_size, batas))
        with os.fdopen(os.dup(fd), "rb") as f:
            isi = f.read(batas + 1)
        if len(isi) > batas:
            raise BerkasDitolak(_terlalu_besar(len(isi), batas))
        return isi
    finally:
        os.close(fd)


_BUKAN_BIASA = ("ini bukan berkas biasa (melainkan folder, pipa bernama, perangkat, atau soket) "
                "dan tidak dibaca. Ganti dengan berkas teks biasa.")


def _terlalu_besar(ukuran: int, batas: int) -> str:
    return (f"berkas terlalu besar ({ukuran // (1024 * 1024)} MiB; batas "
            f"{batas // (1024 * 1024)} MiB). Periksa apakah ini berkas yang benar.")
