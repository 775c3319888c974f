"""The PDF editions: the book's HTML pages, assembled into one print document, printed to A4
by headless Chromium; the review (a page of its own) the same way.

Why this route: Chromium prints the live Vega charts as vector graphics and keeps the site's
look, and wide tables wrap instead of overflowing (LaTeX handles them poorly). CSS @page margin
boxes give the running header and the page-numbered footer (none on the cover). Chromium cannot
number a table of contents by itself, so printing takes two passes: the contents entries link to
an anchor at each target, Chromium writes those as named destinations, and their pages in the
first PDF (read with pypdf, in milliseconds) become the numbers of the second. A rebuild starts
from the previous print's numbers and needs the second pass only when a page moved.

The print document is assembled from the built HTML pages (`dokumen_cetak`) as Jupyter Book's
singlehtml builder wrote the book: the root page with every chapter nested in it in the order of
the table of contents, each part's headings one level deeper per level of nesting. A second
Sphinx run of the whole book (the singlehtml builder, its own environment re-reading every
changed page) cost every build about as much as the HTML run itself.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast
from xml.sax.saxutils import escape as xml_escape

from lakip_lib import csp, rilis
from lakip_lib import format as fmt
from lakip_lib.data_tahun import DataTahun
from lakip_lib.peramban import chromium, server

if TYPE_CHECKING:  # pypdf is imported where a PDF is read or written (not by `lakip build`
    # when nothing changed, which imports this module for the PDF's name)
    from pypdf import PdfReader
    from pypdf.generic import DictionaryObject, IndirectObject

SKRIP = Path(__file__).with_name("cetak.js")
AWALAN = "lakip-hal-"
MARGIN = {"top": "20mm", "bottom": "18mm", "left": "17mm", "right": "17mm"}


def nama_berkas(d: DataTahun) -> str:
    singkat = re.sub(r"[^A-Za-z0-9-]+", "-", d.instansi.nama_singkat).strip("-")
    return f"LAKIP-{d.tahun}-{singkat}.pdf" if singkat else f"LAKIP-{d.tahun}.pdf"


def nama_berkas_reviu(d: DataTahun) -> str:
    """The review's PDF (book/reviu.py), beside the edition's."""
    return nama_berkas(d).removesuffix(".pdf") + "-reviu.pdf"  # riwayat.AKHIRAN_REVIU


def gaya_halaman(d: DataTahun, reviu: bool = False) -> str:
    """CSS paged media: A4, margins, running header and page-numbered footer on every page but
    the cover (Chromium supports @page margin boxes)."""
    judul = _css_string(f"{'Reviu ' if reviu else ''}Laporan Akuntabilitas Kinerja Instansi "
                        f"Pemerintah {d.tahun} · {d.instansi.nama_singkat} {d.instansi.kabupaten}")
    kotak = "font-family: 'DejaVu Sans', sans-serif; font-size: 7.5pt; color: #555;"
    return (
        f"@page {{ size: A4; margin: {MARGIN['top']} {MARGIN['right']} {MARGIN['bottom']} "
        f"{MARGIN['left']};\n"
        f"  @top-right {{ content: {judul}; {kotak} }}\n"
        f'  @bottom-center {{ content: "Halaman " counter(page) " dari " counter(pages); {kotak} }} }}\n'
        "@page :first { @top-right { content: none; } @bottom-center { content: none; } }\n"
    )


def _css_string(teks: str) -> str:
    """A CSS string literal of any text: quotes, backslashes and control characters as CSS hex
    escapes, so that text from data can never end the string or the rule."""
    return '"' + "".join(f"\\{ord(c):x} " if c in '"\\' or ord(c) < 0x20 or ord(c) == 0x7f
                         else c for c in teks) + '"'


def halaman_penanda(pdf: bytes) -> dict[str, int]:
    """Anchor id → 1-based page number, from the named destinations Chromium writes for the
    table-of-contents links (no text extraction needed)."""
    return _peta(_baca(pdf))


def _baca(pdf: bytes) -> PdfReader:
    from pypdf import PdfReader

    return PdfReader(io.BytesIO(pdf))


def _peta(pembaca: PdfReader) -> dict[str, int]:
    peta = {}
    for nama, tujuan in pembaca.named_destinations.items():
        kunci = nama.lstrip("/")
        if kunci.startswith(AWALAN):
            halaman = pembaca.get_destination_page_number(tujuan)
            if halaman is not None:
                peta[kunci] = halaman + 1
    return peta


# CSS px of the A4 text block (210 mm less the side margins), the width print lays out to
LEBAR_BLOK = round((210 - 17 - 17) / 25.4 * 96)

# Runs in the prepared print layout: every table, chart, caption or figure that is wider than
# the text block or whose content is cut by its own box, described for the build report.
_LUAPAN = """() => {
  const batas = document.documentElement.clientWidth + 1, hasil = [];
  const nama = e => {
    const c = e.closest('figure, .lakip-tabel-wrap');
    const judul = c && c.querySelector('caption, figcaption');
    return (judul ? judul.textContent : e.textContent).replace(/\\s+/g, ' ').trim().slice(0, 60);
  };
  for (const e of document.querySelectorAll(
      'article table, article figure, article caption, article figcaption, article svg, ' +
      'article .lakip-tabel-wrap, article pre, article img')) {
    const r = e.getBoundingClientRect();
    if (r.width && (r.right > batas || r.left < -1)) hasil.push('melebihi lebar halaman: ' + nama(e));
    else if (getComputedStyle(e).overflowX !== 'visible' && e.scrollWidth > e.clientWidth + 1)
      hasil.push('isi terpotong: ' + nama(e));
  }
  return [...new Set(hasil)];
}"""


ARTIKEL = re.compile(r'<article class="bd-article"[^>]*>(.*?)</article>', re.S)
_JUDUL = re.compile(r"<h([1-6])\b([^>]*)>(.*?)</h\1>", re.S)
_DAFTAR_KOSONG = '<div class="toctree-wrapper compound">\n</div>'
_JUDUL_HALAMAN = re.compile(r"<title>.*? &#8212; (.*?)</title>", re.S)  # "<page> — <book>"
DOKUMEN = "lakip-cetak.html"  # the print document's name on the print server


def dokumen_cetak(folder_html: Path, toc: dict[str, Any]) -> str:
    """The print document of the HTML pages in `folder_html`, as the singlehtml builder writes
    a book: the root page of the table of contents `toc` (Jupyter Book's format: root,
    chapters, sections) with the article of every part nested in it, each part after an anchor
    `document-<page>`, its headings one level deeper per level of nesting (a rubric keeps its
    level, as there), titled as the book (a single page, the review, keeps its own title). The
    page's security policy is left out (it would refuse the print's scripts; an incremental
    build's unchanged pages carry it, a clean build's not yet)."""
    akar = (folder_html / f"{toc['root']}.html").read_text(encoding="utf-8")
    isi = _rangkai(folder_html, {"file": toc["root"], "chapters": toc.get("chapters", [])}, 0)
    cocok = _artikel(akar, toc["root"])
    dokumen = akar[:cocok.start(1)] + isi + akar[cocok.end(1):]
    if toc.get("chapters"):
        dokumen = _JUDUL_HALAMAN.sub(r"<title>\1</title>", dokumen, count=1)
    return csp.tanpa_kebijakan(dokumen)


def _artikel(halaman: str, nama: str) -> re.Match[str]:
    cocok = ARTIKEL.search(halaman)
    if cocok is None:
        raise ValueError(f'{nama}.html tidak memuat <article class="bd-article">')
    return cocok


def _turunkan(isi: str, tingkat: int) -> str:
    """Every heading of `isi` but the rubrics `tingkat` levels deeper (h6 at most)."""
    def judul(m: re.Match[str]) -> str:
        if tingkat == 0 or "rubric" in m[2]:
            return m[0]
        h = f"h{min(6, int(m[1]) + tingkat)}"
        return f"<{h}{m[2]}>{m[3]}</{h}>"

    return _JUDUL.sub(judul, isi)


def _rangkai(folder_html: Path, entri: dict[str, Any], tingkat: int) -> str:
    """One part's article and, nested where its (hidden) toctree stands, its children's."""
    halaman = (folder_html / f"{entri['file']}.html").read_text(encoding="utf-8")
    isi = _turunkan(_artikel(halaman, entri["file"])[1].strip(), tingkat)
    anak = [*entri.get("chapters", []), *entri.get("sections", [])]
    if anak:
        daftar = ('<div class="toctree-wrapper compound">\n'
                  + "".join(_rangkai(folder_html, a, tingkat + 1) for a in anak) + "</div>")
        if _DAFTAR_KOSONG in isi:
            isi = isi.replace(_DAFTAR_KOSONG, daftar, 1)
        else:  # inside the part's own section, as its last child
            akhir = isi.rindex("</section>")
            isi = isi[:akhir] + daftar + "\n" + isi[akhir:]
    return (f'<span id="document-{entri["file"]}"></span>' if tingkat else "") + isi + "\n"


# Charts are drawn once the first one comes near the screen (book/_static/lakip.js): brought
# there as a reader scrolling would, the page then put back at its top
_GAMBAR_GRAFIK = """() => {
  const g = document.querySelector('.lakip-vega');
  if (g) g.scrollIntoView();
}"""


def _buka(page: Any, url: str) -> None:
    """Start loading the print document (`DOKUMEN`); returns once the navigation started, the
    page loads on in its own renderer."""
    page.goto(f"{url}/{DOKUMEN}", wait_until="commit")


def _siapkan(page: Any, gaya: str) -> dict[str, int]:
    """A page opened by `_buka`, once loaded with its charts drawn: the page style
    (`gaya_halaman`) and the print preparation (cover first, contents lists) applied, in print
    media at the text block's width, wide tables fitted."""
    page.wait_for_load_state("load")
    page.evaluate(_GAMBAR_GRAFIK)
    page.wait_for_function(
        "() => [...document.querySelectorAll('.lakip-vega')].every(d => d.querySelector('svg'))",
        timeout=60_000)
    page.evaluate("window.scrollTo(0, 0)")
    page.add_style_tag(content=gaya)
    page.add_script_tag(content=SKRIP.read_text(encoding="utf-8"))
    jumlah = page.evaluate("lakipSiapkanCetak()")
    page.emulate_media(media="print")
    # lay out at the text block's width, as Chromium lays out the printed pages
    page.set_viewport_size({"width": LEBAR_BLOK, "height": 1000})
    page.evaluate("lakipTunggu()")  # charts re-laid out to the new width, fonts, images: no sleep
    page.evaluate("lakipPaskan()")
    return jumlah


