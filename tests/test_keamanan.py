"""Untrusted input (#12): narratives cannot read files, reach the network or emit HTML; text from
data is escaped wherever it lands; YAML, numbers and text are read strictly; publication is
atomic. Validation cases run `lakip validate` on a broken copy of data/ (no build)."""

from __future__ import annotations

import base64
import csv
import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest

from lakip_lib import build, csp, data, edisi, situs_terbit, tukar
from lakip_lib.tampilan import Teks

from . import jahat
from .browser import gambar_semua, peramban, server
from .conftest import DATA, REPO
from .halaman import teks as halaman_teks
from .test_masukan_buruk import Kasus, _ganti, _sel, _tambah_baris, _tulis, periksa_kasus

NARASI = "2024/narasi/S1.md"
N = "data/" + NARASI


def _narasi(muatan: str) -> Callable[[Path], None]:
    """The payload on line 5 of a narrative that is otherwise fine."""
    return _tulis(NARASI, f"## Konteks\n\nParagraf biasa.\n\n{muatan}\n")


MUATAN_NARASI = {
    "include": ("```{include} /etc/passwd\n```", "direktif MyST ({include})"),
    "literalinclude": ("```{literalinclude} ../../../instansi.yaml\n```",
                       "direktif MyST ({literalinclude})"),
    "raw url": ("```{raw} html\n:url: http://contoh.invalid/x.js\n```", "direktif MyST ({raw})"),
    "colon fence": (":::{include} /etc/passwd\n:::", "direktif MyST"),
    "role": ("Unduh {download}`/etc/passwd` di sini.", "peran (role) MyST ({download})"),
    "local link": ("Lihat [berkas](../../instansi.yaml).", "tautan ke berkas lokal"),
    "file link": ("Lihat [berkas](file:///etc/passwd).", "tautan ke berkas lokal"),
    "local image": ("![logo](/etc/hostname)", 'gambar ("/etc/hostname")'),
    "remote image": ("![jejak](https://contoh.invalid/piksel.png)", "gambar"),
    "html block": ("<script>alert(1)</script>", "HTML mentah"),
    "inline html": ('Teks <img src=x onerror="alert(1)"> di sini.', "HTML mentah (<img"),
    "code block": ("```\nkode\n```", "blok kode"),
}
KASUS_NARASI = [Kasus(f"narasi: {nama}", _narasi(muatan), N, 5, None, potongan)
                for nama, (muatan, potongan) in MUATAN_NARASI.items()]


def _symlink_narasi(d: Path) -> None:
    (d / NARASI).unlink()
    (d / NARASI).symlink_to("/etc/hostname")


def _narasi_cp1252(d: Path) -> None:
    (d / NARASI).write_bytes("## Konteks\n\nPerempuan dan anak — É\n".encode("cp1252"))


KASUS_BERKAS = [
    Kasus("narasi symlink", _symlink_narasi, N, None, None, "tautan simbolik"),
    Kasus("narasi Windows-1252", _narasi_cp1252, N, 3, None, "UTF-8"),
    Kasus("narasi raksasa", _tulis(NARASI, "[" * 200_000), N, None, None, "terlalu panjang"),
    Kasus("narasi spasi lebar nol", _narasi("Teks\u200b di sini."), N, 5, None, "U+200B"),
]
E = "data/2024/edisi.yaml"
INS = "data/instansi.yaml"
BOM_ALIAS = "".join(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]\n"
                    for i in range(1, 12)).replace("*a0", "x")


def _ganti_semua(berkas: list[str], lama: str, baru: str) -> Callable[[Path], None]:
    def rusak(d: Path) -> None:
        for b in berkas:
            p = d / b
            p.write_text(p.read_text(encoding="utf-8").replace(lama, baru), encoding="utf-8")
    return rusak


def _yaml_cp1252(d: Path) -> None:
    p = d / "2024" / "edisi.yaml"
    p.write_bytes(p.read_text(encoding="utf-8").replace("Paringin", "Paringín").encode("cp1252"))


