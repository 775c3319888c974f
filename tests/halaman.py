"""Reading built HTML pages as a reader would: visible text, captions, links."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path


class _Teks(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.bagian: list[str] = []
        self._lewati = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._lewati += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._lewati:
            self._lewati -= 1

    def handle_data(self, data: str) -> None:
        if not self._lewati:
            self.bagian.append(data)


def teks(path: Path) -> str:
    p = _Teks()
    p.feed(path.read_text(encoding="utf-8"))
    return " ".join(" ".join(p.bagian).split())
