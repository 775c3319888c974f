"""Images from data (the cover's coat of arms and logo, activity photos): untrusted files,
accepted only as a PNG or JPEG (recognised by its first bytes, not its name) of at most 2 MB and
25 million pixels (read from its header), a plain file inside the data folder. The book embeds
the image's bytes in the page; it never refers to a path. Where an image is published as a file
(the data package), its name is ours: its content hash and the extension of its checked type
(`nama_terbit`), never the name data gave it — a "photo" named `x.html` that starts with a PNG
header is published as `<hash>.png`, served as an image."""

from __future__ import annotations

import base64
import hashlib
from html import escape
from pathlib import Path, PurePosixPath

from lakip_lib import berkas_aman

UKURAN_MAKS = 2 * 1024 * 1024
PIKSEL_MAKS = 25_000_000  # pixels (e.g. 6000 × 4000): a browser decodes 4 bytes a pixel, so a
# 2 MB file declaring 60 000 × 60 000 would need 14 GB to show
SISI_MAKS = 10_000  # pixels along either side
FOTO_TOTAL_MAKS = 10 * 1024 * 1024  # bytes of all an edition's photos: each is embedded in the
# Lampiran page (a third more as base64), which must stay readable on a phone
_TANDA = ((b"\x89PNG\r\n\x1a\n", "image/png"), (b"\xff\xd8\xff", "image/jpeg"))
EKSTENSI = {"image/png": ".png", "image/jpeg": ".jpg"}
GAMBAR_SAMPUL = ("lambang", "logo")  # optional keys of instansi.yaml naming an image file


def jenis(isi: bytes) -> str | None:
    """The MIME type of a PNG or JPEG by its magic bytes; None for anything else."""
    return next((mime for tanda, mime in _TANDA if isi.startswith(tanda)), None)


def nama_terbit(isi: bytes) -> str:
    """The name an image is published under: the first 16 hex digits of its sha256 and the
    extension of its type as checked by its bytes. Raises ValueError for anything unchecked."""
    mime = jenis(isi)
    if mime is None:
        raise ValueError("bukan gambar PNG atau JPEG")
    return hashlib.sha256(isi).hexdigest()[:16] + EKSTENSI[mime]


def masalah(akar: Path, rujukan: object, tempat: str = "folder data") -> str | None:
    """What is wrong with an image named in data (relative to the data folder `akar`, or to the
    folder the analyst knows as `tempat`), in words for the analyst, or None when it may be
    shown."""
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
        return f'berkas gambar "{rujukan}" tidak ditemukan di {tempat}.'
    ukuran = path.stat().st_size
    if ukuran > UKURAN_MAKS:
        return (f'berkas gambar "{rujukan}" terlalu besar ({ukuran:,} bita; batas '
                f'{UKURAN_MAKS:,} bita, 2 MB).'.replace(",", "."))
    try:
        isi = berkas_aman.baca(path, akar, UKURAN_MAKS)
    except berkas_aman.BerkasDitolak as e:
        return f'berkas gambar "{rujukan}": {e.pesan}'
    if jenis(isi) is None:
        return f'berkas "{rujukan}" bukan gambar PNG atau JPEG.'
    ukuran_piksel = piksel(isi)
    if ukuran_piksel is None:
        return (f'berkas "{rujukan}" rusak: ukuran gambarnya (lebar × tinggi) tidak dapat '
                "dibaca. Simpan ulang gambarnya sebagai PNG atau JPEG.")
    lebar, tinggi = ukuran_piksel
    if lebar * tinggi > PIKSEL_MAKS or max(lebar, tinggi) > SISI_MAKS:
        return (f'gambar "{rujukan}" berukuran {lebar} × {tinggi} piksel; batas '
                f"{SISI_MAKS} piksel per sisi dan {PIKSEL_MAKS // 1_000_000} juta piksel. "
                "Perkecil gambarnya (misalnya lebar 2000 piksel cukup untuk dicetak).")
    return None


def piksel(isi: bytes) -> tuple[int, int] | None:
    """(width, height) in pixels as a PNG's header (IHDR) or a JPEG's frame header (SOF)
    declares them, read without decoding the image; None when it cannot be found."""
    if isi.startswith(_TANDA[0][0]):
        if isi[12:16] != b"IHDR" or len(isi) < 24:
            return None
        return int.from_bytes(isi[16:20], "big"), int.from_bytes(isi[20:24], "big")
    return _piksel_jpeg(isi) if isi.startswith(_TANDA[1][0]) else None


_SOF = {*range(0xC0, 0xD0)} - {0xC4, 0xC8, 0xCC}  # frame headers (DHT, JPG, DAC are not)


def _piksel_jpeg(isi: bytes) -> tuple[int, int] | None:
    """A JPEG's size from its first frame header, walking the segments after SOI."""
    i = 2
    while i + 4 <= len(isi):
        if isi[i] != 0xFF:
            return None
        penanda = isi[i + 1]
        if penanda == 0xFF:  # fill byte
            i += 1
            continue
        if penanda in (0x01, *range(0xD0, 0xD8)):  # markers without a length
            i += 2
            continue
        panjang = int.from_bytes(isi[i + 2:i + 4], "big")
        if penanda in _SOF:
            if panjang < 7 or i + 9 > len(isi):
                return None
            tinggi = int.from_bytes(isi[i + 5:i + 7], "big")
            lebar = int.from_bytes(isi[i + 7:i + 9], "big")
            return (lebar, tinggi) if lebar and tinggi else None
        if penanda in (0xD9, 0xDA) or panjang < 2:  # end of image or scan before any frame
            return None
        i += 2 + panjang
    return None


def img(isi: bytes, alt: str, kelas: str) -> str:
    """An <img> holding the image itself (a data: URI), its text alternative escaped."""
    mime = jenis(isi)
    if mime is None:
        raise ValueError("bukan gambar PNG atau JPEG")
    sumber = base64.b64encode(isi).decode("ascii")
    return f'<img class="{kelas}" src="data:{mime};base64,{sumber}" alt="{escape(alt, quote=True)}">'