KASUS_YAML = [
    Kasus("YAML: bom alias", _tulis("2024/edisi.yaml", BOM_ALIAS), E, 2, None, "alias YAML"),
    Kasus("YAML: sangat bersarang", _ganti("2024/edisi.yaml", "tempat: Paringin",
                                            "tempat: " + "[" * 200 + "]" * 200), E, 5, None,
          "bersarang lebih dari"),
    Kasus("YAML: daftar di tempat teks", _ganti("2024/edisi.yaml", 'label: "Final, Januari 2025"',
                                                "label: [Final, Januari]"), E, None, "label",
          "harus berupa teks, bukan daftar"),
    Kasus("YAML: pemetaan di tempat teks", _ganti("2024/edisi.yaml", 'nama: "H. AKHMAD',
                                                  'nama: {x: 1}\n  lama: "H. AKHMAD'), E, None,
          "kepala.nama", "bukan pasangan kunci: nilai"),
    Kasus("YAML: teks di tempat daftar", _ganti("instansi.yaml", "landasan_hukum:\n",
                                                'landasan_hukum: "satu"\nlama:\n'), INS, None,
          "landasan_hukum", "harus berupa daftar, bukan teks"),
    Kasus("YAML: bilangan raksasa", _ganti("2024/edisi.yaml", "97000169679", "9" * 5000), E, None,
          None, "terlalu panjang"),
    Kasus("YAML: pagu di luar batas", _ganti("2024/edisi.yaml", "97000169679", "9" * 30), E,
          None, "pagu_anggaran", "terlalu besar"),
    Kasus("YAML: tanggal bukan tanggal", _ganti("2024/edisi.yaml", "tanggal: 2024-09-18",
                                                "tanggal: [2024]"), E, None,
          "perjanjian_kinerja.tanggal", "harus berupa tanggal"),
    Kasus("YAML: karakter tak terlihat", _ganti("2024/edisi.yaml", "tempat: Paringin",
                                                "tempat: Pari\u200bngin"), E, 5, None, "U+200B"),
    Kasus("YAML: Windows-1252", _yaml_cp1252, E, 5, None, "UTF-8"),
    Kasus("YAML: kunci ganda", _ganti("2024/edisi.yaml", "tempat: Paringin",
                                      "tempat: Paringin\ntempat: Jakarta"), E, 6, None,
          'kunci "tempat" ditulis lebih dari sekali'),
    Kasus("YAML: objek Python", _ganti("2024/edisi.yaml", "tempat: Paringin",
                                       "tempat: !!python/object/apply:os.system [id]"), E, 5,
          None, "YAML tidak sah"),
]
R = "data/realisasi.csv"
KASUS_ANGKA = [
    Kasus("angka Arab-India", _sel("realisasi.csv", 2, "realisasi", "٧٠٫١٤"), R, 2, "realisasi",
          "angka selain 0–9"),
    Kasus("angka lebar penuh", _sel("2024/pk_anggaran.csv", 2, "anggaran", "３４２１９４３８００"),
          "data/2024/pk_anggaran.csv", 2, "anggaran", "Tulis dengan angka 0–9: 3421943800"),
    Kasus("eksponen raksasa", _sel("realisasi.csv", 3, "realisasi", "1e999999999"), R, 3,
          "realisasi", "bukan angka"),
    Kasus("ribuan digit", _sel("2024/pk_anggaran.csv", 3, "anggaran", "9" * 5000),
          "data/2024/pk_anggaran.csv", 3, "anggaran", "terlalu panjang"),
    Kasus("garis bawah dalam angka", _sel("realisasi.csv", 2, "realisasi", "70_14"), R, 2,
          "realisasi", "bukan angka"),
    Kasus("spasi lebar nol dalam kunci", _sel("2024/pk_anggaran.csv", 2, "sasaran", "S1\u200b"),
          "data/2024/pk_anggaran.csv", 2, "sasaran", "U+200B"),
    Kasus("kendali arah teks", _sel("indikator.csv", 2, "nama", "IDG \u202egnirts"),
          "data/indikator.csv", 2, "nama", "kendali arah teks"),
    Kasus("karakter kendali", _sel("2024/catatan_sumber.csv", 2, "catatan", "bel \x07"),
          "data/2024/catatan_sumber.csv", 2, "catatan", "U+0007"),
    Kasus("karakter NUL", _sel("2024/catatan_sumber.csv", 3, "lokasi", "Tabel\x003.1"),
          "data/2024/catatan_sumber.csv", 3, "lokasi", "U+0000"),
    Kasus("tanda kutip tak ditutup", _tambah_baris("kecamatan.csv", '"BARU' + "x" * 200_000),
          "data/kecamatan.csv", None, None, "tanda kutip yang tidak ditutup"),
    Kasus("sel teks sangat panjang", _sel("2024/catatan_sumber.csv", 2, "catatan", "x" * 50_000),
          "data/2024/catatan_sumber.csv", 2, "catatan", "teks terlalu panjang"),
    Kasus("kode sasaran seperti jalur", _sel("sasaran.csv", 2, "kode", "../../x"),
          "data/sasaran.csv", 2, "kode", "nama halaman"),
    Kasus("kode sasaran beda huruf saja", _tambah_baris("sasaran.csv", "s1,T1,Salinan"),
          "data/sasaran.csv", 6, "kode", "hanya berbeda huruf besar/kecil"),
]
KASUS = KASUS_NARASI + KASUS_BERKAS + KASUS_YAML + KASUS_ANGKA


