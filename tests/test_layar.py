"""Every page of the built site on a phone (390 × 844) and a laptop (1366 × 900), as a reader
sees it: nothing wider than the screen unless it sits in a scroll region with a visible cue and a
sticky first column, no text cut off, every chart's marks inside its box, and charts that follow
their container when the window changes size."""

from __future__ import annotations

from pathlib import Path

import pytest

from .browser import gambar_semua, peramban, server

LAYAR = {"ponsel": (390, 844), "laptop": (1366, 900)}

# Runs in the page: a list of problems, empty when the page fits its viewport.
PERIKSA = """() => {
  const lebar = window.innerWidth, masalah = [];
  const nama = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
    (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ')[0] : '');
  const gulir = e => e.closest('.lakip-tabel-wrap');
  if (document.documentElement.scrollWidth > lebar + 1)
    masalah.push('halaman lebih lebar dari layar: ' + document.documentElement.scrollWidth);
  for (const t of document.querySelectorAll('article table, .lakip-vega svg')) {
    const r = t.getBoundingClientRect(), w = gulir(t);
    if (r.right <= lebar + 1) continue;
    if (!w || getComputedStyle(w).overflowX !== 'auto' || w.getBoundingClientRect().right > lebar + 1)
      masalah.push('lebih lebar dari layar tanpa wadah gulir: ' + nama(t));
  }
  for (const w of document.querySelectorAll('.lakip-tabel-wrap')) {
    if (w.scrollWidth <= w.clientWidth + 1) continue;
    if (!w.classList.contains('lakip-geser')) masalah.push('tabel bergulir tanpa penanda: ' + w.id);
    const pertama = w.querySelector('tbody tr > :first-child');
    if (getComputedStyle(pertama).position !== 'sticky')
      masalah.push('kolom pertama tidak menempel: ' + w.id);
  }
  const teks = 'article p, article li, article h1, article h2, article h3, article h4, ' +
    'article figcaption, article caption .lakip-judul-tabel, .bd-header-announcement';
  for (const e of document.querySelectorAll(teks)) {
    // not shown (closed disclosure, display none) or screen-reader only
    if (!e.checkVisibility() || e.closest('.lakip-alt')) continue;
    const r = e.getBoundingClientRect(), w = gulir(e);
    const batas = w ? w.getBoundingClientRect() : { left: 0, right: lebar };
    if (r.width && (r.left < batas.left - 1 || r.right > batas.right + 1))
      masalah.push('teks terpotong: ' + nama(e) + ' "' + e.textContent.trim().slice(0, 40) + '"');
    if (getComputedStyle(e).overflowX !== 'visible' && e.scrollWidth > e.clientWidth + 1)
      masalah.push('teks tersembunyi: ' + nama(e));
  }
  for (const svg of document.querySelectorAll('.lakip-vega svg')) {
    const kotak = svg.getBoundingClientRect(), wadah = svg.parentElement.getBoundingClientRect();
    if (kotak.width > wadah.width + 1)
      masalah.push('grafik lebih lebar dari wadahnya: ' + svg.parentElement.id);
    for (const m of svg.querySelectorAll('.mark-rect path, .mark-symbol path, .mark-line path, ' +
                                         '.mark-text text, .role-axis-label text, .mark-rule line')) {
      const r = m.getBoundingClientRect();
      if (r.left < kotak.left - 1 || r.right > kotak.right + 1 || r.top < kotak.top - 1 ||
          r.bottom > kotak.bottom + 1)
        masalah.push('tanda grafik di luar kotaknya: ' + svg.parentElement.id);
    }
  }
  return [...new Set(masalah)];
}"""

def _halaman(situs: Path) -> list[str]:
    return sorted(p.name for p in (situs).glob("*.html"))


@pytest.fixture(scope="module")
def peramban_situs(situs_2024: Path):
    with server(situs_2024.parent) as url, peramban() as b:
        yield b, url, _halaman(situs_2024)


@pytest.mark.parametrize("layar", LAYAR)
def test_every_page_fits_the_screen(peramban_situs, layar):
    b, url, halaman = peramban_situs
    lebar, tinggi = LAYAR[layar]
    page = b.new_page(viewport={"width": lebar, "height": tinggi})
    masalah = {}
    for nama in halaman:
        page.goto(f"{url}/2024/{nama}", wait_until="load")
        gambar_semua(page)
        page.wait_for_timeout(150)  # vega's resize and the scroll-cue pass
        if hasil := page.evaluate(PERIKSA):
            masalah[nama] = hasil
    page.close()
    assert masalah == {}


def test_charts_follow_the_window_width(peramban_situs):
    b, url, _ = peramban_situs
    page = b.new_page(viewport={"width": 1366, "height": 900})
    page.goto(f"{url}/2024/bab3_capaian.html", wait_until="load")
    gambar_semua(page)
    lebar = "() => document.querySelector('.lakip-vega svg').getBoundingClientRect().width"
    lebar_laptop = page.evaluate(lebar)
    page.set_viewport_size({"width": 390, "height": 844})
    page.wait_for_function(f"() => ({lebar})() <= 380", timeout=5_000)
    assert page.evaluate(lebar) < lebar_laptop / 1.5
    page.close()
