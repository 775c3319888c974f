"""Reading the facts a built book states: every figure carries `data-fakta` (its fact's name);
one fact must show one value on every page, in the print edition's source and in the PDF."""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal
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


# --- the same fact under two names: what a table row says it measures ------------------------

UKURAN_SAMA = {"kondisi": "realisasi"}  # Bab I's "kondisi" of an aspect is this year's realisasi
BUKAN_UKURAN = ("pembanding.", "anggaran.")  # other regions' figures; budget lines (by code)


def _normal(teks: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", teks).lower().split())


def _ukuran(fakta: str, tahun: int) -> str:
    """What a fact measures, without the subject: `program.S4.P1.S8.capaian` → capaian,
    `IKU4.realisasi.2024` → realisasi (the edition's year), `IKU1.target_renstra.2026` →
    target_renstra.2026."""
    bagian = fakta.split(".")
    if bagian[-1].isdigit():
        akhir = bagian[-2] if int(bagian[-1]) == tahun else f"{bagian[-2]}.{bagian[-1]}"
    else:
        akhir = bagian[-1]
    return UKURAN_SAMA.get(akhir, akhir)


def _angka(nilai: str) -> str:
    """A shown value compared by its number where it has one (`100%` and `100,00%` agree)."""
    cocok = re.match(r"-?[\d.]+(,\d+)?", nilai)
    if not cocok:
        return nilai
    return str(Decimal(cocok.group(0).replace(".", "").replace(",", ".")).normalize())


def fakta_baris_tabel(teks: str, tahun: int) -> list[tuple[tuple[str, str, str], str, str]]:
    """((measure, indicator, subject), value, fact) of every figure in a table row that names
    the indicator it measures (a column "Indikator" or "Aspek kajian"); the subject is the
    row's first cell when that is not the indicator (a programme, kegiatan or sasaran)."""
    hasil = []
    for tabel in re.findall(r'<table class="lakip-tabel">.*?</table>', teks, re.S):
        kepala = [_normal(h) for h in re.findall(r'<th scope="col"[^>]*>(.*?)</th>', tabel, re.S)]
        kolom = next((kepala.index(k) for k in ("indikator", "aspek kajian") if k in kepala), None)
        if kolom is None:
            continue
        for baris in re.findall(r"<tr[^>]*>(.*?)</tr>", tabel.split("<tbody>", 1)[-1], re.S):
            sel = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", baris, re.S)
            if len(sel) != len(kepala):
                continue
            indikator, subjek = _normal(sel[kolom]), _normal(sel[0]) if kolom else ""
            for isi in sel:
                for fakta, nilai in fakta_html(isi):
                    if not fakta.startswith(BUKAN_UKURAN):
                        hasil.append(((_ukuran(fakta, tahun), indikator, subjek), nilai, fakta))
    return hasil


def bentrok_makna(sumber: dict[str, str], tahun: int) -> list[str]:
    """One line per figure that table rows name alike (the same indicator, of the same
    programme where the row names one, the same measure) shown with two values, whatever the
    facts are called: a copy of a figure under a name of its own is caught too."""
    per_kunci: dict[tuple[str, str, str], dict[str, set[str]]] = defaultdict(
        lambda: defaultdict(set))
    for tempat, teks in sumber.items():
        for kunci, nilai, fakta in fakta_baris_tabel(teks, tahun):
            per_kunci[kunci][nilai].add(f"{tempat} ({fakta})")
    tanpa_subjek = {(u, i): k for (u, i, s), k in per_kunci.items() if not s}
    pesan = []
    for (ukuran, indikator, subjek), per_nilai in sorted(per_kunci.items()):
        gabung = dict(per_nilai)
        if subjek and (ukuran, indikator) in tanpa_subjek:  # a row naming no programme
            for nilai, tempat in tanpa_subjek[(ukuran, indikator)].items():
                gabung.setdefault(nilai, set()).update(tempat)
        nama = {f.rsplit(" (", 1)[1] for t in gabung.values() for f in t}
        if all(re.match(r"[A-Z]", n) for n in nama):
            continue  # the book's own indicators: each its own fact (two of them may share a name)
        if len({_angka(n) for n in gabung}) > 1:
            pesan.append(f"{indikator} [{ukuran}{', ' + subjek if subjek else ''}]: " + "; ".join(
                f"{n!r} di {', '.join(sorted(t))}" for n, t in gabung.items()))
    return pesan


def hitungan_desa_di_atas(sumber: dict[str, str], jumlah_desa: int) -> list[str]:
    """Every figure counted in villages above the number of villages the data has."""
    return [f"{tempat}: {fakta} = {nilai!r}" for tempat, teks in sumber.items()
            for fakta, nilai in fakta_html(teks)
            if (m := re.fullmatch(r"([\d.]+) [Dd]esa", nilai))
            and int(m.group(1).replace(".", "")) > jumlah_desa]
