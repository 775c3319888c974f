"""The published site as the web's tools see it: valid HTML (the Nu validator), nothing published
that is not for readers, the weight a phone downloads, the scripts that block nothing, the meta
a search engine or a link preview reads, and no request that fails."""

from __future__ import annotations

import gzip
import json
import re
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest

from lakip_lib import sphinx_situs

from .browser import gambar_semua, peramban, server

AKAR = Path(__file__).resolve().parent.parent
VNU = AKAR / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
BATAS_BERAT = 350 * 1024  # bytes, gzip-compressed, for a page without charts


def _halaman(situs: Path) -> list[Path]:
    return sorted(situs.glob("*.html"))


def _halaman_buku(situs: Path) -> list[Path]:
    """The pages Sphinx writes (not the redirect, the about page or the data page)."""
    return [p for p in _halaman(situs) if p.name not in ("index.html", "tentang.html")]


def test_nu_validator_finds_no_error_in_any_published_page(situs_2024: Path):
    assert VNU.exists(), "vnu-jar belum terpasang: npm ci (lihat Makefile)"
    semua = sorted(str(p) for p in situs_2024.parent.rglob("*.html"))
    hasil = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *semua],
                           capture_output=True, text=True, check=False)
    pesan = json.loads(hasil.stderr or '{"messages": []}')["messages"]
    galat = [f'{Path(m["url"]).name}:{m.get("lastLine")}: {m["message"]}' for m in pesan]
    assert galat == [] and hasil.returncode == 0
    assert len(semua) >= 16


def test_nothing_for_developers_is_published(situs_2024: Path):
    terbit = {p.relative_to(situs_2024).as_posix() for p in situs_2024.rglob("*") if p.is_file()}
    assert not [p for p in terbit if p.endswith((".map", "webpack-macros.html"))
                or "fontawesome" in p or p.startswith("_static/vendor/")]
    assert ".buildinfo" not in terbit
    assert "_static/scripts/bootstrap.js" not in terbit


def _berat(situs: Path, halaman: Path) -> int:
    """Bytes (gzip) of a page and of every stylesheet, script and icon it links."""
    html = halaman.read_text(encoding="utf-8")
    total = len(gzip.compress(html.encode(), 6))
    for rujukan in re.findall(r'<(?:link[^>]+href|script[^>]+src)="([^"#]+)"', html):
        path = (halaman.parent / rujukan.split("?")[0]).resolve()
        if path.is_file() and path.suffix in (".css", ".js", ".svg"):
            total += len(gzip.compress(path.read_bytes(), 6))
    return total


def test_a_page_without_charts_weighs_at_most_350_kb(situs_2024: Path):
    berat = {p.name: _berat(situs_2024, p) for p in _halaman_buku(situs_2024)
             if 'class="lakip-vega"' not in p.read_text(encoding="utf-8")}
    assert "sampul.html" in berat and "bab4_penutup.html" in berat
    assert {n: b for n, b in berat.items() if b > BATAS_BERAT} == {}


def test_no_page_loads_the_chart_bundle_or_a_blocking_script(situs_2024: Path):
    for halaman in _halaman(situs_2024):  # no inline script anywhere (a chart's spec is data)
        sebaris = re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>",
                             halaman.read_text(encoding="utf-8"))
        assert sebaris == [], halaman.name
    for halaman in _halaman_buku(situs_2024):
        kepala = halaman.read_text(encoding="utf-8").split("</head>")[0]
        assert "vega-bundle" not in kepala, halaman.name
        assert "fontawesome" not in kepala and "bootstrap" not in kepala, halaman.name
        if halaman.name != "search.html":  # Sphinx's search tools want their globals at once
            skrip = re.findall(r"<script[^>]*\bsrc=[^>]*>", kepala)
            assert skrip and all("defer" in s for s in skrip), (halaman.name, skrip)


