"""Several agencies in one repository: how agencies are recognised, the synthetic kabupaten, the
portal as a reader sees it, shards and their merge.

One build of a small synthetic kabupaten (3 agencies × 1 year, HTML only, two editions at a
time) serves every test that needs a site; the shard test builds the same editions again, one
shard each, because the point is that separately built shards merge into the same bytes."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import shutil
from pathlib import Path

import pytest

from lakip_lib import bangun_semua, cli, jurnal, kabupaten, portal
from lakip_lib.kabupaten import FolderInstansi, KabupatenGagal

from .browser import peramban, server
from .conftest import REPO, beda, isi_edisi
from .test_aksesibilitas import ATURAN, AXE

_SPEC = importlib.util.spec_from_file_location("kabupaten_sintetis",
                                               REPO / "benchmarks" / "kabupaten.py")
assert _SPEC and _SPEC.loader
sintetis = importlib.util.module_from_spec(_SPEC)  # benchmarks/kabupaten.py, the generator
_SPEC.loader.exec_module(sintetis)


def _instansi(akar: Path, nama: str) -> Path:
    (akar / nama).mkdir(parents=True)
    (akar / nama / "instansi.yaml").write_text("nama: x\n", encoding="utf-8")
    return akar / nama


# --- recognising agencies -------------------------------------------------------------------

def test_single_agency_folder_is_one_agency_without_slug(tmp_path: Path):
    (tmp_path / "instansi.yaml").write_text("nama: x\n", encoding="utf-8")
    _instansi(tmp_path, "lampiran")  # a subfolder, even with instansi.yaml, is then just data
    assert kabupaten.daftar(tmp_path) == [FolderInstansi(None, tmp_path)]
    assert FolderInstansi(None, tmp_path).situs(Path("/s")) == Path("/s")


def test_kabupaten_agencies_by_folder_name(tmp_path: Path):
    _instansi(tmp_path, "dinas-kesehatan")
    _instansi(tmp_path, "bappeda")
    (tmp_path / "catatan").mkdir()  # no instansi.yaml: not an agency
    _instansi(tmp_path, ".tersembunyi")
    assert [f.slug for f in kabupaten.daftar(tmp_path)] == ["bappeda", "dinas-kesehatan"]
    assert kabupaten.daftar(tmp_path)[0].situs(Path("/s")) == Path("/s/bappeda")


@pytest.mark.parametrize("nama", ["Dinas_Kesehatan", "dinas kesehatan", "-dinas", "dinas-",
                                  "2024", "a", "dinas.kesehatan", "dinas-<b>",
                                  "tabel"])
def test_folder_name_unusable_in_a_url_is_refused_by_name(tmp_path: Path, nama: str):
    _instansi(tmp_path, "bappeda")
    _instansi(tmp_path, nama)
    with pytest.raises(KabupatenGagal, match="tidak dapat dipakai di alamat situs"):
        kabupaten.daftar(tmp_path)


def test_command_about_one_agency_asks_which(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    sintetis.tulis_kabupaten(tmp_path / "data", 2, 1)
    assert cli.main(["--data", str(tmp_path / "data"), "validate", "2025"]) == 1
    galat = capsys.readouterr().err
    assert "memuat beberapa instansi (dinas-contoh-01, dinas-contoh-02)" in galat
    assert "--instansi dinas-contoh-01" in galat
    assert cli.main(["--data", str(tmp_path / "data"), "--instansi", "dinas-contoh-02",
                     "validate", "2025"]) == 0
    assert cli.main(["--data", str(tmp_path / "data"), "--instansi", "dinas-lain",
                     "validate", "2025"]) == 1
    assert 'Instansi "dinas-lain" tidak ada' in capsys.readouterr().err


def test_build_of_a_kabupaten_refuses_an_agency_with_a_half_done_import(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    sintetis.tulis_kabupaten(tmp_path / "data", 2, 1)
    (tmp_path / "data" / "dinas-contoh-02" / jurnal.JURNAL).write_text("{}", encoding="utf-8")
    assert cli.main(["--data", str(tmp_path / "data"), "build", "--all", "--no-pdf",
                     "--output", str(tmp_path / "_build")]) == 1
    assert "dinas-contoh-02" in capsys.readouterr().err
    assert not (tmp_path / "_build" / "site").exists()


def test_reissue_of_a_kabupaten_agency_is_refused_with_nothing_changed(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    sintetis.tulis_kabupaten(tmp_path / "data", 2, 1)
    sebelum = isi_edisi(tmp_path / "data")
    assert cli.main(["--data", str(tmp_path / "data"), "--instansi", "dinas-contoh-02", "reissue",
                     "2025", "--reason", "Koreksi"]) == 1
    assert "belum dapat dipakai untuk folder data yang memuat beberapa instansi" in (
        capsys.readouterr().err)
    assert isi_edisi(tmp_path / "data") == sebelum


# --- the synthetic kabupaten ------------------------------------------------------------------

def test_synthetic_kabupaten_is_deterministic_and_varied(tmp_path: Path):
    satu = sintetis.tulis_kabupaten(tmp_path / "a", 12, 3)
    sintetis.tulis_kabupaten(tmp_path / "b", 12, 3)
    assert isi_edisi(tmp_path / "a") == isi_edisi(tmp_path / "b")
    sasaran = {len((a / "sasaran.csv").read_text(encoding="utf-8").splitlines()) - 1
               for a in satu}
    tahun = {len(list(a.glob("20[0-9][0-9]"))) for a in satu}
    assert sasaran == {1, 2, 3} and tahun == {1, 2, 3}
    assert any((a / "rasio.csv").exists() for a in satu)
    assert any(not (a / "rasio.csv").exists() for a in satu)
    assert any(list(a.glob("*/dokumentasi/*.png")) for a in satu)
    status = [p.read_text(encoding="utf-8") for a in satu for p in a.glob("*/edisi.yaml")]
    assert any("status: draf" in s for s in status) and any("status: final" in s for s in status)
    assert 'nama: "Dinas Contoh 07"' in (satu[6] / "instansi.yaml").read_text(encoding="utf-8")


# --- shards -----------------------------------------------------------------------------------

def _pekerjaan(bobot: list[int]) -> list[bangun_semua.Pekerjaan]:
    return [bangun_semua.Pekerjaan(FolderInstansi(f"dinas-{i:02d}", Path(".")), 2025, b)
            for i, b in enumerate(bobot)]


def test_shards_partition_the_editions_balanced_by_work():
    semua = _pekerjaan([14, 12, 16, 10, 14, 12, 18, 10, 12])
    bagian = [bangun_semua.bagian(semua, k, 3) for k in (1, 2, 3)]
    assert sorted(p.nama for b in bagian for p in b) == sorted(p.nama for p in semua)
    beban = [sum(p.bobot for p in b) for b in bagian]
    assert max(beban) - min(beban) <= max(p.bobot for p in semua) // 2
    assert bagian == [bangun_semua.bagian(list(reversed(semua)), k, 3) for k in (1, 2, 3)]


# --- the built kabupaten ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def kab(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 3-agency synthetic kabupaten (one final with photos, one final, one draft)."""
    akar = tmp_path_factory.mktemp("kabupaten") / "data"
    sintetis.tulis_kabupaten(akar, 3, 1)
    return akar