@pytest.mark.parametrize("kasus", KASUS, ids=[k.nama for k in KASUS])
def test_hostile_input_is_refused_with_file_line_and_construct(kasus: Kasus, salinan_data: Path,
                                                               capsys):
    periksa_kasus(kasus, salinan_data, capsys)


def test_an_unclosed_quote_is_judged_alike_whatever_raised_the_csv_limit(salinan_data: Path,
                                                                          capsys):
    """The csv module's cell limit is one setting per process, and frictionless raises it on
    import: validation must not depend on which library was imported first."""
    kasus = next(k for k in KASUS if k.nama == "tanda kutip tak ditutup")
    lama = csv.field_size_limit(2**31 - 1)
    try:
        periksa_kasus(kasus, salinan_data, capsys)
    finally:
        csv.field_size_limit(lama)


@pytest.mark.parametrize("muatan", [m for m, _ in MUATAN_NARASI.values()],
                         ids=list(MUATAN_NARASI))
def test_narrative_renders_as_inert_text_even_past_validation(muatan: str):
    tag = re.findall(r"<[a-z][^>]*>", Teks(muatan).html())
    assert {t.split()[0].strip("<>") for t in tag} <= {"p", "pre", "code", "h2", "a"}, tag
    assert not any("src=" in t for t in tag), tag  # nothing is loaded
    assert all(re.search(r'href="https?://', t) for t in tag if t.startswith("<a ")), tag


def test_allowed_markdown_keeps_its_structure():
    html = Teks("## Judul\n\n*miring* **tebal** [BPS](https://bps.go.id)\n\n- a\n- b\n\n"
                "| x | y |\n|---|---|\n| 1 | 2 |\n").html()
    assert '<h2 class="rubric">Judul</h2>' in html
    assert "<em>miring</em> <strong>tebal</strong>" in html
    assert 'href="https://bps.go.id" rel="noopener noreferrer">BPS</a>' in html
    assert "<li>a</li>" in html and "<td>1</td>" in html


def test_names_compare_equal_after_unicode_normalisation(salinan_data: Path):
    import unicodedata

    nfc, nfd = (unicodedata.normalize(f, "AWAYÁN") for f in ("NFC", "NFD"))
    assert nfc != nfd
    _ganti_semua(["kecamatan.csv"], "AWAYAN", nfc)(salinan_data)
    _ganti_semua(["2024/desa.csv", "2024/cpr_kecamatan.csv"], "AWAYAN", nfd)(salinan_data)
    d = data.muat(2024, salinan_data)  # no "kecamatan tidak dikenal"
    assert nfc in d["desa"].kolom("kecamatan")


