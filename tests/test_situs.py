"""End to end: build 2024 into a temporary folder and read the published HTML."""

from __future__ import annotations

import csv
import re
from decimal import Decimal
from pathlib import Path

import yaml

from lakip_lib import data

from .conftest import DATA
from .halaman import artikel, bagian, kalimat, rencana_sasaran, teks

HALAMAN = ["sampul", "ikhtisar", "bab1_pendahuluan", "bab2_perencanaan", "bab3_capaian",
           "sasaran_s1", "sasaran_s2", "sasaran_s3", "sasaran_s4", "bab3_anggaran",
           "bab4_penutup", "lampiran"]


def _bentuk(kalimat_: str, nama: list[str], satuan: list[str]) -> str:
    """A sentence's shape: the IKU names, figures and units masked."""
    for n in sorted(nama, key=len, reverse=True):
        kalimat_ = kalimat_.replace(n, "‹IKU›")
    kalimat_ = re.sub(r"-?\d+(?:[.,]\d+)*%?(?: \((?:[a-z]+ ?)+\))?", "‹n›", kalimat_)
    for s in sorted(["poin persentase", "poin", *satuan], key=len, reverse=True):
        kalimat_ = kalimat_.replace(f"‹n› {s}", "‹n› ‹satuan›")
    return kalimat_


def test_items_b_and_c_are_written_for_each_sasaran(situs_2024: Path):
    """Item b (the years before) and item c (the end-of-Renstra target) are shaped by each
    sasaran's own figures: no sentence, nor the shape of one (names, figures and units masked),
    is shared by two sasaran pages. Not compared: the source line under a table ("Sumber: …",
    a label, see `halaman.kalimat`) and, for the shapes, the correction notes (a fixed form:
    printed figure, recomputed figure, arithmetic)."""
    with (DATA / "indikator.csv").open(encoding="utf-8") as f:
        iku = list(csv.DictReader(f))
    nama, satuan = [b["nama"] for b in iku], [b["satuan"] for b in iku if b["satuan"]]
    halaman = {s: (situs_2024 / f"{s}.html").read_text(encoding="utf-8")
               for s in HALAMAN if s.startswith("sasaran_")}
    for item in ("b-perbandingan", "c-perbandingan"):
        sama: dict[str, set[str]] = {}
        bentuk: dict[str, set[str]] = {}
        for halaman_, html_ in halaman.items():
            for k in kalimat(bagian(html_, item)):
                sama.setdefault(k, set()).add(halaman_)
            for k in kalimat(bagian(html_, item), koreksi=False):
                bentuk.setdefault(_bentuk(k, nama, satuan), set()).add(halaman_)
        assert len(bentuk) >= len(halaman), item  # every page has its sentences
        assert {k: sorted(n) for k, n in sama.items() if len(n) > 1} == {}, item
        assert {k: sorted(n) for k, n in bentuk.items() if len(n) > 1} == {}, item


def test_no_sentence_repeats_within_a_page(situs_2024: Path):
    """Every sentence of a page's prose (paragraphs and list items, correction notes and the
    lines that refer back to them included) is said once on the page. Not counted: table
    cells, source lines under tables and charts ("Sumber: …"), text for screen readers only,
    and a closed correction disclosure (see `halaman.kalimat`). The review shows the edition's
    pages one after another, each page's notes as on that page."""
    for path in sorted(situs_2024.glob("*.html")):
        if path.name == "reviu.html":
            continue
        kalimat_ = kalimat(artikel(path.read_text(encoding="utf-8")))
        assert [k for k in dict.fromkeys(kalimat_) if kalimat_.count(k) > 1] == [], path.name


def test_every_part_is_published(situs_2024: Path):
    for nama in HALAMAN:
        assert (situs_2024 / f"{nama}.html").exists(), nama
    assert (situs_2024.parent / "index.html").read_text().count('url=2024/index.html') == 1