def test_every_page_describes_itself(situs_2024: Path):
    deskripsi = {}
    for halaman in _halaman(situs_2024):
        html = halaman.read_text(encoding="utf-8")
        if halaman.name == "index.html":
            continue
        cocok = re.search(r'<meta name="description" content="([^"]+)"', html)
        assert cocok, halaman.name
        deskripsi[halaman.name] = cocok[1]
        assert 20 <= len(cocok[1]) <= 160, (halaman.name, cocok[1])
        assert re.search(r'<link rel="icon" href="[^"]+favikon\.svg"', html), halaman.name
        if halaman.name in ("tentang.html",):
            continue
        assert '<meta property="og:title"' in html and '<meta property="og:description"' in html
        # no public address in the repository's _config.yml: no canonical URL is invented
        assert 'rel="canonical"' not in html and 'og:url' not in html, halaman.name
    assert len(set(deskripsi.values())) == len(deskripsi), "dua halaman berdeskripsi sama"
    assert deskripsi["sampul.html"].startswith("Laporan Akuntabilitas Kinerja Instansi Pemerintah")
    assert (situs_2024 / "_static" / "favikon.svg").is_file()
    assert (situs_2024.parent / "robots.txt").read_text().startswith("User-agent: *\nAllow: /\n")
    assert not (situs_2024 / "sitemap.xml").exists()  # a sitemap needs absolute addresses


def test_the_cover_picture_is_published_for_link_previews(situs_2024: Path):
    gambar = (situs_2024 / sphinx_situs.GAMBAR_BAGIKAN).read_bytes()
    assert gambar.startswith(b"\x89PNG\r\n\x1a\n")
    assert int.from_bytes(gambar[16:20], "big") == sphinx_situs.LEBAR_GAMBAR


def _app(dasar: str, gambar: str = "sampul.png") -> SimpleNamespace:
    return SimpleNamespace(config=SimpleNamespace(html_baseurl=dasar, lakip_gambar_bagikan=gambar))


def test_with_a_public_address_open_graph_has_absolute_url_and_image():
    meta = str(sphinx_situs.meta(_app("https://dinas.example.go.id/lakip/2024"), "sasaran_s1",
                                 "LAKIP 2024", "Sasaran 1 <b>", "Teks & angka"))
    assert '<meta property="og:url" content="https://dinas.example.go.id/lakip/2024/' \
           'sasaran_s1.html" />' in meta
    assert '<meta property="og:image" content="https://dinas.example.go.id/lakip/2024/' \
           'sampul.png" />' in meta
    assert 'content="Sasaran 1 &lt;b&gt;"' in meta and 'content="Teks &amp; angka"' in meta
    tanpa = str(sphinx_situs.meta(_app(""), "sasaran_s1", "LAKIP", "S", "T"))
    assert "og:url" not in tanpa and "og:image" not in tanpa


def test_sitemap_and_robots_name_the_public_address(tmp_path: Path):
    edisi = tmp_path / "2024"
    edisi.mkdir()
    for nama in ("sampul.html", "bab1.html", "search.html", "genindex.html", "index.html"):
        (edisi / nama).write_text("<!DOCTYPE html>")
    sphinx_situs.tulis_peta_situs(edisi, "https://contoh.go.id/lakip/2024/")
    peta = (edisi / "sitemap.xml").read_text()
    assert re.findall(r"<loc>([^<]+)</loc>", peta) == [
        "https://contoh.go.id/lakip/2024/bab1.html", "https://contoh.go.id/lakip/2024/sampul.html"]
    assert sphinx_situs.robots(tmp_path).endswith(
        "Sitemap: https://contoh.go.id/lakip/2024/sitemap.xml\n")
    sphinx_situs.tulis_peta_situs(edisi, "")
    assert not (edisi / "sitemap.xml").exists()


