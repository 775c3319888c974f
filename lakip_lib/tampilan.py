"""Display objects a notebook cell returns: prose, numbered tables and numbered charts.

Each object renders itself for Jupyter (`_repr_mimebundle_`): tables as escaped HTML with header
cells and right-aligned numbers; prose as HTML rendered by `markdown_terbatas` (never handed to
MyST, so neither a narrative nor a name inside a sentence can run a directive or inject markup);
charts as a div plus a `vegaEmbed` call with a deterministic id (the PDF is printed from the same
live chart) and their text alternative as plain text. Text from data is always escaped here, once.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from lakip_lib import markdown_terbatas
from lakip_lib.csv_terbit import angka_tampilan, csv_aman
from lakip_lib.format import BELUM_TERSEDIA, LOKAL_VEGA, TIDAK_DIHITUNG, TIDAK_LENGKAP

if TYPE_CHECKING:  # Altair is loaded by the notebooks' charts, not by every user of this module
    import altair as alt
from lakip_lib.markdown_terbatas import markdown_aman

Sel = Any  # str | int | float | None | Nilai (a figure with its fact key)


def aman(teks: object) -> str:
    """Escape text from data for HTML."""
    return html.escape("" if teks is None else str(teks), quote=True)


def json_aman(teks_json: str) -> str:
    """JSON text with "<", ">" and "&" as \\u escapes (the same JSON once parsed): inside a
    <script> element a "</script>" would end it and "<!--" changes how the rest is parsed, and a
    JSON file opened as a page can then never be read as markup."""
    return teks_json.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def json_terbit(isi: object, indent: int | None = None, sort_keys: bool = False) -> str:
    """JSON of what the site publishes (angka.json, editions.json, the build stamp, the data
    package, the search index), through `json_aman`: safe wherever it is embedded or opened."""
    return json_aman(json.dumps(isi, ensure_ascii=False, indent=indent, sort_keys=sort_keys))


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
        return hasil + (_catatan_koreksi(catatan, halaman, kalimat=True) if catatan else "")

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


@dataclass(frozen=True)
class Lajur:
    """A column of a displayed table (its heading and alignment); a dataset's column is a
    `schema.Kolom`."""

    judul: str
    angka: bool = False  # right-aligned numeric column


@dataclass(frozen=True)
class TabelTampilan:
    """A numbered, captioned table as the reader sees it (a dataset's loaded rows are a
    `tabel.Tabel`). Cells are already formatted strings (or None)."""

    nomor: str
    judul: str
    kolom: tuple[Lajur, ...]
    baris: tuple[tuple[Sel, ...], ...]
    sumber: str = ""
    catatan: str = ""
    kelas_baris: tuple[str, ...] = ()  # optional CSS class per row (e.g. "program", "total")
    jangkar: str = field(default="")
    id_baris: tuple[str, ...] = ()  # optional anchor per row (e.g. "temuan-3")
    koreksi_halaman: CatatanKoreksi | None = field(default=None, compare=False, repr=False)

    @property
    def nama_csv(self) -> str:
        """The file name of the table's CSV, from its number: `tabel-3-4.csv`."""
        return f"{slug('tabel-' + self.nomor)}.csv"

    def csv(self) -> str:
        """The table as CSV (`csv_terbit`): what it shows, its figures as plain numbers with
        their unit in the header, a `Satuan` column where the unit differs by row, and a
        `Tingkat` column where rows are of different levels (a programme and its kegiatan),
        so that summing a column has no trap; a missing figure is an empty cell."""
        teks = [[_teks_sel(s) for s in b] for b in self.baris]
        kepala: list[str] = []
        kolom: list[list[str]] = []  # column by column, rows below
        satuan_tunda: list[tuple[int, list[str | None]]] = []  # mixed units, None: no figure
        for j, lajur in enumerate(self.kolom):
            isi = [b[j] for b in teks]
            if not lajur.angka:
                kepala.append(lajur.judul)
                kolom.append(["" if t == "–" else t for t in isi])
                continue
            angka = [None if t in _KOSONG else angka_tampilan(t) for t in isi]
            satuan = [a[1] if a else None for a in angka]
            jenis = {a[1] for a in angka if a}
            judul = lajur.judul
            if len(jenis) == 1 and (u := jenis.pop()) and f"({u})" not in judul:
                judul = f"{judul} ({u})"
            kepala.append(judul)
            kolom.append(["" if t in _KOSONG else a[0] if a else t
                          for t, a in zip(isi, angka, strict=True)])
            if len({a[1] for a in angka if a}) > 1:
                satuan_tunda.append((len(kolom), satuan))
        kelompok = _kelompok_satuan(satuan_tunda)
        for letak, satuan in reversed(kelompok):
            kepala.insert(letak, "Satuan" if len(kelompok) == 1 else f"Satuan {kepala[letak - 1]}")
            kolom.insert(letak, [u or "" for u in satuan])
        tingkat = [_TINGKAT.get(k, k) for k in self.kelas_baris]
        if any(tingkat):
            kepala.insert(0, "Tingkat")
            kolom.insert(0, tingkat + [""] * (len(self.baris) - len(tingkat)))
        return csv_aman([kepala, *(list(b) for b in zip(*kolom, strict=True))])

    def html(self, tautan_csv: bool = False) -> str:
        """The table; with `tautan_csv`, the link to its CSV (`nama_csv`, published in the
        folder `FOLDER_CSV` beside the pages) under it."""
        jangkar = self.jangkar or slug(f"tabel-{self.nomor}")
        kepala = "".join(
            f'<th scope="col" class="{"angka" if k.angka else "teks"}">{aman(k.judul)}</th>'
            for k in self.kolom)
        badan: list[str] = []
        catatan: list[tuple[int, Nilai]] = []  # the notes first given here
        rujukan: list[int] = []  # the notes given above, of figures marked here again
        halaman = self.koreksi_halaman or CatatanKoreksi()
        for i, baris in enumerate(self.baris):
            kelas = self.kelas_baris[i] if i < len(self.kelas_baris) else ""
            sel = []
            for j, (nilai, k) in enumerate(zip(baris, self.kolom, strict=True)):
                tanda: dict[str, Any] = {}
                if isinstance(nilai, Nilai) and nilai.koreksi:
                    tempat = (f"Tabel {self.nomor}", i, j)
                    nomor, pertama = halaman.catat(nilai, tempat)
                    tanda["nomor"] = nomor
                    if pertama == tempat:
                        catatan.append((nomor, nilai))
                        tanda["jangkar"] = halaman.jangkar(nomor)
                    else:
                        tanda["rujuk"] = halaman.jangkar(nomor)
                        if pertama[0] != tempat[0] and nomor not in rujukan:
                            rujukan.append(nomor)
                sel.append(_sel(nilai, k, j == 0, tanda))
            isi = "".join(sel)
            atribut = f' class="{aman(kelas)}"' if kelas else ""
            if i < len(self.id_baris):
                atribut += f' id="{aman(self.id_baris[i])}"'
            badan.append(f"<tr{atribut}>{isi}</tr>")
        kaki = []
        if catatan or rujukan:
            kaki.append(_catatan_koreksi(catatan, halaman, rujukan, f"Tabel {self.nomor}"))
        if self.catatan:
            kaki.append(f'<p class="lakip-catatan">Catatan: {aman(self.catatan)}</p>')
        if self.sumber:
            kaki.append(f'<p class="lakip-sumber">Sumber: {aman(self.sumber)}</p>')
        return (
            f'<div class="lakip-tabel-wrap" id="{jangkar}" role="region" tabindex="0" '
            f'aria-label="Tabel {aman(self.nomor)}">'
            f'<table class="lakip-tabel"><caption><span class="lakip-judul-tabel">'
            f'<span class="lakip-nomor">Tabel {aman(self.nomor)}</span> {aman(self.judul)}</span>'
            f"</caption><thead><tr>{kepala}</tr></thead>"
            f"<tbody>{''.join(badan)}</tbody></table>{''.join(kaki)}</div>"
        ) + (self._tautan_csv() if tautan_csv else "")

    def _tautan_csv(self) -> str:
        return (f'<p class="lakip-unduh lakip-unduh-tabel"><a href="{FOLDER_CSV}/'
                f'{aman(self.nama_csv)}" download>Unduh CSV<span class="lakip-sr"> Tabel '
                f"{aman(self.nomor)}</span></a></p>")

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None
                          ) -> tuple[dict[str, str], dict[str, Any]]:
        """HTML with the download link, and the CSV it links to as `text/csv` (its file name
        in the output's metadata): it travels in the executed notebook, so the build publishes
        exactly the CSV of the table it shows, from the cache as well (`edisi.tulis_csv_tabel`)."""
        return ({"text/html": self.html(tautan_csv=True), "text/csv": self.csv(),
                 "text/plain": f"Tabel {self.nomor} {self.judul}"},
                {"text/csv": {"berkas": self.nama_csv}})