def test_page_titles(situs_2024: Path):
    judul = {n: teks(situs_2024 / f"{n}.html") for n in HALAMAN}
    assert "Ikhtisar Eksekutif" in judul["ikhtisar"]
    assert "Bab I Pendahuluan" in judul["bab1_pendahuluan"]
    assert "Sasaran 1: Meningkatnya kesetaraan gender" in judul["sasaran_s1"]
    assert "Sasaran 4: Meningkatnya status pembangunan desa" in judul["sasaran_s4"]
    assert "Perjanjian Kinerja" in judul["lampiran"]
    assert "Catatan konsistensi data" not in judul["lampiran"]  # the review's now


def test_budget_figures_in_indonesian_format(situs_2024: Path):
    ikhtisar = teks(situs_2024 / "ikhtisar.html", koreksi=False)
    assert "Rp97.000.169.679" in ikhtisar
    assert "Rp90.960.332.708" in ikhtisar and "93,77%" in ikhtisar
    assert "Sembilan Puluh Tujuh Miliar Seratus Enam Puluh Sembilan Ribu" in ikhtisar
    assert "90.961.032.708" not in teks(situs_2024 / "ikhtisar.html")  # the review shows it:
    assert "(tercetak 90.961.032.708)" in teks(situs_2024 / "reviu.html")


def test_each_iku_target_realisasi_capaian_kategori(situs_2024: Path):
    bab3 = teks(situs_2024 / "bab3_capaian.html", koreksi=False)
    for baris in [
        "Indeks Pemberdayaan Gender (IDG) 74,04 73,27 98,96% Sangat Tinggi",
        "Persentase Penurunan Kasus Kekerasan terhadap Perempuan dan Anak 5,50% -70,00% "
        "0,00% Sangat Rendah",
        "Angka Kelahiran Total (TFR) 2,33 anak per perempuan 2,31 anak per perempuan 100,86% "
        "Sangat Tinggi",
        "Persentase Desa dengan Klasifikasi Desa Maju 45,00% 98,69% 219,32% Sangat Tinggi",
    ]:
        assert baris in bab3


def test_tables_and_figures_numbered_per_chapter(situs_2024: Path):
    nomor: list[str] = []
    for nama in HALAMAN:
        html = (situs_2024 / f"{nama}.html").read_text()
        nomor += re.findall(r'<span class="lakip-nomor">Tabel (3\.\d+)</span>', html)
    angka = [int(n.split(".")[1]) for n in nomor]
    assert angka == list(range(1, len(angka) + 1))
    assert "Gambar 3.1 " in teks(situs_2024 / "bab3_capaian.html")


def test_every_sasaran_page_shows_what_its_plan_and_its_kinds_declare(situs_2024: Path):
    """A sasaran page shows exactly the numbered items its plan declares (the plan numbers the
    rest of the chapter without running the page), the kinds' supporting tables and charts
    (case counts, IDM status, CPR per kecamatan) among them."""
    halaman_ = rencana_sasaran(data.muat(2024), situs_2024)
    for nama, tampil, rencana, jenis in halaman_:
        assert tampil == rencana, nama
        assert set(jenis) <= set(tampil), nama
    assert [[j for j, _ in jenis] for _, _, _, jenis in halaman_] == [
        [], ["tabel", "gambar"], ["tabel", "gambar"], ["tabel", "gambar", "tabel"]]


def test_no_code_or_parameters_shown(situs_2024: Path):
    for nama in HALAMAN:
        isi = teks(situs_2024 / f"{nama}.html")
        assert "tahun = 2024" not in isi and "from lakip_lib" not in isi, nama


def test_source_lines_name_sources_not_files_or_commands(situs_2024: Path):
    """A table's "Sumber:" line is for the reader: no data-file path, code file or command."""
    jalur = re.compile(r"\.(csv|ya?ml|py|md)\b|\bdata/|\blakip ")
    for nama in HALAMAN:
        isi = (situs_2024 / f"{nama}.html").read_text(encoding="utf-8")
        for baris in re.findall(r'class="lakip-sumber">([^<]*)<', isi):
            assert not jalur.search(baris), (nama, baris)
        assert re.search(r'class="lakip-sumber">', isi) or nama in ("sampul", "bab4_penutup"), nama