def luapan(page: Any) -> list[str]:
    """What does not fit the width of the text block in the prepared print layout."""
    hasil: list[str] = page.evaluate(_LUAPAN)
    return hasil


def periksa_cetak(folder_html: Path, dokumen: Path, d: DataTahun) -> list[str]:
    """`luapan` of the print document `dokumen` (`dokumen_cetak`) of the HTML pages in
    `folder_html`, without printing."""
    with server(folder_html, tambahan={DOKUMEN: dokumen}) as url, chromium() as b:
        page = b.new_page()
        _buka(page, url)
        _siapkan(page, gaya_halaman(d))
        return luapan(page)


def cetak(folder_html: Path, dokumen: Path, d: DataTahun, tujuan: Path,
          peta_lama: dict[str, int] | None = None) -> dict[str, Any]:
    """Print the edition's print document `dokumen` of the HTML pages in `folder_html` to
    `tujuan` (see `cetak_di`)."""
    with chromium() as b:
        return cetak_di(b, Pesanan(folder_html, dokumen, gaya_halaman(d), info_dokumen(d), tujuan,
                                   peta_lama))


@dataclass(frozen=True)
class Pesanan:
    """What a print needs, as plain values (a printer process gets it as JSON): the folder of
    the HTML pages, the print document (`dokumen_cetak`, served at the folder's top as
    `DOKUMEN`), the page style (`gaya_halaman`), the document info (`info_dokumen`), the PDF's
    path, and the page map of the previous print if any."""

    folder_html: Path
    dokumen: Path
    gaya: str
    info: dict[str, str]
    tujuan: Path
    peta_lama: dict[str, int] | None = None


