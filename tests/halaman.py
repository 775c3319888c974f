"""Reading built HTML pages as a reader would: visible text, captions, links."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

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
    # <span> ("13,90 per 1.000 kelahiran hidup</span>, sehingga" reads without one)
    return _SEBELUM_TANDA_BACA.sub("", " ".join(" ".join(p.bagian).split()))


_SEBELUM_TANDA_BACA = re.compile(r" (?=[,.;:](?:\s|$))")