def test_no_cdn_and_vega_served_locally(situs_2024: Path):
    assert (situs_2024 / "_static" / "vega-bundle.js").stat().st_size > 500_000
    for path in situs_2024.glob("*.html"):
        html = path.read_text()
        sumber = re.findall(r'<(?:script|link)[^>]+(?:src|href)="(https?://[^"]+)"', html)
        assert sumber == [], (path.name, sumber)
        assert "cdn.jsdelivr" not in html and "mathjax" not in html.lower()


def test_no_build_machine_paths_in_site(situs_2024: Path):
    for path in situs_2024.rglob("*.html"):
        assert "/tmp/" not in path.read_text() and "/work/" not in path.read_text(), path


def test_review_lists_audit_findings(situs_2024: Path):
    reviu = teks(situs_2024 / "reviu.html")
    assert "98,62%" in reviu and "98,96%" in reviu
    assert "90.961.032.708" in reviu


def test_edition_offers_its_data_as_a_frictionless_package(situs_2024: Path):
    import csv
    import json

    paket = json.loads((situs_2024 / "data" / "datapackage.json").read_text())
    assert paket["name"] == "lakip-2024" and len(paket["resources"]) >= 15
    for sumber in paket["resources"]:
        berkas = situs_2024 / "data" / sumber["path"]
        with berkas.open(encoding="utf-8") as f:
            kepala = next(csv.reader(f))
        assert kepala == [k["name"] for k in sumber["schema"]["fields"]], sumber["path"]


def test_every_page_shows_label_provenance_and_edition_list(situs_2024: Path):
    import json

    edisi = json.loads((situs_2024.parent / "editions.json").read_text())
    assert edisi[0]["tahun"] == 2024 and edisi[0]["label"] == "Final, Januari 2025"
    isi = teks(situs_2024 / "bab4_penutup.html")
    assert "LAKIP 2024 · Final, Januari 2025" in isi
    assert not re.search(r"\b[0-9a-f]{10,}\b", isi)  # no fingerprints in the reader's view
    # the footer tells the edition's date from the build date, and links the provenance page
    assert re.search(r"Edisi Final, Januari 2025, terbit \w+ 2025\. Halaman ini "
                     r"dibangun pada \d{1,2} \w+ \d{4} · Tentang edisi ini", isi), isi[-300:]
    tentang = teks(situs_2024 / "tentang.html")
    assert re.search(r"Sidik data [0-9a-f]{12} — ", tentang)
    assert re.search(r"Versi program \S+ — ", tentang)


def test_data_download_page_lists_every_dataset_with_description_and_csv(situs_2024: Path):
    import json

    paket = json.loads((situs_2024 / "data" / "datapackage.json").read_text())
    halaman = (situs_2024 / "data" / "index.html").read_text(encoding="utf-8")
    assert 'href="data/index.html">Unduh data</a>' in (situs_2024 / "ikhtisar.html").read_text(
        encoding="utf-8")
    assert 'href="datapackage.json"' in halaman
    isi = teks(situs_2024 / "data" / "index.html")
    for sumber in paket["resources"]:
        berkas = situs_2024 / "data" / sumber["path"]
        if len(berkas.read_text(encoding="utf-8").strip().splitlines()) < 2:
            continue  # a header-only file is not offered on the page
        assert f'href="{sumber["path"]}"' in halaman
        assert sumber["description"] and " ".join(sumber["description"].split()) in isi


