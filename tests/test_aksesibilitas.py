"""Accessibility (axe-core in headless Chromium) and link integrity of the built site."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from .browser import gambar_semua, peramban, server
from .conftest import REPO

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
ATURAN = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def halaman(situs: Path) -> list[Path]:
    return sorted(situs.glob("*.html"))


def test_axe_finds_no_serious_or_critical_violation(situs_2024: Path):
    assert AXE.exists(), "axe-core belum terpasang: npm ci (lihat Makefile)"
    pelanggaran = {}
    with server(situs_2024.parent) as url, peramban() as b:
        page = b.new_page(bypass_csp=True)  # the auditor's own script is injected inline
        for path in halaman(situs_2024):
            page.goto(f"{url}/2024/{path.name}", wait_until="load")
            page.wait_for_function("() => document.readyState === 'complete'")
            gambar_semua(page)  # the charts' SVG is audited too
            page.add_script_tag(path=str(AXE))
            hasil = page.evaluate(
                "async aturan => (await axe.run(document, {runOnly: aturan})).violations"
                ".filter(v => ['serious', 'critical'].includes(v.impact))"
                ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))",
                ATURAN)
            if hasil:
                pelanggaran[path.name] = hasil
    assert pelanggaran == {}


def test_pages_declare_indonesian(situs_2024: Path):
    for path in halaman(situs_2024):
        assert re.search(r'<html[^>]*lang="id"', path.read_text()), path.name


class _Tautan(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tautan: list[str] = []
        self.id: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.id.add(a["id"])
        for kunci in ("href", "src"):
            if a.get(kunci) and tag in ("a", "link", "script", "img"):
                self.tautan.append(a[kunci])


def _urai(path: Path) -> _Tautan:
    p = _Tautan()
    p.feed(path.read_text(encoding="utf-8"))
    return p


@pytest.fixture(scope="module")
def peta_id(situs_2024: Path) -> dict[Path, set[str]]:
    """Every published page (theme templates under _static are not pages)."""
    return {p: _urai(p).id for p in situs_2024.parent.rglob("*.html")
            if "_static" not in p.parts and "_sources" not in p.parts}


def test_no_broken_internal_link_or_anchor(situs_2024: Path, peta_id: dict[Path, set[str]]):
    rusak = []
    for path in peta_id:
        for tautan in _urai(path).tautan:
            u = urlparse(tautan)
            if u.scheme in ("http", "https", "mailto", "data", "javascript"):
                continue
            sasaran = (path.parent / unquote(u.path)).resolve() if u.path else path
            if sasaran.is_dir():
                sasaran = sasaran / "index.html"
            if not sasaran.exists():
                rusak.append(f"{path.name} → {tautan}")
            elif u.fragment and sasaran.suffix == ".html" \
                    and u.fragment not in peta_id.get(sasaran, set()):
                rusak.append(f"{path.name} → {tautan} (jangkar tidak ada)")
    assert rusak == []
