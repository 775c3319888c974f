"""Sphinx extension: what a reader's phone, a search engine and a link preview need from every
page, and nothing more.

- Scripts: the theme's own (Bootstrap, pydata-sphinx-theme's, sphinx-book-theme's, the Font
  Awesome script that draws icons) are not loaded; `_static/lakip.js` does the little the book
  needs (chapter menu, page contents, search dialog, back to top) and loads the Vega bundle only
  on a page with a chart. Every remaining script is deferred, except on the search page (Sphinx's
  search tools expect their globals at load).
- Head: a description of the page from its own text, Open Graph title/description (and image and
  URL when the site's public address is configured: `html.baseurl` in `_config.yml`), the light
  colour scheme declared.
- Body: table cells separated by whitespace, so that search snippets (the page's text) do not
  run cells together.
- Output: the theme's template macros (`_static/*webpack-macros.html`) and the scripts, fonts
  and source maps no page loads (`STATIS_DIBUANG`) are not published (`bukan_terbitan`: they
  stay in Sphinx's own output folder, where the next incremental run finds them in place
  instead of copying some 200 files again to have them deleted); `sitemap.xml` lists the
  edition's pages when the public address is known.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from markupsafe import Markup

# scripts and stylesheets other extensions add that no page of the book needs
SKRIP_DIBUANG = ("sphinx-book-theme.js", "vega-bundle.js", "clipboard.min.js", "copybutton.js",
                 "togglebutton.js", "design-tabs.js")
CSS_DIBUANG = ("pygments.css", "sphinx-design.min.css")
# theme files in _static that no published page loads (templates, unused scripts, fonts, maps)
STATIS_DIBUANG = ("webpack-macros.html", "sbt-webpack-macros.html", "scripts/bootstrap.js",
                  "scripts/bootstrap.js.map", "scripts/bootstrap.js.LICENSE.txt",
                  "scripts/pydata-sphinx-theme.js", "scripts/pydata-sphinx-theme.js.map",
                  "scripts/fontawesome.js", "scripts/fontawesome.js.map",
                  "scripts/fontawesome.js.LICENSE.txt", "scripts/sphinx-book-theme.js",
                  "scripts/sphinx-book-theme.js.map", "styles/pydata-sphinx-theme.css.map",
                  "styles/sphinx-book-theme.css.map", "styles/theme.css.map", "vendor",
                  "images", "clipboard.min.js", "copybutton.js", "copybutton.css",
                  "copy-button.svg", "check-solid.svg", "copybutton_funcs.js", "togglebutton.js",
                  "togglebutton.css", "design-tabs.js", "sphinx-design.min.css", "pygments.css",
                  "locales", "scripts")


def bukan_terbitan(folder: Path, nama: list[str], akar: Path) -> set[str]:
    """`shutil.copytree`'s ignore for an edition built by Sphinx in `akar`: of the entries
    `nama` of `folder`, Sphinx's `.buildinfo` and the theme's static files no page loads."""
    statis = akar / "_static"
    hasil = {n for n in nama if n == ".buildinfo"}
    if folder.is_relative_to(statis):
        relatif = folder.relative_to(statis)
        hasil |= {n for n in nama if (relatif / n).as_posix() in STATIS_DIBUANG}
    return hasil


PANJANG_DESKRIPSI = 155
JUDUL_KHUSUS = {"search": "Pencarian", "genindex": "Indeks"}  # Sphinx's pages without a title
# paragraphs that do not describe the page: notes, sources, screen-reader texts, correction boxes
_KELAS_BUKAN_ISI = re.compile(r"lakip-(sumber|alt|sr|koreksi|perbedaan|catatan)|admonition")
_AKHIR_BAGIAN_TABEL = re.compile(r"(</(?:td|th|tr|caption|thead|tbody|tfoot)>)(?=<)")


_KOSONG = ("br", "img", "input", "meta", "link", "hr", "wbr", "source", "col")


class _Teks(HTMLParser):
    """The text of a page body: the cover block, the prose paragraphs, and all of it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        # per open element: (tag, not prose, not text at all, in the cover block, in a paragraph)
        self.tumpukan: list[tuple[str, bool, bool, bool, bool]] = []
        self.sampul: list[str] = []
        self.paragraf: list[list[str]] = []
        self.semua: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _KOSONG:
            return
        kelas = dict(attrs).get("class") or ""
        _, bukan_isi, buang, sampul, di_p = (self.tumpukan[-1] if self.tumpukan
                                            else ("", False, False, False, False))
        bukan_isi = bukan_isi or bool(_KELAS_BUKAN_ISI.search(kelas))
        buang = buang or tag in ("script", "style") or "headerlink" in kelas
        sampul = sampul or "lakip-sampul" in kelas
        if tag == "p" and not kelas and not bukan_isi and not buang and not di_p:
            di_p = True
            self.paragraf.append([])
        self.tumpukan.append((tag, bukan_isi, buang, sampul, di_p))

    def handle_endtag(self, tag: str) -> None:
        if any(t == tag for t, *_ in self.tumpukan):
            while self.tumpukan and self.tumpukan.pop()[0] != tag:
                pass

    def handle_data(self, data: str) -> None:
        if not self.tumpukan:
            self.semua.append(data)
            return
        _, _, buang, sampul, di_p = self.tumpukan[-1]
        if buang:
            return
        self.semua.append(data)
        if di_p:
            self.paragraf[-1].append(data)
        if sampul:
            self.sampul.append(data + " ")