@pytest.fixture(scope="module")
def situs(kab: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    keluaran = tmp_path_factory.mktemp("kabupaten-build")
    assert cli.main(["--data", str(kab), "build", "--all", "--no-pdf", "--jobs", "2",
                     "--output", str(keluaran)]) == 0
    return keluaran / "site"


def test_each_agency_publishes_under_its_slug_with_its_own_switcher(situs: Path):
    for slug in ("dinas-contoh-01", "dinas-contoh-02", "dinas-contoh-03"):
        edisi = json.loads((situs / slug / "editions.json").read_text(encoding="utf-8"))
        assert [e["url"] for e in edisi] == ["2025/index.html"]
        assert (situs / slug / "2025" / "data" / "datapackage.json").exists()
        assert (situs / slug / "index.html").read_text().count("url=2025/index.html") == 1
    assert not list(situs.glob("[0-9][0-9][0-9][0-9]"))  # no year at the root


def _baris_csv(situs: Path) -> list[dict[str, str]]:
    teks = (situs / portal.UNDUHAN).read_text(encoding="utf-8-sig")  # Excel's byte-order mark
    return list(csv.DictReader(io.StringIO(teks)))


def test_portal_figures_are_the_editions_published_figures(situs: Path):
    for b in _baris_csv(situs):
        angka = json.loads((situs / b["folder"] / b["tahun"] / "angka.json").read_text("utf-8"))
        assert b["instansi"] == f"Dinas Contoh {b['folder'][-2:]}"
        assert b["penyerapan_anggaran"].replace(".", ",") + "%" == angka["Penyerapan anggaran"]
        assert b["nilai_capaian_iku"].replace(".", ",") + "%" == angka[
            "Nilai capaian keseluruhan"]
        assert b["kategori"] == angka["Kategori capaian keseluruhan"]


def test_portal_pages_in_chromium(situs: Path):
    """Home page: every agency linked to its edition, the draft marked; comparison page: three
    charts drawn with the site's own Vega, three tables; no request leaves the site; nothing
    wider than a phone but the tables' own scroll boxes."""
    status = {b["folder"]: b["status"] for b in _baris_csv(situs)}
    assert "draf" in status.values() and "final" in status.values()
    with peramban() as b, server(situs) as url:
        h = b.new_page(viewport={"width": 390, "height": 800})
        luar: list[str] = []
        h.on("request", lambda r: luar.append(r.url) if not r.url.startswith(url) else None)
        h.goto(f"{url}/index.html")
        baris = h.locator("table.lakip-daftar tbody tr")
        assert baris.count() == 3
        for i, slug in enumerate(sorted(status)):
            teks = baris.nth(i).inner_text()
            assert ("DRAF" in teks.upper().split("EDISI 2025")[1][:8]) == (status[slug] == "draf")
            assert h.evaluate("document.documentElement.scrollWidth") <= 390
        h.click("text=Dinas Contoh 02")  # the edition's root sends the reader to its cover
        h.wait_for_url("**/dinas-contoh-02/2025/sampul.html")
        h.goto(f"{url}/perbandingan.html")
        h.wait_for_function("document.querySelectorAll('.lakip-vega svg').length === 3")
        assert h.locator("table.lakip-tabel").count() == 3
        for tautan in h.locator("a:has-text('Unduh CSV')").all():  # each table's own CSV
            assert (situs / str(tautan.get_attribute("href"))).is_file()
        draf = next(slug for slug, s in status.items() if s == "draf")
        assert f"Dinas Contoh {draf[-2:]} (draf)" in h.locator("#tabel-1").inner_text()
        assert h.evaluate("document.documentElement.scrollWidth") <= 390
        assert luar == []


def test_axe_finds_no_serious_or_critical_violation_on_the_portal(situs: Path):
    assert AXE.exists(), "axe-core belum terpasang: npm ci (lihat Makefile)"
    pelanggaran = {}
    with peramban() as b, server(situs) as url:
        for lebar in (390, 1366):
            h = b.new_page(viewport={"width": lebar, "height": 800}, bypass_csp=True)
            for nama in (portal.BERANDA, portal.PERBANDINGAN):
                h.goto(f"{url}/{nama}", wait_until="load")
                h.add_script_tag(path=str(AXE))
                hasil = h.evaluate(
                    "async aturan => (await axe.run(document, {runOnly: aturan})).violations"
                    ".filter(v => ['serious', 'critical'].includes(v.impact))"
                    ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))",
                    ATURAN)
                if hasil:
                    pelanggaran[f"{nama} @{lebar}"] = hasil
    assert pelanggaran == {}


