"""Names of the facts the book states, one name per fact wherever the fact is shown.

A fact is what a figure says (an indicator's realisasi in a year, a budget line's absorption, a
count of villages), not where it is printed. The book emits each figure with its fact name
(`data-fakta`), the audit names the fact each printed figure is about, and the book marks a
figure whose fact the signed source document printed differently in the same chapter. Two
figures with one name must show one value (the consistency test reads the built site for it).
"""

from __future__ import annotations

import re


def indikator(kode: str, ukuran: str, tahun: int | None = None) -> str:
    """An indicator's measure: `target` (the year's PK target), `capaian`, `kategori`,
    `capaian_akhir_renstra`; with a year: `realisasi`, `target_renstra`, `capaian_renstra`."""
    return f"{kode}.{ukuran}" + (f".{tahun}" if tahun is not None else "")


def anggaran(kode: str, ukuran: str) -> str:
    """A budget line (`total` for the agency, `sasaran.S1` for a sasaran's programmes):
    `anggaran`, `realisasi`, `penyerapan`, `sisa`."""
    return f"anggaran.{kode}.{ukuran}"


def kategori_jumlah(kategori: str) -> str:
    return f"kategori.jumlah.{kategori}"


KATEGORI_KESELURUHAN = "kategori.keseluruhan"
NILAI_KESELURUHAN = "kategori.nilai_keseluruhan"


def baris(tabel: str, kunci: str, ukuran: str) -> str:
    """A figure of a data table's row that no other table states (`cpr`, `idm`, `kasus`,
    `efisiensi`, `program`, `pk_anggaran`, `desa`)."""
    return f"{tabel}.{kunci}.{ukuran}"


# --- where a source document printed something ------------------------------------------------
# LAKIP chapters follow PermenPAN-RB 53/2014 (Ikhtisar Eksekutif, Bab I–IV, Lampiran) and number
# tables per chapter, so a printed place names its chapter the same way in any agency's report.

_ROMAWI = {"I": "1", "II": "2", "III": "3", "IV": "4"}


def bab_sumber(lokasi: str) -> str | None:
    """The chapter ("IE", "1".."4", "L") of a place in the source document, from its name:
    "Ikhtisar Eksekutif", "Tabel 3.1", "Subbab 3.4", "Bab IV Penutup", "Sasaran 2 butir a",
    "Lampiran …"; None when the name does not say."""
    teks = lokasi.strip()
    if re.match(r"(?i)ikhtisar", teks):
        return "IE"
    if re.match(r"(?i)lampiran", teks):
        return "L"
    if m := re.search(r"(?i)\bbab\s+(IV|III|II|I)\b", teks):
        return _ROMAWI[m.group(1).upper()]
    if m := re.search(r"(?i)\b(?:tabel|subbab|gambar|grafik)\s+(\d)\.", teks):
        return m.group(1)
    if re.match(r"(?i)sasaran\s+\d", teks):
        return "3"  # the analysis per sasaran is Bab III's
    return None
