"""Display objects a notebook cell returns: prose, numbered tables (`lakip_lib.tampilan_tabel`)
and numbered charts (`lakip_lib.tampilan_grafik`); the figures they show as facts, with their
correction marks and notes.

Each object renders itself for Jupyter (`_repr_mimebundle_`): tables as escaped HTML with header
cells and right-aligned numbers; prose as HTML rendered by `markdown_terbatas` (never handed to
MyST, so neither a narrative nor a name inside a sentence can run a directive or inject markup);
charts as a div plus a `vegaEmbed` call with a deterministic id (the PDF is printed from the same
live chart) and their text alternative as plain text. Text from data is always escaped here, once.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from lakip_lib import markdown_terbatas
from lakip_lib.markdown_terbatas import markdown_aman

Sel = Any  # str | int | float | None | Nilai (a figure with its fact key)


def aman(teks: object) -> str:
    """Escape text from data for HTML."""
    return html.escape("" if teks is None else str(teks), quote=True)


@dataclass(frozen=True)
class Teks:
    """Prose (Markdown): generated sentences or an analyst's narrative, shown as the HTML of
    the restricted Markdown (`markdown_terbatas`)."""

    markdown: str

    def html(self) -> str:
        return markdown_terbatas.ke_html(self.markdown)

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        return {"text/html": self.html(), "text/plain": self.markdown}

    def __add__(self, lain: Teks) -> Teks:
        return Teks(self.markdown.rstrip() + "\n\n" + lain.markdown)


@dataclass(frozen=True)
class Html:
    """A block of HTML assembled by lakip_lib with every data value passed through `aman`."""

    html: str
    polos: str  # the same content as plain text
    nomor: str | None = None  # set when the block is a numbered figure (organisation chart, photo)

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        return {"text/html": self.html, "text/plain": self.polos}


def blok(kelas: str, baris: Sequence[tuple[str, str]]) -> Html:
    """A div of classed lines, e.g. the cover: [("judul", "LAPORAN …"), ("tahun", "2024")]."""
    isi = "".join(f'<div class="{k}">{aman(t)}</div>' for k, t in baris)
    return Html(f'<div class="{kelas}">{isi}</div>', "\n".join(t for _, t in baris))


def teks(*paragraf: str) -> Teks:
    return Teks("\n\n".join(p for p in paragraf if p))


def daftar(butir: Sequence[str], bernomor: bool = False) -> Teks:
    """A list of texts from data (each escaped: literal text, one line)."""
    baris = [f"{i}. {markdown_aman(b)}" if bernomor else f"- {markdown_aman(b)}"
             for i, b in enumerate(butir, start=1)]
    return Teks("\n".join(baris))


@dataclass(frozen=True)
class Koreksi:
    """What the signed source document printed for a figure in the same chapter, when it differs
    from the figure the book computes (revealed next to the figure, listed under its table)."""

    tercetak: str  # the printed figure, as printed
    tempat: str  # where the source printed it
    dihitung: str  # the book's figure
    hitungan: str  # the arithmetic
    temuan: int | None = None  # the finding's number in the review's list of findings
    tautan: str = ""  # the page with the findings ("": the same page)

    def teks(self) -> str:
        """The correction as one plain sentence."""
        rujukan = f"; lihat temuan nomor {self.temuan}" if self.temuan else ""
        return (f"Tercetak di dokumen sumber ({self.tempat}): {self.tercetak}; dihitung ulang: "
                f"{self.dihitung} (hitungan: {_satu_kalimat(self.hitungan)}){rujukan}.")

    def html(self) -> str:
        """The correction as one sentence, so that two notes on a page share a sentence only
        when they are the same note (which the page then shows once)."""
        rujukan = ""
        if self.temuan:
            rujukan = (f'; lihat <a href="{aman(self.tautan)}#temuan-{self.temuan}">temuan '
                       f"nomor {self.temuan}</a>")
        return (f"Tercetak di dokumen sumber ({aman(self.tempat)}): <b>{aman(self.tercetak)}"
                f"</b>; dihitung ulang: <b>{aman(self.dihitung)}</b> (hitungan: "
                f"{aman(_satu_kalimat(self.hitungan))}){rujukan}.")


def _satu_kalimat(teks_: str) -> str:
    """The audit's arithmetic as one clause: its sentences joined by semicolons, without the
    final stop (`Penyerapan menurut Tabel 3.31.` → `penyerapan menurut Tabel 3.31`)."""
    bagian = [b for b in re.split(r"\.\s+", teks_.strip().rstrip(".")) if b]
    return "; ".join(b[0].lower() + b[1:] if len(b) > 1 and b[1].islower() else b
                     for b in bagian)


class CatatanKoreksi:
    """The correction notes of one page. A note (what one figure was printed as, and where) is
    shown in full once, at its first mark on the page in reading order; every mark of it
    carries the same number, and later marks refer back to that note."""

    def __init__(self, halaman: str = "") -> None:
        self.halaman = halaman
        self._catatan: dict[tuple[Koreksi, ...], tuple[int, tuple[Any, ...]]] = {}

    def catat(self, nilai: Nilai, tempat: tuple[Any, ...]) -> tuple[int, tuple[Any, ...]]:
        """The note's number on the page and the place of its first mark (`tempat`, e.g.
        `("Tabel 3.5", 2, 3)`); a place asking again gets the same answer."""
        return self._catatan.setdefault(nilai.koreksi, (len(self._catatan) + 1, tempat))

    def jangkar(self, nomor: int) -> str:
        """The id of the note `nomor`, unique in the whole printed book."""
        return slug(f"koreksi-{self.halaman}-{nomor}")


@dataclass(frozen=True)
class Nilai:
    """A figure shown in the book: its text and the fact it states. The fact key is emitted as
    `data-fakta`, so that one fact can be checked to show one value on every page; corrections
    (figures the signed document printed differently) are marked beside it."""

    teks: str
    fakta: str
    koreksi: tuple[Koreksi, ...] = ()

    def __str__(self) -> str:
        return self.teks

    def html(self, nomor: int | None = None, jangkar: str = "", rujuk: str = "") -> str:
        """The figure; with `nomor`, its correction marker (a native disclosure: keyboard and
        screen-reader operable, no script) holding the note (its id `jangkar`) or, with `rujuk`
        (the id of the note given earlier on the page), a link back to that note."""
        isi = f'<span class="lakip-fakta" data-fakta="{aman(self.fakta)}">{aman(self.teks)}</span>'
        if not self.koreksi or nomor is None:
            return isi
        if rujuk:
            rincian = (f'<p>Angka ini dijelaskan pada <a href="#{rujuk}">catatan koreksi '
                       f"*{nomor}</a> di atas.</p>")
        else:
            rincian = "".join(f"<p>{k.html()}</p>" for k in self.koreksi)
        id_ = f' id="{jangkar}"' if jangkar else ""  # the mark: shown on screen and in print
        return (f'{isi}<details class="lakip-koreksi"{id_}><summary title="Berbeda dari dokumen '
                f'sumber"><span aria-hidden="true">{nomor}</span><span class="lakip-sr">'
                f"Catatan koreksi {nomor}: angka ini berbeda dari yang tercetak di dokumen "
                f'sumber</span></summary><div class="lakip-koreksi-isi">{rincian}</div>'
                "</details>")


_TANDA = "\ue000{}\ue001"  # where a figure goes in a generated sentence (private-use characters)


@dataclass(frozen=True)
class Kalimat:
    """A generated sentence (restricted Markdown, like `Teks`) whose figures are facts: each
    figure is put, with its `data-fakta` and any correction marker, where its text first
    appears inside the given passage; the correction notes follow the paragraph."""

    markdown: str
    angka: tuple[tuple[str, Nilai], ...] = ()  # (the passage holding the figure, the figure)
    koreksi_halaman: CatatanKoreksi | None = field(default=None, compare=False, repr=False)

    def html(self) -> str:
        md = self.markdown
        for i, (cari, nilai) in enumerate(self.angka):
            ganti = cari.replace(nilai.teks, _TANDA.format(i), 1)
            # a Markdown escape in front of the figure (a minus sign) goes with the figure
            md = md.replace("\\" + cari, ganti, 1) if "\\" + cari in md else \
                md.replace(cari, ganti, 1)
        hasil, catatan = markdown_terbatas.ke_html(md), []
        halaman = self.koreksi_halaman or CatatanKoreksi()
        for i, (_, nilai) in enumerate(self.angka):
            isi = nilai.html()
            if nilai.koreksi:  # a footnote reference: a disclosure is not allowed inside <p>
                tempat = ("kalimat", self.markdown, i)
                nomor, pertama = halaman.catat(nilai, tempat)
                if pertama == tempat:
                    catatan.append((nomor, nilai))
                isi += (f'<sup class="lakip-koreksi-rujuk"><a href="#{halaman.jangkar(nomor)}" '
                        f'aria-label="Catatan koreksi {nomor}: angka ini berbeda dari yang '
                        f'tercetak di dokumen sumber">{nomor}</a></sup>')
            hasil = hasil.replace(_TANDA.format(i), isi)
        return hasil + (catatan_koreksi(catatan, halaman, kalimat=True) if catatan else "")

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        return {"text/html": self.html(), "text/plain": self.markdown}


def kotak_perbedaan(kelompok: Sequence[tuple[str, Sequence[tuple[str, Nilai, Koreksi]]]],
                    jumlah_temuan: int, tautan: str) -> Html:
    """The review's short box of headline figures that differ from the signed report: one plain
    line per subject, the recomputed figure first and the printed one after it, and where the
    findings are (`tautan`)."""
    baris_html, baris_polos = [], []
    for label, beda in kelompok:
        html_ = ", ".join(f"{aman(sub)} {n.html()} (tercetak {aman(k.tercetak)}{aman(_di(k))})"
                          for sub, n, k in beda)
        polos = ", ".join(f"{sub} {n.teks} (tercetak {k.tercetak}{_di(k)})" for sub, n, k in beda)
        baris_html.append(f"<li><strong>{aman(label)}</strong>: {html_}.</li>")
        baris_polos.append(f"- {label}: {polos}.")
    judul = "Angka utama yang berbeda dari laporan yang ditandatangani"
    pengantar = ("Angka utama berikut, dihitung ulang dari data masukan, berbeda dari yang "
                 "tercetak di laporan yang ditandatangani; di dalam kurung angka yang tercetak "
                 "di sana.")
    penutup = (f"Setiap angka yang berbeda ditandai di tempatnya di bawah; {jumlah_temuan} "
               "temuan beserta hitungannya ada di ")
    html_ = (f'<aside class="lakip-perbedaan" aria-labelledby="judul-perbedaan">'
             f'<p class="lakip-perbedaan-judul" id="judul-perbedaan"><strong>{judul}</strong></p>'
             f"<p>{aman(pengantar)}</p><ul>{''.join(baris_html)}</ul>"
             f'<p>{aman(penutup)}<a href="{aman(tautan)}">daftar temuan</a>.</p></aside>')
    return Html(html_, "\n".join([judul, pengantar, *baris_polos, penutup + "daftar temuan."]))


def _di(k: Koreksi) -> str:
    """A printed place worth naming in the box: one finer than the chapter (a paragraph)."""
    return f" di {k.tempat}" if "," in k.tempat else ""


def catatan_koreksi(catatan: list[tuple[int, Nilai]], halaman: CatatanKoreksi,
                     rujukan: Sequence[int] = (), nama: str = "", kalimat: bool = False) -> str:
    """The numbered correction notes under a table (what the print edition shows on the same
    page as the marked figures: closed disclosures do not print) or under a paragraph (its
    footnotes, on screen too, each the target of its references). Under a table, one line
    names the marks whose note was given above on the page (`rujukan`)."""
    butir = []
    for nomor, n in catatan:
        jangkar = f' id="{halaman.jangkar(nomor)}"' if kalimat else ""
        butir.append(f'<li{jangkar}><span class="lakip-koreksi-no">{nomor}</span> '
                     f'{" ".join(k.html() for k in n.koreksi)}</li>')
    if rujukan:
        tanda = [f'<a href="#{halaman.jangkar(n)}">*{n}</a>' for n in rujukan]
        daftar_ = tanda[0] if len(tanda) == 1 else f"{', '.join(tanda[:-1])} dan {tanda[-1]}"
        butir.append(f'<li class="lakip-koreksi-rujukan">Angka bertanda {daftar_} pada '
                     f"{aman(nama)} dijelaskan pada catatan bernomor sama di atas.</li>")
    kelas = "lakip-koreksi-catatan" + (" lakip-koreksi-kalimat" if kalimat else "")
    return f'<ol class="{kelas}" aria-label="Catatan koreksi">{"".join(butir)}</ol>'


def slug(teks: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", teks.lower()).strip("-")