def cetak_di(b: Any, pesanan: Pesanan, siap: Any = None) -> dict[str, Any]:
    """Print with the launched browser `b`; return counts for the report and the page map
    ("peta": anchor → page). Given the page map of the previous print, the first pass already
    carries its numbers: when this print's own map is the same, that pass is final (one pass
    instead of two); otherwise the numbers are filled in a second pass (they do not move the
    layout). Without a previous map, the second pass's page loads beside the first pass.
    `siap`: a blank page (browser context) opened ahead, used for the first pass.

    The final pass always prints a page whose only history is: loaded and prepared in a fresh
    browser context, numbers filled in, printed. A print re-lays out what it prints (the charts
    follow the page's size), so printing the same page again came out a pixel different on
    some pages: an incremental build's one-pass PDF differed from a clean build's second pass.
    """
    peta_lama = pesanan.peta_lama
    opsi = {"prefer_css_page_size": True, "print_background": True}
    with server(pesanan.folder_html, tambahan={DOKUMEN: pesanan.dokumen}) as url:
        def dibuka(page: Any = None) -> Any:
            page = page or b.new_page()  # a new browser context each time
            _buka(page, url)
            return page

        def disiapkan(page: Any) -> dict[str, Any]:
            jumlah: dict[str, Any] = dict(_siapkan(page, pesanan.gaya))
            jumlah["luapan"] = luapan(page)
            return jumlah

        def dengan_nomor(page: Any, peta: dict[str, int]) -> bytes:
            page.evaluate("peta => lakipIsiHalaman(peta)", peta)
            isi: bytes = page.pdf(**opsi, tagged=True)
            page.close()
            return isi

        pembaca: PdfReader | None = None
        page = dibuka(siap)
        kedua = None if peta_lama else dibuka()  # two passes ahead: load the second one now
        jumlah = disiapkan(page)
        jumlah["cetakan"] = 1
        if peta_lama:  # print with the previous numbers; final if they are still right
            akhir = dengan_nomor(page, peta_lama)
            pembaca = _baca(akhir)  # read once: its page map, then its catalog for `_simpan`
            peta = _peta(pembaca)
        else:  # a quick untagged pass for the page map
            peta = halaman_penanda(page.pdf(**opsi))
            page.close()
        if peta != peta_lama:
            page = kedua or dibuka()
            disiapkan(page)
            akhir, pembaca = dengan_nomor(page, peta), None
            jumlah["cetakan"] = 2
    jumlah["peta"] = peta
    penanda = [(x["teks"], x["tingkat"], peta[x["kunci"]]) for x in jumlah.pop("daftar_isi")
               if x["kunci"] in peta]
    jumlah["halaman"] = _simpan(akhir, pesanan.info, pesanan.tujuan, penanda, pembaca)
    jumlah["tanpa_nomor"] = sum(jumlah[k] for k in ("isi", "tabel", "gambar")) - len(peta)
    return jumlah


