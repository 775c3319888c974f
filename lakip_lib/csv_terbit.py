"""CSV as the edition publishes it: cells that a spreadsheet would run as formulas opened as
text, and a displayed table's figures read back as plain numbers.

Why plain numbers with a dot decimal (and no thousands separator) rather than the Indonesian
display (`98,96%`, `13.330.460.029`): a CSV is read by programs before people, and pandas, R,
LibreOffice, Google Sheets and Excel's import read `98.96` and `13330460029` as numbers, while
`98,96` is text to every one of them but a spreadsheet set to Indonesian, and `13.330.460.029`
a malformed number to all. It is also how the data package's own CSV files write numbers. The
unit leaves the cell for the column's header (`Capaian (%)`), or a `Satuan` column when it
differs from row to row. The file is UTF-8 with a byte-order mark, which Excel needs to read
`–` or `÷` as they are (pandas, R's readr and LibreOffice skip it).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from decimal import Decimal

BOM = "\ufeff"
_ANGKA_CSV = re.compile(r"[-+]?[0-9][0-9.,]*%?")


def sel_csv_aman(sel: str) -> str:
    """A cell that a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage
    return) gets a leading apostrophe, so it opens as text; a number (also a negative one, or an
    Indonesian-formatted figure such as -5,00%) stays as it is."""
    if sel[:1] in ("=", "+", "-", "@", "\t", "\r") and not _ANGKA_CSV.fullmatch(sel):
        return "'" + sel
    return sel


def csv_aman(baris: Iterable[Iterable[str]]) -> str:
    """CSV text of rows with every cell passed through `sel_csv_aman`."""
    keluaran = io.StringIO()
    csv.writer(keluaran, lineterminator="\n").writerows([sel_csv_aman(str(s)) for s in b]
                                                        for b in baris)
    return keluaran.getvalue()


# A figure as the book prints it: an optional "Rp" (after a minus sign), digits grouped by "."
# with an optional ","-decimal part, then nothing, "%" or a unit in words ("anak per perempuan")
_TAMPILAN = re.compile(
    r"(?P<tanda>-?)(?P<rp>Rp)?(?P<angka>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)"
    r"(?P<satuan>%|\s+[^\W\d].*)?", re.DOTALL)


def angka_tampilan(teks: str) -> tuple[str, str] | None:
    """A displayed figure as a plain number and its unit: `"-1.272,73%"` → `("-1272.73", "%")`,
    `"2,31 anak per perempuan"` → `("2.31", "anak per perempuan")`, `"Rp1.500"` →
    `("1500", "Rp")`; the printed precision is kept (`"100,00%"` → `"100.00"`). None for text
    that is not one figure (`"≤ 50,00"`, `"belum tersedia"`)."""
    cocok = _TAMPILAN.fullmatch(teks.strip())
    if cocok is None:
        return None
    angka = cocok["angka"].replace(".", "").replace(",", ".")
    nilai = cocok["tanda"] + angka
    Decimal(nilai)  # always a number by the pattern; a failure here is a bug, not bad input
    satuan = "Rp" if cocok["rp"] else (cocok["satuan"] or "").strip()
    return nilai, satuan
