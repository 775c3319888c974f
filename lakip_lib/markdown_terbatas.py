"""The Markdown an analyst may write in a narrative, rendered by us into escaped HTML.

Narratives (`data/<year>/narasi/*.md`) are untrusted text. They are never handed to MyST or
Sphinx (which would run directives such as `{include}` or `{raw}`, copy local link targets into
the site, or fetch remote images). Only headings, paragraphs, emphasis, lists, tables and links
to http(s) pages are allowed: `pelanggaran` names every other construct with its line for
`lakip validate`, and `ke_html` renders the allowed subset with raw HTML off, so that even text
that slipped past validation comes out as text, never as markup, a file read or a request.
Generated sentences (`tampilan.Teks`) are rendered the same way.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from html import escape

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from lakip_lib import karakter

SKEMA_TAUTAN = ("http://", "https://")
_PERAN = re.compile(r"\{[A-Za-z][\w:+.-]*\}$")  # a MyST role just before an inline code span
_PAGAR_TITIK_DUA = re.compile(r"^\s*:{3,}\s*\{")  # MyST colon-fence directive
# A link reference definition ("[nama]: https://…"). markdown-it-py's rule for them scans every
# following line up to a blank one from each definition: quadratic (a 49 000-character narrative
# of definitions took 106 s). Both parsers leave the rule out (parsing stays linear in the text),
# validation names such a line, and it renders as the text it is.
_DEFINISI_RUJUKAN = re.compile(r"^ {0,3}\[(?:[^\]\\]|\\.)+\]:")

_BLOK_IZIN = {"heading", "paragraph", "bullet_list", "ordered_list", "list_item", "table",
              "thead", "tbody", "tr", "th", "td", "inline"}
_SEBARIS_IZIN = {"text", "softbreak", "hardbreak", "em", "strong"}
_NAMA_BLOK = {"fence": "blok kode", "code_block": "blok kode (baris menjorok empat spasi)",
              "html_block": "HTML mentah", "blockquote": "kutipan (>)",
              "hr": "garis pemisah (---)"}


_TANDA_MARKDOWN = re.compile(r"([\\`*_\[\]()<>!|{}~&#])")  # inline syntax, anywhere
_AWAL_BLOK = re.compile(r"^(\d*)([.)\-+=:])")  # a list or underline marker at the start


def markdown_aman(teks: object) -> str:
    """Text from data placed inside generated Markdown: one line, with every character that
    could start emphasis, a link, an image, code, a heading or a list escaped, so that it reads as
    literal text (figures such as 73,27 or 98,96% stay as they are)."""
    satu_baris = " ".join(("" if teks is None else str(teks)).split())
    return _AWAL_BLOK.sub(r"\1\\\2", _TANDA_MARKDOWN.sub(r"\\\1", satu_baris), count=1)


def _tautan_sah(url: str) -> bool:
    return url.strip().lower().startswith(SKEMA_TAUTAN)


class _SemuaTautan(MarkdownIt):
    """Keeps every link target, whatever its scheme (markdown-it-py asks `validateLink`)."""

    def validateLink(self, url: str) -> bool:
        return True


class _TautanHttp(MarkdownIt):
    """Keeps only links to http(s) pages."""

    def validateLink(self, url: str) -> bool:
        return _tautan_sah(url)


@lru_cache(maxsize=1)
def _pengurai_periksa() -> MarkdownIt:
    """Parses everything (raw HTML and images included) so that validation can name it."""
    return _SemuaTautan("commonmark", {"html": True}).enable("table").disable("reference")


@lru_cache(maxsize=1)
def _pengurai_tampil() -> MarkdownIt:
    """Renders the allowed subset: no raw HTML, no images, links only to http(s) pages."""
    md = _TautanHttp("commonmark", {"html": False}).enable("table").disable(["image", "reference"])
    md.add_render_rule("link_open", _buka_tautan)
    md.add_render_rule("heading_open", _buka_judul)
    return md


def _buka_tautan(self: object, tokens: Sequence[Token], idx: int, options: OptionsDict,
                 env: EnvType) -> str:
    href = escape(str(tokens[idx].attrGet("href") or ""), quote=True)
    return f'<a class="reference external" href="{href}" rel="noopener noreferrer">'


def _buka_judul(self: object, tokens: Sequence[Token], idx: int, options: OptionsDict,
                env: EnvType) -> str:
    # Headings inside a page's content are rubrics (as MyST renders them in notebook output):
    # they do not open sections of the table of contents.
    return f'<{tokens[idx].tag} class="rubric">'


def ke_html(teks: str) -> str:
    """HTML of the allowed Markdown; everything else is shown as escaped text."""
    return _pengurai_tampil().render(teks)


def pelanggaran(teks: str) -> list[tuple[int, str]]:
    """(1-based line, construct in Indonesian) for every construct a narrative may not use."""
    temuan: list[tuple[int, str]] = []
    for nomor, baris in enumerate(teks.splitlines(), start=1):
        if _PAGAR_TITIK_DUA.match(baris):
            temuan.append((nomor, "direktif MyST (:::{…})"))
        if _DEFINISI_RUJUKAN.match(baris):
            temuan.append((nomor, "definisi tautan rujukan ([nama]: alamat; tulis tautannya "
                           "langsung: [teks](https://…))"))
    for token in _pengurai_periksa().parse(teks):
        if token.nesting == -1:
            continue  # a closing token: its opening one was judged
        awal = token.map[0] + 1 if token.map else 1
        jenis = token.type.removesuffix("_open").removesuffix("_close")
        if token.type == "fence":
            info = token.info.strip()
            temuan.append((awal, f"direktif MyST ({info.split()[0]})" if info.startswith("{")
                           else "blok kode"))
        elif jenis not in _BLOK_IZIN:
            temuan.append((awal, _NAMA_BLOK.get(jenis, jenis)))
        elif token.type == "inline":
            temuan += _pelanggaran_sebaris(token.children or [], awal)
    return sorted(set(temuan))


def karakter_tersandi(teks: str) -> list[tuple[int, str]]:
    """(1-based line, message) for every HTML entity (`&rlm;`, `&#x202E;`, `&#8207`,
    `&ZeroWidthSpace;` …) that decodes to a character the gate (`karakter`) refuses: the raw
    text is checked as it is, this checks what the entities become."""
    return [(nomor, karakter.pesan_entitas(entitas, uraian, "baris ini"))
            for nomor, baris in enumerate(teks.splitlines(), start=1)
            for _, entitas, uraian in karakter.entitas_terlarang(baris)]


def _pelanggaran_sebaris(anak: list[Token], awal: int) -> list[tuple[int, str]]:
    temuan = []
    baris = awal
    sebelumnya = ""
    for t in anak:
        jenis = t.type.removesuffix("_open").removesuffix("_close")
        if t.type in ("softbreak", "hardbreak"):
            baris += 1
        elif t.type == "link_open":
            href = t.attrGet("href") or ""
            if not _tautan_sah(str(href)):
                temuan.append((baris, f'tautan ke berkas lokal atau alamat bukan http(s) ("{href}")'))
        elif t.type == "link_close":
            pass
        elif t.type == "image":
            temuan.append((baris, f'gambar ("{t.attrGet("src")}")'))
        elif t.type == "html_inline":
            temuan.append((baris, f"HTML mentah ({t.content.strip()[:40]})"))
        elif t.type == "code_inline":
            peran = _PERAN.search(sebelumnya)
            temuan.append((baris, f"peran (role) MyST ({peran.group(0)})" if peran
                           else "kode sebaris (`…`)"))
        elif jenis not in _SEBARIS_IZIN:
            temuan.append((baris, jenis))
        sebelumnya = t.content if t.type == "text" else ""
    return temuan
