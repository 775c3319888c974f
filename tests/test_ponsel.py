"""The built site on a phone (390 × 844) as a reader uses it: the chapter menu (☰), the page
contents button and search each open what they promise, no tooltip is left over the header,
search results fit the screen and keep table cells apart, and the page stays light when the
phone is set to dark mode. All of these failed with the theme's own scripts (pydata-sphinx-theme
0.17.1 with sphinx-book-theme 1.3.0 bound the menus to hidden duplicate buttons)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .browser import peramban, server

PONSEL = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def ponsel(situs_2024: Path):
    with server(situs_2024.parent) as url, peramban() as b:
        yield b, url


@pytest.fixture
def page(ponsel):
    b, url = ponsel
    halaman = b.new_page(viewport=PONSEL)
    halaman.url_situs = url
    yield halaman
    halaman.close()


def _buka(page, nama: str) -> None:
    page.goto(f"{page.url_situs}/2024/{nama}", wait_until="load")


def test_chapter_menu_opens_and_leads_to_a_chapter(page):
    _buka(page, "sasaran_s1.html")
    page.locator(".primary-toggle:visible").first.click()
    menu = page.locator("#pst-primary-sidebar-modal")
    bab4 = menu.get_by_role("link", name="Bab IV Penutup")
    bab4.wait_for(state="visible", timeout=3_000)
    assert page.evaluate("document.getElementById('pst-primary-sidebar-modal').open")
    assert page.locator(".tooltip").count() == 0  # no tooltip left over the header
    bab4.click()
    page.wait_for_url("**/bab4_penutup.html", timeout=5_000)


def test_chapter_menu_closes_on_escape_and_gives_the_list_back(page):
    _buka(page, "sasaran_s1.html")
    page.locator(".primary-toggle:visible").first.click()
    page.locator("#pst-primary-sidebar-modal a").first.wait_for(state="visible", timeout=3_000)
    page.keyboard.press("Escape")
    page.wait_for_function("!document.getElementById('pst-primary-sidebar-modal').open",
                           timeout=3_000)
    assert page.locator("#pst-primary-sidebar a").count() > 5  # back in its wide-screen place


def test_page_contents_button_opens_the_sections_and_jumps(page):
    _buka(page, "sasaran_s1.html")
    page.locator(".secondary-toggle:visible").first.click()
    isi = page.locator("#pst-secondary-sidebar-modal")
    butir = isi.get_by_role("link", name=re.compile("^c\\. Perbandingan"))
    butir.wait_for(state="visible", timeout=3_000)
    butir.click()
    page.wait_for_function("!document.getElementById('pst-secondary-sidebar-modal').open",
                           timeout=3_000)
    assert page.url.endswith("#c-perbandingan-dengan-target-akhir-renstra")
    judul = page.locator("#c-perbandingan-dengan-target-akhir-renstra h2")
    assert 0 <= judul.bounding_box()["y"] < PONSEL["height"]


def test_search_button_finds_and_results_fit_the_phone(page):
    _buka(page, "sasaran_s1.html")
    page.locator(".search-button__button:visible").first.click()
    kolom = page.locator("#pst-search-dialog input[name=q]")
    kolom.wait_for(state="visible", timeout=3_000)
    assert page.evaluate("document.activeElement.name") == "q"
    kolom.fill("Juai")
    kolom.press("Enter")
    page.wait_for_url("**/search.html?q=Juai*", timeout=5_000)
    page.wait_for_selector("#search-results p.context", timeout=15_000)
    page.wait_for_function("() => document.querySelector('#search-results .search-summary')",
                           timeout=15_000)  # every summary fetched and written
    cuplikan = " ".join(page.locator("#search-results p.context").all_inner_texts())
    cuplikan = re.sub(r"\s+", " ", cuplikan)
    # the CPR table: caption, header cells and the first row stay apart
    assert "Tahun 2024 Kecamatan PUS KB aktif CPR JUAI 3.252 2.504 77,00%" in cuplikan
    assert page.evaluate("document.documentElement.scrollWidth") <= PONSEL["width"]


def test_dark_phone_still_shows_the_light_page(ponsel):
    b, url = ponsel
    page = b.new_page(viewport=PONSEL, color_scheme="dark")
    page.goto(f"{url}/2024/bab3_anggaran.html", wait_until="load")
    warna = page.evaluate("""() => {
      const c = e => getComputedStyle(e);
      const sel = document.querySelector('table.lakip-tabel tbody th');
      return {tema: document.documentElement.dataset.theme,
              latar: c(document.body).backgroundColor, sel: c(sel).color,
              judul: c(document.querySelector('article h1')).color};
    }""")
    page.close()
    assert warna["tema"] == "light"
    assert warna["latar"] == "rgb(255, 255, 255)"
    for bagian in ("sel", "judul"):  # dark text
        merah, hijau, biru = map(int, re.findall(r"\d+", warna[bagian])[:3])
        assert merah + hijau + biru < 3 * 90, (bagian, warna)
