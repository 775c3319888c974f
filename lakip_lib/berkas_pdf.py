"""The printed PDF read and written with pypdf: the page map from the named destinations
Chromium writes, and the published file (document info, XMP, outline, PDF 1.7 role map,
stable structure ids) appended to Chromium's print as an incremental update.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast
from xml.sax.saxutils import escape as xml_escape

if TYPE_CHECKING:  # pypdf is imported where a PDF is read or written (not by `lakip build`
    # when nothing changed, which imports this module for the PDF's name)
    from pypdf import PdfReader
    from pypdf.generic import DictionaryObject, IndirectObject

AWALAN = "lakip-hal-"


def halaman_penanda(pdf: bytes) -> dict[str, int]:
    """Anchor id → 1-based page number, from the named destinations Chromium writes for the
    table-of-contents links (no text extraction needed)."""
    return halaman_penanda_pembaca(baca(pdf))


def baca(pdf: bytes) -> PdfReader:
    from pypdf import PdfReader

    return PdfReader(io.BytesIO(pdf))


def halaman_penanda_pembaca(pembaca: PdfReader) -> dict[str, int]:
    peta = {}
    for nama, tujuan in pembaca.named_destinations.items():
        kunci = nama.lstrip("/")
        if kunci.startswith(AWALAN):
            halaman = pembaca.get_destination_page_number(tujuan)
            if halaman is not None:
                peta[kunci] = halaman + 1
    return peta



def simpan(isi: bytes, info: dict[str, str], tujuan: Path,
            penanda: list[tuple[str, int, int]], pembaca: PdfReader | None = None) -> int:
    """Write the PDF with its document info (`pdf.info_dokumen`), language `id`, and bookmarks:
    (title, level 1 or 2, 1-based page) in the order of the contents.

    Chromium's print is kept as it is and these are appended to it as an incremental update
    (a new catalog, document info and outline, and an xref section pointing to them): cloning
    the whole document with pypdf took ~1,2 s of every print, this takes milliseconds.
    `pembaca`: `isi` already read."""
    from pypdf import generic as g

    pembaca = pembaca or baca(isi)
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
    """The XMP metadata packet of the document info (`pdf.info_dokumen`): title, author, subject,
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