def test_portal_is_reproducible_and_escapes_agency_names(situs: Path, tmp_path: Path):
    salinan = tmp_path / "site"
    shutil.copytree(situs, salinan)
    portal.tulis(salinan)
    assert beda(isi_edisi(salinan), isi_edisi(situs)) == []
    stempel = salinan / "dinas-contoh-02" / "2025" / ".lakip-build.json"
    isi = json.loads(stempel.read_text(encoding="utf-8"))
    stempel.write_text(json.dumps({**isi, "instansi": "<script>alert(1)</script>"}),
                       encoding="utf-8")
    portal.tulis(salinan)
    for halaman in (portal.BERANDA, portal.PERBANDINGAN):
        teks = (salinan / halaman).read_text(encoding="utf-8")
        assert "<script>alert" not in teks and "&lt;script&gt;alert(1)" in teks


def test_merge_of_three_shards_equals_the_single_build(kab: Path, situs: Path, tmp_path: Path):
    bagian = []
    for k in (1, 2, 3):
        folder = tmp_path / f"bagian-{k}"
        assert cli.main(["--data", str(kab), "build", "--all", "--shard", f"{k}/3", "--no-pdf",
                         "--output", str(folder)]) == 0
        assert len([p for p in (folder / "site").glob("*/2025") if p.is_dir()]) == 1
        bagian.append(str(folder))
    assert cli.main(["merge", *bagian, "--output", str(tmp_path / "gabungan")]) == 0
    assert beda(isi_edisi(tmp_path / "gabungan" / "site"), isi_edisi(situs)) == []


def test_merge_refuses_two_different_copies_of_an_edition(situs: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]):
    for nama in ("a", "b"):
        shutil.copytree(situs, tmp_path / nama / "site")
    (tmp_path / "b" / "site" / "dinas-contoh-01" / "2025" / "sampul.html").write_text("x")
    assert cli.main(["merge", str(tmp_path / "a"), str(tmp_path / "b"), "--output",
                     str(tmp_path / "c")]) == 1
    assert "dengan isi berbeda" in capsys.readouterr().err
    assert not (tmp_path / "c" / "site").exists()