def _rapi(bagian: list[str]) -> str:
    return re.sub(r"\s+", " ", "".join(bagian)).strip()


def potong(teks: str, panjang: int = PANJANG_DESKRIPSI) -> str:
    """At most `panjang` characters, cut at a word boundary with an ellipsis."""
    if len(teks) <= panjang:
        return teks
    return teks[:panjang - 1].rsplit(" ", 1)[0].rstrip(",;:.") + "…"


def deskripsi(body: str, judul: str) -> str:
    """A page's description from its own text: the cover's block, else its title and its first
    prose paragraphs (two chapters may open with the same sentence), else its title.

    A page without the cover's block is read only as far as its description needs (its first
    paragraphs, not the tables after them): read a piece at a time, it stops once the
    paragraphs before the one being read hold enough text."""
    pengurai = _Teks()
    if "lakip-sampul" in body:
        pengurai.feed(body)
        if pengurai.sampul:
            return potong(_rapi(pengurai.sampul))
    else:
        for awal in range(0, len(body), _POTONGAN):
            pengurai.feed(body[awal:awal + _POTONGAN])
            if len(_paragraf_awal(pengurai.paragraf[:-1])) >= PANJANG_DESKRIPSI:
                break
    teks = _paragraf_awal(pengurai.paragraf)
    return potong(f"{judul}. {teks}" if teks else judul)


_POTONGAN = 4096  # characters of a page body read at a time for its description


def _paragraf_awal(paragraf: list[list[str]]) -> str:
    """The text of the first paragraphs, up to the one that makes it long enough."""
    teks = ""
    for p in paragraf:
        teks = f"{teks} {_rapi(p)}".strip()
        if len(teks) >= PANJANG_DESKRIPSI:
            break
    return teks


def pisahkan_sel(body: str) -> str:
    """Whitespace between table cells and rows (no effect on layout), so that the page's text,
    from which search snippets are cut, keeps cells apart."""
    return _AKHIR_BAGIAN_TABEL.sub("\\1\n", body)


def alamat_dasar(app: Any) -> str:
    """The edition's public address (ending in "/"), or "" when none is configured."""
    dasar = str(app.config.html_baseurl or "").strip()
    return dasar if not dasar or dasar.endswith("/") else dasar + "/"


def meta(app: Any, pagename: str, situs: str, judul: str, teks: str) -> Markup:
    """The <meta> elements of a page's head (every value escaped)."""
    from markupsafe import Markup

    e = html.escape
    baris = [f'<meta name="description" content="{e(teks)}" />',
             '<meta name="color-scheme" content="light" />',
             '<meta property="og:type" content="website" />',
             '<meta property="og:locale" content="id_ID" />',
             f'<meta property="og:site_name" content="{e(situs)}" />',
             f'<meta property="og:title" content="{e(judul)}" />',
             f'<meta property="og:description" content="{e(teks)}" />']
    dasar = alamat_dasar(app)
    if dasar:
        baris.append(f'<meta property="og:url" content="{e(dasar + pagename)}.html" />')
        gambar = app.config.lakip_gambar_bagikan
        if gambar:
            baris.append(f'<meta property="og:image" content="{e(dasar + gambar)}" />')
    return Markup("\n  ".join(baris))