def info_dokumen(d: DataTahun, reviu: bool = False) -> dict[str, str]:
    """The PDF's document info: title, author, subject, keywords, and dates from the edition
    (not the clock)."""
    terbit = d.edisi.tanggal_terbit
    if isinstance(terbit, fmt.Bulan):  # known to the month: the PDF date says no more (D:YYYYMM)
        cap = f"D:{terbit.year:04d}{terbit.month:02d}"
    else:
        cap = datetime.combine(terbit, datetime.min.time(), UTC).strftime(
            "D:%Y%m%d%H%M%S+00'00'")
    return {
        "/Title": f"{'Reviu ' if reviu else ''}Laporan Akuntabilitas Kinerja Instansi "
                  f"Pemerintah {d.tahun}",
        "/Author": d.instansi.nama,
        "/Subject": f"LAKIP {d.tahun} {d.instansi.kabupaten} — {rilis.label(d.edisi)}",
        "/Keywords": f"LAKIP, {d.tahun}, {fmt.bulan_tahun(d.edisi.tanggal_terbit)}",
        "/CreationDate": cap, "/ModDate": cap, "/Producer": "lakip", "/Creator": "lakip",
    }


def _simpan(isi: bytes, info: dict[str, str], tujuan: Path,
            penanda: list[tuple[str, int, int]], pembaca: PdfReader | None = None) -> int:
    """Write the PDF with its document info (`info_dokumen`), language `id`, and bookmarks:
    (title, level 1 or 2, 1-based page) in the order of the contents.

    Chromium's print is kept as it is and these are appended to it as an incremental update
    (a new catalog, document info and outline, and an xref section pointing to them): cloning
    the whole document with pypdf took ~1,2 s of every print, this takes milliseconds.
    `pembaca`: `isi` already read."""
    from pypdf import generic as g

    pembaca = pembaca or _baca(isi)
    halaman = [p.indirect_reference for p in pembaca.pages]
    ref_akar = pembaca.trailer.raw_get("/Root")
    akar = g.DictionaryObject(pembaca.root_object)
    ukuran = int(cast(int, pembaca.trailer["/Size"]))  # a NumberObject
    baru: dict[int, DictionaryObject] = {}
    ref_info = pembaca.trailer.raw_get("/Info")
    if isinstance(ref_info, g.IndirectObject):
        isi = _kosongkan_objek(isi, pembaca, ref_info.idnum)  # Chromium's clock and version
        nomor_info = ref_info.idnum
    else:
        nomor_info, ukuran = ukuran, ukuran + 1
    baru[nomor_info] = g.DictionaryObject({g.NameObject(k): g.create_string_object(v)
                                           for k, v in info.items()})
    if penanda:
        akar[g.NameObject("/Outlines")], ukuran = _kerangka(penanda, halaman, ukuran, baru)
    akar[g.NameObject("/Lang")] = g.TextStringObject("id")
    ukuran = _aksesibilitas(pembaca, akar, info, ukuran, baru)
    akar[g.NameObject("/ViewerPreferences")] = g.DictionaryObject(
        {g.NameObject("/DisplayDocTitle"): g.BooleanObject(True)})
    akar[g.NameObject("/PageMode")] = g.NameObject("/UseOutlines")
    baru[ref_akar.idnum] = akar
    keluaran = io.BytesIO()
    keluaran.write(isi if isi.endswith(b"\n") else isi + b"\n")
    letak = {}
    for nomor in sorted(baru):
        letak[nomor] = keluaran.tell()
        keluaran.write(b"%d 0 obj\n" % nomor)
        baru[nomor].write_to_stream(keluaran)
        keluaran.write(b"\nendobj\n")
    awal_xref = keluaran.tell()
    keluaran.write(b"xref\n0 1\n0000000000 65535 f \n")  # readers expect entry 0 first
    for nomor in sorted(letak):
        keluaran.write(b"%d 1\n%010d 00000 n \n" % (nomor, letak[nomor]))
    keluaran.write(b"trailer\n")
    g.DictionaryObject({
        g.NameObject("/Size"): g.NumberObject(ukuran), g.NameObject("/Root"): ref_akar,
        g.NameObject("/Info"): g.IndirectObject(nomor_info, 0, None),
        g.NameObject("/Prev"): g.NumberObject(_startxref(isi)),
    }).write_to_stream(keluaran)
    keluaran.write(b"\nstartxref\n%d\n%%%%EOF\n" % awal_xref)
    sementara = tujuan.with_suffix(".tmp")
    sementara.write_bytes(_id_struktur_stabil(keluaran.getvalue()))
    sementara.replace(tujuan)
    return len(halaman)


