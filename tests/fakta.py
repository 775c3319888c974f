"""Reading the facts a built book states: every figure carries `data-fakta` (its fact's name);
one fact must show one value on every page, in the print edition's source and in the PDF."""

from __future__ import annotations

from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path

LEWATI = {"search.html", "genindex.html", "index.html"}


class _Fakta(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.temuan: list[tuple[str, str]] = []
        self._kini: str | None = None
        self._teks: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        nama = dict(attrs).get("data-fakta")
        if tag == "span" and nama is not None:
            self._kini, self._teks = nama, []

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self._kini is not None:
            nilai = " ".join("".join(self._teks).split())
            # money is one value with or without its unit (tables carry "(Rp)" in the header)
            self.temuan.append((self._kini, nilai.removeprefix("Rp")))
            self._kini = None

    def handle_data(self, data: str) -> None:
        if self._kini is not None:
            self._teks.append(data)


def fakta_html(teks: str) -> list[tuple[str, str]]:
    """(fact, shown value) of every figure in one HTML document, in order."""
    p = _Fakta()
    p.feed(teks)
    return p.temuan


def kumpulkan(sumber: dict[str, str]) -> dict[str, dict[str, list[str]]]:
    """fact → value → the places (page names) that show it."""
    hasil: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for tempat, teks in sumber.items():
        for fakta, nilai in fakta_html(teks):
            hasil[fakta][nilai].append(tempat)
    return hasil


def halaman(edisi: Path) -> dict[str, str]:
    """The HTML pages of one built edition (page name → HTML)."""
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(edisi.glob("*.html"))
            if p.name not in LEWATI}


def bentrok(fakta: dict[str, dict[str, list[str]]]) -> list[str]:
    """One line per fact shown with more than one value, naming the values and their pages."""
    return [f"{nama}: " + "; ".join(f"{nilai!r} di {', '.join(sorted(set(tempat)))}"
                                    for nilai, tempat in per_nilai.items())
            for nama, per_nilai in sorted(fakta.items()) if len(per_nilai) > 1]
