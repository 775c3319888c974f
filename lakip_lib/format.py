"""Indonesian presentation of numbers, money, dates and amounts in words.

Babel (locale `id_ID`) does the separators, num2words (`id`) the words: no hand-rolled formatting.
Rounding happens here, once, at presentation (half up, as in an official report).
"""

from __future__ import annotations

import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

LOKAL = "id_ID"
BELUM_TERSEDIA = "belum tersedia"
TIDAK_LENGKAP = "tidak lengkap"  # a sum over a missing part
TIDAK_DIHITUNG = "tidak dihitung"  # a percentage on an incomplete base

Angka = Decimal | int | float

# d3-format locale for Indonesian numbers in chart axes (the page's vegaEmbed): the separators
# of `angka`
LOKAL_VEGA = {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["Rp", ""]}


def bulatkan(nilai: Angka, desimal: int = 2) -> Decimal:
    """Round half up to a fixed number of decimals."""
    return Decimal(str(nilai)).quantize(Decimal(1).scaleb(-desimal), rounding=ROUND_HALF_UP)


def angka(nilai: Angka | None, desimal: int = 2) -> str:
    """`97000169679` → `97.000.169.679`; `Decimal('73.27')` → `73,27`."""
    if nilai is None:
        return BELUM_TERSEDIA
    return _angka_bulat(str(bulatkan(nilai, desimal)), desimal)


@lru_cache(maxsize=16384)  # Babel takes a third of a millisecond a number; the audit and the
def _angka_bulat(nilai: str, desimal: int) -> str:  # pages format the same figures many times
    """`angka` of a value already rounded to `desimal` decimals, given as its exact text (the
    text keeps -0.00 apart from 0.00, which compare equal as Decimals)."""
    from babel.numbers import format_decimal  # Babel and num2words load on first use (a
    # build with nothing changed needs neither)

    pola = "#,##0" + ("." + "0" * desimal if desimal > 0 else "")
    teks = format_decimal(Decimal(nilai), format=pola, locale=LOKAL)
    return teks.replace("\N{MINUS SIGN}", "-")


def detik(nilai: float) -> str:
    """A duration in seconds as the build reports it, one decimal: the text of `angka(nilai, 1)`
    (`2,7`, `1.234,5`) without Babel, whose locale data costs a build with nothing changed a
    fifth of its time."""
    bulat = bulatkan(nilai, 1)
    utuh, _, pecahan = f"{abs(bulat):.1f}".partition(".")
    return f"{'-' if bulat.is_signed() else ''}{int(utuh):,}".replace(",", ".") + f",{pecahan}"


def angka_persis(nilai: Decimal) -> str:
    """Every decimal the value has, Indonesian style: `Decimal('0.7412')` → `0,7412`
    (for messages quoting what the analyst typed)."""
    eksponen = nilai.normalize().as_tuple().exponent
    return angka(nilai, max(0, -eksponen) if isinstance(eksponen, int) else 0)


def angka_alami(nilai: Angka | None) -> str:
    """Whole numbers without decimals (`13`), others with two (`6,63`): for counts and scores
    whose precision is not fixed by an indicator definition."""
    if nilai is None:
        return BELUM_TERSEDIA
    bulat = Decimal(str(nilai)) == Decimal(str(nilai)).to_integral_value()
    return angka(nilai, 0 if bulat else 2)


def persen(nilai: Angka | None, desimal: int = 2) -> str:
    """`93.773` → `93,77%`."""
    return BELUM_TERSEDIA if nilai is None else f"{angka(nilai, desimal)}%"


def rupiah(nilai: int | None) -> str:
    """Integer Rupiah: `97000169679` → `Rp97.000.169.679`."""
    if nilai is None:
        return BELUM_TERSEDIA
    tanda = "-" if nilai < 0 else ""
    return f"{tanda}Rp{angka(abs(nilai), 0)}"


class Bulan(date):
    """A date known to the month only (written `2025-01` in data, as a signed report dated
    "Januari 2025" gives it): printed as the month, never with a day the data does not hold.
    As a date it is the month's first day (for ordering and document metadata); its ISO form
    is the month's, `2025-01`."""

    POLA = re.compile(r"(\d{4})-(0[1-9]|1[0-2])")

    def __new__(cls, tahun: int, bulan: int, hari: int = 1) -> Bulan:
        return super().__new__(cls, tahun, bulan, 1)

    @classmethod
    def dari_teks(cls, teks: str) -> Bulan | None:
        """`"2025-01"` → `Bulan(2025, 1)`; None for any other text."""
        cocok = cls.POLA.fullmatch(teks.strip())
        return cls(int(cocok.group(1)), int(cocok.group(2))) if cocok else None

    def isoformat(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    __str__ = isoformat

    def __repr__(self) -> str:
        return f"Bulan({self.year}, {self.month})"


def tanggal(nilai: date) -> str:
    """`date(2025, 1, 31)` → `31 Januari 2025`; a date known to the month (`Bulan`) →
    `Januari 2025`."""
    from babel.dates import format_date

    if isinstance(nilai, Bulan):
        return bulan_tahun(nilai)
    return format_date(nilai, "d MMMM y", locale="id")


def bulan_tahun(nilai: date) -> str:
    """`date(2025, 1, 31)` → `Januari 2025`."""
    from babel.dates import format_date

    return format_date(nilai, "MMMM y", locale="id")


def terbilang(nilai: int) -> str:
    """Amount in words with the first letter of each word capitalised, as on official papers."""
    from num2words import num2words

    kata = num2words(abs(nilai), lang="id")
    kata = ("minus " + kata) if nilai < 0 else kata
    return " ".join(k.capitalize() for k in kata.split())


def terbilang_rupiah(nilai: int) -> str:
    """`97000169679` → `Sembilan Puluh Tujuh Miliar … Tujuh Puluh Sembilan Rupiah`."""
    return f"{terbilang(nilai)} Rupiah"


def baca_angka(teks: str) -> Decimal:
    """Inverse of `angka`/`persen`: `'1.234,50%'` → `Decimal('1234.50')` (for tests and audits)."""
    bersih = teks.strip().removesuffix("%").removeprefix("Rp").replace(".", "").replace(",", ".")
    return Decimal(bersih)
