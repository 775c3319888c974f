"""The review's correction markers say "this figure differs from what the signed report
printed": each must stand on a figure the book shows differently from the print, and state
the book's figure as the recomputed one. Read from the built review page (the session build)."""

from __future__ import annotations

import html
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path

_ANGKA = re.compile(r"^(?:Rp)?(-?\d{1,3}(?:\.\d{3})*(?:,\d+)?)(?:%|\s+\D.*)?$")
_TANDA = re.compile(  # a figure with its marker: in a table cell, or a footnote reference
    r'<span class="lakip-fakta" data-fakta="([^"]+)">([^<]*)</span>'
    r'(?:<details class="lakip-koreksi" id="([^"]+)"|<sup class="lakip-koreksi-rujuk">'
    r'<a href="#([^"]+)")')
_CATATAN = re.compile(r'id="(koreksi-[^"]+)"(?:(?!id=").)*?Tercetak di dokumen sumber '
                      r"\(.*?\): <b>(.*?)</b>; dihitung ulang: <b>(.*?)</b>", re.S)


def _angka(teks: str) -> Decimal | None:
    """A figure as shown (`Rp3.421.943.800`, `96,78%`, `16,00 per 1.000 perempuan …`)."""
    cocok = _ANGKA.match(html.unescape(teks).strip())
    if not cocok:
        return None
    try:
        return Decimal(cocok.group(1).replace(".", "").replace(",", "."))
    except InvalidOperation:
        return None


def sama(a: str, b: str) -> bool:
    """Two printed figures state one value: numbers less than half a unit of the coarser of
    their precisions apart (96,78% and 96,780 agree; 100,50% and 101 do not: 100,50 may be
    100,4987 rounded, and judging 101 against it would round twice), words alike."""
    x, y = _angka(a), _angka(b)
    if x is None or y is None:
        return html.unescape(a).strip().lower() == html.unescape(b).strip().lower()
    desimal = min(max(0, -int(n.as_tuple().exponent)) for n in (x, y))
    return abs(x - y) < Decimal(1).scaleb(-desimal) / 2


def tanda_reviu(halaman: str) -> list[tuple[str, str, str, str]]:
    """(fact, the figure the review shows, printed, recomputed) of every marked figure."""
    catatan = {i: (p, c) for i, p, c in _CATATAN.findall(halaman)}
    hasil = []
    for fakta, tampil, di_tabel, di_kalimat in _TANDA.findall(halaman):
        p, c = catatan[di_tabel or di_kalimat]
        hasil.append((fakta, tampil, p, c))
    return hasil


def periksa_tanda(halaman: str) -> list[str]:
    """Markers on a figure the print states the same way, or whose recomputed figure is not
    the one the book shows."""
    salah = []
    for fakta, tampil, tercetak, dihitung in tanda_reviu(halaman):
        if sama(tampil, tercetak):
            salah.append(f"{fakta}: tercetak {tercetak}, buku {tampil} (sama)")
        elif not sama(tampil, dihitung):
            salah.append(f"{fakta}: dihitung ulang {dihitung}, buku {tampil}")
    return salah


def test_every_marker_stands_on_a_real_difference_and_states_the_books_figure(situs_2024: Path):
    halaman = (situs_2024 / "reviu.html").read_text(encoding="utf-8")
    assert len(tanda_reviu(halaman)) > 50
    assert periksa_tanda(halaman) == []