def _halaman(app: Any, pagename: str, templatename: str, context: dict[str, Any],
             doctree: Any) -> None:
    cari = pagename == "search"
    skrip = []
    for js in context.get("script_files", []):
        nama = str(getattr(js, "filename", "") or "")
        atribut = dict(getattr(js, "attributes", {}))
        if Path(nama).name in SKRIP_DIBUANG or (not nama and "DOCUMENTATION_OPTIONS." in
                                               atribut.get("body", "")):
            continue
        if nama and not cari:
            atribut["defer"] = "defer"
            js = type(js)(nama, priority=js.priority, **atribut)
        skrip.append(js)
    context["script_files"] = skrip
    context["css_files"] = [c for c in context.get("css_files", [])
                            if Path(str(getattr(c, "filename", ""))).name not in CSS_DIBUANG]
    body = context.get("body") or ""
    judul = html.unescape(re.sub(r"<[^>]+>", "", str(context.get("title") or ""))) or \
        JUDUL_KHUSUS.get(pagename, "")
    situs = html.unescape(str(context.get("docstitle") or ""))
    judul_penuh = f"{judul} — {situs}" if judul and judul not in situs else situs
    teks = deskripsi(body, judul or situs)
    if teks == (judul or situs):  # a page with no text of its own (search, index)
        teks = judul_penuh
    context["lakip_meta"] = meta(app, pagename, situs, judul_penuh, teks)
    context["body"] = pisahkan_sel(body)


def _selesai(app: Any, galat: Exception | None) -> None:
    if galat is not None or app.builder.name != "html":
        return
    tulis_peta_situs(Path(app.outdir), alamat_dasar(app))
    if not app.config.lakip_gambar_bagikan:  # left by an earlier build with the PDF
        (Path(app.outdir) / GAMBAR_BAGIKAN).unlink(missing_ok=True)


def tulis_peta_situs(folder: Path, dasar: str) -> None:
    """`sitemap.xml` of the edition's pages (not the search page or the index) when the public
    address is known; none otherwise (a sitemap needs absolute addresses)."""
    peta = folder / "sitemap.xml"
    if not dasar:
        peta.unlink(missing_ok=True)
        return
    halaman = sorted(p.name for p in folder.glob("*.html")
                     if p.name not in ("search.html", "genindex.html", "index.html"))
    isi = "".join(f"  <url><loc>{html.escape(dasar + h)}</loc></url>\n" for h in halaman)
    peta.write_text('<?xml version="1.0" encoding="UTF-8"?>\n'
                    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
                    f"{isi}</urlset>\n", encoding="utf-8")


GAMBAR_BAGIKAN = "sampul.png"  # the edition's cover as a picture, for link previews
LEBAR_GAMBAR = 600


def bisa_gambar_bagikan() -> bool:
    """Whether the cover picture can be made here (poppler's pdftoppm renders the PDF's cover)."""
    return shutil.which("pdftoppm") is not None


def tulis_gambar_bagikan(pdf: Path, folder: Path) -> None:
    """<folder>/sampul.png: the first page of the printed edition (its cover), 600 px wide.
    The same PDF gives the same bytes (pdftoppm writes no date), so rebuilds stay identical."""
    if not bisa_gambar_bagikan():
        return
    tujuan = folder / GAMBAR_BAGIKAN
    subprocess.run(["pdftoppm", "-png", "-f", "1", "-l", "1", "-singlefile", "-scale-to-x",
                    str(LEBAR_GAMBAR), "-scale-to-y", "-1", str(pdf), str(tujuan.with_suffix(""))],
                   check=True, capture_output=True)


def robots(situs: Path) -> str:
    """robots.txt of the site root: everything may be crawled; the editions' sitemaps named when
    they exist (they do when the public address is configured)."""
    peta = []
    for path in sorted(situs.glob("*/sitemap.xml")):
        cocok = re.search(r"<loc>([^<]*/)[^/<]*</loc>", path.read_text(encoding="utf-8"))
        if cocok:
            peta.append(f"Sitemap: {html.unescape(cocok[1])}sitemap.xml\n")
    return "User-agent: *\nAllow: /\n" + "".join(peta)


def setup(app: Any) -> dict[str, Any]:
    app.add_config_value("lakip_gambar_bagikan", "", "html")
    # after the themes' handlers (pydata-sphinx-theme adds its inline scripts at 500)
    app.connect("html-page-context", _halaman, priority=950)
    app.connect("build-finished", _selesai)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