def test_spreadsheet_formulas_open_as_text_and_numbers_stay_numbers():
    assert data.sel_csv_aman("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert data.sel_csv_aman("@SUM(A1)") == "'@SUM(A1)"
    assert data.sel_csv_aman("-70,00 ÷ 5,50") == "'-70,00 ÷ 5,50"
    for angka in ("-5", "-1.272,73%", "+62", "97000169679", "-0.25"):
        assert data.sel_csv_aman(angka) == angka


def test_audit_csv_neutralises_formulas(salinan_data: Path, capsys):
    from lakip_lib import cli

    _ganti_semua(["indikator.csv"], "Indeks Pemberdayaan Gender (IDG)", "=1+1 IDG")(salinan_data)
    assert cli.main(["--data", str(salinan_data), "audit", "2024", "--format", "csv"]) == 0
    baris = list(csv.reader(capsys.readouterr().out.splitlines()))
    sel = [s for b in baris[1:] for s in b]
    assert any(s.startswith("'=1+1 IDG") for s in sel)
    assert not any(s[:1] in "=+@" for s in sel)
    assert any(re.fullmatch(r"-[0-9.,]+%", s) for s in sel)  # a negative figure stays a number


def test_unknown_and_symlinked_files_are_not_published(salinan_data: Path):
    (salinan_data / "2024" / "narasi" / "rahasia.md").write_text("rahasia\n", encoding="utf-8")
    (salinan_data / "2024" / "rahasia.csv").write_text("a\nrahasia\n", encoding="utf-8")
    d = data.muat(2024, salinan_data)
    assert any("rahasia.md" in m.berkas and "tidak diterbitkan" in m.pesan for m in d.peringatan)
    assert "rahasia" not in d.semua_narasi()
    assert not any("rahasia" in p for p in edisi.berkas_data(d))
    assert "2024/narasi/S1.md" in edisi.berkas_data(d)


def test_a_symlinked_data_table_is_refused(salinan_data: Path, capsys):
    asli = salinan_data / "2024" / "target.csv"
    salinan = salinan_data.parent / "luar.csv"
    os.replace(asli, salinan)
    asli.symlink_to(salinan)
    periksa_kasus(Kasus("", lambda d: None, "data/2024/target.csv", None, None,
                        "tautan simbolik"), salinan_data, capsys)


def test_images_are_published_under_their_hash_and_checked_type_never_their_own_name(
        salinan_data: Path, tmp_path: Path):
    """A "logo" and a "photo" named *.html that start with a PNG header: published by their
    own names they would be pages of the site, their script running on its origin."""
    (salinan_data / "x.html").write_bytes(jahat.PNG_HTML)
    with (salinan_data / "instansi.yaml").open("a", encoding="utf-8") as f:
        f.write("logo: x.html\n")
    foto = salinan_data / "2024" / "dokumentasi"
    foto.mkdir()
    (foto / "foto.svg").write_bytes(jahat.PNG_HTML + b"2")
    (foto / "keterangan.csv").write_text("berkas,keterangan\nfoto.svg,Kegiatan\n",
                                         encoding="utf-8")
    d = data.muat(2024, salinan_data)
    situs = tmp_path / "situs"
    edisi.tulis_paket_data(d, situs)
    terbit = {str(p.relative_to(situs / "data")): p.read_bytes()
              for p in (situs / "data").rglob("*") if p.is_file()}
    gambar = {n: isi for n, isi in terbit.items() if n.startswith("gambar/")}
    assert sorted(gambar.values()) == [jahat.PNG_HTML, jahat.PNG_HTML + b"2"]
    assert all(re.fullmatch(r"gambar/[0-9a-f]{16}\.png", n) for n in gambar)
    assert all(re.fullmatch(r"[\w/-]+\.(csv|yaml|md|json|png)|index\.html", n) for n in terbit), \
        sorted(terbit)
    halaman = (situs / "data" / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{n}"' in halaman for n in gambar) and "2024/dokumentasi/foto.svg" in halaman


def test_a_page_policy_allows_its_inline_scripts_by_hash_and_is_replaced_not_doubled():
    halaman = ('<!DOCTYPE html><html><head><meta charset="utf-8"><script>mulai();</script>'
               '<script src="_static/a.js"></script><script type="application/json">{}</script>'
               "</head><body><script>grafik();</script></body></html>")
    sekali = csp.pasang(halaman)
    assert csp.pasang(sekali) == sekali  # an incremental build rewrites it to the same bytes
    kebijakan = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">',
                           sekali)
    assert len(kebijakan) == 1 and sekali.index("charset") < sekali.index("Content-Security")
    hash_ = sorted("'sha256-" + base64.b64encode(hashlib.sha256(s).digest()).decode() + "'"
                   for s in (b"mulai();", b"grafik();"))
    assert f"script-src 'self' {hash_[0]} {hash_[1]};" in kebijakan[0]
    assert "unsafe-eval" not in kebijakan[0]


def test_sphinx_translations_need_no_eval():
    asli = 'Documentation.addTranslations({"locale": "id", "messages": {"a": "b"}, "plural_expr": "0"});'
    js = csp.terjemahan_tanpa_eval(asli)
    assert "Function" not in js and "PLURAL_EXPR = function () { return 0; }" in js
    assert '"messages": {"a": "b"}' in js
    jamak = asli.replace('"0"', '"(n != 1)"')
    assert csp.terjemahan_tanpa_eval(jamak) == jamak  # a rule that needs evaluating is kept


# --- one hostile build: every text from data is escaped wherever it lands -------------------

@pytest.fixture(scope="session")
def situs_jahat(tmp_path_factory: pytest.TempPathFactory, situs_2024: Path) -> Path:
    """The 2024 edition built once from a copy of data/ carrying the payloads of tests/jahat,
    over a copy of the shipped edition's build folder (so the agency's short name changes
    between two builds of the same folder, as when an agency is renamed)."""
    folder = tmp_path_factory.mktemp("jahat")
    salinan = folder / "data"
    shutil.copytree(DATA, salinan)
    jahat.rusak(salinan)
    shutil.copytree(situs_2024.parent.parent, folder / "_build")
    return build.bangun(2024, salinan, folder / "_build", lapor=lambda _: None).situs


class _Unsur(HTMLParser):
    """Every element with its attributes, and the text of scripts (not JSON data blocks)."""

    def __init__(self) -> None:
        super().__init__()
        self.unsur: list[tuple[str, dict[str, str | None]]] = []
        self.skrip: list[str] = []
        self._dalam_skrip = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.unsur.append((tag, dict(attrs)))
        self._dalam_skrip = tag == "script" and dict(attrs).get("type") != "application/json"

    def handle_endtag(self, tag: str) -> None:
        self._dalam_skrip = False

    def handle_data(self, data: str) -> None:
        if self._dalam_skrip:
            self.skrip.append(data)


def test_no_payload_becomes_markup_or_script_on_any_page(situs_jahat: Path):
    halaman = sorted(situs_jahat.rglob("*.html"))  # pages, data/index.html, tentang.html
    assert len(halaman) >= 12
    for path in halaman:
        p = _Unsur()
        p.feed(path.read_text(encoding="utf-8"))
        for tag, atribut in p.unsur:
            assert not any("__xss" in (v or "") for k, v in atribut.items()
                           if k.startswith("on") or k in ("src", "href")), (path.name, tag)
            assert tag != "img" or atribut.get("src") != "x", path.name
        assert not any("__xss" in s for s in p.skrip), path.name


@pytest.mark.parametrize("nama", ["ikhtisar", "sasaran_s1", "search"])
def test_title_navbar_footer_show_the_names_as_text(situs_jahat: Path, nama: str):
    isi = (situs_jahat / f"{nama}.html").read_text(encoding="utf-8")
    judul = re.search(r"<title>(.*?)</title>", isi, re.S)
    assert judul and "&lt;img" in judul.group(1) and "&amp;lt;" not in judul.group(1)
    tampak = halaman_teks(situs_jahat / f"{nama}.html")
    assert f"LAKIP 2024 · {jahat.NAMA_SINGKAT} {jahat.KABUPATEN}" in tampak  # navbar
    assert f"Dinas {jahat.XSS}" in tampak  # footer (author)


def test_generated_sentences_and_titles_show_names_as_text(situs_jahat: Path):
    tampak = halaman_teks(situs_jahat / "sasaran_s1.html")
    assert f"Sasaran 1: {jahat.URAIAN_S1}" in tampak  # page title, MyST never read it
    assert f"realisasi {jahat.NAMA_IKU1} sebesar" in tampak  # generated sentence
    isi = (situs_jahat / "sasaran_s1.html").read_text(encoding="utf-8")
    assert 'href="file:' not in isi and "<em>gender</em>" not in isi


def test_editions_json_and_data_package_carry_no_markup_or_formula(situs_jahat: Path):
    edisi_json = (situs_jahat.parent / "editions.json").read_text(encoding="utf-8")
    assert "<" not in edisi_json and json.loads(edisi_json)[0]["label"] == jahat.LABEL
    paket = situs_jahat / "data"
    assert "<" not in (paket / "datapackage.json").read_text(encoding="utf-8")
    with (paket / "2024" / "anggaran.csv").open(encoding="utf-8") as f:
        baris = list(csv.reader(f))
    assert baris[1][3] == "'" + jahat.PROGRAM  # a formula opens as text


def test_every_published_json_escapes_markup_wherever_it_is_embedded(situs_jahat: Path):
    """Class "escaping" of issue 22: a programme name with markup landed raw in angka.json."""
    situs = situs_jahat.parent
    terbit = [*situs.rglob("*.json"), situs / "editions.js", situs_jahat / "searchindex.js"]
    assert {p.name for p in terbit} >= {"angka.json", "editions.json", "datapackage.json",
                                        ".lakip-build.json", "searchindex.js"}
    for path in terbit:
        isi = path.read_text(encoding="utf-8")
        assert not re.search(r"[<>&]", isi.removeprefix("Search.setIndex(")), path
    angka = json.loads((situs_jahat / "angka.json").read_text(encoding="utf-8"))
    assert f"{jahat.PROGRAM}: anggaran" in angka  # the same text, escaped only as JSON


def test_print_header_shows_the_names_as_text(situs_jahat: Path):
    semua = sorted(situs_jahat.glob("LAKIP-2024-*.pdf"))
    pdf, *basi = [p for p in semua if not p.name.endswith("-reviu.pdf")]
    assert basi == [], "the PDF under the earlier short name is still published"
    assert semua == sorted([pdf, pdf.with_name(f"{pdf.stem}-reviu.pdf")])  # and its review's only
    assert re.fullmatch(r"LAKIP-2024-DP3-img-[A-Za-z0-9-]+\.pdf", pdf.name)  # a safe file name
    teks = subprocess.run(["pdftotext", "-f", "2", "-l", "2", str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "onerror=" in " ".join(teks.split())  # the payload printed as text


def test_no_injected_script_runs_in_a_browser(situs_jahat: Path):
    with server(situs_jahat.parent) as url, peramban() as b:
        page = b.new_page()
        galat: list[str] = []
        page.on("pageerror", lambda e: galat.append(str(e)))
        for nama in ("sampul", "ikhtisar", "bab3_capaian", "sasaran_s1", "bab3_anggaran",
                     "lampiran", "search"):
            page.goto(f"{url}/2024/{nama}.html", wait_until="load")
            if nama in ("bab3_capaian", "sasaran_s1"):  # the charts' specs were not broken
                gambar_semua(page, timeout=20_000)
            page.wait_for_selector(".lakip-pilih-edisi", timeout=10_000)
            assert page.evaluate("() => window.__xss") is None, nama
        page.goto(f"{url}/2024/bab3_capaian.html", wait_until="load")
        gambar_semua(page, timeout=20_000)
        batang = page.locator(".lakip-vega svg .mark-rect path").first  # IKU1: the hostile name
        batang.wait_for(timeout=20_000)
        batang.scroll_into_view_if_needed()
        batang.hover()
        tooltip = page.locator("#vg-tooltip-element")
        tooltip.wait_for(state="visible", timeout=5_000)
        assert "<script>" in tooltip.inner_text() and tooltip.locator("script, img").count() == 0
        assert page.evaluate("() => window.__xss") is None
        pilihan = page.locator(".lakip-pilih-edisi option").first.text_content()
        assert jahat.LABEL in (pilihan or "")
        assert not list(situs_jahat.rglob("logo.html"))  # the logo is published as an image:
        logo, = (situs_jahat / "data" / "gambar").glob("*.png")
        assert logo.read_bytes() == jahat.PNG_HTML
        page.goto(f"{url}/2024/data/gambar/{logo.name}", wait_until="load")
        assert page.evaluate("() => [window.__xss, document.contentType]") == [None, "image/png"]
        assert galat == []


# --- publication: atomic, exact, and environment failures with a message ---------------------

SKRIP_TERBIT = """
import resource, signal, sys
from pathlib import Path
from lakip_lib import situs_terbit, tukar
if sys.argv[3] == "tanpa-tukar":
    tukar._renameat2 = lambda a, b: False  # a system without renameat2: the fallback
if sys.argv[3] == "disk-penuh":
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (200_000, 200_000))
print("mulai", flush=True)
situs_terbit.terbitkan(Path(sys.argv[1]), Path(sys.argv[2]), 2024)
print("selesai", flush=True)
"""


def _edisi_palsu(folder: Path, isi: str, jumlah: int = 1500) -> dict[str, str]:
    """A fake edition of many small files, all with the same content (old or new)."""
    for i in range(jumlah):
        (folder / f"h{i:04d}.html").parent.mkdir(parents=True, exist_ok=True)
        (folder / f"h{i:04d}.html").write_text(isi)
    return {p.name: isi for p in folder.iterdir()}


def _isi(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text() for p in folder.iterdir() if p.is_file()}


def _terbitkan(html: Path, situs: Path, cara: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", SKRIP_TERBIT, str(html), str(situs), cara],
                            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.parametrize("cara", ["tukar", "tanpa-tukar"])
def test_publication_killed_at_any_moment_leaves_the_old_or_the_new_edition(tmp_path: Path,
                                                                            cara: str):
    lama = _edisi_palsu(tmp_path / "site" / "2024", "lama")
    baru = _edisi_palsu(tmp_path / "html", "baru", 1200)  # fewer files: none of the old stays
    situs = tmp_path / "site"
    for jeda in (0.0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5):
        proses = _terbitkan(tmp_path / "html", situs, cara)
        assert proses.stdout is not None and proses.stdout.readline() == "mulai\n"
        time.sleep(jeda)
        proses.send_signal(signal.SIGKILL)  # a real kill, wherever it lands
        proses.wait(timeout=30)
        if cara == "tanpa-tukar":  # a kill between the two renames is put right first
            tukar.pulihkan(situs / "2024", situs / ".2024.lama")
        assert _isi(situs / "2024") in (lama, baru), jeda
    proses = _terbitkan(tmp_path / "html", situs, cara)
    proses.wait(timeout=60)
    assert proses.returncode == 0, proses.stderr.read() if proses.stderr else ""
    assert _isi(situs / "2024") == baru  # exactly the new build's files
    assert sorted(p.name for p in situs.iterdir()) == ["2024", "editions.js", "editions.json",
                                                       "index.html", "robots.txt"]


def test_publication_swap_never_leaves_the_path_empty(tmp_path: Path):
    lama = _edisi_palsu(tmp_path / "site" / "2024", "lama", 300)
    baru = _edisi_palsu(tmp_path / "html", "baru", 300)
    hilang: list[int] = []
    berhenti = threading.Event()

    def awasi() -> None:
        while not berhenti.is_set():
            if not (tmp_path / "site" / "2024" / "h0000.html").exists():
                hilang.append(1)

    pengawas = threading.Thread(target=awasi)
    pengawas.start()
    try:
        for _ in range(5):
            situs_terbit.terbitkan(tmp_path / "html", tmp_path / "site", 2024)
    finally:
        berhenti.set()
        pengawas.join()
    assert hilang == [] and _isi(tmp_path / "site" / "2024") == baru != lama


def test_disk_full_during_publication_cleans_up_and_keeps_the_edition(tmp_path: Path):
    lama = _edisi_palsu(tmp_path / "site" / "2024", "lama", 10)
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "besar.pdf").write_bytes(b"x" * 1_000_000)  # over the file size limit
    proses = _terbitkan(tmp_path / "html", tmp_path / "site", "disk-penuh")
    _, galat = proses.communicate(timeout=60)
    assert proses.returncode != 0 and "File too large" in galat  # EFBIG: the write was refused
    assert _isi(tmp_path / "site" / "2024") == lama
    assert not (tmp_path / "site" / ".2024.baru").exists()


def test_unwritable_build_folder_is_a_short_message(tmp_path: Path, capsys):
    from lakip_lib import cli

    (tmp_path / "berkas").write_text("bukan folder")
    kode = cli.main(["build", "2024", "--no-pdf", "--output", str(tmp_path / "berkas" / "x")])
    galat = capsys.readouterr().err
    assert kode == 1 and "tidak dapat dipakai" in galat and "berkas" in galat
    assert "Traceback" not in galat and "tak terduga" not in galat


def test_missing_chromium_is_said_before_any_work(tmp_path: Path):
    hasil = subprocess.run([sys.executable, "-m", "lakip_lib.cli", "build", "2024", "--output",
                            str(tmp_path / "_build")], cwd=REPO, capture_output=True, text=True,
                           env={**os.environ, "PATH": str(tmp_path)}, timeout=120)
    assert hasil.returncode == 1
    assert "Chromium tidak ditemukan" in hasil.stderr and "--no-pdf" in hasil.stderr
    assert "Traceback" not in hasil.stderr and not (tmp_path / "_build" / "jb").exists()


def test_messages_never_carry_terminal_escapes_or_whole_megabytes(salinan_data: Path, capsys):
    from lakip_lib import cli

    _ganti_semua(["kecamatan.csv"], "kecamatan\n", "kecamatan,\x1b[2Jx" + "y" * 100_000 + "\n")(
        salinan_data)
    assert cli.main(["--data", str(salinan_data), "validate", "2024"]) == 1
    galat = capsys.readouterr().err
    assert "\x1b" not in galat and "<U+001B>[2Jx" in galat and len(galat) < 20_000