FOLDER_CSV = "tabel"  # beside the pages: <tahun>/tabel/tabel-3-4.csv
_KOSONG = {"", "–", "kosong", BELUM_TERSEDIA, TIDAK_LENGKAP, TIDAK_DIHITUNG}  # a missing figure
_TINGKAT = {"subkegiatan": "sub kegiatan", "total": "jumlah"}  # row classes in the reader's words


def _teks_sel(nilai: Sel) -> str:
    return "" if nilai is None else nilai.teks if isinstance(nilai, Nilai) else str(nilai)


def _kelompok_satuan(tunda: list[tuple[int, list[str | None]]]
                     ) -> list[tuple[int, list[str | None]]]:
    """Where the `Satuan` columns go: one after the last of the columns sharing a unit per row
    (Target and Realisasi of the same indicators: one column; a row without a figure agrees
    with any unit), in column order."""
    hasil: list[tuple[int, list[str | None]]] = []
    for letak, satuan in tunda:
        sama = next((i for i, (_, s) in enumerate(hasil) if all(
            a is None or b is None or a == b for a, b in zip(s, satuan, strict=True))), None)
        if sama is None:
            hasil.append((letak, satuan))
        else:
            gabung = [a if a is not None else b for a, b in zip(hasil[sama][1], satuan,
                                                                strict=True)]
            hasil[sama] = (letak, gabung)
    return sorted(hasil, key=lambda x: x[0])


