"""The data folder as validation reads it: where it is (`akar_data`), its years, and the
reader every check reads the folder's files through (`Pengumpul`: files on disk, or texts held
in memory for tests), which collects the problems with paths relative to the folder's parent.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Mapping
from pathlib import Path

from lakip_lib import berkas_aman, karakter
from lakip_lib.masalah import GALAT, Masalah

UKURAN_MAKS = berkas_aman.UKURAN_MAKS


def akar_data() -> Path:
    """The data/ folder: $LAKIP_DATA, else the nearest data/ with an instansi.yaml at or above
    the working directory (so notebooks run from notebooks/ find the project's data)."""
    if "LAKIP_DATA" in os.environ:
        return Path(os.environ["LAKIP_DATA"]).resolve()
    sini = Path.cwd().resolve()
    for folder in (sini, *sini.parents):
        if (folder / "data" / "instansi.yaml").exists():
            return folder / "data"
    return sini / "data"


class Pengumpul:
    """Reads the data folder's files for validation and collects problems, with paths shown
    relative to the data folder's parent. Its four reading methods are the loader's only access
    to the files (`PengumpulTeks` reads texts held in memory instead)."""

    def __init__(self, akar: Path):
        self.akar = akar
        self.masalah: list[Masalah] = []

    def ada(self, path: Path) -> bool:
        return path.exists()

    def ada_folder(self, path: Path) -> bool:
        return path.is_dir()

    def daftar(self, folder: Path, pola: str) -> list[Path]:
        """The files (not folders) of `folder` whose name matches `pola`, sorted."""
        return sorted(f for f in folder.glob(pola) if not f.is_dir())

    def isi(self, path: Path) -> bytes | None:
        """A file's bytes; None, with a message, for anything but a regular file inside the
        data folder reached through no symlink (a named pipe, a device, a symlinked file or
        year or narrative folder) or an oversized file (`berkas_aman.baca`)."""
        try:
            return berkas_aman.baca(path, self.akar, UKURAN_MAKS)
        except berkas_aman.BerkasDitolak as e:
            self.tambah(self.nama(path), None, None, e.pesan)
            return None

    def tautan(self, folder: Path) -> Path | None:
        """The symlink on the way from the data folder to `folder`, if any."""
        return berkas_aman.tautan_di_jalur(folder, self.akar)

    def tahun_tersedia(self) -> list[int]:
        return tahun_tersedia(self.akar)

    def nama(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.akar.parent))
        except ValueError:
            return str(path)

    def tambah(self, berkas: str, baris: int | None, kolom: str | None, pesan: str,
               tingkat: str = GALAT) -> None:
        self.masalah.append(Masalah(berkas, baris, kolom, pesan, tingkat))


class PengumpulTeks(Pengumpul):
    """A `Pengumpul` that reads texts (or bytes) held in memory, keyed by their path under the
    data folder, instead of files."""

    def __init__(self, akar: Path, berkas: Mapping[str, str | bytes]):
        super().__init__(akar)
        self.berkas = {akar / k: v.encode("utf-8") if isinstance(v, str) else v
                       for k, v in berkas.items()}

    def ada(self, path: Path) -> bool:
        return path in self.berkas

    def ada_folder(self, path: Path) -> bool:
        return any(path in f.parents for f in self.berkas)

    def daftar(self, folder: Path, pola: str) -> list[Path]:
        return sorted(f for f in self.berkas if f.parent == folder and f.match(pola))

    def isi(self, path: Path) -> bytes | None:
        return self.berkas.get(path)

    def tautan(self, folder: Path) -> Path | None:
        return None

    def tahun_tersedia(self) -> list[int]:
        return sorted({int(f.parts[len(self.akar.parts)]) for f in self.berkas
                       if f.parts[len(self.akar.parts)].isdigit()})


AKAR_TEKS = Path("/dev/null/data")  # the data folder of a year held in memory: a path that cannot
# exist (/dev/null is no folder), so a read that goes around the texts finds nothing


def tahun_tersedia(akar: Path | None = None) -> list[int]:
    akar = akar or akar_data()
    return sorted(int(p.name) for p in akar.glob("[0-9][0-9][0-9][0-9]") if p.is_dir())


def baca_teks(path: Path, p: Pengumpul, seluruh_teks: bool = False) -> str | None:
    """A text file's content, NFC-normalised (so that names compare equal however they were
    typed). None, with a message, for a symlink, an oversized file, an encoding other than
    UTF-8, or (with `seluruh_teks`: YAML and Markdown; CSV cells are checked one by one) an
    invisible or control character."""
    nama = p.nama(path)
    mentah = p.isi(path)
    if mentah is None:
        return None
    try:
        teks = unicodedata.normalize("NFC", mentah.decode("utf-8-sig"))
    except UnicodeDecodeError as e:
        baris = mentah[: e.start].count(b"\n") + 1
        cara = ('di Excel pilih "CSV UTF-8 (Comma delimited)"' if path.suffix == ".csv" else
                "di penyunting teks pilih pengodean UTF-8")
        p.tambah(nama, baris, None, "berkas tidak tersimpan dalam pengodean UTF-8 (mungkin "
                 f"Windows-1252). Simpan ulang sebagai UTF-8: {cara}.")
        return None
    terlarang = karakter.terlarang(teks, banyak_baris=True) if seluruh_teks else None
    if terlarang:
        posisi, uraian = terlarang
        p.tambah(nama, teks.count("\n", 0, posisi) + 1, None,
                 f"berkas memuat {uraian}. Hapus karakter itu (sering terbawa saat menyalin "
                 "dari web atau PDF).")
        return None
    return teks
