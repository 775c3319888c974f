"""The print document of the PDF editions, assembled from the built HTML pages as Jupyter
Book's singlehtml builder wrote the book: the root page with every chapter nested in it in the
order of the table of contents, each part's headings one level deeper per level of nesting. A
second Sphinx run of the whole book (the singlehtml builder, its own environment re-reading
every changed page) cost every build about as much as the HTML run itself.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from lakip_lib import csp

ARTIKEL = re.compile(r'<article class="bd-article"[^>]*>(.*?)</article>', re.S)
_JUDUL = re.compile(r"<h([1-6])\b([^>]*)>(.*?)</h\1>", re.S)
_DAFTAR_KOSONG = '<div class="toctree-wrapper compound">\n</div>'
_JUDUL_HALAMAN = re.compile(r"<title>.*? &#8212; (.*?)</title>", re.S)  # "<page> — <book>"


def susun(folder_html: Path, toc: dict[str, Any]) -> str:
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
