"""The built site in a real headless browser: charts draw, tooltips appear, nothing external."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

from .browser import gambar_semua, peramban, server

HALAMAN_GRAFIK = ["bab3_capaian", "sasaran_s1", "sasaran_s2", "sasaran_s3", "sasaran_s4",
                  "bab3_anggaran"]


@pytest.fixture(scope="module")
def _halaman_bersama(situs_2024: Path):
    with server(situs_2024.parent) as url, peramban() as b:
        page = b.new_page(viewport={"width": 1280, "height": 900})
        permintaan: list[str] = []
        galat: list[str] = []
        page.on("request", lambda r: permintaan.append(r.url))
        page.on("pageerror", lambda e: galat.append(str(e)))
        yield page, url, permintaan, galat


@pytest.fixture
def halaman(_halaman_bersama):
    """One browser page for the module, with the requests and script errors of this test only
    (not of the tests before it, so each test passes or fails alone and in any order)."""
    _, _, permintaan, galat = _halaman_bersama
    permintaan.clear()
    galat.clear()
    return _halaman_bersama


@pytest.mark.parametrize("nama", HALAMAN_GRAFIK)
def test_every_chart_draws_an_svg(halaman, nama):
    page, url, _, galat = halaman
    page.goto(f"{url}/2024/{nama}.html")
    wadah = page.locator(".lakip-vega")
    assert wadah.count() >= 1
    gambar_semua(page)
    assert galat == []


def test_tooltip_appears_on_hover(halaman):
    page, url, _, _ = halaman
    page.goto(f"{url}/2024/bab3_capaian.html")
    gambar_semua(page)
    batang = page.locator(".lakip-vega svg .mark-rect path").first
    batang.wait_for(timeout=15_000)
    batang.scroll_into_view_if_needed()
    batang.hover()
    tooltip = page.locator("#vg-tooltip-element")
    tooltip.wait_for(state="visible", timeout=5_000)
    assert "%" in tooltip.inner_text()


def test_axis_numbers_use_indonesian_separators(halaman):
    page, url, _, _ = halaman
    page.goto(f"{url}/2024/bab3_anggaran.html")
    gambar_semua(page)
    label = page.eval_on_selector_all(".lakip-vega svg .role-axis-label text",
                                      "teks => teks.map(t => t.textContent)")
    # rupiah axes group thousands with dots (English would print 40,000,000,000)
    assert any(re.fullmatch(r"\d{1,3}(\.\d{3})+", t) for t in label), label
    assert not any("," in t for t in label if t.replace(",", "").isdigit()), label


def test_no_request_leaves_the_site(halaman):
    page, url, permintaan, _ = halaman
    for nama in ["sampul", "ikhtisar", "lampiran"]:
        page.goto(f"{url}/2024/{nama}.html")
        page.wait_for_load_state("networkidle")
    host = {urlparse(u).netloc for u in permintaan if u.startswith("http")}
    assert host == {urlparse(url).netloc}, host


def test_root_redirects_to_latest_edition(halaman):
    page, url, _, _ = halaman
    page.goto(f"{url}/")
    page.wait_for_url("**/2024/sampul.html", timeout=10_000)
    page.wait_for_load_state("load")
    assert "Laporan Akuntabilitas Kinerja Instansi Pemerintah" in page.locator("body").inner_text()


def test_edition_switcher_lists_published_editions(halaman):
    page, url, _, _ = halaman
    page.goto(f"{url}/2024/ikhtisar.html")
    pilih = page.locator("select.lakip-pilih-edisi")
    pilih.wait_for(timeout=10_000)
    assert pilih.locator("option").all_inner_texts() == ["Edisi 2024 (Final, Januari 2025)"]


_PELANGGARAN = """document.addEventListener("securitypolicyviolation", e => {
  (window.__csp = window.__csp || []).push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}`);
});"""


def _kebijakan(path: Path) -> dict[str, str]:
    isi = path.read_text(encoding="utf-8")
    m = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', isi)
    assert m, path
    assert "<script" not in isi[:m.start()], path  # the policy comes before any script
    return dict((a.strip() + " ").split(" ", 1) for a in m.group(1).split(";"))


def test_every_page_allows_only_its_own_scripts_and_breaks_no_rule(halaman, situs_2024: Path):
    """Every published page carries a Content-Security-Policy (GitHub Pages sends no header):
    scripts only from the site or inline by hash, no eval; and every page still works under it:
    no violation reported, charts drawn, search answering."""
    page, url, _, galat = halaman
    situs = situs_2024.parent
    semua = sorted(p for p in situs.rglob("*.html") if "_static" not in p.parts)
    assert len(semua) >= 18  # the root redirect, every page, data/index.html, tentang.html
    for path in semua:
        k = _kebijakan(path)
        assert k["default-src"].strip() == "'none'" and k["base-uri"].strip() == "'none'", path
        skrip = k["script-src"].split()
        assert skrip[0] == "'self'" and all(s.startswith("'sha256-") for s in skrip[1:]), path
    page.add_init_script(_PELANGGARAN)
    alamat = {p: f"{url}/{p.relative_to(situs).as_posix()}" for p in semua}
    pengalihan = {alamat[p] for p in semua if 'http-equiv="refresh"' in p.read_text("utf-8")}
    for path in semua:
        page.goto(alamat[path], wait_until="load")
        if alamat[path] in pengalihan:  # wait for the page it leads to (through another one)
            page.wait_for_url(lambda u: u not in pengalihan, timeout=10_000)
            page.wait_for_load_state("load")
        if path.name in {f"{n}.html" for n in HALAMAN_GRAFIK}:
            gambar_semua(page)
        assert page.evaluate("() => window.__csp || []") == [], path
    page.goto(f"{url}/2024/search.html?q=anggaran", wait_until="load")
    page.wait_for_function("() => document.querySelectorAll('#search-results li').length > 0",
                           timeout=15_000)
    assert page.evaluate("() => window.__csp || []") == []
    assert galat == []


def _keturunan(pid: int) -> list[int]:
    """The processes started, directly or not, by `pid` (read from /proc)."""
    anak: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            isi = stat.read_text()
        except OSError:
            continue
        induk = int(isi[isi.rindex(")") + 2:].split()[1])
        anak.setdefault(induk, []).append(int(stat.parent.name))
    hasil, antre = [], [pid]
    while antre:
        hasil += (baru := anak.get(antre.pop(), []))
        antre += baru
    return hasil


def _asyncio_di_utas(fungsi: Any) -> Any:
    """asyncio.run(fungsi()) in a thread of its own: this module's Playwright (sync API) runs
    an event loop in the main thread."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as utas:
        return utas.submit(lambda: asyncio.run(fungsi())).result()


def _peramban_utama(pid: int) -> tuple[int, list[list[str]]]:
    """The browser started under `pid` (its main process, not a renderer or helper): its pid
    and its --disable-features lists, in order."""
    for anak in _keturunan(pid):
        try:
            argumen = Path(f"/proc/{anak}/cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if not any(a.startswith(b"--type=") for a in argumen) and any(
                a.startswith(b"--remote-debugging-pipe") for a in argumen):
            return anak, [a.decode().split("=", 1)[1].split(",") for a in argumen
                          if a.startswith(b"--disable-features=")]
    return 0, []


def test_the_browser_keeps_playwrights_disabled_features_and_opens_no_browser_ui_pages():
    """Chromium keeps only the last --disable-features: ours must name every feature of
    Playwright's own switch (the first), and no window may open the omnibox popup's pages."""
    import os
    from concurrent.futures import ThreadPoolExecutor

    from playwright.sync_api import sync_playwright

    from lakip_lib import peramban

    def periksa() -> tuple[list[list[str]], list[str]]:
        with sync_playwright() as p:
            b = p.chromium.launch(executable_path=str(peramban.path_chromium()),
                                  args=peramban.ARGUMEN)
            b.new_context().new_page().goto("about:blank")
            sasaran = b.new_browser_cdp_session().send("Target.getTargets")
            fitur = _peramban_utama(os.getpid())[1]
            b.close()
        return fitur, [t["type"] for t in sasaran["targetInfos"]]

    with ThreadPoolExecutor(1) as utas:  # beside the module's own Playwright, in this thread
        fitur, jenis = utas.submit(periksa).result()
    assert len(fitur) >= 2, fitur  # Playwright's, then ours
    assert set(fitur[0]) <= set(fitur[-1]), set(fitur[0]) - set(fitur[-1])
    assert set(peramban.FITUR_UI_PERAMBAN) <= set(fitur[-1])
    assert "browser_ui" not in jenis, jenis


def test_the_printers_browser_has_the_same_switches_opens_no_browser_ui_pages_and_leaves_nothing(
        tmp_path: Path):
    """The PDF printer's own Chromium (`cdp`, no Playwright): one --disable-features with
    Playwright's list and ours, no browser-UI page beside the pages it prints in, a script
    error reported as an error; closed, its process has ended and its profile is gone. A profile left
    by a killed printer is emptied before the next one starts in it."""
    import os

    from lakip_lib import cdp, peramban

    profil = tmp_path / "profil"
    profil.mkdir()
    (profil / "sisa-cetakan-terbunuh").write_text("x")

    async def periksa() -> tuple[int, list[list[str]], list[str]]:
        async with cdp.chromium_pipa(profil) as b:
            assert not (profil / "sisa-cetakan-terbunuh").exists()
            halaman = [await b.halaman_baru(), await b.halaman_baru()]
            await halaman[0].buka("data:text/html,<p>satu</p>")
            await halaman[0].tunggu_muat()
            assert await halaman[0].nilai("document.body.textContent") == "satu"
            with pytest.raises(cdp.GalatPeramban, match="rusak"):
                await halaman[0].nilai("(() => { throw new Error('rusak'); })()")
            sasaran = await b.kirim("Target.getTargets")
            return (*_peramban_utama(os.getpid()), [t["type"] for t in sasaran["targetInfos"]])

    pid, fitur, jenis = _asyncio_di_utas(periksa)
    assert fitur == [peramban.FITUR_PLAYWRIGHT + peramban.FITUR_UI_PERAMBAN]
    assert jenis.count("page") == 2 and "browser_ui" not in jenis, jenis
    assert pid and not Path(f"/proc/{pid}").exists()  # ended and reaped
    assert not profil.exists()


def test_the_printer_starts_the_headless_shell_itself_else_the_browser(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """The printer's browser is Chromium's headless shell when it is on PATH, Debian's binary
    started directly (the process watched is the browser, not Debian's wrapper script);
    without it, Chromium; without either, an error naming the package to install. On this
    machine (`make system-deps` installs it) a running printer is the headless shell."""
    import os
    import shutil

    from lakip_lib import cdp, peramban

    async def exe() -> Path:
        async with cdp.chromium_pipa():
            pid, _ = _peramban_utama(os.getpid())
            return Path(f"/proc/{pid}/exe").resolve()

    assert peramban.path_chromium_cetak() == peramban.BINER_CHROMIUM_CETAK
    assert _asyncio_di_utas(exe) == peramban.BINER_CHROMIUM_CETAK.resolve()

    tersedia = {"chromium": "/usr/bin/chromium"}  # what is on PATH
    monkeypatch.setattr(shutil, "which", tersedia.get)
    assert peramban.path_chromium_cetak() == Path("/usr/bin/chromium")
    tersedia[peramban.CHROMIUM_CETAK] = "/opt/bin/chromium-headless-shell"
    assert peramban.path_chromium_cetak() == Path("/opt/bin/chromium-headless-shell")
    tersedia[peramban.CHROMIUM_CETAK] = str(peramban.PEMBUNGKUS_DEBIAN)
    assert peramban.path_chromium_cetak() == peramban.BINER_CHROMIUM_CETAK
    monkeypatch.setattr(peramban, "BINER_CHROMIUM_CETAK", tmp_path / "tidak-ada")
    assert peramban.path_chromium_cetak() == peramban.PEMBUNGKUS_DEBIAN
    tersedia.clear()
    with pytest.raises(FileNotFoundError, match=r"Chromium tidak ditemukan.*apt-get install "
                                                r"chromium-headless-shell"):
        peramban.path_chromium_cetak()


def test_the_printers_browser_fails_loudly_instead_of_hanging():
    """What would leave a print waiting forever is an error instead: a page that cannot load,
    a renderer that crashed (its page's commands and its load fail), and a browser that died
    (every command fails, with its last words)."""
    import os
    import signal

    from lakip_lib import cdp
    from lakip_lib.peramban import server

    async def periksa() -> None:
        async with cdp.chromium_pipa() as b:
            halaman = await b.halaman_baru()
            with server(Path(__file__).parent) as url:
                pass  # the server is gone: its port refuses
            with pytest.raises(cdp.GalatPeramban, match="ERR_CONNECTION_REFUSED"):
                await halaman.buka(url)
            with pytest.raises(cdp.GalatPeramban, match="belum ada dokumen"):
                await (await b.halaman_baru()).tunggu_muat()
            runtuh = await b.halaman_baru()
            with pytest.raises(cdp.GalatPeramban):
                await runtuh._kirim("Page.crash")
            with pytest.raises(cdp.GalatPeramban, match="berhenti"):
                await runtuh.nilai("1 + 1")
            assert await halaman.nilai("1 + 1") == 2  # the other pages print on
            pid, _ = _peramban_utama(os.getpid())
            os.kill(pid, signal.SIGKILL)
            with pytest.raises(cdp.GalatPeramban, match="berhenti"):
                await halaman.nilai("new Promise(() => {})")  # never answers by itself
            with pytest.raises(cdp.GalatPeramban, match="berhenti"):
                await b.halaman_baru()

    _asyncio_di_utas(periksa)


def test_the_printers_page_is_loaded_when_its_load_is_awaited(tmp_path: Path):
    """`tunggu_muat` returns once the document `buka` opened has loaded (a slow image holds
    its load back), not on an event of the blank page it replaced; and at once when the load
    came before anyone waited for it."""
    import http.server
    import time

    from lakip_lib import cdp
    from lakip_lib.peramban import server

    class Lambat(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            if self.path.startswith("/lambat"):
                time.sleep(0.5)  # holds the document's load back; nothing waits on the clock
            super().do_GET()

    (tmp_path / "dok.html").write_text('<p>isi</p><img src="lambat.png" alt="">',
                                       encoding="utf-8")

    async def periksa() -> None:
        async with cdp.chromium_pipa() as b:
            with server(tmp_path, Lambat) as url:
                halaman = await b.halaman_baru()  # opened and navigated at once
                await halaman.buka(f"{url}/dok.html")
                await halaman.tunggu_muat()
                assert await halaman.nilai("document.readyState") == "complete"
                await halaman.buka("data:text/html,<p>dua</p>")
                await halaman.nilai(
                    "new Promise(r => document.readyState === 'complete' ? r() :"
                    " addEventListener('load', () => r()))")
                await halaman.tunggu_muat()  # its load came first
                assert await halaman.nilai("document.body.textContent") == "dua"

    _asyncio_di_utas(periksa)