def test_description_comes_from_the_page_text():
    body = ('<div class="lakip-perbedaan"><p>Kotak koreksi</p></div><h1>Judul<a class="headerlink"'
            ' href="#">#</a></h1><p class="lakip-sumber">Sumber: x</p><p>Kalimat <b>pertama</b>.'
            '</p><p>' + "kata " * 60 + "</p>")
    teks = sphinx_situs.deskripsi(body, "Bab I")
    assert teks.startswith("Bab I. Kalimat pertama. kata kata")
    assert len(teks) <= sphinx_situs.PANJANG_DESKRIPSI and teks.endswith("…")
    sampul = '<div class="lakip-sampul"><div>Laporan</div><div>2024</div></div><p>Pengantar</p>'
    assert sphinx_situs.deskripsi(sampul, "LAKIP") == "Laporan 2024"


def test_a_description_read_piece_by_piece_is_the_whole_pages(monkeypatch):
    """A page is read for its description only as far as needed, a piece at a time: the same
    description, whatever the piece size (tags and paragraphs cut across pieces), with the long
    table after the paragraphs never needed."""
    tabel = "<table>" + "<tr><td>1.234,56</td><td>Sangat Tinggi</td></tr>" * 2000 + "</table>"
    body = ('<p class="lakip-sumber">Sumber</p><p>Paragraf <em>pertama</em> &amp; pendek.</p>'
            + "<p>" + "kalimat yang panjang " * 12 + "</p><p>ketiga</p>" + tabel
            + "<p>sesudah tabel</p>")
    utuh = sphinx_situs.deskripsi(body, "Bab")
    assert utuh.startswith("Bab. Paragraf pertama & pendek. kalimat yang panjang")
    for ukuran in (1, 7, 64, 1000, len(body) + 1):
        monkeypatch.setattr(sphinx_situs, "_POTONGAN", ukuran)
        assert sphinx_situs.deskripsi(body, "Bab") == utuh, ukuran
    pendek = "<p>Satu-satunya paragraf.</p>" + tabel + "<p>sesudah tabel</p>"
    monkeypatch.setattr(sphinx_situs, "_POTONGAN", 50)
    assert sphinx_situs.deskripsi(pendek, "Bab") == "Bab. Satu-satunya paragraf. sesudah tabel"


def test_a_remembered_stem_is_sphinxs_stem():
    import snowballstemmer
    from sphinx.search.en import SearchEnglish

    from lakip_lib import sphinx_cepat

    sphinx_cepat._stem_sekali()
    bahasa = SearchEnglish({})
    porter = snowballstemmer.stemmer("porter")
    for kata in ("capaian", "realisasi", "indicators", "running", "capaian", "sasaran"):
        assert bahasa.stem(kata) == porter.stemWord(kata.lower())


@pytest.fixture(scope="module")
def peramban_situs(situs_2024: Path):
    with server(situs_2024.parent) as url, peramban() as b:
        yield b, url


def test_no_request_fails_and_a_page_without_charts_never_asks_for_vega(peramban_situs):
    b, url = peramban_situs
    page = b.new_page(viewport={"width": 390, "height": 844})
    gagal: list[str] = []
    diminta: list[str] = []
    page.on("response", lambda r: gagal.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.on("request", lambda r: diminta.append(r.url))
    for nama in ("sampul", "bab2_perencanaan", "search", "tentang"):
        page.goto(f"{url}/2024/{nama}.html", wait_until="networkidle")
    page.close()
    assert gagal == []
    assert any(u.endswith("favikon.svg") for u in diminta)
    assert not [u for u in diminta if "vega-bundle" in u]


def test_the_chart_bundle_waits_for_a_chart_to_come_near(peramban_situs):
    b, url = peramban_situs
    page = b.new_page(viewport={"width": 390, "height": 844})
    diminta: list[str] = []
    page.on("request", lambda r: diminta.append(r.url))
    page.goto(f"{url}/2024/sasaran_s1.html", wait_until="networkidle")
    assert not [u for u in diminta if "vega-bundle" in u]  # the first paint never waited for it
    gambar_semua(page)
    assert [u for u in diminta if "vega-bundle" in u]
    page.close()