# Chromium tags with PDF 2.0 structure types that PDF 1.7 does not define: role-mapped to the
# nearest PDF 1.7 standard type, so the structure is valid for the version the catalog declares
PETA_PERAN = {"/Strong": "/Span", "/Em": "/Span", "/Sub": "/Span", "/Aside": "/Div",
              "/Title": "/P", "/FENote": "/Note", "/DocumentFragment": "/Div"}
VERSI_PDF = "/1.7"


def _aksesibilitas(pembaca: PdfReader, akar: DictionaryObject, info: dict[str, str],
                   ukuran: int, baru: dict[int, DictionaryObject]) -> int:
    """For the incremental update: the catalog declares PDF 1.7 (Chromium's header says 1.4),
    the structure tree role-maps Chromium's PDF 2.0 types to PDF 1.7 ones (`PETA_PERAN`), and
    an XMP metadata stream (`xmp`) repeats the document info with the language. Returns the
    next free object number."""
    from pypdf import generic as g

    akar[g.NameObject("/Version")] = g.NameObject(VERSI_PDF)
    ref_struktur = pembaca.root_object.raw_get("/StructTreeRoot")
    asli = ref_struktur.get_object() if isinstance(ref_struktur, g.IndirectObject) else None
    if isinstance(ref_struktur, g.IndirectObject) and isinstance(asli, g.DictionaryObject):
        struktur = g.DictionaryObject(asli)
        peta = g.DictionaryObject()
        lama = struktur.get("/RoleMap")
        if isinstance(lama, g.DictionaryObject):
            peta.update(lama)
        for dari, ke in PETA_PERAN.items():
            peta.setdefault(g.NameObject(dari), g.NameObject(ke))
        struktur[g.NameObject("/RoleMap")] = peta
        baru[ref_struktur.idnum] = struktur
    metadata = g.DecodedStreamObject()
    metadata.set_data(xmp(info).encode("utf-8"))
    metadata[g.NameObject("/Type")] = g.NameObject("/Metadata")
    metadata[g.NameObject("/Subtype")] = g.NameObject("/XML")
    baru[ukuran] = metadata
    akar[g.NameObject("/Metadata")] = g.IndirectObject(ukuran, 0, None)
    return ukuran + 1


