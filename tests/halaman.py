"""Reading built HTML pages as a reader would: visible text, captions, links."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lakip_lib.data_tahun import DataTahun

# what shows a figure as the source document printed it (the correction marks and notes, the
# Ikhtisar's box of differences): left out when reading only the book's own figures
KELAS_KOREKSI = ("lakip-koreksi", "lakip-koreksi-catatan", "lakip-perbedaan",
                 "lakip-koreksi-rujuk")
_BLOK = ("script", "style", "details", "ol", "aside", "sup")


class _Teks(HTMLParser):
    def __init__(self, tanpa: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.bagian: list[str] = []
        self._tanpa = tanpa
        self._tumpukan: list[bool] = []  # per open element of a skipped kind: is it skipped

    def _dilewati(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        kelas = (dict(attrs).get("class") or "").split()
        return tag in ("script", "style") or any(k in self._tanpa for k in kelas)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOK:
            self._tumpukan.append(self._dilewati(tag, attrs))

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOK and self._tumpukan:
            self._tumpukan.pop()

    def handle_data(self, data: str) -> None:
        if not any(self._tumpukan):
            self.bagian.append(data)


def teks(path: Path, koreksi: bool = True) -> str:
    """The page's visible text; `koreksi=False` leaves out the printed figures that only
    correction marks, their notes and the Ikhtisar's box of differences show."""
    p = _Teks(() if koreksi else KELAS_KOREKSI)
    p.feed(path.read_text(encoding="utf-8"))
    # text pieces are joined with a space; none before punctuation that follows a figure's
    # <span> ("13,90 per 1.000 kelahiran hidup</span>, sehingga" reads without one), nor inside
    # the brackets around one ("(<span>81,17%</span>)")
    return _SEBELUM_TANDA_BACA.sub("", " ".join(" ".join(p.bagian).split()))


_SEBELUM_TANDA_BACA = re.compile(r" (?=[,.;:](?:\s|$))|(?<=\() | (?=\))")


# --- sentences of the prose -------------------------------------------------------------------
# Left out of the prose: table cells, the source line under a table or chart ("Sumber: data
# instansi, diolah" is a label that rightly repeats), text only screen readers get, a chart's
# text alternative (the chart's aria-label), a closed correction disclosure's content, and a
# table's "Unduh CSV" link.
_BUKAN_PROSA = ("lakip-sumber", "lakip-sr", "lakip-alt", "lakip-koreksi-isi", "lakip-unduh-tabel")


class _Prosa(HTMLParser):
    def __init__(self, tanpa: tuple[str, ...] = ()) -> None:
        super().__init__()
        self._tanpa = _BUKAN_PROSA + tanpa
        self.blok: list[str] = []
        self._tumpukan: list[tuple[str, bool]] = []  # open elements: (tag, skipped)
        self._isi: list[str] | None = None

    _KOSONG = ("br", "img", "input", "meta", "link", "hr", "source", "wbr")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._KOSONG:
            return
        kelas = (dict(attrs).get("class") or "").split()
        lewati = tag in ("script", "style", "table") or any(k in self._tanpa for k in kelas)
        self._tumpukan.append((tag, lewati))
        if tag in ("p", "li") and self._isi is None and not self._dilewati():
            self._isi = []

    def handle_endtag(self, tag: str) -> None:
        while self._tumpukan:
            buka, _ = self._tumpukan.pop()
            if buka in ("p", "li") and self._isi is not None and not any(
                    t in ("p", "li") for t, _ in self._tumpukan):
                self.blok.append(" ".join(" ".join(self._isi).split()))
                self._isi = None
            if buka == tag:
                break

    def _dilewati(self) -> bool:
        return any(lewati for _, lewati in self._tumpukan)

    def handle_data(self, data: str) -> None:
        if self._isi is not None and not self._dilewati():
            self._isi.append(data)


def kalimat(html_: str, koreksi: bool = True) -> list[str]:
    """The sentences of the prose (paragraphs and list items) of an HTML page or fragment, in
    reading order; `koreksi=False` leaves out the correction notes."""
    p = _Prosa(() if koreksi else ("lakip-koreksi-catatan",))
    p.feed(html_)
    hasil = []
    for blok in p.blok:
        blok = _SEBELUM_TANDA_BACA.sub("", blok)
        hasil += [s for s in re.split(r"(?<=[.!?])\s+(?=\S)", blok) if s]
    return hasil


def bagian(html_: str, awal_id: str) -> str:
    """The HTML of the section whose id starts with `awal_id`, up to the next section."""
    m = re.search(rf'<section id="{re.escape(awal_id)}[^"]*"', html_)
    if m is None:
        return ""
    akhir = re.compile(r"<section id=").search(html_, m.end())
    return html_[m.start():akhir.start() if akhir else len(html_)]


def artikel(html_: str) -> str:
    """The page's own content (the article), without the navigation around it."""
    m = re.search(r'<article class="bd-article".*?</article>', html_, re.S)
    return m.group(0) if m else ""


def butir_bernomor(html_: str) -> list[tuple[str, str]]:
    """The numbered tables and figures a page shows, in order: ("tabel" | "gambar", "3.12")."""
    return [(jenis.lower(), nomor) for jenis, nomor in
            re.findall(r'<span class="lakip-nomor">(Tabel|Gambar) ([\w.]+)</span>', html_)]


Butir = list[tuple[str, str]]


def rencana_sasaran(d: DataTahun, situs: Path) -> list[tuple[str, Butir, Butir, Butir]]:
    """Per sasaran page of a built edition: (page, the numbered items it shows, the items its
    plan declares, the items its indicators' kinds declare), items as ("tabel", "3.12")."""
    from lakip_lib import book, rumus

    nomor = book.penomoran(d, "3")
    hasil = []
    for kode in d["sasaran"].kolom("kode"):
        bagian_ = book.bab3_sasaran.Sasaran(d, kode)
        tampil = butir_bernomor((situs / f"{bagian_.berkas}.html").read_text(encoding="utf-8"))
        rencana = [(j, nomor[(bagian_.kunci_bagian, j, k)]) for j, k in bagian_.rencana()]
        kode_ind = [b["kode"] for jenis in ("iku", "pendukung")
                    for b in d["indikator"].cari(jenis=jenis, induk=kode)]
        dari_rumus = [(b.bentuk, nomor[(bagian_.kunci_bagian, b.bentuk, b.kunci)])
                  for b in rumus.pendukung(d, kode_ind)]
        hasil.append((bagian_.berkas, tampil, rencana, dari_rumus))
    return hasil