def _catatan_koreksi(catatan: list[tuple[int, Nilai]], halaman: CatatanKoreksi,
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


def _sel(nilai: Sel, kolom: Lajur, pertama: bool, tanda: dict[str, Any] | None = None) -> str:
    kelas = "angka" if kolom.angka else "teks"
    if isinstance(nilai, Nilai):
        isi = nilai.html(**(tanda or {}))
    else:
        isi = aman(nilai) if nilai is not None else "–"
    if pertama:
        return f'<th scope="row" class="{kelas}">{isi}</th>'
    return f'<td class="{kelas}">{isi}</td>'


def slug(teks: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", teks.lower()).strip("-")


@dataclass(frozen=True)
class Grafik:
    """A numbered Altair chart: interactive in HTML (served Vega, no CDN), text elsewhere."""

    nomor: str
    judul: str
    chart: alt.TopLevelMixin
    alternatif: str  # text alternative: what the chart shows, in one or two sentences
    sumber: str = ""

    @cached_property
    def _spec(self) -> dict[str, Any]:
        # the figure's own text alternative describes it; Vega's generated (English) ARIA
        # descriptions of axes and legends are left out
        spec = self.chart.to_dict()
        config = spec.setdefault("config", {})
        for guide in ("axis", "legend"):
            config[guide] = {**config.get(guide, {}), "aria": False}
        _nama_tanda(spec)
        return spec

    def spec(self) -> dict[str, Any]:
        return self._spec

    def spec_layar(self) -> dict[str, Any]:
        """The spec for screens and print: as wide as its container, re-laid out on resize
        (Vega listens to window resizes when the width is "container")."""
        return {**self.spec(), "width": "container",
                "autosize": {"type": "fit-x", "contains": "padding"}}

    def html(self) -> str:
        spec = json.dumps(self.spec_layar(), sort_keys=True, ensure_ascii=False)
        kode = hashlib.sha256(spec.encode()).hexdigest()[:12]
        lokal = json.dumps(LOKAL_VEGA)
        data_spec = json_aman(spec)
        sumber = f'<p class="lakip-sumber">Sumber: {aman(self.sumber)}</p>' if self.sumber else ""
        return (
            f'<figure class="lakip-grafik" id="{slug("gambar-" + self.nomor)}">'
            f'<div id="vis-{kode}" class="lakip-vega" role="img" data-lokal="{aman(lokal)}" '
            f'aria-label="{aman(self.alternatif)}"></div>'
            f'<script type="application/json" id="spec-{kode}">{data_spec}</script>'
            f'<p class="lakip-alt">{aman(self.alternatif)}</p>'
            # a figcaption is a figure's first or last child: the source line sits inside it
            f'<figcaption><span class="lakip-judul-gambar"><span class="lakip-nomor">Gambar '
            f'{aman(self.nomor)}</span> {aman(self.judul)}</span>{sumber}</figcaption></figure>'
        )

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        # No static image: the HTML and the PDF (printed from the HTML) draw the live chart, and
        # rendering an SVG cost every notebook ~1 s of vl-convert start-up for nothing.
        return {"text/html": self.html(),
                "text/plain": f"Gambar {self.nomor} {self.judul}. {self.alternatif}"}


def _nama_tanda(spec: dict[str, Any]) -> None:
    """Each mark's accessible name (its `aria-label`, and its /Alt in the PDF) is what its
    tooltip says, with the tooltip's own titles and its pre-formatted Indonesian figures
    ("Indikator: IDG; Capaian: 98,96%"), not Vega-Lite's default list of every encoded field
    with raw floats ("Capaian (%): 98,9600216099"). Marks without a tooltip (reference rules)
    and text marks (labels repeating a bar's figure) are left out of the accessibility tree;
    the chart's own text alternative describes the whole."""
    for anak in (*spec.get("layer", ()), *spec.get("vconcat", ()), *spec.get("hconcat", ())):
        _nama_tanda(anak)
    if "mark" not in spec:
        return
    tanda = spec["mark"] if isinstance(spec["mark"], dict) else {"type": spec["mark"]}
    tooltip = spec.get("encoding", {}).get("tooltip")
    if not isinstance(tooltip, list) or tanda["type"] == "text":
        spec["mark"] = {**tanda, "aria": False}
        return
    bagian = [f"{json.dumps(t.get('title', t['field']) + ': ')} + datum[{json.dumps(t['field'])}]"
              for t in tooltip if "field" in t]
    spec["transform"] = [*spec.get("transform", ()),
                         {"calculate": " + '; ' + ".join(bagian), "as": "_nama"}]
    spec["encoding"]["description"] = {"field": "_nama", "type": "nominal"}


def tabel_dari(nomor: str, judul: str, kolom: Sequence[Lajur], baris: Sequence[Sequence[Sel]],
               **kw: Any) -> TabelTampilan:
    return TabelTampilan(nomor, judul, tuple(kolom), tuple(tuple(b) for b in baris), **kw)