def test_perjanjian_kinerja_is_the_signed_form(situs_2024: Path):
    """The Lampiran lays the PK out as the form: both parties, both signature blocks (the agency
    head with rank and NIP on the PK date), and the targets the PK data holds."""
    edisi = yaml.safe_load((DATA / "2024" / "edisi.yaml").read_text(encoding="utf-8"))
    kepala = edisi["kepala"]  # the head of agency is a fact of the year
    pk = edisi["perjanjian_kinerja"]
    html = (situs_2024 / "lampiran.html").read_text(encoding="utf-8")
    lampiran = teks(situs_2024 / "lampiran.html", koreksi=False)
    assert f"Nama: {kepala['nama']} Jabatan: {kepala['jabatan']} selanjutnya disebut Pihak " \
           "Pertama." in lampiran
    assert f"Nama: {pk['pihak_kedua']['nama']} Jabatan: {pk['pihak_kedua']['jabatan']} selaku " \
           "atasan Pihak Pertama, selanjutnya disebut Pihak Kedua." in lampiran
    ttd = re.search(r'<div class="lakip-pk-ttd">(.*?)</div></div></div>', html).group(1)
    assert [re.sub(r"<[^>]+>", " ", b).split() for b in ttd.split('<div class="lakip-ttd">')[1:]] \
        == [f"Pihak Kedua, {pk['pihak_kedua']['jabatan']}, {pk['pihak_kedua']['nama']}".split(),
            (f"Paringin, 18 September 2024 Pihak Pertama, {kepala['jabatan']}, {kepala['nama']} "
             f"{kepala['pangkat']} / {kepala['golongan']} NIP. {kepala['nip']}").split()]
    tercetak = dict(re.findall(r'data-fakta="(IKU\d)\.target">([0-9.,-]+)', html))
    with (DATA / "2024" / "target.csv").open(encoding="utf-8") as f:
        target = {b["indikator"]: Decimal(b["target"]) for b in csv.DictReader(f)
                  if b["dasar"] == "pk"}
    assert {k: Decimal(v.replace(".", "").replace(",", ".")) for k, v in tercetak.items()} \
        == target
    # the budget as signed: its own lines (per sasaran) and their total, as in Bab II
    assert "Anggaran per Sasaran dalam Perjanjian Kinerja" in lampiran
    for halaman in ("lampiran.html", "bab2_perencanaan.html"):
        isi = (situs_2024 / halaman).read_text(encoding="utf-8")
        assert re.search(r'data-fakta="pk_anggaran\.total\.anggaran">47\.355\.756\.350<', isi)
        assert 'data-fakta="anggaran.P01.anggaran"' not in isi, halaman  # not the DPA's programmes


def test_organisation_chart_draws_every_unit_under_its_superior(situs_2024: Path):
    """Bab I's Gambar 1.1 has a box for every unit of instansi.yaml, in order; a unit naming an
    `atasan` sits inside that unit's branch, the others directly under the head."""
    struktur = yaml.safe_load((DATA / "instansi.yaml").read_text(encoding="utf-8"))["struktur"]
    html = (situs_2024 / "bab1_pendahuluan.html").read_text(encoding="utf-8")
    bagan = re.search(r'<figure class="lakip-bagan" id="gambar-1-1">(.*?)</figure>', html).group(1)
    unit = re.findall(r'<div class="lakip-bagan-unit">([^<]+)', bagan)
    assert unit == [u["unit"] for u in struktur]
    kedalaman = {}
    tingkat = 0
    for tanda, nama in re.findall(r'(<ul>|</ul>)|<div class="lakip-bagan-unit">([^<]+)', bagan):
        tingkat += {"<ul>": 1, "</ul>": -1}.get(tanda, 0)
        if nama:
            kedalaman[nama] = tingkat
    for u in struktur[1:]:
        atasan = u.get("atasan", struktur[0]["unit"])
        assert kedalaman[u["unit"]] == kedalaman[atasan] + 1, u["unit"]
    assert any("atasan" in u for u in struktur)
    assert "Gambar 1.1 Bagan Organisasi" in teks(situs_2024 / "bab1_pendahuluan.html")
