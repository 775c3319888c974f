"""The interface speaks Indonesian: no English UI string is visible or read out (text,
aria-label, title, placeholder, alt) on any page, at desktop or phone width, nor on the search
page with results; and there is one search box."""

from __future__ import annotations

from pathlib import Path

import pytest

from .browser import peramban, server

# Runs in the page: strings containing a word of English interface vocabulary (words that are
# not also Indonesian), with where each was found.
INGGRIS = r"""() => {
  const INGGRIS = new Set(("skip content back top toggle sidebar primary secondary color colour " +
    "light dark " +
    "settings heading search previous next download source print navigation close open copy clipboard " +
    "contents edit fullscreen theme results hide show section page this the to of on and by last updated " +
    "home table link enter press keyboard shortcut focus expand collapse select language version " +
    "submit clear button launch repository issue suggest view").split(" "));
  const temuan = new Set();
  const periksa = (s, asal) => {
    if (!s) return;
    const kata = s.toLowerCase().match(/[a-z]+/g) || [];
    if (kata.some(k => INGGRIS.has(k)))
      temuan.add(asal + ": " + s.replace(/\s+/g, " ").trim().slice(0, 80));
  };
  periksa(document.title, "title");
  const jalan = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (jalan.nextNode()) {
    const n = jalan.currentNode, p = n.parentElement;
    if (!p || p.closest("script, style, template, noscript")) continue;
    periksa(n.textContent, "teks");
  }
  const atribut = ["aria-label", "title", "placeholder", "alt", "aria-description",
                   "data-bs-title", "data-tooltip"];
  for (const e of document.querySelectorAll(atribut.map(a => "[" + a + "]").join(",")))
    for (const a of atribut) periksa(e.getAttribute(a), a);
  return [...temuan];
}"""

KOTAK_CARI = ("() => [...document.querySelectorAll('.search-button__button, form.bd-search')]"
              ".filter(e => e.checkVisibility()).length")


@pytest.fixture(scope="module")
def situs(situs_2024: Path):
    with server(situs_2024.parent) as url, peramban() as b:
        yield b, url, sorted(p.name for p in situs_2024.glob("*.html")
                             if 'http-equiv="refresh"' not in p.read_text(encoding="utf-8"))


@pytest.mark.parametrize("lebar", [1366, 390])
def test_no_english_interface_text_on_any_page(situs, lebar):
    b, url, halaman = situs
    page = b.new_page(viewport={"width": lebar, "height": 900})
    temuan = {}
    for nama in [*halaman, "search.html?q=anggaran"]:
        page.goto(f"{url}/2024/{nama}", wait_until="load")
        if "?q=" in nama:
            page.wait_for_selector("#search-results li", state="attached", timeout=15_000)
        if hasil := page.evaluate(INGGRIS):
            temuan[nama] = hasil
    page.close()
    assert temuan == {}


def test_the_english_check_sees_english(situs):
    b, _, _ = situs
    page = b.new_page()
    page.set_content('<button aria-label="Toggle primary sidebar"></button><p>Back to top</p>')
    assert page.evaluate(INGGRIS) == ["teks: Back to top", "aria-label: Toggle primary sidebar"]
    page.close()


@pytest.mark.parametrize("lebar", [1366, 390])
def test_one_search_box(situs, lebar):
    b, url, _ = situs
    page = b.new_page(viewport={"width": lebar, "height": 900})
    page.goto(f"{url}/2024/bab3_capaian.html", wait_until="load")
    assert page.evaluate(KOTAK_CARI) == 1
    page.close()