def _tanggal_xmp(cap: str) -> str:
    """`D:20250131000000+00'00'` → `2025-01-31T00:00:00+00:00`; a month, `D:202501` →
    `2025-01` (XMP dates may be as coarse as the data)."""
    t = cap.removeprefix("D:")
    if len(t) == 6:
        return f"{t[0:4]}-{t[4:6]}"
    return f"{t[0:4]}-{t[4:6]}-{t[6:8]}T{t[8:10]}:{t[10:12]}:{t[12:14]}{t[14:17]}:{t[18:20]}"


def xmp(info: dict[str, str]) -> str:
    """The XMP metadata packet of the document info (`info_dokumen`): title, author, subject,
    keywords, language `id`, the edition's dates (never the clock), escaped as XML."""
    def x(kunci: str) -> str:
        return xml_escape(info.get(kunci, ""), {'"': "&quot;"})

    tanggal = {k: _tanggal_xmp(info[k]) for k in ("/CreationDate", "/ModDate") if k in info}
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">\n'
        "<dc:format>application/pdf</dc:format>\n"
        f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{x("/Title")}</rdf:li></rdf:Alt>'
        "</dc:title>\n"
        f"<dc:creator><rdf:Seq><rdf:li>{x('/Author')}</rdf:li></rdf:Seq></dc:creator>\n"
        f'<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{x("/Subject")}</rdf:li>'
        "</rdf:Alt></dc:description>\n"
        "<dc:language><rdf:Bag><rdf:li>id</rdf:li></rdf:Bag></dc:language>\n"
        f"<pdf:Keywords>{x('/Keywords')}</pdf:Keywords>\n"
        f"<pdf:Producer>{x('/Producer')}</pdf:Producer>\n"
        f"<xmp:CreatorTool>{x('/Creator')}</xmp:CreatorTool>\n"
        f"<xmp:CreateDate>{tanggal.get('/CreationDate', '')}</xmp:CreateDate>\n"
        f"<xmp:ModifyDate>{tanggal.get('/ModDate', '')}</xmp:ModifyDate>\n"
        f"<xmp:MetadataDate>{tanggal.get('/ModDate', '')}</xmp:MetadataDate>\n"
        "</rdf:Description></rdf:RDF></x:xmpmeta>\n"
        '<?xpacket end="w"?>')


