"""Images from data (the cover's coat of arms and logo): untrusted files, accepted only as a
PNG or JPEG (recognised by its first bytes, not its name) of at most 2 MB, a plain file inside
the data folder. The book embeds the image's bytes in the page; it never refers to a path."""

from __future__ import annotations

import base64
from html import escape
from pathlib import Path, PurePosixPath

UKURAN_MAKS = 2 * 1024 * 1024
_TANDA = ((b"\x89PNG\r\n\x1a\n", "image/png"), (b"\xff\xd8\xff", "image/jpeg"))
GAMBAR_SAMPUL = ("lambang", "logo")  # optional keys of instansi.yaml naming an image file


def jenis(isi: bytes) -> str | None:
    """The MIME type of a PNG or JPEG by its magic bytes; None for anything else."""
    return next((mime for tanda, mime in _TANDA if isi.startswith(tanda)), None)


def masalah(akar: Path, rujukan: object) -> str | None:
    """What is wrong with an image named in data (relative to the data folder `akar`), in words
    for the analyst, or None when it may be shown."""
    if not isinstance(rujukan, str) or not rujukan.strip():
        return "harus berupa nama berkas gambar PNG atau JPEG di dalam folder data."
    bagian = PurePosixPath(rujukan)
    if bagian.is_absolute() or ".." in bagian.parts or "\\" in rujukan or ":" in rujukan:
        return (f'"{rujukan}" harus berupa nama berkas di dalam folder data, misalnya '
                '"lambang.png" (tanpa "..", bukan jalur mutlak).')
    path = akar / bagian
    jalur = [path, *[p for p in path.parents if p != akar and akar in p.parents]]
    if any(p.is_symlink() for p in jalur):
        return f'"{rujukan}" adalah tautan simbolik (symlink); simpan gambarnya sebagai berkas biasa.'
    if not path.is_file():
        return f'berkas gambar "{rujukan}" tidak ditemukan di folder data.'
    ukuran = path.stat().st_size
    if ukuran > UKURAN_MAKS:
        return (f'berkas gambar "{rujukan}" terlalu besar ({ukuran:,} bita; batas '
                f'{UKURAN_MAKS:,} bita, 2 MB).'.replace(",", "."))
    with path.open("rb") as f:
        if jenis(f.read(8)) is None:
            return f'berkas "{rujukan}" bukan gambar PNG atau JPEG.'
    return None


def img(isi: bytes, alt: str, kelas: str) -> str:
    """An <img> holding the image itself (a data: URI), its text alternative escaped."""
    mime = jenis(isi)
    if mime is None:
        raise ValueError("bukan gambar PNG atau JPEG")
    sumber = base64.b64encode(isi).decode("ascii")
    return f'<img class="{kelas}" src="data:{mime};base64,{sumber}" alt="{escape(alt, quote=True)}">'


