"""Validation problems, phrased for the analyst (Bahasa Indonesia), and the error that carries them."""

from __future__ import annotations

from dataclasses import dataclass

from lakip_lib import karakter

GALAT = "galat"
PERINGATAN = "peringatan"
PANJANG_MAKS = 300  # characters of a value quoted back in a message
LAPORAN_MAKS = 50  # problems a report lists; the rest are counted ("… dan 299.950 masalah lain")


def _tampak(teks: str) -> str:
    """A message as the terminal will show it: control (e.g. terminal escape sequences) and
    invisible characters named by their code (`karakter.tampak`), long text cut."""
    teks = karakter.tampak(teks, kecuali="\n")
    return teks if len(teks) <= 4 * PANJANG_MAKS else teks[: 4 * PANJANG_MAKS] + " …"


@dataclass(frozen=True, order=True)
class Masalah:
    """One problem in the input data: where it is first, then what to do."""

    berkas: str
    baris: int | None
    kolom: str | None
    pesan: str
    tingkat: str = GALAT

    def __str__(self) -> str:
        tempat = [self.berkas]
        if self.baris is not None:
            tempat.append(f"baris {self.baris}")
        if self.kolom is not None:
            tempat.append(f'kolom "{_tampak(self.kolom)[:PANJANG_MAKS]}"')
        awalan = "Peringatan: " if self.tingkat == PERINGATAN else ""
        return f"{', '.join(tempat)}: {awalan}{_tampak(self.pesan)}"


def urutan(m: Masalah) -> tuple[str, int, str, str]:
    """File, then row (file-level problems first), then column: a missing row or column
    sorts as well as a present one."""
    return (m.berkas, m.baris or 0, m.kolom or "", m.pesan)


class ValidasiGagal(Exception):
    """Raised with every problem found, never only the first."""

    def __init__(self, masalah: list[Masalah]):
        self.masalah = sorted(masalah, key=urutan)
        super().__init__(laporan(self.masalah))


def laporan(masalah: list[Masalah]) -> str:
    """Every problem on its line, at most `LAPORAN_MAKS` of them (the rest counted), then the
    totals: a report of 300 000 bad rows stays a screenful, not 38 MB."""
    galat = [m for m in masalah if m.tingkat == GALAT]
    tampil = masalah if len(masalah) <= LAPORAN_MAKS else sorted(
        (galat + [m for m in masalah if m.tingkat != GALAT])[:LAPORAN_MAKS], key=urutan)
    baris = [str(m) for m in tampil]
    if len(masalah) > LAPORAN_MAKS:
        lain = f"{len(masalah) - LAPORAN_MAKS:,}".replace(",", ".")
        baris.append(f"… dan {lain} masalah lain (perbaiki yang di atas dulu, lalu periksa lagi).")
    baris.append(
        f"Ditemukan {len(galat)} galat dan {len(masalah) - len(galat)} peringatan."
        if masalah
        else "Data valid: tidak ada galat."
    )
    return "\n".join(baris)


class ImporGagal(Exception):
    """The workbook cannot be imported at all (no data folder for the year). Defined here, not
    in `buku_kerja`, so that the CLI catches it without loading openpyxl."""