def _startxref(isi: bytes) -> int:
    """The offset of the last xref section (the number after the last `startxref`)."""
    return int(isi[isi.rindex(b"startxref") + len(b"startxref"):].split()[0])


def _kosongkan_objek(isi: bytes, pembaca: PdfReader, nomor: int) -> bytes:
    """Overwrite object `nomor`'s dictionary in place with an empty one padded with spaces (the
    same length, so every xref offset stays valid)."""
    awal = pembaca.xref[0][nomor]
    buka, tutup = isi.index(b"<<", awal), isi.index(b"endobj", awal)
    tutup = isi.rindex(b">>", buka, tutup) + 2
    return isi[:buka] + b"<<>>" + b" " * (tutup - buka - 4) + isi[tutup:]


def _kerangka(penanda: list[tuple[str, int, int]], halaman: list[Any], ukuran: int,
              baru: dict[int, DictionaryObject]) -> tuple[IndirectObject, int]:
    """The outline (bookmarks) as new objects numbered from `ukuran`, chapters at level 1 and
    their sections under them, open; returns the outline root's reference and the next free
    object number."""
    from pypdf import generic as g

    def ref(nomor: int) -> IndirectObject:
        return g.IndirectObject(nomor, 0, None)

    akar, ukuran = ukuran, ukuran + 1
    pohon: list[tuple[int, list[int]]] = []
    for judul, tingkat, nomor_halaman in penanda:
        nomor, ukuran = ukuran, ukuran + 1
        baru[nomor] = g.DictionaryObject({
            g.NameObject("/Title"): g.create_string_object(judul),
            g.NameObject("/Dest"): g.ArrayObject([halaman[nomor_halaman - 1],
                                                  g.NameObject("/Fit")])})
        if tingkat > 1 and pohon:
            pohon[-1][1].append(nomor)
        else:
            pohon.append((nomor, []))

    def sambung(induk: int, anak: list[int]) -> None:
        for i, nomor in enumerate(anak):
            baru[nomor][g.NameObject("/Parent")] = ref(induk)
            if i:
                baru[nomor][g.NameObject("/Prev")] = ref(anak[i - 1])
            if i + 1 < len(anak):
                baru[nomor][g.NameObject("/Next")] = ref(anak[i + 1])
        if anak:
            baru[induk][g.NameObject("/First")] = ref(anak[0])
            baru[induk][g.NameObject("/Last")] = ref(anak[-1])

    baru[akar] = g.DictionaryObject({g.NameObject("/Type"): g.NameObject("/Outlines")})
    sambung(akar, [n for n, _ in pohon])
    for nomor, anak in pohon:
        sambung(nomor, anak)
        if anak:
            baru[nomor][g.NameObject("/Count")] = g.NumberObject(len(anak))
    baru[akar][g.NameObject("/Count")] = g.NumberObject(sum(1 + len(a) for _, a in pohon))
    return ref(akar), ukuran


NODE_DOM = re.compile(rb"node(\d{8})")


def _id_struktur_stabil(isi: bytes) -> bytes:
    """Chromium names the tagged PDF's structure elements after DOM node ids (`node00000432`),
    which shift with the order in which scripts created nodes, so two prints of the same book
    differed in them. Renumber them by rank: same width and same sort order, so the xref
    offsets and the sorted IDTree stay valid, and the same book prints the same bytes."""
    nomor = sorted({int(n) for n in NODE_DOM.findall(isi)})
    peringkat = {n: i for i, n in enumerate(nomor, start=1)}
    return NODE_DOM.sub(lambda m: b"node%08d" % peringkat[int(m.group(1))], isi)
